// The temporal rule for outcomes (validateOutcomeTiming) at its boundaries, and the UK civil
// time it judges sessions in.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "fixtures.h"
#include "sitebook/domain/rules.h"
#include "sitebook/domain/uk_time.h"
#include "sitebook/domain/validation.h"

namespace sitebook::domain {
namespace {

using test::date;
using test::hm;

// The instant of a UTC date and time.
UnixMillis utc(std::string_view day, std::string_view time) {
    return (date(day).dayNumber() * 1440 + hm(time).minutes()) * 60'000LL;
}

TEST(UkTimeTest, GmtInWinterBstInSummerChangingAtOneUtc) {
    struct Case {
        const char* name;
        UnixMillis instant;
        const char* date;
        const char* time;
    };
    const std::vector<Case> cases{
        {"winter: GMT", utc("2026-01-05", "12:00"), "2026-01-05", "12:00"},
        {"summer: BST", utc("2026-07-01", "08:30"), "2026-07-01", "09:30"},
        {"a minute before BST starts", utc("2026-03-29", "00:59"), "2026-03-29", "00:59"},
        {"BST starts at 01:00 GMT", utc("2026-03-29", "01:00"), "2026-03-29", "02:00"},
        {"a minute before BST ends", utc("2026-10-25", "00:59"), "2026-10-25", "01:59"},
        {"BST ends at 01:00 GMT", utc("2026-10-25", "01:00"), "2026-10-25", "01:00"},
        {"summer midnight is 23:00 GMT", utc("2026-06-30", "23:00"), "2026-07-01", "00:00"},
        {"last Sunday of March 2027 is the 28th", utc("2027-03-28", "01:00"), "2027-03-28",
         "02:00"},
        {"seconds round down", utc("2026-01-05", "12:00") + 59'999, "2026-01-05", "12:00"},
    };
    for (const auto& c : cases) {
        const CivilDateTime t = ukCivilTime(c.instant);
        EXPECT_EQ(t.date.toString(), c.date) << c.name;
        EXPECT_EQ(t.time.toString(), c.time) << c.name;
    }
}

TEST(OutcomeTimingTest, RefusesOutcomesBeforeTheSessionStartsAllowingClockSkew) {
    const Policy policy = Policy::defaults();
    ASSERT_EQ(policy.clock_skew_allowance_minutes.valueOn(date("2026-01-05")), 5);
    struct Case {
        const char* name;
        const char* sessionDate;
        const char* sessionStart;
        UnixMillis at;
        std::optional<const char*> arrival;  // nullopt: an absence
        const char* field;                   // "" = accepted
        const char* message;
    };
    const char* started = "";
    const char* notStarted =
        "This session starts at 09:00 on 2026-01-05. Record the outcome once the session has "
        "started.";
    const std::vector<Case> cases{
        {"during the session", "2026-01-05", "09:00", utc("2026-01-05", "12:00"), "09:00", "",
         started},
        {"at the start", "2026-01-05", "09:00", utc("2026-01-05", "09:00"), "09:00", "", started},
        {"within the 5-minute allowance", "2026-01-05", "09:00", utc("2026-01-05", "08:55"),
         "09:00", "", started},
        {"one minute beyond the allowance", "2026-01-05", "09:00", utc("2026-01-05", "08:54"),
         "09:00", "code", notStarted},
        {"an absence before the session", "2026-01-05", "09:00", utc("2026-01-05", "08:54"),
         std::nullopt, "code", notStarted},
        {"two days ahead", "2026-01-05", "09:00", utc("2026-01-03", "12:00"), "09:00", "code",
         notStarted},
        {"the day before, just before midnight", "2026-01-05", "00:00", utc("2026-01-04", "23:54"),
         "00:00", "code",
         "This session starts at 00:00 on 2026-01-05. Record the outcome once the session has "
         "started."},
        {"midnight session within the allowance from the day before", "2026-01-05", "00:00",
         utc("2026-01-04", "23:55"), "00:00", "", started},
        {"a past session", "2026-01-02", "09:00", utc("2026-01-05", "08:00"), "09:00", "", started},
        // 2026-03-29: BST starts at 01:00 GMT, so 09:00 on the session's clock is 08:00 GMT.
        {"BST day: 08:55 GMT is 09:55 BST", "2026-03-29", "10:00", utc("2026-03-29", "08:55"),
         "10:00", "", started},
        {"BST day: 08:54 GMT is 09:54 BST", "2026-03-29", "10:00", utc("2026-03-29", "08:54"),
         "10:00", "code",
         "This session starts at 10:00 on 2026-03-29. Record the outcome once the session has "
         "started."},
        // 2026-10-25: BST ends at 01:00 GMT; afterwards the clocks agree again.
        {"GMT again: 09:55 GMT", "2026-10-25", "10:00", utc("2026-10-25", "09:55"), "10:00", "",
         started},
        {"GMT again: 09:54 GMT", "2026-10-25", "10:00", utc("2026-10-25", "09:54"), "10:00", "code",
         "This session starts at 10:00 on 2026-10-25. Record the outcome once the session has "
         "started."},
        {"arrival later than now", "2026-01-05", "09:00", utc("2026-01-05", "12:00"), "12:06",
         "arrival",
         "The arrival time 12:06 is later than the time now (12:00). Enter the time they "
         "arrived."},
        {"arrival within the allowance", "2026-01-05", "09:00", utc("2026-01-05", "12:00"), "12:05",
         "", started},
        {"arrival late in the day of a past session", "2026-01-04", "09:00",
         utc("2026-01-05", "08:00"), "20:00", "", started},
    };
    for (const auto& c : cases) {
        Session session = test::validSession();
        session.date = date(c.sessionDate);
        session.start = hm(c.sessionStart);
        session.end = *TimeOfDay::fromMinutes(std::min(session.start.minutes() + 420, 1439));
        AppointmentOutcome o = test::attendedOutcome();
        if (c.arrival) {
            o.arrival = hm(*c.arrival);
            o.finish = session.end;
        } else {
            o = AppointmentOutcome{};
            o.code = Outcome(OutcomeCode::UACP);
            o.recorded_by = test::kSupervisorId;
        }
        const Status s = validateOutcomeTiming(o, session, c.at, policy);
        if (std::string(c.field).empty()) {
            EXPECT_TRUE(s.ok()) << c.name << ": " << s.error().toString();
        } else {
            ASSERT_FALSE(s.ok()) << c.name;
            EXPECT_EQ(s.error().code, ErrorCode::InvalidArgument) << c.name;
            EXPECT_EQ(s.error().field, c.field) << c.name;
            EXPECT_EQ(s.error().message, c.message) << c.name;
        }
    }
}

TEST(OutcomeTimingTest, TheAllowanceIsADatedPolicyValue) {
    Policy policy = Policy::defaults();
    policy.clock_skew_allowance_minutes.set(date("2026-06-01"), 15);
    Session session = test::validSession();
    session.start = hm("09:00");
    AppointmentOutcome o = test::attendedOutcome();
    o.arrival = hm("09:00");
    o.finish = hm("16:00");
    session.date = date("2026-05-05");  // GMT+1: 08:00 GMT is 09:00
    EXPECT_FALSE(validateOutcomeTiming(o, session, utc("2026-05-05", "07:50"), policy).ok());
    session.date = date("2026-06-05");
    EXPECT_TRUE(validateOutcomeTiming(o, session, utc("2026-06-05", "07:50"), policy).ok());
}

// validateDecisionTiming: on or after the failure (the appointment's session date), and not
// after today in UK civil time with the clock allowance; at midnight and across both changes
// of the clocks.
TEST(DecisionTimingTest, RefusesDecisionsBeforeTheFailureOrAfterToday) {
    const Policy policy = Policy::defaults();
    struct Case {
        const char* name;
        const char* failedOn;
        const char* decidedOn;
        UnixMillis at;
        const char* rule;  // "" = accepted
        const char* message;
    };
    const std::vector<Case> cases{
        {"the day of the failure", "2026-01-05", "2026-01-05", utc("2026-01-05", "12:00"), "", ""},
        {"a week later", "2026-01-05", "2026-01-12", utc("2026-01-12", "09:00"), "", ""},
        {"back-dated within the range", "2026-01-05", "2026-01-07", utc("2026-01-20", "09:00"), "",
         ""},
        {"the day before the failure", "2026-01-05", "2026-01-04", utc("2026-01-12", "09:00"),
         "decision.before_failure",
         "The decision date 2026-01-04 is before the appointment it answers, on 2026-01-05. Enter "
         "the date the decision was made, on or after 2026-01-05."},
        {"months before the failure", "2026-01-05", "2025-10-01", utc("2026-01-12", "09:00"),
         "decision.before_failure",
         "The decision date 2025-10-01 is before the appointment it answers, on 2026-01-05. Enter "
         "the date the decision was made, on or after 2026-01-05."},
        {"tomorrow at noon", "2026-01-05", "2026-01-13", utc("2026-01-12", "12:00"),
         "decision.in_future",
         "The decision date 2026-01-13 is later than today (2026-01-12). Enter the date the "
         "decision was made."},
        {"months ahead", "2026-01-05", "2026-06-01", utc("2026-01-12", "12:00"),
         "decision.in_future",
         "The decision date 2026-06-01 is later than today (2026-01-12). Enter the date the "
         "decision was made."},
        {"tomorrow, 5 minutes before midnight (the allowance)", "2026-01-05", "2026-01-13",
         utc("2026-01-12", "23:55"), "", ""},
        {"tomorrow, 6 minutes before midnight", "2026-01-05", "2026-01-13",
         utc("2026-01-12", "23:54"), "decision.in_future",
         "The decision date 2026-01-13 is later than today (2026-01-12). Enter the date the "
         "decision was made."},
        {"today, a minute after midnight", "2026-01-05", "2026-01-13", utc("2026-01-13", "00:01"),
         "", ""},
        // Summer: UK midnight is 23:00 GMT.
        {"BST: 23:30 GMT is already the next UK day", "2026-07-01", "2026-07-02",
         utc("2026-07-01", "23:30"), "", ""},
        {"BST: 22:54 GMT is 23:54 UK, too early for tomorrow", "2026-07-01", "2026-07-02",
         utc("2026-07-01", "22:54"), "decision.in_future",
         "The decision date 2026-07-02 is later than today (2026-07-01). Enter the date the "
         "decision was made."},
        {"BST: 22:55 GMT is 23:55 UK, within the allowance", "2026-07-01", "2026-07-02",
         utc("2026-07-01", "22:55"), "", ""},
        // The night the clocks go forward (2026-03-29, 01:00 GMT) and back (2026-10-25).
        {"clocks forward: 00:30 GMT on the 29th is the 29th", "2026-03-28", "2026-03-29",
         utc("2026-03-29", "00:30"), "", ""},
        {"clocks back: 23:30 GMT on the 24th is 00:30 BST on the 25th", "2026-10-24", "2026-10-25",
         utc("2026-10-24", "23:30"), "", ""},
        {"clocks back: 22:54 GMT on the 24th is 23:54 BST on the 24th", "2026-10-24", "2026-10-25",
         utc("2026-10-24", "22:54"), "decision.in_future",
         "The decision date 2026-10-25 is later than today (2026-10-24). Enter the date the "
         "decision was made."},
    };
    for (const auto& c : cases) {
        EnforcementDecision d = test::validDecision();
        d.decided_on = date(c.decidedOn);
        const Status s = validateDecisionTiming(d, date(c.failedOn), c.at, policy);
        if (std::string(c.rule).empty()) {
            EXPECT_TRUE(s.ok()) << c.name << ": " << s.error().toString();
            continue;
        }
        ASSERT_FALSE(s.ok()) << c.name;
        EXPECT_EQ(s.error().code, ErrorCode::InvalidArgument) << c.name;
        EXPECT_EQ(s.error().field, "decided_on") << c.name;
        EXPECT_EQ(s.error().message, c.message) << c.name;
        const auto& rules = validationRules();
        const auto it = std::find_if(rules.begin(), rules.end(),
                                     [&](const Rule& r) { return r.name == c.rule; });
        ASSERT_NE(it, rules.end()) << c.rule;
        EXPECT_EQ(it->field, s.error().field) << c.name;
    }
}

TEST(DecisionTimingTest, TheAllowanceIsADatedPolicyValue) {
    Policy policy = Policy::defaults();
    policy.clock_skew_allowance_minutes.set(date("2026-06-01"), 60);
    EnforcementDecision d = test::validDecision();
    d.decided_on = date("2026-01-13");
    EXPECT_FALSE(
        validateDecisionTiming(d, date("2026-01-05"), utc("2026-01-12", "23:30"), policy).ok());
    d.decided_on = date("2026-06-13");
    EXPECT_TRUE(
        validateDecisionTiming(d, date("2026-06-05"), utc("2026-06-12", "22:30"), policy).ok());
}

}  // namespace
}  // namespace sitebook::domain
