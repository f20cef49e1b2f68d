#include "sitebook/storage/client_schema.h"

#include <gtest/gtest.h>

#include "storage_test_support.h"

namespace sitebook::storage {
namespace {

using testing::TempDir;
using testing::testKey;

class ClientSchemaTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Database::open(dir_.file("client.db"), testKey(4));
        ASSERT_TRUE(opened.ok());
        db_ = std::move(opened).value();
    }

    Status insertOutbox(std::string_view opId) {
        auto stmt = db_->prepare(
            "INSERT INTO outbox (op_id, entity_type, entity_id, op, payload, hlc, device_time, "
            "created_at) VALUES (?, 'appointment', 'a-1', 'upsert', '{}', "
            "'0000019a2b3c4d5e-0000', 1, 2)");
        if (!stmt.ok())
            return stmt.error();
        stmt->bind(1, opId);
        return stmt->run();
    }

    std::string queryPlan(std::string_view sql) {
        auto stmt = db_->prepare("EXPLAIN QUERY PLAN " + std::string(sql));
        EXPECT_TRUE(stmt.ok());
        std::string plan;
        while (true) {
            auto row = stmt->step();
            if (!row.ok() || !*row)
                break;
            plan += stmt->columnText(3) + "\n";
        }
        return plan;
    }

    TempDir dir_;
    std::unique_ptr<Database> db_;
};

TEST_F(ClientSchemaTest, FreshDatabaseReachesLatestVersion) {
    ASSERT_EQ(clientMigrations().size(), static_cast<std::size_t>(kClientSchemaVersion));
    ASSERT_TRUE(migrate(*db_, clientMigrations()).ok());
    EXPECT_EQ(*db_->userVersion(), kClientSchemaVersion);
    EXPECT_TRUE(db_->integrityCheck().ok());
    for (const char* table : {"meta", "people", "orders", "projects", "sessions", "appointments",
                              "work_items", "skill_observations", "feedback", "case_notes",
                              "enforcement_decisions", "outbox", "sync_checkpoints"}) {
        auto stmt = db_->prepare("SELECT count(*) FROM sqlite_master WHERE name = ?");
        stmt->bind(1, table);
        ASSERT_TRUE(stmt->step().ok());
        EXPECT_EQ(stmt->columnInt(0), 1) << table;
    }
}

TEST_F(ClientSchemaTest, OutboxStateDefaultsToPendingAndIsChecked) {
    ASSERT_TRUE(migrate(*db_, clientMigrations()).ok());
    ASSERT_TRUE(insertOutbox("op-1").ok());
    auto state = db_->prepare("SELECT state, reject_code FROM outbox WHERE op_id = 'op-1'");
    ASSERT_TRUE(*state->step());
    EXPECT_EQ(state->columnText(0), "pending");
    EXPECT_TRUE(state->isNull(1));

    EXPECT_EQ(db_->exec("UPDATE outbox SET state = 'lost'").code(), ErrorCode::InvalidArgument);
    EXPECT_TRUE(
        db_->exec("UPDATE outbox SET state = 'rejected', reject_code = 'invalid_argument'").ok());
    EXPECT_EQ(insertOutbox("op-1").code(), ErrorCode::Conflict);  // op_id is unique
}

TEST_F(ClientSchemaTest, LookupsUseIndexes) {
    ASSERT_TRUE(migrate(*db_, clientMigrations()).ok());
    EXPECT_NE(queryPlan("SELECT id FROM people ORDER BY surname COLLATE NOCASE, forenames "
                        "COLLATE NOCASE")
                  .find("people_by_surname"),
              std::string::npos);
    EXPECT_NE(queryPlan("SELECT id FROM appointments WHERE session_id = 's' AND person_id = 'p'")
                  .find("appointments_by_session"),
              std::string::npos);
    EXPECT_NE(queryPlan("SELECT seq FROM outbox WHERE state = 'pending' ORDER BY seq")
                  .find("outbox_needs_attention"),
              std::string::npos);
}

TEST_F(ClientSchemaTest, VersionOneHasNoSyncState) {
    ASSERT_TRUE(migrate(*db_, clientMigrations(), 1).ok());
    EXPECT_EQ(*db_->userVersion(), 1);
    EXPECT_FALSE(db_->prepare("SELECT state FROM outbox").ok());
    ASSERT_TRUE(insertOutbox("op-1").ok());
    ASSERT_TRUE(migrate(*db_, clientMigrations()).ok());
    auto state = db_->prepare("SELECT state FROM outbox");
    ASSERT_TRUE(*state->step());
    EXPECT_EQ(state->columnText(0), "pending");
}

}  // namespace
}  // namespace sitebook::storage
