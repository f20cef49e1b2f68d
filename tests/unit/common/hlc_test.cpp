#include <gtest/gtest.h>

#include "sitebook/common/hlc.h"

namespace sitebook {
namespace {

TEST(HlcTest, NeverGoesBackwardsWhenWallClockDoes) {
    ManualClock clock(1'000'000);
    HybridLogicalClock hlc(clock);
    HlcTimestamp a = hlc.now();
    clock.advance(-500);
    HlcTimestamp b = hlc.now();
    EXPECT_LT(a, b);
    EXPECT_EQ(b.millis, a.millis);
    EXPECT_EQ(b.counter, a.counter + 1);
}

TEST(HlcTest, ReceiveExceedsRemoteAheadOfLocalClock) {
    ManualClock clock(1'000'000);
    HybridLogicalClock hlc(clock);
    HlcTimestamp remote{2'000'000, 5};
    HlcTimestamp r = hlc.receive(remote);
    EXPECT_GT(r, remote);
    EXPECT_GT(hlc.now(), r);
}

TEST(HlcTest, TextFormPreservesOrderAndRoundTrips) {
    HlcTimestamp a{1'767'225'600'000, 9};
    HlcTimestamp b{1'767'225'600'000, 10};
    HlcTimestamp c{1'767'225'600'001, 0};
    EXPECT_LT(a.toString(), b.toString());
    EXPECT_LT(b.toString(), c.toString());
    EXPECT_EQ(HlcTimestamp::parse(b.toString()), b);
    EXPECT_EQ(HlcTimestamp::fromPacked(c.packed()), c);
    EXPECT_FALSE(HlcTimestamp::parse("garbage").has_value());
}

}  // namespace
}  // namespace sitebook
