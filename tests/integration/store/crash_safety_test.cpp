// A child process records changes in a loop and reports each one after its commit returns;
// the parent kills it with SIGKILL at random moments. After every kill the database must pass
// its integrity checks, hold every change the child reported, and have entity rows and outbox
// entries matching one to one.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "store_fixture.h"

namespace sitebook::store {
namespace {

using namespace domain;
using testing::fixtureId;
using testing::TempDir;
using testing::testKey;

constexpr int kKills = 50;

DeviceContext device() {
    return {fixtureId(900), fixtureId(901), Role::Supervisor};
}

// Runs in the child: never returns.
[[noreturn]] void writerLoop(const std::filesystem::path& db, int fd, std::uint64_t seed) {
    SeededRandom random(seed);
    auto store = LocalStore::open(db, testKey(), device(), SystemClock::instance(), random);
    if (!store.ok())
        _exit(3);
    auto roster = (*store)->roster(fixtureId(2));
    if (!roster.ok() || roster->empty())
        _exit(4);
    std::mt19937_64 pick(seed);
    for (std::uint64_t i = 0;; ++i) {
        const auto& entry = (*roster)[pick() % roster->size()];
        Result<ChangeReceipt> r = makeError(ErrorCode::Internal, "unset");
        if (i % 2 == 0) {
            CaseNote note;
            note.person_id = entry.person.id;
            note.text = "Worked steadily on the raised beds, note " + std::to_string(i);
            r = (*store)->addCaseNote(note);
        } else {
            WorkUndertaken w;
            w.appointment_id = entry.appointment.id;
            w.category = WorkCategory::GroundsGardening;
            w.description = "Weeded and mulched bed " + std::to_string(i);
            r = (*store)->addWorkUndertaken(w);
        }
        if (!r.ok())
            _exit(5);
        std::string line = r->opId + " " + r->entityId + "\n";
        if (write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
            _exit(6);
    }
}

std::set<std::string> column(storage::Database& db, const std::string& sql) {
    std::set<std::string> out;
    auto stmt = db.prepare(sql);
    EXPECT_TRUE(stmt.ok());
    while (true) {
        auto row = stmt->step();
        EXPECT_TRUE(row.ok());
        if (!row.ok() || !*row)
            break;
        out.insert(stmt->columnText(0));
    }
    return out;
}

TEST(CrashSafetyTest, KilledWriterNeverLosesReportedChangesOrSplitsThemFromTheOutbox) {
    TempDir dir;
    const auto dbPath = dir.path() / "device.db";
    SeededRandom fixtureRandom(1);
    {
        auto store =
            LocalStore::open(dbPath, testKey(), device(), SystemClock::instance(), fixtureRandom);
        ASSERT_TRUE(store.ok()) << store.error().toString();
        testing::seedRoster(**store, {"Ahmed", "Baker", "Clarke", "Davies"});
    }

    const std::uint64_t seed = std::random_device{}();
    std::printf("crash test seed: %llu\n", static_cast<unsigned long long>(seed));
    std::mt19937_64 rng(seed);
    std::set<std::string> reportedOps;
    std::size_t totalReported = 0;

    for (int kill = 0; kill < kKills; ++kill) {
        int fds[2];
        ASSERT_EQ(pipe(fds), 0);
        pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            close(fds[0]);
            writerLoop(dbPath, fds[1], seed + static_cast<std::uint64_t>(kill));
        }
        close(fds[1]);
        // Let the child get going, then kill it at a random moment (anywhere from during
        // open/migration to mid-commit).
        std::this_thread::sleep_for(std::chrono::microseconds(rng() % 60'000));
        ASSERT_EQ(::kill(child, SIGKILL), 0);
        int status = 0;
        ASSERT_EQ(waitpid(child, &status, 0), child);
        ASSERT_TRUE(WIFSIGNALED(status)) << "writer exited by itself with status "
                                         << WEXITSTATUS(status) << " (seed " << seed << ")";

        std::string reported;
        char buf[4096];
        ssize_t n;
        while ((n = read(fds[0], buf, sizeof buf)) > 0)
            reported.append(buf, static_cast<size_t>(n));
        close(fds[0]);
        std::istringstream lines(reported);
        std::string op, entity;
        while (lines >> op >> entity) {
            reportedOps.insert(op);
            ++totalReported;
        }

        SeededRandom random(seed);
        auto store = LocalStore::open(dbPath, testKey(), device(), SystemClock::instance(), random);
        ASSERT_TRUE(store.ok()) << "kill " << kill << ": " << store.error().toString();
        auto& db = (*store)->database();
        auto integrity = db.integrityCheck();
        ASSERT_TRUE(integrity.ok()) << "kill " << kill << ": " << integrity.error().toString();

        auto outboxOps = column(db, "SELECT op_id FROM outbox");
        for (const auto& id : reportedOps) {
            ASSERT_TRUE(outboxOps.count(id))
                << "committed op " << id << " lost after kill " << kill << " (seed " << seed << ")";
        }
        EXPECT_EQ(column(db, "SELECT id FROM case_notes"),
                  column(db, "SELECT entity_id FROM outbox WHERE entity_type = 'case_note'"))
            << "kill " << kill;
        EXPECT_EQ(column(db, "SELECT id FROM work_items"),
                  column(db, "SELECT entity_id FROM outbox WHERE entity_type = 'work_undertaken'"))
            << "kill " << kill;
        auto count = db.prepare("SELECT count(*), count(DISTINCT op_id) FROM outbox");
        ASSERT_TRUE(count.ok() && count->step().ok());
        EXPECT_EQ(count->columnInt(0), count->columnInt(1));
    }
    EXPECT_GT(totalReported, static_cast<std::size_t>(kKills)) << "the writer barely ran";
}

}  // namespace
}  // namespace sitebook::store
