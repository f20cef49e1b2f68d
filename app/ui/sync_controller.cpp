#include "sync_controller.h"

#include <QDateTime>
#include <QNetworkInformation>

#include "sitebook/common/clock.h"
#include "storage_client.h"

namespace sitebook::ui {

SyncController::SyncController(StorageClient* storage, const Clock& clock,
                               sync::SchedulerPolicy policy, QObject* parent)
    : QObject(parent), storage_(storage), clock_(clock), scheduler_(clock, policy) {
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &SyncController::runIfDue);
    connect(storage_, &StorageClient::syncStatusChanged, this, &SyncController::onStatus);
    connect(storage_, &StorageClient::localChange, this, [this] {
        scheduler_.localChange();
        schedule();
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
    schedule();
}

void SyncController::stop() {
    active_ = false;
    timer_.stop();
}

void SyncController::syncNow() {
    if (!active_ || !status_.configured)
        return;
    scheduler_.userRequested();
    runIfDue();
}

void SyncController::schedule() {
    if (!active_ || !status_.configured) {
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
    scheduler_.started();
    requested_ = true;
    emit statusChanged();
    storage_->syncNow();
}

void SyncController::onStatus(const SyncStatus& status) {
    const bool wasConfigured = status_.configured;
    status_ = status;
    // The worker reports running = false once when a run ends.
    if (requested_ && !status.running) {
        requested_ = false;
        const bool success = status.lastError.isEmpty();
        std::optional<UnixMillis> retry;
        if (!success && status.nextRetryAt > 0)
            retry = status.nextRetryAt;
        scheduler_.finished(success, retry);
        emit finished();
    }
    emit statusChanged();
    if (!wasConfigured && status_.configured)
        schedule();
    else if (!timer_.isActive() && !requested_)
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

}  // namespace sitebook::ui
