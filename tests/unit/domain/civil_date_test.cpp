#include <gtest/gtest.h>

#include "fixtures.h"
#include "sitebook/domain/civil_date.h"
#include "sitebook/domain/time_of_day.h"

namespace sitebook::domain {
namespace {

using test::date;
using test::hm;

TEST(CivilDateTest, ParsesOnlyStrictRealDates) {
    struct Row {
        const char* text;
        bool ok;
    };
    const Row rows[] = {
        {"2024-02-29", true},        {"2000-02-29", true},  {"9999-12-31", true},
        {"0001-01-01", true},        {"2023-02-29", false}, {"1900-02-29", false},
        {"2024-02-30", false},       {"2024-04-31", false}, {"2024-13-01", false},
        {"2024-00-10", false},       {"2024-01-00", false}, {"0000-01-01", false},
        {"2024-2-29", false},        {"24-02-29", false},   {" 2024-01-01", false},
        {"2024-01-01T00:00", false}, {"+024-01-01", false}, {"2024/01/01", false},
        {"2024-0a-01", false},       {"", false},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.text);
        const auto d = CivilDate::parse(r.text);
        ASSERT_EQ(d.has_value(), r.ok);
        if (r.ok) {
            EXPECT_EQ(d->toString(), r.text);
        }
    }
}

TEST(CivilDateTest, FormatsZeroPaddedAndExposesFields) {
    const auto d = CivilDate::fromYmd(5, 3, 7);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->toString(), "0005-03-07");
    EXPECT_EQ(d->year(), 5);
    EXPECT_EQ(d->month(), 3);
    EXPECT_EQ(d->day(), 7);
    EXPECT_EQ(CivilDate().toString(), "1970-01-01");
    EXPECT_FALSE(CivilDate::fromYmd(2023, 2, 29));
    EXPECT_FALSE(CivilDate::fromYmd(10000, 1, 1));
}

TEST(CivilDateTest, AddDaysCrossesMonthYearAndLeapDay) {
    struct Row {
        const char* from;
        int days;
        const char* to;
    };
    const Row rows[] = {
        {"2024-02-28", 1, "2024-02-29"},   {"2023-02-28", 1, "2023-03-01"},
        {"2024-12-31", 1, "2025-01-01"},   {"2024-03-01", -1, "2024-02-29"},
        {"2024-01-01", 366, "2025-01-01"}, {"2025-01-01", -365, "2024-01-02"},
        {"2026-01-05", 0, "2026-01-05"},   {"1970-01-01", -1, "1969-12-31"},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(std::string(r.from) + " + " + std::to_string(r.days));
        EXPECT_EQ(date(r.from).addDays(r.days).toString(), r.to);
    }
}

TEST(CivilDateTest, AddMonthsClampsToMonthEnd) {
    struct Row {
        const char* from;
        int months;
        const char* to;
    };
    const Row rows[] = {
        {"2024-01-31", 1, "2024-02-29"},   {"2023-01-31", 1, "2023-02-28"},
        {"2024-03-31", -1, "2024-02-29"},  {"2024-05-31", 1, "2024-06-30"},
        {"2024-11-15", 3, "2025-02-15"},   {"2025-01-15", -13, "2023-12-15"},
        {"2024-02-29", 12, "2025-02-28"},  {"2024-02-29", 48, "2028-02-29"},
        {"2024-08-31", 6, "2025-02-28"},   {"2024-12-31", 0, "2024-12-31"},
        {"2024-12-31", -12, "2023-12-31"}, {"2025-01-31", -2, "2024-11-30"},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(std::string(r.from) + " + " + std::to_string(r.months) + " months");
        EXPECT_EQ(date(r.from).addMonths(r.months).toString(), r.to);
    }
}

