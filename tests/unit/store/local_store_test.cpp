#include <gtest/gtest.h>

#include "sitebook/domain/json.h"
#include "store_fixture.h"

namespace sitebook::store {
namespace {

using namespace domain;
using testing::attendedOutcome;
using testing::fixtureId;
using testing::seedRoster;
using testing::TempDir;
using testing::testKey;

class LocalStoreTest : public ::testing::Test {
protected:
    std::unique_ptr<LocalStore> open(Role role = Role::Supervisor) {
        auto s = LocalStore::open(dir.path() / "device.db", testKey(),
                                  {fixtureId(900), fixtureId(901), role}, clock, random);
        EXPECT_TRUE(s.ok()) << s.error().toString();
        return std::move(s).value();
    }
    std::int64_t count(LocalStore& s, const std::string& table) {
        auto stmt = s.database().prepare("SELECT count(*) FROM " + table);
        EXPECT_TRUE(stmt.ok());
        EXPECT_TRUE(stmt->step().ok());
        return stmt->columnInt(0);
    }

    TempDir dir;
    ManualClock clock{1'767'604'200'000};  // 2026-01-05 09:10 UTC
    SeededRandom random{99};
};

TEST_F(LocalStoreTest, RosterIsSortedBySurnameThenForenames) {
    auto store = open();
    auto roster = seedRoster(*store, {"Zephyr", "adams", "Brown", "Adams"});
    auto entries = store->roster(roster.session.id);
    ASSERT_TRUE(entries.ok()) << entries.error().toString();
    std::vector<std::string> surnames;
    for (const auto& e : *entries)
        surnames.push_back(e.person.surname);
    EXPECT_EQ(surnames, (std::vector<std::string>{"adams", "Adams", "Brown", "Zephyr"}));
    EXPECT_EQ((*entries)[0].appointment.session_id, roster.session.id);
}

TEST_F(LocalStoreTest, RecordingAnOutcomeWritesTheRowAndExactlyOneOutboxEntry) {
    auto store = open();
    auto roster = seedRoster(*store, {"Jones"});
    const auto& appt = roster.appointments[0];
    auto receipt = store->recordOutcome(appt.id, attendedOutcome(9, 16, 30));
    ASSERT_TRUE(receipt.ok()) << receipt.error().toString();

    auto saved = store->appointment(appt.id);
    ASSERT_TRUE(saved.ok() && saved->has_value());
    ASSERT_TRUE((*saved)->outcome.has_value());
    EXPECT_EQ((*saved)->outcome->code.code(), OutcomeCode::ATTC);
    EXPECT_EQ((*saved)->outcome->penalty_minutes, 30);
    EXPECT_EQ((*saved)->outcome->recorded_by, fixtureId(901));
    EXPECT_EQ((*saved)->outcome->recorded_at, clock.nowMillis());

    auto pending = store->outbox();
    ASSERT_TRUE(pending.ok());
    ASSERT_EQ(pending->size(), 1u);
    const OutboxEntry& e = (*pending)[0];
    EXPECT_EQ(e.opId, receipt->opId);
    EXPECT_EQ(e.entityType, EntityType::Appointment);
    EXPECT_EQ(e.entityId, appt.id);
    EXPECT_EQ(e.op, "record_outcome");
    EXPECT_EQ(e.hlc, receipt->hlc.toString());
    EXPECT_EQ(e.deviceTime, clock.nowMillis());
    auto payload = fromJson<Appointment>(e.payload);
    ASSERT_TRUE(payload.ok());
    EXPECT_EQ(*payload, **saved);
}

TEST_F(LocalStoreTest, InvalidChangeWritesNothingAndNamesTheField) {
    auto store = open();
    auto roster = seedRoster(*store, {"Jones"});
    const auto& appt = roster.appointments[0];
    // 9:00 to 16:00 is 420 minutes; a 500-minute penalty is impossible.
    auto r = store->recordOutcome(appt.id, attendedOutcome(9, 16, 500));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(r.error().field, "penalty_minutes");
    EXPECT_NE(r.error().message.find("500"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("420"), std::string::npos) << r.error().message;
    EXPECT_EQ(*store->outboxCount(), 0);
    auto saved = store->appointment(appt.id);
    EXPECT_FALSE((*saved)->outcome.has_value());
}

TEST_F(LocalStoreTest, SupervisorCannotChooseAdminOnlyCodes) {
    auto store = open(Role::Supervisor);
    auto roster = seedRoster(*store, {"Jones"});
    AppointmentOutcome stood;
    stood.code = Outcome(OutcomeCode::AASD);
    auto r = store->recordOutcome(roster.appointments[0].id, stood);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "code");
    EXPECT_EQ(*store->outboxCount(), 0);
}

TEST_F(LocalStoreTest, UnknownAppointmentIsNotFound) {
    auto store = open();
    auto r = store->recordOutcome(fixtureId(12345), attendedOutcome());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.code(), ErrorCode::NotFound);
    EXPECT_EQ(r.error().field, "appointment_id");
}

TEST_F(LocalStoreTest, WorkSkillsAndFeedbackEachQueueOneOperation) {
    auto store = open();
    auto roster = seedRoster(*store, {"Jones"});
    const auto& appt = roster.appointments[0];
    WorkUndertaken w;
    w.appointment_id = appt.id;
    w.category = WorkCategory::GroundsGardening;
    w.description = "Cleared brambles along the towpath";
    w.quantity = 12;
    w.unit = "bags";
    ASSERT_TRUE(store->addWorkUndertaken(w).ok());
    SkillObservation s;
    s.appointment_id = appt.id;
    s.skill = Skill::ToolUse;
    s.level = SkillLevel::Competent;
    ASSERT_TRUE(store->addSkillObservation(s).ok());
    Feedback f;
    f.appointment_id = appt.id;
    f.progress = "Settled in well";
    auto first = store->saveFeedback(f);
    ASSERT_TRUE(first.ok()) << first.error().toString();
    f.alert_officer = true;
    f.alert_reason = "Mentioned losing accommodation";
    auto second = store->saveFeedback(f);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(first->entityId, second->entityId) << "one feedback per appointment";
    EXPECT_EQ(count(*store, "feedback"), 1);
    EXPECT_EQ(count(*store, "work_items"), 1);
    EXPECT_EQ(count(*store, "skill_observations"), 1);
    auto entries = store->outbox();
    ASSERT_EQ(entries->size(), 4u);
    for (std::size_t i = 1; i < entries->size(); ++i) {
        EXPECT_LT((*entries)[i - 1].seq, (*entries)[i].seq);
        EXPECT_LT((*entries)[i - 1].hlc, (*entries)[i].hlc);
    }

    Feedback bad;
    bad.appointment_id = appt.id;
    bad.alert_officer = true;  // no reason
    auto r = store->saveFeedback(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "alert_reason");
    EXPECT_EQ(*store->outboxCount(), 4);
}

TEST_F(LocalStoreTest, AtomicGroupIsAllOrNothing) {
    auto store = open();
    auto roster = seedRoster(*store, {"Jones"});
    const auto& appt = roster.appointments[0];
    WorkUndertaken w;
    w.appointment_id = appt.id;
    w.category = WorkCategory::LitterCleanUp;
    w.description = "Litter pick along the canal";
    CaseNote note;
    note.person_id = roster.people[0].id;
    note.text = "Good morning's work";

    // The outcome is invalid (penalty beyond the 420 minutes attended): the work and note
    // written before it in the same group must not be kept.
    Status failed = store->atomically([&]() -> Status {
        SB_TRY(store->addWorkUndertaken(w));
        SB_TRY(store->addCaseNote(note));
        SB_TRY(store->recordOutcome(appt.id, attendedOutcome(9, 16, 500)));
        return okStatus();
    });
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().field, "penalty_minutes");
    EXPECT_EQ(*store->outboxCount(), 0);
    EXPECT_EQ(count(*store, "work_items"), 0);
    EXPECT_EQ(count(*store, "case_notes"), 0);

