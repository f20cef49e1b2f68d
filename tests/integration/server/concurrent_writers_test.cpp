// Concurrent writers on PostgreSQL: the change sequence never lets a download skip a change,
// running totals and versions stay exact, idempotency and token rotation hold across
// connections. The first tests drive two writers and a reader step by step.

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <atomic>
#include <functional>
#include <future>
#include <map>
#include <set>
#include <thread>

#include "pg_cluster.h"
#include "sitebook/server/store/postgres_store.h"
#include "sitebook/server/sync/entity_writer.h"

namespace sitebook::server::testing {
namespace {

using sitebook::testing::PostgresCluster;

constexpr char kPerson[] = "0190f5e2-7c1a-7abc-8def-000000000001";
const std::string kPartition = std::string("person/") + kPerson;

std::string noteBody(const std::string& text) {
    return std::string(R"({"person_id":")") + kPerson + R"(","text":")" + text + "\"}";
}

// A connection beside the store, for what a test sets up or watches directly.
class RawConnection {
public:
    explicit RawConnection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {}
    ~RawConnection() { PQfinish(conn_); }
    // The first column of the first row, or "" on an empty result; fails the test on error.
    std::string query(const std::string& sql) {
        PGresult* r = PQexec(conn_, sql.c_str());
        const auto status = PQresultStatus(r);
        EXPECT_TRUE(status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
            << sql << ": " << PQerrorMessage(conn_);
        std::string out = PQntuples(r) > 0 ? PQgetvalue(r, 0, 0) : "";
        PQclear(r);
        return out;
    }

private:
    PGconn* conn_;
};

class ConcurrentWriters : public ::testing::Test {
protected:
    void SetUp() override {
        url_ = PostgresCluster::shared().createDatabase();
        auto store = PostgresStore::open(url_, PostgresStore::Options{8});
        ASSERT_TRUE(store.ok()) << store.error().toString();
        store_ = std::move(*store);
        watcher_ = std::make_unique<RawConnection>(url_);
    }

    // Waits until `task` has finished or is waiting for a lock another transaction holds:
    // a state of the database, not a guess at timing.
    template <typename T>
    void untilDoneOrWaitingForALock(std::future<T>& task) {
        while (task.wait_for(std::chrono::milliseconds(1)) != std::future_status::ready) {
            if (watcher_->query("SELECT count(*) FROM pg_locks WHERE NOT granted") != "0")
                return;
        }
    }

    // A reader paging like Download: changes after `checkpoint`, in one snapshot per page.
    void readPage(std::int64_t& checkpoint, std::multiset<std::string>& seen) {
        auto uow = store_->begin(AccessMode::ReadOnly);
        ASSERT_TRUE(uow.ok());
        auto rows = (*uow)->changesSince(kPartition, checkpoint, 100);
        ASSERT_TRUE(rows.ok()) << rows.error().toString();
        for (const auto& row : *rows) {
            seen.insert(row.entry.entityId);
            checkpoint = row.entry.seq;
        }
    }

    // Two writers and a reader: W1 writes "a"; W2 writes "b" and commits as soon as it can;
    // the reader pages; W1 commits; W2 finishes; the reader pages again from its checkpoint.
    // `write` writes one record on its own connection and returns its commit.
    std::multiset<std::string> interleave(
        const std::function<std::function<void()>(const std::string&)>& write) {
        std::multiset<std::string> seen;
        std::int64_t checkpoint = 0;
        std::function<void()> commitA = write("a");
        auto writerB = std::async(std::launch::async, [&] { write("b")(); });
        untilDoneOrWaitingForALock(writerB);
        readPage(checkpoint, seen);
        commitA();
        writerB.get();
        readPage(checkpoint, seen);
        return seen;
    }

