#pragma once
// StorageClient: the GUI thread's handle on the storage worker.
//
// Owns the storage thread and the StorageWorker on it. Every request returns at once; results
// come back as signals on the GUI thread (the worker's signals, forwarded). Requests that load
// data carry a request id so a model can ignore answers to a question it no longer asks.
//
// Thread affinity: GUI thread. Destruction closes the store and joins the thread.

#include <QObject>
#include <QThread>
#include <atomic>

#include "storage_types.h"

namespace sitebook {
class Clock;
class RandomSource;
namespace storage {
class KeyStore;
}
}  // namespace sitebook

namespace sitebook::ui {

class StorageWorker;

class StorageClient : public QObject {
    Q_OBJECT
public:
    // `clock`, `random` and `keyStore` (may be null) must outlive this object; they are used
    // on the storage thread.
    StorageClient(StorageConfig config, const Clock& clock, RandomSource& random,
                  storage::KeyStore* keyStore, QObject* parent = nullptr);
    ~StorageClient() override;

    const Clock& clock() const { return clock_; }
    bool isOpen() const { return open_; }

    void inspect();
    void create(const QString& pin);
    void unlock(const QString& pin);
    void close();
    quint64 loadSessions(QDate date);
    quint64 loadRoster(const QString& sessionId);
    quint64 loadRecord(const QString& appointmentId);
    // Answered with recordLoaded() or loadFailed(), like loadRecord().
    quint64 loadCorrection(const QString& opId, const QString& appointmentId);
    quint64 save(const QList<sitebook::ui::RecordRequest>& records);
    // A group's records in one transaction (StorageWorker::saveGroup); answered like save().
    quint64 saveGroup(const QList<sitebook::ui::RecordRequest>& records);
    void signIn(const sitebook::ui::ServerSettings& server, const QString& username,
                const QString& password);
    void syncNow();
    // Sends the outbox only (before the idle lock); ends with syncFinished() like syncNow().
    void flushOutbox();
    // Ends a running sync's network calls at once (on lock); any thread. See
    // StorageWorker::cancelSync().
    void cancelSync();
    void reauthenticate(const QString& password);
    quint64 loadAttention();
    quint64 discardChange(const QString& opId, const QString& reason);
    // Answered with saved() or saveFailed(), like save().
    quint64 resubmit(const QString& opId, const sitebook::ui::RecordRequest& record);
    quint64 loadCaseload();
    quint64 loadInbox();
    quint64 loadPerson(const QString& personId);
    // `decidedOn`: "YYYY-MM-DD", or empty for today in the UK (see StorageWorker).
    quint64 recordDecision(const QString& appointmentId, const QString& action, const QString& note,
                           const QString& decidedOn = {});
    // Answered with decisionRecorded() or decisionFailed(), like recordDecision().
    quint64 resubmitDecision(const QString& opId, const QString& action, const QString& note,
                             const QString& decidedOn = {});
    quint64 resubmitAbsenceAcceptable(const QString& opId, const QString& code,
                                      const QString& evidence, const QString& decidedOn = {});
    // The record form's draft (see StorageWorker::saveDraft).
    quint64 saveDraft(const QString& appointmentId, const QString& body);
    quint64 discardDraft(const QString& appointmentId);
    // Answered with decisionRecorded() or decisionFailed(), like recordDecision().
    quint64 recordAbsenceAcceptable(const QString& appointmentId, const QString& code,
                                    const QString& evidence, const QString& decidedOn = {});
    quint64 acknowledgeAlert(const QString& feedbackId, const QString& note);
    quint64 confirmOutcome(const QString& appointmentId, const QString& outcomeJson);
    // Signing out: answered with unsentLoaded(); signedOut() or signOutRefused().
    quint64 loadUnsent();
    void signOut(bool discardUnsent);
    // The maximum offline period (StorageWorker::assessOffline and friends).
    void assessOffline();
    void noteServerContact();
    void checkOfflineAtStart();

signals:
    void vaultInspected(const sitebook::ui::VaultStatus& status);
    void opened(const QString& protection);
    void openFailed(int code, const QString& message, const sitebook::ui::VaultStatus& status);
    void closed();
    void sessionsLoaded(quint64 request, const QList<sitebook::ui::SessionSummary>& sessions);
    void rosterLoaded(quint64 request, const QList<sitebook::ui::RosterLine>& lines);
    void recordLoaded(quint64 request, const sitebook::ui::RecordDetail& detail);
    void saved(quint64 request, int records);
    void saveFailed(quint64 request, const sitebook::ui::FieldError& error);
    void loadFailed(quint64 request, const QString& message);
    void pendingCountChanged(qint64 pending);
    void dataChanged();
    void localChange();
    void signedIn(const sitebook::ui::DeviceInfo& info);
    void signInFailed(int code, const QString& message);
    void reauthenticated();
    void deviceLoaded(const sitebook::ui::DeviceInfo& info);
    void syncStatusChanged(const sitebook::ui::SyncStatus& status);
    // A syncNow() or flushOutbox() ended; its last status arrived just before.
    void syncFinished();
    void attentionLoaded(quint64 request, const QList<sitebook::ui::AttentionItem>& items);
    void discarded(quint64 request);
    void caseloadLoaded(quint64 request, const QList<sitebook::ui::CaseloadLine>& lines);
    void inboxLoaded(quint64 request, const QList<sitebook::ui::InboxItem>& items);
    void personLoaded(quint64 request, const sitebook::ui::PersonDetail& detail);
    void decisionRecorded(quint64 request);
    void decisionFailed(quint64 request, const QString& field, const QString& message);
    void draftSaved(quint64 request, const QString& appointmentId, qint64 savedAt);
    void draftDiscarded(quint64 request, const QString& appointmentId);
    void draftsChanged();
    void unsentLoaded(quint64 request, const QStringList& changes);
    void signOutRefused(const QStringList& changes);
    void signedOut(bool serverTold);
    void offlineAssessed(int stage, int daysLeft, int backgroundLockSeconds);
    void offlineShredded();

private:
    template <typename F>
    void post(F&& call);
    quint64 nextRequest() { return ++lastRequest_; }

    const Clock& clock_;
    QThread thread_;
    StorageWorker* worker_ = nullptr;  // lives on thread_; deleted there
    bool open_ = false;
    quint64 lastRequest_ = 0;
};

}  // namespace sitebook::ui
