#include <gtest/gtest.h>

#include "sitebook/domain/json.h"
#include "sitebook/storage/key_vault.h"
#include "sync_fixture.h"

namespace sitebook::sync::testing {
namespace {

using namespace domain;
using server::EntityType;
using server::Role;
using sitebook::testing::attendedOutcome;

class SyncEngineTest : public SyncFixture {};

Result<SyncReport> syncOk(Device& d) {
    auto r = d.engine->sync();
    EXPECT_TRUE(r.ok()) << r.error().toString();
    return r;
}

TEST_F(SyncEngineTest, SupervisorChangesReachTheOfficerAndStayInScope) {
    const std::string sup = addUser("sam.supervisor", Role::Supervisor);
    const std::string ro = addUser("olu.officer", Role::Officer);
    auto seeded = seed(sup, ro, 2);
    auto supervisor = device("sam.supervisor");
    auto officer = device("olu.officer");

    auto first = syncOk(*supervisor);
    ASSERT_TRUE(first.ok());
    EXPECT_TRUE(first->complete);
    auto sessions = supervisor->store->sessionsOn(*CivilDate::parse("2026-01-01"));
    ASSERT_TRUE(sessions.ok());
    ASSERT_EQ(sessions->size(), 1u);
    auto roster = supervisor->store->roster(seeded.sessionId);
    ASSERT_TRUE(roster.ok());
    ASSERT_EQ(roster->size(), 2u);
    EXPECT_EQ((*roster)[0].person.surname, "Smith");
    EXPECT_EQ((*roster)[0].person.placement_flags,
              std::vector<std::string>{"no lone working with children"});

    const std::string appt = seeded.appointmentIds[0];
    ASSERT_TRUE(supervisor->store->recordOutcome(appt, attendedOutcome(9, 16, 15)).ok());
    WorkUndertaken work;
    work.appointment_id = appt;
    work.category = WorkCategory::LitterCleanUp;
    work.description = "Cleared the towpath";
    work.quantity = 12;
    work.unit = "bags";
    ASSERT_TRUE(supervisor->store->addWorkUndertaken(work).ok());
    Feedback fb;
    fb.appointment_id = appt;
    fb.progress = "Worked steadily all day";
    ASSERT_TRUE(supervisor->store->saveFeedback(fb).ok());
    ASSERT_TRUE(supervisor->engine->refreshCounts().ok());
    EXPECT_EQ(supervisor->engine->state().pending, 3);

    auto up = syncOk(*supervisor);
    ASSERT_TRUE(up.ok());
    EXPECT_EQ(up->accepted, 3);
    EXPECT_EQ(up->rejected, 0);
    EXPECT_EQ(supervisor->engine->state().pending, 0);
    EXPECT_TRUE(supervisor->engine->state().lastSuccessAt.has_value());
    // The echo of the device's own changes leaves them as they were.
    auto own = appointmentOn(*supervisor, appt);
    ASSERT_TRUE(own.outcome.has_value());
    EXPECT_EQ(own.outcome->penalty_minutes, 15);

    auto down = syncOk(*officer);
    ASSERT_TRUE(down.ok());
    auto seen = appointmentOn(*officer, appt);
    ASSERT_TRUE(seen.outcome.has_value());
    EXPECT_EQ(seen.outcome->code.code(), OutcomeCode::ATTC);
    EXPECT_EQ(seen.outcome->penalty_minutes, 15);
    EXPECT_EQ(seen.outcome->recorded_by, supervisor->userId);
    EXPECT_EQ(rows(*officer, "work_items"), 1);
    EXPECT_EQ(rows(*officer, "feedback"), 1);
    auto person = officer->store->person(seeded.personId);
    ASSERT_TRUE(person.ok() && person->has_value());
    EXPECT_EQ((*person)->date_of_birth.toString(), "1990-05-01");  // the full record

    // An officer's case note never reaches the supervisor's device.
    CaseNote note;
    note.person_id = seeded.personId;
    note.text = "Discussed attendance; no concerns.";
    ASSERT_TRUE(officer->store->addCaseNote(note).ok());
    auto noteUp = syncOk(*officer);
    ASSERT_TRUE(noteUp.ok());
    EXPECT_EQ(noteUp->accepted, 1);
    ASSERT_TRUE(syncOk(*supervisor).ok());
    EXPECT_EQ(rows(*supervisor, "case_notes"), 0);
    EXPECT_EQ(rows(*supervisor, "orders"), 0);
    EXPECT_TRUE(supervisor->store->partitionsToRepair()->empty());
    EXPECT_TRUE(officer->store->partitionsToRepair()->empty());
}

TEST_F(SyncEngineTest, ALostUploadResponseIsResentAndAppliedOnce) {
    const std::string sup = addUser("sam.supervisor", Role::Supervisor);
    const std::string ro = addUser("olu.officer", Role::Officer);
    auto seeded = seed(sup, ro, 1);
    auto supervisor = device("sam.supervisor");
    ASSERT_TRUE(syncOk(*supervisor).ok());
    ASSERT_TRUE(supervisor->store->recordOutcome(seeded.appointmentIds[0], attendedOutcome()).ok());

    supervisor->transport->loseNextUploadResponse = true;
    auto lost = supervisor->engine->sync();
    ASSERT_FALSE(lost.ok());
    EXPECT_EQ(lost.code(), ErrorCode::Unavailable);
    EXPECT_EQ(supervisor->engine->state().pending, 1);  // still queued
    EXPECT_FALSE(supervisor->engine->state().online);
    EXPECT_TRUE(supervisor->engine->state().nextRetryAt.has_value());
    EXPECT_EQ(countRows("operations"), 1);  // but the server applied it

    auto again = syncOk(*supervisor);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->accepted, 1);
    EXPECT_EQ(again->replayed, 1);
    EXPECT_EQ(countRows("operations"), 1);
    EXPECT_EQ(supervisor->engine->state().pending, 0);
    EXPECT_EQ(*supervisor->store->serverVersion("appointment_outcome", seeded.appointmentIds[0]),
              1);
}

TEST_F(SyncEngineTest, RejectedChangesWaitForTheUserAndNeverBlockTheQueue) {
    const std::string sup = addUser("sam.supervisor", Role::Supervisor);
    const std::string ro = addUser("olu.officer", Role::Officer);
    auto seeded = seed(sup, ro, 3);
    // The device still believes its user is an admin; the server knows better.
    auto supervisor = device("sam.supervisor", nullptr, domain::Role::Admin);
    ASSERT_TRUE(syncOk(*supervisor).ok());

    AppointmentOutcome stoodDown;
    stoodDown.code = Outcome(OutcomeCode::AASD);
    auto bad1 = supervisor->store->recordOutcome(seeded.appointmentIds[0], stoodDown);
    ASSERT_TRUE(bad1.ok()) << bad1.error().toString();
    auto good = supervisor->store->recordOutcome(seeded.appointmentIds[1], attendedOutcome());
    ASSERT_TRUE(good.ok());
    auto bad2 = supervisor->store->recordOutcome(seeded.appointmentIds[2], stoodDown);
    ASSERT_TRUE(bad2.ok());

    auto report = syncOk(*supervisor);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->rejected, 2);
    EXPECT_EQ(report->accepted, 1);  // the good one in between went through
    auto state = supervisor->engine->state();
    EXPECT_EQ(state.needsAttention, 2);
    EXPECT_EQ(state.pending, 0);
    EXPECT_FALSE(state.lastError.has_value());
    auto rejected = supervisor->store->outbox("rejected");
    ASSERT_TRUE(rejected.ok());
    ASSERT_EQ(rejected->size(), 2u);
    EXPECT_FALSE((*rejected)[0].rejectCode.empty());
    EXPECT_FALSE((*rejected)[0].rejectMessage.empty());
    // Shown as recorded until the user decides.
    EXPECT_TRUE(appointmentOn(*supervisor, seeded.appointmentIds[0]).outcome.has_value());

