#pragma once
// Time-ordered UUIDs (RFC 9562 version 7), generated on the device.

#include <array>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"

namespace sitebook {

class Uuid {
public:
    Uuid() = default;
    explicit Uuid(const std::array<std::uint8_t, 16>& bytes) : bytes_(bytes) {}

    // Parses the canonical 8-4-4-4-12 form (either case). nullopt if malformed.
    static std::optional<Uuid> parse(std::string_view text);
    // True if `text` is a canonical UUID string.
    static bool isValid(std::string_view text) { return parse(text).has_value(); }

    std::string toString() const;  // lower-case canonical form
    int version() const { return bytes_[6] >> 4; }
    // For v7: the embedded Unix milliseconds.
    UnixMillis timestampMillis() const;
    const std::array<std::uint8_t, 16>& bytes() const { return bytes_; }
    bool isNil() const;

    friend bool operator==(const Uuid&, const Uuid&) = default;
    friend auto operator<=>(const Uuid&, const Uuid&) = default;

private:
    std::array<std::uint8_t, 16> bytes_{};
};

// Generates v7 UUIDs that sort in creation order within this generator, even when several are
// made in one millisecond or the clock steps back (RFC 9562 method 1, 12-bit counter).
// Thread-safe.
class UuidGenerator {
public:
    UuidGenerator(const Clock& clock, RandomSource& random) : clock_(clock), random_(random) {}
    Uuid next();

private:
    const Clock& clock_;
    RandomSource& random_;
    std::mutex mutex_;
    UnixMillis lastMillis_ = 0;
    std::uint16_t counter_ = 0;
};

}  // namespace sitebook
