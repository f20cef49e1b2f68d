// The Store contract (store.h), run against every backend: the same expectations for SQLite
// and PostgreSQL, so a caller cannot tell them apart.

#include <gtest/gtest.h>

#include <cstdint>
#include <future>
#include <limits>
#include <thread>

#include "sitebook/server/store/postgres_store.h"
#include "sitebook/server/store/sqlite_store.h"
#include "store_backends.h"
#include "store_fixture.h"

namespace sitebook::server::testing {
namespace {

class StoreContract : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        location_ = std::make_unique<StoreLocation>(GetParam(), dir_.path());
        auto store = openStore(location_->location());
        ASSERT_TRUE(store.ok()) << store.error().toString();
        store_ = std::move(*store);
    }

    std::unique_ptr<UnitOfWork> begin(AccessMode mode = AccessMode::ReadWrite) {
        auto uow = store_->begin(mode);
        EXPECT_TRUE(uow.ok()) << uow.error().toString();
        return uow.ok() ? std::move(*uow) : nullptr;
    }
    static UserRecord user(const std::string& id, const std::string& name) {
        UserRecord u;
        u.id = id;
        u.username = name;
        u.displayName = "Sam Patel";
        u.passwordHash = "$argon2id$fake";
        u.role = Role::Officer;
        u.createdAtMillis = 1000;
        return u;
    }
    static DeviceRecord device(const std::string& id, const std::string& userId) {
        DeviceRecord d;
        d.id = id;
        d.userId = userId;
        d.name = "Pixel";
        d.platform = "android";
        d.appVersion = "1.0";
        d.registeredAtMillis = 5;
        d.lastSeenAtMillis = 6;
        return d;
    }

    sitebook::testing::TempDir dir_;
    std::unique_ptr<StoreLocation> location_;
    std::unique_ptr<Store> store_;
};

TEST_P(StoreContract, DuplicateKeysAreAlreadyExistsAndTheUnitCarriesOn) {
    auto uow = begin();
    ASSERT_TRUE(uow->insertUser(user("u1", "sam")).ok());
    EXPECT_EQ(uow->insertUser(user("u1", "other")).code(), ErrorCode::AlreadyExists);
    EXPECT_EQ(uow->insertUser(user("u2", "sam")).code(), ErrorCode::AlreadyExists);
    ASSERT_TRUE(uow->insertUser(user("u3", "olu")).ok());
    ASSERT_TRUE(uow->insertDevice(device("d1", "u1")).ok());
    EXPECT_EQ(uow->insertDevice(device("d1", "u3")).code(), ErrorCode::AlreadyExists);
    OperationRecord op;
    op.opId = "op1";
    op.bodyHash = "h";
    op.userId = "u1";
    op.deviceId = "d1";
    op.entityType = "case_note";
    op.entityId = "e1";
    op.kind = "create";
    op.payload = "{}";
    op.hlc = "1";
    ASSERT_TRUE(uow->insertOperation(op).ok());
    EXPECT_EQ(uow->insertOperation(op).code(), ErrorCode::AlreadyExists);
    ASSERT_TRUE(uow->commit().ok());

    auto read = begin(AccessMode::ReadOnly);
    auto sam = read->findUserByName("sam");
    ASSERT_TRUE(sam.ok() && sam->has_value());
    EXPECT_EQ((*sam)->id, "u1");
    EXPECT_EQ((*sam)->role, Role::Officer);
    auto olu = read->findUserById("u3");
    ASSERT_TRUE(olu.ok() && olu->has_value());
    EXPECT_EQ((*olu)->username, "olu");
}

