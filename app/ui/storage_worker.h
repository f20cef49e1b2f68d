#pragma once
// StorageWorker: the only object that touches the key vault and the local store.
//
// Thread affinity: lives on the storage thread (see StorageClient) and does every blocking call
// there — the Argon2id key derivation (about 100 ms at production cost), the platform keystore
// and all SQL. Its slots are called through queued invocations and it answers with signals, which
// arrive on the GUI thread. Nothing it emits holds a pointer into the store.
//
// Ownership: owns the KeyVault and, while unlocked, the LocalStore. `clock`, `random` and
// `keyStore` (may be null) are owned by the caller and must outlive the worker.

#include <QJsonObject>
#include <QObject>
#include <atomic>
#include <memory>
#include <mutex>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "sitebook/common/uuid.h"
#include "sitebook/storage/file_seal.h"
#include "sitebook/storage/key_vault.h"
#include "sitebook/store/local_store.h"
#include "sitebook/sync/sync_engine.h"
#include "sitebook/sync/transport.h"
#include "storage_types.h"

namespace sitebook::ui {

class StorageWorker : public QObject {
    Q_OBJECT
public:
    StorageWorker(StorageConfig config, const Clock& clock, RandomSource& random,
                  storage::KeyStore* keyStore, QObject* parent = nullptr);
    ~StorageWorker() override;

    // The database file inside the data directory.
    std::filesystem::path databasePath() const;

    // Each of these does blocking work; call them on the worker's thread only.
    void inspect();
    void create(const QString& pin);
    // For a device set up without a server (demo, benchmarks): the role and display name the
    // next create() writes into the sealed identity, as a sign-in would.
    void presetIdentity(const QJsonObject& fields) {
        for (auto it = fields.begin(); it != fields.end(); ++it)
            pendingIdentity_.insert(it.key(), it.value());
    }
    void unlock(const QString& pin);
    void close();
    // --- Vault hardening.
    // Destroys this device's keys and records at once, whatever is unsent: the vault (key file
    // overwritten, keystore entries removed), the database with its -wal/-shm, device.json and
    // the CA copy. Nothing is told to the server and no signal is emitted; the caller reports
    // (an unlock with too many wrong PINs answers openFailed() with status().shredded). For
    // policies that must make the device unreadable, e.g. too long offline.
    void shredDevice();
    void loadSessions(quint64 request, QDate date);
    void loadRoster(quint64 request, const QString& sessionId);
    void loadRecord(quint64 request, const QString& appointmentId);
    // The record form of the refused change `opId` (of `appointmentId`), with the refused
    // values in place of the local ones (see RecordDetail::correctionPart). Answers with
    // recordLoaded() or loadFailed().
    void loadCorrection(quint64 request, const QString& opId, const QString& appointmentId);
    // Validates every part of every request, then writes them. Nothing is written if any part
    // is invalid.
    void save(quint64 request, const QList<sitebook::ui::RecordRequest>& records);
    // The group path (see storage_worker_group.cpp): validates every part of every record,
    // then writes all of them in one transaction, so a refusal leaves nothing half-saved. A
    // failure names the appointment it concerns.
    void saveGroup(quint64 request, const QList<sitebook::ui::RecordRequest>& records);
    void countPending();
    // Drafts of the record form (never synced): saveDraft answers with draftSaved(),
    // discardDraft with draftDiscarded(); a first draft or a discarded one also emits
    // draftsChanged() (the roster shows which lines have one).
    void saveDraft(quint64 request, const QString& appointmentId, const QString& body);
    void discardDraft(quint64 request, const QString& appointmentId);

