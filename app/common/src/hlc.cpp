#include <algorithm>
#include <cstdio>

#include "sitebook/common/hlc.h"

namespace sitebook {

namespace {
constexpr std::uint32_t kMaxCounter = 0xFFFF;
}

std::uint64_t HlcTimestamp::packed() const {
    return (static_cast<std::uint64_t>(millis) << 16) | (counter & kMaxCounter);
}

HlcTimestamp HlcTimestamp::fromPacked(std::uint64_t v) {
    return HlcTimestamp{static_cast<UnixMillis>(v >> 16), static_cast<std::uint32_t>(v & 0xFFFF)};
}

std::string HlcTimestamp::toString() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%016llx-%04x", static_cast<unsigned long long>(millis),
                  counter & kMaxCounter);
    return buf;
}

std::optional<HlcTimestamp> HlcTimestamp::parse(std::string_view text) {
    if (text.size() != 21 || text[16] != '-')
        return std::nullopt;
    auto parseHex = [](std::string_view s, std::uint64_t& out) {
        out = 0;
        for (char c : s) {
            int v = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
            if (v < 0)
                return false;
            out = out * 16 + static_cast<std::uint64_t>(v);
        }
        return true;
    };
    std::uint64_t ms = 0;
    std::uint64_t counter = 0;
    if (!parseHex(text.substr(0, 16), ms) || !parseHex(text.substr(17), counter)) {
        return std::nullopt;
    }
    return HlcTimestamp{static_cast<UnixMillis>(ms), static_cast<std::uint32_t>(counter)};
}

HlcTimestamp HybridLogicalClock::now() {
    std::lock_guard lock(mutex_);
    UnixMillis wall = clock_.nowMillis();
    if (wall > last_.millis) {
        last_ = {wall, 0};
    } else if (last_.counter < kMaxCounter) {
        ++last_.counter;
    } else {
        last_ = {last_.millis + 1, 0};
    }
    return last_;
}

HlcTimestamp HybridLogicalClock::receive(const HlcTimestamp& remote) {
    std::lock_guard lock(mutex_);
    UnixMillis wall = clock_.nowMillis();
    UnixMillis top = std::max({wall, last_.millis, remote.millis});
    std::uint32_t counter = 0;
    if (top == last_.millis && top == remote.millis) {
        counter = std::max(last_.counter, remote.counter) + 1;
    } else if (top == last_.millis) {
        counter = last_.counter + 1;
    } else if (top == remote.millis) {
        counter = remote.counter + 1;
    }
    if (counter > kMaxCounter) {
        top += 1;
        counter = 0;
    }
    last_ = {top, counter};
    return last_;
}

HlcTimestamp HybridLogicalClock::last() const {
    std::lock_guard lock(mutex_);
    return last_;
}

}  // namespace sitebook
