#include "sync_controller.h"

#include <QDateTime>
#include <QNetworkInformation>

#include "sitebook/common/clock.h"
#include "sitebook/common/error.h"
#include "storage_client.h"

namespace sitebook::ui {

SyncController::SyncController(StorageClient* storage, const Clock& clock,
                               sync::SchedulerPolicy policy, QObject* parent)
    : QObject(parent), storage_(storage), clock_(clock), scheduler_(clock, policy) {
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &SyncController::runIfDue);
    connect(storage_, &StorageClient::syncStatusChanged, this, &SyncController::onStatus);
    connect(storage_, &StorageClient::syncFinished, this, &SyncController::onFinished);
    connect(storage_, &StorageClient::localChange, this, [this] {
        scheduler_.localChange();
        schedule();
    });
    connect(storage_, &StorageClient::pendingCountChanged, this, [this](qint64 pending) {
        if (pending == localPending_)
            return;
        localPending_ = pending;
        emit statusChanged();
    });
}

SyncController::~SyncController() = default;

void SyncController::watchConnectivity() {
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return;
    QNetworkInformation* info = QNetworkInformation::instance();
    if (info == nullptr)
        return;
    auto apply = [this](QNetworkInformation::Reachability r) {
        setReachable(r == QNetworkInformation::Reachability::Online ||
                     r == QNetworkInformation::Reachability::Site ||
                     r == QNetworkInformation::Reachability::Unknown);
    };
    connect(info, &QNetworkInformation::reachabilityChanged, this, apply);
    apply(info->reachability());
    // Another network (Wi-Fi to mobile data, a new access point) while still online: a new
    // route to the server, worth trying at once rather than at the end of a backoff.
    if (info->supports(QNetworkInformation::Feature::TransportMedium)) {
        connect(info, &QNetworkInformation::transportMediumChanged, this, [this] {
            if (scheduler_.online())
                resume();
        });
    }
}

void SyncController::setReachable(bool reachable) {
    if (reachable == scheduler_.online())
        return;
    scheduler_.connectivityChanged(reachable);
    emit statusChanged();  // the strip says "Offline" at once, not at the next sync
    schedule();
}

void SyncController::start() {
    active_ = true;
    // Unlocked: whatever waited while the store was closed goes now.
    scheduler_.resumed();
    schedule();
}

void SyncController::stop() {
    active_ = false;
    timer_.stop();
    // A sync still running would keep the store open (and its key in memory) until its calls'
    // deadlines; end them now. The storage thread closes the store once the sync returns.
    if (requested_)
        storage_->cancelSync();
}

void SyncController::resume() {
    if (!active_)
        return;
    scheduler_.resumed();
    runIfDue();
}

bool SyncController::flushBeforeLock() {
    if (!active_ || !status_.configured || status_.authenticationNeeded)
        return false;
    if (requested_)
        return true;  // the running sync sends the outbox first
    if (localPending_ <= 0)
        return false;
    timer_.stop();
    scheduler_.started();
    requested_ = true;
    emit statusChanged();
    storage_->flushOutbox();
    return true;
}

void SyncController::syncNow() {
    if (!active_ || !status_.configured)
        return;
    scheduler_.userRequested();
    runIfDue();
}

