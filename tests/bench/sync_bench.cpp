// Sync benchmark: the real sync engine and encrypted device stores against an in-process sync
// server (SQLite store, real reconciler) over TLS on 127.0.0.1, all in one run so the ratios
// are meaningful on a shared, noisy machine. Measures upload throughput, a new device's initial
// download (in a child process, for its peak memory), one-change latency with a warm
// connection, many devices syncing at once, and the raw SQLite insert floor. Writes a Markdown
// section and a JSON object; with --peer, compares against the CouchDB-protocol peer's figures
// (tests/bench/peer/run-peer.sh output).
//
//   sync_bench [--upload 10000,100000] [--download N] [--incremental N] [--devices N]
//              [--peer FILE] [--output FILE] [--json FILE]

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "sitebook/common/uuid.h"
#include "sitebook/server/auth/password.h"
#include "sitebook/server/auth/token_service.h"
#include "sitebook/server/commands.h"
#include "sitebook/server/derived/person_reconciler.h"
#include "sitebook/server/server.h"
#include "sitebook/server/store/sqlite_store.h"
#include "sitebook/server/sync/entity_writer.h"
#include "sitebook/server/tls.h"
#include "sitebook/storage/database.h"
#include "sitebook/store/local_store.h"
#include "sitebook/sync/grpc_transport.h"
#include "sitebook/sync/sync_engine.h"

extern char** environ;

namespace {

using namespace sitebook;
using nlohmann::json;
using Stopwatch = std::chrono::steady_clock;
namespace fs = std::filesystem;

constexpr char kPassword[] = "bench password 2026";

struct Options {
    std::vector<int> uploadSizes = {10'000, 100'000};
    int download = 100'000;  // appointments in the scope a new device pulls
    int incremental = 500;
    int devices = 200;
    int floorRounds = 3;
    std::string peerFile, output, jsonOutput;
};

double millisSince(Stopwatch::time_point start) {
    return std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count();
}

double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

[[noreturn]] void fail(const std::string& what, const Error& e) {
    std::fprintf(stderr, "benchmark failed: %s: %s\n", what.c_str(), e.toString().c_str());
    std::exit(1);
}
[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "benchmark failed: %s\n", what.c_str());
    std::exit(1);
}
template <typename T>
T check(Result<T> r, const std::string& what) {
    if (!r.ok())
        fail(what, r.error());
    return std::move(r).value();
}
void check(const Status& s, const std::string& what) {
    if (!s.ok())
        fail(what, s.error());
}

std::vector<int> parseSizes(const std::string& text) {
    std::vector<int> out;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ',')) {
        if (!part.empty())
            out.push_back(std::stoi(part));
    }
    return out;
}

std::string machine() {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line, model = "unknown CPU";
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("model name", 0) == 0) {
            model = line.substr(line.find(':') + 2);
            break;
        }
    }
    return model + ", " + std::to_string(std::thread::hardware_concurrency()) + " cores";
}

// Peak resident set (VmHWM) of this process, in KiB.
long peakRssKiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stol(line.substr(6));
    }
    return 0;
}

