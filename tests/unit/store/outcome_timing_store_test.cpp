// The device store refuses an outcome for a session that has not started, with the words the
// server uses, and writes nothing for it (no row change, no outbox entry).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store_fixture.h"

namespace sitebook::store {
namespace {

using namespace domain;
using testing::attendedOutcome;
using testing::fixtureId;
using testing::seedRoster;
using testing::TempDir;
using testing::testKey;

class OutcomeTimingStoreTest : public ::testing::Test {
protected:
    std::unique_ptr<LocalStore> open() {
        auto s =
            LocalStore::open(dir.path() / "device.db", testKey(),
                             {fixtureId(900), fixtureId(901), Role::Supervisor}, clock, random);
        EXPECT_TRUE(s.ok()) << s.error().toString();
        return std::move(s).value();
    }

    TempDir dir;
    ManualClock clock{1'767'430'800'000};  // 2026-01-03 09:00 UTC: the roster's session (2026-01-05
                                           // 09:00) is two days ahead
    SeededRandom random{7};
};

TEST_F(OutcomeTimingStoreTest, AnOutcomeTwoDaysAheadIsRefusedAndNothingIsQueued) {
    auto store = open();
    auto roster = seedRoster(*store, {"Jones"});
    const auto& appt = roster.appointments[0];
    auto r = store->recordOutcome(appt.id, attendedOutcome(9, 16, 0));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "code");
    EXPECT_EQ(r.error().message,
              "This session starts at 09:00 on 2026-01-05. Record the outcome once the session "
              "has started.");
    EXPECT_EQ(*store->outboxCount("pending"), 0);
    EXPECT_FALSE((*store->appointment(appt.id))->outcome.has_value());