void SyncController::schedule() {
    if (!active_ || !status_.configured || requested_) {
        timer_.stop();
        return;
    }
    const auto due = scheduler_.nextDueAt();
    if (!due) {
        timer_.stop();
        return;
    }
    const qint64 wait = std::max<qint64>(0, *due - clock_.nowMillis());
    // Re-check at least every minute: the clock may be a manual one in tests.
    timer_.start(static_cast<int>(std::min<qint64>(wait, 60'000)));
}

void SyncController::runIfDue() {
    if (!active_ || !status_.configured || requested_)
        return;
    if (!scheduler_.isDue()) {
        schedule();
        return;
    }
    timer_.stop();
    scheduler_.started();
    requested_ = true;
    emit statusChanged();
    storage_->syncNow();
}

void SyncController::onStatus(const SyncStatus& status) {
    const bool wasConfigured = status_.configured;
    status_ = status;
    if (status_.configured)
        localPending_ = status_.pending;
    emit statusChanged();
    if (!wasConfigured && status_.configured)
        schedule();
}

void SyncController::onFinished() {
    // One syncFinished() per posted run, after that run's last status: the status says how it
    // ended. (Statuses published during the run — including the engine's Idle between its
    // phases — never end it.)
    if (!requested_)
        return;
    requested_ = false;
    const bool success = status_.lastError.isEmpty();
    std::optional<UnixMillis> retry;
    if (!success && status_.nextRetryAt > 0)
        retry = status_.nextRetryAt;
    scheduler_.finished(success, retry);
    emit statusChanged();
    emit finished();
    schedule();
}

QString SyncController::stateText() const {
    if (!status_.configured)
        return tr("Demonstration data: not synced");
    if (running())
        return tr("Syncing…");
    if (status_.authenticationNeeded)
        return tr("Sign in again to sync");
    if (!scheduler_.online())
        return tr("Offline: changes are kept on this phone");
    if (!status_.lastError.isEmpty())
        return tr("Offline: the server could not be reached");
    return status_.online ? tr("Online") : tr("Not synced yet");
}

QString SyncController::lastSyncedText() const {
    if (status_.lastSuccessAt <= 0)
        return tr("Never synced");
    const qint64 minutes = (clock_.nowMillis() - status_.lastSuccessAt) / 60'000;
    if (minutes < 1)
        return tr("Synced just now");
    if (minutes < 60)
        return tr("Synced %1 min ago").arg(minutes);
    return tr("Last synced %1")
        .arg(QDateTime::fromMSecsSinceEpoch(status_.lastSuccessAt)
                 .toString(QStringLiteral("d MMM HH:mm")));
}

QString SyncController::progressText() const {
    if (!running())
        return {};
    if (status_.phase == QLatin1String("uploading"))
        return tr("Sending changes: %1 sent").arg(status_.uploaded);
    if (status_.phase == QLatin1String("downloading"))
        return tr("Records received: %1").arg(status_.downloaded);
    return tr("Connecting…");
}

QString SyncController::errorText() const {
    return status_.lastError;
}

bool SyncController::sendFailed() const {
    return status_.configured && pending() > 0 && !running() &&
           (!status_.lastError.isEmpty() || !scheduler_.online());
}

bool SyncController::allSent() const {
    return pending() == 0 && needsAttention() == 0 && status_.lastError.isEmpty();
}

QString SyncController::queueText() const {
    const int waiting = pending();
    if (waiting > 0) {
        if (!status_.configured)
            return tr("%n change(s) kept on this phone", "", waiting);
        if (sendFailed() && status_.oldestPendingAt > 0) {
            const QDateTime since = QDateTime::fromMSecsSinceEpoch(status_.oldestPendingAt);
            const QDateTime now = QDateTime::fromMSecsSinceEpoch(clock_.nowMillis());
            const QString when = since.date() == now.date()
                                     ? since.toString(QStringLiteral("HH:mm"))
                                     : since.toString(QStringLiteral("d MMM HH:mm"));
            return tr("%n change(s) not sent since %1", "", waiting).arg(when);
        }
        return tr("%n change(s) waiting to be sent", "", waiting);
    }
    if (needsAttention() > 0)
        return tr("%n change(s) not accepted by the server", "", needsAttention());
    if (!status_.configured)
        return tr("All changes are saved on this phone");
    return tr("All changes are sent");
}

QString SyncController::errorSummary() const {
    if (status_.lastError.isEmpty())
        return {};
    switch (static_cast<ErrorCode>(status_.errorCode)) {
        case ErrorCode::Unavailable:
        case ErrorCode::DeadlineExceeded:
            return tr(
                "The server could not be reached. Your changes are kept on this phone and "
                "are sent as soon as it answers.");
        case ErrorCode::ResourceExhausted:
            return tr(
                "The server is busy. Your changes are kept on this phone and are sent "
                "when it has room.");
        case ErrorCode::Unauthenticated:
            return tr(
                "Your sign-in has ended. Sign in again to send your changes; they are kept "
                "on this phone.");
        case ErrorCode::PermissionDenied:
            return tr(
                "The server did not allow this phone to sync. Tell your office; your "
                "changes are kept on this phone.");
        default:
            return tr(
                "Sync did not finish. Your changes are kept on this phone. Tell your "
                "office if this keeps happening.");
    }
}

}  // namespace sitebook::ui
