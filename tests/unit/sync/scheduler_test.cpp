#include <gtest/gtest.h>

#include "sitebook/common/random.h"
#include "sitebook/sync/backoff.h"
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
    EXPECT_FALSE(s.isDue());  // offline: only a probe, a minute after the last attempt
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

// After a successful sync the next periodic one is 15 minutes away; a failure after it must
// be retried when its backoff ends, not when the periodic sync comes round.
TEST(SyncSchedulerTest, AFailureIsRetriedBeforeThePeriodicSync) {
    ManualClock clock;
    SyncScheduler s(clock);
    s.started();
    s.finished(true);
    s.localChange();
    clock.advance(5'000);
    ASSERT_TRUE(s.isDue());
    s.started();
    s.finished(false, clock.nowMillis() + 2'000);
    EXPECT_EQ(*s.nextDueAt(), clock.nowMillis() + 2'000);
    clock.advance(2'000);
    EXPECT_TRUE(s.isDue());
}

// A failure that waiting cannot cure (a password is needed) is not retried by the clock: only
// a change, the user, resuming or regained connectivity start the next sync.
TEST(SyncSchedulerTest, AFailureWithoutARetryWaitsForAnEvent) {
    ManualClock clock;
    SyncScheduler s(clock);
    s.started();
    s.finished(true);
    clock.advance(20 * 60'000);  // the periodic sync is overdue
    ASSERT_TRUE(s.isDue());
    s.started();
    s.finished(false);
    EXPECT_FALSE(s.nextDueAt().has_value());
    s.resumed();
    EXPECT_TRUE(s.isDue());
}

// The engine's backoff may ask for five minutes (the headless client's policy); the app's
// scheduler never waits more than a minute after a failure.
TEST(SyncSchedulerTest, ARetryIsNeverMoreThanAMinuteAway) {
    ManualClock clock;
    SyncScheduler s(clock);
    EXPECT_LE(s.policy().maxRetryWaitMs, 60'000);
    s.started();
    s.finished(false, clock.nowMillis() + 5 * 60'000);
    EXPECT_EQ(*s.nextDueAt(), clock.nowMillis() + 60'000);
    clock.advance(59'999);
    EXPECT_FALSE(s.isDue());
    clock.advance(1);
    EXPECT_TRUE(s.isDue());
    // A shorter backoff is kept as it is.
    s.started();
    s.finished(false, clock.nowMillis() + 4'000);
    EXPECT_EQ(*s.nextDueAt(), clock.nowMillis() + 4'000);
}

TEST(SyncSchedulerTest, TheAppsBackoffCapsAtAMinute) {
    ManualClock clock;
    SeededRandom random(7);
    Backoff backoff(clock, random, BackoffPolicy::interactive());
    for (int i = 0; i < 20; ++i)
        EXPECT_LE(backoff.failed() - clock.nowMillis(), 60'000);
    EXPECT_EQ(backoff.ceilingFor(20), 60'000);
}

// Unlocking the phone or bringing the app back to the foreground syncs at once, even while a
// failure's backoff is running.
TEST(SyncSchedulerTest, ResumingSyncsAtOnce) {
    ManualClock clock;
    SyncScheduler s(clock);
    s.started();
    s.finished(true);
    clock.advance(60'000);
    EXPECT_FALSE(s.isDue());
    s.resumed();
    EXPECT_TRUE(s.isDue());
    s.started();
    s.finished(false, clock.nowMillis() + 30'000);
    EXPECT_FALSE(s.isDue());
    s.resumed();
    EXPECT_TRUE(s.isDue());
}

// The platform's "no network" can be wrong (a site network without internet access, a VPN):
// waiting changes are still tried once a minute, never abandoned.
TEST(SyncSchedulerTest, OfflineStillProbesOnceAMinute) {
    ManualClock clock;
    SyncScheduler s(clock);
    s.started();
    s.finished(true);
    s.connectivityChanged(false);
    s.localChange();
    clock.advance(5'000);
    EXPECT_FALSE(s.isDue());
    EXPECT_EQ(*s.nextDueAt(), clock.nowMillis() + 55'000);
    clock.advance(55'000);
    EXPECT_TRUE(s.isDue());
    s.started();
    s.finished(false, clock.nowMillis() + 2'000);
    clock.advance(2'000);
    EXPECT_FALSE(s.isDue());  // still offline: the next probe a minute after this attempt
    clock.advance(58'000);
    EXPECT_TRUE(s.isDue());
}

}  // namespace
}  // namespace sitebook::sync