    Status saved = store->atomically([&]() -> Status {
        SB_TRY(store->addWorkUndertaken(w));
        SB_TRY(store->addCaseNote(note));
        SB_TRY(store->recordOutcome(appt.id, attendedOutcome(9, 16, 30)));
        return okStatus();
    });
    ASSERT_TRUE(saved.ok()) << saved.error().toString();
    EXPECT_EQ(*store->outboxCount(), 3);
    EXPECT_EQ(count(*store, "work_items"), 1);
}

TEST_F(LocalStoreTest, CaseNotesAreImmutableAndAmendmentsKeepSensitivity) {
    auto store = open();
    auto roster = seedRoster(*store, {"Jones"});
    CaseNote note;
    note.person_id = roster.people[0].id;
    note.text = "Disclosed a health condition affecting heavy lifting";
    note.sensitive = true;
    auto saved = store->addCaseNote(note);
    ASSERT_TRUE(saved.ok()) << saved.error().toString();

    // Saving the same id again with other text is refused.
    auto stored = store->caseNote(saved->entityId);
    ASSERT_TRUE(stored.ok() && stored->has_value());
    CaseNote changed = **stored;
    changed.text = "Edited";
    auto again = store->addCaseNote(changed);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(again.error().field, "text");

    CaseNote unmark;
    unmark.person_id = note.person_id;
    unmark.text = "Correction: the condition affects lifting above 10 kg";
    unmark.amends_note_id = saved->entityId;
    unmark.sensitive = false;
    auto refused = store->addCaseNote(unmark);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().field, "sensitive");

    unmark.sensitive = true;
    auto amended = store->addCaseNote(unmark);
    ASSERT_TRUE(amended.ok()) << amended.error().toString();
    auto notes = store->caseNotesFor(note.person_id);
    ASSERT_EQ(notes->size(), 2u);
    EXPECT_EQ((*stored)->text, note.text) << "original unchanged";
    EXPECT_EQ(*store->outboxCount(), 2);

    CaseNote tooLong;
    tooLong.person_id = note.person_id;
    tooLong.text = std::string(4001, 'a');
    auto r = store->addCaseNote(tooLong);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "text");
}

