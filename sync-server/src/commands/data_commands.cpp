// `demo-data`: loads the synthetic region of Sitebook::Demo into an empty server.
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "commands/command_support.h"
#include "sitebook/common/hlc.h"
#include "sitebook/common/uuid.h"
#include "sitebook/domain/civil_date.h"
#include "sitebook/domain/json.h"
#include "sitebook/server/commands.h"
#include "sitebook/server/demo/demo_region.h"
#include "sitebook/server/reconcile/outcome_resolution.h"
#include "sitebook/server/sync/entity_writer.h"
#include "sitebook/server/sync/upload_processor.h"

namespace sitebook::server {

namespace {

using nlohmann::json;

const std::string kDemoDataUsage =
    "usage: sitebook-server demo-data [--data-dir DIR] [--seed N] [--people N]\n"
    "                                 [--password-stdin]\n"
    "\n"
    "Loads a realistic synthetic region (staff, projects, people on probation with orders,\n"
    "four weeks of sessions with recorded outcomes, supervisor records, case notes,\n"
    "enforcement decisions) dated around today, then reconciles it so officers have progress\n"
    "and an inbox. All names and case details are invented.\n"
    "\n"
    "Every demo user (supervisors dmarsh sokoro plangley kwhitfield; officers radeyemi\n"
    "thargreaves niqbal cfenwick; admin aclarke; manager mbrennan) gets the same password:\n"
    "with --password-stdin it is the first line of standard input (at least 12 characters);\n"
    "otherwise a random one is generated and printed once. It is never taken from the\n"
    "command line.\n"
    "\n"
    "Runs only on a server without records. Running it again on a server that already holds\n"
    "the demo region does nothing and succeeds; on a server with other data it refuses.\n"
    "\n" +
    kDataDirOptionHelp +
    "  --seed N           region seed (default 1): the same seed and day give the same region\n"
    "  --people N         people on probation (default 44, at least 40)\n"
    "  --password-stdin   read the demo password from standard input\n";

struct ExtraStaff {
    const char* username;
    const char* displayName;
    Role role;
};
constexpr ExtraStaff kExtraStaff[] = {
    {"aclarke", "Alison Clarke", Role::Admin},
    {"mbrennan", "Mark Brennan", Role::Manager},
};

Role fromDomainRole(domain::Role role) {
    switch (role) {
        case domain::Role::Supervisor:
            return Role::Supervisor;
        case domain::Role::Officer:
            return Role::Officer;
        case domain::Role::Admin:
            return Role::Admin;
        case domain::Role::Manager:
            return Role::Manager;
    }
    return Role::Supervisor;
}

// A readable random password: 4 groups of 5 lower-case letters and digits (~103 bits).
std::string generatePassword(RandomSource& random) {
    static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";  // 32 symbols
    std::array<std::uint8_t, 20> bytes{};
    random.fill(bytes);
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i != 0 && i % 5 == 0)
            out += '-';
        out += kAlphabet[bytes[i] % 32];
    }
    std::fill(bytes.begin(), bytes.end(), 0);
    return out;
}

Status putRecord(UnitOfWork& uow, EntityType type, const std::string& id, const std::string& body,
                 const WriteContext& context) {
    auto written = EntityWriter::put(uow, type, id, body, context);
    if (!written) {
        Error e = written.error();
        e.message = std::string(entityTypeName(type)) + " " + id + ": " + e.message;
        return e;
    }
    return okStatus();
}