    // On the day, once it has started (within the 5-minute allowance), it is recorded.
    clock.set(1'767'603'300'000);  // 2026-01-05 08:55 UTC
    auto accepted = store->recordOutcome(appt.id, attendedOutcome(9, 16, 0));
    ASSERT_TRUE(accepted.ok()) << accepted.error().toString();
    EXPECT_EQ(*store->outboxCount("pending"), 1);
}

TEST_F(OutcomeTimingStoreTest, ACorrectedRefusalIsJudgedByTheSameRule) {
    clock.set(1'767'614'400'000);  // 2026-01-05 12:00 UTC
    auto store = open();
    auto roster = seedRoster(*store, {"Jones"});
    const auto& appt = roster.appointments[0];
    ASSERT_TRUE(store->recordOutcome(appt.id, attendedOutcome(9, 16, 0)).ok());
    auto later = store->recordOutcome(appt.id, attendedOutcome(13, 16, 0));
    ASSERT_FALSE(later.ok());
    EXPECT_EQ(later.error().field, "arrival");
    EXPECT_EQ(later.error().message,
              "The arrival time 13:00 is later than the time now (12:00). Enter the time they "
              "arrived.");
    EXPECT_EQ((*store->appointment(appt.id))->outcome->arrival->toString(), "09:00");
}

// An enforcement decision: on or after the failure it answers, not after today (UK time, with
// the allowance), judged by the device clock, in the server's words; nothing queued when refused.
TEST_F(OutcomeTimingStoreTest, ADecisionDatedBeforeItsFailureOrAfterTodayIsRefused) {
    struct Case {
        const char* name;
        const char* sessionDate;  // the failure's date (a UACP at 09:00)
        const char* decidedOn;
        UnixMillis now;
        const char* message;  // "" = accepted
    };
    const auto utc = [](const char* day, int hour, int minute) -> UnixMillis {
        return (CivilDate::parse(day)->dayNumber() * 1440 + hour * 60 + minute) * 60'000LL;
    };
    const std::vector<Case> cases{
        {"the failure's day", "2026-01-05", "2026-01-05", utc("2026-01-05", 12, 0), ""},
        {"the day before the failure", "2026-01-05", "2026-01-04", utc("2026-01-06", 12, 0),
         "The decision date 2026-01-04 is before the appointment it answers, on 2026-01-05. "
         "Enter the date the decision was made, on or after 2026-01-05."},
        {"tomorrow", "2026-01-05", "2026-01-07", utc("2026-01-06", 12, 0),
         "The decision date 2026-01-07 is later than today (2026-01-06). Enter the date the "
         "decision was made."},
        {"tomorrow, within the allowance before midnight", "2026-01-05", "2026-01-07",
         utc("2026-01-06", 23, 55), ""},
        {"tomorrow, a minute beyond the allowance", "2026-01-05", "2026-01-07",
         utc("2026-01-06", 23, 54),
         "The decision date 2026-01-07 is later than today (2026-01-06). Enter the date the "
         "decision was made."},
        // Summer: 23:30 GMT is already the next day in the UK.
        {"BST: after UK midnight", "2026-07-01", "2026-07-02", utc("2026-07-01", 23, 30), ""},
        {"BST: before UK midnight", "2026-07-01", "2026-07-02", utc("2026-07-01", 22, 30),
         "The decision date 2026-07-02 is later than today (2026-07-01). Enter the date the "
         "decision was made."},
        // The night the clocks go back (2026-10-25, 01:00 GMT).
        {"clocks back: 23:30 GMT is 00:30 BST", "2026-10-24", "2026-10-25",
         utc("2026-10-24", 23, 30), ""},
    };
    for (const auto& c : cases) {
        TempDir caseDir;
        auto opened =
            LocalStore::open(caseDir.path() / "device.db", testKey(),
                             {fixtureId(900), fixtureId(902), Role::Officer}, clock, random);
        ASSERT_TRUE(opened.ok()) << opened.error().toString();
        auto& store = **opened;
        auto roster = seedRoster(store, {"Jones"});
        roster.session.date = *CivilDate::parse(c.sessionDate);
        ASSERT_TRUE(store.putSession(roster.session).ok());
        const auto& appt = roster.appointments[0];
        clock.set(utc(c.sessionDate, 12, 0));
        AppointmentOutcome absent;
        absent.code = Outcome(OutcomeCode::UACP);
        ASSERT_TRUE(store.recordOutcome(appt.id, absent).ok()) << c.name;
        const auto queued = *store.outboxCount("pending");

        clock.set(c.now);
        EnforcementDecision d;
        d.appointment_id = appt.id;
        d.order_id = appt.order_id;
        d.action = EnforcementAction::NoFurtherAction;
        d.note = "Bus cancelled; confirmed with the operator";
        d.decided_on = *CivilDate::parse(c.decidedOn);
        auto r = store.recordEnforcementDecision(d);
        if (std::string(c.message).empty()) {
            EXPECT_TRUE(r.ok()) << c.name << ": " << r.error().toString();
            EXPECT_EQ(*store.outboxCount("pending"), queued + 1) << c.name;
        } else {
            ASSERT_FALSE(r.ok()) << c.name;
            EXPECT_EQ(r.error().field, "decided_on") << c.name;
            EXPECT_EQ(r.error().message, c.message) << c.name;
            EXPECT_EQ(*store.outboxCount("pending"), queued) << c.name;
        }
    }
}

// The outcome rule on the device at its boundaries, by the device clock in UK time: the
// allowance, one minute beyond it, a session starting at midnight, and both clock changes.
TEST_F(OutcomeTimingStoreTest, OutcomeBoundariesInUkTimeOnTheDevice) {
    struct Case {
        const char* name;
        const char* date;  // the session's
        int startHour;
        const char* utcDay;
        int utcMinute;  // device clock, minutes after midnight UTC
        bool accepted;
    };
    const auto utc = [](const char* day, int minute) -> UnixMillis {
        return (CivilDate::parse(day)->dayNumber() * 1440 + minute) * 60'000LL;
    };
    const std::vector<Case> cases{
        {"GMT: five minutes early (the allowance)", "2026-02-02", 10, "2026-02-02", 9 * 60 + 55,
         true},
        {"GMT: six minutes early", "2026-02-02", 10, "2026-02-02", 9 * 60 + 54, false},
        {"GMT: one minute before, the day before", "2026-02-03", 0, "2026-02-02", 23 * 60 + 59,
         true},
        {"GMT: midnight session from 23:54 the day before", "2026-02-03", 0, "2026-02-02",
         23 * 60 + 54, false},
        {"BST starts: 08:55 GMT is 09:55 BST", "2026-03-29", 10, "2026-03-29", 8 * 60 + 55, true},
        {"BST starts: 08:54 GMT is 09:54 BST", "2026-03-29", 10, "2026-03-29", 8 * 60 + 54, false},
        {"BST: midnight session from 22:55 GMT", "2026-07-02", 0, "2026-07-01", 22 * 60 + 55, true},
        {"BST: not from 22:54 GMT", "2026-07-02", 0, "2026-07-01", 22 * 60 + 54, false},
        {"BST ends: 09:55 GMT", "2026-10-25", 10, "2026-10-25", 9 * 60 + 55, true},
        {"BST ends: 09:54 GMT", "2026-10-25", 10, "2026-10-25", 9 * 60 + 54, false},
    };
    for (const auto& c : cases) {
        TempDir caseDir;
        auto opened =
            LocalStore::open(caseDir.path() / "device.db", testKey(),
                             {fixtureId(900), fixtureId(901), Role::Supervisor}, clock, random);
        ASSERT_TRUE(opened.ok()) << opened.error().toString();
        auto& store = **opened;
        auto roster = seedRoster(store, {"Jones"});
        roster.session.date = *CivilDate::parse(c.date);
        roster.session.start = *TimeOfDay::fromMinutes(c.startHour * 60);
        roster.session.end = *TimeOfDay::fromMinutes(c.startHour * 60 + 420);
        ASSERT_TRUE(store.putSession(roster.session).ok());
        clock.set(utc(c.utcDay, c.utcMinute));
        AppointmentOutcome absent;
        absent.code = Outcome(OutcomeCode::UACP);
        auto r = store.recordOutcome(roster.appointments[0].id, absent);
        EXPECT_EQ(r.ok(), c.accepted) << c.name << (r.ok() ? "" : ": " + r.error().message);
        if (!r.ok()) {
            EXPECT_EQ(r.error().field, "code") << c.name;
            EXPECT_EQ(r.error().message, "This session starts at " +
                                             roster.session.start.toString() + " on " +
                                             std::string(c.date) +
                                             ". Record the outcome once the session has started.")
                << c.name;
            EXPECT_EQ(*store.outboxCount("pending"), 0) << c.name;
        }
    }
}

}  // namespace
}  // namespace sitebook::store