    // --- Sign-in and sync (see storage_worker_sync.cpp).
    // First run with a server: signs in with the password (the server's Login) before any
    // store exists; the credentials wait in memory for create(), which adopts them.
    void signIn(const sitebook::ui::ServerSettings& server, const QString& username,
                const QString& password);
    // Upload, then download; no-op (with a status) when no server is set up.
    void syncNow();
    // The server ended this device's sign-in (refresh token refused or revoked): signs in
    // again as the device's user with a password only. The store, the outbox and the
    // checkpoint are left as they are; emits reauthenticated() or signInFailed().
    void reauthenticate(const QString& password);
    void loadAttention(quint64 request);
    void discardChange(quint64 request, const QString& opId, const QString& reason);
    // Corrects the rejected change `opId` with the record form's `record`. For the
    // appointment's outcome or its feedback the whole form is validated like save(), the
    // corrected change replaces the rejected one (LocalStore::resubmit) and the form's other
    // parts are written with it; for work undertaken, a skill or a case note only that part is
    // validated and sent again (further skills chosen with a corrected skill are added). One
    // transaction either way. Answers with saved() or saveFailed().
    void resubmit(quint64 request, const QString& opId, const sitebook::ui::RecordRequest& record);
    // Corrects the rejected enforcement decision `opId` with `action` and `note`, decided on
    // `decidedOn` ("YYYY-MM-DD"; empty: today in the UK), in place of the refused one. Answers
    // with decisionRecorded() or decisionFailed().
    void resubmitDecision(quint64 request, const QString& opId, const QString& action,
                          const QString& note, const QString& decidedOn = {});
    // Corrects the rejected enforcement decision `opId` as an absence judged acceptable:
    // reclassified as `code` with the `evidence` seen. Answers like resubmitDecision().
    void resubmitAbsenceAcceptable(quint64 request, const QString& opId, const QString& code,
                                   const QString& evidence, const QString& decidedOn = {});

    // --- Sync control (see storage_worker_sync.cpp).
    // Sends the outbox without downloading (before the idle lock); reports like syncNow().
    void flushOutbox();
    // Thread-safe (called on the GUI thread when the app locks): ends the network calls of a
    // running sync and refuses further ones until the store is opened again, so the close()
    // queued behind the sync runs within moments, not after a call's deadline.
    void cancelSync();
    // --- Signing out (see storage_worker_sync.cpp).
    // The changes that have not reached the server (waiting or refused), one line each,
    // oldest first; answers with unsentLoaded().
    void loadUnsent(quint64 request);
    // Signs the user out and removes their case data from the device: tells the server to end
    // the device's sign-in when it can be reached, then destroys the vault keys, the database
    // (with its -wal/-shm), device.json and the CA copy. While changes have not been sent it
    // refuses (signOutRefused(), nothing touched) unless `discardUnsent`. Answers with
    // signedOut() and vaultInspected() (no vault: a first run).
    void signOut(bool discardUnsent);

    // --- The officer's reads and decisions (see storage_worker_officer.cpp).
    void loadCaseload(quint64 request);
    void loadInbox(quint64 request);
    void loadPerson(quint64 request, const QString& personId);
    // Decided on `decidedOn` ("YYYY-MM-DD"; empty: today in the UK): a date before the
    // appointment it answers or after today is refused (field "decided_on"), nothing written.
    void recordDecision(quint64 request, const QString& appointmentId, const QString& action,
                        const QString& note, const QString& decidedOn = {});
    // An unacceptable absence judged acceptable after review: an absence_acceptable decision
    // that reclassifies the outcome as `code` (AAME AAEM AAFC AACL AASD), with `evidence`.
    // Answers with decisionRecorded() or decisionFailed(), like recordDecision().
    void recordAbsenceAcceptable(quint64 request, const QString& appointmentId, const QString& code,
                                 const QString& evidence, const QString& decidedOn = {});
    // The officer read the supervisor's alert on feedback `feedbackId`. Same answers.
    void acknowledgeAlert(quint64 request, const QString& feedbackId, const QString& note);
    // Settles a conflict: the version `outcomeJson` (an outcome object from the conflict item's
    // versions) becomes the appointment's outcome, recorded by the officer. Same answers.
    void confirmOutcome(quint64 request, const QString& appointmentId, const QString& outcomeJson);

