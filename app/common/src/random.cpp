#include <sodium.h>

#include <stdexcept>

#include "sitebook/common/random.h"

namespace sitebook {

SecureRandom::SecureRandom() {
    if (sodium_init() < 0) {
        throw std::runtime_error("libsodium failed to initialise");
    }
}

void SecureRandom::fill(std::span<std::uint8_t> out) {
    randombytes_buf(out.data(), out.size());
}

SecureRandom& SecureRandom::instance() {
    static SecureRandom random;
    return random;
}

void SeededRandom::fill(std::span<std::uint8_t> out) {
    std::lock_guard lock(mutex_);
    std::size_t i = 0;
    while (i < out.size()) {
        std::uint64_t v = engine_();
        for (int b = 0; b < 8 && i < out.size(); ++b, ++i) {
            out[i] = static_cast<std::uint8_t>(v >> (8 * b));
        }
    }
}

}  // namespace sitebook
