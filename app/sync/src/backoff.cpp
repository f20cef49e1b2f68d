#include "sitebook/sync/backoff.h"

#include <algorithm>
#include <array>

namespace sitebook::sync {

std::int64_t Backoff::ceilingFor(int failures) const {
    if (failures <= 0)
        return 0;
    std::int64_t delay = policy_.initialDelayMs;
    for (int i = 1; i < failures && delay < policy_.maxDelayMs; ++i)
        delay *= 2;
    return std::min(delay, policy_.maxDelayMs);
}

UnixMillis Backoff::failed() {
    ++failures_;
    const std::int64_t ceiling = ceilingFor(failures_);
    std::array<std::uint8_t, 8> bytes{};
    random_.fill(bytes);
    std::uint64_t r = 0;
    for (auto b : bytes)
        r = (r << 8) | b;
    const std::int64_t half = ceiling / 2;
    const std::int64_t jitter =
        half > 0 ? static_cast<std::int64_t>(r % static_cast<std::uint64_t>(half + 1)) : 0;
    nextAttemptAt_ = clock_.nowMillis() + (ceiling - half) + jitter;
    return *nextAttemptAt_;
}

void Backoff::succeeded() {
    failures_ = 0;
    nextAttemptAt_.reset();
}

bool Backoff::mayAttemptNow() const {
    return !nextAttemptAt_ || clock_.nowMillis() >= *nextAttemptAt_;
}

}  // namespace sitebook::sync
