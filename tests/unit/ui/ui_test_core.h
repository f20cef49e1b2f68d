#pragma once
// The app core as main.cpp wires it, against a temp dir: a manual clock (2026-01-05 12:00 UTC,
// the day of the fixture roster), a seeded random source, no platform keystore (PIN only), a
// cheap Argon2id cost and one free wrong PIN before a 30 s delay.

#include <QDateTime>
#include <memory>
#include <stdexcept>

#include "app_controller.h"
#include "fast_path_model.h"
#include "officer_models.h"
#include "record_controller.h"
#include "roster_model.h"
#include "session_list_model.h"
#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "storage_client.h"
#include "store_fixture.h"
#include "sync_controller.h"

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

struct TestCore {
    explicit TestCore(const std::filesystem::path& dir, StorageConfig config = {})
        : storage(config.dataDir.empty() ? testConfig(dir) : std::move(config), clock, random,
                  nullptr),
          sessions(&storage),
          roster(&storage),
          record(&storage),
          fastPath(&storage, &roster),
          sync(&storage, clock),
          caseload(&storage),
          inbox(&storage, [this] { return today(); }),
          attention(&storage),
          person(&storage, [this] { return today(); }),
          app({&storage, &sessions, &roster, &record, &fastPath, &sync, &caseload, &inbox,
               &attention, &person},
              clock) {
        app.setCoverEnabled(false);
    }

    QDate today() const { return QDateTime::fromMSecsSinceEpoch(clock.nowMillis()).date(); }

    ManualClock clock{kFixtureNoon};
    SeededRandom random{20260105};
    StorageClient storage;
    SessionListModel sessions;
    RosterModel roster;
    RecordController record;
    FastPathModel fastPath;
    SyncController sync;
    CaseloadModel caseload;
    InboxModel inbox;
    AttentionModel attention;
    PersonController person;
    AppController app;
};

}  // namespace sitebook::ui::testing
