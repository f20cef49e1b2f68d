#include "offline_period.h"

#include <algorithm>
#include <map>

namespace sitebook::ui {

namespace {
constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

int daysUntil(std::int64_t millis) {
    return static_cast<int>((std::max<std::int64_t>(millis, 0) + kDayMs - 1) / kDayMs);
}
}  // namespace

OfflineVerdict judgeOffline(UnixMillis lastContact, UnixMillis now, const OfflinePolicy& policy) {
    const std::int64_t away = std::max<std::int64_t>(now - lastContact, 0);
    const std::int64_t lockAt = std::int64_t{policy.lockAfterDays} * kDayMs;
    const std::int64_t shredAt = lockAt + std::int64_t{policy.shredAfterDays} * kDayMs;
    if (away >= shredAt)
        return {OfflineStage::Shred, 0};
    if (away >= lockAt)
        return {OfflineStage::Locked, daysUntil(shredAt - away)};
    if (away >= lockAt - std::int64_t{policy.warnDays} * kDayMs)
        return {OfflineStage::Warning, daysUntil(lockAt - away)};
    return {OfflineStage::Fine, daysUntil(lockAt - away)};
}

OfflinePolicy offlinePolicyFrom(const std::vector<sync::PolicySetting>& values,
                                domain::CivilDate today, OfflinePolicy current) {
    // For each key, the latest entry in force today.
    std::map<std::string, std::pair<std::string, int>> latest;
    for (const sync::PolicySetting& v : values) {
        auto from = domain::CivilDate::parse(v.effectiveFrom);
        if (!from || today < *from)
            continue;
        int number = 0;
        try {
            number = std::stoi(v.value);
        } catch (...) {
            continue;
        }
        auto it = latest.find(v.key);
        if (it == latest.end() || it->second.first < v.effectiveFrom)
            latest[v.key] = {v.effectiveFrom, number};
    }
    auto apply = [&](const char* key, int& field, int minimum) {
        auto it = latest.find(key);
        if (it != latest.end() && it->second.second >= minimum)
            field = it->second.second;
    };
    apply("max_offline_days", current.lockAfterDays, 1);
    apply("offline_shred_grace_days", current.shredAfterDays, 0);
    apply("offline_warning_days", current.warnDays, 0);
    apply("background_lock_seconds", current.backgroundLockSeconds, 0);
    return current;
}

}  // namespace sitebook::ui
