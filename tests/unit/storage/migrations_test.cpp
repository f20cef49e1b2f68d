#include "sitebook/storage/migrations.h"

#include <gtest/gtest.h>

#include <array>

#include "storage_test_support.h"

namespace sitebook::storage {
namespace {

using testing::TempDir;
using testing::testKey;

Status createA(Database& db) {
    return db.exec("CREATE TABLE a (x TEXT)");
}
Status createB(Database& db) {
    return db.exec("CREATE TABLE b (y TEXT)");
}
Status createCThenFail(Database& db) {
    SB_TRY(db.exec("CREATE TABLE c (z TEXT); INSERT INTO a VALUES ('written by step 3')"));
    return db.exec("INSERT INTO no_such_table VALUES (1)");
}

constexpr std::array<Migration, 2> kTwoSteps{{
    {1, "create a", &createA},
    {2, "create b", &createB},
}};
constexpr std::array<Migration, 3> kFailingThird{{
    {1, "create a", &createA},
    {2, "create b", &createB},
    {3, "create c, then fail", &createCThenFail},
}};

bool tableExists(Database& db, std::string_view name) {
    auto stmt = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
    stmt->bind(1, name);
    EXPECT_TRUE(stmt->step().ok());
    return stmt->columnInt(0) == 1;
}

class MigrationsTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Database::open(dir_.file("m.db"), testKey(3));
        ASSERT_TRUE(opened.ok());
        db_ = std::move(opened).value();
    }
    TempDir dir_;
    std::unique_ptr<Database> db_;
};

TEST_F(MigrationsTest, AppliesAllStepsInOrder) {
    ASSERT_TRUE(migrate(*db_, kTwoSteps).ok());
    EXPECT_EQ(*db_->userVersion(), 2);
    EXPECT_TRUE(tableExists(*db_, "a"));
    EXPECT_TRUE(tableExists(*db_, "b"));
    // Running again is a no-op.
    EXPECT_TRUE(migrate(*db_, kTwoSteps).ok());
    EXPECT_EQ(*db_->userVersion(), 2);
}

TEST_F(MigrationsTest, StopsAtTarget) {
    ASSERT_TRUE(migrate(*db_, kTwoSteps, 1).ok());
    EXPECT_EQ(*db_->userVersion(), 1);
    EXPECT_FALSE(tableExists(*db_, "b"));
    ASSERT_TRUE(migrate(*db_, kTwoSteps).ok());
    EXPECT_TRUE(tableExists(*db_, "b"));
    EXPECT_EQ(migrate(*db_, kTwoSteps, 1).code(), ErrorCode::InvalidArgument);  // no way down
    EXPECT_EQ(migrate(*db_, kTwoSteps, 3).code(), ErrorCode::InvalidArgument);
}

TEST_F(MigrationsTest, RefusesDatabaseFromNewerApp) {
    ASSERT_TRUE(migrate(*db_, kTwoSteps).ok());
    ASSERT_TRUE(db_->exec("INSERT INTO a VALUES ('kept')").ok());
    ASSERT_TRUE(db_->setUserVersion(9).ok());

    Status status = migrate(*db_, kTwoSteps);
    ASSERT_EQ(status.code(), ErrorCode::SchemaTooNew);
    EXPECT_EQ(status.error().message,
              "database schema version 9 is newer than this version of Sitebook supports (2); "
              "install the newer app");
    EXPECT_EQ(*db_->userVersion(), 9);
    auto stmt = db_->prepare("SELECT x FROM a");
    ASSERT_TRUE(*stmt->step());
    EXPECT_EQ(stmt->columnText(0), "kept");
}

TEST_F(MigrationsTest, FailingStepRollsBackEntirely) {
    ASSERT_TRUE(migrate(*db_, kTwoSteps).ok());
    Status status = migrate(*db_, kFailingThird);
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().message.find("schema migration to version 3"), std::string::npos);
    EXPECT_EQ(*db_->userVersion(), 2);
    EXPECT_FALSE(tableExists(*db_, "c"));
    EXPECT_FALSE(db_->inTransaction());
    auto count = db_->prepare("SELECT count(*) FROM a");
    ASSERT_TRUE(count->step().ok());
    EXPECT_EQ(count->columnInt(0), 0);
}

TEST_F(MigrationsTest, FailingFirstStepLeavesVersionZero) {
    constexpr std::array<Migration, 1> kBroken{{{1, "broken", &createCThenFail}}};
    EXPECT_FALSE(migrate(*db_, kBroken).ok());
    EXPECT_EQ(*db_->userVersion(), 0);
    EXPECT_FALSE(tableExists(*db_, "c"));
}

TEST_F(MigrationsTest, RejectsMisnumberedSteps) {
    constexpr std::array<Migration, 2> kGap{{{1, "a", &createA}, {3, "b", &createB}}};
    EXPECT_EQ(migrate(*db_, kGap).code(), ErrorCode::Internal);
    EXPECT_EQ(*db_->userVersion(), 0);
}

TEST_F(MigrationsTest, RefusesToRunInsideATransaction) {
    ASSERT_TRUE(db_->beginImmediate().ok());
    EXPECT_EQ(migrate(*db_, kTwoSteps).code(), ErrorCode::Internal);
    ASSERT_TRUE(db_->rollback().ok());
}

}  // namespace
}  // namespace sitebook::storage
