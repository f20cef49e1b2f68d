#include "sitebook/domain/civil_date.h"

#include <algorithm>
#include <cstdio>

namespace sitebook::domain {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain), proleptic Gregorian.
std::int64_t daysFromCivil(std::int64_t y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct Ymd {
    std::int64_t y;
    int m;
    int d;
};

Ymd civilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;

bool parseDigits(std::string_view s, int& out) {
    out = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
        out = out * 10 + (c - '0');
    }
    return true;
}

}  // namespace

bool CivilDate::isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int CivilDate::daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<CivilDate> CivilDate::fromYmd(int year, int month, int day) {
    if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1 ||
        day > daysInMonth(year, month)) {
        return std::nullopt;
    }
    return CivilDate(year, month, day);
}

std::optional<CivilDate> CivilDate::parse(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    int y = 0;
    int m = 0;
    int d = 0;
    if (!parseDigits(text.substr(0, 4), y) || !parseDigits(text.substr(5, 2), m) ||
        !parseDigits(text.substr(8, 2), d)) {
        return std::nullopt;
    }
    return fromYmd(y, m, d);
}

CivilDate CivilDate::min() {
    return CivilDate(kMinYear, 1, 1);
}
CivilDate CivilDate::max() {
    return CivilDate(kMaxYear, 12, 31);
}

CivilDate CivilDate::fromDayNumber(std::int64_t days) {
    static const std::int64_t kMinDay = daysFromCivil(kMinYear, 1, 1);
    static const std::int64_t kMaxDay = daysFromCivil(kMaxYear, 12, 31);
    const Ymd ymd = civilFromDays(std::clamp(days, kMinDay, kMaxDay));
    return CivilDate(static_cast<int>(ymd.y), ymd.m, ymd.d);
}

CivilDate CivilDate::fromUnixMillis(UnixMillis millis) {
    constexpr std::int64_t kMillisPerDay = 86'400'000;
    std::int64_t days = millis / kMillisPerDay;
    if (millis % kMillisPerDay < 0)
        --days;  // floor, so 1969-12-31T23:59Z is 1969-12-31
    return fromDayNumber(days);
}

std::int64_t CivilDate::dayNumber() const {
    return daysFromCivil(year_, month_, day_);
}

std::string CivilDate::toString() const {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(year_),
                  static_cast<int>(month_), static_cast<int>(day_));
    return buf;
}

CivilDate CivilDate::addDays(std::int64_t days) const {
    // Clamp first so the sum cannot overflow; anything this large saturates anyway.
    constexpr std::int64_t kSpan = 4'000'000;
    return fromDayNumber(dayNumber() + std::clamp(days, -kSpan, kSpan));
}

CivilDate CivilDate::addMonths(int months) const {
    const std::int64_t index = std::int64_t{year_} * 12 + (month_ - 1) + months;
    const std::int64_t y = index >= 0 ? index / 12 : (index - 11) / 12;
    if (y < kMinYear)
        return min();
    if (y > kMaxYear)
        return max();
    const int m = static_cast<int>(index - y * 12) + 1;
    const int year = static_cast<int>(y);
    return CivilDate(year, m, std::min<int>(day_, daysInMonth(year, m)));
}

std::int64_t CivilDate::daysBetween(CivilDate from, CivilDate to) {
    return to.dayNumber() - from.dayNumber();
}

}  // namespace sitebook::domain
