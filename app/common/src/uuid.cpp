#include <algorithm>

#include "sitebook/common/secret.h"
#include "sitebook/common/uuid.h"

namespace sitebook {

std::optional<Uuid> Uuid::parse(std::string_view text) {
    if (text.size() != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' ||
        text[23] != '-') {
        return std::nullopt;
    }
    std::string hex;
    hex.reserve(32);
    for (char c : text) {
        if (c != '-')
            hex.push_back(c);
    }
    std::vector<std::uint8_t> raw;
    if (hex.size() != 32 || !fromHex(hex, raw))
        return std::nullopt;
    std::array<std::uint8_t, 16> bytes{};
    std::copy(raw.begin(), raw.end(), bytes.begin());
    return Uuid(bytes);
}

std::string Uuid::toString() const {
    std::string hex = toHex(bytes_);
    return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' +
           hex.substr(16, 4) + '-' + hex.substr(20, 12);
}

UnixMillis Uuid::timestampMillis() const {
    UnixMillis ms = 0;
    for (int i = 0; i < 6; ++i)
        ms = (ms << 8) | bytes_[i];
    return ms;
}

bool Uuid::isNil() const {
    return std::all_of(bytes_.begin(), bytes_.end(), [](std::uint8_t b) { return b == 0; });
}

Uuid UuidGenerator::next() {
    std::array<std::uint8_t, 16> b{};
    random_.fill(b);
    std::lock_guard lock(mutex_);
    UnixMillis ms = clock_.nowMillis();
    if (ms <= lastMillis_) {
        // Same millisecond or the clock stepped back: keep order with the counter.
        ms = lastMillis_;
        if (++counter_ > 0x0FFF) {
            ++ms;
            counter_ = 0;
        }
    } else {
        // Fresh millisecond: a random counter start in the lower half leaves room to count up.
        counter_ = static_cast<std::uint16_t>(((b[6] << 8) | b[7]) & 0x07FF);
    }
    lastMillis_ = ms;
    for (int i = 5; i >= 0; --i) {
        b[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(ms & 0xFF);
        ms >>= 8;
    }
    b[6] = static_cast<std::uint8_t>(0x70 | ((counter_ >> 8) & 0x0F));
    b[7] = static_cast<std::uint8_t>(counter_ & 0xFF);
    b[8] = static_cast<std::uint8_t>(0x80 | (b[8] & 0x3F));
    return Uuid(b);
}

}  // namespace sitebook
