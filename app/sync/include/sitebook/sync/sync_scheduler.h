#pragma once
// When to sync, without Qt: the app feeds it events (a local change, connectivity, the user
// pressing "Sync now", a finished sync) and asks when the next sync is due; its timer fires at
// nextDueAt(). A burst of local changes is debounced into one sync; a periodic sync catches
// server-side changes; failures wait for the engine's backoff; the user's request and regained
// connectivity skip the backoff. Time is injected. Not thread-safe (use it on one thread).

#include <cstdint>
#include <optional>

#include "sitebook/common/clock.h"

namespace sitebook::sync {

struct SchedulerPolicy {
    std::int64_t debounceMs = 5'000;        // after the last local change
    std::int64_t periodicMs = 15 * 60'000;  // after the last successful sync
};

class SyncScheduler {
public:
    explicit SyncScheduler(const Clock& clock, SchedulerPolicy policy = {})
        : clock_(clock), policy_(policy) {}

    void localChange();
    void connectivityChanged(bool online);
    void userRequested();
    // A sync started: nothing is due until it finishes.
    void started();
    // A sync finished; on failure `retryAt` is the engine's backoff time (nullopt: give up
    // until the next event, e.g. after a sign-in is needed).
    void finished(bool success, std::optional<UnixMillis> retryAt = std::nullopt);

    // When the next sync should run; nullopt while offline, running, or nothing is due.
    std::optional<UnixMillis> nextDueAt() const;
    bool isDue() const;
    bool online() const { return online_; }

private:
    const Clock& clock_;
    SchedulerPolicy policy_;
    bool online_ = true;
    bool running_ = false;
    bool dirty_ = false;  // an event arrived while running
    std::optional<UnixMillis> changeDueAt_;
    std::optional<UnixMillis> retryAt_;
    std::optional<UnixMillis> lastSuccessAt_;
    bool immediate_ = true;  // first sync after start-up
};

}  // namespace sitebook::sync