    // Corrected and sent again.
    auto corrected = appointmentOn(*supervisor, seeded.appointmentIds[0]);
    corrected.outcome = attendedOutcome(9, 15, 0);
    auto resubmitted = supervisor->store->resubmit(bad1->opId, toJson(corrected));
    ASSERT_TRUE(resubmitted.ok()) << resubmitted.error().toString();
    // Discarded, with the discard recorded.
    ASSERT_TRUE(supervisor->store->discard(bad2->opId, "stood down in error").ok());
    EXPECT_FALSE(appointmentOn(*supervisor, seeded.appointmentIds[2]).outcome.has_value());

    auto after = syncOk(*supervisor);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->accepted, 1);
    EXPECT_EQ(supervisor->engine->state().needsAttention, 0);
    auto fixed = appointmentOn(*supervisor, seeded.appointmentIds[0]);
    ASSERT_TRUE(fixed.outcome.has_value());
    EXPECT_EQ(fixed.outcome->code.code(), OutcomeCode::ATTC);

    auto audit = supervisor->store->localAudit();
    ASSERT_TRUE(audit.ok());
    ASSERT_EQ(audit->size(), 2u);
    EXPECT_EQ((*audit)[0].action, "resubmitted");
    EXPECT_EQ((*audit)[0].opId, bad1->opId);
    EXPECT_EQ((*audit)[1].action, "discarded");
    EXPECT_EQ((*audit)[1].opId, bad2->opId);
    EXPECT_EQ((*audit)[1].userId, supervisor->userId);
    EXPECT_NE((*audit)[1].detail.find("stood down in error"), std::string::npos);
    auto discarded = supervisor->store->outbox("discarded");
    ASSERT_TRUE(discarded.ok());
    EXPECT_EQ(discarded->size(), 2u);  // kept, never deleted
}

