// Models and controllers against a real encrypted LocalStore: the PIN flows with the vault's
// backoff, recording outcomes through the storage worker, validation errors naming the field,
// and QAbstractItemModelTester on every model.

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

#include "choice_model.h"
#include "demo_seed.h"
#include "outcome_code_model.h"
#include "skill_model.h"
#include "ui_test_core.h"

using namespace sitebook;
using namespace sitebook::ui;
using sitebook::ui::testing::TestCore;

namespace {
constexpr int kUnlockTimeout = 20000;
constexpr const char* kPin = "24681357";
}  // namespace

class UiTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<sitebook::testing::TempDir> dir_;
    std::unique_ptr<TestCore> core_;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers_;

    // A fresh core, set up with kPin and unlocked.
    void setUpUnlocked() {
        core_->app.start();
        QTRY_COMPARE(core_->app.state(), AppController::FirstRun);
        core_->app.createPin(QString::fromLatin1(kPin), QString::fromLatin1(kPin));
        QTRY_COMPARE_WITH_TIMEOUT(core_->app.state(), AppController::Unlocked, kUnlockTimeout);
        QTRY_COMPARE(core_->sessions.count(), 1);
    }

    QString openRoster() {
        const QString session =
            core_->sessions.index(0).data(SessionListModel::SessionIdRole).toString();
        core_->roster.setSessionId(session);
        [&] { QTRY_COMPARE(core_->roster.count(), 3); }();
        return session;
    }

    QString appointmentOf(const QString& surname) const {
        for (int row = 0; row < core_->roster.rowCount(); ++row) {
            const QModelIndex i = core_->roster.index(row);
            if (i.data(RosterModel::SurnameRole).toString() == surname) {
                return i.data(RosterModel::AppointmentIdRole).toString();
            }
        }
        return {};
    }

    void loadRecord(const QString& appointmentId) {
        core_->record.load(appointmentId);
        QTRY_VERIFY(core_->record.loaded());
    }

