// Upgrading a real version 1 device database (tests/data/client-v1.db) keeps its data.

#include <gtest/gtest.h>

#include "golden_test_key.h"
#include "sitebook/storage/client_schema.h"
#include "storage_test_support.h"

namespace sitebook::storage {
namespace {

using testing::readBytes;
using testing::TempDir;

class GoldenMigrationTest : public ::testing::Test {
protected:
    void SetUp() override {
        const std::filesystem::path golden =
            std::filesystem::path(SITEBOOK_TEST_DATA_DIR) / "client-v1.db";
        ASSERT_TRUE(std::filesystem::exists(golden)) << golden;
        path_ = dir_.file("client.db");
        std::filesystem::copy_file(golden, path_);
        auto opened = Database::open(path_, testdata::goldenTestKey());
        ASSERT_TRUE(opened.ok()) << opened.error().toString();
        db_ = std::move(opened).value();
    }

    std::vector<std::string> column(std::string_view sql) {
        auto stmt = db_->prepare(sql);
        EXPECT_TRUE(stmt.ok()) << sql;
        std::vector<std::string> values;
        if (!stmt.ok())
            return values;
        for (;;) {
            auto row = stmt->step();
            EXPECT_TRUE(row.ok());
            if (!row.ok() || !*row)
                break;
            values.push_back(stmt->columnText(0));
        }
        return values;
    }

    TempDir dir_;
    std::string path_;
    std::unique_ptr<Database> db_;
};

TEST_F(GoldenMigrationTest, FixtureIsVersionOne) {
    EXPECT_EQ(*db_->userVersion(), 1);
    EXPECT_TRUE(db_->integrityCheck().ok());
}

TEST_F(GoldenMigrationTest, MigratesToLatestKeepingRows) {
    ASSERT_TRUE(migrate(*db_, clientMigrations()).ok());
    EXPECT_EQ(*db_->userVersion(), kClientSchemaVersion);
    EXPECT_EQ(column("SELECT surname FROM people ORDER BY surname"),
              (std::vector<std::string>{"Ashworth", "Okafor"}));
    EXPECT_EQ(column("SELECT crn FROM people ORDER BY crn"),
              (std::vector<std::string>{"X123456", "Y654321"}));
    EXPECT_EQ(column("SELECT outcome_code FROM appointments"), std::vector<std::string>{"ATTC"});
    EXPECT_EQ(column("SELECT value FROM meta WHERE key = 'device_id'").size(), 1u);
    EXPECT_EQ(column("SELECT entity_type FROM outbox ORDER BY seq"),
              (std::vector<std::string>{"appointment", "feedback"}));
    EXPECT_EQ(column("SELECT state FROM outbox ORDER BY seq"),
              (std::vector<std::string>{"pending", "pending"}));
    EXPECT_EQ(column("SELECT count(*) FROM sync_checkpoints"), std::vector<std::string>{"0"});
    EXPECT_TRUE(db_->integrityCheck().ok());

    // The upgraded file reopens with the same key at version 2.
    db_.reset();
    auto reopened = Database::open(path_, testdata::goldenTestKey());
    ASSERT_TRUE(reopened.ok());
    EXPECT_EQ(*(*reopened)->userVersion(), kClientSchemaVersion);
}

TEST_F(GoldenMigrationTest, NewerSchemaIsRefusedAndDataUntouched) {
    ASSERT_TRUE(db_->setUserVersion(99).ok());
    ASSERT_TRUE(db_->checkpoint().ok());
    const std::string before = readBytes(path_);

    Status status = migrate(*db_, clientMigrations());
    ASSERT_EQ(status.code(), ErrorCode::SchemaTooNew);
    EXPECT_EQ(status.error().message,
              "database schema version 99 is newer than this version of Sitebook supports (" +
                  std::to_string(kClientSchemaVersion) +
                  "); "
                  "install the newer app");
    EXPECT_EQ(*db_->userVersion(), 99);
    EXPECT_EQ(column("SELECT count(*) FROM outbox"), std::vector<std::string>{"2"});
    EXPECT_TRUE(column("SELECT name FROM sqlite_master WHERE name = 'sync_checkpoints'").empty());
    ASSERT_TRUE(db_->checkpoint().ok());
    EXPECT_EQ(readBytes(path_), before);
}

}  // namespace
}  // namespace sitebook::storage
