#include "sitebook/domain/time_of_day.h"

#include <cstdio>

namespace sitebook::domain {

std::optional<TimeOfDay> TimeOfDay::fromMinutes(int minutesSinceMidnight) {
    if (minutesSinceMidnight < 0 || minutesSinceMidnight >= kMinutesPerDay)
        return std::nullopt;
    return TimeOfDay(minutesSinceMidnight);
}

std::optional<TimeOfDay> TimeOfDay::fromHoursMinutes(int hours, int minutes) {
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
        return std::nullopt;
    return TimeOfDay(hours * 60 + minutes);
}

std::optional<TimeOfDay> TimeOfDay::parse(std::string_view text) {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (text.size() != 5 || text[2] != ':' || !digit(text[0]) || !digit(text[1]) ||
        !digit(text[3]) || !digit(text[4])) {
        return std::nullopt;
    }
    return fromHoursMinutes((text[0] - '0') * 10 + (text[1] - '0'),
                            (text[3] - '0') * 10 + (text[4] - '0'));
}

std::string TimeOfDay::toString() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes_ / 60, minutes_ % 60);
    return buf;
}

}  // namespace sitebook::domain