// Outcome recordings become what sync would have left: one operation per recording (later
// different recordings as conflicts) and the record holding the deterministic winner.
Status loadRecordings(UnitOfWork& uow, const demo::DemoRegion& region, UuidGenerator& ids,
                      const UnixMillis now) {
    std::map<std::string, std::vector<const demo::OutcomeRecording*>> byAppointment;
    for (const auto& r : region.recordings)
        byAppointment[r.appointment_id].push_back(&r);
    std::map<std::string, std::string> userOfDevice;
    for (const auto& s : region.staff)
        userOfDevice[s.device_id] = s.id;

    for (const auto& appointment : region.appointments) {
        auto found = byAppointment.find(appointment.id);
        if (found == byAppointment.end()) {
            if (appointment.outcome) {
                json wrapped = json::parse(domain::toJson(appointment));
                SB_TRY(putRecord(uow, EntityType::AppointmentOutcome, appointment.id,
                                 wrapped["outcome"].dump(), WriteContext{now, "", ""}));
            }
            continue;
        }
        auto recordings = found->second;
        std::sort(recordings.begin(), recordings.end(), [](const auto* a, const auto* b) {
            return std::tie(a->hlc, a->device_id) < std::tie(b->hlc, b->device_id);
        });
        std::int64_t version = 0;
        std::string previousSubstance;
        for (std::size_t i = 0; i < recordings.size(); ++i) {
            const demo::OutcomeRecording& r = *recordings[i];
            domain::Appointment withOutcome = appointment;
            withOutcome.outcome = r.outcome;
            const std::string payload = json::parse(domain::toJson(withOutcome))["outcome"].dump();
            const std::string substance = reconcile::substanceKey(r.outcome);
            const bool conflict = i > 0 && substance != previousSubstance;
            previousSubstance = substance;
            IncomingOperation op;
            op.opId = ids.next().toString();
            op.type = EntityType::AppointmentOutcome;
            op.entityId = appointment.id;
            op.kind = i == 0 ? OpKind::Create : OpKind::Update;
            op.payload = payload;
            op.hlc = r.hlc.toString();
            op.deviceTimeMillis = r.hlc.millis;
            op.baseVersion = conflict ? 0 : version;
            // Sorted by HLC: each later recording is the winner so far.
            auto written = EntityWriter::put(uow, EntityType::AppointmentOutcome, appointment.id,
                                             payload, WriteContext{now, op.hlc, op.opId});
            if (!written)
                return written.error();
            version = written->after.version;

            OperationRecord record;
            record.opId = op.opId;
            record.bodyHash = UploadProcessor::bodyHash(op);
            record.userId = r.outcome.recorded_by;
            record.deviceId = r.device_id;
            record.entityType = std::string(entityTypeName(op.type));
            record.entityId = appointment.id;
            record.kind = std::string(opKindName(op.kind));
            record.payload = payload;
            record.hlc = op.hlc;
            record.outcome = conflict ? OpOutcome::AcceptedWithConflict : OpOutcome::Accepted;
            record.resultVersion = version;
            record.deviceTimeMillis = op.deviceTimeMillis;
            record.serverTimeMillis = now;
            SB_TRY(uow.insertOperation(record));
        }
    }
    return okStatus();
}

// Writes the whole region, users included, in `uow`. Returns the person ids.
Result<std::vector<std::string>> loadRegion(UnitOfWork& uow, const demo::DemoRegion& region,
                                            const std::string& passwordHash, UuidGenerator& ids,
                                            const UnixMillis now) {
    for (const auto& s : region.staff) {
        UserRecord user{s.id,  s.username, s.display_name, passwordHash, fromDomainRole(s.role),
                        false, now};
        SB_TRY(uow.insertUser(user));
    }
    for (const auto& extra : kExtraStaff) {
        UserRecord user{ids.next().toString(),
                        extra.username,
                        extra.displayName,
                        passwordHash,
                        extra.role,
                        false,
                        now};
        SB_TRY(uow.insertUser(user));
    }
    const WriteContext server{now, "", ""};
    for (const auto& p : region.projects)
        SB_TRY(putRecord(uow, EntityType::Project, p.id, domain::toJson(p), server));
    for (const auto& s : region.sessions)
        SB_TRY(putRecord(uow, EntityType::Session, s.id, domain::toJson(s), server));
    std::vector<std::string> people;
    for (const auto& p : region.people) {
        SB_TRY(putRecord(uow, EntityType::Person, p.id, domain::toJson(p), server));
        people.push_back(p.id);
    }
    for (const auto& o : region.orders)
        SB_TRY(putRecord(uow, EntityType::Order, o.id, domain::toJson(o), server));
    for (auto a : region.appointments) {
        a.outcome.reset();  // outcomes are records of their own
        SB_TRY(putRecord(uow, EntityType::Appointment, a.id, domain::toJson(a), server));
    }
    SB_TRY(loadRecordings(uow, region, ids, now));
    for (const auto& w : region.work)
        SB_TRY(putRecord(uow, EntityType::WorkUndertaken, w.id, domain::toJson(w), server));
    for (const auto& s : region.skills)
        SB_TRY(putRecord(uow, EntityType::SkillObservation, s.id, domain::toJson(s), server));
    for (const auto& f : region.feedback)
        SB_TRY(putRecord(uow, EntityType::Feedback, f.id, domain::toJson(f), server));
    // Amended notes after their originals: the region lists them in creation order.
    for (const auto& n : region.case_notes)
        SB_TRY(putRecord(uow, EntityType::CaseNote, n.id, domain::toJson(n), server));
    for (const auto& d : region.decisions)
        SB_TRY(putRecord(uow, EntityType::EnforcementDecision, d.id, domain::toJson(d), server));

    AuditEntry audit;
    audit.action = "demo_data_loaded";
    audit.entityType = "region";
    audit.entityId = region.name;
    audit.serverTimeMillis = now;
    audit.after = json{{"people", region.people.size()},
                       {"projects", region.projects.size()},
                       {"sessions", region.sessions.size()},
                       {"appointments", region.appointments.size()},
                       {"staff", region.staff.size() + std::size(kExtraStaff)}}
                      .dump();
    SB_TRY(uow.appendAudit(audit));
    return people;
}

