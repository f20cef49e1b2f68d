// The group path against a real sync server (in-process, TLS on 127.0.0.1, the real
// PersonReconciler): a supervisor records a group with the shared work and a line (or a skill)
// for each person, syncs, and the officer's inbox has no "feedback missing" item for any of
// them; a person recorded with the work but neither a line nor a skill still gets one.

#include <QSignalSpy>
#include <QtTest>
#include <nlohmann/json.hpp>

#include "ui_sync_server.h"
#include "ui_test_core.h"

using namespace sitebook;
using namespace sitebook::ui;
using sitebook::ui::testing::TestCore;

namespace {

constexpr int kTimeout = 30000;
constexpr const char* kPin = "24681357";

using TestServer = ui::testing::SyncTestServer;

}  // namespace

class UiGroupSyncTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<sitebook::testing::TempDir> dir_;
    std::unique_ptr<TestServer> server_;
    TestServer::Seed seed_;
    std::string supervisorId_;
    std::string officerId_;

    // A device core signed in as `username`, unlocked, its first sync done.
    std::unique_ptr<TestCore> signedInCore(const std::string& name, const QString& username,
                                           std::int64_t clockAheadMillis = 0) {
        const auto dir = dir_->path() / name;
        std::filesystem::create_directories(dir);
        auto core = std::make_unique<TestCore>(dir, ui::testing::testConfig(dir));
        core->clock.advance(clockAheadMillis);
        core->app.setUseServer(true);
        core->app.setServerAddress(server_->address());
        core->app.setCaFile(server_->caFile());
        core->app.start();
        [&] {
            QTRY_COMPARE(core->app.state(), AppController::FirstRun);
            core->app.signIn(username, QString::fromLatin1(ui::testing::kSyncTestPassword));
            QTRY_VERIFY_WITH_TIMEOUT(!core->app.needsSignIn(), kTimeout);
            QSignalSpy synced(&core->sync, &SyncController::finished);
            core->app.createPin(QString::fromLatin1(kPin), QString::fromLatin1(kPin));
            QTRY_COMPARE_WITH_TIMEOUT(core->app.state(), AppController::Unlocked, kTimeout);
            QTRY_VERIFY_WITH_TIMEOUT(synced.count() >= 1, kTimeout);
            QVERIFY2(core->sync.errorText().isEmpty(), qPrintable(core->sync.errorText()));
        }();
        return core;
    }

    // One more person of olu's with an order and an appointment in the seeded session.
    void addPerson(const std::string& forenames, const std::string& surname, int n) {
        const std::string person = server_->newId();
        const std::string order = server_->newId();
        const std::string appointment = server_->newId();
        QVERIFY(server_->put(server::EntityType::Person, person,
                             {{"id", person},
                              {"crn", "Y12345" + std::to_string(n)},
                              {"forenames", forenames},
                              {"surname", surname},
                              {"date_of_birth", "1992-03-0" + std::to_string(n)},
                              {"responsible_officer_id", officerId_},
                              {"placement_flags", nlohmann::json::array()},
                              {"restricted_access", false}}));
        QVERIFY(server_->put(server::EntityType::Order, order,
                             {{"id", order},
                              {"person_id", person},
                              {"sentence_date", "2025-10-01"},
                              {"required_minutes", 6000},
                              {"adjustments", nlohmann::json::array()}}));
        QVERIFY(server_->put(server::EntityType::Appointment, appointment,
                             {{"id", appointment},
                              {"person_id", person},
                              {"order_id", order},
                              {"session_id", seed_.sessionId},
                              {"scheduled_start", "09:00"},
                              {"scheduled_end", "16:00"}}));
    }

    static int rowOf(FastPathModel& fast, const QString& name, int nth = 0) {
        for (int row = 0; row < fast.count(); ++row) {
            if (fast.index(row).data(FastPathModel::NameRole).toString() == name && nth-- == 0)
                return row;
        }
        return -1;
    }

    // The officer's inbox items of `kind`, as person names.
    static QStringList itemsOfKind(TestCore& core, const QString& kind) {
        QStringList names;
        for (int row = 0; row < core.inbox.count(); ++row) {
            const QModelIndex i = core.inbox.index(row);
            if (i.data(InboxModel::KindRole).toString() == kind)
                names << i.data(InboxModel::PersonNameRole).toString();
        }
        names.sort();
        return names;
    }

