// Faults between devices and the server: connections dropped, truncated, stalled and reset
// by a proxy at random points of uploads and downloads; `sitebook-cli sync` killed with
// SIGKILL at random moments; the server killed and restarted mid-upload. Whatever happens,
// every device converges, nothing acknowledged is lost and nothing is applied twice.
// SITEBOOK_SEED replays a run.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "child_process.h"
#include "fault_proxy.h"
#include "sitebook/cli/cli.h"
#include "sitebook/server/auth/password.h"
#include "sync_world.h"

extern char** environ;

namespace sitebook::sync::testing {
namespace {

using nlohmann::json;
using sitebook::testing::FaultDirection;
using sitebook::testing::FaultKind;
using sitebook::testing::FaultPlan;
using sitebook::testing::FaultProxy;
using sitebook::testing::FaultProxyOptions;
using sitebook::testing::freeLoopbackPort;
using sitebook::testing::killChild;
using sitebook::testing::spawnChild;
using sitebook::testing::waitFor;
using Child = sitebook::testing::Child;

// ------------------------------------------------------------------ faults through the proxy

class ProxyFaultTest : public SyncWorld {
protected:
    void startProxy(std::uint64_t seed, double rate) {
        FaultProxyOptions options;
        options.seed = seed;
        options.faultRate = rate;
        options.maxStall = std::chrono::milliseconds(800);
        proxy_ = FaultProxy::start(server_->port(), options);
        ASSERT_NE(proxy_, nullptr);
    }
    void TearDown() override {
        devices_.clear();
        proxy_.reset();
        SyncWorld::TearDown();
    }
    std::unique_ptr<FaultProxy> proxy_;
};

// A connection attempt cut in the TLS handshake leaves gRPC's channel in TRANSIENT_FAILURE:
// until its reconnect backoff has passed (one second, growing to minutes), every call fails at
// once with the old error although the network is back. The device's next attempt must reach
// the server.
TEST_F(ProxyFaultTest, AttemptAfterFailedConnectionsReachesTheServer) {
    std::mt19937_64 rng(testSeed("ProxyFaultTest.AfterFailedConnections"));
    buildRegion(rng, 2, 2);
    startProxy(rng(), 0.0);
    GrpcTransportConfig config;
    config.target = "127.0.0.1:" + std::to_string(proxy_->port());
    config.caCertificatePem = ca_.certificatePem;
    config.tlsServerName = "localhost";
    config.unaryDeadline = std::chrono::seconds(10);
    config.ownConnection = true;
    auto transport = makeGrpcTransport(config);
    ASSERT_TRUE(transport.ok()) << transport.error().toString();
    const LoginRequest request{"sam.supervisor", server::testing::kPassword, newId(), "phone"};
    for (int attempt = 0; attempt < 3; ++attempt) {
        proxy_->injectNext({FaultKind::Drop, FaultDirection::Upload, 0, {}});
        auto failed = (*transport)->login(request);
        ASSERT_FALSE(failed.ok()) << "attempt " << attempt;
        EXPECT_EQ(failed.code(), ErrorCode::Unavailable) << failed.error().toString();
    }
    EXPECT_EQ(proxy_->stats().drops, 3);
    auto reached = (*transport)->login(request);
    ASSERT_TRUE(reached.ok()) << reached.error().toString();
    EXPECT_EQ(reached->userId, userIds_["sam.supervisor"]);
}

TEST_F(ProxyFaultTest, RandomFaultsDuringRandomWorkStillConverge) {
    std::mt19937_64 rng(testSeed("ProxyFaultTest.RandomFaults"));
    buildRegion(rng, 6, 4);
    startProxy(rng(), 0.0);
    addDevices(proxy_->port());
    proxy_->setFaultRate(0.5);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(25);
    for (int i = 0; i < 1200 && std::chrono::steady_clock::now() < deadline; ++i) {
        randomStep(rng);
        if (i % 50 == 0)
            proxy_->resetAll();  // long-lived connections get a fresh fault plan
    }
    // Connectivity returns for good; everyone syncs until nothing moves.
    proxy_->setFaultRate(0.0);
    ASSERT_TRUE(syncUntilQuiescent()) << "the devices did not settle";
    expectConverged();
    std::cout << "proxy: " << proxy_->stats().connections << " connections, "
              << proxy_->stats().faults() << " faults" << std::endl;
    EXPECT_GT(proxy_->stats().faults(), 10);
}

// ------------------------------------------------------------------ sitebook-cli killed

class CliKillTest : public SyncWorld {
protected:
    void SetUp() override {
        // The CLI child runs on the system clock; the server must agree on the time.
        clock_.set(SystemClock::instance().nowMillis());
        SyncWorld::SetUp();
    }

