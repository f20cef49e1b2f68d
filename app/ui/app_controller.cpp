#include "app_controller.h"

#include <QDateTime>
#include <QEvent>
#include <QGuiApplication>

#include "fast_path_model.h"
#include "qt_text.h"
#include "record_controller.h"
#include "roster_model.h"
#include "session_list_model.h"
#include "sitebook/common/clock.h"
#include "sitebook/common/error.h"
#include "sitebook/storage/key_vault.h"
#include "storage_client.h"

namespace sitebook::ui {

AppController::AppController(Parts parts, const Clock& clock, QObject* parent)
    : QObject(parent), parts_(parts), clock_(clock) {
    inactivity_.setSingleShot(true);
    inactivity_.setInterval(lockAfterSeconds_ * 1000);
    connect(&inactivity_, &QTimer::timeout, this, [this] {
        if (state_ != Unlocked)
            return;
        lock();
        emit lockedForInactivity();
    });
    lockoutTick_.setInterval(1000);
    connect(&lockoutTick_, &QTimer::timeout, this, &AppController::tickLockout);

    StorageClient* storage = parts_.storage;
    connect(storage, &StorageClient::vaultInspected, this, &AppController::applyStatus);
    connect(storage, &StorageClient::opened, this, &AppController::onOpened);
    connect(storage, &StorageClient::openFailed, this, &AppController::onOpenFailed);
    connect(storage, &StorageClient::pendingCountChanged, this, [this](qint64 pending) {
        if (pending == pendingCount_)
            return;
        pendingCount_ = static_cast<int>(pending);
        emit pendingCountChanged();
    });
}

int AppController::lockedOutSeconds() const {
    const qint64 left = lockoutUntil_ - clock_.nowMillis();
    return left <= 0 ? 0 : static_cast<int>((left + 999) / 1000);
}

QString AppController::pendingText() const {
    if (pendingCount_ == 0)
        return tr("All changes are saved on this phone");
    return tr("%n change(s) waiting to sync", "", pendingCount_);
}

QString AppController::syncText() const {
    return tr("Offline: sync is not set up on this phone yet");
}

void AppController::setLockAfterSeconds(int seconds) {
    seconds = std::max(seconds, 1);
    if (seconds == lockAfterSeconds_)
        return;
    lockAfterSeconds_ = seconds;
    inactivity_.setInterval(seconds * 1000);
    if (inactivity_.isActive())
        inactivity_.start();
    emit lockAfterSecondsChanged();
}

void AppController::setCoverEnabled(bool enabled) {
    if (enabled == coverEnabled_)
        return;
    coverEnabled_ = enabled;
    emit coveredChanged();
}

void AppController::setApplicationActive(bool active) {
    if (active == active_)
        return;
    const bool wasCovered = covered();
    active_ = active;
    if (covered() != wasCovered)
        emit coveredChanged();
}

QDate AppController::today() const {
    return QDateTime::fromMSecsSinceEpoch(clock_.nowMillis()).date();
}

void AppController::setState(State state) {
    if (state == state_)
        return;
    state_ = state;
    if (state_ == Unlocked) {
        inactivity_.start();
    } else {
        inactivity_.stop();
    }
    emit stateChanged();
}

void AppController::setBusy(bool busy) {
    if (busy == busy_)
        return;
    busy_ = busy;
    emit busyChanged();
}

void AppController::setMessage(const QString& message, const QString& field) {
    if (message == message_ && field == messageField_)
        return;
    message_ = message;
    messageField_ = field;
    emit messageChanged();
}

void AppController::start() {
    setBusy(true);
    parts_.storage->inspect();
}

void AppController::applyStatus(const VaultStatus& status) {
    status_ = status;
    if (!status.protection.isEmpty() && status.protection != protection_) {
        protection_ = status.protection;
        emit protectionChanged();
    }
    lockoutUntil_ = status.lockedOutMillis > 0 ? clock_.nowMillis() + status.lockedOutMillis : 0;
    emit lockoutChanged();
    if (lockedOutSeconds() > 0) {
        tickLockout();
        lockoutTick_.start();
    }
    if (state_ == Starting) {
        setBusy(false);
        setState(status.exists ? Locked : FirstRun);
    }
}

void AppController::createPin(const QString& pin, const QString& confirmation) {
    if (state_ != FirstRun || busy_)
        return;
    if (Status valid = storage::KeyVault::validatePin(toStdString(pin)); !valid.ok()) {
        setMessage(tr("A PIN is 4 to 12 digits."), QStringLiteral("pin"));
        return;
    }
    if (pin != confirmation) {
        setMessage(tr("The two PINs are different. Enter the same PIN twice."),
                   QStringLiteral("confirmation"));
        return;
    }
    setMessage({});
    setBusy(true);
    justCreated_ = true;
    parts_.storage->create(pin);
}

void AppController::unlock(const QString& pin) {
    if (state_ != Locked || busy_)
        return;
    if (pin.isEmpty()) {
        setMessage(tr("Enter your PIN."), QStringLiteral("pin"));
        return;
    }
    setBusy(true);
    justCreated_ = false;
    parts_.storage->unlock(pin);
}

void AppController::onOpened(const QString& protection) {
    setBusy(false);
    lockoutTick_.stop();
    lockoutUntil_ = 0;
    status_.failedAttempts = 0;
    emit lockoutChanged();
    setMessage({});
    if (protection != protection_) {
        protection_ = protection;
        emit protectionChanged();
    }
    setState(Unlocked);
    if (parts_.sessions->date().isValid()) {
        parts_.sessions->reload();
    } else {
        parts_.sessions->setDate(today());
    }
}

void AppController::onOpenFailed(int code, const QString& message, const VaultStatus& status) {
    setBusy(false);
    const auto error = static_cast<ErrorCode>(code);
    if (state_ == FirstRun) {
        justCreated_ = false;
        setMessage(tr("Sitebook could not be set up: %1").arg(message));
        return;
    }
    status_ = status;
    lockoutUntil_ = status.lockedOutMillis > 0 ? clock_.nowMillis() + status.lockedOutMillis : 0;
    emit lockoutChanged();
    if (error == ErrorCode::WrongKey || error == ErrorCode::LockedOut) {
        if (lockedOutSeconds() > 0) {
            tickLockout();
            lockoutTick_.start();
        } else {
            const int left = status.freeFailures - status.failedAttempts;
            if (left > 0) {
                setMessage(tr("Wrong PIN. You can try %n more time(s) before a delay.", "", left),
                           QStringLiteral("pin"));
            } else {
                setMessage(tr("Wrong PIN. Another wrong PIN will make you wait."),
                           QStringLiteral("pin"));
            }
        }
        return;
    }
    setMessage(tr("Sitebook could not open its data: %1").arg(message));
}

void AppController::tickLockout() {
    const int seconds = lockedOutSeconds();
    if (seconds > 0) {
        setMessage(tr("Too many wrong PINs. Try again in %n second(s).", "", seconds),
                   QStringLiteral("pin"));
    } else {
        lockoutTick_.stop();
        setMessage(tr("You can try your PIN again."));
    }
    emit lockoutChanged();
}

void AppController::lock() {
    if (state_ != Unlocked)
        return;
    parts_.record->clear();
    parts_.fastPath->clear();
    parts_.roster->clear();
    parts_.sessions->clear();
    parts_.storage->close();
    justCreated_ = false;
    setMessage({});
    setState(Locked);
}

void AppController::noteActivity() {
    if (state_ == Unlocked)
        inactivity_.start();
}

void AppController::acknowledgeSetup() {
    if (!justCreated_)
        return;
    justCreated_ = false;
    emit stateChanged();
}

bool AppController::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
        case QEvent::KeyPress:
        case QEvent::MouseButtonPress:
        case QEvent::TouchBegin:
        case QEvent::Wheel:
            noteActivity();
            break;
        case QEvent::ApplicationStateChange:
            if (watched == QCoreApplication::instance()) {
                setApplicationActive(QGuiApplication::applicationState() == Qt::ApplicationActive);
            }
            break;
        default:
            break;
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace sitebook::ui