private slots:
    void init() {
        dir_ = std::make_unique<sitebook::testing::TempDir>();
        server_ = std::make_unique<TestServer>(dir_->path());
        QVERIFY(server_->start());
        supervisorId_ = server_->addUser("sam", server::Role::Supervisor);
        officerId_ = server_->addUser("olu", server::Role::Officer);
        QVERIFY(!supervisorId_.empty() && !officerId_.empty());
        QVERIFY(server_->seed(supervisorId_, officerId_, seed_));  // Alex Smith, twice
        addPerson("Bo", "Jones", 1);
        addPerson("Cy", "Khan", 2);
        addPerson("Di", "Lee", 3);
    }

    void cleanup() {
        server_.reset();
        dir_.reset();
    }

    void aGroupWithSharedWorkAndALineEachLeavesNoFeedbackGaps() {
        auto sam = signedInCore("sam-phone", QStringLiteral("sam"));
        QVERIFY(!QTest::currentTestFailed());
        sam->roster.setSessionId(QString::fromStdString(seed_.sessionId));
        QTRY_COMPARE_WITH_TIMEOUT(sam->roster.count(), 5, kTimeout);

        FastPathModel& fast = sam->fastPath;
        fast.start(QStringLiteral("09:00"), QStringLiteral("16:00"), QDate(2026, 1, 5));
        QCOMPARE(fast.count(), 5);
        fast.setProperty("workCategory", QStringLiteral("litter_clean_up"));
        fast.setProperty("workDescription", QStringLiteral("Cleared the riverside path"));
        fast.setProperty("workQuantity", QStringLiteral("14"));
        fast.setProperty("workUnit", QStringLiteral("bags"));
        const QString alex = QStringLiteral("Smith, Alex");
        fast.setText(rowOf(fast, alex, 0), QStringLiteral("feedback"), QStringLiteral("Steady"));
        fast.setText(rowOf(fast, alex, 1), QStringLiteral("feedback"), QStringLiteral("Led"));
        fast.setText(rowOf(fast, QStringLiteral("Jones, Bo")), QStringLiteral("feedback"),
                     QStringLiteral("Worked well with others"));
        // A skill seen instead of a line also counts as feedback for the officer.
        fast.setText(rowOf(fast, QStringLiteral("Khan, Cy")), QStringLiteral("skill"),
                     QStringLiteral("teamwork"));
        // Di Lee: the shared work only, no line and no skill.
        QCOMPARE(fast.withoutFeedbackCount(), 1);
        QSignalSpy saved(&fast, &FastPathModel::saved);
        fast.save();
        QVERIFY2(saved.wait(kTimeout), qPrintable(fast.errorSummary()));
        QCOMPARE(saved.first().first().toInt(), 5);

        // 5 outcomes, 5 works, 3 lines and 1 skill, sent with "Sync now".
        QTRY_COMPARE_WITH_TIMEOUT(sam->app.pendingCount(), 14, kTimeout);
        QSignalSpy sent(&sam->sync, &SyncController::finished);
        sam->sync.syncNow();
        QVERIFY(sent.wait(kTimeout));
        QTRY_COMPARE_WITH_TIMEOUT(sam->app.pendingCount(), 0, kTimeout);
        QCOMPARE(sam->sync.needsAttention(), 0);

        auto olu = signedInCore("olu-tablet", QStringLiteral("olu"), 60'000);
        QVERIFY(!QTest::currentTestFailed());
        QTRY_COMPARE_WITH_TIMEOUT(olu->caseload.count(), 4, kTimeout);
        // The reconciler runs after the upload commits: sync until its items have arrived.
        const QStringList onlyDi{QStringLiteral("Lee, Di")};
        const auto gaps = [&] { return itemsOfKind(*olu, QStringLiteral("feedback_gap")); };
        for (int attempt = 0; attempt < 10 && gaps() != onlyDi; ++attempt) {
            QSignalSpy finished(&olu->sync, &SyncController::finished);
            olu->sync.syncNow();
            QVERIFY(finished.wait(kTimeout));
            if (QTest::qWaitFor([&] { return gaps() == onlyDi; }, 2000))
                break;
        }
        QCOMPARE(gaps(), onlyDi);
        // Everyone is credited the group's 7 hours (Alex twice).
        for (int row = 0; row < olu->caseload.count(); ++row) {
            const QModelIndex line = olu->caseload.index(row);
            const int expected =
                line.data(CaseloadModel::NameRole).toString() == QStringLiteral("Smith, Alex")
                    ? 14 * 60
                    : 7 * 60;
            QCOMPARE(line.data(CaseloadModel::CreditedMinutesRole).toInt(), expected);
        }
    }
};

QTEST_MAIN(UiGroupSyncTest)
#include "ui_group_sync_test.moc"
