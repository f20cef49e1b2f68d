#include "sync_world.h"

#include <cstdlib>
#include <iostream>

#include "sitebook/domain/json.h"

namespace sitebook::sync::testing {

using nlohmann::json;
using server::EntityType;

std::uint64_t testSeed(const char* testName) {
    std::uint64_t seed = 0;
    if (const char* text = std::getenv("SITEBOOK_SEED"); text && *text) {
        seed = std::strtoull(text, nullptr, 10);
    } else {
        std::random_device rd;
        seed = (std::uint64_t{rd()} << 32) ^ rd();
    }
    std::cout << testName << ": seed " << seed << " (replay with SITEBOOK_SEED=" << seed << ")"
              << std::endl;
    return seed;
}

namespace {

template <typename T>
const T& pick(const std::vector<T>& v, std::mt19937_64& rng) {
    return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
}

bool chance(std::mt19937_64& rng, double p) {
    return std::uniform_real_distribution<double>(0.0, 1.0)(rng) < p;
}

int between(std::mt19937_64& rng, int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
}

json appointmentBody(const std::string& id, const std::string& person, const std::string& order,
                     const std::string& session) {
    return {{"id", id},
            {"person_id", person},
            {"order_id", order},
            {"session_id", session},
            {"scheduled_start", "09:00"},
            {"scheduled_end", "16:00"}};
}

std::string protocolTypeName(v1::EntityType type) {
    std::string name = v1::EntityType_Name(type);
    const std::string prefix = "ENTITY_TYPE_";
    if (name.rfind(prefix, 0) == 0)
        name = name.substr(prefix.size());
    for (char& ch : name)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return name;
}

}  // namespace

void SyncWorld::buildRegion(std::mt19937_64& rng, int people, int appointmentsPerPerson) {
    for (const char* name : {"sam.supervisor", "kim.supervisor", "lee.supervisor"}) {
        userIds_[name] = addUser(name, server::Role::Supervisor);
        roles_[name] = "supervisor";
    }
    for (const char* name : {"olu.officer", "ria.officer"}) {
        userIds_[name] = addUser(name, server::Role::Officer);
        roles_[name] = "officer";
    }
    const std::string sam = userIds_["sam.supervisor"], kim = userIds_["kim.supervisor"],
                      lee = userIds_["lee.supervisor"];
    // The first project is shared by two supervisors: they can record the same appointment.
    const std::vector<std::vector<std::string>> staffing{{sam, kim}, {kim}, {lee}};
    int code = 1;
    for (const auto& supervisors : staffing) {
        const std::string project = newId();
        if (sharedProject_.empty())
            sharedProject_ = project;
        putEntity(EntityType::Project, project,
                  {{"id", project},
                   {"code", "P-00" + std::to_string(code++)},
                   {"name", "Project " + std::to_string(code)},
                   {"type", "GROUP"},
                   {"location", "Riverside"},
                   {"beneficiary", "Parks"},
                   {"hi_vis_required", true},
                   {"supervisor_ids", supervisors}});
        for (const char* date : {"2026-01-01", "2026-01-02"}) {
            const std::string session = newId();
            putEntity(EntityType::Session, session,
                      {{"id", session},
                       {"project_id", project},
                       {"date", date},
                       {"start", "09:00"},
                       {"end", "16:00"}});
            sessions_.push_back(session);
            sessionProject_[session] = project;
        }
    }
    const std::vector<std::string> officers{userIds_["olu.officer"], userIds_["ria.officer"]};
    for (int i = 0; i < people; ++i) {
        const std::string person = newId(), order = newId();
        const std::string officer = officers[static_cast<std::size_t>(i) % officers.size()];
        putEntity(EntityType::Person, person,
                  {{"id", person},
                   {"crn", "X" + std::to_string(100000 + i)},
                   {"forenames", "Alex"},
                   {"surname", "Person" + std::to_string(i)},
                   {"date_of_birth", "1990-05-01"},
                   {"responsible_officer_id", officer},
                   {"placement_flags", json::array()},
                   {"restricted_access", false}});
        putEntity(EntityType::Order, order,
                  {{"id", order},
                   {"person_id", person},
                   {"sentence_date", "2025-10-01"},
                   {"required_minutes", 6000},
                   {"adjustments", json::array()}});
        people_.push_back(person);
        personOfficer_[person] = officer;
        orderOf_[person] = order;
        for (int a = 0; a < appointmentsPerPerson; ++a) {
            const std::string appointment = newId();
            const std::string session = pick(sessions_, rng);
            putEntity(EntityType::Appointment, appointment,
                      appointmentBody(appointment, person, order, session));
            appointments_.push_back(appointment);
            appointmentPerson_[appointment] = person;
            appointmentSession_[appointment] = session;
        }
    }
}

void SyncWorld::addDevices(int port) {
    target_ = port != 0 ? port : server_->port();
    for (const auto& [username, role] : roles_) {
        auto d = std::make_unique<WorldDevice>();
        d->username = username;
        GrpcTransportConfig config;
        config.target = "127.0.0.1:" + std::to_string(target_);
        config.caCertificatePem = ca_.certificatePem;
        config.tlsServerName = "localhost";
        config.unaryDeadline = std::chrono::seconds(10);
        config.downloadDeadline = std::chrono::seconds(20);
        auto t = makeGrpcTransport(config);
        ASSERT_TRUE(t.ok()) << t.error().toString();
        d->transport = std::move(t).value();
        d->deviceId = newId();
        // Signing in is not under test here; retried across injected faults (bounded).
        Result<Credentials> creds = makeError(ErrorCode::Unavailable, "not tried");
        for (int attempt = 0; attempt < 50 && !creds.ok(); ++attempt)
            creds = d->transport->login(
                {username, server::testing::kPassword, d->deviceId, "test phone"});
        ASSERT_TRUE(creds.ok()) << creds.error().toString();
        d->userId = creds->userId;
        d->role = creds->role;
        auto opened =
            store::LocalStore::open(d->dbPath(), sitebook::testing::testKey(),
                                    {d->deviceId, d->userId, creds->role}, clock_, deviceRandom_);
        ASSERT_TRUE(opened.ok()) << opened.error().toString();
        d->store = std::move(opened).value();
        SyncOptions options;
        options.downloadPageSize = 50;  // several messages per download: resumption matters
        d->engine = std::make_unique<SyncEngine>(
            *d->store, *d->transport, clock_, deviceRandom_, [](const std::string&) {}, options);
        ASSERT_TRUE(d->engine->adoptCredentials(*creds).ok());
        devices_.push_back(std::move(d));
    }
}

WorldDevice& SyncWorld::deviceOf(const std::string& username) {
    for (auto& d : devices_) {
        if (d->username == username)
            return *d;
    }
    throw std::runtime_error("no device for " + username);
}

std::vector<std::string> SyncWorld::ids(WorldDevice& d, const std::string& sql) {
    std::vector<std::string> out;
    auto stmt = d.store->database().prepare(sql);
    EXPECT_TRUE(stmt.ok());
    if (!stmt.ok())
        return out;
    for (int i = 0; i < 100000; ++i) {
        auto row = stmt->step();
        if (!row.ok() || !*row)
            break;
        out.push_back(stmt->columnText(0));
    }
    return out;
}

Result<SyncReport> SyncWorld::syncOnce(WorldDevice& d) {
    ++counts_.syncs;
    auto r = d.engine->sync();
    if (!r.ok()) {
        ++counts_.failedSyncs;
        EXPECT_TRUE(isTransient(r.error())) << d.username << ": " << r.error().toString();
    }
    return r;
}

bool SyncWorld::randomChange(WorldDevice& d, std::mt19937_64& rng) {
    using namespace domain;
    auto appointments = ids(d, "SELECT id FROM appointments ORDER BY id");
    auto people = ids(d, "SELECT id FROM people ORDER BY id");
    Status done = makeError(ErrorCode::NotFound, "nothing to change");
    const int what = between(rng, 0, 5);
    if (d.role == Role::Supervisor && !appointments.empty()) {
        const std::string appt = pick(appointments, rng);
        if (what <= 1) {
            AppointmentOutcome o;
            if (chance(rng, 0.8)) {
                o = sitebook::testing::attendedOutcome(9, between(rng, 12, 16),
                                                       between(rng, 0, 4) * 15);
            } else {
                o.code = Outcome(OutcomeCode::UACP);
            }
            auto r = d.store->recordOutcome(appt, o);
            done = r.ok() ? Status{} : Status(r.error());
        } else if (what == 2) {
            WorkUndertaken w;
            w.appointment_id = appt;
            w.category = WorkCategory::LitterCleanUp;
            w.description = "Cleared " + std::to_string(between(rng, 1, 40)) + " bags";
            auto r = d.store->addWorkUndertaken(w);
            done = r.ok() ? Status{} : Status(r.error());
        } else if (what == 3) {
            SkillObservation s;
            s.appointment_id = appt;
            s.skill = Skill::Teamwork;
            s.level = SkillLevel::Practising;
            auto r = d.store->addSkillObservation(s);
            done = r.ok() ? Status{} : Status(r.error());
        } else if (what == 4) {
            Feedback f;
            f.appointment_id = appt;
            f.progress = "Progress note " + std::to_string(between(rng, 1, 1000));
            auto r = d.store->saveFeedback(f);
            done = r.ok() ? Status{} : Status(r.error());
        } else if (!people.empty()) {
            CaseNote n;
            n.person_id = pick(people, rng);
            n.text = "Site note " + std::to_string(between(rng, 1, 1000));
            auto r = d.store->addCaseNote(n);
            done = r.ok() ? Status{} : Status(r.error());
        }
    } else if (d.role == Role::Officer && !people.empty()) {
        if (what <= 3 || appointments.empty()) {
            CaseNote n;
            n.person_id = pick(people, rng);
            n.text = "Supervision note " + std::to_string(between(rng, 1, 1000));
            n.sensitive = chance(rng, 0.2);
            auto r = d.store->addCaseNote(n);
            done = r.ok() ? Status{} : Status(r.error());
        } else {
            const std::string appt = pick(appointments, rng);
            auto a = d.store->appointment(appt);
            if (a.ok() && a->has_value()) {
                EnforcementDecision e;
                e.appointment_id = appt;
                e.order_id = (*a)->order_id;
                e.action = EnforcementAction::NoFurtherAction;
                e.decided_on = *CivilDate::parse("2026-01-01");
                e.note = "Reasonable excuse accepted";
                auto r = d.store->recordEnforcementDecision(e);
                done = r.ok() ? Status{} : Status(r.error());
            }
        }
    }
    if (done.ok())
        ++counts_.operations;
    else
        ++counts_.refused;
    return done.ok();
}

void SyncWorld::conflictingOutcomes(std::mt19937_64& rng) {
    auto& sam = deviceOf("sam.supervisor");
    auto& kim = deviceOf("kim.supervisor");
    std::vector<std::string> shared;
    for (const auto& [appt, session] : appointmentSession_) {
        if (sessionProject_[session] == sharedProject_)
            shared.push_back(appt);
    }
    if (shared.empty())
        return;
    const std::string appt = pick(shared, rng);
    bool both = true;
    for (WorldDevice* d : {&sam, &kim}) {
        auto o =
            sitebook::testing::attendedOutcome(9, between(rng, 12, 16), between(rng, 0, 4) * 15);
        both = d->store->recordOutcome(appt, o).ok() && both;
    }
    if (both) {
        counts_.operations += 2;
        ++counts_.conflictsForced;
    }
}

void SyncWorld::reassign(std::mt19937_64& rng) {
    ++counts_.reassignments;
    if (chance(rng, 0.5)) {
        // The person moves to the other officer.
        const std::string person = pick(people_, rng);
        const std::string next = personOfficer_[person] == userIds_["olu.officer"]
                                     ? userIds_["ria.officer"]
                                     : userIds_["olu.officer"];
        personOfficer_[person] = next;
        const int index =
            static_cast<int>(std::find(people_.begin(), people_.end(), person) - people_.begin());
        putEntity(EntityType::Person, person,
                  {{"id", person},
                   {"crn", "X" + std::to_string(100000 + index)},
                   {"forenames", "Alex"},
                   {"surname", "Person" + std::to_string(index)},
                   {"date_of_birth", "1990-05-01"},
                   {"responsible_officer_id", next},
                   {"placement_flags", json::array()},
                   {"restricted_access", false}});
    } else {
        // The appointment moves to another supervisor's roster.
        const std::string appt = pick(appointments_, rng);
        const std::string session = pick(sessions_, rng);
        appointmentSession_[appt] = session;
        const std::string person = appointmentPerson_[appt];
        putEntity(EntityType::Appointment, appt,
                  appointmentBody(appt, person, orderOf_[person], session));
    }
}

void SyncWorld::randomStep(std::mt19937_64& rng) {
    clock_.advance(between(rng, 0, 2000));
    auto& d =
        *devices_[static_cast<std::size_t>(between(rng, 0, static_cast<int>(devices_.size()) - 1))];
    const int roll = between(rng, 0, 99);
    if (roll < 72) {
        randomChange(d, rng);
    } else if (roll < 87) {
        if (!d.offline)
            (void)syncOnce(d);
    } else if (roll < 93) {
        d.offline = !d.offline;
    } else if (roll < 97) {
        reassign(rng);
    } else {
        conflictingOutcomes(rng);
    }
}

bool SyncWorld::syncUntilQuiescent(int maxRounds) {
    for (auto& d : devices_)
        d->offline = false;
    std::map<std::string, std::string> unsettled;  // device -> why its last sync moved or failed
    for (int round = 0; round < maxRounds; ++round) {
        bool moved = false;
        bool failed = false;
        unsettled.clear();
        for (auto& d : devices_) {
            // Rejected changes: the user looks at each and discards it.
            if (auto rejected = d->store->outbox("rejected"); rejected.ok()) {
                for (const auto& e : *rejected) {
                    EXPECT_TRUE(d->store->discard(e.opId, "no longer on my roster").ok());
                    moved = true;
                }
            }
            auto r = syncOnce(*d);
            if (!r.ok()) {
                failed = true;
                unsettled[d->username] = "failed: " + r.error().toString();
                continue;
            }
            if (r->accepted + r->conflicts + r->rejected + r->retryLater + r->recordsDownloaded +
                        r->purgedRecords >
                    0 ||
                !r->complete || !r->repairedPartitions.empty()) {
                moved = true;
                unsettled[d->username] =
                    "moved: " + std::to_string(r->accepted + r->conflicts) + " accepted, " +
                    std::to_string(r->rejected) + " rejected, " + std::to_string(r->retryLater) +
                    " to retry, " + std::to_string(r->recordsDownloaded) + " downloaded, " +
                    std::to_string(r->purgedRecords) + " purged, " +
                    std::to_string(r->repairedPartitions.size()) + " repaired" +
                    (r->complete ? "" : ", incomplete");
            }
        }
        if (!moved && !failed)
            return true;
    }
    for (const auto& [device, why] : unsettled)
        std::cout << "not settled: " << device << ": " << why << std::endl;
    return false;
}

void SyncWorld::expectConverged() {
    using Row = std::tuple<std::string, std::string, std::string, std::int64_t, std::string>;
    std::set<std::string> acknowledged;
    std::set<std::string> notSent;
    for (auto& d : devices_) {
        // 1. The device's server copies are exactly the server's view of the user's scope.
        auto session = login(d->username);
        auto pulled = pull(session);
        ASSERT_TRUE(pulled.status.ok()) << pulled.status.error_message();
        std::set<Row> expected;
        for (const auto& c : pulled.changes) {
            if (!c.removed()) {
                expected.emplace(c.partition(), protocolTypeName(c.entity_type()), c.entity_id(),
                                 c.version(), c.body_json());
            }
        }
        std::set<Row> held;
        auto stmt = d->store->database().prepare(
            "SELECT partition, entity_type, entity_id, version, body FROM sync_records");
        ASSERT_TRUE(stmt.ok());
        for (int i = 0; i < 1'000'000; ++i) {
            auto row = stmt->step();
            ASSERT_TRUE(row.ok());
            if (!*row)
                break;
            held.emplace(stmt->columnText(0), stmt->columnText(1), stmt->columnText(2),
                         stmt->columnInt(3), stmt->columnText(4));
        }
        std::vector<Row> missing, extra;
        std::set_difference(expected.begin(), expected.end(), held.begin(), held.end(),
                            std::back_inserter(missing));
        std::set_difference(held.begin(), held.end(), expected.begin(), expected.end(),
                            std::back_inserter(extra));
        EXPECT_TRUE(missing.empty() && extra.empty())
            << d->username << ": " << missing.size() << " record(s) missing, " << extra.size()
            << " extra; first missing: "
            << (missing.empty() ? "-"
                                : std::get<0>(missing[0]) + " " + std::get<1>(missing[0]) + " " +
                                      std::get<2>(missing[0]))
            << "; first extra: "
            << (extra.empty() ? "-"
                              : std::get<0>(extra[0]) + " " + std::get<1>(extra[0]) + " " +
                                    std::get<2>(extra[0]));
        // Supervisors always see their projects; an officer sees something only while some
        // person is on their caseload (the office may have moved everyone to the other one).
        bool hasScope = d->role != domain::Role::Officer;
        for (const auto& [person, officer] : personOfficer_)
            hasScope = hasScope || officer == d->userId;
        EXPECT_EQ(!expected.empty(), hasScope) << d->username;
        auto repair = d->store->partitionsToRepair();
        ASSERT_TRUE(repair.ok());
        EXPECT_TRUE(repair->empty()) << d->username;
        EXPECT_EQ(*d->store->outboxCount("pending"), 0) << d->username;
        EXPECT_EQ(*d->store->outboxCount("rejected"), 0) << d->username;

        auto entries = d->store->outbox("sent", 1'000'000);
        ASSERT_TRUE(entries.ok());
        for (const auto& e : *entries)
            EXPECT_TRUE(acknowledged.insert(e.opId).second);
        auto discarded = d->store->outbox("discarded", 1'000'000);
        ASSERT_TRUE(discarded.ok());
        for (const auto& e : *discarded)
            notSent.insert(e.opId);
    }

    // 2. Every acknowledged change is on the server exactly once, audited exactly once; nothing
    //    the devices did not send is there.
    auto db = storage::Database::openUnencrypted(dbPath());
    ASSERT_TRUE(db.ok());
    std::map<std::string, std::int64_t> operations, audited;
    auto ops = (*db)->prepare("SELECT op_id, COUNT(*) FROM operations GROUP BY op_id");
    ASSERT_TRUE(ops.ok());
    for (int i = 0; i < 1'000'000; ++i) {
        auto row = ops->step();
        ASSERT_TRUE(row.ok());
        if (!*row)
            break;
        operations[ops->columnText(0)] = ops->columnInt(1);
    }
    auto audit =
        (*db)->prepare("SELECT op_id, COUNT(*) FROM audit_log WHERE op_id != '' GROUP BY op_id");
    ASSERT_TRUE(audit.ok());
    for (int i = 0; i < 1'000'000; ++i) {
        auto row = audit->step();
        ASSERT_TRUE(row.ok());
        if (!*row)
            break;
        audited[audit->columnText(0)] = audit->columnInt(1);
    }
    std::int64_t lost = 0, duplicated = 0, unexpected = 0;
    for (const auto& op : acknowledged) {
        if (!operations.count(op) || !audited.count(op))
            ++lost;
        else if (operations[op] != 1 || audited[op] != 1)
            ++duplicated;
    }
    for (const auto& [op, n] : operations) {
        if (!acknowledged.count(op))
            ++unexpected;
    }
    for (const auto& op : notSent)
        EXPECT_FALSE(operations.count(op)) << "discarded " << op;
    EXPECT_EQ(lost, 0);
    EXPECT_EQ(duplicated, 0);
    EXPECT_EQ(unexpected, 0);
    EXPECT_EQ(static_cast<std::int64_t>(operations.size()),
              static_cast<std::int64_t>(acknowledged.size()));
    std::cout << "converged: " << devices_.size() << " devices, " << counts_.operations
              << " changes (" << counts_.refused << " refused locally), " << acknowledged.size()
              << " acknowledged, " << notSent.size() << " discarded after rejection, "
              << counts_.reassignments << " reassignments, " << counts_.conflictsForced
              << " forced conflicts, " << counts_.syncs << " syncs (" << counts_.failedSyncs
              << " failed), " << lost << " lost, " << duplicated << " duplicated" << std::endl;
}

}  // namespace sitebook::sync::testing