TEST_F(LocalStoreTest, EnforcementDecisionsFollowRoleAndTwelveMonthRule) {
    // Every session below has been held by now (outcomes are refused before their session).
    clock.set(1'799'841'600'000);  // 2027-01-13 12:00 UTC
    auto officer = open(Role::Officer);
    auto roster = seedRoster(*officer, {"Jones", "Smith", "Brown"});
    AppointmentOutcome absent;
    absent.code = Outcome(OutcomeCode::UACP);
    // Further absences on the first person's order, on the day before and on the day of the
    // first warning's anniversary (warned 2026-01-06: the window covers failures up to
    // 2027-01-05).
    auto onDay = [&](Appointment a, std::string_view day, std::string sessionId) {
        Session s = roster.session;
        s.id = std::move(sessionId);
        s.date = *CivilDate::parse(day);
        EXPECT_TRUE(officer->putSession(s).ok());
        a.person_id = roster.people[0].id;
        a.order_id = roster.appointments[0].order_id;
        a.session_id = s.id;
        EXPECT_TRUE(officer->putAppointment(a).ok());
        EXPECT_TRUE(officer->recordOutcome(a.id, absent).ok());
        return a;
    };
    ASSERT_TRUE(officer->recordOutcome(roster.appointments[0].id, absent).ok());
    const Appointment inside = onDay(roster.appointments[1], "2027-01-05", fixtureId(700));
    const Appointment after = onDay(roster.appointments[2], "2027-01-06", fixtureId(701));

    EnforcementDecision warn;
    warn.appointment_id = roster.appointments[0].id;
    warn.order_id = roster.appointments[0].order_id;
    warn.action = EnforcementAction::WarningIssued;
    warn.decided_on = *CivilDate::parse("2026-01-06");
    ASSERT_TRUE(officer->recordEnforcementDecision(warn).ok());

    // Decided after the anniversary, but the failure was inside the window: refused.
    EnforcementDecision again = warn;
    again.id.clear();
    again.appointment_id = inside.id;
    again.decided_on = *CivilDate::parse("2027-01-12");
    auto refused = officer->recordEnforcementDecision(again);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().field, "action");
    EXPECT_NE(refused.error().message.find("breach"), std::string::npos) << refused.error().message;
    again.action = EnforcementAction::ReferForBreach;
    EXPECT_TRUE(officer->recordEnforcementDecision(again).ok());
    // A second decision for the same appointment is refused on the device.
    again.id.clear();
    again.action = EnforcementAction::NoFurtherAction;
    again.note = "Changed my mind";
    auto twice = officer->recordEnforcementDecision(again);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().field, "appointment_id");

    // A failure on the anniversary is outside the window: a warning is allowed.
    EnforcementDecision fresh = warn;
    fresh.id.clear();
    fresh.appointment_id = after.id;
    fresh.decided_on = *CivilDate::parse("2027-01-07");
    EXPECT_TRUE(officer->recordEnforcementDecision(fresh).ok());
}

