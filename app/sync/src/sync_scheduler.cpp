#include "sitebook/sync/sync_scheduler.h"

#include <algorithm>

namespace sitebook::sync {

void SyncScheduler::localChange() {
    changeDueAt_ = clock_.nowMillis() + policy_.debounceMs;
    if (running_)
        dirty_ = true;
}

void SyncScheduler::connectivityChanged(bool online) {
    const bool regained = online && !online_;
    const bool lost = !online && online_;
    online_ = online;
    if (regained) {
        immediate_ = true;
        retryAt_.reset();
        stalled_ = false;
    }
    if (lost)
        lastAttemptAt_ = clock_.nowMillis();
}

void SyncScheduler::userRequested() {
    immediate_ = true;
    retryAt_.reset();
    stalled_ = false;
    if (running_)
        dirty_ = true;
}

void SyncScheduler::resumed() {
    userRequested();
}

void SyncScheduler::started() {
    running_ = true;
    dirty_ = false;
    immediate_ = false;
    changeDueAt_.reset();
    lastAttemptAt_ = clock_.nowMillis();
}

void SyncScheduler::finished(bool success, std::optional<UnixMillis> retryAt) {
    running_ = false;
    const UnixMillis now = clock_.nowMillis();
    stalled_ = !success && !retryAt;
    if (success) {
        lastSuccessAt_ = now;
        retryAt_.reset();
    } else {
        retryAt_ = retryAt ? std::optional(std::min(*retryAt, now + policy_.maxRetryWaitMs))
                           : std::nullopt;
    }
    if (dirty_ && !changeDueAt_)
        changeDueAt_ = now;
    dirty_ = false;
}

std::optional<UnixMillis> SyncScheduler::nextDueAt() const {
    if (running_)
        return std::nullopt;
    const UnixMillis now = clock_.nowMillis();
    std::optional<UnixMillis> due;
    if (immediate_) {
        due = now;
    } else {
        if (retryAt_) {
            // A failed sync is tried again when its backoff ends (later only if a burst of
            // changes is still being debounced); the periodic sync never pushes it back.
            due = changeDueAt_ ? std::max(*changeDueAt_, *retryAt_) : *retryAt_;
        } else {
            auto consider = [&](UnixMillis t) { due = due ? std::min(*due, t) : t; };
            if (changeDueAt_)
                consider(*changeDueAt_);
            if (lastSuccessAt_ && !stalled_)
                consider(*lastSuccessAt_ + policy_.periodicMs);
        }
    }
    if (due && !online_)
        due = std::max(*due, lastAttemptAt_ + policy_.maxRetryWaitMs);
    return due;
}

bool SyncScheduler::isDue() const {
    auto due = nextDueAt();
    return due && *due <= clock_.nowMillis();
}

}  // namespace sitebook::sync