Result<int> parseInt(const ParsedArgs& args, const std::string& name, int fallback, int min,
                     int max) {
    auto text = args.value(name);
    if (!text)
        return fallback;
    char* end = nullptr;
    const long value = std::strtol(text->c_str(), &end, 10);
    if (text->empty() || *end != '\0' || value < min || value > max) {
        return makeError(
            ErrorCode::InvalidArgument,
            "must be a number from " + std::to_string(min) + " to " + std::to_string(max), name);
    }
    return static_cast<int>(value);
}

int runDemoData(CommandContext& ctx) {
    auto args =
        parseArgs(ctx.args, {"--data-dir", "--database", "--db-pool-size", "--seed", "--people"},
                  {"--password-stdin"});
    if (!args)
        return failCommand(ctx.err, args.error());
    if (args->help) {
        ctx.out << kDemoDataUsage;
        return kExitOk;
    }
    auto seed = parseInt(*args, "--seed", 1, 0, 1'000'000'000);
    if (!seed)
        return failCommand(ctx.err, seed.error());
    auto peopleCount = parseInt(*args, "--people", 44, 40, 5000);
    if (!peopleCount)
        return failCommand(ctx.err, peopleCount.error());
    auto store = DataDir::fromArgs(*args).openStore();
    if (!store)
        return failCommand(ctx.err, store.error());

    demo::DemoOptions options;
    options.seed = static_cast<std::uint64_t>(*seed);
    options.today = domain::CivilDate::fromUnixMillis(ctx.clock.nowMillis());
    options.people = *peopleCount;
    const demo::DemoRegion region = demo::generateRegion(options);
    if (auto valid = demo::validateRegion(region); !valid)
        return failCommand(ctx.err, valid.error());

    // Already loaded, or other data present?
    {
        auto uow = (*store)->begin(AccessMode::ReadOnly);
        if (!uow)
            return failCommand(ctx.err, uow.error());
        auto first = (*uow)->findUserByName(region.staff.front().username);
        if (!first)
            return failCommand(ctx.err, first.error());
        auto people = (*uow)->partitionsWithPrefix("person/");
        if (!people)
            return failCommand(ctx.err, people.error());
        auto projects = (*uow)->partitionsWithPrefix("project/");
        if (!projects)
            return failCommand(ctx.err, projects.error());
        if (*first && !people->empty()) {
            ctx.out << "demo data is already loaded; nothing to do\n";
            return kExitOk;
        }
        if (*first || !people->empty() || !projects->empty()) {
            return failCommand(ctx.err,
                               makeError(ErrorCode::AlreadyExists,
                                         "the server already holds records or users; demo-data "
                                         "loads only into a new data directory"));
        }
    }

    std::string password;
    const bool fromStdin = args->has("--password-stdin");
    if (fromStdin) {
        if (isatty(STDIN_FILENO))
            ctx.err << "demo password: " << std::flush;
        std::getline(ctx.in, password);
        if (!password.empty() && password.back() == '\r')
            password.pop_back();
    } else {
        password = generatePassword(ctx.random);
    }
    auto hash = hashPassword(password, PasswordCost::interactive());
    if (!hash) {
        std::fill(password.begin(), password.end(), '\0');
        return failCommand(ctx.err, hash.error());
    }

    UuidGenerator ids(ctx.clock, ctx.random);
    auto reconciler = ctx.makeReconciler(ctx.clock);
    auto uow = (*store)->begin(AccessMode::ReadWrite);
    if (!uow)
        return failCommand(ctx.err, uow.error());
    auto people = loadRegion(**uow, region, *hash, ids, ctx.clock.nowMillis());
    if (!people)
        return failCommand(ctx.err, people.error());
    auto derived = reconciler->reconcilePeople(**uow, *people);
    if (!derived)
        return failCommand(ctx.err, derived.error());
    if (auto s = (*uow)->commit(); !s)
        return failCommand(ctx.err, s.error());

    ctx.out << "loaded demo region \"" << region.name << "\" as of " << options.today.toString()
            << ": " << region.people.size() << " people, " << region.projects.size()
            << " projects, " << region.sessions.size() << " sessions, "
            << region.appointments.size() << " appointments; " << *derived
            << " derived records (progress, RO items)\n";
    ctx.out << "demo users:";
    for (const auto& s : region.staff)
        ctx.out << " " << s.username << " (" << roleName(fromDomainRole(s.role)) << ")";
    for (const auto& extra : kExtraStaff)
        ctx.out << " " << extra.username << " (" << roleName(extra.role) << ")";
    ctx.out << "\n";
    if (!fromStdin) {
        ctx.out << "demo password for every demo user (shown only now): " << password << "\n";
    }
    std::fill(password.begin(), password.end(), '\0');
    return kExitOk;
}

}  // namespace

void addDataCommands(CommandTable& table) {
    table.add({"demo-data", "load a synthetic demo region (empty server only)", kDemoDataUsage,
               runDemoData});
    addImportCommand(table);
    addReportCommand(table);
}

}  // namespace sitebook::server