    int cli(std::vector<std::string> args, const std::string& stdinText = {},
            std::string* out = nullptr) {
        args.push_back("--data-dir");
        args.push_back(dataDir_.path().string());
        std::istringstream in(stdinText);
        std::ostringstream o, e;
        cli::Environment env{in,
                             o,
                             e,
                             clock_,
                             deviceRandom_,
                             [](const std::string& name) -> std::optional<std::string> {
                                 if (name == "SITEBOOK_PIN")
                                     return std::string("24681357");
                                 return std::nullopt;
                             }};
        env.kdfOpsLimit = 1;
        env.kdfMemLimitBytes = 8192;
        const int code = cli::run(args, env);
        if (out)
            *out = o.str();
        EXPECT_TRUE(code == 0 || code == cli::kExitNeedsAttention) << e.str();
        return code;
    }

    sitebook::testing::TempDir dataDir_;
    sitebook::testing::TempDir files_;
};

TEST_F(CliKillTest, SyncKilledAtRandomMomentsConvergesWithNothingLostOrDuplicated) {
    std::mt19937_64 rng(testSeed("CliKillTest"));
    buildRegion(rng, 6, 6);
    const std::string caFile = (files_.path() / "ca.pem").string();
    std::ofstream(caFile) << ca_.certificatePem;
    cli({"init", "--server", "127.0.0.1:" + std::to_string(server_->port()), "--ca", caFile,
         "--tls-name", "localhost"},
        "24681357\n");
    cli({"login", "--user", "sam.supervisor"},
        std::string(server::testing::kPassword) + "\n24681357\n");
    cli({"sync"});
    std::vector<std::string> mine;
    for (const auto& [appt, session] : appointmentSession_) {
        if (sessionProject_[session] == sharedProject_)
            mine.push_back(appt);
    }
    ASSERT_FALSE(mine.empty());

    const std::string log = (files_.path() / "cli.log").string();
    int kills = 0, finished = 0;
    for (int round = 0; kills < 50 && round < 300; ++round) {
        // New work between syncs, recorded exactly as the command line does it.
        const int changes = std::uniform_int_distribution<int>(1, 12)(rng);
        for (int i = 0; i < changes; ++i) {
            const std::string appt =
                mine[std::uniform_int_distribution<std::size_t>(0, mine.size() - 1)(rng)];
            if (i % 2 == 0) {
                cli({"record-outcome", "--appointment", appt, "--code", "ATTC", "--arrival",
                     "09:00", "--finish", std::to_string(12 + i % 4) + ":00", "--quality", "GOOD",
                     "--behaviour", "GOOD"});
            } else {
                cli({"add-work", "--appointment", appt, "--category", "litter_clean_up",
                     "--description", "Round " + std::to_string(round)});
            }
        }
        Child child =
            spawnChild({SITEBOOK_CLI_PATH, "sync", "--data-dir", dataDir_.path().string()},
                       {"SITEBOOK_PIN=24681357"}, log);
        ASSERT_GT(child.pid, 0);
        const auto delay =
            std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 60)(rng));
        if (waitFor(child, delay)) {
            ++finished;
        } else {
            killChild(child);
            ++kills;
        }
    }
    std::cout << "sitebook-cli sync: " << kills << " killed, " << finished << " finished"
              << std::endl;
    EXPECT_GE(kills, 50);

