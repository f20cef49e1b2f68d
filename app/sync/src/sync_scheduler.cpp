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
    online_ = online;
    if (regained) {
        immediate_ = true;
        retryAt_.reset();
    }
}

void SyncScheduler::userRequested() {
    immediate_ = true;
    retryAt_.reset();
    if (running_)
        dirty_ = true;
}

void SyncScheduler::started() {
    running_ = true;
    dirty_ = false;
    immediate_ = false;
    changeDueAt_.reset();
}

void SyncScheduler::finished(bool success, std::optional<UnixMillis> retryAt) {
    running_ = false;
    if (success) {
        lastSuccessAt_ = clock_.nowMillis();
        retryAt_.reset();
    } else {
        retryAt_ = retryAt;
    }
    if (dirty_ && !changeDueAt_)
        changeDueAt_ = clock_.nowMillis();
    dirty_ = false;
}

std::optional<UnixMillis> SyncScheduler::nextDueAt() const {
    if (!online_ || running_)
        return std::nullopt;
    const UnixMillis now = clock_.nowMillis();
    if (immediate_)
        return now;
    std::optional<UnixMillis> due;
    auto consider = [&](UnixMillis t) { due = due ? std::min(*due, t) : t; };
    if (changeDueAt_)
        consider(*changeDueAt_);
    if (lastSuccessAt_)
        consider(*lastSuccessAt_ + policy_.periodicMs);
    if (retryAt_) {
        // A failed sync waits for its backoff, whatever else is due.
        return due ? std::max(*due, *retryAt_) : *retryAt_;
    }
    return due;
}

bool SyncScheduler::isDue() const {
    auto due = nextDueAt();
    return due && *due <= clock_.nowMillis();
}

}  // namespace sitebook::sync