// Yesterday (UTC) as YYYY-MM-DD: sessions in the past may have outcomes recorded.
std::string yesterday() {
    using namespace std::chrono;
    const year_month_day d{floor<days>(system_clock::now()) - days(1)};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

SecretBytes newKey() {
    SecretBytes key(32);
    SecureRandom::instance().fill(key.span());
    return key;
}

// ------------------------------------------------------------------ the in-process server

struct BenchServer {
    fs::path dir;
    const Clock& clock = SystemClock::instance();
    RandomSource& random = SecureRandom::instance();
    UuidGenerator ids{clock, random};
    std::unique_ptr<server::SqliteStore> store;
    std::unique_ptr<server::TokenService> tokens;
    std::unique_ptr<server::Reconciler> reconciler;
    server::PemPair ca;
    std::unique_ptr<server::SyncServer> sync;
    std::string officerId;

    explicit BenchServer(fs::path where) : dir(std::move(where)) {
        fs::create_directories(dir);
        store = check(server::SqliteStore::open((dir / "server.db").string()), "server store");
        tokens = std::make_unique<server::TokenService>(server::TokenService::generateKey(random),
                                                        clock, random);
        reconciler =
            std::make_unique<server::PersonReconciler>(clock, server::reconcile::ReconcilePolicy{});
        ca = check(server::generateCertificateAuthority("Sitebook bench CA", 2), "CA");
        server::CertificateRequest request;
        request.commonName = "localhost";
        request.dnsNames = {"localhost"};
        request.ipAddresses = {"127.0.0.1"};
        request.validDays = 2;
        auto cert = check(server::generateServerCertificate(ca, request), "certificate");
        server::ServerConfig config;  // production limits
        config.listenAddress = "127.0.0.1:0";
        config.tlsCertificateChainPem = cert.certificatePem;
        config.tlsPrivateKeyPem = cert.privateKeyPem;
        server::ServerDependencies deps{*store, *reconciler, clock, random, *tokens};
        sync = check(server::SyncServer::start(config, deps), "server start");
        officerId = addUser("officer", server::Role::Officer);
    }
    ~BenchServer() {
        sync->shutdown(std::chrono::milliseconds(200));
        sync.reset();
        store.reset();
    }

    std::string target() const { return "127.0.0.1:" + std::to_string(sync->port()); }
    std::string newId() { return ids.next().toString(); }

    std::string addUser(const std::string& username, server::Role role) {
        return check(server::createUser(*store, clock, random, username, username, role, kPassword,
                                        server::PasswordCost::minimumForTests()),
                     "add user " + username);
    }

    // One project supervised by `supervisorId` with `appointments` appointments yesterday:
    // sessions of 10, people with 20 appointments each (one order each), all of the officer.
    // Written in large transactions: seeding is not what is measured.
    std::vector<std::string> seedProject(const std::string& supervisorId, int appointments,
                                         int perSession = 10, int perPerson = 20) {
        const std::string date = yesterday();
        std::vector<std::string> appointmentIds;
        std::unique_ptr<server::UnitOfWork> uow;
        int inTx = 0;
        auto put = [&](server::EntityType type, const std::string& id, const json& body) {
            if (!uow)
                uow = check(store->begin(server::AccessMode::ReadWrite), "seed begin");
            check(
                server::EntityWriter::put(*uow, type, id, body.dump(), {clock.nowMillis(), "", ""}),
                "seed put");
            if (++inTx == 2000) {
                check(uow->commit(), "seed commit");
                uow.reset();
                inTx = 0;
            }
        };
        const std::string projectId = newId();
        put(server::EntityType::Project, projectId,
            {{"id", projectId},
             {"code", "P-" + projectId.substr(0, 6)},
             {"name", "Riverside clean-up"},
             {"type", "GROUP"},
             {"location", "Riverside"},
             {"beneficiary", "Parks"},
             {"hi_vis_required", true},
             {"supervisor_ids", json::array({supervisorId})}});
        const int people = std::max(1, (appointments + perPerson - 1) / perPerson);
        std::vector<std::pair<std::string, std::string>> personOrders;
        for (int p = 0; p < people; ++p) {
            const std::string personId = newId(), orderId = newId();
            put(server::EntityType::Person, personId,
                {{"id", personId},
                 {"crn", "X" + std::to_string(100000 + p % 900000)},
                 {"forenames", "Alex"},
                 {"surname", "Smith " + std::to_string(p)},
                 {"date_of_birth", "1990-05-01"},
                 {"responsible_officer_id", officerId},
                 {"placement_flags", json::array()},
                 {"restricted_access", false}});
            put(server::EntityType::Order, orderId,
                {{"id", orderId},
                 {"person_id", personId},
                 {"sentence_date", "2025-10-01"},
                 {"required_minutes", 12000},
                 {"adjustments", json::array()}});
            personOrders.emplace_back(personId, orderId);
        }
        std::string sessionId;
        for (int i = 0; i < appointments; ++i) {
            if (i % perSession == 0) {
                sessionId = newId();
                put(server::EntityType::Session, sessionId,
                    {{"id", sessionId},
                     {"project_id", projectId},
                     {"date", date},
                     {"start", "09:00"},
                     {"end", "16:00"}});
            }
            // Consecutive appointments belong to different people, as on a real roster.
            const auto& [personId, orderId] = personOrders[static_cast<std::size_t>(i % people)];
            const std::string id = newId();
            put(server::EntityType::Appointment, id,
                {{"id", id},
                 {"person_id", personId},
                 {"order_id", orderId},
                 {"session_id", sessionId},
                 {"scheduled_start", "09:00"},
                 {"scheduled_end", "16:00"}});
            appointmentIds.push_back(id);
        }
        if (uow)
            check(uow->commit(), "seed commit");
        return appointmentIds;
    }

    // Read through a separate connection, as an operator would.
    std::map<std::string, std::set<std::string>> operationsByDevice() {
        auto db = check(storage::Database::openUnencrypted((dir / "server.db").string()), "open");
        auto st = check(db->prepare("SELECT device_id, op_id FROM operations"), "prepare");
        std::map<std::string, std::set<std::string>> out;
        while (check(st.step(), "step"))
            out[st.columnText(0)].insert(st.columnText(1));
        return out;
    }
    std::map<std::string, std::int64_t> liveEntitiesByType() {
        auto db = check(storage::Database::openUnencrypted((dir / "server.db").string()), "open");
        auto st = check(db->prepare("SELECT entity_type, count(*) FROM entities WHERE deleted = 0 "
                                    "GROUP BY entity_type"),
                        "prepare");
        std::map<std::string, std::int64_t> out;
        while (check(st.step(), "step"))
            out[st.columnText(0)] = st.columnInt(1);
        return out;
    }
};

// ------------------------------------------------------------------ a device

struct BenchDevice {
    fs::path dir;
    std::unique_ptr<sync::SyncTransport> transport;
    std::unique_ptr<store::LocalStore> store;
    std::unique_ptr<sync::SyncEngine> engine;
    std::string deviceId, userId;
    std::vector<std::string> ackedOpIds;
};

std::unique_ptr<BenchDevice> openDevice(const std::string& target, const std::string& caPem,
                                        const std::string& username, const fs::path& dir,
                                        const std::string& deviceId, bool ownConnection) {
    auto d = std::make_unique<BenchDevice>();
    d->dir = dir;
    d->deviceId = deviceId;
    fs::create_directories(dir);
    sync::GrpcTransportConfig config;
    config.target = target;
    config.caCertificatePem = caPem;
    config.tlsServerName = "localhost";
    config.ownConnection = ownConnection;
    d->transport = check(sync::makeGrpcTransport(config), "transport");
    auto creds =
        check(d->transport->login({username, kPassword, deviceId, "bench device"}), "login");
    d->userId = creds.userId;
    const Clock& clock = SystemClock::instance();
    d->store = check(
        store::LocalStore::open(dir / "device.db", newKey(), {deviceId, creds.userId, creds.role},
                                clock, SecureRandom::instance()),
        "device store");
    d->engine = std::make_unique<sync::SyncEngine>(*d->store, *d->transport, clock,
                                                   SecureRandom::instance(), nullptr);
    check(d->engine->adoptCredentials(creds), "adopt credentials");
    return d;
}

domain::AppointmentOutcome attended(int penalty = 0) {
    domain::AppointmentOutcome o;
    o.code = domain::Outcome(domain::OutcomeCode::ATTC);
    o.arrival = *domain::TimeOfDay::parse("09:00");
    o.finish = *domain::TimeOfDay::parse("16:00");
    o.penalty_minutes = penalty;
    o.work_quality = domain::Rating::Good;
    o.behaviour = domain::Rating::Satisfactory;
    return o;
}

// Op ids of every entry the server acknowledged (state 'sent').
std::vector<std::string> sentOpIds(store::LocalStore& s) {
    auto st = check(s.database().prepare("SELECT op_id FROM outbox WHERE state = 'sent'"), "sent");
    std::vector<std::string> out;
    while (check(st.step(), "sent"))
        out.push_back(st.columnText(0));
    return out;
}

// ------------------------------------------------------------------ initial download, child side

// Runs in a child process so that its peak memory is the client's alone.
int downloadChild(int argc, char** argv) {
    std::string target, caFile, user, dir, deviceId, result;
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--target")
            target = argv[i + 1];
        else if (flag == "--ca")
            caFile = argv[i + 1];
        else if (flag == "--user")
            user = argv[i + 1];
        else if (flag == "--dir")
            dir = argv[i + 1];
        else if (flag == "--device")
            deviceId = argv[i + 1];
        else if (flag == "--result")
            result = argv[i + 1];
    }
    std::ifstream caIn(caFile);
    const std::string ca((std::istreambuf_iterator<char>(caIn)), std::istreambuf_iterator<char>());
    auto device = openDevice(target, ca, user, dir, deviceId, true);
    const long rssBefore = peakRssKiB();
    const auto start = Stopwatch::now();
    auto report = check(device->engine->download(), "download");
    const double ms = millisSince(start);
    json out = {{"records", report.recordsDownloaded}, {"messages", report.messages},
                {"complete", report.complete},         {"ms", ms},
                {"peak_rss_kib_before", rssBefore},    {"peak_rss_kib", peakRssKiB()}};
    std::ofstream(result) << out.dump() << "\n";
    return report.complete ? 0 : 1;
}