    // Restarted for good: it finishes, and the device matches the server.
    bool done = false;
    for (int i = 0; i < 5 && !done; ++i) {
        Child child =
            spawnChild({SITEBOOK_CLI_PATH, "sync", "--data-dir", dataDir_.path().string()},
                       {"SITEBOOK_PIN=24681357"}, log);
        auto code = waitFor(child, std::chrono::seconds(60));
        killChild(child);
        done = code && *code == 0;
    }
    ASSERT_TRUE(done) << "see " << log;
    std::string exported;
    cli({"export", "--json"}, {}, &exported);
    auto doc = json::parse(exported);

    std::set<std::string> sent;
    for (const auto& e : doc["outbox"]) {
        EXPECT_EQ(e["state"], "sent") << e.dump();
        sent.insert(e["op_id"].get<std::string>());
    }
    auto db = storage::Database::openUnencrypted(dbPath());
    ASSERT_TRUE(db.ok());
    std::map<std::string, std::int64_t> audited;
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
    std::int64_t lost = 0, duplicated = 0;
    for (const auto& op : sent) {
        if (!audited.count(op))
            ++lost;
        else if (audited[op] != 1)
            ++duplicated;
    }
    EXPECT_EQ(lost, 0);
    EXPECT_EQ(duplicated, 0);
    EXPECT_EQ(audited.size(), sent.size());
    EXPECT_EQ(countRows("operations"), static_cast<std::int64_t>(sent.size()));

    // The device's server copies equal the server's view of the user's scope.
    auto pulled = pull(login("sam.supervisor"));
    ASSERT_TRUE(pulled.status.ok());
    std::set<std::tuple<std::string, std::string, std::int64_t, std::string>> expected, held;
    for (const auto& c : pulled.changes) {
        if (!c.removed())
            expected.emplace(c.partition(), c.entity_id(), c.version(),
                             json::parse(c.body_json()).dump());
    }
    for (const auto& r : doc["server_records"])
        held.emplace(r["partition"], r["entity_id"], r["version"], r["body"].dump());
    EXPECT_EQ(held, expected);
    EXPECT_TRUE(doc["device"]["partitions_to_repair"].empty());
}

// ------------------------------------------------------------------ server killed mid-upload

// A `sitebook-server` child process on a fixed loopback port and data directory, and one
// supervisor's device (real encrypted store, real engine, TLS) with a large outbox.
class ServerRestartTest : public ::testing::Test {
protected:
    static constexpr int kPeople = 10;
    static constexpr int kAppointmentsPerPerson = 10;
    static constexpr std::size_t kBatch = 100;

    void SetUp() override {
        clock_ = &SystemClock::instance();  // the child server runs on the system clock
        serverDir_ = files_.path() / "server";
        log_ = (files_.path() / "server.log").string();
        ASSERT_EQ(serverCommand({"init", "--dev-tls"}), 0) << "see " << log_;
        seedServer();
        port_ = freeLoopbackPort();
        ASSERT_GT(port_, 0);
        ASSERT_TRUE(startServer()) << "see " << log_;
    }

    void TearDown() override {
        engine_.reset();
        store_.reset();
        transport_.reset();
        killChild(server_);
    }

    int serverCommand(std::vector<std::string> args) {
        args.insert(args.begin(), SITEBOOK_SERVER_PATH);
        args.push_back("--data-dir");
        args.push_back(serverDir_.string());
        Child c = spawnChild(args, {}, log_);
        auto code = waitFor(c, std::chrono::seconds(60));
        killChild(c);
        return code.value_or(-1);
    }

