#include <gtest/gtest.h>

#include "sitebook/common/secret.h"

namespace sitebook {
namespace {

TEST(SecretBytesTest, MoveLeavesSourceEmptyAndWipeClears) {
    std::uint8_t raw[4] = {1, 2, 3, 4};
    SecretBytes a(raw, 4);
    SecretBytes b(std::move(a));
    EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move)
    EXPECT_EQ(b.size(), 4u);
    SecretBytes c(raw, 4);
    EXPECT_TRUE(b.equals(c));
    b.wipe();
    EXPECT_TRUE(b.empty());
    EXPECT_FALSE(b.equals(c));
}

TEST(HexTest, RoundTripsAndRejectsBadInput) {
    std::vector<std::uint8_t> out;
    ASSERT_TRUE(fromHex("00ff10Ab", out));
    EXPECT_EQ(toHex(out), "00ff10ab");
    EXPECT_FALSE(fromHex("abc", out));
    EXPECT_FALSE(fromHex("zz", out));
}

}  // namespace
}  // namespace sitebook