TEST_P(StoreContract, RecordsRoundTripFieldByField) {
    auto uow = begin();
    ASSERT_TRUE(uow->insertUser(user("u1", "sam")).ok());
    DeviceRecord d = device("d1", "u1");
    ASSERT_TRUE(uow->insertDevice(d).ok());
    d.revokedAtMillis = 77;
    d.lastClockSkewMillis = -1500;
    d.lastSeenAtMillis = 70;
    ASSERT_TRUE(uow->updateDevice(d).ok());

    RefreshTokenRecord t;
    t.tokenHash = "t1";
    t.deviceId = "d1";
    t.userId = "u1";
    t.issuedAtMillis = 1;
    t.expiresAtMillis = 2;
    ASSERT_TRUE(uow->insertRefreshToken(t).ok());
    RefreshTokenRecord next = t;
    next.tokenHash = "t2";
    next.parentHash = "t1";
    ASSERT_TRUE(uow->insertRefreshToken(next).ok());
    ASSERT_TRUE(uow->markRefreshTokenRotated("t1", 9).ok());

    EntityRecord e{"case_note", "e1", R"({"text":"Arrived late"})", 1, false, "h1", "op1", 10};
    ASSERT_TRUE(uow->insertEntity(e).ok());
    EXPECT_EQ(uow->insertEntity(e).code(), ErrorCode::AlreadyExists);
    e.version = 2;
    e.deleted = true;
    ASSERT_TRUE(uow->updateEntity(e).ok());

    AuditEntry a;
    a.userId = "u1";
    a.action = "create";
    a.entityType = "case_note";
    a.entityId = "e1";
    a.serverTimeMillis = 10;
    a.after = "{}";
    auto first = uow->appendAudit(a);
    a.action = "update";
    a.deviceTimeMillis = 8;
    a.clockSkewMillis = 2;
    auto second = uow->appendAudit(a);
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_LT(*first, *second);

    ASSERT_TRUE(uow->setPartitionGrants("person/p1", {"u1", "u2"}).ok());
    ASSERT_TRUE(uow->setPartitionGrants("person/p1", {"u1"}).ok());
    ASSERT_TRUE(uow->queueReconcile("p2", 50).ok());
    ASSERT_TRUE(uow->queueReconcile("p1", 40).ok());
    ASSERT_TRUE(uow->queueReconcile("p2", 10).ok());  // already queued: keeps 50
    ASSERT_TRUE(uow->commit().ok());

    auto read = begin(AccessMode::ReadOnly);
    auto dev = read->findDevice("d1");
    ASSERT_TRUE(dev.ok() && dev->has_value());
    EXPECT_EQ((*dev)->revokedAtMillis, 77);
    EXPECT_EQ((*dev)->lastClockSkewMillis, -1500);
    EXPECT_EQ((*dev)->platform, "android");
    auto old = read->findRefreshToken("t1");
    ASSERT_TRUE(old.ok() && old->has_value());
    EXPECT_TRUE((*old)->rotated);
    EXPECT_EQ((*old)->revokedAtMillis, 9);
    auto successor = read->findUnusedSuccessor("t1");
    ASSERT_TRUE(successor.ok() && successor->has_value());
    EXPECT_EQ((*successor)->tokenHash, "t2");
    EXPECT_EQ((*successor)->parentHash, "t1");
    auto entity = read->findEntity("case_note", "e1");
    ASSERT_TRUE(entity.ok() && entity->has_value());
    EXPECT_EQ((*entity)->version, 2);
    EXPECT_TRUE((*entity)->deleted);
    EXPECT_EQ((*entity)->bodyJson, R"({"text":"Arrived late"})");
    auto audit = read->auditForEntity("case_note", "e1");
    ASSERT_TRUE(audit.ok());
    ASSERT_EQ(audit->size(), 2u);
    EXPECT_EQ((*audit)[0].action, "create");
    EXPECT_FALSE((*audit)[0].deviceTimeMillis.has_value());
    EXPECT_EQ((*audit)[1].deviceTimeMillis, 8);
    EXPECT_EQ((*audit)[1].clockSkewMillis, 2);
    EXPECT_FALSE((*audit)[1].before.has_value());
    auto grants = read->grantedPartitions("u1");
    ASSERT_TRUE(grants.ok());
    EXPECT_EQ(*grants, std::vector<std::string>{"person/p1"});
    EXPECT_FALSE(*read->hasGrant("u2", "person/p1"));
    EXPECT_EQ(*read->queuedReconciles(10), (std::vector<std::string>{"p1", "p2"}));
    EXPECT_EQ(*read->reconcileQueueDepth(), 2);
    EXPECT_TRUE(*read->isReconcileQueued("p2"));
}