private slots:
    void init() {
        dir_ = std::make_unique<sitebook::testing::TempDir>();
        core_ = std::make_unique<TestCore>(dir_->path());
        for (QAbstractItemModel* m : std::initializer_list<QAbstractItemModel*>{
                 &core_->sessions, &core_->roster, &core_->fastPath, core_->record.skills()}) {
            testers_.push_back(std::make_unique<QAbstractItemModelTester>(
                m, QAbstractItemModelTester::FailureReportingMode::QtTest));
        }
    }

    void cleanup() {
        testers_.clear();
        core_.reset();
        dir_.reset();
    }

    void staticModelsPassTheModelTester() {
        OutcomeCodeModel outcomes;
        QAbstractItemModelTester t1(&outcomes,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QStringList codes;
        for (int row = 0; row < outcomes.rowCount(); ++row) {
            codes << outcomes.index(row).data(OutcomeCodeModel::CodeRole).toString();
        }
        // Only what a supervisor may choose (domain::supervisorMayChoose).
        QCOMPARE(codes, (QStringList{"ATTC", "AFTC", "ATSH", "ATSS", "UACP"}));
        QVERIFY(outcomes.index(1).data(OutcomeCodeModel::EnforceableRole).toBool());
        QVERIFY(!outcomes.index(3).data(OutcomeCodeModel::EnforceableRole).toBool());
        QVERIFY(!outcomes.index(0).data(OutcomeCodeModel::HintRole).toString().isEmpty());

        ChoiceModel choices;
        QAbstractItemModelTester t2(&choices,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(choices.rowCount(), 6);
        choices.setKind(ChoiceModel::WorkCategories);
        QCOMPARE(choices.rowCount(), 8);
        QCOMPARE(choices.labelFor(QStringLiteral("litter_clean_up")),
                 QStringLiteral("Litter picking and clean-up"));
        choices.setKind(ChoiceModel::SkillLevels);
        QCOMPARE(choices.indexOfValue(QStringLiteral("competent")), 2);

        SkillModel skills;
        QAbstractItemModelTester t3(&skills,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy selection(&skills, &SkillModel::selectionChanged);
        skills.setSelected(2, true);
        skills.setLevel(2, QStringLiteral("could_teach_others"));
        QCOMPARE(selection.count(), 1);
        QCOMPARE(skills.selectedCount(), 1);
        const auto observations = skills.observations();
        QCOMPARE(observations.size(), std::size_t{1});
        QCOMPARE(observations[0].skill, domain::Skill::HealthAndSafety);
        QCOMPARE(observations[0].level, domain::SkillLevel::CouldTeachOthers);
        skills.clearSelection();
        QCOMPARE(skills.selectedCount(), 0);
    }

    void firstRunRefusesBadPinsThenCreatesTheVault() {
        core_->app.start();
        QTRY_COMPARE(core_->app.state(), AppController::FirstRun);
        core_->app.createPin(QStringLiteral("12"), QStringLiteral("12"));
        QCOMPARE(core_->app.messageField(), QStringLiteral("pin"));
        core_->app.createPin(QStringLiteral("24681357"), QStringLiteral("24681358"));
        QCOMPARE(core_->app.messageField(), QStringLiteral("confirmation"));
        QCOMPARE(core_->app.state(), AppController::FirstRun);

        QSignalSpy state(&core_->app, &AppController::stateChanged);
        core_->app.createPin(QString::fromLatin1(kPin), QString::fromLatin1(kPin));
        QTRY_COMPARE_WITH_TIMEOUT(core_->app.state(), AppController::Unlocked, kUnlockTimeout);
        QVERIFY(core_->app.justCreated());
        QVERIFY2(core_->app.protection().startsWith(QStringLiteral("PIN only")),
                 qPrintable(core_->app.protection()));
        QTRY_COMPARE(core_->sessions.count(), 1);
        QCOMPARE(core_->app.pendingCount(), 0);  // seeded records are not local changes
        QVERIFY(std::filesystem::exists(dir_->path() / "sitebook.db"));
    }

    void wrongPinShowsTriesThenTheBackoffCountdown() {
        setUpUnlocked();
        core_->app.lock();
        QCOMPARE(core_->app.state(), AppController::Locked);
        QCOMPARE(core_->sessions.count(), 0);  // nothing stays on screen once locked

        core_->app.unlock(QStringLiteral("1111"));
        QTRY_VERIFY(!core_->app.busy());
        QVERIFY2(core_->app.message().startsWith(QStringLiteral("Wrong PIN")),
                 qPrintable(core_->app.message()));
        QCOMPARE(core_->app.failedAttempts(), 1);
        QCOMPARE(core_->app.lockedOutSeconds(), 0);

        core_->app.unlock(QStringLiteral("1111"));
        QTRY_COMPARE(core_->app.lockedOutSeconds(), 30);
        QVERIFY2(core_->app.message().contains(QStringLiteral("30")),
                 qPrintable(core_->app.message()));
        QCOMPARE(core_->app.failedAttempts(), 2);

        // During the delay even the right PIN is refused without being checked.
        core_->app.unlock(QString::fromLatin1(kPin));
        QTRY_VERIFY(!core_->app.busy());
        QCOMPARE(core_->app.state(), AppController::Locked);
        QVERIFY(core_->app.lockedOutSeconds() > 0);

        core_->clock.advance(31'000);
        QCOMPARE(core_->app.lockedOutSeconds(), 0);
        core_->app.unlock(QString::fromLatin1(kPin));
        QTRY_COMPARE_WITH_TIMEOUT(core_->app.state(), AppController::Unlocked, kUnlockTimeout);
        QCOMPARE(core_->app.failedAttempts(), 0);
    }

    void tenWrongPinsWarnThenRemoveTheRecordsAndAskForSignIn() {
        setUpUnlocked();
        core_->app.lock();
        for (int i = 1; i <= 9; ++i) {
            core_->clock.advance(7'200'000);  // past any delay
            core_->app.unlock(QStringLiteral("11111111"));
            QTRY_VERIFY(!core_->app.busy());
            QCOMPARE(core_->app.state(), AppController::Locked);
        }
        // The last tries are announced before they are used up.
        QVERIFY2(core_->app.message().contains(
                     QStringLiteral("will remove all records from this phone")),
                 qPrintable(core_->app.message()));
        QVERIFY(std::filesystem::exists(dir_->path() / "sitebook.db"));

        core_->clock.advance(7'200'000);
        core_->app.unlock(QStringLiteral("11111111"));
        QTRY_COMPARE(core_->app.state(), AppController::FirstRun);
        QVERIFY2(core_->app.notice().contains(QStringLiteral("Too many wrong PINs")),
                 qPrintable(core_->app.notice()));
        // Nothing readable is left: no keys, no database, no identity.
        QVERIFY(!std::filesystem::exists(dir_->path() / "sitebook.db"));
        QVERIFY(!std::filesystem::exists(dir_->path() / "sitebook.db.keys" / "keys.json"));
        QVERIFY(!std::filesystem::exists(dir_->path() / "device.json"));
    }

    void aServerAddressChangedOutsideTheAppIsRefused() {
        setUpUnlocked();
        core_->app.lock();
        const auto deviceFile = dir_->path() / "device.json";
        QFile file(QString::fromStdString(deviceFile.string()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject identity = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        identity.insert(QStringLiteral("server"), QStringLiteral("attacker.example.net:443"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(identity).toJson());
        file.close();

        core_->app.unlock(QString::fromLatin1(kPin));
        QTRY_VERIFY(!core_->app.busy());
        QCOMPARE(core_->app.state(), AppController::Locked);
        QVERIFY2(core_->app.message().contains(QStringLiteral("changed outside Sitebook")),
                 qPrintable(core_->app.message()));
    }

    void dataDirAndFilesAreOwnerOnly() {
        setUpUnlocked();
        using std::filesystem::perms;
        const auto mode = [](const std::filesystem::path& p) {
            return std::filesystem::status(p).permissions() & perms::mask;
        };
        QCOMPARE(mode(dir_->path()), perms::owner_all);
        for (const char* name : {"sitebook.db", "device.json"})
            QCOMPARE(mode(dir_->path() / name), perms::owner_read | perms::owner_write);
    }

    void recordingAFullOutcomeQueuesEveryPart() {
        setUpUnlocked();
        openRoster();
        // Sorted by surname.
        QCOMPARE(core_->roster.index(0).data(RosterModel::SurnameRole).toString(),
                 QStringLiteral("Ellis"));
        QCOMPARE(core_->roster.index(2).data(RosterModel::SurnameRole).toString(),
                 QStringLiteral("Price"));
        loadRecord(appointmentOf(QStringLiteral("Morgan")));
        QCOMPARE(core_->record.property("arrival").toString(), QStringLiteral("09:00"));

        RecordController& r = core_->record;
        r.setProperty("outcomeCode", QStringLiteral("ATTC"));
        QVERIFY(r.attended());
        QVERIFY(!r.enforceable());
        r.setProperty("arrival", QStringLiteral("9:10"));
        r.setProperty("finish", QStringLiteral("15:30"));
        r.setProperty("penaltyMinutes", 10);
        r.setProperty("workQuality", QStringLiteral("GOOD"));
        r.setProperty("behaviour", QStringLiteral("EXCELLENT"));
        r.setProperty("workCategory", QStringLiteral("grounds_gardening"));
        r.setProperty("workDescription", QStringLiteral("Cleared brambles"));
        r.setProperty("workQuantity", QStringLiteral("12"));
        r.setProperty("workUnit", QStringLiteral("bags"));
        r.skills()->setSelected(0, true);
        r.skills()->setSelected(4, true);
        r.setProperty("feedbackProgress", QStringLiteral("Steady all day"));
        r.setProperty("alertOfficer", true);
        r.setProperty("alertReason", QStringLiteral("Mentioned a housing problem"));
        r.setProperty("noteText", QStringLiteral("Asked about a college course"));
        r.setProperty("noteSensitive", true);

        QSignalSpy saved(&r, &RecordController::saved);
        QSignalSpy pending(&core_->app, &AppController::pendingCountChanged);
        r.save();
        QVERIFY(saved.wait(10000));
        // outcome + work + two skills + feedback + note
        QTRY_COMPARE(core_->app.pendingCount(), 6);
        QVERIFY(pending.count() >= 1);
        QVERIFY(r.errors().isEmpty());
        QTRY_COMPARE(core_->roster.recordedCount(), 1);
        const QString id = appointmentOf(QStringLiteral("Morgan"));
        const QVariantMap line = core_->roster.line(id);
        QCOMPARE(line.value(QStringLiteral("outcomeCode")).toString(), QStringLiteral("ATTC"));
        QCOMPARE(line.value(QStringLiteral("hasFeedback")).toBool(), true);
        QTRY_COMPARE(core_->sessions.index(0).data(SessionListModel::RecordedRole).toInt(), 1);

        // Reopening shows what was recorded.
        loadRecord(id);
        QVERIFY(r.alreadyRecorded());
        QCOMPARE(r.property("arrival").toString(), QStringLiteral("09:10"));
        QCOMPARE(r.property("feedbackProgress").toString(), QStringLiteral("Steady all day"));
    }

    void validationErrorNamesTheFieldAndSavesNothing() {
        setUpUnlocked();
        openRoster();
        loadRecord(appointmentOf(QStringLiteral("Ellis")));
        RecordController& r = core_->record;
        r.setProperty("outcomeCode", QStringLiteral("ATTC"));
        r.setProperty("feedbackProgress", QStringLiteral("Good start"));
        r.setProperty("noteText", QStringLiteral("A note that must not be saved alone"));
        // No work quality or behaviour: the domain refuses the outcome.
        QSignalSpy errors(&r, &RecordController::errorsChanged);
        r.save();
        QTRY_VERIFY(r.errors().contains(QStringLiteral("outcome.work_quality")));
        QVERIFY(!r.errorSummary().isEmpty());
        QVERIFY(!r.busy());
        QCOMPARE(core_->app.pendingCount(), 0);

        // Alert without a reason: refused at the feedback, still nothing saved.
        r.setProperty("workQuality", QStringLiteral("GOOD"));
        r.setProperty("behaviour", QStringLiteral("GOOD"));
        r.setProperty("alertOfficer", true);
        r.save();
        QTRY_VERIFY(r.errors().contains(QStringLiteral("feedback.alert_reason")));
        QCOMPARE(core_->app.pendingCount(), 0);

        // A time that is not a time is caught before it reaches the store.
        r.setProperty("alertReason", QStringLiteral("Reason"));
        r.setProperty("arrival", QStringLiteral("nine"));
        r.save();
        QVERIFY(r.errors().contains(QStringLiteral("outcome.arrival")));

        // Penalty beyond the time worked.
        r.setProperty("arrival", QStringLiteral("09:00"));
        r.setProperty("finish", QStringLiteral("10:00"));
        r.setProperty("penaltyMinutes", 90);
        r.save();
        QTRY_VERIFY(r.errors().contains(QStringLiteral("outcome.penalty_minutes")));
        QCOMPARE(core_->app.pendingCount(), 0);
        QCOMPARE(core_->roster.recordedCount(), 0);
    }

private:
    // Unlocks an existing store (after a lock or a restart) and opens the roster again.
    void unlockAgain() {
        core_->app.unlock(QString::fromLatin1(kPin));
        QTRY_COMPARE_WITH_TIMEOUT(core_->app.state(), AppController::Unlocked, kUnlockTimeout);
        QTRY_COMPARE(core_->sessions.count(), 1);
        openRoster();
    }

    bool rosterHasDraft(const QString& surname) const {
        return core_->roster.line(appointmentOf(surname))
            .value(QStringLiteral("hasDraft"))
            .toBool();
    }

private slots:

    void draftSurvivesBackLockAndAKill() {
        setUpUnlocked();
        openRoster();
        const QString ellis = appointmentOf(QStringLiteral("Ellis"));
        loadRecord(ellis);
        RecordController* r = &core_->record;
        QVERIFY(!r->hasDraft());
        r->setProperty("outcomeCode", QStringLiteral("ATTC"));
        r->setProperty("arrival", QStringLiteral("09:20"));
        r->setProperty("workDescription", QStringLiteral("Swept the yard"));
        r->skills()->setSelected(1, true);
        r->setProperty("noteText", QStringLiteral("Half written note"));
        // Saved by itself a moment after typing, in the store, not in the outbox.
        QTRY_VERIFY(r->hasDraft());
        QVERIFY(!r->draftSavedAt().isEmpty());
        QTRY_VERIFY(rosterHasDraft(QStringLiteral("Ellis")));
        QVERIFY(!rosterHasDraft(QStringLiteral("Price")));
        QCOMPARE(core_->app.pendingCount(), 0);

        // Back: the form is emptied; opening it again brings the draft back.
        r->clear();
        loadRecord(ellis);
        QVERIFY(r->draftRestored());
        QCOMPARE(r->property("outcomeCode").toString(), QStringLiteral("ATTC"));
        QCOMPARE(r->property("arrival").toString(), QStringLiteral("09:20"));
        QCOMPARE(r->property("workDescription").toString(), QStringLiteral("Swept the yard"));
        QCOMPARE(r->property("noteText").toString(), QStringLiteral("Half written note"));
        QVERIFY(r->skills()->index(1).data(SkillModel::SelectedRole).toBool());

        // The lock comes before the draft's own delay: what was typed last is kept anyway.
        r->setProperty("finish", QStringLiteral("15:45"));
        core_->app.lock();
        QTRY_COMPARE(core_->app.state(), AppController::Locked);
        unlockAgain();
        loadRecord(ellis);
        QCOMPARE(r->property("finish").toString(), QStringLiteral("15:45"));

        // A kill: the core is torn down without closing anything and the same data opened.
        r->setProperty("workUnit", QStringLiteral("bags"));
        QSignalSpy draft(r, &RecordController::draftChanged);
        QVERIFY(draft.wait(5000));
        testers_.clear();
        core_.reset();
        core_ = std::make_unique<TestCore>(dir_->path());
        core_->app.start();
        QTRY_COMPARE(core_->app.state(), AppController::Locked);
        unlockAgain();
        QVERIFY(rosterHasDraft(QStringLiteral("Ellis")));
        r = &core_->record;
        loadRecord(ellis);
        QVERIFY(r->draftRestored());
        QCOMPARE(r->property("workUnit").toString(), QStringLiteral("bags"));
        QCOMPARE(r->property("noteText").toString(), QStringLiteral("Half written note"));

        // Case data: nothing of it in the clear in the database file.
        QFile db(QString::fromStdString((dir_->path() / "sitebook.db").string()));
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(!db.readAll().contains("Half written note"));

        // Discarded only on purpose.
        r->discardDraft();
        QTRY_VERIFY(r->loaded());
        QVERIFY(!r->hasDraft());
        QCOMPARE(r->property("noteText").toString(), QString());
        QTRY_VERIFY(!rosterHasDraft(QStringLiteral("Ellis")));
        QCOMPARE(core_->app.pendingCount(), 0);
    }

    void aSavedRecordLeavesNoDraft() {
        setUpUnlocked();
        openRoster();
        const QString price = appointmentOf(QStringLiteral("Price"));
        loadRecord(price);
        RecordController& r = core_->record;
        r.setProperty("outcomeCode", QStringLiteral("UACP"));
        QTRY_VERIFY(rosterHasDraft(QStringLiteral("Price")));
        QSignalSpy saved(&r, &RecordController::saved);
        r.save();
        QVERIFY(saved.wait(10000));
        QTRY_COMPARE(core_->roster.recordedCount(), 1);
        QVERIFY(!rosterHasDraft(QStringLiteral("Price")));
        r.clear();
        loadRecord(price);
        QVERIFY(!r.draftRestored());
        QVERIFY(!r.hasDraft());
    }

    void aNoteIsSavedWithoutAnOutcome() {
        setUpUnlocked();
        openRoster();
        const QString ellis = appointmentOf(QStringLiteral("Ellis"));
        loadRecord(ellis);
        RecordController& r = core_->record;
        r.setProperty("noteText", QStringLiteral("Rang to say he is running late"));
        QSignalSpy saved(&r, &RecordController::saved);
        r.save();
        QVERIFY(saved.wait(10000));
        QVERIFY(r.errors().isEmpty());
        QTRY_COMPARE(core_->app.pendingCount(), 1);
        QCOMPARE(core_->roster.recordedCount(), 0);  // no outcome was recorded

        // In the middle of a half-filled record: the note alone, the rest kept as a draft.
        loadRecord(ellis);
        QCOMPARE(r.recordedNotes().size(), 1);
        r.setProperty("outcomeCode", QStringLiteral("ATTC"));
        r.setProperty("noteText", QStringLiteral("Left at lunch to see his probation officer"));
        r.saveNote();
        QTRY_VERIFY(r.noteSaved());
        QTRY_COMPARE(core_->app.pendingCount(), 2);
        QCOMPARE(r.property("noteText").toString(), QString());
        QCOMPARE(r.property("outcomeCode").toString(), QStringLiteral("ATTC"));
        QCOMPARE(r.recordedNotes().size(), 2);
        QTRY_VERIFY(r.hasDraft());
        QCOMPARE(core_->roster.recordedCount(), 0);
    }

    void aReopenedRecordEditsItsWorkInPlace() {
        setUpUnlocked();
        openRoster();
        const QString morgan = appointmentOf(QStringLiteral("Morgan"));
        loadRecord(morgan);
        RecordController& r = core_->record;
        r.setProperty("outcomeCode", QStringLiteral("ATTC"));
        r.setProperty("workQuality", QStringLiteral("GOOD"));
        r.setProperty("behaviour", QStringLiteral("GOOD"));
        r.setProperty("workCategory", QStringLiteral("grounds_gardening"));
        r.setProperty("workDescription", QStringLiteral("Cleared brambles"));
        r.setProperty("workQuantity", QStringLiteral("12"));
        r.setProperty("workUnit", QStringLiteral("bags"));
        r.skills()->setSelected(2, true);
        QSignalSpy saved(&r, &RecordController::saved);
        r.save();
        QVERIFY(saved.wait(10000));
        QTRY_COMPARE(core_->app.pendingCount(), 3);  // outcome, work, skill

        // Re-opened: the work and the skill are shown as recorded.
        loadRecord(morgan);
        QVERIFY(r.alreadyRecorded());
        QVERIFY(r.editingWork());
        QCOMPARE(r.property("workDescription").toString(), QStringLiteral("Cleared brambles"));
        QCOMPARE(r.property("workUnit").toString(), QStringLiteral("bags"));
        QVERIFY(r.skills()->index(2).data(SkillModel::SelectedRole).toBool());
        QVERIFY(r.skills()->index(2).data(SkillModel::RecordedRole).toBool());
        QVERIFY(!r.hasDraft());
        // The outcome as recorded is not recorded again (nor confirmed again if enforceable).
        QVERIFY(!r.recordsOutcome());
        r.setProperty("behaviour", QStringLiteral("POOR"));
        QVERIFY(r.recordsOutcome());
        r.setProperty("behaviour", QStringLiteral("GOOD"));
        QVERIFY(!r.recordsOutcome());

        // Saved unchanged: nothing new to send.
        r.save();
        QTRY_COMPARE(saved.count(), 2);
        QCOMPARE(core_->app.pendingCount(), 3);

        // The work corrected: one new change of the same record, no second work entry.
        loadRecord(morgan);
        r.setProperty("workDescription", QStringLiteral("Cleared brambles and nettles"));
        r.save();
        QTRY_COMPARE(saved.count(), 3);
        QTRY_COMPARE(core_->app.pendingCount(), 4);
        loadRecord(morgan);
        QCOMPARE(r.property("workDescription").toString(),
                 QStringLiteral("Cleared brambles and nettles"));
        QVERIFY(r.otherWork().isEmpty());

        // A recorded skill stays; its level is changed in place.
        r.skills()->setSelected(2, false);
        QVERIFY(r.skills()->index(2).data(SkillModel::SelectedRole).toBool());
        r.skills()->setLevel(2, QStringLiteral("competent"));
        r.save();
        QTRY_COMPARE(saved.count(), 4);
        QTRY_COMPARE(core_->app.pendingCount(), 5);
        loadRecord(morgan);
        QCOMPARE(r.skills()->index(2).data(SkillModel::LevelRole).toString(),
                 QStringLiteral("competent"));
        QCOMPARE(r.skills()->selectedCount(), 1);
    }

    void everyProblemIsShownInWordsAndClearsWhenFixed() {
        setUpUnlocked();
        openRoster();
        loadRecord(appointmentOf(QStringLiteral("Ellis")));
        RecordController& r = core_->record;
        r.setProperty("outcomeCode", QStringLiteral("ATTC"));
        r.setProperty("arrival", QString());
        r.setProperty("workDescription", QStringLiteral("Painted the fence"));
        r.setProperty("workQuantity", QStringLiteral("3"));
        r.save();
        const QVariantMap e = r.errors();
        QCOMPARE(e.value(QStringLiteral("outcome.arrival")).toString(),
                 QStringLiteral("Enter the time they arrived"));
        QCOMPARE(e.value(QStringLiteral("outcome.work_quality")).toString(),
                 QStringLiteral("Choose how well they worked"));
        QCOMPARE(e.value(QStringLiteral("outcome.behaviour")).toString(),
                 QStringLiteral("Choose how they behaved"));
        QCOMPARE(e.value(QStringLiteral("work.category")).toString(),
                 QStringLiteral("Choose the kind of work"));
        QVERIFY(e.contains(QStringLiteral("work.unit")));
        // All at once, in the order of the form, in words (no field names, no codes).
        const QVariantList list = r.errorList();
        QCOMPARE(list.size(), 5);
        QCOMPARE(list.first().toMap().value(QStringLiteral("field")).toString(),
                 QStringLiteral("outcome.arrival"));
        for (const QVariant& item : list) {
            const QString message = item.toMap().value(QStringLiteral("message")).toString();
            QVERIFY2(
                !message.contains(QLatin1Char('_')) && !message.contains(QStringLiteral("ATTC")),
                qPrintable(message));
        }
        QCOMPARE(core_->app.pendingCount(), 0);

        // Fixing a field clears its problem at once, without saving again.
        r.setProperty("workQuality", QStringLiteral("GOOD"));
        QVERIFY(!r.errors().contains(QStringLiteral("outcome.work_quality")));
        QCOMPARE(r.errorList().size(), 4);
        r.setProperty("arrival", QStringLiteral("09:05"));
        QVERIFY(!r.errors().contains(QStringLiteral("outcome.arrival")));
        r.setProperty("finish", QStringLiteral("08:00"));
        r.save();
        QCOMPARE(r.errors().value(QStringLiteral("outcome.finish")).toString(),
                 QStringLiteral("Enter a finish time after the time they arrived"));
        QCOMPARE(r.timeNow(), QStringLiteral("12:00"));  // the injected clock
    }

    void enforceableOutcomeIsFlagged() {
        setUpUnlocked();
        openRoster();
        loadRecord(appointmentOf(QStringLiteral("Price")));
        RecordController& r = core_->record;
        r.setProperty("outcomeCode", QStringLiteral("UACP"));
        QVERIFY(r.enforceable());
        QVERIFY(!r.attended());
        QSignalSpy saved(&r, &RecordController::saved);
        r.save();
        QVERIFY(saved.wait(10000));
        QTRY_COMPARE(core_->app.pendingCount(), 1);
        QTRY_VERIFY(core_->roster.line(appointmentOf(QStringLiteral("Price")))
                        .value(QStringLiteral("enforceable"))
                        .toBool());
    }

    void fastPathRecordsTheGroupsWorkForEveryoneInOneGo() {
        setUpUnlocked();
        openRoster();
        FastPathModel& fast = core_->fastPath;
        fast.start(QStringLiteral("09:00"), QStringLiteral("16:00"), QDate(2026, 1, 5));
        QCOMPARE(fast.count(), 3);
        QVERIFY(fast.notStarted().isEmpty());
        fast.setText(0, QStringLiteral("feedback"), QStringLiteral("Good"));
        fast.save();  // no work described: nothing is saved
        QVERIFY(fast.errors().contains(QStringLiteral("work.description")));
        QVERIFY(fast.errors().contains(QStringLiteral("work.category")));
        // Every problem at once, in the order the page shows them.
        QCOMPARE(fast.errorSummary(), QStringLiteral("There is a problem. Nothing was saved.\n"
                                                     "Choose the kind of work the group did.\n"
                                                     "Describe the work the group did."));
        QCOMPARE(core_->app.pendingCount(), 0);

        fast.setProperty("workCategory", QStringLiteral("litter_clean_up"));
        fast.setProperty("workDescription", QStringLiteral("Litter pick on the towpath"));
        fast.setText(1, QStringLiteral("feedback"), QStringLiteral("Fine"));
        fast.setAttending(2, false);
        QCOMPARE(fast.attendingCount(), 2);
        QCOMPARE(fast.withoutFeedbackCount(), 0);
        QSignalSpy saved(&fast, &FastPathModel::saved);
        fast.save();
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().first().toInt(), 2);
        QTRY_COMPARE(core_->app.pendingCount(), 6);  // outcome + work + feedback each
        QTRY_COMPARE(core_->roster.recordedCount(), 2);
    }

    // The store refuses the third person inside the transaction (an arrival later than now,
    // which the page could not check without the session's date): the two already written are
    // undone, and the error names the person.
    void fastPathSavesTheWholeGroupOrNothing() {
        setUpUnlocked();
        openRoster();
        FastPathModel& fast = core_->fastPath;
        fast.start(QStringLiteral("09:00"), QStringLiteral("16:00"));
        QCOMPARE(fast.count(), 3);
        fast.setProperty("workCategory", QStringLiteral("cleaning"));
        fast.setProperty("workDescription", QStringLiteral("Cleaned the community hall"));
        const QString third = fast.index(2).data(FastPathModel::NameRole).toString();
        fast.setText(2, QStringLiteral("arrival"), QStringLiteral("13:00"));  // it is 12:00
        fast.save();
        QVERIFY(fast.busy());
        QTRY_VERIFY(!fast.busy());
        QCOMPARE(fast.errorSummary(),
                 QStringLiteral("Nothing was saved. %1: The arrival time 13:00 is later than the "
                                "time now (12:00). Enter the time they arrived.")
                     .arg(third));
        QCOMPARE(fast.index(2).data(FastPathModel::ErrorRole).toString(),
                 third + QStringLiteral(": The arrival time 13:00 is later than the time now "
                                        "(12:00). Enter the time they arrived."));
        QVERIFY(fast.index(0).data(FastPathModel::ErrorRole).toString().isEmpty());
        core_->roster.reload();
        QTRY_VERIFY(!core_->roster.loading());
        QCOMPARE(core_->roster.recordedCount(), 0);
        QCOMPARE(core_->app.pendingCount(), 0);

        fast.setText(2, QStringLiteral("arrival"), QStringLiteral("09:20"));
        QSignalSpy saved(&fast, &FastPathModel::saved);
        fast.save();
        QVERIFY(saved.wait(10000));
        QTRY_COMPARE(core_->app.pendingCount(), 6);  // outcome + work each
    }

    void locksAfterInactivityAndForgetsTheForm() {
        setUpUnlocked();
        openRoster();
        loadRecord(appointmentOf(QStringLiteral("Ellis")));
        QSignalSpy locked(&core_->app, &AppController::lockedForInactivity);
        core_->app.setLockAfterSeconds(1);
        QVERIFY(locked.wait(5000));
        QCOMPARE(core_->app.state(), AppController::Locked);
        QVERIFY(!core_->record.loaded());
        QCOMPARE(core_->roster.count(), 0);
    }

    // The officer's screens read the server-derived progress and RO items; here they arrive
    // as one downloaded batch (the demonstration seed), as a sync would deliver them.
    void officerModelsShowDownloadedProgressAndItems() {
        cleanup();
        dir_ = std::make_unique<sitebook::testing::TempDir>();
        StorageConfig config = ui::testing::testConfig(dir_->path());
        auto roster = config.seed;
        config.seed = [roster](store::LocalStore& s, domain::CivilDate today) -> Status {
            SB_TRY(roster(s, today));
            return seedDemoOfficerView(s, today);
        };
        core_ = std::make_unique<TestCore>(dir_->path(), config);
        for (QAbstractItemModel* m : std::initializer_list<QAbstractItemModel*>{
                 &core_->caseload, &core_->inbox, &core_->attention}) {
            testers_.push_back(std::make_unique<QAbstractItemModelTester>(
                m, QAbstractItemModelTester::FailureReportingMode::QtTest));
        }
        setUpUnlocked();
        // A supervisor's device does not load the officer's screens by itself.
        QCOMPARE(core_->app.officer(), false);
        QCOMPARE(core_->caseload.count(), 0);

        QSignalSpy caseloadCount(&core_->caseload, &CaseloadModel::countChanged);
        core_->caseload.reload();
        QVERIFY(core_->caseload.loading());
        QTRY_COMPARE(core_->caseload.count(), 3);
        QVERIFY(!core_->caseload.loading());
        QCOMPARE(caseloadCount.count(), 1);
        // Sorted by surname, with hours and open items.
        QCOMPARE(core_->caseload.index(0).data(CaseloadModel::NameRole).toString(),
                 QStringLiteral("Ellis, Sam"));
        QCOMPARE(core_->caseload.index(2).data(CaseloadModel::NameRole).toString(),
                 QStringLiteral("Price, Sam"));
        int openItems = 0;
        for (int row = 0; row < 3; ++row) {
            const QModelIndex i = core_->caseload.index(row);
            QVERIFY(i.data(CaseloadModel::RequiredMinutesRole).toInt() > 0);
            QVERIFY(i.data(CaseloadModel::HoursTextRole).toString().contains(QStringLiteral("of")));
            QVERIFY(!i.data(CaseloadModel::CrnRole).toString().isEmpty());
            openItems += i.data(CaseloadModel::OpenItemsRole).toInt();
        }
        QCOMPARE(openItems, 3);

        core_->inbox.reload();
        QTRY_COMPARE(core_->inbox.count(), 3);
        // Soonest respond-by first: the review (passed), then the enforcement decision.
        const QModelIndex first = core_->inbox.index(0);
        QCOMPARE(first.data(InboxModel::KindRole).toString(), QStringLiteral("review_due"));
        QVERIFY(first.data(InboxModel::OverdueRole).toBool());
        QVERIFY(first.data(InboxModel::DueTextRole).toString().contains(QStringLiteral("passed")));
        const QModelIndex second = core_->inbox.index(1);
        QCOMPARE(second.data(InboxModel::KindRole).toString(), QStringLiteral("enforcement_due"));
        QCOMPARE(second.data(InboxModel::KindTextRole).toString(),
                 QStringLiteral("Enforcement decision due"));
        QVERIFY(!second.data(InboxModel::OverdueRole).toBool());
        QVERIFY(!second.data(InboxModel::PersonNameRole).toString().isEmpty());
        QCOMPARE(InboxModel::kindText(QStringLiteral("something_new")),
                 QStringLiteral("something_new"));

        // The person's page, and an enforcement decision recorded from it.
        const QString personId = second.data(InboxModel::PersonIdRole).toString();
        const QString appointmentId = second.data(InboxModel::AppointmentIdRole).toString();
        QSignalSpy loaded(&core_->person, &PersonController::loaded);
        core_->person.load(personId);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(core_->person.personId(), personId);
        QVERIFY(core_->person.requiredMinutes() > 0);
        QCOMPARE(core_->person.items().size(), 1);
        QCOMPARE(core_->person.timeline().size(), 1);
        QVERIFY(!core_->person.sentenceDate().isEmpty());

        QSignalSpy decided(&core_->person, &PersonController::decisionSaved);
        core_->person.recordDecision(appointmentId, QStringLiteral("not_a_decision"), {});
        QTRY_VERIFY(!core_->person.decisionError().isEmpty());
        QCOMPARE(decided.count(), 0);
        QSignalSpy decisionError(&core_->person, &PersonController::decisionErrorChanged);
        core_->person.recordDecision(appointmentId, QStringLiteral("warning_issued"),
                                     QStringLiteral("First absence"));
        // This device belongs to a supervisor: the store refuses, and the page says why.
        QVERIFY(decisionError.wait(10000));
        QVERIFY(core_->person.decisionError().contains(QStringLiteral("officer")));
        QCOMPARE(decided.count(), 0);
        QCOMPARE(core_->app.pendingCount(), 0);

        // Nothing was refused: the needs-attention list is empty.
        core_->attention.reload();
        QTRY_VERIFY(!core_->attention.error().isEmpty() || core_->attention.count() == 0);
        QVERIFY(core_->attention.error().isEmpty());

        core_->app.lock();
        QTRY_COMPARE(core_->app.state(), AppController::Locked);
        QCOMPARE(core_->caseload.count(), 0);
        QCOMPARE(core_->inbox.count(), 0);
        QVERIFY(core_->person.personId().isEmpty());
    }

    // Without a server the strip says so, and "Sync now" does nothing.
    void syncControllerWithoutServerSaysDemonstration() {
        setUpUnlocked();
        QTRY_VERIFY(!core_->sync.stateText().isEmpty());
        QVERIFY(!core_->sync.configured());
        QVERIFY(core_->sync.stateText().contains(QStringLiteral("Demonstration")));
        QSignalSpy finished(&core_->sync, &SyncController::finished);
        core_->sync.syncNow();
        QVERIFY(!core_->sync.running());
        QCOMPARE(finished.count(), 0);
        QVERIFY(core_->sync.lastSyncedText().contains(QStringLiteral("Never")));
    }

    void signInAsksForEachFieldBeforeCallingTheServer() {
        core_->app.setUseServer(true);
        core_->app.start();
        QTRY_COMPARE(core_->app.state(), AppController::FirstRun);
        QVERIFY(core_->app.needsSignIn());
        core_->app.signIn(QStringLiteral("sam"), QStringLiteral("pw"));
        QCOMPARE(core_->app.messageField(), QStringLiteral("server"));
        core_->app.setServerAddress(QStringLiteral("127.0.0.1:1"));
        core_->app.signIn(QStringLiteral("sam"), QStringLiteral("pw"));
        QCOMPARE(core_->app.messageField(), QStringLiteral("ca"));
        core_->app.setCaFile(QStringLiteral("/nonexistent/ca.pem"));
        core_->app.signIn({}, QStringLiteral("pw"));
        QCOMPARE(core_->app.messageField(), QStringLiteral("username"));
        core_->app.signIn(QStringLiteral("sam"), {});
        QCOMPARE(core_->app.messageField(), QStringLiteral("password"));
        // A CA file that cannot be read fails on the storage thread, without a PIN being set.
        core_->app.signIn(QStringLiteral("sam"), QStringLiteral("pw"));
        QTRY_VERIFY(!core_->app.busy());
        QVERIFY(!core_->app.message().isEmpty());
        QVERIFY(core_->app.needsSignIn());
        // No PIN until signed in.
        core_->app.createPin(QString::fromLatin1(kPin), QString::fromLatin1(kPin));
        QCOMPARE(core_->app.state(), AppController::FirstRun);
    }

    void coverFollowsTheApplicationState() {
        core_->app.setCoverEnabled(true);
        QSignalSpy covered(&core_->app, &AppController::coveredChanged);
        core_->app.setApplicationActive(false);
        QVERIFY(core_->app.covered());
        core_->app.setApplicationActive(true);
        QVERIFY(!core_->app.covered());
        QCOMPARE(covered.count(), 2);
    }
};

QTEST_GUILESS_MAIN(UiTest)
#include "ui_test.moc"
