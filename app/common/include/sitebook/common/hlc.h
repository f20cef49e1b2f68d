#pragma once
// Hybrid logical clock (Kulkarni et al.): a timestamp that follows wall time but never goes
// backwards and always exceeds every timestamp this node has seen. Sync orders changes by it.

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "sitebook/common/clock.h"

namespace sitebook {

struct HlcTimestamp {
    UnixMillis millis = 0;      // physical component
    std::uint32_t counter = 0;  // logical component, 0..65535

    // 48 bits of millis, 16 bits of counter: orders the same as (millis, counter).
    std::uint64_t packed() const;
    static HlcTimestamp fromPacked(std::uint64_t v);
    // Fixed-width, so text order equals time order: "0000019a2b3c4d5e-0001".
    std::string toString() const;
    static std::optional<HlcTimestamp> parse(std::string_view text);

    friend bool operator==(const HlcTimestamp&, const HlcTimestamp&) = default;
    friend auto operator<=>(const HlcTimestamp&, const HlcTimestamp&) = default;
};

// Thread-safe.
class HybridLogicalClock {
public:
    explicit HybridLogicalClock(const Clock& clock, HlcTimestamp last = {})
        : clock_(clock), last_(last) {}

    // Timestamp for a local event.
    HlcTimestamp now();
    // Merges a timestamp received from elsewhere; returns the timestamp of the receive event.
    HlcTimestamp receive(const HlcTimestamp& remote);
    HlcTimestamp last() const;

private:
    const Clock& clock_;
    mutable std::mutex mutex_;
    HlcTimestamp last_;
};

}  // namespace sitebook
