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

#include <QObject>
#include <memory>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "sitebook/common/uuid.h"
#include "sitebook/storage/key_vault.h"
#include "sitebook/store/local_store.h"
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
    void unlock(const QString& pin);
    void close();
    void loadSessions(quint64 request, QDate date);
    void loadRoster(quint64 request, const QString& sessionId);
    void loadRecord(quint64 request, const QString& appointmentId);
    // Validates every part of every request, then writes them. Nothing is written if any part
    // is invalid.
    void save(quint64 request, const QList<sitebook::ui::RecordRequest>& records);
    void countPending();

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

private:
    VaultStatus status() const;
    Status openStore(const SecretBytes& key);
    Result<domain::Project> project(const std::string& id);
    Result<std::optional<domain::Feedback>> feedbackFor(const std::string& appointmentId);
    Status validate(RecordRequest& record, FieldError& error);
    Status write(const RecordRequest& record);

    StorageConfig config_;
    const Clock& clock_;
    RandomSource& random_;
    UuidGenerator ids_;
    std::unique_ptr<storage::KeyVault> vault_;
    std::unique_ptr<store::LocalStore> store_;
};

}  // namespace sitebook::ui