TEST_F(LocalStoreTest, AnAbsenceJudgedAcceptableIsADecisionWithItsCodeAndEvidence) {
    auto officer = open(Role::Officer);
    auto roster = seedRoster(*officer, {"Jones"});
    AppointmentOutcome absent;
    absent.code = Outcome(OutcomeCode::UACP);
    ASSERT_TRUE(officer->recordOutcome(roster.appointments[0].id, absent).ok());
    EnforcementDecision d;
    d.appointment_id = roster.appointments[0].id;
    d.order_id = roster.appointments[0].order_id;
    d.action = EnforcementAction::AbsenceAcceptable;
    d.decided_on = *CivilDate::parse("2026-01-05");
    d.reclassified_as = Outcome(OutcomeCode::AAFC);
    auto noEvidence = officer->recordEnforcementDecision(d);
    ASSERT_FALSE(noEvidence.ok());
    EXPECT_EQ(noEvidence.error().field, "note");
    d.note = "Hospital letter: daughter admitted that morning";
    auto saved = officer->recordEnforcementDecision(d);
    ASSERT_TRUE(saved.ok()) << saved.error().toString();
    auto entry = officer->outboxEntry(saved->opId);
    ASSERT_TRUE(entry.ok() && entry->has_value());
    auto sent = fromJson<EnforcementDecision>((*entry)->payload);
    ASSERT_TRUE(sent.ok());
    EXPECT_EQ(sent->reclassified_as, Outcome(OutcomeCode::AAFC));
    EXPECT_EQ(sent->note, d.note);
}

TEST_F(LocalStoreTest, AnOfficerAcknowledgesASupervisorsAlertOnce) {
    auto officer = open(Role::Officer);
    auto roster = seedRoster(*officer, {"Jones"});
    Feedback f;
    f.appointment_id = roster.appointments[0].id;
    f.alert_officer = true;
    f.alert_reason = "No bus fare for next week";
    auto feedback = officer->saveFeedback(f);
    ASSERT_TRUE(feedback.ok()) << feedback.error().toString();

    auto ack = officer->acknowledgeAlert(feedback->entityId, "Phoned him; travel warrant sent");
    ASSERT_TRUE(ack.ok()) << ack.error().toString();
    auto entry = officer->outboxEntry(ack->opId);
    ASSERT_TRUE(entry.ok() && entry->has_value());
    EXPECT_EQ((*entry)->entityType, EntityType::AlertAcknowledgement);
    auto body = fromJson<AlertAcknowledgement>((*entry)->payload);
    ASSERT_TRUE(body.ok()) << body.error().toString();
    EXPECT_EQ(body->feedback_id, feedback->entityId);
    EXPECT_EQ(body->appointment_id, roster.appointments[0].id);
    EXPECT_EQ(body->acknowledged_by, fixtureId(901));
    EXPECT_EQ(*officer->acknowledgedAlerts(), std::vector<std::string>{feedback->entityId});

    auto twice = officer->acknowledgeAlert(feedback->entityId, {});
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().field, "feedback_id");

    auto supervisor =
        LocalStore::open(dir.path() / "other.db", testKey(),
                         {fixtureId(902), fixtureId(903), Role::Supervisor}, clock, random);
    ASSERT_TRUE(supervisor.ok());
    EXPECT_EQ((*supervisor)->acknowledgeAlert(feedback->entityId, {}).code(),
              ErrorCode::PermissionDenied);
}

TEST_F(LocalStoreTest, SupervisorCannotRecordEnforcement) {
    auto store = open(Role::Supervisor);
    auto roster = seedRoster(*store, {"Jones"});
    EnforcementDecision d;
    d.appointment_id = roster.appointments[0].id;
    d.order_id = roster.appointments[0].order_id;
    d.action = EnforcementAction::WarningIssued;
    d.decided_on = *CivilDate::parse("2026-01-06");
    auto r = store->recordEnforcementDecision(d);
    EXPECT_EQ(r.code(), ErrorCode::PermissionDenied);
}