    // A supervisor with one project and session, people with their orders and appointments.
    void seedServer() {
        auto store = server::SqliteStore::open((serverDir_ / "sitebook-server.db").string());
        ASSERT_TRUE(store.ok()) << store.error().toString();
        auto user = server::createUser(**store, *clock_, random_, "sam.supervisor", "Sam",
                                       server::Role::Supervisor, server::testing::kPassword,
                                       server::PasswordCost::minimumForTests());
        ASSERT_TRUE(user.ok()) << user.error().toString();
        auto officer = server::createUser(**store, *clock_, random_, "olu.officer", "Olu",
                                          server::Role::Officer, server::testing::kPassword,
                                          server::PasswordCost::minimumForTests());
        ASSERT_TRUE(officer.ok()) << officer.error().toString();
        UuidGenerator ids(*clock_, random_);
        auto id = [&] { return ids.next().toString(); };
        auto uow = (*store)->begin(server::AccessMode::ReadWrite);
        ASSERT_TRUE(uow.ok());
        auto put = [&](server::EntityType type, const std::string& entityId, const json& body) {
            auto written = server::EntityWriter::put(**uow, type, entityId, body.dump(),
                                                     {clock_->nowMillis(), "", ""});
            ASSERT_TRUE(written.ok()) << written.error().toString();
        };
        const std::string project = id(), session = id();
        put(server::EntityType::Project, project,
            {{"id", project},
             {"code", "P-001"},
             {"name", "Riverside"},
             {"type", "GROUP"},
             {"supervisor_ids", json::array({*user})}});
        put(server::EntityType::Session, session,
            {{"id", session},
             {"project_id", project},
             {"date", "2026-01-01"},
             {"start", "09:00"},
             {"end", "16:00"}});
        for (int p = 0; p < kPeople; ++p) {
            const std::string person = id(), order = id();
            put(server::EntityType::Person, person,
                {{"id", person},
                 {"crn", "X" + std::to_string(200000 + p)},
                 {"forenames", "Alex"},
                 {"surname", "Person" + std::to_string(p)},
                 {"date_of_birth", "1990-05-01"},
                 {"responsible_officer_id", *officer},
                 {"placement_flags", json::array()},
                 {"restricted_access", false}});
            put(server::EntityType::Order, order,
                {{"id", order},
                 {"person_id", person},
                 {"sentence_date", "2025-10-01"},
                 {"required_minutes", 60000},
                 {"adjustments", json::array()}});
            for (int a = 0; a < kAppointmentsPerPerson; ++a) {
                const std::string appointment = id();
                put(server::EntityType::Appointment, appointment,
                    {{"id", appointment},
                     {"person_id", person},
                     {"order_id", order},
                     {"session_id", session},
                     {"scheduled_start", "09:00"},
                     {"scheduled_end", "16:00"}});
                appointments_.push_back(appointment);
            }
        }
        ASSERT_TRUE((*uow)->commit().ok());
    }

    bool acceptsConnections() const {
        int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port_));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
        ::close(fd);
        return ok;
    }

    // Starts `serve` on the same port and data directory; true once it accepts connections.
    bool startServer() {
        server_ =
            spawnChild({SITEBOOK_SERVER_PATH, "serve", "--data-dir", serverDir_.string(),
                        "--listen", "127.0.0.1:" + std::to_string(port_), "--reconcile-every", "0"},
                       {}, log_);
        if (server_.pid <= 0)
            return false;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (std::chrono::steady_clock::now() < deadline) {
            if (waitFor(server_, std::chrono::milliseconds(0)))
                return false;  // it exited
            if (acceptsConnections())
                return true;
            ::poll(nullptr, 0, 10);  // bounded wait for the child to listen
        }
        return false;
    }

    void openDevice() {
        std::ifstream caFile(serverDir_ / "tls" / "ca.pem");
        std::stringstream ca;
        ca << caFile.rdbuf();
        GrpcTransportConfig config;
        config.target = "127.0.0.1:" + std::to_string(port_);
        config.caCertificatePem = ca.str();
        config.tlsServerName = "localhost";
        config.unaryDeadline = std::chrono::seconds(20);
        config.downloadDeadline = std::chrono::seconds(30);
        auto t = makeGrpcTransport(config);
        ASSERT_TRUE(t.ok()) << t.error().toString();
        transport_ = std::move(t).value();
        const std::string deviceId = UuidGenerator(*clock_, random_).next().toString();
        auto creds =
            transport_->login({"sam.supervisor", server::testing::kPassword, deviceId, "phone"});
        ASSERT_TRUE(creds.ok()) << creds.error().toString();
        auto opened =
            store::LocalStore::open(files_.path() / "device.db", sitebook::testing::testKey(),
                                    {deviceId, creds->userId, creds->role}, *clock_, deviceRandom_);
        ASSERT_TRUE(opened.ok()) << opened.error().toString();
        store_ = std::move(opened).value();
        SyncOptions options;
        options.uploadBatchSize = kBatch;
        engine_ = std::make_unique<SyncEngine>(
            *store_, *transport_, *clock_, deviceRandom_, [](const std::string&) {}, options);
        ASSERT_TRUE(engine_->adoptCredentials(*creds).ok());
    }

    const Clock* clock_ = nullptr;
    SecureRandom& random_ = SecureRandom::instance();
    SeededRandom deviceRandom_{20260107};
    sitebook::testing::TempDir files_;
    std::filesystem::path serverDir_;
    std::string log_;
    int port_ = 0;
    Child server_;
    std::vector<std::string> appointments_;
    std::unique_ptr<SyncTransport> transport_;
    std::unique_ptr<store::LocalStore> store_;
    std::unique_ptr<SyncEngine> engine_;
};

