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

#include <fstream>
#include <sstream>
#include <thread>

#include "fault_proxy.h"
#include "sitebook/cli/cli.h"
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

// ------------------------------------------------------------------ child processes

struct Child {
    pid_t pid = -1;
};

// Starts `argv` with extra environment variables; stdout and stderr go to `logPath`.
Child spawnChild(const std::vector<std::string>& argv, const std::vector<std::string>& extraEnv,
                 const std::string& logPath) {
    std::vector<std::string> envStrings;
    for (char** e = environ; *e; ++e)
        envStrings.emplace_back(*e);
    for (const auto& e : extraEnv)
        envStrings.push_back(e);
    std::vector<char*> envp, args;
    for (auto& e : envStrings)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    std::vector<std::string> argvCopy = argv;
    for (auto& a : argvCopy)
        args.push_back(a.data());
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, logPath.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    Child c;
    if (posix_spawn(&c.pid, args[0], &actions, nullptr, args.data(), envp.data()) != 0)
        c.pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    return c;
}

// Waits up to `limit` for the child to exit; its exit code, or nullopt if still running.
std::optional<int> waitFor(Child& c, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
        int status = 0;
        pid_t r = ::waitpid(c.pid, &status, WNOHANG);
        if (r == c.pid) {
            c.pid = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        if (std::chrono::steady_clock::now() >= deadline)
            return std::nullopt;
        ::poll(nullptr, 0, 2);  // a bounded wait for the child, not a synchronisation point
    }
}

void killChild(Child& c) {
    if (c.pid <= 0)
        return;
    ::kill(c.pid, SIGKILL);
    int status = 0;
    ::waitpid(c.pid, &status, 0);
    c.pid = -1;
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
                                     return std::string("2468");
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
        "2468\n");
    cli({"login", "--user", "sam.supervisor"},
        std::string(server::testing::kPassword) + "\n2468\n");
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
                       {"SITEBOOK_PIN=2468"}, log);
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
                       {"SITEBOOK_PIN=2468"}, log);
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

}  // namespace
}  // namespace sitebook::sync::testing
