#pragma once
// The maximum offline period (docs/SECURITY.md): a device that has not reached its server for
// `lockAfterDays` locks its data until its user signs in again online, and `shredAfterDays`
// later destroys its keys; `warnDays` before the lock it says so. Plain functions, no Qt.
//
// The last contact is judged against the highest clock reading the device has seen, kept
// beside it in the encrypted store and never lowered: moving the clock back does not give a
// device more time (moving it forward only brings the lock nearer).

#include <cstdint>
#include <string>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/domain/types.h"
#include "sitebook/sync/transport.h"

namespace sitebook::ui {

struct OfflinePolicy {
    int lockAfterDays = 14;
    int shredAfterDays = 7;  // after the lock
    int warnDays = 3;        // before the lock
    int backgroundLockSeconds = 5;
};

enum class OfflineStage { Fine, Warning, Locked, Shred };

struct OfflineVerdict {
    OfflineStage stage = OfflineStage::Fine;
    // Warning: whole days (rounded up) until the lock; Locked: until the keys are shredded.
    int daysLeft = 0;
};

// `lastContact` and `now` are clock millis; `now` is already the never-decreasing reading.
OfflineVerdict judgeOffline(UnixMillis lastContact, UnixMillis now, const OfflinePolicy& policy);

// The values in force on `today` among the server's policy values; a value that is missing or
// not a positive number keeps `current`'s.
OfflinePolicy offlinePolicyFrom(const std::vector<sync::PolicySetting>& values,
                                domain::CivilDate today, OfflinePolicy current);

// Where the values live in the encrypted store's sync_state table.
inline constexpr const char* kLastContactKey = "offline_last_contact_ms";
inline constexpr const char* kClockHighWaterKey = "offline_clock_high_water_ms";
inline constexpr const char* kLockAfterDaysKey = "policy.max_offline_days";
inline constexpr const char* kShredAfterDaysKey = "policy.offline_shred_grace_days";
inline constexpr const char* kWarnDaysKey = "policy.offline_warning_days";
inline constexpr const char* kBackgroundLockKey = "policy.background_lock_seconds";

}  // namespace sitebook::ui
