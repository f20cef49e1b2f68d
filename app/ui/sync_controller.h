#pragma once
// SyncController: when to sync, and what the status strip says. Feeds the Qt-free
// SyncScheduler with the app's events — a local change (debounced), connectivity returning
// (QNetworkInformation where the platform has a backend), a periodic timer, "Sync now" — and
// runs each sync on the storage thread through the StorageClient. The strip's texts come from
// the engine's state as the worker last reported it.
//
// Thread affinity: GUI thread. The storage client and clock must outlive it.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QTimer>
#include <memory>

#include "sitebook/sync/sync_scheduler.h"
#include "storage_types.h"

namespace sitebook {
class Clock;
}

namespace sitebook::ui {

class StorageClient;

class SyncController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application and handed to QML")
    Q_PROPERTY(bool configured READ configured NOTIFY statusChanged)
    Q_PROPERTY(bool online READ online NOTIFY statusChanged)
    Q_PROPERTY(bool running READ running NOTIFY statusChanged)
    Q_PROPERTY(int pending READ pending NOTIFY statusChanged)
    Q_PROPERTY(int needsAttention READ needsAttention NOTIFY statusChanged)
    Q_PROPERTY(QString stateText READ stateText NOTIFY statusChanged)
    Q_PROPERTY(QString lastSyncedText READ lastSyncedText NOTIFY statusChanged)
    Q_PROPERTY(QString progressText READ progressText NOTIFY statusChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY statusChanged)
public:
    SyncController(StorageClient* storage, const Clock& clock, sync::SchedulerPolicy policy = {},
                   QObject* parent = nullptr);
    ~SyncController() override;

    bool configured() const { return status_.configured; }
    bool online() const { return status_.online; }
    bool running() const { return status_.running || requested_; }
    int pending() const { return static_cast<int>(status_.pending); }
    int needsAttention() const { return static_cast<int>(status_.needsAttention); }
    QString stateText() const;
    QString lastSyncedText() const;
    QString progressText() const;
    QString errorText() const;
    const SyncStatus& status() const { return status_; }

    // The user's "Sync now": skips the debounce and any backoff.
    Q_INVOKABLE void syncNow();
    // Whether the platform reported connectivity; drives the scheduler (tests call it too).
    void setReachable(bool reachable);
    // Starts watching the platform's connectivity (no-op without a backend).
    void watchConnectivity();
    // Stops scheduling (on lock); start() resumes once the store is open.
    void stop();
    void start();

signals:
    void statusChanged();
    // A sync finished (successfully or not).
    void finished();

private:
    void onStatus(const SyncStatus& status);
    void schedule();
    void runIfDue();

    StorageClient* storage_;
    const Clock& clock_;
    sync::SyncScheduler scheduler_;
    SyncStatus status_;
    bool active_ = false;
    bool requested_ = false;  // a sync was posted and has not finished
    QTimer timer_;
};

}  // namespace sitebook::ui
