#pragma once
// The fixed raw key of the golden test databases in this folder (see README.md). A test key
// only: it protects nothing but fixtures.

#include <array>
#include <cstdint>

#include "sitebook/common/secret.h"

namespace sitebook::testdata {

// 000102...1f: the bytes 0x00 to 0x1f in order.
inline SecretBytes goldenTestKey() {
    std::array<std::uint8_t, 32> bytes{};
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<std::uint8_t>(i);
    return SecretBytes(bytes.data(), bytes.size());
}

}  // namespace sitebook::testdata