TEST_F(SyncEngineTest, ADownloadNeverOverwritesAPendingLocalEdit) {
    const std::string sup = addUser("sam.supervisor", Role::Supervisor);
    const std::string ro = addUser("olu.officer", Role::Officer);
    auto seeded = seed(sup, ro, 1);
    const std::string appt = seeded.appointmentIds[0];
    auto supervisor = device("sam.supervisor");
    ASSERT_TRUE(syncOk(*supervisor).ok());

    ASSERT_TRUE(supervisor->store->recordOutcome(appt, attendedOutcome(9, 16, 45)).ok());
    // Meanwhile the office records another outcome on the server.
    putEntity(EntityType::AppointmentOutcome, appt, outcomeBody(sup, "UACP"));

    auto down = supervisor->engine->download();
    ASSERT_TRUE(down.ok()) << down.error().toString();
    EXPECT_GE(down->keptLocal, 1);
    auto local = appointmentOn(*supervisor, appt);
    ASSERT_TRUE(local.outcome.has_value());
    EXPECT_EQ(local.outcome->code.code(), OutcomeCode::ATTC);
    EXPECT_EQ(local.outcome->penalty_minutes, 45);
    EXPECT_EQ(supervisor->engine->state().pending, 1);

    // The edit goes up; the server keeps both and picks the later one.
    auto both = syncOk(*supervisor);
    ASSERT_TRUE(both.ok());
    EXPECT_EQ(both->accepted + both->conflicts, 1);
    auto final = appointmentOn(*supervisor, appt);
    ASSERT_TRUE(final.outcome.has_value());
    EXPECT_EQ(final.outcome->penalty_minutes, 45);
    EXPECT_EQ(supervisor->engine->state().pending, 0);
    if (both->conflicts == 1) {
        EXPECT_EQ(supervisor->engine->state().conflicts, 1);
    }
}

TEST_F(SyncEngineTest, AnInterruptedDownloadResumesWithoutRedoingFinishedPages) {
    const std::string sup = addUser("sam.supervisor", Role::Supervisor);
    const std::string ro = addUser("olu.officer", Role::Officer);
    seed(sup, ro, 30);
    SyncOptions small;
    small.downloadPageSize = 5;
    auto reference = device("sam.supervisor", nullptr, std::nullopt, small);
    auto full = syncOk(*reference);
    ASSERT_TRUE(full.ok());
    ASSERT_GT(full->messages, 4);

    auto supervisor = device("sam.supervisor", nullptr, std::nullopt, small);
    supervisor->transport->cutDownloadAfterMessages = 3;
    auto cut = supervisor->engine->sync();
    ASSERT_FALSE(cut.ok());
    EXPECT_EQ(cut.code(), ErrorCode::Unavailable);
    const std::int64_t partial = rows(*supervisor, "sync_records");
    EXPECT_GT(partial, 0);
    EXPECT_LT(partial, rows(*reference, "sync_records"));

    auto resumed = syncOk(*supervisor);
    ASSERT_TRUE(resumed.ok());
    EXPECT_TRUE(resumed->complete);
    // Every record was received exactly once across both attempts.
    EXPECT_EQ(partial + resumed->recordsDownloaded, full->recordsDownloaded);
    EXPECT_EQ(rows(*supervisor, "sync_records"), rows(*reference, "sync_records"));
    EXPECT_EQ(rows(*supervisor, "appointments"), 30);
    EXPECT_TRUE(supervisor->store->partitionsToRepair()->empty());
}

TEST_F(SyncEngineTest, LosingAProjectPurgesItButKeepsPendingWork) {
    const std::string sup = addUser("sam.supervisor", Role::Supervisor);
    const std::string other = addUser("kim.supervisor", Role::Supervisor);
    const std::string ro = addUser("olu.officer", Role::Officer);
    auto seeded = seed(sup, ro, 2);
    auto supervisor = device("sam.supervisor");
    ASSERT_TRUE(syncOk(*supervisor).ok());
    EXPECT_EQ(rows(*supervisor, "appointments"), 2);
    EXPECT_EQ(rows(*supervisor, "people"), 1);
    // Recorded on site before the office moved the project.
    ASSERT_TRUE(supervisor->store->recordOutcome(seeded.appointmentIds[0], attendedOutcome()).ok());

    // The project moves to another supervisor.
    putEntity(EntityType::Project, seeded.projectId,
              {{"id", seeded.projectId},
               {"code", "P-001"},
               {"name", "Riverside clean-up"},
               {"type", "GROUP"},
               {"supervisor_ids", nlohmann::json::array({other})}});
    auto purged = syncOk(*supervisor);
    ASSERT_TRUE(purged.ok());
    EXPECT_GT(purged->purgedRecords, 0);
    EXPECT_EQ(rows(*supervisor, "projects"), 0);
    EXPECT_EQ(rows(*supervisor, "sessions"), 0);
    // The change the server no longer accepts stays, with its appointment, for the user.
    EXPECT_EQ(purged->rejected, 1);
    EXPECT_EQ(supervisor->engine->state().needsAttention, 1);
    EXPECT_EQ(rows(*supervisor, "appointments"), 1);
    EXPECT_TRUE(appointmentOn(*supervisor, seeded.appointmentIds[0]).outcome.has_value());
    EXPECT_EQ(rows(*supervisor, "people"), 0);
    EXPECT_EQ(rows(*supervisor, "sync_records"), 0);
}

