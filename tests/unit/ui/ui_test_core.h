#pragma once
// The app core as main.cpp builds it (AppModels), against a temp dir: a manual clock
// (2026-01-05 12:00 UTC, the day of the fixture roster), a seeded random source, no platform
// keystore (PIN only), a cheap Argon2id cost and one free wrong PIN before a 30 s delay.

#include <memory>
#include <stdexcept>

#include "app_models.h"
#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "store_fixture.h"

namespace sitebook::ui::testing {

inline constexpr UnixMillis kFixtureNoon = 1'767'614'400'000;  // 2026-01-05T12:00:00Z

inline StorageConfig testConfig(const std::filesystem::path& dir) {
    StorageConfig c;
    c.dataDir = dir;
    c.kdf = storage::KdfParams{1, 8192};
    c.backoff = storage::PinBackoff{1, 30'000, 3'600'000};
    c.seed = [](store::LocalStore& s, domain::CivilDate) -> Status {
        try {
            (void)sitebook::testing::seedRoster(s, {"Price", "Ellis", "Morgan"});
        } catch (const std::exception& e) {
            return makeError(ErrorCode::Internal, e.what());
        }
        return okStatus();
    };
    return c;
}

// The injected clock and random source, built before the app that uses them.
struct TestInputs {
    ManualClock clock{kFixtureNoon};
    SeededRandom random{20260105};
};

struct TestCore : TestInputs, AppModels {
    explicit TestCore(const std::filesystem::path& dir, StorageConfig config = {})
        : AppModels(config.dataDir.empty() ? testConfig(dir) : std::move(config), clock, random,
                    nullptr) {
        app.setCoverEnabled(false);
    }
};

}  // namespace sitebook::ui::testing
