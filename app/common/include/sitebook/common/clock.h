#pragma once
// Time is injected: production code takes a Clock&, tests pass a ManualClock.

#include <atomic>
#include <cstdint>

namespace sitebook {

// Milliseconds since the Unix epoch, UTC.
using UnixMillis = std::int64_t;

class Clock {
public:
    virtual ~Clock() = default;
    // Wall-clock time. Thread-safe.
    virtual UnixMillis nowMillis() const = 0;
};

class SystemClock final : public Clock {
public:
    UnixMillis nowMillis() const override;
    // A process-wide instance, for wiring in main() only.
    static SystemClock& instance();
};

// A clock that only moves when told to. Thread-safe.
class ManualClock final : public Clock {
public:
    explicit ManualClock(UnixMillis start = 1'767'225'600'000)  // 2026-01-01T00:00:00Z
        : now_(start) {}
    UnixMillis nowMillis() const override { return now_.load(); }
    void set(UnixMillis t) { now_.store(t); }
    void advance(std::int64_t millis) { now_.fetch_add(millis); }

private:
    std::atomic<UnixMillis> now_;
};

}  // namespace sitebook