    // The store's scheme: EntityWriter in a read-write unit (advancePartition numbers it).
    std::function<void()> storeWrite(const std::string& id) {
        auto uow = store_->begin(AccessMode::ReadWrite);
        EXPECT_TRUE(uow.ok());
        auto shared = std::make_shared<std::unique_ptr<UnitOfWork>>(std::move(*uow));
        auto put = EntityWriter::put(**shared, EntityType::CaseNote, id, noteBody(id),
                                     WriteContext{1000, "", ""});
        EXPECT_TRUE(put.ok()) << put.error().toString();
        return [shared] { EXPECT_TRUE((*shared)->commit().ok()); };
    }

    std::string url_;
    std::unique_ptr<PostgresStore> store_;
    std::unique_ptr<RawConnection> watcher_;
};

TEST_F(ConcurrentWriters, TheNaiveNextvalSchemeSkipsAChangeInThisInterleaving) {
    // The scheme the store must not use: a sequence value per change, taken outside any lock
    // that orders commits. Shows that the interleaving below catches the skip.
    watcher_->query("CREATE SEQUENCE naive_change_seq");
    std::vector<std::unique_ptr<RawConnection>> writers;
    std::mutex mutex;
    auto naiveWrite = [&](const std::string& id) -> std::function<void()> {
        RawConnection* conn;
        {
            std::lock_guard lock(mutex);
            writers.push_back(std::make_unique<RawConnection>(url_));
            conn = writers.back().get();
        }
        conn->query("BEGIN");
        conn->query("INSERT INTO change_log VALUES ('" + kPartition + "', 'case_note', '" + id +
                    "', nextval('naive_change_seq'), 1, false, 1)");
        return [conn] { conn->query("COMMIT"); };
    };
    const auto seen = interleave(naiveWrite);
    EXPECT_EQ(seen.count("b"), 1u);
    EXPECT_EQ(seen.count("a"), 0u) << "the naive scheme should have lost 'a' here";
}

TEST_F(ConcurrentWriters, EveryChangeReachesAPagingReaderExactlyOnce) {
    const auto seen = interleave([&](const std::string& id) { return storeWrite(id); });
    EXPECT_EQ(seen, (std::multiset<std::string>{"a", "b"}));
    auto uow = store_->begin(AccessMode::ReadOnly);
    auto summary = (*uow)->partitionSummary(kPartition);
    ASSERT_TRUE(summary.ok() && summary->has_value());
    EXPECT_EQ((*summary)->count, 2);
    EXPECT_EQ((*summary)->lastSeq, 2);
}

// Four writers through runWriteUnit, a reader paging all along: every record reaches the
// reader, versions count every update, and each partition's checksum is the sum of its live
// entries.
TEST_F(ConcurrentWriters, FourWritersAndAReaderAgreeOnEveryRecordAndChecksum) {
    constexpr int kWriters = 4;
    constexpr int kPerWriter = 40;
    std::atomic<int> running{kWriters};
    std::vector<std::future<void>> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.push_back(std::async(std::launch::async, [&, w] {
            for (int i = 0; i < kPerWriter; ++i) {
                const std::string id = "w" + std::to_string(w) + "-" + std::to_string(i);
                // Every writer also updates one shared record: versions must count them all.
                Status done = runWriteUnit(*store_, [&](UnitOfWork& uow) -> Status {
                    SB_TRY(EntityWriter::put(uow, EntityType::CaseNote, id, noteBody(id),
                                             WriteContext{1000, "", ""}));
                    SB_TRY(EntityWriter::put(uow, EntityType::CaseNote, "shared", noteBody(id),
                                             WriteContext{1000, "", ""}));
                    return okStatus();
                });
                EXPECT_TRUE(done.ok()) << done.error().toString();
            }
            --running;
        }));
    }
    std::multiset<std::string> seen;
    std::int64_t checkpoint = 0;
    while (running > 0)
        readPage(checkpoint, seen);
    for (auto& w : writers)
        w.get();
    readPage(checkpoint, seen);

