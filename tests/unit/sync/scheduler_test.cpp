#include <gtest/gtest.h>

#include "sitebook/sync/sync_scheduler.h"

namespace sitebook::sync {
namespace {

TEST(SyncSchedulerTest, SyncsAtStartThenDebouncesLocalChanges) {
    ManualClock clock;
    SyncScheduler s(clock, {5'000, 900'000});
    EXPECT_TRUE(s.isDue());
    s.started();
    EXPECT_FALSE(s.nextDueAt().has_value());
    s.finished(true);
    EXPECT_EQ(*s.nextDueAt(), clock.nowMillis() + 900'000);  // periodic

    s.localChange();
    clock.advance(3'000);
    s.localChange();  // a burst: the timer restarts
    EXPECT_FALSE(s.isDue());
    clock.advance(4'999);
    EXPECT_FALSE(s.isDue());
    clock.advance(1);
    EXPECT_TRUE(s.isDue());
}

TEST(SyncSchedulerTest, FailuresWaitForBackoffUnlessTheUserOrNetworkSaysGo) {
    ManualClock clock;
    SyncScheduler s(clock);
    s.started();
    s.finished(false, clock.nowMillis() + 60'000);
    s.localChange();
    clock.advance(10'000);
    EXPECT_FALSE(s.isDue());
    EXPECT_EQ(*s.nextDueAt(), clock.nowMillis() + 50'000);
    s.userRequested();
    EXPECT_TRUE(s.isDue());

    s.started();
    s.finished(false, clock.nowMillis() + 60'000);
    s.connectivityChanged(false);
    EXPECT_FALSE(s.nextDueAt().has_value());  // offline: nothing to schedule
    s.connectivityChanged(true);
    EXPECT_TRUE(s.isDue());
}

TEST(SyncSchedulerTest, AChangeDuringASyncTriggersAnotherAfterIt) {
    ManualClock clock;
    SyncScheduler s(clock);
    s.started();
    s.localChange();
    s.finished(true);
    clock.advance(5'000);
    EXPECT_TRUE(s.isDue());
}

}  // namespace
}  // namespace sitebook::sync
