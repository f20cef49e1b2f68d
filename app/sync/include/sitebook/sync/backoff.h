#pragma once
// Exponential backoff with jitter for transient sync failures ("equal jitter": half the
// exponential delay plus a random part of the other half), so that many devices regaining
// signal at once do not retry in step. Clock and randomness are injected.

#include <cstdint>
#include <optional>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"

namespace sitebook::sync {

struct BackoffPolicy {
    std::int64_t initialDelayMs = 2'000;
    std::int64_t maxDelayMs = 5 * 60'000;

    // The app's policy: someone holds the phone and is waiting for their changes to leave, so
    // a retry is never more than a minute away (the headless client keeps the default).
    static constexpr BackoffPolicy interactive() { return {2'000, 60'000}; }
};

// Not thread-safe.
class Backoff {
public:
    Backoff(const Clock& clock, RandomSource& random, BackoffPolicy policy = {})
        : clock_(clock), random_(random), policy_(policy) {}

    // Records a transient failure; returns the time of the next allowed attempt.
    UnixMillis failed();
    void succeeded();

    int failures() const { return failures_; }
    // nullopt when no failure is pending (try whenever asked).
    std::optional<UnixMillis> nextAttemptAt() const { return nextAttemptAt_; }
    bool mayAttemptNow() const;
    // The delay imposed after `failures` consecutive failures, before jitter.
    std::int64_t ceilingFor(int failures) const;

private:
    const Clock& clock_;
    RandomSource& random_;
    BackoffPolicy policy_;
    int failures_ = 0;
    std::optional<UnixMillis> nextAttemptAt_;
};

}  // namespace sitebook::sync
