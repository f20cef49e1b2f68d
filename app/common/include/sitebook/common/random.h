#pragma once
// Randomness is injected: keys and ids come from a RandomSource.

#include <cstdint>
#include <memory>
#include <mutex>
#include <random>
#include <span>

namespace sitebook {

class RandomSource {
public:
    virtual ~RandomSource() = default;
    // Fills `out` with random bytes. Thread-safe.
    virtual void fill(std::span<std::uint8_t> out) = 0;
};

// Cryptographically secure (libsodium). The only source allowed for keys and salts.
class SecureRandom final : public RandomSource {
public:
    SecureRandom();
    void fill(std::span<std::uint8_t> out) override;
    static SecureRandom& instance();
};

// Deterministic, for reproducible tests and property runs. Never for keys.
class SeededRandom final : public RandomSource {
public:
    explicit SeededRandom(std::uint64_t seed) : engine_(seed) {}
    void fill(std::span<std::uint8_t> out) override;

private:
    std::mutex mutex_;
    std::mt19937_64 engine_;
};

}  // namespace sitebook
