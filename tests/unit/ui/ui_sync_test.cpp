// The app core against a real sync server: an in-process SyncServer with the real
// PersonReconciler over TLS on 127.0.0.1 (CA and certificate made for the test). A supervisor
// signs in, records outcomes offline and syncs when the connection returns; an officer signs in
// on a second data dir and sees the derived RO item and progress; a change the server refuses
// shows in the needs-attention list and can be discarded, or corrected and resubmitted (an
// outcome, work undertaken, a skill, a case note, an enforcement decision); when the server
// ends the sign-in the app asks for the password again and nothing local is lost.

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QtTest>
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
constexpr const char* kPassword = ui::testing::kSyncTestPassword;

using TestServer = ui::testing::SyncTestServer;

}  // namespace

class UiSyncTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<sitebook::testing::TempDir> dir_;
    std::unique_ptr<TestServer> server_;
    TestServer::Seed seed_;
    std::string supervisorId_;
    std::string officerId_;
    std::int64_t coresMade_ = 0;

    // A device core on its own data dir, signed in as `username` with kPin and unlocked, its
    // first sync done. Test devices share a seeded random source, so a second device of the
    // same user runs its clock `clockAheadMillis` ahead to get ids of its own.
    std::unique_ptr<TestCore> signedInCore(const std::string& name, const QString& username,
                                           std::int64_t clockAheadMillis = 0) {
        const auto dir = dir_->path() / name;
        std::filesystem::create_directories(dir);
        auto core = std::make_unique<TestCore>(dir, ui::testing::testConfig(dir));
        // Each core a millisecond further on: devices of different users get ids of their own
        // (the server never lets one user's device id sign in as another user).
        core->clock.advance(clockAheadMillis + coresMade_++);
        core->app.setUseServer(true);
        core->app.setServerAddress(server_->address());
        core->app.setCaFile(server_->caFile());
        core->app.start();
        [&] {
            QTRY_COMPARE(core->app.state(), AppController::FirstRun);
            QVERIFY(core->app.needsSignIn());
            QSignalSpy signedIn(&core->app, &AppController::signInChanged);
            core->app.signIn(username, QString::fromLatin1(kPassword));
            QTRY_VERIFY_WITH_TIMEOUT(!core->app.needsSignIn(), kTimeout);
            QVERIFY2(core->app.message().isEmpty(), qPrintable(core->app.message()));
            QSignalSpy synced(&core->sync, &SyncController::finished);
            core->app.createPin(QString::fromLatin1(kPin), QString::fromLatin1(kPin));
            QTRY_COMPARE_WITH_TIMEOUT(core->app.state(), AppController::Unlocked, kTimeout);
            QVERIFY(core->sync.configured());
            // The first sync starts by itself once the store is open.
            QTRY_VERIFY_WITH_TIMEOUT(synced.count() >= 1, kTimeout);
            QVERIFY2(core->sync.errorText().isEmpty(), qPrintable(core->sync.errorText()));
        }();
        return core;
    }

    // The device id a core's data dir was set up with (device.json, no secrets).
    static std::string deviceIdOf(const std::filesystem::path& dir) {
        QFile file(QString::fromStdString((dir / "device.json").string()));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return json::parse(file.readAll().toStdString(), nullptr, false)
            .value("device_id", std::string());
    }

    // Records UACP for the first appointment after the project went to another supervisor;
    // the sync refuses it and it shows in the needs-attention list.
    void refuseAnOutcome(TestCore& sam) {
        sam.sync.setReachable(false);
        const std::string other = server_->addUser("kim", server::Role::Supervisor);
        QVERIFY(server_->put(server::EntityType::Project, seed_.projectId,
                             TestServer::project(seed_, other)));
        record(sam, seed_.appointmentIds[0], QStringLiteral("UACP"));
        QTRY_COMPARE_WITH_TIMEOUT(sam.app.pendingCount(), 1, kTimeout);
        QSignalSpy finished(&sam.sync, &SyncController::finished);
        sam.sync.setReachable(true);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(sam.sync.needsAttention(), 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(sam.attention.count(), 1, kTimeout);
    }

    // With no signal, the project goes to another supervisor and sam records the first
    // appointment in full: attended, work undertaken, a skill and a case note. The sync refuses
    // all four and they show in the needs-attention list; then the project comes back and the
    // next sync restores it on the phone, ready for the corrections.
    void refuseAVisit(TestCore& sam) {
        sam.sync.setReachable(false);
        const std::string other = server_->addUser("kim", server::Role::Supervisor);
        QVERIFY(server_->put(server::EntityType::Project, seed_.projectId,
                             TestServer::project(seed_, other)));
        RecordController& r = sam.record;
        r.load(QString::fromStdString(seed_.appointmentIds[0]));
        QTRY_VERIFY_WITH_TIMEOUT(r.loaded(), kTimeout);
        r.setProperty("outcomeCode", QStringLiteral("ATTC"));
        r.setProperty("arrival", QStringLiteral("09:00"));
        r.setProperty("finish", QStringLiteral("16:00"));
        r.setProperty("workQuality", QStringLiteral("GOOD"));
        r.setProperty("behaviour", QStringLiteral("GOOD"));
        r.setProperty("workCategory", QStringLiteral("litter_clean_up"));
        r.setProperty("workDescription", QStringLiteral("Cleared brambles along the river path"));
        r.setProperty("workQuantity", QStringLiteral("12"));
        r.setProperty("workUnit", QStringLiteral("bags"));
        const int teamwork = skillRow(r, QStringLiteral("teamwork"));
        QVERIFY(teamwork >= 0);
        r.skills()->setSelected(teamwork, true);
        r.skills()->setLevel(teamwork, QStringLiteral("practising"));
        r.setProperty("noteText", QStringLiteral("Asked about the forklift course"));
        QSignalSpy saved(&r, &RecordController::saved);
        r.save();
        QVERIFY2(saved.wait(kTimeout), qPrintable(r.errorSummary()));
        QTRY_COMPARE_WITH_TIMEOUT(sam.app.pendingCount(), 4, kTimeout);

        QSignalSpy finished(&sam.sync, &SyncController::finished);
        sam.sync.setReachable(true);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(sam.sync.needsAttention(), 4, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(sam.attention.count(), 4, kTimeout);
        QCOMPARE(sam.sync.pending(), 0);

        QVERIFY(server_->put(server::EntityType::Project, seed_.projectId,
                             TestServer::project(seed_, supervisorId_)));
        syncNow(sam);
        QCOMPARE(sam.sync.needsAttention(), 4);
    }

    static int skillRow(RecordController& r, const QString& skill) {
        for (int row = 0; row < r.skills()->rowCount(); ++row) {
            if (r.skills()->index(row).data(SkillModel::SkillRole).toString() == skill)
                return row;
        }
        return -1;
    }

    // The needs-attention row of a refused change of `kind`, or -1.
    static int attentionRow(TestCore& core, const QString& kind) {
        for (int row = 0; row < core.attention.count(); ++row) {
            if (core.attention.index(row).data(AttentionModel::KindRole).toString() == kind)
                return row;
        }
        return -1;
    }

    // Discards every refused change except the one of `kind`.
    static void discardAllBut(TestCore& core, const QString& kind) {
        while (core.attention.count() > 1) {
            const int keep = attentionRow(core, kind);
            QVERIFY(keep >= 0);
            const int count = core.attention.count();
            const QString opId =
                core.attention.index(keep == 0 ? 1 : 0).data(AttentionModel::OpIdRole).toString();
            QSignalSpy discarded(&core.attention, &AttentionModel::discarded);
            core.attention.discard(opId, QStringLiteral("Corrected separately"));
            QVERIFY2(discarded.wait(kTimeout), qPrintable(core.attention.error()));
            QTRY_COMPARE_WITH_TIMEOUT(core.attention.count(), count - 1, kTimeout);
        }
        QCOMPARE(attentionRow(core, kind), 0);
    }

    // Opens the refused change of the only needs-attention row in the record form and checks
    // that it shows the part `part` alone with the server's reason. Returns the change's id.
    static QString openCorrection(TestCore& core, const QString& part) {
        const QModelIndex i = core.attention.index(0);
        [&] {
            QVERIFY(i.data(AttentionModel::CorrectableRole).toBool());
            QVERIFY(!i.data(AttentionModel::MessageRole).toString().isEmpty());
        }();
        const QString reason = i.data(AttentionModel::MessageRole).toString();
        RecordController& r = core.record;
        r.loadCorrection(i.data(AttentionModel::OpIdRole).toString(),
                         i.data(AttentionModel::AppointmentIdRole).toString(), reason);
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(r.loaded() && !r.busy(), kTimeout);
            QVERIFY(r.correcting());
            QCOMPARE(r.correctionReason(), reason);
            QCOMPARE(r.correctionPart(), part);
        }();
        return i.data(AttentionModel::OpIdRole).toString();
    }

    // A correction the domain refuses: the field's error, and the change stays in the list.
    static void expectRefusedCorrection(TestCore& core, const QString& field) {
        RecordController& r = core.record;
        r.save();
        QTRY_VERIFY_WITH_TIMEOUT(!r.busy() && !r.errors().isEmpty(), kTimeout);
        QVERIFY2(r.errors().contains(field), qPrintable(r.errorSummary()));
        QVERIFY(r.correcting());
        core.attention.reload();
        QTRY_COMPARE_WITH_TIMEOUT(core.attention.count(), 1, kTimeout);
        QCOMPARE(core.app.pendingCount(), 0);
    }

    // Resubmits the corrected change: it leaves the list, waits to be sent, and the next sync
    // delivers it (nothing pending, nothing refused).
    static void resubmitAndSync(TestCore& core) {
        RecordController& r = core.record;
        QSignalSpy saved(&r, &RecordController::saved);
        r.save();
        QVERIFY2(saved.wait(kTimeout), qPrintable(r.errorSummary()));
        QVERIFY(!r.correcting());
        QTRY_COMPARE_WITH_TIMEOUT(core.attention.count(), 0, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(core.app.pendingCount(), 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(core.sync.needsAttention(), 0, kTimeout);
        syncNow(core);
        QTRY_COMPARE_WITH_TIMEOUT(core.app.pendingCount(), 0, kTimeout);
        QCOMPARE(core.sync.needsAttention(), 0);
        QCOMPARE(core.attention.count(), 0);
    }

    // Runs "Sync now" and waits for it to finish.
    static void syncNow(TestCore& core) {
        QTRY_VERIFY_WITH_TIMEOUT(!core.sync.running(), kTimeout);
        QSignalSpy finished(&core.sync, &SyncController::finished);
        core.sync.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, kTimeout);
        QVERIFY2(core.sync.errorText().isEmpty(), qPrintable(core.sync.errorText()));
    }

    static void record(TestCore& core, const std::string& appointmentId, const QString& code) {
        core.record.load(QString::fromStdString(appointmentId));
        QTRY_VERIFY_WITH_TIMEOUT(core.record.loaded(), kTimeout);
        RecordController& r = core.record;
        r.setProperty("outcomeCode", code);
        if (code == QLatin1String("ATTC")) {
            r.setProperty("arrival", QStringLiteral("09:00"));
            r.setProperty("finish", QStringLiteral("16:00"));
            r.setProperty("workQuality", QStringLiteral("GOOD"));
            r.setProperty("behaviour", QStringLiteral("GOOD"));
        }
        QSignalSpy saved(&r, &RecordController::saved);
        r.save();
        QVERIFY2(saved.wait(kTimeout), qPrintable(r.errorSummary()));
    }

private slots:
    void init() {
        dir_ = std::make_unique<sitebook::testing::TempDir>();
        server_ = std::make_unique<TestServer>(dir_->path());
        QVERIFY(server_->start());
        supervisorId_ = server_->addUser("sam", server::Role::Supervisor);
        officerId_ = server_->addUser("olu", server::Role::Officer);
        QVERIFY(!supervisorId_.empty() && !officerId_.empty());
        QVERIFY(server_->seed(supervisorId_, officerId_, seed_));
    }

    void cleanup() {
        server_.reset();
        dir_.reset();
    }

    void wrongPasswordIsRefusedWithoutAPin() {
        const auto dir = dir_->path() / "phone";
        TestCore core(dir, ui::testing::testConfig(dir));
        core.app.setUseServer(true);
        core.app.setServerAddress(server_->address());
        core.app.setCaFile(server_->caFile());
        core.app.start();
        QTRY_COMPARE(core.app.state(), AppController::FirstRun);
        core.app.signIn(QStringLiteral("sam"), QStringLiteral("not the password"));
        QVERIFY(core.app.busy());
        QTRY_VERIFY_WITH_TIMEOUT(!core.app.busy(), kTimeout);
        QCOMPARE(core.app.messageField(), QStringLiteral("password"));
        QVERIFY(core.app.needsSignIn());
    }

    void supervisorSyncsOfflineWorkAndTheOfficerSeesTheResult() {
        auto sam = signedInCore("sam-phone", QStringLiteral("sam"));
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(sam->app.role(), QStringLiteral("supervisor"));
        QVERIFY(!sam->app.officer());
        QTRY_COMPARE_WITH_TIMEOUT(sam->sessions.count(), 1, kTimeout);
        QVERIFY(!sam->sync.lastSyncedText().contains(QStringLiteral("Never")));

        // No signal: both outcomes wait on the phone.
        sam->sync.setReachable(false);
        QVERIFY(sam->sync.stateText().contains(QStringLiteral("Offline")));
        record(*sam, seed_.appointmentIds[0], QStringLiteral("UACP"));
        record(*sam, seed_.appointmentIds[1], QStringLiteral("ATTC"));
        QTRY_COMPARE_WITH_TIMEOUT(sam->app.pendingCount(), 2, kTimeout);
        QTRY_COMPARE(sam->sync.pending(), 2);

        // Signal returns: the sync runs by itself and the queue empties.
        QSignalSpy finished(&sam->sync, &SyncController::finished);
        sam->sync.setReachable(true);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, kTimeout);
        QVERIFY2(sam->sync.errorText().isEmpty(), qPrintable(sam->sync.errorText()));
        QTRY_COMPARE_WITH_TIMEOUT(sam->app.pendingCount(), 0, kTimeout);
        QCOMPARE(sam->sync.pending(), 0);
        QCOMPARE(sam->sync.needsAttention(), 0);

        // The officer's device receives the progress and the enforcement item.
        auto olu = signedInCore("olu-tablet", QStringLiteral("olu"));
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(olu->app.officer());
        QAbstractItemModelTester caseloadTester(
            &olu->caseload, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester inboxTester(
            &olu->inbox, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(olu->caseload.count(), 1, kTimeout);
        const QModelIndex line = olu->caseload.index(0);
        QCOMPARE(line.data(CaseloadModel::NameRole).toString(), QStringLiteral("Smith, Alex"));
        QCOMPARE(line.data(CaseloadModel::RequiredMinutesRole).toInt(), 6000);
        QCOMPARE(line.data(CaseloadModel::CreditedMinutesRole).toInt(), 7 * 60);
        // The enforcement item for the unacceptable absence (and the reconciler's others, e.g.
        // the missing feedback), all counted on the caseload line.
        QTRY_VERIFY_WITH_TIMEOUT(olu->inbox.count() >= 1, kTimeout);
        QCOMPARE(line.data(CaseloadModel::OpenItemsRole).toInt(), olu->inbox.count());
        const auto rowOfKind = [&olu](const QString& kind) {
            for (int row = 0; row < olu->inbox.count(); ++row) {
                if (olu->inbox.index(row).data(InboxModel::KindRole).toString() == kind)
                    return row;
            }
            return -1;
        };
        const int enforcementRow = rowOfKind(QStringLiteral("enforcement_due"));
        QVERIFY(enforcementRow >= 0);
        const QModelIndex item = olu->inbox.index(enforcementRow);
        QCOMPARE(item.data(InboxModel::AppointmentIdRole).toString(),
                 QString::fromStdString(seed_.appointmentIds[0]));
        QCOMPARE(item.data(InboxModel::PersonNameRole).toString(), QStringLiteral("Smith, Alex"));
        QVERIFY(!item.data(InboxModel::DueTextRole).toString().isEmpty());
        const int itemsBefore = olu->inbox.count();

        // The officer records a warning; once synced the item goes away.
        QSignalSpy decided(&olu->person, &PersonController::decisionSaved);
        olu->person.load(QString::fromStdString(seed_.personId));
        QTRY_COMPARE(olu->person.items().size(), itemsBefore);
        olu->person.recordDecision(QString::fromStdString(seed_.appointmentIds[0]),
                                   QStringLiteral("warning_issued"), QStringLiteral("First"));
        QVERIFY2(decided.wait(kTimeout), qPrintable(olu->person.decisionError()));
        syncNow(*olu);
        QTRY_COMPARE_WITH_TIMEOUT(olu->app.pendingCount(), 0, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(olu->inbox.count(), itemsBefore - 1, kTimeout);
        QCOMPARE(rowOfKind(QStringLiteral("enforcement_due")), -1);
        QTRY_COMPARE(olu->caseload.index(0).data(CaseloadModel::OpenItemsRole).toInt(),
                     itemsBefore - 1);
        QTRY_COMPARE(olu->person.decisions().size(), 1);
    }

    void refusedChangeNeedsAttentionAndCanBeDiscarded() {
        auto sam = signedInCore("sam-phone", QStringLiteral("sam"));
        QVERIFY(!QTest::currentTestFailed());
        QAbstractItemModelTester tester(&sam->attention,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Meanwhile the project was given to another supervisor.
        refuseAnOutcome(*sam);
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(sam->sync.pending(), 0);
        const QModelIndex i = sam->attention.index(0);
        QVERIFY(i.data(AttentionModel::SummaryRole)
                    .toString()
                    .startsWith(QStringLiteral("Attendance outcome")));
        QVERIFY(!i.data(AttentionModel::MessageRole).toString().isEmpty());

        QSignalSpy discarded(&sam->attention, &AttentionModel::discarded);
        sam->attention.discard(i.data(AttentionModel::OpIdRole).toString(),
                               QStringLiteral("Recorded on the wrong phone"));
        QVERIFY2(discarded.wait(kTimeout), qPrintable(sam->attention.error()));
        QTRY_COMPARE_WITH_TIMEOUT(sam->attention.count(), 0, kTimeout);
        QVERIFY(sam->attention.error().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(sam->sync.needsAttention(), 0, kTimeout);
    }

    // After a reallocation the download purges the person and the session from the phone; the
    // refused change still names them (from the device's own copy of the change), says what
    // was refused, explains why it cannot be corrected and offers no correction form.
    void refusedChangeAfterAReallocationIsNamedAndExplained() {
        auto sam = signedInCore("sam-phone", QStringLiteral("sam"));
        QVERIFY(!QTest::currentTestFailed());
        QAbstractItemModelTester tester(&sam->attention,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        refuseAnOutcome(*sam);
        QVERIFY(!QTest::currentTestFailed());
        QTRY_COMPARE_WITH_TIMEOUT(sam->sessions.count(), 0, kTimeout);  // purged
        const QModelIndex i = sam->attention.index(0);
        QCOMPARE(i.data(AttentionModel::PersonNameRole).toString(),
                 QStringLiteral("Smith, Alex (X123456)"));
        const QString session = i.data(AttentionModel::SessionTextRole).toString();
        QVERIFY2(session.startsWith(QStringLiteral("Riverside clean-up, Mon 5 Jan 2026")),
                 qPrintable(session));
        QVERIFY2(session.endsWith(QStringLiteral("09:00–16:00")), qPrintable(session));
        QCOMPARE(i.data(AttentionModel::RefusedTextRole).toString(),
                 QStringLiteral("Outcome: Unacceptable Absence"));
        QVERIFY(
            i.data(AttentionModel::SummaryRole).toString().contains(QStringLiteral("Smith, Alex")));
        QVERIFY(!i.data(AttentionModel::CorrectableRole).toBool());
        QVERIFY(i.data(AttentionModel::BlockedReasonRole)
                    .toString()
                    .contains(QStringLiteral("supervised by someone else")));
        // The strip never says all is well beside a refused change.
        QVERIFY(!sam->sync.allSent());
        QVERIFY2(sam->sync.queueText().startsWith(QStringLiteral("1 change")) &&
                     sam->sync.queueText().endsWith(QStringLiteral(" not accepted by the server")),
                 qPrintable(sam->sync.queueText()));

        // Still named after the app was locked and unlocked (read back from the store).
        sam->app.lock();
        QTRY_COMPARE(sam->app.state(), AppController::Locked);
        sam->app.unlock(QString::fromLatin1(kPin));
        QTRY_COMPARE_WITH_TIMEOUT(sam->app.state(), AppController::Unlocked, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(sam->attention.count(), 1, kTimeout);
        QCOMPARE(sam->attention.index(0).data(AttentionModel::PersonNameRole).toString(),
                 QStringLiteral("Smith, Alex (X123456)"));
    }

    void refusedOutcomeIsCorrectedAndResubmitted() {
        auto sam = signedInCore("sam-phone", QStringLiteral("sam"));
        QVERIFY(!QTest::currentTestFailed());
        QAbstractItemModelTester tester(&sam->attention,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        refuseAnOutcome(*sam);
        QVERIFY(!QTest::currentTestFailed());
        const QModelIndex i = sam->attention.index(0);
        // While the project is someone else's, the server would refuse any correction: the
        // item says so instead of offering one.
        QVERIFY(!i.data(AttentionModel::CorrectableRole).toBool());
        QVERIFY(!i.data(AttentionModel::BlockedReasonRole).toString().isEmpty());
        QCOMPARE(i.data(AttentionModel::AppointmentIdRole).toString(),
                 QString::fromStdString(seed_.appointmentIds[0]));
        const QString opId = i.data(AttentionModel::OpIdRole).toString();
        const QString reason = i.data(AttentionModel::MessageRole).toString();

        // The project comes back to sam; the next sync restores it on the phone, and the
        // change can be corrected.
        QVERIFY(server_->put(server::EntityType::Project, seed_.projectId,
                             TestServer::project(seed_, supervisorId_)));
        syncNow(*sam);
        QCOMPARE(sam->sync.needsAttention(), 1);
        sam->attention.reload();
        QTRY_VERIFY_WITH_TIMEOUT(
            sam->attention.index(0).data(AttentionModel::CorrectableRole).toBool(), kTimeout);
        QVERIFY(
            sam->attention.index(0).data(AttentionModel::BlockedReasonRole).toString().isEmpty());

        // The form opens with what was refused and the server's reason.
        RecordController& r = sam->record;
        r.loadCorrection(opId, QString::fromStdString(seed_.appointmentIds[0]), reason);
        QTRY_VERIFY_WITH_TIMEOUT(r.loaded(), kTimeout);
        QVERIFY(r.correcting());
        QCOMPARE(r.correctionReason(), reason);
        QCOMPARE(r.property("outcomeCode").toString(), QStringLiteral("UACP"));

        // A correction the domain refuses keeps the refused change where it was.
        r.setProperty("outcomeCode", QStringLiteral("ATTC"));
        r.setProperty("arrival", QStringLiteral("09:00"));
        r.setProperty("finish", QStringLiteral("16:00"));
        r.setProperty("behaviour", QStringLiteral("GOOD"));
        QSignalSpy errors(&r, &RecordController::errorsChanged);
        r.save();
        QTRY_VERIFY_WITH_TIMEOUT(!r.busy() && !r.errors().isEmpty(), kTimeout);
        QVERIFY(r.errors().contains(QStringLiteral("outcome.work_quality")));
        sam->attention.reload();
        QTRY_COMPARE_WITH_TIMEOUT(sam->attention.count(), 1, kTimeout);
        QCOMPARE(sam->app.pendingCount(), 0);

        // Corrected: one new change waits to be sent and the refused one has left the list.
        r.setProperty("workQuality", QStringLiteral("GOOD"));
        r.setProperty("feedbackProgress", QStringLiteral("Settled in well after a late start"));
        QSignalSpy saved(&r, &RecordController::saved);
        r.save();
        QVERIFY2(saved.wait(kTimeout), qPrintable(r.errorSummary()));
        QVERIFY(!r.correcting());
        QTRY_COMPARE_WITH_TIMEOUT(sam->attention.count(), 0, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(sam->app.pendingCount(), 2, kTimeout);  // outcome + feedback
        QTRY_COMPARE_WITH_TIMEOUT(sam->sync.needsAttention(), 0, kTimeout);

        // The server accepts the corrected outcome.
        syncNow(*sam);
        QTRY_COMPARE_WITH_TIMEOUT(sam->app.pendingCount(), 0, kTimeout);
        QCOMPARE(sam->sync.needsAttention(), 0);
        sam->roster.setSessionId(QString::fromStdString(seed_.sessionId));
        QTRY_COMPARE_WITH_TIMEOUT(sam->roster.count(), 2, kTimeout);
        QCOMPARE(sam->roster.line(QString::fromStdString(seed_.appointmentIds[0]))
                     .value(QStringLiteral("outcomeCode"))
                     .toString(),
                 QStringLiteral("ATTC"));
    }

    void refusedWorkIsCorrectedAndResubmitted() {
        auto sam = signedInCore("sam-phone", QStringLiteral("sam"));
        QVERIFY(!QTest::currentTestFailed());
        QAbstractItemModelTester tester(&sam->attention,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        refuseAVisit(*sam);
        QVERIFY(!QTest::currentTestFailed());
        discardAllBut(*sam, QStringLiteral("work_undertaken"));
        QVERIFY(!QTest::currentTestFailed());
        const QString workId = sam->attention.index(0)
                                   .data(AttentionModel::RefusedRole)
                                   .toMap()
                                   .value(QStringLiteral("id"))
                                   .toString();
        QVERIFY(!workId.isEmpty());
        QVERIFY(sam->attention.index(0)
                    .data(AttentionModel::SummaryRole)
                    .toString()
                    .startsWith(QStringLiteral("Work undertaken")));

        // The work section alone, with what was refused.
        openCorrection(*sam, QStringLiteral("work"));
        QVERIFY(!QTest::currentTestFailed());
        RecordController& r = sam->record;
        QCOMPARE(r.property("workCategory").toString(), QStringLiteral("litter_clean_up"));
        QCOMPARE(r.property("workDescription").toString(),
                 QStringLiteral("Cleared brambles along the river path"));
        QCOMPARE(r.property("workQuantity").toString(), QStringLiteral("12"));
        QCOMPARE(r.property("workUnit").toString(), QStringLiteral("bags"));

        // An amount without its unit is refused under the unit.
        r.setProperty("workUnit", QString());
        expectRefusedCorrection(*sam, QStringLiteral("work.unit"));
        QVERIFY(!QTest::currentTestFailed());

        r.setProperty("workQuantity", QStringLiteral("14"));
        r.setProperty("workUnit", QStringLiteral("sacks"));
        resubmitAndSync(*sam);
        QVERIFY(!QTest::currentTestFailed());
        const json work = server_->entity(server::EntityType::WorkUndertaken, workId.toStdString());
        QVERIFY(work.is_object());
        QCOMPARE(work.value("quantity", 0.0), 14.0);
        QCOMPARE(work.value("unit", std::string()), std::string("sacks"));
        QCOMPARE(work.value("appointment_id", std::string()), seed_.appointmentIds[0]);
    }

    void refusedSkillIsCorrectedAndResubmitted() {
        auto sam = signedInCore("sam-phone", QStringLiteral("sam"));
        QVERIFY(!QTest::currentTestFailed());
        refuseAVisit(*sam);
        QVERIFY(!QTest::currentTestFailed());
        discardAllBut(*sam, QStringLiteral("skill_observation"));
        QVERIFY(!QTest::currentTestFailed());
        const QString skillId = sam->attention.index(0)
                                    .data(AttentionModel::RefusedRole)
                                    .toMap()
                                    .value(QStringLiteral("id"))
                                    .toString();
        QVERIFY(!skillId.isEmpty());

        // The skills section alone: teamwork chosen at the refused level.
        openCorrection(*sam, QStringLiteral("skill"));
        QVERIFY(!QTest::currentTestFailed());
        RecordController& r = sam->record;
        const int teamwork = skillRow(r, QStringLiteral("teamwork"));
        QCOMPARE(r.skills()->selectedCount(), 1);
        QVERIFY(r.skills()->index(teamwork).data(SkillModel::SelectedRole).toBool());
        QCOMPARE(r.skills()->index(teamwork).data(SkillModel::LevelRole).toString(),
                 QStringLiteral("practising"));

        // No skill chosen: refused under the skill.
        r.skills()->setSelected(teamwork, false);
        expectRefusedCorrection(*sam, QStringLiteral("skill.skill"));
        QVERIFY(!QTest::currentTestFailed());

        r.skills()->setSelected(teamwork, true);
        r.skills()->setLevel(teamwork, QStringLiteral("competent"));
        resubmitAndSync(*sam);
        QVERIFY(!QTest::currentTestFailed());
        const json skill =
            server_->entity(server::EntityType::SkillObservation, skillId.toStdString());
        QVERIFY(skill.is_object());
        QCOMPARE(skill.value("skill", std::string()), std::string("teamwork"));
        QCOMPARE(skill.value("level", std::string()), std::string("competent"));
    }

    void refusedCaseNoteIsCorrectedAndResubmitted() {
        auto sam = signedInCore("sam-phone", QStringLiteral("sam"));
        QVERIFY(!QTest::currentTestFailed());
        refuseAVisit(*sam);
        QVERIFY(!QTest::currentTestFailed());
        discardAllBut(*sam, QStringLiteral("case_note"));
        QVERIFY(!QTest::currentTestFailed());
        const QString noteId = sam->attention.index(0)
                                   .data(AttentionModel::RefusedRole)
                                   .toMap()
                                   .value(QStringLiteral("id"))
                                   .toString();
        QVERIFY(!noteId.isEmpty());

        openCorrection(*sam, QStringLiteral("note"));
        QVERIFY(!QTest::currentTestFailed());
        RecordController& r = sam->record;
        QCOMPARE(r.property("noteText").toString(),
                 QStringLiteral("Asked about the forklift course"));
        QVERIFY(!r.property("noteSensitive").toBool());

        // Longer than a note may be: refused under the text.
        r.setProperty("noteText", QString(4001, QLatin1Char('x')));
        expectRefusedCorrection(*sam, QStringLiteral("note.text"));
        QVERIFY(!QTest::currentTestFailed());

        r.setProperty("noteText", QStringLiteral("Asked about the forklift course; gave the "
                                                 "college's leaflet"));
        resubmitAndSync(*sam);
        QVERIFY(!QTest::currentTestFailed());
        const json note = server_->entity(server::EntityType::CaseNote, noteId.toStdString());
        QVERIFY(note.is_object());
        QCOMPARE(note.value("text", std::string()),
                 std::string("Asked about the forklift course; gave the college's leaflet"));
        QCOMPARE(note.value("person_id", std::string()), seed_.personId);
    }

    void refusedDecisionIsCorrectedAndResubmitted() {
        // Two unacceptable absences, both synced.
        auto sam = signedInCore("sam-phone", QStringLiteral("sam"));
        QVERIFY(!QTest::currentTestFailed());
        record(*sam, seed_.appointmentIds[0], QStringLiteral("UACP"));
        record(*sam, seed_.appointmentIds[1], QStringLiteral("UACP"));
        syncNow(*sam);
        QTRY_COMPARE_WITH_TIMEOUT(sam->app.pendingCount(), 0, kTimeout);

        // The officer's tablet, offline, warns for the second absence...
        auto tablet = signedInCore("olu-tablet", QStringLiteral("olu"));
        QVERIFY(!QTest::currentTestFailed());
        tablet->sync.setReachable(false);
        tablet->person.load(QString::fromStdString(seed_.personId));
        QTRY_VERIFY_WITH_TIMEOUT(!tablet->person.busy() && !tablet->person.name().isEmpty(),
                                 kTimeout);
        QSignalSpy decided(&tablet->person, &PersonController::decisionSaved);
        tablet->person.recordDecision(QString::fromStdString(seed_.appointmentIds[1]),
                                      QStringLiteral("warning_issued"),
                                      QStringLiteral("Second absence"));
        QVERIFY2(decided.wait(kTimeout), qPrintable(tablet->person.decisionError()));

        // ...while on the office computer a warning for the first absence reaches the server.
        auto desk = signedInCore("olu-desk", QStringLiteral("olu"), 60 * 1000);
        QVERIFY(!QTest::currentTestFailed());
        QSignalSpy deskDecided(&desk->person, &PersonController::decisionSaved);
        desk->person.load(QString::fromStdString(seed_.personId));
        QTRY_VERIFY_WITH_TIMEOUT(!desk->person.busy() && !desk->person.name().isEmpty(), kTimeout);
        desk->person.recordDecision(QString::fromStdString(seed_.appointmentIds[0]),
                                    QStringLiteral("warning_issued"),
                                    QStringLiteral("First absence"));
        QVERIFY2(deskDecided.wait(kTimeout), qPrintable(desk->person.decisionError()));
        syncNow(*desk);
        QTRY_COMPARE_WITH_TIMEOUT(desk->app.pendingCount(), 0, kTimeout);

        // Back online, the tablet's second warning within 12 months is refused: the law wants
        // a breach referral.
        QSignalSpy finished(&tablet->sync, &SyncController::finished);
        tablet->sync.setReachable(true);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(tablet->sync.needsAttention(), 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(tablet->attention.count(), 1, kTimeout);
        const QModelIndex i = tablet->attention.index(0);
        QCOMPARE(i.data(AttentionModel::KindRole).toString(),
                 QStringLiteral("enforcement_decision"));
        QVERIFY(i.data(AttentionModel::CorrectableRole).toBool());
        QCOMPARE(i.data(AttentionModel::PersonIdRole).toString(),
                 QString::fromStdString(seed_.personId));
        const QVariantMap refused = i.data(AttentionModel::RefusedRole).toMap();
        QCOMPARE(refused.value(QStringLiteral("action")).toString(),
                 QStringLiteral("warning_issued"));
        const QString decisionId = refused.value(QStringLiteral("id")).toString();
        const QString reason = i.data(AttentionModel::MessageRole).toString();
        QVERIFY(!reason.isEmpty());

        // The person's page with the decision form prefilled and the server's reason.
        PersonController& person = tablet->person;
        person.loadDecisionCorrection(i.data(AttentionModel::OpIdRole).toString(),
                                      i.data(AttentionModel::PersonIdRole).toString(),
                                      i.data(AttentionModel::AppointmentIdRole).toString(),
                                      refused.value(QStringLiteral("action")).toString(),
                                      refused.value(QStringLiteral("note")).toString(), reason);
        QTRY_VERIFY_WITH_TIMEOUT(!person.busy() && !person.name().isEmpty(), kTimeout);
        QVERIFY(person.correctingDecision());
        QCOMPARE(person.correctionAppointmentId(), QString::fromStdString(seed_.appointmentIds[1]));
        QCOMPARE(person.correctionAction(), QStringLiteral("warning_issued"));
        QCOMPARE(person.correctionNote(), QStringLiteral("Second absence"));
        QCOMPARE(person.correctionReason(), reason);

        // Warning again: the tablet now knows the first warning and refuses it under the
        // decision; the change stays in the list.
        QSignalSpy failed(&person, &PersonController::decisionErrorChanged);
        person.recordDecision(person.correctionAppointmentId(), QStringLiteral("warning_issued"),
                              QStringLiteral("Second absence"));
        QTRY_VERIFY_WITH_TIMEOUT(!person.busy() && !person.decisionError().isEmpty(), kTimeout);
        QCOMPARE(person.decisionErrorField(), QStringLiteral("action"));
        QVERIFY(person.correctingDecision());
        tablet->attention.reload();
        QTRY_COMPARE_WITH_TIMEOUT(tablet->attention.count(), 1, kTimeout);
        QCOMPARE(tablet->app.pendingCount(), 0);

        // Referred for breach: resubmitted, out of the list, accepted by the server.
        QSignalSpy resubmitted(&person, &PersonController::decisionSaved);
        person.recordDecision(person.correctionAppointmentId(), QStringLiteral("refer_for_breach"),
                              QStringLiteral("Second absence within 12 months of a warning"));
        QVERIFY2(resubmitted.wait(kTimeout), qPrintable(person.decisionError()));
        QVERIFY(!person.correctingDecision());
        QTRY_COMPARE_WITH_TIMEOUT(tablet->attention.count(), 0, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(tablet->app.pendingCount(), 1, kTimeout);
        syncNow(*tablet);
        QTRY_COMPARE_WITH_TIMEOUT(tablet->app.pendingCount(), 0, kTimeout);
        QCOMPARE(tablet->sync.needsAttention(), 0);
        QCOMPARE(tablet->attention.count(), 0);
        const json decision =
            server_->entity(server::EntityType::EnforcementDecision, decisionId.toStdString());
        QVERIFY(decision.is_object());
        QCOMPARE(decision.value("action", std::string()), std::string("refer_for_breach"));
        QTRY_COMPARE_WITH_TIMEOUT(person.decisions().size(), 2, kTimeout);
    }

    // A decision made yesterday and recorded today: dated the day before (the failure's day),
    // it is saved, shows on the person's page with that date in words and is accepted by the
    // server; a date before the failure is refused at entry in the server's words and nothing
    // is queued.
    void decisionDatedYesterdayIsSavedAndShown() {
        constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;
        auto sam = signedInCore("sam-phone", QStringLiteral("sam"));
        QVERIFY(!QTest::currentTestFailed());
        record(*sam, seed_.appointmentIds[0], QStringLiteral("UACP"));  // 2026-01-05
        syncNow(*sam);
        QTRY_COMPARE_WITH_TIMEOUT(sam->app.pendingCount(), 0, kTimeout);

        // The next day, on the officer's tablet.
        server_->advance(kDay);
        auto tablet = signedInCore("olu-tablet", QStringLiteral("olu"), kDay);
        QVERIFY(!QTest::currentTestFailed());
        PersonController& person = tablet->person;
        person.load(QString::fromStdString(seed_.personId));
        QTRY_VERIFY_WITH_TIMEOUT(!person.busy() && !person.name().isEmpty(), kTimeout);
        QCOMPARE(person.ukToday(), QStringLiteral("2026-01-06"));
        const QString appointment = QString::fromStdString(seed_.appointmentIds[0]);

        QSignalSpy failed(&person, &PersonController::decisionErrorChanged);
        person.recordDecision(appointment, QStringLiteral("warning_issued"),
                              QStringLiteral("First absence"),
                              person.addDays(person.ukToday(), -2));
        QTRY_VERIFY_WITH_TIMEOUT(!person.busy() && !person.decisionError().isEmpty(), kTimeout);
        QCOMPARE(person.decisionErrorField(), QStringLiteral("decided_on"));
        QCOMPARE(person.decisionError(),
                 QStringLiteral("The decision date 4 January 2026 is before the appointment it "
                                "answers, on 5 January 2026. Enter the date the decision was "
                                "made, on or after 5 January 2026."));
        QCOMPARE(tablet->app.pendingCount(), 0);
        QVERIFY(person.decisions().isEmpty());

        QSignalSpy decided(&person, &PersonController::decisionSaved);
        const QString yesterday = person.addDays(person.ukToday(), -1);
        person.recordDecision(appointment, QStringLiteral("warning_issued"),
                              QStringLiteral("First absence"), yesterday);
        QVERIFY2(decided.wait(kTimeout), qPrintable(person.decisionError()));
        QTRY_COMPARE_WITH_TIMEOUT(person.decisions().size(), 1, kTimeout);
        const QVariantMap shown = person.decisions().at(0).toMap();
        QCOMPARE(shown.value(QStringLiteral("decidedOn")).toString(), QStringLiteral("2026-01-05"));
        QCOMPARE(shown.value(QStringLiteral("decidedOnText")).toString(),
                 QStringLiteral("5 January 2026"));

        syncNow(*tablet);
        QTRY_COMPARE_WITH_TIMEOUT(tablet->app.pendingCount(), 0, kTimeout);
        QCOMPARE(tablet->sync.needsAttention(), 0);
        const json decision =
            server_->entity(server::EntityType::EnforcementDecision,
                            shown.value(QStringLiteral("id")).toString().toStdString());
        QVERIFY(decision.is_object());
        QCOMPARE(decision.value("decided_on", std::string()), std::string("2026-01-05"));
    }

    void refusedAcceptableAbsenceIsCorrectedWithItsCodeAndEvidence() {
        const std::string appointment = seed_.appointmentIds[0];
        auto sam = signedInCore("sam-phone", QStringLiteral("sam"));
        QVERIFY(!QTest::currentTestFailed());
        record(*sam, appointment, QStringLiteral("UACP"));
        syncNow(*sam);
        QTRY_COMPARE_WITH_TIMEOUT(sam->app.pendingCount(), 0, kTimeout);

        // The officer's tablet, offline, judges the absence acceptable...
        auto tablet = signedInCore("olu-tablet", QStringLiteral("olu"));
        QVERIFY(!QTest::currentTestFailed());
        tablet->sync.setReachable(false);
        tablet->person.load(QString::fromStdString(seed_.personId));
        QTRY_VERIFY_WITH_TIMEOUT(!tablet->person.busy() && !tablet->person.name().isEmpty(),
                                 kTimeout);
        QSignalSpy decided(&tablet->person, &PersonController::decisionSaved);
        tablet->person.recordAbsenceAcceptable(QString::fromStdString(appointment),
                                               QStringLiteral("AAME"),
                                               QStringLiteral("GP fit note dated 31 December"));
        QVERIFY2(decided.wait(kTimeout), qPrintable(tablet->person.decisionError()));

        // ...while the office, by mistake, records that the person attended.
        auto outcome = [&](const char* code) {
            json o{{"code", code},
                   {"penalty_minutes", 0},
                   {"recorded_by", supervisorId_},
                   {"recorded_at", 1'767'614'400'000}};
            if (std::string(code) == "ATTC") {
                o["arrival"] = "09:00";
                o["finish"] = "16:00";
                o["work_quality"] = "GOOD";
                o["behaviour"] = "GOOD";
            }
            return o;
        };
        QVERIFY(server_->put(server::EntityType::AppointmentOutcome, appointment, outcome("ATTC")));

        // Back online, the tablet's decision is refused: the appointment is not an absence.
        QSignalSpy finished(&tablet->sync, &SyncController::finished);
        tablet->sync.setReachable(true);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(tablet->attention.count(), 1, kTimeout);
        const QModelIndex i = tablet->attention.index(0);
        const QVariantMap refused = i.data(AttentionModel::RefusedRole).toMap();
        QCOMPARE(refused.value(QStringLiteral("action")).toString(),
                 QStringLiteral("absence_acceptable"));
        const QString decisionId = refused.value(QStringLiteral("id")).toString();

        // The office puts the absence back; the officer corrects the refused decision from
        // the needs-attention list: the form keeps the reason (medical) and the evidence.
        QVERIFY(server_->put(server::EntityType::AppointmentOutcome, appointment, outcome("UACP")));
        syncNow(*tablet);
        PersonController& person = tablet->person;
        person.loadDecisionCorrection(i.data(AttentionModel::OpIdRole).toString(),
                                      i.data(AttentionModel::PersonIdRole).toString(),
                                      i.data(AttentionModel::AppointmentIdRole).toString(),
                                      refused.value(QStringLiteral("action")).toString(),
                                      refused.value(QStringLiteral("note")).toString(),
                                      i.data(AttentionModel::MessageRole).toString());
        QTRY_VERIFY_WITH_TIMEOUT(!person.busy() && !person.name().isEmpty(), kTimeout);
        QCOMPARE(person.correctionAction(), QStringLiteral("absence_acceptable"));
        QCOMPARE(person.correctionReclassifiedAs(), QStringLiteral("AAME"));
        QCOMPARE(person.correctionNote(), QStringLiteral("GP fit note dated 31 December"));

        // Resubmitted as it was: the same decision, with its code and evidence, is accepted.
        QSignalSpy resubmitted(&person, &PersonController::decisionSaved);
        person.recordAbsenceAcceptable(person.correctionAppointmentId(),
                                       person.correctionReclassifiedAs(), person.correctionNote());
        QVERIFY2(resubmitted.wait(kTimeout), qPrintable(person.decisionError()));
        QVERIFY(!person.correctingDecision());
        QTRY_COMPARE_WITH_TIMEOUT(tablet->attention.count(), 0, kTimeout);
        syncNow(*tablet);
        QTRY_COMPARE_WITH_TIMEOUT(tablet->app.pendingCount(), 0, kTimeout);
        QCOMPARE(tablet->sync.needsAttention(), 0);
        const json decision =
            server_->entity(server::EntityType::EnforcementDecision, decisionId.toStdString());
        QVERIFY2(decision.is_object(), "the corrected decision reached the server");
        QCOMPARE(decision.value("action", std::string()), std::string("absence_acceptable"));
        QCOMPARE(decision.value("reclassified_as", std::string()), std::string("AAME"));
        QCOMPARE(decision.value("note", std::string()),
                 std::string("GP fit note dated 31 December"));
        // The person's page lists it as the acceptable absence it is.
        QTRY_COMPARE_WITH_TIMEOUT(person.decisions().size(), 1, kTimeout);
        QCOMPARE(person.decisions()[0].toMap().value(QStringLiteral("reclassifiedAs")).toString(),
                 QStringLiteral("AAME"));
    }

    void endedSignInAsksForThePasswordAndKeepsTheOutbox() {
        auto sam = signedInCore("sam-phone", QStringLiteral("sam"));
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(!sam->app.sessionEnded());
        QCOMPARE(sam->app.accountName(), QStringLiteral("sam"));
        QCOMPARE(sam->app.accountServer(), server_->address());

        // Offline work, then the sign-in is revoked on the server while its access expires.
        sam->sync.setReachable(false);
        record(*sam, seed_.appointmentIds[0], QStringLiteral("UACP"));
        QTRY_COMPARE_WITH_TIMEOUT(sam->app.pendingCount(), 1, kTimeout);
        const std::string deviceId = deviceIdOf(dir_->path() / "sam-phone");
        QVERIFY(!deviceId.empty());
        QVERIFY(server_->endSessions(deviceId));
        constexpr std::int64_t kTwentyMinutes = 20 * 60 * 1000;
        server_->advance(kTwentyMinutes);
        sam->clock.advance(kTwentyMinutes);

        QSignalSpy ended(&sam->app, &AppController::sessionEndedChanged);
        QSignalSpy finished(&sam->sync, &SyncController::finished);
        sam->sync.setReachable(true);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(sam->app.sessionEnded(), kTimeout);
        QVERIFY(ended.count() >= 1);
        QCOMPARE(sam->sync.stateText(), QStringLiteral("Sign in again to sync"));
        // Nothing local was lost: the change still waits and the day's data is still there.
        QCOMPARE(sam->app.pendingCount(), 1);
        QCOMPARE(sam->sync.pending(), 1);
        QCOMPARE(sam->app.state(), AppController::Unlocked);
        QCOMPARE(sam->sessions.count(), 1);

        // A wrong password is refused under the password field; still signed out.
        sam->app.signInAgain(QStringLiteral("not the password"));
        QVERIFY(sam->app.busy());
        QTRY_VERIFY_WITH_TIMEOUT(!sam->app.busy(), kTimeout);
        QCOMPARE(sam->app.messageField(), QStringLiteral("password"));
        QVERIFY(sam->app.sessionEnded());
        QCOMPARE(sam->app.pendingCount(), 1);

        // The password: signed in again, and the waiting change is sent at once.
        QSignalSpy again(&sam->app, &AppController::signedInAgain);
        QSignalSpy synced(&sam->sync, &SyncController::finished);
        sam->app.signInAgain(QString::fromLatin1(kPassword));
        QVERIFY(again.wait(kTimeout));
        QVERIFY(!sam->app.sessionEnded());
        QVERIFY(sam->app.message().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(synced.count() >= 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(sam->app.pendingCount(), 0, kTimeout);
        // The refused attempt's message may still be on its way across threads when the first
        // `finished` arrives; once the change is sent, no error is left showing.
        QTRY_VERIFY2_WITH_TIMEOUT(sam->sync.errorText().isEmpty(),
                                  qPrintable(sam->sync.errorText()), kTimeout);
        QCOMPARE(sam->sync.needsAttention(), 0);
        QCOMPARE(sam->sync.stateText(), QStringLiteral("Online"));
    }

    // Who is signed in is known after every unlock, also after the app was restarted (from
    // device.json), not only right after signing in.
    void whoIsSignedInIsKnownAfterARestart() {
        auto sam = signedInCore("sam-phone", QStringLiteral("sam"));
        QVERIFY(!QTest::currentTestFailed());
        sam.reset();
        const auto dir = dir_->path() / "sam-phone";
        TestCore restarted(dir, ui::testing::testConfig(dir));
        restarted.app.setUseServer(true);
        restarted.app.start();
        QTRY_COMPARE_WITH_TIMEOUT(restarted.app.state(), AppController::Locked, kTimeout);
        QCOMPARE(restarted.app.userName(), QString());
        restarted.app.unlock(QString::fromLatin1(kPin));
        QTRY_COMPARE_WITH_TIMEOUT(restarted.app.state(), AppController::Unlocked, kTimeout);
        QCOMPARE(restarted.app.userName(), QStringLiteral("sam"));
        QCOMPARE(restarted.app.role(), QStringLiteral("supervisor"));
        QCOMPARE(restarted.app.accountServer(), server_->address());
    }

    // Signing out where the server cannot be reached: the user's data still leaves the phone,
    // and the sign-in page says the server's sign-in ends only when it expires.
    void signOutWithoutTheServerStillRemovesTheData() {
        auto sam = signedInCore("sam-phone", QStringLiteral("sam"));
        QVERIFY(!QTest::currentTestFailed());
        const auto dir = dir_->path() / "sam-phone";
        QVERIFY(std::filesystem::exists(dir / "sitebook.db"));
        server_.reset();

        QSignalSpy asked(&sam->app, &AppController::signOutRequested);
        sam->app.signOut();
        QVERIFY(asked.wait(kTimeout));
        QVERIFY(sam->app.unsentChanges().isEmpty());
        QSignalSpy out(&sam->app, &AppController::signedOut);
        sam->app.confirmSignOut(false);
        QVERIFY(out.wait(kTimeout));
        QCOMPARE(sam->app.state(), AppController::FirstRun);
        QVERIFY(sam->app.needsSignIn());
        QVERIFY2(sam->app.notice().contains(QStringLiteral("could not be reached")),
                 qPrintable(sam->app.notice()));
        for (const char* name : {"device.json", "ca.pem", "sitebook.db", "sitebook.db-wal",
                                 "sitebook.db-shm", "sitebook.db.keys/keys.json"}) {
            QVERIFY2(!std::filesystem::exists(dir / name), name);
        }
        // The server and CA stay on the form for the next person.
        QVERIFY(!sam->app.serverAddress().isEmpty());
    }
};

QTEST_GUILESS_MAIN(UiSyncTest)
#include "ui_sync_test.moc"