struct DownloadFigures {
    std::int64_t records = 0;
    double ms = 0;
    long peakRssKiB = 0, rssBeforeKiB = 0, rusageMaxRssKiB = 0;
};

DownloadFigures downloadInChild(BenchServer& srv, const std::string& username,
                                const fs::path& dir) {
    const fs::path caFile = dir / "ca.pem";
    fs::create_directories(dir);
    std::ofstream(caFile) << srv.ca.certificatePem;
    const fs::path result = dir / "download.json";
    const std::string self = fs::read_symlink("/proc/self/exe").string();
    const std::string deviceId = srv.newId();
    std::vector<std::string> args = {self,       "--download-child",
                                     "--target", srv.target(),
                                     "--ca",     caFile.string(),
                                     "--user",   username,
                                     "--dir",    (dir / "device").string(),
                                     "--device", deviceId,
                                     "--result", result.string()};
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, self.c_str(), nullptr, nullptr, argv.data(), environ) != 0)
        fail("could not start the download client");
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail("the download client failed");
    std::ifstream in(result);
    const json r = json::parse(in);
    DownloadFigures f;
    f.records = r.at("records").get<std::int64_t>();
    f.ms = r.at("ms").get<double>();
    f.peakRssKiB = r.at("peak_rss_kib").get<long>();
    f.rssBeforeKiB = r.at("peak_rss_kib_before").get<long>();
    f.rusageMaxRssKiB = usage.ru_maxrss;
    return f;
}

// ------------------------------------------------------------------ upload and incremental

struct UploadFigures {
    int records = 0;
    double ms = 0;            // first send to the last acknowledgement recorded on the device
    double reconciledMs = 0;  // ... to every affected person's derived records written
    double localWriteMs = 0;
    std::int64_t accepted = 0, serverOps = 0;
    bool exactlyOnce = false;
};

struct IncrementalFigures {
    int iterations = 0;
    std::int64_t held = 0;
    double p50 = 0, p99 = 0, max = 0, localP50 = 0;
};

struct Scope {
    std::string username;
    std::vector<std::string> appointmentIds;
};

// The scope of one supervisor with `appointments` appointments, seeded on first use.
Scope& scopeOf(BenchServer& srv, std::map<int, Scope>& scopes, int appointments) {
    auto it = scopes.find(appointments);
    if (it != scopes.end())
        return it->second;
    Scope scope;
    scope.username = "supervisor-" + std::to_string(appointments);
    const std::string supervisorId = srv.addUser(scope.username, server::Role::Supervisor);
    std::fprintf(stderr, "seeding a scope of %d appointments...\n", appointments);
    scope.appointmentIds = srv.seedProject(supervisorId, appointments);
    return scopes.emplace(appointments, std::move(scope)).first->second;
}

