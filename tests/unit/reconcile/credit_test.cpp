#include <gtest/gtest.h>

#include <algorithm>

#include "scenario.h"

namespace sitebook::server::reconcile {
namespace {

using domain::OutcomeCode;
using testing::absent;
using testing::attended;
using testing::creditFor;
using testing::date;
using testing::Scenario;

// --- Credited minutes = finish − arrival − penalty, attended outcomes only -----------------

struct CreditCase {
    const char* name;
    domain::AppointmentOutcome outcome;
    int expectedMinutes;
    CreditLimit expectedLimit;
};

class CreditFormulaTest : public ::testing::TestWithParam<CreditCase> {};

TEST_P(CreditFormulaTest, CreditsDurationLessPenaltyForAttendedOnly) {
    const CreditCase& c = GetParam();
    Scenario s;
    s.addOrder("order", "2025-01-06", 100 * 60);
    s.addAppointment("a1", "order", "2025-02-03");
    s.record("a1", c.outcome);
    const auto result = s.run();
    const AppointmentCredit* credit = creditFor(result, "a1");
    ASSERT_NE(credit, nullptr);
    EXPECT_EQ(credit->credited_minutes, c.expectedMinutes);
    EXPECT_EQ(credit->limited_by, c.expectedLimit);
    ASSERT_EQ(result.orders.size(), 1u);
    EXPECT_EQ(result.orders[0].credited_minutes, c.expectedMinutes);
    EXPECT_EQ(result.orders[0].remaining_minutes, 100 * 60 - c.expectedMinutes);
}

domain::AppointmentOutcome attendedWithoutFinish() {
    auto o = attended(OutcomeCode::ATTC, "09:00", "16:00");
    o.finish.reset();
    return o;
}

INSTANTIATE_TEST_SUITE_P(
    Outcomes, CreditFormulaTest,
    ::testing::Values(
        CreditCase{"AttcFullDay", attended(OutcomeCode::ATTC, "09:00", "16:00"), 420,
                   CreditLimit::None},
        CreditCase{"AttcLateWithPenalty", attended(OutcomeCode::ATTC, "09:30", "16:00", 30), 360,
                   CreditLimit::None},
        CreditCase{"AftcCounts", attended(OutcomeCode::AFTC, "10:00", "16:00", 30), 330,
                   CreditLimit::None},
        CreditCase{"AtshCountsTimeOnSite", attended(OutcomeCode::ATSH, "09:00", "11:00"), 120,
                   CreditLimit::None},
        CreditCase{"AtssCountsTimeOnSite", attended(OutcomeCode::ATSS, "09:00", "12:15"), 195,
                   CreditLimit::None},
        CreditCase{"PenaltyAboveDurationGivesZero",
                   attended(OutcomeCode::ATTC, "09:00", "10:00", 90), 0, CreditLimit::None},
        CreditCase{"AttendedWithoutFinishGivesZero", attendedWithoutFinish(), 0, CreditLimit::None},
        CreditCase{"Uacp", absent(OutcomeCode::UACP), 0, CreditLimit::NotAttended},
        CreditCase{"Aasd", absent(OutcomeCode::AASD), 0, CreditLimit::NotAttended},
        CreditCase{"Aame", absent(OutcomeCode::AAME), 0, CreditLimit::NotAttended},
        CreditCase{"Aaem", absent(OutcomeCode::AAEM), 0, CreditLimit::NotAttended},
        CreditCase{"Aafc", absent(OutcomeCode::AAFC), 0, CreditLimit::NotAttended},
        CreditCase{"Aacl", absent(OutcomeCode::AACL), 0, CreditLimit::NotAttended},
        CreditCase{"Rssr", absent(OutcomeCode::RSSR), 0, CreditLimit::NotAttended},
        CreditCase{"Rsof", absent(OutcomeCode::RSOF), 0, CreditLimit::NotAttended},
        CreditCase{"UnknownCodeIsNeverCredited", absent(domain::Outcome::fromText("ZZZZ")), 0,
                   CreditLimit::NotAttended}),
    [](const auto& testInfo) { return std::string(testInfo.param.name); });

TEST(CreditTest, AppointmentWithoutOutcomeEarnsNothing) {
    Scenario s;
    s.addOrder("order", "2025-01-06", 40 * 60);
    s.addAppointment("a1", "order", "2025-02-03");
    const auto result = s.run();
    EXPECT_EQ(creditFor(result, "a1")->credited_minutes, 0);
    EXPECT_EQ(creditFor(result, "a1")->limited_by, CreditLimit::NoOutcome);
}

TEST(CreditTest, AppointmentsOwnOutcomeCountsWhenNoDeviceVersions) {
    Scenario s;
    s.addOrder("order", "2025-01-06", 40 * 60);
    s.addAppointment("a1", "order", "2025-02-03").outcome =
        attended(OutcomeCode::ATTC, "09:00", "15:00");
    const auto result = s.run();
    EXPECT_EQ(creditFor(result, "a1")->credited_minutes, 360);
    ASSERT_EQ(result.outcomes.size(), 1u);
    EXPECT_EQ(result.outcomes[0].versions.size(), 1u);
}

// --- Never more than the order's remaining minutes, adjustments included --------------------

struct CapCase {
    const char* name;
    std::vector<int> adjustments;
    int expectedCredited;
    const char* completedOn;  // nullptr: not complete
    int cappedAppointment;    // index (0-based, by date) of the capped one, -1 if none
};

class OrderCapTest : public ::testing::TestWithParam<CapCase> {};

TEST_P(OrderCapTest, NeverCreditsMoreThanRemaining) {
    const CapCase& c = GetParam();
    Scenario s;
    domain::Order& order = s.addOrder("order", "2025-01-06", 40 * 60);
    for (std::size_t i = 0; i < c.adjustments.size(); ++i) {
        order.adjustments.push_back({"adj-" + std::to_string(i), c.adjustments[i], "court", {}});
    }
    // Seven full days of 420 minutes = 2940, inserted newest first to prove the date order.
    for (int day = 7; day >= 1; --day) {
        s.addAttended("a" + std::to_string(day), "order", "2025-02-0" + std::to_string(day));
    }
    const auto result = s.run();
    ASSERT_EQ(result.orders.size(), 1u);
    const OrderProgress& p = result.orders[0];
    EXPECT_EQ(p.credited_minutes, c.expectedCredited);
    EXPECT_EQ(p.remaining_minutes, p.adjusted_required_minutes - c.expectedCredited);
    if (c.completedOn) {
        ASSERT_TRUE(p.completed_on.has_value());
        EXPECT_EQ(*p.completed_on, date(c.completedOn));
        EXPECT_EQ(p.projected_completion, p.completed_on);
        EXPECT_DOUBLE_EQ(p.percent_complete, 100.0);
    } else {
        EXPECT_FALSE(p.completed_on.has_value());
    }
    for (int i = 0; i < 7; ++i) {
        const AppointmentCredit* credit = creditFor(result, "a" + std::to_string(i + 1));
        ASSERT_NE(credit, nullptr);
        if (c.cappedAppointment >= 0 && i >= c.cappedAppointment) {
            EXPECT_EQ(credit->limited_by, CreditLimit::OrderComplete) << i;
        } else {
            EXPECT_EQ(credit->limited_by, CreditLimit::None) << i;
            EXPECT_EQ(credit->credited_minutes, 420) << i;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(
    Adjustments, OrderCapTest,
    ::testing::Values(
        // 2400 required: five days give 2100, the sixth is capped at 300, the seventh gets 0.
        CapCase{"NoAdjustment", {}, 2400, "2025-02-06", 5},
        // +600: 3000 allowed, all seven (2940) fit.
        CapCase{"PositiveAdjustmentRaisesCap", {600}, 2940, nullptr, -1},
        // -600: 1800 allowed: four days 1680, the fifth capped at 120.
        CapCase{"NegativeAdjustmentLowersCap", {-600}, 1800, "2025-02-05", 4},
        // +600 -60: 2940 exactly.
        CapCase{"SeveralAdjustments", {600, -60}, 2940, "2025-02-07", -1}),
    [](const auto& testInfo) { return std::string(testInfo.param.name); });

TEST(CreditTest, CapFollowsDateThenStartTimeNotInputOrder) {
    Scenario s;
    s.addOrder("order", "2025-01-06", 40 * 60);
    // 5 × 420 = 2100 before, then two appointments on one day: the 13:00 one is capped.
    s.addAppointment("late", "order", "2025-02-10", "group", "13:00", "17:00");
    s.record("late", attended(OutcomeCode::ATTC, "13:00", "17:00"));
    s.addAppointment("early", "order", "2025-02-10", "group", "08:00", "12:00");
    s.record("early", attended(OutcomeCode::ATTC, "08:00", "12:00"));
    for (int day = 1; day <= 5; ++day) {
        s.addAttended("d" + std::to_string(day), "order", "2025-02-0" + std::to_string(day));
    }
    const auto result = s.run();
    EXPECT_EQ(creditFor(result, "early")->credited_minutes, 240);
    EXPECT_EQ(creditFor(result, "late")->credited_minutes, 60);
    EXPECT_EQ(creditFor(result, "late")->limited_by, CreditLimit::OrderComplete);
    // Credits are listed in crediting order.
    ASSERT_EQ(result.credits.size(), 7u);
    EXPECT_EQ(result.credits[5].appointment_id, "early");
    EXPECT_EQ(result.credits[6].appointment_id, "late");
}

TEST(CreditTest, EachOrderHasItsOwnCap) {
    Scenario s;
    s.addOrder("order-a", "2025-01-06", 40 * 60);
    s.addOrder("order-b", "2025-01-06", 40 * 60);
    for (int day = 1; day <= 6; ++day) {
        s.addAttended("a" + std::to_string(day), "order-a", "2025-02-0" + std::to_string(day));
    }
    s.addAttended("b1", "order-b", "2025-02-07");
    const auto result = s.run();
    ASSERT_EQ(result.orders.size(), 2u);
    EXPECT_EQ(result.orders[0].credited_minutes, 2400);
    EXPECT_EQ(result.orders[1].credited_minutes, 420);
}

// --- ETE credit capped at the allowance in force on the sentence date ------------------------

struct EteCase {
    const char* name;
    const char* sentenceDate;
    int adjustment;
    int expectedAllowance;
};

class EteCapTest : public ::testing::TestWithParam<EteCase> {};

TEST_P(EteCapTest, CapsEteCreditAtAllowance) {
    const EteCase& c = GetParam();
    Scenario s;
    s.today = date("2025-06-30");
    domain::Order& order = s.addOrder("order", c.sentenceDate, 100 * 60);
    if (c.adjustment != 0)
        order.adjustments.push_back({"adj", c.adjustment, "court", {}});
    // Six ETE days of 420 = 2520, more than any allowance here; then a group day.
    for (int day = 1; day <= 6; ++day) {
        s.addAttended("e" + std::to_string(day), "order", "2025-03-0" + std::to_string(day), "ete");
    }
    s.addAttended("g1", "order", "2025-03-09", "group");
    const auto result = s.run();
    const OrderProgress& p = result.orders.at(0);
    EXPECT_EQ(p.ete_allowance_minutes, c.expectedAllowance);
    EXPECT_EQ(p.ete_credited_minutes, c.expectedAllowance);
    EXPECT_EQ(p.credited_minutes, c.expectedAllowance + 420);  // group work is not capped
    EXPECT_EQ(creditFor(result, "g1")->limited_by, CreditLimit::None);
    const AppointmentCredit* last = creditFor(result, "e6");
    EXPECT_EQ(last->limited_by, CreditLimit::EteAllowance);
    EXPECT_EQ(last->credited_minutes, 0);
    EXPECT_TRUE(last->ete);
}

INSTANTIATE_TEST_SUITE_P(Policy, EteCapTest,
                         ::testing::Values(
                             // 20% of 6000 until 2023-03-31, 30% from 2023-04-01 (HMPPS guidance).
                             EteCase{"TwentyPercentDayBeforeChange", "2023-03-31", 0, 1200},
                             EteCase{"ThirtyPercentOnChangeDay", "2023-04-01", 0, 1800},
                             EteCase{"ThirtyPercentOfAdjustedMinutes", "2024-05-01", 600, 1980}),
                         [](const auto& testInfo) { return std::string(testInfo.param.name); });

TEST(EteCapTest, AllowanceComesFromThePolicyPassedIn) {
    Scenario s;
    s.policy.rules.ete_allowance_percent.set(date("2024-01-01"), 10);
    s.addOrder("order", "2024-02-01", 100 * 60);
    s.addAttended("e1", "order", "2024-03-01", "ete");
    s.addAttended("e2", "order", "2024-03-02", "ete");
    const auto result = s.run();
    EXPECT_EQ(result.orders[0].ete_allowance_minutes, 600);
    EXPECT_EQ(result.orders[0].ete_credited_minutes, 600);
    EXPECT_EQ(creditFor(result, "e2")->credited_minutes, 180);
}

// --- Percent complete and projected completion at the current pace ---------------------------

struct PaceCase {
    const char* name;
    int attendedDays;  // 420 minutes each, in January
    const char* today;
    double expectedPercent;
    const char* expectedProjection;  // nullptr: none
};

class ProjectionTest : public ::testing::TestWithParam<PaceCase> {};

TEST_P(ProjectionTest, ProjectsAtCurrentPace) {
    const PaceCase& c = GetParam();
    Scenario s;
    s.today = date(c.today);
    s.addOrder("order", "2025-01-01", 6000);
    for (int day = 1; day <= c.attendedDays; ++day) {
        s.addAttended("a" + std::to_string(day), "order",
                      "2025-01-" + std::string(day < 10 ? "0" : "") + std::to_string(day + 1));
    }
    const auto result = s.run();
    const OrderProgress& p = result.orders.at(0);
    EXPECT_NEAR(p.percent_complete, c.expectedPercent, 1e-9);
    if (c.expectedProjection) {
        ASSERT_TRUE(p.projected_completion.has_value());
        EXPECT_EQ(*p.projected_completion, date(c.expectedProjection));
    } else {
        EXPECT_FALSE(p.projected_completion.has_value());
    }
}

INSTANTIATE_TEST_SUITE_P(
    Pace, ProjectionTest,
    ::testing::Values(PaceCase{"NoCreditNoProjection", 0, "2025-01-31", 0.0, nullptr},
                      // 420 in 30 days: 5580 remaining needs ceil(5580 × 30 / 420) = 399 days.
                      PaceCase{"OneDay", 1, "2025-01-31", 7.0, "2026-03-06"},
                      // 2100 in 30 days = 70/day: 3900 remaining needs 55.71… → 56 days.
                      PaceCase{"FiveDays", 5, "2025-01-31", 35.0, "2025-03-28"},
                      // One day after sentence: 5580 at 420/day needs 13.3 → 14 days.
                      PaceCase{"DayAfterSentence", 1, "2025-01-02", 7.0, "2025-01-16"}),
    [](const auto& testInfo) { return std::string(testInfo.param.name); });

}  // namespace
}  // namespace sitebook::server::reconcile