TEST_F(SyncEngineTest, ARevokedDeviceWipesItsKeysAndDatabase) {
    const std::string sup = addUser("sam.supervisor", Role::Supervisor);
    const std::string admin = addUser("ada.admin", Role::Admin);
    const std::string ro = addUser("olu.officer", Role::Officer);
    seed(sup, ro, 1);
    auto supervisor = device("sam.supervisor");
    // A vault beside the database, as the app and CLI keep one.
    storage::KeyVault vault(storage::KeyVault::directoryFor(supervisor->dbPath()), nullptr, clock_,
                            deviceRandom_, storage::KdfParams{1, 8192});
    ASSERT_TRUE(vault.create("24681357").ok());
    ASSERT_TRUE(syncOk(*supervisor).ok());
    ASSERT_GT(rows(*supervisor, "appointments"), 0);

    auto adminSession = login("ada.admin");
    v1::RevokeDeviceRequest request;
    request.set_device_id(supervisor->deviceId);
    request.set_reason("phone lost");
    v1::DeviceInfo info;
    auto ctx = context(adminSession.accessToken);
    ASSERT_TRUE(auth_->RevokeDevice(ctx.get(), request, &info).ok());

    auto wiped = supervisor->engine->sync();
    ASSERT_TRUE(wiped.ok()) << wiped.error().toString();
    EXPECT_TRUE(wiped->wiped);
    EXPECT_TRUE(supervisor->wipeCalled);
    EXPECT_TRUE(supervisor->engine->state().wiped);
    EXPECT_EQ(rows(*supervisor, "appointments"), 0);
    EXPECT_EQ(rows(*supervisor, "sync_records"), 0);

    // The handler's job, as the app does it: close the store, destroy keys and files.
    supervisor->engine.reset();
    supervisor->store.reset();
    ASSERT_TRUE(wipeDeviceFiles(supervisor->dbPath(), [&] { return vault.wipe(); }).ok());
    EXPECT_FALSE(vault.exists());
    EXPECT_FALSE(std::filesystem::exists(supervisor->dbPath()));
    EXPECT_FALSE(std::filesystem::exists(supervisor->dbPath().string() + "-wal"));
}

TEST_F(SyncEngineTest, ChangesMadeWithASkewedClockAreFlagged) {
    const std::string sup = addUser("sam.supervisor", Role::Supervisor);
    const std::string ro = addUser("olu.officer", Role::Officer);
    auto seeded = seed(sup, ro, 2);
    ManualClock deviceClock(clock_.nowMillis() + 10 * 60'000);  // ten minutes fast
    auto supervisor = device("sam.supervisor", &deviceClock);
    // The first change is made before the device has ever heard the server's time.
    ASSERT_TRUE(syncOk(*supervisor).ok());
    ASSERT_TRUE(supervisor->store->recordOutcome(seeded.appointmentIds[0], attendedOutcome()).ok());
    auto state = supervisor->engine->state();
    ASSERT_TRUE(state.clockOffsetMs.has_value());
    EXPECT_NEAR(static_cast<double>(*state.clockOffsetMs), 600'000.0, 2'000.0);
    EXPECT_TRUE(state.clockSkewed);
    auto pending = supervisor->store->outbox("pending");
    ASSERT_TRUE(pending.ok());
    ASSERT_EQ(pending->size(), 1u);
    EXPECT_TRUE((*pending)[0].clockSkewed());

    // A device within tolerance is not flagged.
    ManualClock closeClock(clock_.nowMillis() + 30'000);
    auto other = device("sam.supervisor", &closeClock);
    ASSERT_TRUE(syncOk(*other).ok());
    ASSERT_TRUE(other->store->recordOutcome(seeded.appointmentIds[1], attendedOutcome()).ok());
    EXPECT_FALSE(other->engine->state().clockSkewed);
    EXPECT_FALSE((*other->store->outbox("pending"))[0].clockSkewed());
}

}  // namespace
}  // namespace sitebook::sync::testing