TEST_F(LocalStoreTest, ClockStateSurvivesReopenSoHlcNeverGoesBack) {
    clock.set(1'767'618'600'000);  // 2026-01-05 13:10 UTC: even wound back, after the session start
    HlcTimestamp before;
    std::string apptId;
    {
        auto store = open();
        auto roster = seedRoster(*store, {"Jones"});
        apptId = roster.appointments[0].id;
        before = store->recordOutcome(apptId, attendedOutcome())->hlc;
    }
    clock.advance(-3'600'000);  // the device clock was wound back an hour
    auto store = open();
    EXPECT_EQ(store->lastHlc(), before);
    auto after = store->recordOutcome(apptId, attendedOutcome(10, 15));
    ASSERT_TRUE(after.ok());
    EXPECT_GT(after->hlc, before);
}

TEST_F(LocalStoreTest, DatabaseOfAnotherDeviceIsRefused) {
    { auto store = open(); }
    auto other =
        LocalStore::open(dir.path() / "device.db", testKey(),
                         {fixtureId(777), fixtureId(901), Role::Supervisor}, clock, random);
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().field, "device_id");
}

TEST_F(LocalStoreTest, WrongKeyIsDistinctError) {
    { auto store = open(); }
    auto other =
        LocalStore::open(dir.path() / "device.db", testKey(42),
                         {fixtureId(900), fixtureId(901), Role::Supervisor}, clock, random);
    EXPECT_EQ(other.code(), ErrorCode::WrongKey);
}

TEST_F(LocalStoreTest, DraftsAreKeptPerAppointmentAndNeverQueued) {
    auto store = open();
    auto roster = seedRoster(*store, {"Ellis", "Morgan"});
    const std::string ellis = roster.appointments[0].id;
    auto created = store->saveDraft(ellis, R"({"note":"half a note"})");
    ASSERT_TRUE(created.ok()) << created.error().toString();
    EXPECT_TRUE(*created);
    clock.advance(60'000);
    auto again = store->saveDraft(ellis, R"({"note":"half a note, more"})");
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(*again);  // the same draft, replaced
    EXPECT_EQ(*store->outboxCount(), 0);

    auto draft = store->draft(ellis);
    ASSERT_TRUE(draft.ok() && draft->has_value());
    EXPECT_EQ((*draft)->body, R"({"note":"half a note, more"})");
    EXPECT_EQ((*draft)->sessionId, roster.session.id);
    EXPECT_EQ((*draft)->updatedAt, clock.nowMillis());
    EXPECT_EQ(*store->draftsInSession(roster.session.id), std::vector<std::string>{ellis});
    EXPECT_FALSE(store->saveDraft(fixtureId(4242), "{}").ok());  // not on this device

    // Kept across a restart, gone once discarded.
    store.reset();
    store = open();
    ASSERT_TRUE(store->draft(ellis)->has_value());
    EXPECT_TRUE(*store->discardDraft(ellis));
    EXPECT_FALSE(*store->discardDraft(ellis));
    EXPECT_FALSE(store->draft(ellis)->has_value());
    EXPECT_TRUE(store->draftsInSession(roster.session.id)->empty());

    ASSERT_TRUE(store->saveDraft(ellis, "{}").ok());
    ASSERT_TRUE(store->eraseAllData().ok());
    EXPECT_EQ(count(*store, "form_drafts"), 0);
}

TEST_F(LocalStoreTest, WorkSavedAgainWithItsIdIsChangedInPlace) {
    auto store = open();
    auto roster = seedRoster(*store, {"Ellis"});
    WorkUndertaken work;
    work.appointment_id = roster.appointments[0].id;
    work.category = WorkCategory::GroundsGardening;
    work.description = "Cleared brambles";
    auto first = store->addWorkUndertaken(work);
    ASSERT_TRUE(first.ok()) << first.error().toString();
    work.id = first->entityId;
    work.description = "Cleared brambles and nettles";
    auto second = store->addWorkUndertaken(work);
    ASSERT_TRUE(second.ok()) << second.error().toString();
    EXPECT_EQ(second->entityId, first->entityId);
    EXPECT_EQ(*store->outboxCount(), 2);  // one change each
    auto recorded = store->workFor(work.appointment_id);
    ASSERT_TRUE(recorded.ok());
    ASSERT_EQ(recorded->size(), 1u);
    EXPECT_EQ(recorded->front().description, "Cleared brambles and nettles");
}

}  // namespace
}  // namespace sitebook::store