    std::set<std::string> distinct(seen.begin(), seen.end());
    EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kWriters * kPerWriter + 1));
    auto uow = store_->begin(AccessMode::ReadOnly);
    auto shared = (*uow)->findEntity("case_note", "shared");
    ASSERT_TRUE(shared.ok() && shared->has_value());
    EXPECT_EQ((*shared)->version, kWriters * kPerWriter);
    auto summary = (*uow)->partitionSummary(kPartition);
    ASSERT_TRUE(summary.ok() && summary->has_value());
    EXPECT_EQ((*summary)->count, kWriters * kPerWriter + 1);
    std::uint64_t sum = 0;
    auto rows = (*uow)->changesSince(kPartition, 0, 100000);
    for (const auto& row : *rows)
        sum += row.entry.entryChecksum;
    EXPECT_EQ((*summary)->checksum, sum);
    EXPECT_EQ(static_cast<int>(rows->size()), kWriters * kPerWriter + 1);
}

// The upload path's idempotency (find the op id, else apply and insert it) on two connections
// at once: one applies it, the other waits and then finds it.
TEST_F(ConcurrentWriters, TheSameOperationRetriedOnTwoConnectionsIsStoredOnce) {
    auto first = store_->begin(AccessMode::ReadWrite);
    ASSERT_TRUE(first.ok());
    ASSERT_FALSE((*first)->findOperation("op-1")->has_value());
    OperationRecord op;
    op.opId = "op-1";
    op.bodyHash = "h";
    op.userId = "u";
    op.deviceId = "d";
    op.entityType = "case_note";
    op.entityId = "n1";
    op.kind = "create";
    op.payload = "{}";
    op.hlc = "1";
    op.resultVersion = 1;
    ASSERT_TRUE((*first)->insertOperation(op).ok());
    auto second = std::async(std::launch::async, [&]() -> bool {
        auto uow = store_->begin(AccessMode::ReadWrite);
        auto found = (*uow)->findOperation("op-1");
        return found.ok() && found->has_value();
    });
    untilDoneOrWaitingForALock(second);
    ASSERT_TRUE((*first)->commit().ok());
    EXPECT_TRUE(second.get()) << "the second retry did not see the first's operation";
}

// Two refreshes of one token at once: the second waits for the first and sees it rotated.
TEST_F(ConcurrentWriters, OfTwoConcurrentRefreshesOfOneTokenOneWins) {
    {
        auto uow = store_->begin(AccessMode::ReadWrite);
        UserRecord u{"u1", "sam", "Sam", "x", Role::Supervisor, false, 1};
        ASSERT_TRUE((*uow)->insertUser(u).ok());
        DeviceRecord d;
        d.id = "d1";
        d.userId = "u1";
        ASSERT_TRUE((*uow)->insertDevice(d).ok());
        RefreshTokenRecord t;
        t.tokenHash = "t1";
        t.deviceId = "d1";
        t.userId = "u1";
        t.expiresAtMillis = 100;
        ASSERT_TRUE((*uow)->insertRefreshToken(t).ok());
        ASSERT_TRUE((*uow)->commit().ok());
    }
    // What the token service does: find the token, and rotate it if it is still live.
    auto refresh = [&](UnitOfWork& uow) -> bool {
        auto token = uow.findRefreshToken("t1");
        if (!token.ok() || !token->has_value() || (*token)->revokedAtMillis)
            return false;
        return uow.markRefreshTokenRotated("t1", 5).ok();
    };
    auto first = store_->begin(AccessMode::ReadWrite);
    ASSERT_TRUE(refresh(**first));
    auto second = std::async(std::launch::async, [&] {
        auto uow = store_->begin(AccessMode::ReadWrite);
        const bool won = refresh(**uow);
        EXPECT_TRUE((*uow)->commit().ok());
        return won;
    });
    untilDoneOrWaitingForALock(second);
    ASSERT_TRUE((*first)->commit().ok());
    EXPECT_FALSE(second.get()) << "both refreshes rotated the same token";
}

}  // namespace
}  // namespace sitebook::server::testing
