#pragma once
// Policy values change over time (HMPPS guidance, legislation), and a record is judged by the
// value in force on its own date, so every value here is a dated history.

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "sitebook/domain/civil_date.h"
#include "sitebook/domain/types.h"

namespace sitebook::domain {

// A value with the dates from which each version applies. Never empty.
template <typename T>
class PolicyValue {
public:
    struct Entry {
        CivilDate effective_from;
        T value;
        friend bool operator==(const Entry&, const Entry&) = default;
    };

    // One value for all dates.
    explicit PolicyValue(T always) : entries_{Entry{CivilDate::min(), std::move(always)}} {}

    // nullopt if `history` is empty. Order does not matter; for a repeated date the later
    // entry in `history` wins.
    static std::optional<PolicyValue> fromHistory(std::vector<Entry> history) {
        if (history.empty())
            return std::nullopt;
        PolicyValue v(std::move(history.front().value));
        v.entries_.front().effective_from = history.front().effective_from;
        for (std::size_t i = 1; i < history.size(); ++i) {
            v.set(history[i].effective_from, std::move(history[i].value));
        }
        return v;
    }

    // Adds a version from `from` onwards, replacing one with the same date.
    PolicyValue& set(CivilDate from, T value) {
        auto it =
            std::lower_bound(entries_.begin(), entries_.end(), from,
                             [](const Entry& e, CivilDate d) { return e.effective_from < d; });
        if (it != entries_.end() && it->effective_from == from) {
            it->value = std::move(value);
        } else {
            entries_.insert(it, Entry{from, std::move(value)});
        }
        return *this;
    }

    // The version in force on `date`: the latest with effective_from <= date. Dates before the
    // first version get the first version (the earliest known rule also governs older records).
    const T& valueOn(CivilDate date) const {
        auto it =
            std::upper_bound(entries_.begin(), entries_.end(), date,
                             [](CivilDate d, const Entry& e) { return d < e.effective_from; });
        return it == entries_.begin() ? it->value : std::prev(it)->value;
    }

    // Sorted by effective_from, dates unique.
    const std::vector<Entry>& history() const { return entries_; }

    friend bool operator==(const PolicyValue&, const PolicyValue&) = default;

private:
    std::vector<Entry> entries_;
};

struct MinutesRange {
    int min = 0;
    int max = 0;
    friend bool operator==(const MinutesRange&, const MinutesRange&) = default;
};

// Every configurable rule. Policy::defaults() documents the values Sitebook ships with; a
// deployment may replace any history.
struct Policy {
    // Share of an order (percent of the adjusted required minutes) that may be credited for
    // education, training and employment. Default: 20% from 2019-01-01, 30% from 2023-04-01
    // (HMPPS guidance). Looked up on the order's sentence date.
    PolicyValue<int> ete_allowance_percent{0};
    // Days the RO has to respond to an enforceable outcome. Default 7.
    PolicyValue<int> enforcement_respond_by_days{0};
    // Days after a session before a missing outcome is overdue. Default 2.
    PolicyValue<int> overdue_outcome_after_days{0};
    // Months after the sentence date at which progress is reviewed. Default 3, 6 and 9.
    PolicyValue<std::vector<int>> review_points_months{std::vector<int>{}};
    // A further failure within this many months of a warning must be referred for breach
    // (Sentencing Act 2020 Sch. 10). Default 12.
    PolicyValue<int> warning_window_months{0};
    // Allowed required minutes on an order. Default 2400..18000 (40 to 300 hours).
    PolicyValue<MinutesRange> order_required_minutes{MinutesRange{}};
    // Longest case note, in Unicode code points. Default 4000.
    PolicyValue<int> case_note_max_chars{0};
    // How far a device clock may be ahead of the truth before a record it makes is refused as
    // being about the future (an outcome before its session starts). Looked up on the
    // session's date. Default 5 minutes.
    PolicyValue<int> clock_skew_allowance_minutes{0};
    // Device privacy (sent to devices with the reference data; docs/SECURITY.md).
    // Days a device may go without reaching the server before it locks its data until the
    // user signs in again online. Default 14.
    PolicyValue<int> max_offline_days{0};
    // Further days, after that lock, before the device shreds its keys. Default 7.
    PolicyValue<int> offline_shred_grace_days{0};
    // Days before the lock that the device starts warning its user. Default 3.
    PolicyValue<int> offline_warning_days{0};
    // Seconds the app may stay in the background before it locks. Default 5.
    PolicyValue<int> background_lock_seconds{0};

    static Policy defaults();
};

// Minutes of the order that may be ETE: the allowance in force on the sentence date applied to
// the adjusted required minutes, rounded down.
int eteAllowanceMinutes(const Order& order, const Policy& policy);
// The date by which the RO must respond to an enforceable outcome on `appointmentDate`.
CivilDate respondByDate(CivilDate appointmentDate, const Policy& policy);
// The first date on which an appointment on `sessionDate` without an outcome is overdue.
CivilDate outcomeOverdueFrom(CivilDate sessionDate, const Policy& policy);
// Review dates for an order, ascending (review points in force on the sentence date).
std::vector<CivilDate> reviewDates(const Order& order, const Policy& policy);

}  // namespace sitebook::domain
