#include "sitebook/domain/uk_time.h"

namespace sitebook::domain {
namespace {

constexpr std::int64_t kMillisPerMinute = 60'000;
constexpr std::int64_t kMinutesPerDay = 1440;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// The last Sunday of `month` in `year`, as a day number (1970-01-01 was a Thursday).
std::int64_t lastSunday(int year, int month) {
    const CivilDate last = *CivilDate::fromYmd(year, month, CivilDate::daysInMonth(year, month));
    const std::int64_t day = last.dayNumber();
    const std::int64_t weekday = ((day + 4) % 7 + 7) % 7;  // 0 = Sunday
    return day - weekday;
}

}  // namespace

bool isBritishSummerTime(UnixMillis instant) {
    const std::int64_t minute = floorDiv(instant, kMillisPerMinute);
    const int year = CivilDate::fromDayNumber(floorDiv(minute, kMinutesPerDay)).year();
    const std::int64_t starts = lastSunday(year, 3) * kMinutesPerDay + 60;  // 01:00 GMT
    const std::int64_t ends = lastSunday(year, 10) * kMinutesPerDay + 60;
    return minute >= starts && minute < ends;
}

CivilDateTime ukCivilTime(UnixMillis instant) {
    const std::int64_t minute =
        floorDiv(instant, kMillisPerMinute) + (isBritishSummerTime(instant) ? 60 : 0);
    const std::int64_t day = floorDiv(minute, kMinutesPerDay);
    const int minuteOfDay = static_cast<int>(minute - day * kMinutesPerDay);
    return {CivilDate::fromDayNumber(day), *TimeOfDay::fromMinutes(minuteOfDay)};
}

}  // namespace sitebook::domain