// A supervisor's device pulls its scope, records an outcome on each appointment, then uploads
// them all (timed: reading the outbox, transfer, server validation, reconciliation and commit,
// and the device recording each acknowledgement). With `inc`, it then changes one outcome at a
// time and times each from local commit to acknowledgement.
UploadFigures uploadRun(BenchServer& srv, Scope& scope, const fs::path& dir, int incremental,
                        IncrementalFigures* inc) {
    const int n = static_cast<int>(scope.appointmentIds.size());
    auto device =
        openDevice(srv.target(), srv.ca.certificatePem, scope.username, dir, srv.newId(), false);
    std::fprintf(stderr, "upload %d: device pulls its scope...\n", n);
    auto pulled = check(device->engine->download(), "download before upload");
    if (!pulled.complete)
        fail("the download before the upload did not complete");

    std::fprintf(stderr, "upload %d: recording %d outcomes on the device...\n", n, n);
    UploadFigures f;
    f.records = n;
    auto start = Stopwatch::now();
    for (const auto& id : scope.appointmentIds)
        check(device->store->recordOutcome(id, attended()), "record outcome");
    f.localWriteMs = millisSince(start);

    std::fprintf(stderr, "upload %d: uploading...\n", n);
    start = Stopwatch::now();
    auto report = check(device->engine->upload(), "upload");
    f.ms = millisSince(start);
    if (!srv.sync->reconcileQueue().waitUntilIdle(std::chrono::minutes(10)))
        fail("the uploaded people were not recomputed within 10 minutes");
    f.reconciledMs = millisSince(start);
    f.accepted = report.accepted;
    const auto acked = sentOpIds(*device->store);
    const auto stored = srv.operationsByDevice()[device->deviceId];
    f.serverOps = static_cast<std::int64_t>(stored.size());
    f.exactlyOnce = report.accepted == n && report.rejected == 0 && report.replayed == 0 &&
                    acked.size() == stored.size() &&
                    std::all_of(acked.begin(), acked.end(),
                                [&](const std::string& op) { return stored.count(op) == 1; });

    if (inc && incremental > 0) {
        std::fprintf(stderr, "incremental: %d single changes with %d records held...\n",
                     incremental, n);
        // The device learns the versions its outcomes now have, as the app's sync would, so
        // each change below is an update based on the current version.
        check(device->engine->download(), "download after upload");
        auto held =
            check(device->store->database().prepare("SELECT count(*) FROM appointments"), "count");
        check(held.step(), "count");
        inc->held = held.columnInt(0);
        inc->iterations = incremental;
        std::vector<double> total, local;
        for (int i = 0; i < incremental; ++i) {
            const std::string& id =
                scope.appointmentIds[static_cast<std::size_t>(i) % scope.appointmentIds.size()];
            const auto t0 = Stopwatch::now();
            check(device->store->recordOutcome(id, attended(5 + i % 50)), "change outcome");
            const auto committed = Stopwatch::now();
            auto r = check(device->engine->upload(), "incremental upload");
            if (r.accepted != 1) {
                fail("a single change was not acknowledged exactly once (accepted " +
                     std::to_string(r.accepted) + ", conflicts " + std::to_string(r.conflicts) +
                     ", rejected " + std::to_string(r.rejected) + ")");
            }
            total.push_back(millisSince(committed));
            local.push_back(std::chrono::duration<double, std::milli>(committed - t0).count());
        }
        inc->p50 = percentile(total, 0.5);
        inc->p99 = percentile(total, 0.99);
        inc->max = percentile(total, 1.0);
        inc->localP50 = percentile(local, 0.5);
    }
    return f;
}

// ------------------------------------------------------------------ the physical floor

// The same outcome rows inserted into plain SQLite in batches of 1000: no encryption, no
// network, no validation. Median of `rounds`.
double floorInsertMs(const Options& opt, int records, const fs::path& dir) {
    std::vector<std::string> bodies;
    const std::string recordedBy = "01890a5d-ac96-774b-bcce-b302099a8057";
    UuidGenerator ids(SystemClock::instance(), SecureRandom::instance());
    std::vector<std::string> keys;
    for (int i = 0; i < records; ++i) {
        // The outcome as it travels (docs/PROTOCOL.md, APPOINTMENT_OUTCOME).
        bodies.push_back(json{{"code", "ATTC"},
                              {"arrival", "09:00"},
                              {"finish", "16:00"},
                              {"penalty_minutes", 0},
                              {"work_quality", "GOOD"},
                              {"behaviour", "SATISFACTORY"},
                              {"recorded_by", recordedBy},
                              {"recorded_at", 1'767'225'600'000 + i}}
                             .dump());
        keys.push_back(ids.next().toString());
    }
    std::vector<double> runs;
    fs::create_directories(dir);
    for (int round = 0; round < opt.floorRounds; ++round) {
        const std::string path = (dir / ("floor-" + std::to_string(round) + ".db")).string();
        auto db = check(storage::Database::openUnencrypted(path), "floor open");
        check(db->exec("CREATE TABLE entities (entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, "
                       "body_json TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY "
                       "(entity_type, entity_id))"),
              "floor schema");
        auto stmt = check(db->prepare("INSERT INTO entities VALUES ('appointment_outcome', ?1, "
                                      "?2, 1)"),
                          "floor prepare");
        const auto start = Stopwatch::now();
        for (int i = 0; i < records; i += 1000) {
            check(db->beginImmediate(), "floor begin");
            for (int j = i; j < std::min(records, i + 1000); ++j) {
                stmt.bind(1, keys[static_cast<std::size_t>(j)])
                    .bind(2, bodies[static_cast<std::size_t>(j)]);
                check(stmt.run(), "floor insert");
                stmt.reset();
            }
            check(db->commit(), "floor commit");
        }
        runs.push_back(millisSince(start));
    }
    return percentile(runs, 0.5);
}

// ------------------------------------------------------------------ many devices at once

