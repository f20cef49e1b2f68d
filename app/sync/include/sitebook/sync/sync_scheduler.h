#pragma once
// When to sync, without Qt: the app feeds it events (a local change, connectivity, the app
// coming back to the foreground or being unlocked, the user pressing "Sync now", a finished
// sync) and asks when the next sync is due; its timer fires at nextDueAt(). A burst of local
// changes is debounced into one sync; a periodic sync catches server-side changes; failures
// wait for the engine's backoff, but never longer than the policy's cap; the user's request,
// regained connectivity and resuming skip the backoff. While the platform says there is no
// network the scheduler still probes, at most once per cap: a platform's reachability report
// can be wrong (a site network without internet, a VPN), and a device that never tries never
// finds out. Time is injected. Not thread-safe (use it on one thread).

#include <cstdint>
#include <optional>

#include "sitebook/common/clock.h"

namespace sitebook::sync {

struct SchedulerPolicy {
    std::int64_t debounceMs = 5'000;        // after the last local change
    std::int64_t periodicMs = 15 * 60'000;  // after the last successful sync
    // A failed sync is tried again at most this long after it failed, whatever the engine's
    // backoff asks; also the probing interval while the platform reports no network. The app
    // is in someone's hand: changes must leave within a minute of the server answering again.
    std::int64_t maxRetryWaitMs = 60'000;
};

class SyncScheduler {
public:
    explicit SyncScheduler(const Clock& clock, SchedulerPolicy policy = {})
        : clock_(clock), policy_(policy) {}

    void localChange();
    void connectivityChanged(bool online);
    void userRequested();
    // The app was unlocked or came back to the foreground: sync at once (skips any backoff).
    void resumed();
    // A sync started: nothing is due until it finishes.
    void started();
    // A sync finished; on failure `retryAt` is the engine's backoff time, capped at
    // maxRetryWaitMs from now (nullopt: give up until the next event, e.g. after a sign-in is
    // needed).
    void finished(bool success, std::optional<UnixMillis> retryAt = std::nullopt);

    // When the next sync should run; nullopt while running or nothing is due. While offline
    // a due sync waits until maxRetryWaitMs after the last attempt (or going offline).
    std::optional<UnixMillis> nextDueAt() const;
    bool isDue() const;
    bool online() const { return online_; }
    bool running() const { return running_; }
    const SchedulerPolicy& policy() const { return policy_; }

private:
    const Clock& clock_;
    SchedulerPolicy policy_;
    bool online_ = true;
    bool running_ = false;
    bool dirty_ = false;  // an event arrived while running
    std::optional<UnixMillis> changeDueAt_;
    std::optional<UnixMillis> retryAt_;
    std::optional<UnixMillis> lastSuccessAt_;
    UnixMillis lastAttemptAt_ = 0;  // last start, or going offline
    // The last sync failed for good (e.g. a password is needed): no periodic or retry sync
    // until an event (a change, the user, resuming, connectivity) or a success.
    bool stalled_ = false;
    bool immediate_ = true;  // first sync after start-up
};

}  // namespace sitebook::sync