TEST_F(ServerRestartTest, ServerKilledMidUploadAndRestartedStoresEveryChangeExactlyOnce) {
    std::mt19937_64 rng(testSeed("ServerRestartTest"));
    openDevice();
    ASSERT_NE(engine_, nullptr);
    auto first = engine_->sync();
    ASSERT_TRUE(first.ok()) << first.error().toString();
    for (const std::string& appointment : appointments_) {
        auto a = store_->appointment(appointment);
        ASSERT_TRUE(a.ok() && a->has_value()) << "appointment " << appointment << " not downloaded";
    }

    // A day of work recorded offline: an outcome, work and skills for every appointment.
    std::set<std::string> recorded, records;
    for (const std::string& appointment : appointments_) {
        auto outcome =
            store_->recordOutcome(appointment, sitebook::testing::attendedOutcome(9, 15));
        ASSERT_TRUE(outcome.ok()) << outcome.error().toString();
        recorded.insert(outcome->opId);
        for (int i = 0; i < 10; ++i) {
            domain::WorkUndertaken w;
            w.appointment_id = appointment;
            w.category = domain::WorkCategory::LitterCleanUp;
            w.description = "Cleared bay " + std::to_string(i);
            auto r = store_->addWorkUndertaken(w);
            ASSERT_TRUE(r.ok()) << r.error().toString();
            recorded.insert(r->opId);
            records.insert(r->entityId);
        }
        for (int i = 0; i < 9; ++i) {
            domain::SkillObservation o;
            o.appointment_id = appointment;
            o.skill = static_cast<domain::Skill>(i);
            o.level = domain::SkillLevel::Practising;
            auto r = store_->addSkillObservation(o);
            ASSERT_TRUE(r.ok()) << r.error().toString();
            recorded.insert(r->opId);
            records.insert(r->entityId);
        }
    }
    const std::size_t total = recorded.size();
    ASSERT_GE(total, 20 * kBatch);

    // Three times: the server is killed while batches are going up, stays down while the
    // device keeps trying, and comes back on the same port and data directory.
    std::atomic<std::int64_t> uploaded{0};
    engine_->setStateListener([&](const SyncState& s) { uploaded.store(s.uploadedThisRun); });
    std::int64_t acknowledgedBeforeKills = 0;
    for (int kill = 0; kill < 3; ++kill) {
        const std::int64_t afterBatches = std::uniform_int_distribution<int>(1, 3)(rng);
        const auto delay =
            std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 40)(rng));
        uploaded.store(0);
        std::atomic<bool> returned{false};
        std::thread killer([&] {
            const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(60);
            while (uploaded.load() < afterBatches * static_cast<std::int64_t>(kBatch) &&
                   !returned.load() && std::chrono::steady_clock::now() < limit)
                ::poll(nullptr, 0, 1);  // bounded wait for the upload to get under way
            if (!returned.load())
                std::this_thread::sleep_for(delay);
            killChild(server_);
        });
        auto interrupted = engine_->sync();
        returned.store(true);
        killer.join();
        // The batches before the kill went up: the device reached the (restarted) server.
        ASSERT_GE(uploaded.load(), afterBatches * static_cast<std::int64_t>(kBatch))
            << "kill " << kill << ": "
            << (interrupted.ok() ? std::string("no error") : interrupted.error().toString());
        ASSERT_FALSE(interrupted.ok()) << "the upload finished before the server was killed";
        EXPECT_TRUE(isTransient(interrupted.error())) << interrupted.error().toString();
        acknowledgedBeforeKills += uploaded.load();

        // While the server is down the device keeps trying, as its scheduler would.
        const auto downUntil = std::chrono::steady_clock::now() + std::chrono::seconds(3);
        while (std::chrono::steady_clock::now() < downUntil) {
            auto offline = engine_->sync();
            EXPECT_FALSE(offline.ok());
            if (!offline.ok()) {
                EXPECT_TRUE(isTransient(offline.error())) << offline.error().toString();
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        ASSERT_TRUE(startServer()) << "see " << log_;
        // The restarted server is listening: the device's next sync (the next round's, or the
        // last one below) must reach it at once.
    }
    EXPECT_GT(acknowledgedBeforeKills, 0);

    const auto restartedAt = std::chrono::steady_clock::now();
    auto resumed = engine_->sync();
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - restartedAt);
    ASSERT_TRUE(resumed.ok()) << "the device could not reach the restarted server: "
                              << resumed.error().toString();
    EXPECT_TRUE(resumed->complete);
    EXPECT_EQ(resumed->rejected, 0);
    std::cout << "last sync after the restart: " << resumed->accepted << " accepted ("
              << resumed->replayed << " answered from the operation log) in " << took.count()
              << " ms" << std::endl;

    // Nothing is waiting on the device; everything it recorded was acknowledged.
    EXPECT_EQ(*store_->outboxCount("pending"), 0);
    EXPECT_EQ(*store_->outboxCount("rejected"), 0);
    EXPECT_EQ(*store_->outboxCount("sent"), static_cast<std::int64_t>(total));

    // Every change is stored on the server exactly once.
    killChild(server_);
    auto db = storage::Database::openUnencrypted((serverDir_ / "sitebook-server.db").string());
    ASSERT_TRUE(db.ok()) << db.error().toString();
    auto countsOf = [&](const std::string& sql) {
        std::map<std::string, std::int64_t> out;
        auto stmt = (*db)->prepare(sql);
        EXPECT_TRUE(stmt.ok());
        if (!stmt.ok())
            return out;
        for (int i = 0; i < 1'000'000; ++i) {
            auto row = stmt->step();
            EXPECT_TRUE(row.ok());
            if (!row.ok() || !*row)
                break;
            out[stmt->columnText(0)] = stmt->columnInt(1);
        }
        return out;
    };
    const auto operations = countsOf("SELECT op_id, COUNT(*) FROM operations GROUP BY op_id");
    const auto audited =
        countsOf("SELECT op_id, COUNT(*) FROM audit_log WHERE op_id != '' GROUP BY op_id");
    const auto versions = countsOf(
        "SELECT entity_id, version FROM entities WHERE entity_type IN "
        "('work_undertaken', 'skill_observation') AND deleted = 0");
    std::int64_t lost = 0, duplicated = 0, unexpected = 0;
    for (const auto& op : recorded) {
        if (!operations.count(op) || !audited.count(op))
            ++lost;
        else if (operations.at(op) != 1 || audited.at(op) != 1)
            ++duplicated;
    }
    for (const auto& [op, n] : audited) {
        if (!recorded.count(op))
            ++unexpected;
    }
    std::int64_t missingRecords = 0, rewritten = 0;
    for (const auto& record : records) {
        auto it = versions.find(record);
        if (it == versions.end())
            ++missingRecords;
        else if (it->second != 1)
            ++rewritten;  // a second application would have made version 2
    }
    std::cout << "server restart: " << total << " changes, " << acknowledgedBeforeKills
              << " acknowledged before the kills, " << lost << " lost, " << duplicated
              << " duplicated" << std::endl;
    EXPECT_EQ(lost, 0);
    EXPECT_EQ(duplicated, 0);
    EXPECT_EQ(unexpected, 0);
    EXPECT_EQ(operations.size(), total);
    EXPECT_EQ(missingRecords, 0);
    EXPECT_EQ(rewritten, 0);
    EXPECT_EQ(versions.size(), records.size());
}

}  // namespace
}  // namespace sitebook::sync::testing