    // The maximum offline period (offline_period.h, storage_worker_offline.cpp).
    // Unlocked: judges the last server contact against the never-decreasing clock kept in the
    // store (offlineAssessed()), and shreds the device when the grace is over.
    void assessOffline();
    // Unlocked, after the server answered: fetches its policy values; if the server answers,
    // keeps them and records the contact; then assesses.
    void noteServerContact();
    // Locked, at start: the same judgement from the plain copy of the contact time (the
    // store cannot be read without the PIN), to shred a device left switched off.
    void checkOfflineAtStart();

signals:
    void vaultInspected(const sitebook::ui::VaultStatus& status);
    // The store is open; `protection` is the vault's protection sentence.
    void opened(const QString& protection);
    // Create or unlock failed. `code` is a sitebook::ErrorCode; `status` is the vault's state
    // afterwards (attempts, backoff).
    void openFailed(int code, const QString& message, const sitebook::ui::VaultStatus& status);
    void closed();
    void sessionsLoaded(quint64 request, const QList<sitebook::ui::SessionSummary>& sessions);
    void rosterLoaded(quint64 request, const QList<sitebook::ui::RosterLine>& lines);
    void recordLoaded(quint64 request, const sitebook::ui::RecordDetail& detail);
    void saved(quint64 request, int records);
    void saveFailed(quint64 request, const sitebook::ui::FieldError& error);
    void loadFailed(quint64 request, const QString& message);
    void pendingCountChanged(qint64 pending);
    // Something was written: views showing store data should reload.
    void dataChanged();
    // Something was written by the user (not by a download): a sync is due.
    void localChange();
    void signedIn(const sitebook::ui::DeviceInfo& info);
    void signInFailed(int code, const QString& message);
    // A new sign-in after the server ended the previous one; a sync is due.
    void reauthenticated();
    // Who uses the device; emitted before opened().
    void deviceLoaded(const sitebook::ui::DeviceInfo& info);
    void syncStatusChanged(const sitebook::ui::SyncStatus& status);
    // A syncNow() or flushOutbox() ended (its last status was emitted just before).
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
    // signOut() without discardUnsent while these changes have not been sent.
    void signOutRefused(const QStringList& changes);
    // The device holds no case data any more. `serverTold`: the server ended the sign-in too.
    void signedOut(bool serverTold);
    // `stage` is an OfflineStage; `daysLeft` as OfflineVerdict's.
    void offlineAssessed(int stage, int daysLeft, int backgroundLockSeconds);
    // The offline grace ran out: the keys and the data are gone (closed() follows).
    void offlineShredded();

private:
    // Validates and records an officer's decision; answers decisionRecorded/decisionFailed.
    void saveDecision(quint64 request, const QString& appointmentId, const QString& action,
                      const QString& note, const QString& reclassifiedAs, const QString& decidedOn);
    // Replaces the rejected decision `opId` with `action`, `note` and `reclassifiedAs` (empty
    // unless the action is absence_acceptable), decided on `decidedOn` (empty: today); answers
    // like saveDecision.
    void resubmitDecisionAs(quint64 request, const QString& opId, const QString& action,
                            const QString& note, const QString& reclassifiedAs,
                            const QString& decidedOn);
    // Answers a change made on the person page: decisionRecorded() and a reload, or the error.
    void answerOfficerChange(quint64 request, const Status& written);
    VaultStatus status() const;
    // The seal over device.json and ca.pem (see storage::FileSeal); whatever rewrites either
    // must write the seal again with the data key.
    storage::FileSeal deviceSeal() const;
    Status openStore(const SecretBytes& key);
    Result<domain::Project> project(const std::string& id);
    Result<std::optional<domain::Feedback>> feedbackFor(const std::string& appointmentId);
    // The record form's view of an appointment, or a message saying why there is none.
    std::optional<RecordDetail> recordDetail(const QString& appointmentId, QString& message);
    void resubmitPart(quint64 request, const store::OutboxEntry& rejected,
                      const RecordRequest& record);
    Status validate(RecordRequest& record, FieldError& error);
    Status write(const RecordRequest& record);
    Status startSync(const QJsonObject& identity);
    void publishSync(const sync::SyncState& state, bool running);
    void runSync(bool download);
    // A refused change's session in words, from the device's copy or the kept snapshot.
    QString sessionText(const QJsonObject& about,
                        const std::optional<domain::Appointment>& appointment);
    Result<std::vector<CaseloadLine>> caseload();
    Result<std::vector<InboxItem>> inbox(const QString& personId);
    Result<QStringList> unsentChanges();
    // The offline period: destroys the keys and the data (storage_worker_offline.cpp).
    Status shredDeviceData();

    StorageConfig config_;
    const Clock& clock_;
    RandomSource& random_;
    UuidGenerator ids_;
    std::unique_ptr<storage::KeyVault> vault_;
    std::unique_ptr<store::LocalStore> store_;
    // While signed in to a server: the transport and the engine (declared after store_, so
    // destroyed before it).
    std::unique_ptr<sync::SyncTransport> transport_;
    std::unique_ptr<sync::SyncEngine> engine_;
    std::optional<sync::Credentials> pendingCredentials_;  // signIn() until create()
    QJsonObject pendingIdentity_;
    QString username_;  // the device's user, for signing in again
    // A sync is running on this thread: every status it publishes says so, even between its
    // phases (the engine reports Idle before its first phase and after a failure).
    bool syncing_ = false;
    // Guards transport_ against cancelSync() from the GUI thread.
    std::mutex transportMutex_;
    std::atomic<bool> syncCancelled_{false};
};

}  // namespace sitebook::ui
