// Sync comes back by itself: the app core against an in-process TLS sync server that the test
// stops and starts again on the same port. With the app's own retry policy a change saved
// while the server was down leaves within a minute of the server's return, in real seconds and
// with no tap; unlocking and coming back to the foreground sync at once; the idle lock first
// sends the outbox, and locks within seconds even when the server does not answer. The status
// strip's words follow: "not sent since", never "all sent" while a change waits.

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>
#include <chrono>
#include <nlohmann/json.hpp>

#include "ui_sync_server.h"
#include "ui_test_core.h"

using namespace sitebook;
using namespace sitebook::ui;
using nlohmann::json;
using sitebook::ui::testing::TestCore;

namespace {

constexpr int kTimeout = 30000;
constexpr const char* kPin = "24681357";
using TestServer = ui::testing::SyncTestServer;

// Real time from the fixture's noon: retries and timers run in real seconds, while the date
// stays the one the roster and the server's session are on.
class RunningClock final : public Clock {
public:
    RunningClock() { started_.start(); }
    UnixMillis nowMillis() const override { return ui::testing::kFixtureNoon + started_.elapsed(); }

private:
    QElapsedTimer started_;
};

struct RealTimeInputs {
    RunningClock clock;
    SeededRandom random{20260106};
};

// The app core as main.cpp builds it (production sync and retry policies), on a running clock.
struct RealTimeCore : RealTimeInputs, AppModels {
    explicit RealTimeCore(const std::filesystem::path& dir)
        : AppModels(ui::testing::testConfig(dir), clock, random, nullptr) {
        app.setCoverEnabled(false);
    }
};

// A TCP listener that accepts connections and never answers: a server that hangs.
class SilentServer : public QTcpServer {
public:
    bool listenOn(int port) { return listen(QHostAddress::LocalHost, static_cast<quint16>(port)); }

protected:
    void incomingConnection(qintptr handle) override {
        auto* socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
    }
};

}  // namespace

class UiSyncResumeTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<sitebook::testing::TempDir> dir_;
    std::unique_ptr<TestServer> server_;
    TestServer::Seed seed_;

    template <typename Core>
    void signIn(Core& core) {
        core.app.setUseServer(true);
        core.app.setServerAddress(server_->address());
        core.app.setCaFile(server_->caFile());
        core.app.start();
        QTRY_COMPARE(core.app.state(), AppController::FirstRun);
        core.app.signIn(QStringLiteral("sam"), QString::fromLatin1(ui::testing::kSyncTestPassword));
        QTRY_VERIFY_WITH_TIMEOUT(!core.app.needsSignIn(), kTimeout);
        QVERIFY2(core.app.message().isEmpty(), qPrintable(core.app.message()));
        QSignalSpy synced(&core.sync, &SyncController::finished);
        core.app.createPin(QString::fromLatin1(kPin), QString::fromLatin1(kPin));
        QTRY_COMPARE_WITH_TIMEOUT(core.app.state(), AppController::Unlocked, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(synced.count() >= 1, kTimeout);
        QVERIFY2(core.sync.errorText().isEmpty(), qPrintable(core.sync.errorText()));
        QTRY_VERIFY_WITH_TIMEOUT(!core.sync.running(), kTimeout);
    }

    template <typename Core>
    static void recordAbsence(Core& core, const std::string& appointmentId) {
        core.record.load(QString::fromStdString(appointmentId));
        QTRY_VERIFY_WITH_TIMEOUT(core.record.loaded(), kTimeout);
        core.record.setProperty("outcomeCode", QStringLiteral("UACP"));
        QSignalSpy saved(&core.record, &RecordController::saved);
        core.record.save();
        QVERIFY2(saved.wait(kTimeout), qPrintable(core.record.errorSummary()));
        QTRY_COMPARE_WITH_TIMEOUT(core.sync.pending(), 1, kTimeout);
    }

    // The outcome code the server holds for an appointment ("" if none).
    std::string serverOutcome(const std::string& appointmentId) {
        const json o = server_->entity(server::EntityType::AppointmentOutcome, appointmentId);
        if (!o.is_object())
            return {};
        if (o.contains("outcome") && o["outcome"].is_object())
            return o["outcome"].value("code", std::string());
        return o.value("code", std::string());
    }

    // "Sync now" while the server is down: the attempt fails and the strip says so.
    static void failedAttempt(TestCore& core) {
        QSignalSpy finished(&core.sync, &SyncController::finished);
        core.sync.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, kTimeout);
        QVERIFY(!core.sync.errorText().isEmpty());
        QCOMPARE(core.sync.pending(), 1);
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

    // The production policies: a retry is never more than a minute away.
    void theAppRetriesWithinAMinute() {
        RealTimeCore core(dir_->path() / "phone");
        QVERIFY(core.sync.policy().maxRetryWaitMs <= 60'000);
    }

    // The server stops, a change is saved, the server starts again: the change leaves by
    // itself, in real time, within a minute of the server's return.
    void syncResumesByItselfWhenTheServerReturns() {
        RealTimeCore core(dir_->path() / "phone");
        signIn(core);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(core.sync.allSent());

        server_->stop();
        QSignalSpy finished(&core.sync, &SyncController::finished);
        recordAbsence(core, seed_.appointmentIds[0]);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(!core.sync.allSent());
        // The debounced sync fails, and so does the next automatic retry: the strip says what
        // is not sent and since when, and offers to retry.
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 2, kTimeout);
        QVERIFY(!core.sync.errorText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(core.sync.sendFailed(), kTimeout);
        // (No translator in tests: the English plural comes from sitebook_en.ts in the app.)
        QVERIFY2(core.sync.queueText().startsWith(QStringLiteral("1 change")) &&
                     core.sync.queueText().endsWith(QStringLiteral(" not sent since 12:00")),
                 qPrintable(core.sync.queueText()));
        QVERIFY(!core.sync.allSent());
        QVERIFY(core.sync.errorSummary().contains(QStringLiteral("could not be reached")));
        // The app keeps trying by itself while the server is down; the backoff grows.
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 4, kTimeout);
        const auto retries = finished.count();
        QVERIFY(serverOutcome(seed_.appointmentIds[0]).empty());

        QVERIFY(server_->restart());
        QElapsedTimer back;
        back.start();
        QTRY_COMPARE_WITH_TIMEOUT(core.sync.pending(), 0, 60'000);
        QTRY_VERIFY_WITH_TIMEOUT(!core.sync.running(), kTimeout);
        qInfo("sent %lld ms after the server returned (%lld attempts while it was down)",
              static_cast<long long>(back.elapsed()), static_cast<long long>(retries));
        QVERIFY(back.elapsed() <= 60'000);
        QCOMPARE(serverOutcome(seed_.appointmentIds[0]), std::string("UACP"));
        QVERIFY(core.sync.errorText().isEmpty());
        QVERIFY(core.sync.allSent());
        QCOMPARE(core.sync.queueText(), QStringLiteral("All changes are sent"));
    }

    // The clock stands still here, so no backoff ever ends: only the events sync.
    void comingBackToTheForegroundSyncsAtOnce() {
        TestCore core(dir_->path() / "phone");
        signIn(core);
        QVERIFY(!QTest::currentTestFailed());
        server_->stop();
        recordAbsence(core, seed_.appointmentIds[0]);
        failedAttempt(core);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(server_->restart());

        core.app.setApplicationActive(false);
        QSignalSpy finished(&core.sync, &SyncController::finished);
        core.app.setApplicationActive(true);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(core.sync.pending(), 0, kTimeout);
        QCOMPARE(serverOutcome(seed_.appointmentIds[0]), std::string("UACP"));
    }

    void unlockingSyncsAtOnce() {
        TestCore core(dir_->path() / "phone");
        signIn(core);
        QVERIFY(!QTest::currentTestFailed());
        server_->stop();
        recordAbsence(core, seed_.appointmentIds[0]);
        failedAttempt(core);
        QVERIFY(!QTest::currentTestFailed());
        core.app.lock();
        QTRY_COMPARE(core.app.state(), AppController::Locked);
        QVERIFY(server_->restart());

        QSignalSpy finished(&core.sync, &SyncController::finished);
        core.app.unlock(QString::fromLatin1(kPin));
        QTRY_COMPARE_WITH_TIMEOUT(core.app.state(), AppController::Unlocked, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(core.sync.pending(), 0, kTimeout);
        QCOMPARE(serverOutcome(seed_.appointmentIds[0]), std::string("UACP"));
    }

    // A change saved just before the idle lock is sent before the store closes (no sync can
    // run while locked: the data key is not in memory).
    void theIdleLockSendsTheOutboxFirst() {
        TestCore core(dir_->path() / "phone");
        signIn(core);
        QVERIFY(!QTest::currentTestFailed());
        recordAbsence(core, seed_.appointmentIds[0]);  // the clock stands still: no debounce
        QVERIFY(!QTest::currentTestFailed());
        QSignalSpy locked(&core.app, &AppController::lockedForInactivity);
        core.app.setLockAfterSeconds(1);
        core.app.noteActivity();
        QVERIFY(locked.wait(kTimeout));
        QCOMPARE(core.app.state(), AppController::Locked);
        QCOMPARE(serverOutcome(seed_.appointmentIds[0]), std::string("UACP"));
    }

    // A server that accepts the connection and never answers holds the lock back a few
    // seconds at most (a call's deadline is 20 s), and the store closes under no sync.
    void theIdleLockIsNotHeldBackByASilentServer() {
        TestCore core(dir_->path() / "phone");
        signIn(core);
        QVERIFY(!QTest::currentTestFailed());
        const int port = server_->port();
        server_->stop();
        SilentServer silent;
        QVERIFY(silent.listenOn(port));
        recordAbsence(core, seed_.appointmentIds[0]);
        QVERIFY(!QTest::currentTestFailed());

        QSignalSpy locked(&core.app, &AppController::lockedForInactivity);
        QSignalSpy closed(&core.storage, &StorageClient::closed);
        core.app.setLockAfterSeconds(1);
        QElapsedTimer idle;
        idle.start();
        core.app.noteActivity();
        QVERIFY(locked.wait(kTimeout));
        const qint64 lockedAfter = idle.elapsed();
        QVERIFY(closed.count() >= 1 || closed.wait(kTimeout));
        const qint64 closedAfter = idle.elapsed();
        qInfo("locked %lld ms and closed %lld ms after the last input (lock after 1 s)",
              static_cast<long long>(lockedAfter), static_cast<long long>(closedAfter));
        QVERIFY(lockedAfter <= 1'000 + 5'000 + 2'000);
        QVERIFY(closedAfter <= 1'000 + 5'000 + 3'000);
        QCOMPARE(core.app.state(), AppController::Locked);

        // The change is still waiting, and leaves after the next unlock once the server is back.
        silent.close();
        QVERIFY(server_->restart());
        core.app.unlock(QString::fromLatin1(kPin));
        QTRY_COMPARE_WITH_TIMEOUT(core.app.state(), AppController::Unlocked, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(core.sync.pending(), 0, kTimeout);
        QCOMPARE(serverOutcome(seed_.appointmentIds[0]), std::string("UACP"));
    }
};

QTEST_GUILESS_MAIN(UiSyncResumeTest)
#include "ui_sync_resume_test.moc"
