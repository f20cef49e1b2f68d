// Convergence property: supervisors and officers work offline at random, the office moves
// people and appointments, two supervisors record the same appointment; after everyone syncs
// each device holds exactly the server's view of its user's scope, and every acknowledged
// change was applied exactly once. SITEBOOK_SEED replays a run.
#include <gtest/gtest.h>

#include <cstdlib>

#include "sync_world.h"

namespace sitebook::sync::testing {
namespace {

class ConvergenceTest : public SyncWorld {};

int stepsFromEnvironment(int fallback) {
    const char* text = std::getenv("SITEBOOK_CONVERGENCE_STEPS");
    return text && *text ? std::atoi(text) : fallback;
}

TEST_F(ConvergenceTest, EveryDeviceConvergesAndEveryAcknowledgedChangeIsAppliedOnce) {
    std::mt19937_64 rng(testSeed("ConvergenceTest"));
    buildRegion(rng);
    addDevices();
    ASSERT_EQ(devices_.size(), 5u);
    const int steps = stepsFromEnvironment(3000);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(40);
    for (int i = 0; i < steps && std::chrono::steady_clock::now() < deadline; ++i)
        randomStep(rng);
    ASSERT_TRUE(syncUntilQuiescent()) << "the devices did not settle";
    expectConverged();
    EXPECT_GT(counts_.operations, 1000);
}

}  // namespace
}  // namespace sitebook::sync::testing
