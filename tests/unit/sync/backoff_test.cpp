#include <gtest/gtest.h>

#include "sitebook/sync/backoff.h"

namespace sitebook::sync {
namespace {

TEST(BackoffTest, DelaysDoubleWithJitterUpToTheCap) {
    ManualClock clock;
    SeededRandom random(7);
    Backoff backoff(clock, random, {1'000, 16'000});
    EXPECT_TRUE(backoff.mayAttemptNow());
    for (int n = 1; n <= 8; ++n) {
        const UnixMillis at = backoff.failed();
        const std::int64_t ceiling = backoff.ceilingFor(n);
        EXPECT_EQ(ceiling, std::min<std::int64_t>(1'000LL << (n - 1), 16'000));
        EXPECT_GE(at - clock.nowMillis(), ceiling / 2) << "after " << n << " failures";
        EXPECT_LE(at - clock.nowMillis(), ceiling);
        EXPECT_FALSE(backoff.mayAttemptNow());
    }
    clock.advance(16'000);
    EXPECT_TRUE(backoff.mayAttemptNow());
    backoff.succeeded();
    EXPECT_EQ(backoff.failures(), 0);
    EXPECT_FALSE(backoff.nextAttemptAt().has_value());
}

TEST(BackoffTest, JitterSpreadsDevicesApart) {
    ManualClock clock;
    SeededRandom a(1), b(2);
    Backoff first(clock, a), second(clock, b);
    for (int i = 0; i < 4; ++i) {
        (void)first.failed();
        (void)second.failed();
    }
    EXPECT_NE(*first.nextAttemptAt(), *second.nextAttemptAt());
}

}  // namespace
}  // namespace sitebook::sync