TEST_P(StoreContract, OperationsOfARecordComeInTheOrderTheyTookEffect) {
    auto uow = begin();
    auto put = [&](const std::string& id, std::int64_t version, OpOutcome outcome, UnixMillis at) {
        OperationRecord op;
        op.opId = id;
        op.bodyHash = "h";
        op.userId = "u";
        op.deviceId = "d";
        op.entityType = "appointment_outcome";
        op.entityId = "a1";
        op.kind = "update";
        op.payload = "{}";
        op.hlc = "1";
        op.outcome = outcome;
        op.resultVersion = version;
        op.serverTimeMillis = at;
        ASSERT_TRUE(uow->insertOperation(op).ok());
    };
    put("c", 2, OpOutcome::AcceptedWithConflict, 1);
    put("b", 2, OpOutcome::Accepted, 5);
    put("a", 1, OpOutcome::Accepted, 9);
    auto ops = uow->operationsForEntity("appointment_outcome", "a1");
    ASSERT_TRUE(ops.ok());
    ASSERT_EQ(ops->size(), 3u);
    EXPECT_EQ((*ops)[0].opId, "a");
    EXPECT_EQ((*ops)[1].opId, "b");
    EXPECT_EQ((*ops)[2].opId, "c");
    EXPECT_EQ((*ops)[2].outcome, OpOutcome::AcceptedWithConflict);
    auto found = uow->findOperation("b");
    ASSERT_TRUE(found.ok() && found->has_value());
    EXPECT_EQ((*found)->resultVersion, 2);
}

TEST_P(StoreContract, PartitionTotalsWrapModulo2To64AndSequencesCountUpPerPartition) {
    constexpr std::uint64_t kBig = std::numeric_limits<std::uint64_t>::max() - 5;
    auto uow = begin();
    EXPECT_EQ(*uow->advancePartition("project/p", 0, kBig, 1), 1);
    EXPECT_EQ(*uow->advancePartition("project/p", 0, 10, 1), 2);  // wraps past 2^64
    EXPECT_EQ(*uow->advancePartition("person/x", 0, 3, 1), 1);
    auto summary = uow->partitionSummary("project/p");
    ASSERT_TRUE(summary.ok() && summary->has_value());
    EXPECT_EQ((*summary)->checksum, 4u);
    EXPECT_EQ((*summary)->count, 2);
    EXPECT_EQ((*summary)->lastSeq, 2);
    EXPECT_EQ(*uow->advancePartition("project/p", kBig, 0, -1), 3);
    summary = uow->partitionSummary("project/p");
    EXPECT_EQ((*summary)->checksum, 10u);
    EXPECT_EQ((*summary)->count, 1);

    ASSERT_TRUE(uow->putPartitionEntry({"project/p", "session", "s1", 2, 1, false, kBig}).ok());
    ASSERT_TRUE(uow->putPartitionEntry({"project/p", "session", "s2", 1, 1, false, 7}).ok());
    ASSERT_TRUE(uow->putPartitionEntry({"project/p", "session", "s1", 3, 2, true, 0}).ok());
    EntityRecord s2{"session", "s2", R"({"id":"s2"})", 1, false, "h", "", 1};
    ASSERT_TRUE(uow->insertEntity(s2).ok());
    ASSERT_TRUE(uow->commit().ok());

    auto read = begin(AccessMode::ReadOnly);
    auto rows = read->changesSince("project/p", 0, 10);
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 2u);
    EXPECT_EQ((*rows)[0].entry.entityId, "s2");
    EXPECT_EQ((*rows)[0].bodyJson, R"({"id":"s2"})");
    EXPECT_EQ((*rows)[0].entry.entryChecksum, 7u);
    EXPECT_EQ((*rows)[1].entry.entityId, "s1");
    EXPECT_TRUE((*rows)[1].entry.removed);
    EXPECT_EQ(read->changesSince("project/p", 1, 10)->size(), 1u);
    EXPECT_EQ(read->changesSince("project/p", 0, 1)->size(), 1u);
    auto parts = read->entityPartitions("session", "s1");
    ASSERT_TRUE(parts.ok());
    ASSERT_EQ(parts->size(), 1u);
    EXPECT_EQ((*parts)[0].version, 2);
    EXPECT_EQ(*read->partitionsWithPrefix("project/"), std::vector<std::string>{"project/p"});
    EXPECT_EQ(*read->partitionsWithPrefix("person/"), std::vector<std::string>{"person/x"});
}