struct LoadFigures {
    int devices = 0;
    std::int64_t records = 0;  // changes queued on all devices
    std::int64_t acknowledged = 0, serverOps = 0, errors = 0, rejected = 0;
    std::int64_t retries = 0;  // transient failures a device backed off from and retried
    std::map<std::string, std::int64_t> retryReasons;
    double wallMs = 0, p50 = 0, p99 = 0, max = 0;
    bool exactlyOnce = false;
    std::map<std::string, std::int64_t> byType;
};

// `devices` supervisors, each with one session of 10-20 people; each device records a day:
// an outcome, work, a skill observation and feedback per person, and a case note for some.
// Then every device syncs at the same moment (one thread and one connection per device).
LoadFigures loadRun(BenchServer& srv, int devices, const fs::path& dir) {
    std::mt19937 pick(2026);
    std::vector<std::unique_ptr<BenchDevice>> fleet;
    LoadFigures f;
    f.devices = devices;
    std::fprintf(stderr, "load: setting up %d devices...\n", devices);
    for (int d = 0; d < devices; ++d) {
        const std::string username = "load-supervisor-" + std::to_string(d);
        const std::string supervisorId = srv.addUser(username, server::Role::Supervisor);
        const int people = 10 + static_cast<int>(pick() % 11);
        auto appointments = srv.seedProject(supervisorId, people, people, 1);
        auto device = openDevice(srv.target(), srv.ca.certificatePem, username,
                                 dir / ("device-" + std::to_string(d)), srv.newId(), true);
        check(device->engine->download(), "load device download");
        for (const auto& id : appointments) {
            auto appt = check(device->store->appointment(id), "appointment");
            if (!appt)
                fail("a seeded appointment is not on its supervisor's device");
            check(device->store->recordOutcome(id, attended()), "load outcome");
            domain::WorkUndertaken work;
            work.appointment_id = id;
            work.category = domain::WorkCategory::LitterCleanUp;
            work.description = "Cleared the riverside path";
            work.quantity = 12;
            work.unit = "bags";
            check(device->store->addWorkUndertaken(work), "load work");
            domain::SkillObservation skill;
            skill.appointment_id = id;
            skill.skill = domain::Skill::Teamwork;
            skill.level = domain::SkillLevel::Practising;
            skill.note = "Helped a newer member of the group";
            check(device->store->addSkillObservation(skill), "load skill");
            domain::Feedback feedback;
            feedback.appointment_id = id;
            feedback.progress = "Steady; arrived on time";
            feedback.strengths = "Works well with others";
            check(device->store->saveFeedback(feedback), "load feedback");
            if (pick() % 3 == 0) {
                domain::CaseNote note;
                note.person_id = appt->person_id;
                note.appointment_id = id;
                note.text = "Asked about help with a CV; told to raise it with the officer.";
                check(device->store->addCaseNote(note), "load case note");
            }
        }
        f.records += check(device->store->outboxCount("pending"), "pending");
        fleet.push_back(std::move(device));
    }

    std::fprintf(stderr, "load: %d devices sync at once...\n", devices);
    std::vector<double> latency(static_cast<std::size_t>(devices));
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::atomic<std::int64_t> errors{0}, rejected{0}, retries{0};
    std::mutex reasonsMutex;
    std::vector<std::thread> threads;
    for (int d = 0; d < devices; ++d) {
        threads.emplace_back([&, d] {
            BenchDevice& device = *fleet[static_cast<std::size_t>(d)];
            ready.fetch_add(1);
            while (!go.load())
                std::this_thread::yield();
            // As the app's scheduler does: a transient failure (server busy, connection lost)
            // is retried when the engine's backoff allows; anything else is an error.
            const auto start = Stopwatch::now();
            for (int attempt = 1;; ++attempt) {
                auto report = device.engine->sync();
                if (report.ok() && report->complete) {
                    rejected.fetch_add(report->rejected);
                    break;
                }
                const std::string reason = report.ok()
                                               ? std::string("download incomplete")
                                               : std::string(errorCodeName(report.error().code));
                if ((!report.ok() && !sync::isTransient(report.error())) || attempt == 20) {
                    errors.fetch_add(1);
                    std::fprintf(stderr, "load: device %d gave up: %s\n", d,
                                 report.ok() ? reason.c_str() : report.error().toString().c_str());
                    break;
                }
                retries.fetch_add(1);
                {
                    std::lock_guard lock(reasonsMutex);
                    ++f.retryReasons[reason];
                }
                const auto next = device.engine->state().nextRetryAt;
                const auto wait = next ? *next - SystemClock::instance().nowMillis() : 1000;
                std::this_thread::sleep_for(
                    std::chrono::milliseconds(std::clamp<std::int64_t>(wait, 0, 10'000)));
            }
            latency[static_cast<std::size_t>(d)] = millisSince(start);
        });
    }
    while (ready.load() < devices)
        std::this_thread::yield();
    const auto start = Stopwatch::now();
    go.store(true);
    for (auto& t : threads)
        t.join();
    f.wallMs = millisSince(start);
    f.errors = errors.load();
    f.rejected = rejected.load();
    f.retries = retries.load();
    f.p50 = percentile(latency, 0.5);
    f.p99 = percentile(latency, 0.99);
    f.max = percentile(latency, 1.0);

    // Exactly once: for every device, the op ids it holds as acknowledged are exactly the
    // operations the server stored for it, and nothing is left pending.
    const auto stored = srv.operationsByDevice();
    bool exact = f.errors == 0 && f.rejected == 0;
    for (auto& device : fleet) {
        const auto acked = sentOpIds(*device->store);
        f.acknowledged += static_cast<std::int64_t>(acked.size());
        auto it = stored.find(device->deviceId);
        const std::size_t held = it == stored.end() ? 0 : it->second.size();
        f.serverOps += static_cast<std::int64_t>(held);
        exact = exact && acked.size() == held &&
                check(device->store->outboxCount("pending"), "pending") == 0 &&
                std::all_of(acked.begin(), acked.end(),
                            [&](const std::string& op) { return it->second.count(op) == 1; });
    }
    f.exactlyOnce = exact && f.serverOps == f.records && f.acknowledged == f.records;
    f.byType = srv.liveEntitiesByType();
    return f;
}

// ------------------------------------------------------------------ the peer's figures

struct PeerFigures {
    double uploadMs = 0, downloadMs = 0;
};

std::map<int, PeerFigures> readPeer(const std::string& file) {
    std::map<int, PeerFigures> out;
    if (file.empty())
        return out;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        auto j = json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.contains("records"))
            continue;
        out[j["records"].get<int>()] = {j.value("upload_ms", 0.0), j.value("download_ms", 0.0)};
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "--download-child")
        return downloadChild(argc, argv);
    Options opt;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--upload")
            opt.uploadSizes = parseSizes(argv[i + 1]);
        else if (flag == "--download")
            opt.download = std::stoi(argv[i + 1]);
        else if (flag == "--incremental")
            opt.incremental = std::stoi(argv[i + 1]);
        else if (flag == "--devices")
            opt.devices = std::stoi(argv[i + 1]);
        else if (flag == "--floor-rounds")
            opt.floorRounds = std::stoi(argv[i + 1]);
        else if (flag == "--peer")
            opt.peerFile = argv[i + 1];
        else if (flag == "--output")
            opt.output = argv[i + 1];
        else if (flag == "--json")
            opt.jsonOutput = argv[i + 1];
        else {
            std::fprintf(stderr,
                         "unknown option %s\nusage: sync_bench [--upload N,N] [--download N] "
                         "[--incremental N] [--devices N] [--floor-rounds N] [--peer FILE] "
                         "[--output FILE] [--json FILE]\n",
                         argv[i]);
            return 2;
        }
    }
    if (opt.uploadSizes.empty() || opt.download < 1 || opt.incremental < 0 || opt.devices < 1 ||
        opt.floorRounds < 1) {
        std::fprintf(stderr, "sizes must be positive\n");
        return 2;
    }
    std::sort(opt.uploadSizes.begin(), opt.uploadSizes.end());

    const fs::path dir = fs::temp_directory_path() /
                         ("sitebook-sync-bench-" + std::to_string(std::random_device{}()));
    json results = {{"machine", machine()}};
    std::string md;
    bool exactlyOnce = true;
    {
        BenchServer srv(dir / "server");
        std::map<int, Scope> scopes;

        // A new device pulls the largest scope, in its own process.
        Scope& downloadScope = scopeOf(srv, scopes, opt.download);
        std::fprintf(stderr, "initial download of %zu appointments in a child process...\n",
                     downloadScope.appointmentIds.size());
        const DownloadFigures down = downloadInChild(srv, downloadScope.username, dir / "child");

        std::vector<UploadFigures> uploads;
        IncrementalFigures inc;
        for (std::size_t i = 0; i < opt.uploadSizes.size(); ++i) {
            const bool largest = i + 1 == opt.uploadSizes.size();
            Scope& scope = scopeOf(srv, scopes, opt.uploadSizes[i]);
            uploads.push_back(uploadRun(srv, scope, dir / ("upload-" + std::to_string(i)),
                                        opt.incremental, largest ? &inc : nullptr));
            exactlyOnce = exactlyOnce && uploads.back().exactlyOnce;
        }
        const int floorSize = opt.uploadSizes.back();
        std::fprintf(stderr, "floor: raw batched insert of %d rows into plain SQLite...\n",
                     floorSize);
        const double floorMs = floorInsertMs(opt, floorSize, dir / "floor");
        const LoadFigures load = loadRun(srv, opt.devices, dir / "load");
        exactlyOnce = exactlyOnce && load.exactlyOnce;
        const auto peer = readPeer(opt.peerFile);

        // ---------------------------------------------------------------- report
        char buf[1024];
        auto perSec = [](double n, double ms) { return ms > 0 ? n / (ms / 1000.0) : 0.0; };
        auto verdict = [](bool met) { return met ? "met" : "missed"; };
        md += "## Sync over TLS: upload, download, one change, many devices\n\n";
        md += "Machine: " + machine() +
              ", shared with compiles while this ran. One process runs the sync server "
              "(production limits, SQLite store in WAL mode, the real reconciler) on 127.0.0.1 "
              "over TLS; devices are real sync engines with SQLCipher stores and their own gRPC "
              "channels. Records are appointment outcomes on appointments of a supervisor's "
              "project (sessions of 10, 20 appointments per person, consecutive appointments "
              "belonging to different people as on a roster); the engine sends batches of "
              "200, the server applies each batch in one transaction with a savepoint per "
              "operation and queues the people it touched, whom its reconciliation worker "
              "recomputes once after the uploads pause (docs/PROTOCOL.md). *Acknowledged* "
              "ends when the device has recorded the last acknowledgement; *reconciled* ends "
              "when every affected person's progress and RO items are written too.\n\n";
        md +=
            "| measure | records | time | records/s | target |\n| --- | --- | --- | --- | --- |\n";
        json uploadJson = json::array();
        for (const auto& u : uploads) {
            const bool isTarget = u.records == 100'000;
            std::snprintf(buf, sizeof buf,
                          "| upload, end to end: acknowledged | %d | %.0f ms | %.0f | |\n",
                          u.records, u.ms, perSec(u.records, u.ms));
            md += buf;
            std::snprintf(
                buf, sizeof buf, "| upload, end to end: reconciled | %d | %.0f ms | %.0f | %s |\n",
                u.records, u.reconciledMs, perSec(u.records, u.reconciledMs),
                isTarget
                    ? (std::string("< 2 s: **") + verdict(u.reconciledMs < 2000) + "**").c_str()
                    : "");
            md += buf;
            uploadJson.push_back({{"records", u.records},
                                  {"ms", u.ms},
                                  {"records_per_s", perSec(u.records, u.ms)},
                                  {"reconciled_ms", u.reconciledMs},
                                  {"reconciled_records_per_s", perSec(u.records, u.reconciledMs)},
                                  {"local_record_ms", u.localWriteMs},
                                  {"accepted", u.accepted},
                                  {"server_operations", u.serverOps},
                                  {"exactly_once", u.exactlyOnce}});
        }
        std::snprintf(buf, sizeof buf,
                      "| initial download, new device (%zu appointments in scope) | %lld | %.0f "
                      "ms | %.0f | < 2.5 s: **%s** |\n",
                      downloadScope.appointmentIds.size(), static_cast<long long>(down.records),
                      down.ms, perSec(static_cast<double>(down.records), down.ms),
                      verdict(down.ms < 2500));
        md += buf;
        std::snprintf(buf, sizeof buf,
                      "| peak client memory during that download (VmHWM of the client process) "
                      "| | %.1f MiB (%.1f MiB before the download) | | < 100 MB: **%s** |\n",
                      down.peakRssKiB / 1024.0, down.rssBeforeKiB / 1024.0,
                      verdict(down.peakRssKiB * 1024.0 < 100e6));
        md += buf;
        if (inc.iterations > 0) {
            std::snprintf(buf, sizeof buf,
                          "| one changed outcome, local commit to acknowledgement (%d times, %lld "
                          "records held, warm connection) | 1 | p50 %.2f ms, p99 %.2f ms, max "
                          "%.2f ms | | p99 < 20 ms: **%s** |\n",
                          inc.iterations, static_cast<long long>(inc.held), inc.p50, inc.p99,
                          inc.max, verdict(inc.p99 < 20));
            md += buf;
        }
        const UploadFigures& biggest = uploads.back();
        const double floorRate = perSec(floorSize, floorMs);
        std::snprintf(buf, sizeof buf,
                      "| floor: the same %d outcome rows, batched insert into plain SQLite "
                      "(1000 per transaction, median of %d) | %d | %.0f ms | %.0f | |\n\n",
                      floorSize, opt.floorRounds, floorSize, floorMs, floorRate);
        md += buf;
        std::snprintf(buf, sizeof buf,
                      "Sync upload throughput (reconciled) is **%.1f%%** of the raw insert floor "
                      "(%d records). "
                      "Recording those outcomes on the device (validation, encrypted rows and "
                      "outbox entries, one transaction each) took %.0f ms and is not part of the "
                      "upload time. Peak memory read by the parent with getrusage: %.1f MiB.\n\n",
                      100.0 * perSec(biggest.records, biggest.reconciledMs) / floorRate,
                      biggest.records, biggest.localWriteMs, down.rusageMaxRssKiB / 1024.0);
        md += buf;

        md += "### Many devices at once\n\n";
        std::string reasons;
        for (const auto& [reason, count] : load.retryReasons)
            reasons += (reasons.empty() ? "" : ", ") + reason + " " + std::to_string(count);
        if (reasons.empty())
            reasons = "none";
        std::snprintf(buf, sizeof buf,
                      "%d supervisors' devices, each with a day's work recorded (an outcome, work "
                      "undertaken, a skill observation and feedback for each of 10-20 people, a "
                      "case note for about a third), start sync (upload then download) at the "
                      "same moment, one thread and one TLS connection each, against the one "
                      "server. A device whose sync fails for a transient reason (the server "
                      "answers RESOURCE_EXHAUSTED beyond its %d concurrent calls, or a busy "
                      "database) waits for its engine's backoff and tries again, as the app's "
                      "scheduler does; per-device time includes those waits.\n\n",
                      load.devices, server::ServerLimits{}.maxThreads);
        md += buf;
        md += "| measure | value |\n| --- | --- |\n";
        std::snprintf(buf, sizeof buf,
                      "| changes queued / acknowledged / stored by the server | %lld / %lld / %lld "
                      "|\n| wall time, all devices | %.0f ms |\n| throughput | %.0f changes/s |\n"
                      "| per-device sync, p50 / p99 / max | %.0f / %.0f / %.0f ms |\n"
                      "| syncs retried after a transient failure | %lld (%s) |\n"
                      "| syncs that failed for good / rejected changes | %lld / %lld |\n"
                      "| every change stored exactly once | **%s** |\n\n",
                      static_cast<long long>(load.records),
                      static_cast<long long>(load.acknowledged),
                      static_cast<long long>(load.serverOps), load.wallMs,
                      perSec(static_cast<double>(load.records), load.wallMs), load.p50, load.p99,
                      load.max, static_cast<long long>(load.retries), reasons.c_str(),
                      static_cast<long long>(load.errors), static_cast<long long>(load.rejected),
                      load.exactlyOnce ? "yes" : "NO");
        md += buf;

        json peerJson = json::array();
        if (!peer.empty()) {
            md += "### Side by side with a CouchDB-protocol peer\n\n";
            md +=
                "The peer is PouchDB replicating to and from pouchdb-server (LevelDB on disk) "
                "on 127.0.0.1 over **plain HTTP**, with the same appointment-shaped records "
                "(tests/bench/peer); Sitebook runs over **TLS** and does more per record "
                "(authorisation, validation, audit, reconciliation, encrypted device store). "
                "Sitebook's upload time is the reconciled one. Ratio = Sitebook time / peer "
                "time: below 1 means Sitebook is faster.\n\n";
            md +=
                "| records | Sitebook upload | peer upload | ratio | Sitebook download | peer "
                "download | ratio |\n| --- | --- | --- | --- | --- | --- | --- |\n";
            for (const auto& [records, p] : peer) {
                const UploadFigures* u = nullptr;
                for (const auto& x : uploads)
                    if (x.records == records)
                        u = &x;
                const bool downHere =
                    downloadScope.appointmentIds.size() == static_cast<std::size_t>(records);
                std::string up =
                    u ? std::to_string(static_cast<long>(u->reconciledMs)) + " ms" : "-";
                std::string upRatio =
                    u && p.uploadMs > 0 ? std::to_string(u->reconciledMs / p.uploadMs) : "-";
                std::string dn =
                    downHere ? std::to_string(static_cast<long>(down.ms)) + " ms" : "-";
                std::string dnRatio =
                    downHere && p.downloadMs > 0 ? std::to_string(down.ms / p.downloadMs) : "-";
                std::snprintf(buf, sizeof buf,
                              "| %d | %s | %.0f ms | %.4s | %s | %.0f ms | %.4s |\n", records,
                              up.c_str(), p.uploadMs, upRatio.c_str(), dn.c_str(), p.downloadMs,
                              dnRatio.c_str());
                md += buf;
                peerJson.push_back(
                    {{"records", records},
                     {"peer_upload_ms", p.uploadMs},
                     {"peer_download_ms", p.downloadMs},
                     {"sitebook_upload_ms", u ? json(u->reconciledMs) : json(nullptr)},
                     {"upload_ratio",
                      u && p.uploadMs > 0 ? json(u->reconciledMs / p.uploadMs) : json(nullptr)},
                     {"sitebook_download_ms", downHere ? json(down.ms) : json(nullptr)},
                     {"download_ratio", downHere && p.downloadMs > 0 ? json(down.ms / p.downloadMs)
                                                                     : json(nullptr)}});
            }
            md +=
                "\nThe Sitebook download figure counts every record of the scope (sessions and "
                "people too), the peer's only the appointment records.\n\n";
        }

        results["upload"] = uploadJson;
        results["download"] = {{"appointments_in_scope", downloadScope.appointmentIds.size()},
                               {"records", down.records},
                               {"ms", down.ms},
                               {"peak_rss_mib", down.peakRssKiB / 1024.0},
                               {"rss_before_download_mib", down.rssBeforeKiB / 1024.0},
                               {"rusage_max_rss_mib", down.rusageMaxRssKiB / 1024.0}};
        results["incremental"] = {{"iterations", inc.iterations},
                                  {"records_held", inc.held},
                                  {"p50_ms", inc.p50},
                                  {"p99_ms", inc.p99},
                                  {"max_ms", inc.max},
                                  {"local_commit_p50_ms", inc.localP50}};
        results["floor"] = {{"records", floorSize},
                            {"ms", floorMs},
                            {"records_per_s", floorRate},
                            {"upload_fraction_of_floor",
                             perSec(biggest.records, biggest.reconciledMs) / floorRate}};
        json byType = json::object();
        for (const auto& [type, count] : load.byType)
            byType[type] = count;
        results["load"] = {
            {"devices", load.devices},
            {"changes", load.records},
            {"acknowledged", load.acknowledged},
            {"server_operations", load.serverOps},
            {"wall_ms", load.wallMs},
            {"changes_per_s", perSec(static_cast<double>(load.records), load.wallMs)},
            {"sync_p50_ms", load.p50},
            {"sync_p99_ms", load.p99},
            {"sync_max_ms", load.max},
            {"retried_syncs", load.retries},
            {"failed_syncs", load.errors},
            {"rejected", load.rejected},
            {"exactly_once", load.exactlyOnce},
            {"server_live_records_by_type", byType}};
        results["peer"] = peerJson;
        results["targets"] = {
            {"upload_100k_under_2s",
             biggest.records == 100'000 ? json(biggest.reconciledMs < 2000) : json(nullptr)},
            {"download_under_2_5s", down.ms < 2500},
            {"download_under_100mb", down.peakRssKiB * 1024.0 < 100e6},
            {"incremental_p99_under_20ms",
             inc.iterations > 0 ? json(inc.p99 < 20) : json(nullptr)}};
    }
    std::error_code ec;
    fs::remove_all(dir, ec);

    std::fputs(md.c_str(), stdout);
    if (!opt.output.empty()) {
        std::ofstream out(opt.output);
        out << md;
        if (!out)
            fail("could not write " + opt.output);
    }
    if (!opt.jsonOutput.empty()) {
        std::ofstream out(opt.jsonOutput);
        out << results.dump(2) << "\n";
        if (!out)
            fail("could not write " + opt.jsonOutput);
    }
    if (!exactlyOnce) {
        std::fprintf(stderr, "exactly-once check FAILED\n");
        return 1;
    }
    return 0;
}
