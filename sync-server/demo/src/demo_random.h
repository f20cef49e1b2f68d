#pragma once
// SplitMix64: a tiny generator whose sequence is the same on every platform and standard
// library, which std::uniform_int_distribution does not promise. Not for keys.

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace sitebook::server::demo {

class DemoRandom {
public:
    explicit DemoRandom(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    // Uniform in lo..hi inclusive (modulo bias is irrelevant at these sizes).
    int between(int lo, int hi) {
        return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    bool percent(int p) { return between(0, 99) < p; }

    template <typename T>
    const T& pick(std::span<const T> items) {
        return items[static_cast<std::size_t>(next() % items.size())];
    }

    template <typename T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) {
            std::swap(v[i - 1], v[static_cast<std::size_t>(next() % i)]);
        }
    }

private:
    std::uint64_t state_;
};

}  // namespace sitebook::server::demo
