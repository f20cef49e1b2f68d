#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sitebook/domain/json.h"
#include "store_fixture.h"

namespace sitebook::store {
namespace {

using namespace domain;
using testing::attendedOutcome;
using testing::fixtureId;
using testing::TempDir;
using testing::testKey;

class LocalStoreSyncTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto s =
            LocalStore::open(dir.path() / "device.db", testKey(),
                             {fixtureId(900), fixtureId(901), Role::Supervisor}, clock, random);
        ASSERT_TRUE(s.ok()) << s.error().toString();
        store = std::move(s).value();
    }
    std::int64_t count(const std::string& table) {
        auto stmt = store->database().prepare("SELECT count(*) FROM " + table);
        EXPECT_TRUE(stmt.ok());
        EXPECT_TRUE(stmt->step().ok());
        return stmt->columnInt(0);
    }
    // A project partition with a session and one appointment, as a download would bring it.
    RemoteBatch projectBatch(const std::string& checkpoint, int version = 1) {
        Session s;
        s.id = fixtureId(2);
        s.project_id = fixtureId(1);
        s.date = *CivilDate::parse("2026-01-05");
        s.start = *TimeOfDay::parse("09:00");
        s.end = *TimeOfDay::parse("16:00");
        appt.id = fixtureId(3);
        appt.person_id = fixtureId(4);
        appt.order_id = fixtureId(5);
        appt.session_id = s.id;
        appt.scheduled_start = s.start;
        appt.scheduled_end = s.end;
        RemoteBatch b;
        b.checkpoint = checkpoint;
        b.changes.push_back({kPartition, "session", s.id, version, false, toJson(s)});
        b.changes.push_back({kPartition, "appointment", appt.id, version, false, toJson(appt)});
        b.changes.push_back({kPartition, "person_placement", appt.person_id, version, false,
                             R"({"id":")" + appt.person_id +
                                 R"(","crn":"X123456","forenames":"Alex","surname":"Smith",)"
                                 R"("placement_flags":["no lone working with children"]})"});
        return b;
    }
    RemotePartitionChecksum checksumOf(const RemoteBatch& b) {
        RemotePartitionChecksum sum{kPartition, 0, 0};
        for (const auto& c : b.changes) {
            sum.checksum += recordChecksum(c.entityType, c.entityId, c.version, c.body);
            ++sum.count;
        }
        return sum;
    }

    const std::string kPartition = "project/" + fixtureId(1);
    TempDir dir;
    ManualClock clock{1'767'604'200'000};
    SeededRandom random{5};
    std::unique_ptr<LocalStore> store;
    Appointment appt;
};

TEST_F(LocalStoreSyncTest, AppliesABatchWithItsCheckpointAndVerifiesTheChecksum) {
    auto batch = projectBatch("cp-1");
    batch.checksums.push_back(checksumOf(batch));
    auto report = store->applyRemoteBatch(batch);
    ASSERT_TRUE(report.ok()) << report.error().toString();
    EXPECT_EQ(report->applied, 3);
    EXPECT_TRUE(report->divergedPartitions.empty());
    EXPECT_EQ(*store->syncCheckpoint(), "cp-1");
    auto roster = store->roster(fixtureId(2));
    ASSERT_TRUE(roster.ok());
    ASSERT_EQ(roster->size(), 1u);
    EXPECT_EQ((*roster)[0].person.surname, "Smith");
    EXPECT_EQ(count("outbox"), 0);  // server records never queue uploads

    // A wrong server checksum marks the partition for repair.
    RemoteBatch next;
    next.checkpoint = "cp-2";
    next.checksums.push_back({kPartition, 12345, 3});
    auto diverged = store->applyRemoteBatch(next);
    ASSERT_TRUE(diverged.ok());
    EXPECT_EQ(diverged->divergedPartitions, std::vector<std::string>{kPartition});
    EXPECT_EQ(*store->partitionsToRepair(), std::vector<std::string>{kPartition});
}

TEST_F(LocalStoreSyncTest, APendingEditKeepsItsLocalFormUntilSent) {
    ASSERT_TRUE(store->applyRemoteBatch(projectBatch("cp-1")).ok());
    ASSERT_TRUE(store->recordOutcome(appt.id, attendedOutcome(9, 16, 30)).ok());
    // The server sends a newer appointment while the edit is pending.
    auto report = store->applyRemoteBatch(projectBatch("cp-2", 2));
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->keptLocal, 1);
    auto local = store->appointment(appt.id);
    ASSERT_TRUE(local.ok() && local->has_value());
    ASSERT_TRUE((*local)->outcome.has_value());
    EXPECT_EQ((*local)->outcome->penalty_minutes, 30);
    EXPECT_EQ(*store->serverVersion("appointment", appt.id), 2);
}