TEST_P(StoreContract, AnUncommittedUnitAndARolledBackSavepointLeaveNothing) {
    {
        auto uow = begin();
        ASSERT_TRUE(uow->insertUser(user("u1", "sam")).ok());
    }  // destroyed without commit
    auto uow = begin();
    EXPECT_FALSE(uow->findUserById("u1")->has_value());
    ASSERT_TRUE(uow->savepoint().ok());
    ASSERT_TRUE(uow->insertUser(user("u2", "olu")).ok());
    ASSERT_TRUE(uow->rollbackToSavepoint().ok());
    ASSERT_TRUE(uow->savepoint().ok());
    ASSERT_TRUE(uow->insertUser(user("u3", "kim")).ok());
    ASSERT_TRUE(uow->releaseSavepoint().ok());
    ASSERT_TRUE(uow->commit().ok());
    auto read = begin(AccessMode::ReadOnly);
    EXPECT_FALSE(read->findUserById("u2")->has_value());
    EXPECT_TRUE(read->findUserById("u3")->has_value());
}

TEST_P(StoreContract, AReadOnlyUnitSeesOneSnapshot) {
    auto read = begin(AccessMode::ReadOnly);
    EXPECT_FALSE(read->findUserById("u1")->has_value());
    {
        auto uow = begin();
        ASSERT_TRUE(uow->insertUser(user("u1", "sam")).ok());
        ASSERT_TRUE(uow->advancePartition("person/p", 0, 1, 1).ok());
        ASSERT_TRUE(uow->commit().ok());
    }
    EXPECT_FALSE(read->findUserById("u1")->has_value());
    EXPECT_FALSE(read->partitionSummary("person/p")->has_value());
    read.reset();
    EXPECT_TRUE(begin(AccessMode::ReadOnly)->findUserById("u1")->has_value());
}

TEST_P(StoreContract, TheAuditLogRefusesUpdateAndDelete) {
    auto uow = begin();
    AuditEntry a;
    a.userId = "u1";
    a.action = "create";
    a.entityType = "case_note";
    a.entityId = "e1";
    a.serverTimeMillis = 10;
    ASSERT_TRUE(uow->appendAudit(a).ok());
    ASSERT_TRUE(uow->commit().ok());
    EXPECT_FALSE(location_->rawExec("UPDATE audit_log SET action = 'nothing'"));
    EXPECT_FALSE(location_->rawExec("DELETE FROM audit_log"));
    auto read = begin(AccessMode::ReadOnly);
    auto audit = read->auditForEntity("case_note", "e1");
    ASSERT_EQ(audit->size(), 1u);
    EXPECT_EQ((*audit)[0].action, "create");
}

TEST_P(StoreContract, AWriteUnitFailingWithATransientErrorRunsAgainOnce) {
    int runs = 0;
    Status done = runWriteUnit(*store_, [&](UnitOfWork& uow) -> Status {
        ++runs;
        SB_TRY(uow.insertUser(user("u1", "sam")));
        if (runs == 1)
            return makeError(ErrorCode::Unavailable, "deadlock detected");
        return okStatus();
    });
    ASSERT_TRUE(done.ok()) << done.error().toString();
    EXPECT_EQ(runs, 2);
    EXPECT_TRUE(begin(AccessMode::ReadOnly)->findUserById("u1")->has_value());

    int attempts = 0;
    Status refused = runWriteUnit(*store_, [&](UnitOfWork&) -> Status {
        ++attempts;
        return makeError(ErrorCode::Unavailable, "still busy");
    });
    EXPECT_EQ(refused.code(), ErrorCode::Unavailable);
    EXPECT_EQ(attempts, kWriteAttempts);
    Status invalid = runWriteUnit(*store_, [&](UnitOfWork&) -> Status {
        return makeError(ErrorCode::InvalidArgument, "no");
    });
    EXPECT_EQ(invalid.code(), ErrorCode::InvalidArgument);
}

