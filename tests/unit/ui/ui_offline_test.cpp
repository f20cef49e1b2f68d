// The maximum offline period: the app core against an in-process TLS sync server, with the
// device's clock injected. A phone that has not reached the server warns its user three days
// before the lock, locks its records after fourteen days until the user signs in again online,
// and shreds its keys seven days after that, at unlock or at start without the PIN. Moving the
// clock back gains nothing. The periods are the server's policy values.

#include <QSignalSpy>
#include <QtTest>

#include "offline_period.h"
#include "ui_sync_server.h"
#include "ui_test_core.h"

using namespace sitebook;
using namespace sitebook::ui;
using sitebook::ui::testing::TestCore;

namespace {

constexpr int kTimeout = 30000;
constexpr const char* kPin = "24681357";
constexpr std::int64_t kHour = 60LL * 60 * 1000;
constexpr std::int64_t kDay = 24 * kHour;
using TestServer = ui::testing::SyncTestServer;

}  // namespace

class UiOfflineTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<sitebook::testing::TempDir> dir_;
    std::unique_ptr<TestServer> server_;
    TestServer::Seed seed_;

    std::filesystem::path phoneDir() const { return dir_->path() / "phone"; }

    void signIn(TestCore& core) {
        core.app.setUseServer(true);
        core.app.setServerAddress(server_->address());
        core.app.setCaFile(server_->caFile());
        core.app.start();
        QTRY_COMPARE(core.app.state(), AppController::FirstRun);
        core.app.signIn(QStringLiteral("sam"), QString::fromLatin1(ui::testing::kSyncTestPassword));
        QTRY_VERIFY_WITH_TIMEOUT(!core.app.needsSignIn(), kTimeout);
        QVERIFY2(core.app.message().isEmpty(), qPrintable(core.app.message()));
        core.app.createPin(QString::fromLatin1(kPin), QString::fromLatin1(kPin));
        QTRY_COMPARE_WITH_TIMEOUT(core.app.state(), AppController::Unlocked, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(core.sessions.count() > 0, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(core.sync.status().lastSuccessAt > 0, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!core.sync.running(), kTimeout);
        QVERIFY(core.app.offlineWarning().isEmpty());
        QVERIFY(!core.app.offlineLocked());
    }

    // Locks, moves the clock, unlocks; the server is down, so no sync counts as contact.
    static void reopenAfter(TestCore& core, std::int64_t millis) {
        core.app.lock();
        QCOMPARE(core.app.state(), AppController::Locked);
        core.clock.advance(millis);
        core.app.unlock(QString::fromLatin1(kPin));
        QTRY_VERIFY_WITH_TIMEOUT(!core.app.busy(), kTimeout);
    }

    // "Connect to the server within 3 days or this device will lock." (the plural form comes
    // from the app's English translation, which tests do not load: "3 day(s)").
    static bool warnsOf(TestCore& core, int days) {
        const QString text = core.app.offlineWarning();
        return text.startsWith(QStringLiteral("Connect to the server within %1 day").arg(days)) &&
               text.endsWith(QStringLiteral("or this device will lock."));
    }

    bool deviceDataGone() const {
        return !std::filesystem::exists(phoneDir() / "sitebook.db") &&
               !std::filesystem::exists(phoneDir() / "device.json") &&
               !std::filesystem::exists(phoneDir() / "sitebook.db.keys" / "keys.json");
    }

private slots:
    void init() {
        dir_ = std::make_unique<sitebook::testing::TempDir>();
        server_ = std::make_unique<TestServer>(dir_->path());
        QVERIFY(server_->start());
        const std::string sam = server_->addUser("sam", server::Role::Supervisor);
        const std::string olu = server_->addUser("olu", server::Role::Officer);
        QVERIFY(server_->seed(sam, olu, seed_));
    }

    void cleanup() {
        server_.reset();
        dir_.reset();
    }

    // The rule itself, day by day, with the default policy (14 days, 7 more, warn 3 before).
    void theStagesFollowTheDays() {
        const OfflinePolicy policy;
        const UnixMillis t0 = ui::testing::kFixtureNoon;
        auto at = [&](std::int64_t millis) { return judgeOffline(t0, t0 + millis, policy); };
        QCOMPARE(at(0).stage, OfflineStage::Fine);
        QCOMPARE(at(11 * kDay - 1).stage, OfflineStage::Fine);
        QCOMPARE(at(11 * kDay).stage, OfflineStage::Warning);
        QCOMPARE(at(11 * kDay).daysLeft, 3);
        QCOMPARE(at(13 * kDay + kHour).daysLeft, 1);
        QCOMPARE(at(14 * kDay).stage, OfflineStage::Locked);
        QCOMPARE(at(14 * kDay).daysLeft, 7);
        QCOMPARE(at(21 * kDay - 1).stage, OfflineStage::Locked);
        QCOMPARE(at(21 * kDay).stage, OfflineStage::Shred);
        // A clock behind the last contact is not "more time".
        QCOMPARE(judgeOffline(t0, t0 - 30 * kDay, policy).stage, OfflineStage::Fine);
        // The server's values in force today replace the defaults; nonsense is ignored.
        const auto today = domain::CivilDate::fromUnixMillis(t0);
        const OfflinePolicy fromServer =
            offlinePolicyFrom({{"max_offline_days", "10", "2020-01-01"},
                               {"max_offline_days", "5", "2099-01-01"},
                               {"offline_shred_grace_days", "2", "0001-01-01"},
                               {"offline_warning_days", "x", "0001-01-01"},
                               {"background_lock_seconds", "0", "0001-01-01"}},
                              today, policy);
        QCOMPARE(fromServer.lockAfterDays, 10);
        QCOMPARE(fromServer.shredAfterDays, 2);
        QCOMPARE(fromServer.warnDays, 3);
        QCOMPARE(fromServer.backgroundLockSeconds, 0);
    }

    // Three days before the lock the home screens say so; moving the clock back does not
    // take the warning away.
    void warnsDaysBeforeTheLock() {
        TestCore core(phoneDir());
        signIn(core);
        QVERIFY(!QTest::currentTestFailed());
        server_->stop();
        reopenAfter(core, 10 * kDay);
        QCOMPARE(core.app.state(), AppController::Unlocked);
        QVERIFY(core.app.offlineWarning().isEmpty());
        reopenAfter(core, 1 * kDay + kHour);
        QCOMPARE(core.app.state(), AppController::Unlocked);
        QVERIFY2(warnsOf(core, 3), qPrintable(core.app.offlineWarning()));
        QVERIFY(!core.app.offlineLocked());
        QTRY_VERIFY_WITH_TIMEOUT(core.sessions.count() > 0, kTimeout);
        // The clock set back ten days: the device remembers the latest time it saw.
        reopenAfter(core, -10 * kDay);
        QVERIFY2(warnsOf(core, 3), qPrintable(core.app.offlineWarning()));
        // Contact again: the warning goes.
        QVERIFY(server_->restart());
        QSignalSpy finished(&core.sync, &SyncController::finished);
        core.sync.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(core.app.offlineWarning().isEmpty(), kTimeout);
    }

    // After fourteen days the PIN opens nothing: the records come back only once the user has
    // signed in again with their password, online.
    void locksAfterThePeriodUntilSignedInAgain() {
        TestCore core(phoneDir());
        signIn(core);
        QVERIFY(!QTest::currentTestFailed());
        server_->stop();
        reopenAfter(core, 14 * kDay + kHour);
        QCOMPARE(core.app.state(), AppController::Unlocked);
        QVERIFY(core.app.offlineLocked());
        QVERIFY2(core.app.offlineLockText().contains(QStringLiteral("within 7 day")),
                 qPrintable(core.app.offlineLockText()));
        QCOMPARE(core.sessions.count(), 0);
        QVERIFY(!core.sync.running());
        // Offline, the password cannot be checked: still locked.
        core.app.signInAgain(QString::fromLatin1(ui::testing::kSyncTestPassword));
        QTRY_VERIFY_WITH_TIMEOUT(!core.app.busy(), kTimeout);
        QVERIFY(core.app.offlineLocked());
        QVERIFY(!core.app.message().isEmpty());
        QVERIFY(server_->restart());
        core.app.signInAgain(QString::fromLatin1(ui::testing::kSyncTestPassword));
        QTRY_VERIFY_WITH_TIMEOUT(!core.app.offlineLocked(), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(core.sessions.count() > 0, kTimeout);
        QVERIFY(core.app.offlineWarning().isEmpty());
    }

    // Seven days after the lock, unlocking finds the keys shredded: the phone starts again
    // from the sign-in, with a sentence saying why.
    void shredsAfterTheGraceAtUnlock() {
        TestCore core(phoneDir());
        signIn(core);
        QVERIFY(!QTest::currentTestFailed());
        server_->stop();
        reopenAfter(core, 21 * kDay + kHour);
        QCOMPARE(core.app.state(), AppController::FirstRun);
        QVERIFY(core.app.needsSignIn());
        QVERIFY(core.app.notice().contains(QStringLiteral("deleted")));
        QVERIFY(deviceDataGone());
    }

    // A phone left switched off: at start, without the PIN, it shreds itself.
    void shredsAtStartWithoutThePin() {
        {
            TestCore core(phoneDir());
            signIn(core);
            QVERIFY(!QTest::currentTestFailed());
            core.app.lock();
        }
        QVERIFY(std::filesystem::exists(phoneDir() / "sitebook.db"));
        TestCore later(phoneDir());
        later.clock.advance(21 * kDay + kHour);
        later.app.setUseServer(true);
        later.app.start();
        QTRY_COMPARE_WITH_TIMEOUT(later.app.state(), AppController::FirstRun, kTimeout);
        QVERIFY(later.app.notice().contains(QStringLiteral("deleted")));
        QVERIFY(deviceDataGone());
    }

    // Before the grace is over, a restart keeps the data (the PIN then meets the lock).
    void aRestartWithinTheGraceKeepsTheData() {
        {
            TestCore core(phoneDir());
            signIn(core);
            QVERIFY(!QTest::currentTestFailed());
            core.app.lock();
        }
        server_->stop();
        TestCore later(phoneDir());
        later.clock.advance(15 * kDay);
        later.app.start();
        QTRY_COMPARE_WITH_TIMEOUT(later.app.state(), AppController::Locked, kTimeout);
        later.app.unlock(QString::fromLatin1(kPin));
        QTRY_VERIFY_WITH_TIMEOUT(!later.app.busy(), kTimeout);
        QCOMPARE(later.app.state(), AppController::Unlocked);
        QVERIFY(later.app.offlineLocked());
    }
};

QTEST_GUILESS_MAIN(UiOfflineTest)
#include "ui_offline_test.moc"
