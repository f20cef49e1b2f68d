#pragma once
// Hands the QML tests an app core over a fresh temp dir (see tests/unit/ui/ui_test_core.h).

#include <QObject>
#include <memory>

#include "demo_seed.h"
#include "ui_test_core.h"

namespace sitebook::ui::testing {

class QmlTestCore : public QObject {
    Q_OBJECT
    Q_PROPERTY(sitebook::ui::AppController* app READ app NOTIFY appChanged)
public:
    // The fixture roster plus the progress and items an officer's download would bring, so
    // the officer's screens have something to show.
    QmlTestCore() {
        StorageConfig config = testConfig(dir_.path());
        config.seed = [roster = config.seed](store::LocalStore& s,
                                             domain::CivilDate today) -> Status {
            SB_TRY(roster(s, today));
            return seedDemoOfficerView(s, today);
        };
        config_ = config;
        core_ = std::make_unique<TestCore>(dir_.path(), config);
    }
    AppController* app() { return &core_->app; }
    // Moves the injected clock (the vault's backoff follows it).
    Q_INVOKABLE void advanceClock(int millis) { core_->clock.advance(millis); }
    // As if the app were killed and started again: the core is torn down without locking or
    // closing anything, and a new one opens the same data directory (`app` changes).
    Q_INVOKABLE void restart() {
        core_.reset();
        core_ = std::make_unique<TestCore>(dir_.path(), config_);
        emit appChanged();
    }

signals:
    void appChanged();

private:
    StorageConfig config_;
    sitebook::testing::TempDir dir_;
    std::unique_ptr<TestCore> core_;
};

}  // namespace sitebook::ui::testing