TEST_P(StoreContract, ADatabaseFromANewerServerIsRefused) {
    store_.reset();
    ASSERT_TRUE(location_->rawExec(GetParam() == Backend::Sqlite
                                       ? "PRAGMA user_version = 99"
                                       : "UPDATE sitebook_schema SET version = 99"));
    auto store = openStore(location_->location());
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, ErrorCode::SchemaTooNew);
    EXPECT_NE(store.error().message.find("newer"), std::string::npos);
}

TEST_P(StoreContract, OpeningAgainKeepsTheData) {
    {
        auto uow = begin();
        ASSERT_TRUE(uow->insertUser(user("u1", "sam")).ok());
        ASSERT_TRUE(uow->commit().ok());
    }
    store_.reset();
    auto store = openStore(location_->location());
    ASSERT_TRUE(store.ok()) << store.error().toString();
    auto read = (*store)->begin(AccessMode::ReadOnly);
    EXPECT_TRUE((*read)->findUserById("u1")->has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         [](const auto& param) { return std::string(backendName(param.param)); });

// --------------------------------------------------------------- PostgreSQL only

using sitebook::testing::PostgresCluster;

TEST(PostgresStoreOpen, ProcessesStartingTogetherMigrateOnce) {
    const std::string url = PostgresCluster::shared().createDatabase();
    std::vector<std::future<Result<std::unique_ptr<PostgresStore>>>> opening;
    for (int i = 0; i < 4; ++i)
        opening.push_back(std::async(std::launch::async, [&] { return PostgresStore::open(url); }));
    for (auto& f : opening) {
        auto store = f.get();
        EXPECT_TRUE(store.ok()) << store.error().toString();
    }
}

TEST(PostgresStoreOpen, BadLocationsAreNamedInOneLine) {
    auto& cluster = PostgresCluster::shared();
    const std::string db = cluster.createDatabase();
    const std::string name = db.substr(db.rfind('/') + 1);
    struct Case {
        std::string url;
        ErrorCode code;
        const char* says;
    };
    const std::vector<Case> cases = {
        {cluster.url(name, "wrong"), ErrorCode::Unauthenticated, "password"},
        {cluster.url("no_such_db"), ErrorCode::NotFound, "does not exist"},
        {"postgresql://sitebook@127.0.0.1:1/x", ErrorCode::Unavailable, "cannot reach"},
        {"postgresql://sitebook@127.0.0.1:notaport/x", ErrorCode::InvalidArgument, "not valid"},
    };
    for (const auto& c : cases) {
        auto store = openStore(c.url);
        ASSERT_FALSE(store.ok()) << c.url;
        EXPECT_EQ(store.error().code, c.code) << store.error().toString();
        EXPECT_NE(store.error().message.find(c.says), std::string::npos) << store.error().message;
        EXPECT_EQ(store.error().message.find('\n'), std::string::npos) << store.error().message;
        EXPECT_EQ(store.error().message.find("wrong"), std::string::npos) << "leaks the password";
    }
}

TEST(PostgresStoreOpen, AFullPoolMakesTheNextUnitWaitForAConnection) {
    auto store =
        PostgresStore::open(PostgresCluster::shared().createDatabase(), PostgresStore::Options{1});
    ASSERT_TRUE(store.ok());
    auto first = (*store)->begin(AccessMode::ReadOnly);
    ASSERT_TRUE(first.ok());
    auto second =
        std::async(std::launch::async, [&] { return (*store)->begin(AccessMode::ReadWrite).ok(); });
    first->reset();  // gives the one connection back
    EXPECT_TRUE(second.get());
}

}  // namespace
}  // namespace sitebook::server::testing
