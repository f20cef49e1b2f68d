#pragma once
// Sessions are held in England and Wales, so their dates and times are UK civil time: GMT, and
// British Summer Time (GMT + 1 hour) from 01:00 GMT on the last Sunday of March to 01:00 GMT on
// the last Sunday of October (Summer Time Act 1972, as harmonised since 1996). The device and
// the server both judge "now" against a session in this time, whatever time zone their own
// clocks are set to.

#include <compare>

#include "sitebook/common/clock.h"
#include "sitebook/domain/civil_date.h"
#include "sitebook/domain/time_of_day.h"

namespace sitebook::domain {

// A wall-clock minute on a calendar day.
struct CivilDateTime {
    CivilDate date;
    TimeOfDay time;

    // Minutes since 1970-01-01 00:00 on the same wall clock (for differences and comparisons).
    std::int64_t minuteNumber() const { return date.dayNumber() * 1440 + time.minutes(); }

    friend bool operator==(const CivilDateTime&, const CivilDateTime&) = default;
    friend auto operator<=>(const CivilDateTime&, const CivilDateTime&) = default;
};

// The UK civil date and time (to the minute, rounded down) of an instant.
CivilDateTime ukCivilTime(UnixMillis instant);
// True when British Summer Time is in force at the instant.
bool isBritishSummerTime(UnixMillis instant);

}  // namespace sitebook::domain
