#pragma once
// A calendar date with no time zone (proleptic Gregorian, years 0001..9999). Sessions, sentence
// dates and decisions are civil dates: "the 3rd of March" means the same on every device.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sitebook/common/clock.h"

namespace sitebook::domain {

class CivilDate {
public:
    // 1970-01-01. Every CivilDate that exists is a valid date.
    constexpr CivilDate() = default;

    // nullopt unless y/m/d names a real day in 0001-01-01..9999-12-31.
    static std::optional<CivilDate> fromYmd(int year, int month, int day);
    // Strictly "YYYY-MM-DD": ten characters, zero-padded, no sign, no time part.
    static std::optional<CivilDate> parse(std::string_view text);
    // The UTC calendar day containing the instant.
    static CivilDate fromUnixMillis(UnixMillis millis);
    // Days since 1970-01-01 (negative before); saturates at min()/max().
    static CivilDate fromDayNumber(std::int64_t days);
    static CivilDate min();  // 0001-01-01
    static CivilDate max();  // 9999-12-31

    int year() const { return year_; }
    int month() const { return month_; }
    int day() const { return day_; }
    std::int64_t dayNumber() const;
    std::string toString() const;  // "YYYY-MM-DD"

    // Both saturate at min()/max().
    CivilDate addDays(std::int64_t days) const;
    // Same day-of-month `months` later (or earlier), clamped to the target month's last day:
    // 2024-01-31 + 1 month = 2024-02-29.
    CivilDate addMonths(int months) const;

    // to - from, in days (negative when `to` is earlier).
    static std::int64_t daysBetween(CivilDate from, CivilDate to);

    static bool isLeapYear(int year);
    static int daysInMonth(int year, int month);

    friend bool operator==(const CivilDate&, const CivilDate&) = default;
    // Member order (year, month, day) makes this chronological.
    friend auto operator<=>(const CivilDate&, const CivilDate&) = default;

private:
    constexpr CivilDate(int y, int m, int d)
        : year_(static_cast<std::int16_t>(y)),
          month_(static_cast<std::int8_t>(m)),
          day_(static_cast<std::int8_t>(d)) {}

    std::int16_t year_ = 1970;
    std::int8_t month_ = 1;
    std::int8_t day_ = 1;
};

}  // namespace sitebook::domain
