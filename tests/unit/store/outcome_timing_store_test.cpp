// The device store refuses an outcome for a session that has not started, with the words the
// server uses, and writes nothing for it (no row change, no outbox entry).
#include <gtest/gtest.h>

#include "store_fixture.h"

namespace sitebook::store {
namespace {

using namespace domain;
using testing::attendedOutcome;
using testing::fixtureId;
using testing::seedRoster;
using testing::TempDir;
using testing::testKey;

class OutcomeTimingStoreTest : public ::testing::Test {
protected:
    std::unique_ptr<LocalStore> open() {
        auto s =
            LocalStore::open(dir.path() / "device.db", testKey(),
                             {fixtureId(900), fixtureId(901), Role::Supervisor}, clock, random);
        EXPECT_TRUE(s.ok()) << s.error().toString();
        return std::move(s).value();
    }

    TempDir dir;
    ManualClock clock{1'767'430'800'000};  // 2026-01-03 09:00 UTC: the roster's session (2026-01-05
                                           // 09:00) is two days ahead
    SeededRandom random{7};
};

TEST_F(OutcomeTimingStoreTest, AnOutcomeTwoDaysAheadIsRefusedAndNothingIsQueued) {
    auto store = open();
    auto roster = seedRoster(*store, {"Jones"});
    const auto& appt = roster.appointments[0];
    auto r = store->recordOutcome(appt.id, attendedOutcome(9, 16, 0));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "code");
    EXPECT_EQ(r.error().message,
              "This session starts at 09:00 on 2026-01-05. Record the outcome once the session "
              "has started.");
    EXPECT_EQ(*store->outboxCount("pending"), 0);
    EXPECT_FALSE((*store->appointment(appt.id))->outcome.has_value());

    // On the day, once it has started (within the 5-minute allowance), it is recorded.
    clock.set(1'767'603'300'000);  // 2026-01-05 08:55 UTC
    auto accepted = store->recordOutcome(appt.id, attendedOutcome(9, 16, 0));
    ASSERT_TRUE(accepted.ok()) << accepted.error().toString();
    EXPECT_EQ(*store->outboxCount("pending"), 1);
}

TEST_F(OutcomeTimingStoreTest, ACorrectedRefusalIsJudgedByTheSameRule) {
    clock.set(1'767'614'400'000);  // 2026-01-05 12:00 UTC
    auto store = open();
    auto roster = seedRoster(*store, {"Jones"});
    const auto& appt = roster.appointments[0];
    ASSERT_TRUE(store->recordOutcome(appt.id, attendedOutcome(9, 16, 0)).ok());
    auto later = store->recordOutcome(appt.id, attendedOutcome(13, 16, 0));
    ASSERT_FALSE(later.ok());
    EXPECT_EQ(later.error().field, "arrival");
    EXPECT_EQ(later.error().message,
              "The arrival time 13:00 is later than the time now (12:00). Enter the time they "
              "arrived.");
    EXPECT_EQ((*store->appointment(appt.id))->outcome->arrival->toString(), "09:00");
}

}  // namespace
}  // namespace sitebook::store
