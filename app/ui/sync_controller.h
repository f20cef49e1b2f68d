#pragma once
// SyncController: when to sync, and what the status strip says. Feeds the Qt-free
// SyncScheduler with the app's events — a local change (debounced), connectivity changes
// (QNetworkInformation where the platform has a backend), unlocking and the app coming back to
// the foreground (resume()), a timer for the periodic sync and the capped retry, "Sync now" —
// and runs each sync on the storage thread through the StorageClient. Before the idle lock it
// sends the outbox (flushBeforeLock()); on lock it ends a running sync's calls (stop()). The
// strip's texts come from the engine's state as the worker last reported it, and never say
// that all is well while a change is unsent or refused.
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
    // The strip's second line: what is unsent or refused, e.g. "3 changes not sent since
    // 10:52"; "All changes are sent" only when nothing is waiting or refused.
    Q_PROPERTY(QString queueText READ queueText NOTIFY statusChanged)
    // Nothing unsent, nothing refused, no error: the only state the strip shows a ✓ for.
    Q_PROPERTY(bool allSent READ allSent NOTIFY statusChanged)
    // Changes are waiting and the last attempt to send them failed: the strip offers "Retry".
    Q_PROPERTY(bool sendFailed READ sendFailed NOTIFY statusChanged)
    // The last failure in words a person can act on, and the full text for the details view.
    Q_PROPERTY(QString errorSummary READ errorSummary NOTIFY statusChanged)
    Q_PROPERTY(QString errorDetail READ errorDetail NOTIFY statusChanged)
public:
    SyncController(StorageClient* storage, const Clock& clock, sync::SchedulerPolicy policy = {},
                   QObject* parent = nullptr);
    ~SyncController() override;

    bool configured() const { return status_.configured; }
    bool online() const { return status_.online; }
    bool running() const { return status_.running || requested_; }
    int pending() const { return static_cast<int>(localPending_); }
    int needsAttention() const { return static_cast<int>(status_.needsAttention); }
    QString stateText() const;
    QString lastSyncedText() const;
    QString progressText() const;
    QString errorText() const;
    QString queueText() const;
    bool allSent() const;
    bool sendFailed() const;
    QString errorSummary() const;
    QString errorDetail() const { return status_.lastError; }
    const SyncStatus& status() const { return status_; }
    const sync::SchedulerPolicy& policy() const { return scheduler_.policy(); }
    // When the scheduler will next try (nullopt: nothing due, or a sync is running).
    std::optional<UnixMillis> nextAttemptAt() const { return scheduler_.nextDueAt(); }

    // The user's "Sync now" (or "Retry"): skips the debounce and any backoff.
    Q_INVOKABLE void syncNow();
    // Whether the platform reported connectivity; drives the scheduler (tests call it too).
    void setReachable(bool reachable);
    // Starts watching the platform's connectivity (no-op without a backend).
    void watchConnectivity();
    // Stops scheduling and ends a running sync's network calls (on lock); start() resumes
    // once the store is open, with a sync at once.
    void stop();
    void start();
    // The app came back to the foreground: sync at once if unlocked.
    void resume();
    // Before the idle lock: sends the outbox if anything is waiting. Returns true if a send is
    // under way (finished() follows); false if there is nothing to send or no server.
    bool flushBeforeLock();

signals:
    void statusChanged();
    // A sync finished (successfully or not).
    void finished();

private:
    void onStatus(const SyncStatus& status);
    void onFinished();
    void schedule();
    void runIfDue();

    StorageClient* storage_;
    const Clock& clock_;
    sync::SyncScheduler scheduler_;
    SyncStatus status_;
    qint64 localPending_ = 0;  // the latest count from the store (a save or a sync)
    bool active_ = false;
    bool requested_ = false;  // a sync was posted and has not finished
    QTimer timer_;
};

}  // namespace sitebook::ui
