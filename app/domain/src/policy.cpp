#include "sitebook/domain/policy.h"

#include <algorithm>

namespace sitebook::domain {
namespace {
CivilDate date(int y, int m, int d) {
    return *CivilDate::fromYmd(y, m, d);
}
}  // namespace

Policy Policy::defaults() {
    Policy p;
    p.ete_allowance_percent = *PolicyValue<int>::fromHistory({
        {date(2019, 1, 1), 20},
        {date(2023, 4, 1), 30},
    });
    p.enforcement_respond_by_days = PolicyValue<int>(7);
    p.overdue_outcome_after_days = PolicyValue<int>(2);
    p.review_points_months = PolicyValue<std::vector<int>>({3, 6, 9});
    p.warning_window_months = PolicyValue<int>(12);
    p.order_required_minutes = PolicyValue<MinutesRange>(MinutesRange{40 * 60, 300 * 60});
    p.case_note_max_chars = PolicyValue<int>(4000);
    p.clock_skew_allowance_minutes = PolicyValue<int>(5);
    p.max_offline_days = PolicyValue<int>(14);
    p.offline_shred_grace_days = PolicyValue<int>(7);
    p.offline_warning_days = PolicyValue<int>(3);
    p.background_lock_seconds = PolicyValue<int>(5);
    return p;
}

int eteAllowanceMinutes(const Order& order, const Policy& policy) {
    const std::int64_t percent = policy.ete_allowance_percent.valueOn(order.sentence_date);
    const std::int64_t minutes = order.adjustedRequiredMinutes();
    if (minutes <= 0 || percent <= 0)
        return 0;
    return static_cast<int>(minutes * percent / 100);
}

CivilDate respondByDate(CivilDate appointmentDate, const Policy& policy) {
    return appointmentDate.addDays(policy.enforcement_respond_by_days.valueOn(appointmentDate));
}

CivilDate outcomeOverdueFrom(CivilDate sessionDate, const Policy& policy) {
    return sessionDate.addDays(policy.overdue_outcome_after_days.valueOn(sessionDate));
}

std::vector<CivilDate> reviewDates(const Order& order, const Policy& policy) {
    std::vector<CivilDate> out;
    for (int months : policy.review_points_months.valueOn(order.sentence_date)) {
        out.push_back(order.sentence_date.addMonths(months));
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace sitebook::domain
