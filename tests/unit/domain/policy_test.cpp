#include <gtest/gtest.h>

#include <limits>

#include "fixtures.h"
#include "sitebook/domain/policy.h"

namespace sitebook::domain {
namespace {

using test::date;

TEST(PolicyTest, DefaultEteAllowanceIsDated) {
    const Policy p = Policy::defaults();
    struct Row {
        const char* on;
        int percent;
    };
    const Row rows[] = {
        {"2018-06-01", 20},  // before the first version: the earliest rule applies
        {"2019-01-01", 20}, {"2023-03-31", 20}, {"2023-04-01", 30}, {"2030-01-01", 30},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.on);
        EXPECT_EQ(p.ete_allowance_percent.valueOn(date(r.on)), r.percent);
    }
}

TEST(PolicyTest, DefaultsMatchTheDocumentedValues) {
    const Policy p = Policy::defaults();
    const CivilDate on = date("2026-01-05");
    EXPECT_EQ(p.enforcement_respond_by_days.valueOn(on), 7);
    EXPECT_EQ(p.overdue_outcome_after_days.valueOn(on), 2);
    EXPECT_EQ(p.review_points_months.valueOn(on), (std::vector<int>{3, 6, 9}));
    EXPECT_EQ(p.warning_window_months.valueOn(on), 12);
    EXPECT_EQ(p.order_required_minutes.valueOn(on), (MinutesRange{2400, 18000}));
    EXPECT_EQ(p.case_note_max_chars.valueOn(on), 4000);
}

TEST(PolicyTest, ValueOnPicksTheLatestVersionInForce) {
    auto v = PolicyValue<int>::fromHistory({
        {date("2025-01-01"), 3},
        {date("2020-01-01"), 1},  // order of the history does not matter
        {date("2022-06-15"), 2},
    });
    ASSERT_TRUE(v);
    EXPECT_EQ(v->valueOn(date("2019-12-31")), 1);
    EXPECT_EQ(v->valueOn(date("2020-01-01")), 1);
    EXPECT_EQ(v->valueOn(date("2022-06-14")), 1);
    EXPECT_EQ(v->valueOn(date("2022-06-15")), 2);
    EXPECT_EQ(v->valueOn(date("2024-12-31")), 2);
    EXPECT_EQ(v->valueOn(date("2025-01-01")), 3);
    ASSERT_EQ(v->history().size(), 3u);
    EXPECT_EQ(v->history().front().effective_from, date("2020-01-01"));

    v->set(date("2022-06-15"), 5);  // replaces the version with the same date
    EXPECT_EQ(v->history().size(), 3u);
    EXPECT_EQ(v->valueOn(date("2023-01-01")), 5);
    v->set(date("2021-01-01"), 9);
    EXPECT_EQ(v->valueOn(date("2021-06-01")), 9);
    EXPECT_EQ(v->valueOn(date("2020-06-01")), 1);
}

TEST(PolicyTest, HistoryMustNotBeEmptyAndLaterDuplicatesWin) {
    EXPECT_FALSE(PolicyValue<int>::fromHistory({}));
    auto v = PolicyValue<int>::fromHistory({{date("2020-01-01"), 1}, {date("2020-01-01"), 2}});
    ASSERT_TRUE(v);
    EXPECT_EQ(v->history().size(), 1u);
    EXPECT_EQ(v->valueOn(date("2021-01-01")), 2);
    EXPECT_EQ(PolicyValue<int>(7).valueOn(CivilDate::min()), 7);
}

TEST(PolicyTest, EteAllowanceUsesThePercentOnTheSentenceDateOfTheAdjustedOrder) {
    const Policy p = Policy::defaults();
    Order o = test::validOrder();
    o.adjustments.clear();
    o.required_minutes = 6000;
    o.sentence_date = date("2023-05-01");
    EXPECT_EQ(eteAllowanceMinutes(o, p), 1800);
    o.sentence_date = date("2022-05-01");
    EXPECT_EQ(eteAllowanceMinutes(o, p), 1200);
    o.sentence_date = date("2023-05-01");
    o.adjustments.push_back({test::id(21), 600, "further offence", date("2023-06-01")});
    EXPECT_EQ(eteAllowanceMinutes(o, p), 1980);
    o.adjustments.clear();
    o.required_minutes = 2401;  // 720.3 rounds down
    EXPECT_EQ(eteAllowanceMinutes(o, p), 720);
    o.required_minutes = 2'000'000'000;  // absurd values saturate instead of overflowing
    o.adjustments.push_back({test::id(22), 2'000'000'000, "typo", date("2023-06-01")});
    EXPECT_EQ(o.adjustedRequiredMinutes(), std::numeric_limits<int>::max());
}

TEST(PolicyTest, DerivedDatesFollowPolicy) {
    Policy p = Policy::defaults();
    EXPECT_EQ(respondByDate(date("2025-12-28"), p), date("2026-01-04"));
    EXPECT_EQ(outcomeOverdueFrom(date("2026-02-27"), p), date("2026-03-01"));
    p.enforcement_respond_by_days.set(date("2026-01-01"), 5);
    EXPECT_EQ(respondByDate(date("2025-12-28"), p), date("2026-01-04"));
    EXPECT_EQ(respondByDate(date("2026-01-05"), p), date("2026-01-10"));

    Order o = test::validOrder();
    o.sentence_date = date("2023-11-30");
    const std::vector<CivilDate> expected{date("2024-02-29"), date("2024-05-30"),
                                          date("2024-08-30")};
    EXPECT_EQ(reviewDates(o, p), expected);
}

}  // namespace
}  // namespace sitebook::domain