TEST(CivilDateTest, DaysBetweenIsSignedAndCountsLeapYears) {
    EXPECT_EQ(CivilDate::daysBetween(date("2024-01-01"), date("2025-01-01")), 366);
    EXPECT_EQ(CivilDate::daysBetween(date("2023-01-01"), date("2024-01-01")), 365);
    EXPECT_EQ(CivilDate::daysBetween(date("2025-01-01"), date("2024-01-01")), -366);
    EXPECT_EQ(CivilDate::daysBetween(date("2024-02-28"), date("2024-03-01")), 2);
    EXPECT_EQ(CivilDate::daysBetween(date("2100-02-28"), date("2100-03-01")), 1);
    EXPECT_EQ(date("1970-01-01").dayNumber(), 0);
    EXPECT_EQ(date("2000-03-01").dayNumber(), 11017);
    EXPECT_EQ(CivilDate::fromDayNumber(11017), date("2000-03-01"));
}

TEST(CivilDateTest, FromUnixMillisIsTheUtcDayFlooringNegatives) {
    EXPECT_EQ(CivilDate::fromUnixMillis(0), date("1970-01-01"));
    EXPECT_EQ(CivilDate::fromUnixMillis(-1), date("1969-12-31"));
    EXPECT_EQ(CivilDate::fromUnixMillis(-86'400'000), date("1969-12-31"));
    EXPECT_EQ(CivilDate::fromUnixMillis(-86'400'001), date("1969-12-30"));
    EXPECT_EQ(CivilDate::fromUnixMillis(1'767'225'600'000), date("2026-01-01"));
    EXPECT_EQ(CivilDate::fromUnixMillis(1'767'225'599'999), date("2025-12-31"));
    EXPECT_EQ(CivilDate::fromUnixMillis(951'782'400'000), date("2000-02-29"));
}

TEST(CivilDateTest, OrdersChronologicallyAndSaturatesAtTheEnds) {
    EXPECT_LT(date("2024-12-31"), date("2025-01-01"));
    EXPECT_LT(date("2025-01-31"), date("2025-02-01"));
    EXPECT_GT(date("2025-02-01"), date("2025-01-31"));
    EXPECT_EQ(date("2025-02-01"), date("2025-02-01"));
    EXPECT_EQ(CivilDate::max().addDays(1), CivilDate::max());
    EXPECT_EQ(CivilDate::min().addDays(-1), CivilDate::min());
    EXPECT_EQ(CivilDate::min().addMonths(-1), CivilDate::min());
    EXPECT_EQ(CivilDate::max().addMonths(1), CivilDate::max());
    EXPECT_EQ(CivilDate::fromUnixMillis(INT64_MAX), CivilDate::max());
}

TEST(TimeOfDayTest, ParsesStrictHhMm) {
    struct Row {
        const char* text;
        int minutes;  // -1: rejected
    };
    const Row rows[] = {
        {"00:00", 0}, {"23:59", 1439}, {"09:05", 545}, {"24:00", -1},  {"9:00", -1},  {"09:60", -1},
        {"09:5", -1}, {"09-00", -1},   {"", -1},       {"09:00 ", -1}, {"-1:00", -1},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.text);
        const auto t = TimeOfDay::parse(r.text);
        ASSERT_EQ(t.has_value(), r.minutes >= 0);
        if (t) {
            EXPECT_EQ(t->minutes(), r.minutes);
            EXPECT_EQ(t->toString(), r.text);
        }
    }
}

TEST(TimeOfDayTest, ConstructsInRangeOnlyAndMeasuresMinutes) {
    EXPECT_FALSE(TimeOfDay::fromMinutes(-1));
    EXPECT_FALSE(TimeOfDay::fromMinutes(1440));
    EXPECT_EQ(TimeOfDay::fromMinutes(1439)->toString(), "23:59");
    EXPECT_FALSE(TimeOfDay::fromHoursMinutes(24, 0));
    EXPECT_EQ(TimeOfDay::minutesBetween(hm("09:00"), hm("16:00")), 420);
    EXPECT_EQ(TimeOfDay::minutesBetween(hm("16:00"), hm("09:30")), -390);
    EXPECT_LT(hm("08:59"), hm("09:00"));
}

}  // namespace
}  // namespace sitebook::domain