TEST_F(LocalStoreSyncTest, PurgeRemovesRecordsNoPartitionHolds) {
    ASSERT_TRUE(store->applyRemoteBatch(projectBatch("cp-1")).ok());
    RemoteBatch purge;
    purge.checkpoint = "cp-2";
    purge.purgedPartitions.push_back(kPartition);
    auto report = store->applyRemoteBatch(purge);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->purgedRecords, 3);
    EXPECT_EQ(count("sessions"), 0);
    EXPECT_EQ(count("appointments"), 0);
    EXPECT_EQ(count("people"), 0);
}

TEST_F(LocalStoreSyncTest, RejectedChangesAreDiscardedWithAnAuditEntry) {
    ASSERT_TRUE(store->applyRemoteBatch(projectBatch("cp-1")).ok());
    WorkUndertaken w;
    w.appointment_id = appt.id;
    w.description = "Painted the fence";
    auto receipt = store->addWorkUndertaken(w);
    ASSERT_TRUE(receipt.ok());
    EXPECT_FALSE(store->discard(receipt->opId, "").ok());  // pending: not discardable
    ASSERT_TRUE(store->markRejected(receipt->opId, "permission_denied", "not your session").ok());
    auto entry = store->outboxEntry(receipt->opId);
    ASSERT_TRUE(entry.ok() && entry->has_value());
    EXPECT_EQ((*entry)->state, "rejected");
    EXPECT_EQ((*entry)->rejectCode, "permission_denied");
    ASSERT_TRUE(store->discard(receipt->opId, "recorded on the wrong person").ok());
    EXPECT_EQ(count("work_items"), 0);  // the server never had it
    auto audit = store->localAudit();
    ASSERT_TRUE(audit.ok());
    ASSERT_EQ(audit->size(), 1u);
    EXPECT_EQ((*audit)[0].action, "discarded");
    EXPECT_EQ(*store->outboxCount("discarded"), 1);
}

TEST_F(LocalStoreSyncTest, ClockOffsetIsRecordedWithEachChangeAndSurvivesReopening) {
    ASSERT_TRUE(store->applyRemoteBatch(projectBatch("cp-1")).ok());
    ASSERT_TRUE(store->setClockOffset(400'000).ok());
    ASSERT_TRUE(store->recordOutcome(appt.id, attendedOutcome()).ok());
    auto pending = store->outbox();
    ASSERT_TRUE(pending.ok());
    ASSERT_EQ(pending->size(), 1u);
    EXPECT_EQ((*pending)[0].clockOffsetMs, 400'000);
    EXPECT_TRUE((*pending)[0].clockSkewed());
    store.reset();
    SetUp();
    EXPECT_EQ(store->clockOffset(), 400'000);
}

TEST_F(LocalStoreSyncTest, EraseAllDataLeavesNothingBehind) {
    ASSERT_TRUE(store->applyRemoteBatch(projectBatch("cp-1")).ok());
    ASSERT_TRUE(store->recordOutcome(appt.id, attendedOutcome()).ok());
    ASSERT_TRUE(store->setSyncValue("refresh_token", "secret").ok());
    ASSERT_TRUE(store->eraseAllData().ok());
    EXPECT_EQ(count("appointments"), 0);
    EXPECT_EQ(count("outbox"), 0);
    EXPECT_EQ(count("sync_records"), 0);
    EXPECT_FALSE(store->syncValue("refresh_token")->has_value());
    EXPECT_EQ(*store->syncCheckpoint(), "");
}

// A refusal after a reallocation is followed by a download that purges the person and the
// session; the refused change keeps who and which session it was about until it is discarded.
TEST_F(LocalStoreSyncTest, ARefusedChangeKeepsWhoItWasAboutThroughAPurge) {
    ASSERT_TRUE(store->applyRemoteBatch(projectBatch("cp-1")).ok());
    auto receipt = store->recordOutcome(appt.id, attendedOutcome());
    ASSERT_TRUE(receipt.ok());
    EXPECT_FALSE(store->displaySnapshot(receipt->opId)->has_value());  // pending: none kept
    ASSERT_TRUE(store->markRejected(receipt->opId, "permission_denied", "not your project").ok());
    RemoteBatch purge;
    purge.checkpoint = "cp-2";
    purge.purgedPartitions.push_back(kPartition);
    ASSERT_TRUE(store->applyRemoteBatch(purge).ok());
    EXPECT_EQ(count("people"), 0);
    auto kept = store->displaySnapshot(receipt->opId);
    ASSERT_TRUE(kept.ok() && kept->has_value());
    const auto about = nlohmann::json::parse(**kept);
    EXPECT_EQ(about.value("person", ""), "Smith, Alex");
    EXPECT_EQ(about.value("crn", ""), "X123456");
    EXPECT_EQ(about.value("person_id", ""), appt.person_id);
    EXPECT_EQ(about.value("date", ""), "2026-01-05");
    EXPECT_EQ(about.value("start", ""), "09:00");
    EXPECT_EQ(about.value("end", ""), "16:00");
    ASSERT_TRUE(store->discard(receipt->opId, "recorded on the wrong phone").ok());
    EXPECT_FALSE(store->displaySnapshot(receipt->opId)->has_value());
    EXPECT_EQ(count("outbox_snapshot"), 0);
}

}  // namespace
}  // namespace sitebook::store
