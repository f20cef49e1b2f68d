#include <gtest/gtest.h>

#include <set>

#include "sitebook/common/uuid.h"

namespace sitebook {
namespace {

TEST(UuidTest, GeneratesVersion7WithEmbeddedTimeAndRfcVariant) {
    ManualClock clock(1'767'225'600'123);
    SeededRandom random(42);
    UuidGenerator gen(clock, random);
    Uuid id = gen.next();
    EXPECT_EQ(id.version(), 7);
    EXPECT_EQ(id.bytes()[8] & 0xC0, 0x80);
    EXPECT_EQ(id.timestampMillis(), 1'767'225'600'123);
}

TEST(UuidTest, SortsInCreationOrderWithinOneMillisecondAndWhenClockStepsBack) {
    ManualClock clock(1'767'225'600'000);
    SeededRandom random(7);
    UuidGenerator gen(clock, random);
    std::vector<Uuid> ids;
    for (int i = 0; i < 5000; ++i) {
        if (i == 2500)
            clock.advance(-10'000);  // device clock corrected backwards
        if (i % 100 == 0)
            clock.advance(1);
        ids.push_back(gen.next());
    }
    for (std::size_t i = 1; i < ids.size(); ++i) {
        ASSERT_LT(ids[i - 1], ids[i]) << "at " << i;
        ASSERT_LT(ids[i - 1].toString(), ids[i].toString()) << "text order at " << i;
    }
}

TEST(UuidTest, RoundTripsTextAndRejectsMalformed) {
    ManualClock clock;
    SeededRandom random(1);
    UuidGenerator gen(clock, random);
    Uuid id = gen.next();
    auto parsed = Uuid::parse(id.toString());
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, id);
    EXPECT_FALSE(Uuid::parse("not-a-uuid").has_value());
    EXPECT_FALSE(Uuid::parse("0190f5e2-7c1a-7abc-8def-01234567890").has_value());
    EXPECT_FALSE(Uuid::parse("0190f5e2x7c1a-7abc-8def-0123456789ab").has_value());
    EXPECT_FALSE(Uuid::parse("0190f5e2-7c1a-7abc-8def-0123456789ag").has_value());
}

}  // namespace
}  // namespace sitebook
