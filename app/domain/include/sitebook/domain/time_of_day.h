#pragma once
// A wall-clock time within one day, in whole minutes. Unpaid-work sessions never cross
// midnight, so a session or appointment is a pair of these on one CivilDate.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace sitebook::domain {

class TimeOfDay {
public:
    static constexpr int kMinutesPerDay = 24 * 60;

    constexpr TimeOfDay() = default;  // 00:00

    // nullopt unless 0 <= minutes < 1440.
    static std::optional<TimeOfDay> fromMinutes(int minutesSinceMidnight);
    static std::optional<TimeOfDay> fromHoursMinutes(int hours, int minutes);
    // Strictly "HH:MM", 24-hour, zero-padded, 00:00..23:59.
    static std::optional<TimeOfDay> parse(std::string_view text);

    int minutes() const { return minutes_; }  // since midnight
    std::string toString() const;             // "HH:MM"

    // to - from, in minutes (negative when `to` is earlier).
    static int minutesBetween(TimeOfDay from, TimeOfDay to) { return to.minutes_ - from.minutes_; }

    friend bool operator==(const TimeOfDay&, const TimeOfDay&) = default;
    friend auto operator<=>(const TimeOfDay&, const TimeOfDay&) = default;

private:
    explicit constexpr TimeOfDay(int m) : minutes_(m) {}
    int minutes_ = 0;
};

}  // namespace sitebook::domain
