#include "app_controller.h"

#include <QDateTime>
#include <QEvent>
#include <QGuiApplication>
#include <QLocale>
#include <QTranslator>
#include <QUrl>
#include <algorithm>

#include "dates.h"
#include "fast_path_model.h"
#include "labels.h"
#include "officer_models.h"
#include "qt_text.h"
#include "record_controller.h"
#include "roster_model.h"
#include "session_list_model.h"
#include "sitebook/common/clock.h"
#include "sitebook/common/enrolment_code.h"
#include "sitebook/common/error.h"
#include "sitebook/storage/key_vault.h"
#include "storage_client.h"
#include "sync_controller.h"

namespace sitebook::ui {

AppController::AppController(Parts parts, const Clock& clock, QObject* parent)
    : QObject(parent), parts_(parts), clock_(clock) {
    inactivity_.setSingleShot(true);
    inactivity_.setInterval(lockAfterSeconds_ * 1000);
    connect(&inactivity_, &QTimer::timeout, this, [this] {
        if (state_ != Unlocked || lockAfterFlush_)
            return;
        if (parts_.sync != nullptr && parts_.sync->flushBeforeLock()) {
            lockAfterFlush_ = true;
            flushBound_.start();
            return;
        }
        lock();
        emit lockedForInactivity();
    });
    flushBound_.setSingleShot(true);
    flushBound_.setInterval(kFlushBeforeLockMs);
    connect(&flushBound_, &QTimer::timeout, this, &AppController::lockForInactivity);
    if (parts_.sync != nullptr) {
        connect(parts_.sync, &SyncController::finished, this, [this] {
            if (lockAfterFlush_)
                lockForInactivity();
        });
        // Every sync that reached the server is a contact (the offline period starts again).
        connect(parts_.sync, &SyncController::finished, this, [this] {
            const SyncStatus& s = parts_.sync->status();
            if (state_ == Unlocked && !offlineLocked() && s.online && s.lastError.isEmpty())
                parts_.storage->noteServerContact();
        });
    }
    backgroundLock_.setSingleShot(true);
    connect(&backgroundLock_, &QTimer::timeout, this, &AppController::lockForBackground);
    lockoutTick_.setInterval(1000);
    connect(&lockoutTick_, &QTimer::timeout, this, &AppController::tickLockout);
    connect(this, &AppController::protectionChanged, this,
            &AppController::protectionSentenceChanged);
    connect(this, &AppController::languageChanged, this, &AppController::protectionSentenceChanged);
    connect(this, &AppController::languageChanged, this, &AppController::lockoutChanged);

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
    connect(storage, &StorageClient::signedIn, this, [this](const DeviceInfo& info) {
        setBusy(false);
        setMessage({});
        device_ = info;
        signedIn_ = true;
        // A new sign-in (perhaps after another user signed out) fetches its data at once.
        syncAfterSignIn_ = true;
        emit signInChanged();
    });
    connect(storage, &StorageClient::signInFailed, this, [this](int code, const QString& text) {
        setBusy(false);
        const auto error = static_cast<ErrorCode>(code);
        if (state_ == Unlocked &&
            (error == ErrorCode::Unauthenticated || error == ErrorCode::PermissionDenied)) {
            setMessage(tr("Sign-in refused: check your password."), QStringLiteral("password"));
        } else if (error == ErrorCode::Unauthenticated || error == ErrorCode::PermissionDenied) {
            setMessage(tr("Sign-in refused: check your username and password."),
                       QStringLiteral("password"));
        } else if (error == ErrorCode::Unavailable || error == ErrorCode::DeadlineExceeded) {
            setMessage(tr("The server could not be reached. Check the address and your signal."),
                       QStringLiteral("server"));
        } else {
            setMessage(tr("Could not sign in: %1").arg(text));
        }
    });
    connect(storage, &StorageClient::reauthenticated, this, [this] {
        setBusy(false);
        setMessage({});
        updateSessionEnded();
        emit signedInAgain();
        // A contact with the server: ends an offline lock (offlineAssessed) and any warning.
        parts_.storage->noteServerContact();
        if (parts_.sync != nullptr)
            parts_.sync->syncNow();
    });
    connect(storage, &StorageClient::offlineAssessed, this, &AppController::onOfflineAssessed);
    connect(storage, &StorageClient::offlineShredded, this, &AppController::onOfflineShredded);
    if (parts_.sync != nullptr) {
        connect(parts_.sync, &SyncController::statusChanged, this,
                &AppController::updateSessionEnded);
    }
    connect(storage, &StorageClient::deviceLoaded, this, [this](const DeviceInfo& info) {
        device_ = info;
        emit signInChanged();
    });
    // Signing out: the confirmation lists what has not been sent; the worker refuses to sign
    // out over unsent changes unless told to discard them, and answers with that list again.
    connect(storage, &StorageClient::unsentLoaded, this,
            [this](quint64 request, const QStringList& changes) {
                if (request != unsentRequest_ || state_ != Unlocked)
                    return;
                setUnsentChanges(changes);
                emit signOutRequested();
            });
    connect(storage, &StorageClient::signOutRefused, this, [this](const QStringList& changes) {
        setBusy(false);
        setUnsentChanges(changes);
        emit signOutRequested();
    });
    connect(storage, &StorageClient::signedOut, this, [this](bool serverTold) {
        setBusy(false);
        const QString who = userName();
        clearViews();
        device_ = {};
        signedIn_ = false;
        justCreated_ = false;
        offlineStage_ = 0;
        emit offlineChanged();
        setUnsentChanges({});
        setMessage({});
        setNotice(serverTold
                      ? tr("%1 is signed out. Their records were removed from this phone.").arg(who)
                      : tr("%1 is signed out. Their records were removed from this phone; "
                           "the server could not be reached, so their sign-in ends "
                           "there when it expires.")
                            .arg(who));
        // The vault is gone: a first run, which signs in before a PIN is chosen.
        setState(FirstRun);
        emit signInChanged();
        emit signedOut();
    });
    // A download or a decision changes what the officer's screens show.
    connect(storage, &StorageClient::dataChanged, this, [this] {
        if (state_ != Unlocked)
            return;
        if (parts_.caseload != nullptr && officer()) {
            parts_.caseload->reload();
            parts_.inbox->reload();
        }
        if (parts_.attention != nullptr)
            parts_.attention->reload();
    });
}

void AppController::setUseServer(bool useServer) {
    if (useServer == useServer_)
        return;
    useServer_ = useServer;
    emit signInChanged();
}

void AppController::setServerAddress(const QString& address) {
    if (address == server_.address)
        return;
    server_.address = address;
    emit serverAddressChanged();
    emit serverChanged();
}

void AppController::setCaFile(const QString& file) {
    // A file chosen in a file dialog arrives as a URL.
    const QString path = file.startsWith(QLatin1String("file:")) ? QUrl(file).toLocalFile() : file;
    const bool unpin = !server_.caPem.isEmpty() && !path.isEmpty();
    if (path == server_.caFile && !unpin)
        return;
    server_.caFile = path;
    if (unpin) {
        // A file chosen by hand replaces the CA an enrolment code pinned.
        server_.caPem.clear();
        server_.tlsName.clear();
        caFingerprint_.clear();
    }
    emit caFileChanged();
    emit serverChanged();
}

void AppController::signIn(const QString& username, const QString& password) {
    if (state_ != FirstRun || busy_)
        return;
    if (server_.address.trimmed().isEmpty()) {
        setMessage(tr("Enter the server address."), QStringLiteral("server"));
        return;
    }
    if (server_.caFile.trimmed().isEmpty() && server_.caPem.isEmpty()) {
        setMessage(tr("Choose the server's certificate file, or paste an enrolment code."),
                   QStringLiteral("ca"));
        return;
    }
    if (username.trimmed().isEmpty()) {
        setMessage(tr("Enter your username."), QStringLiteral("username"));
        return;
    }
    if (password.isEmpty()) {
        setMessage(tr("Enter your password."), QStringLiteral("password"));
        return;
    }
    setMessage({});
    setBusy(true);
    QString file = server_.caFile.trimmed();
    if (file.startsWith(QLatin1String("file://")))
        file = QUrl(file).toLocalFile();
    setNotice({});
    parts_.storage->signIn({server_.address.trimmed(), file, server_.tlsName, server_.caPem},
                           username, password);
}

void AppController::signInAgain(const QString& password) {
    if ((!sessionEnded() && !(state_ == Unlocked && offlineLocked())) || busy_)
        return;
    if (password.isEmpty()) {
        setMessage(tr("Enter your password."), QStringLiteral("password"));
        return;
    }
    setMessage({});
    setBusy(true);
    parts_.storage->reauthenticate(password);
}

void AppController::setFontScale(double scale) {
    scale = std::clamp(scale, 1.0, 2.0);
    if (qFuzzyCompare(scale, fontScale_))
        return;
    fontScale_ = scale;
    emit fontScaleChanged();
}

AppController::~AppController() {
    if (translator_)
        QCoreApplication::removeTranslator(translator_.get());
}

void AppController::setLanguage(const QString& language) {
    const QString wanted =
        language == QLatin1String("cy") ? QStringLiteral("cy") : QStringLiteral("en");
    if (wanted == language_)
        return;
    // English is the fallback: it supplies the plural forms of the source texts.
    auto next = std::make_unique<QTranslator>();
    if (!next->load(QStringLiteral(":/i18n/sitebook_%1.qm").arg(wanted)) &&
        !next->load(QStringLiteral(":/i18n/sitebook_en.qm"))) {
        next.reset();
    }
    if (translator_)
        QCoreApplication::removeTranslator(translator_.get());
    translator_ = std::move(next);
    if (translator_)
        QCoreApplication::installTranslator(translator_.get());
    QLocale::setDefault(dates::localeFor(wanted));
    language_ = wanted;
    // The models translate their texts when they are read: read them again.
    if (state_ == Unlocked) {
        parts_.sessions->reload();
        if (!parts_.roster->sessionId().isEmpty())
            parts_.roster->reload();
        if (parts_.caseload != nullptr) {
            parts_.caseload->reload();
            parts_.inbox->reload();
            if (!parts_.person->personId().isEmpty())
                parts_.person->reload();
        }
        if (parts_.attention != nullptr)
            parts_.attention->reload();
    }
    // The status texts are translated when read, too.
    emit pendingCountChanged();
    if (parts_.sync != nullptr)
        emit parts_.sync->statusChanged();
    emit languageChanged();
}

QString AppController::pinRule() const {
    if (status_.keystore) {
        return tr("Choose a PIN of %1 to %2 digits that is not easy to guess (not 123456 or "
                  "111111). You will need it each time you open Sitebook. Everything recorded "
                  "on this phone is encrypted; the PIN and this phone's secure key store unlock "
                  "it together, even without signal.")
            .arg(status_.minPinLength)
            .arg(storage::KeyVault::kMaxPinLength);
    }
    return tr("This device has no secure key store, so the PIN alone protects the records on "
              "it. Choose a longer PIN of %1 to %2 digits that is not easy to guess. You will "
              "need it each time you open Sitebook; it unlocks the encrypted records even "
              "without signal.")
        .arg(status_.minPinLength)
        .arg(storage::KeyVault::kMaxPinLength);
}

QString AppController::protectionSentence() const {
    return labels::protection(protection_);
}

bool AppController::sessionEnded() const {
    return state_ == Unlocked && parts_.sync != nullptr && parts_.sync->configured() &&
           parts_.sync->status().authenticationNeeded;
}

void AppController::updateSessionEnded() {
    const bool ended = sessionEnded();
    if (ended == sessionEnded_)
        return;
    sessionEnded_ = ended;
    emit sessionEndedChanged();
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
    if (!enabled) {
        backgroundLock_.stop();
        backgroundSince_ = 0;
    }
    emit coveredChanged();
}

void AppController::setBackgroundLockSeconds(int seconds) {
    seconds = std::max(seconds, 0);
    if (seconds == backgroundLockSeconds_)
        return;
    backgroundLockSeconds_ = seconds;
    emit backgroundLockSecondsChanged();
}

void AppController::setApplicationActive(bool active) {
    if (active == active_)
        return;
    const bool wasCovered = covered();
    active_ = active;
    if (covered() != wasCovered)
        emit coveredChanged();
    if (!active_) {
        // Into the background (or the screen went off): the lock follows after the grace.
        // The outbox starts leaving now, because the lock closes the store and a suspended
        // app sends nothing; a send the lock cuts short resumes after the next unlock.
        if (state_ == Unlocked && coverEnabled_) {
            backgroundSince_ = clock_.nowMillis();
            backgroundLock_.start(backgroundLockSeconds_ * 1000);
            if (parts_.sync != nullptr)
                (void)parts_.sync->flushBeforeLock();
        }
        return;
    }
    backgroundLock_.stop();
    // A platform that suspended the process fired no timer: the clock says whether the grace
    // ran out while the app was away.
    const bool graceOver = backgroundSince_ > 0 && clock_.nowMillis() - backgroundSince_ >=
                                                       qint64{backgroundLockSeconds_} * 1000;
    if (graceOver) {
        lockForBackground();
        return;
    }
    backgroundSince_ = 0;
    // Back in the foreground: what waited while the app was in the background goes now.
    if (state_ == Unlocked && parts_.sync != nullptr)
        parts_.sync->resume();
}

void AppController::lockForBackground() {
    backgroundSince_ = 0;
    backgroundLock_.stop();
    if (state_ != Unlocked)
        return;
    lockAfterFlush_ = false;
    flushBound_.stop();
    lock();
    emit lockedInBackground();
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
        backgroundLock_.stop();
    }
    emit stateChanged();
    emit signInChanged();
    emit offlineChanged();
    updateSessionEnded();
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
    // A device left unused past the offline period's grace is shredded before anything else.
    parts_.storage->checkOfflineAtStart();
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
    if (state_ != FirstRun || busy_ || needsSignIn())
        return;
    const auto mode = status_.keystore ? storage::VaultProtection::PinAndKeystore
                                       : storage::VaultProtection::PinOnly;
    switch (storage::KeyVault::checkPin(toStdString(pin), mode)) {
        case storage::PinProblem::None:
            break;
        case storage::PinProblem::Trivial:
            setMessage(tr("Choose a PIN that is harder to guess: not a run like 123456 or a "
                          "repeated pattern like 111111 or 121212."),
                       QStringLiteral("pin"));
            return;
        default:
            setMessage(tr("Enter a PIN of %1 to %2 digits.")
                           .arg(storage::KeyVault::minPinLength(mode))
                           .arg(storage::KeyVault::kMaxPinLength),
                       QStringLiteral("pin"));
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
    lockoutTick_.stop();
    lockoutUntil_ = 0;
    status_.failedAttempts = 0;
    emit lockoutChanged();
    if (protection != protection_) {
        protection_ = protection;
        emit protectionChanged();
    }
    // A device that syncs: nothing is shown before the offline period is judged.
    if (!device_.server.isEmpty()) {
        awaitingOfflineVerdict_ = true;
        parts_.storage->assessOffline();
        return;
    }
    finishOpen();
}

void AppController::finishOpen() {
    setBusy(false);
    setMessage({});
    setState(Unlocked);
    // Locked for the offline period: nothing is read or synced until the user signs in again.
    if (offlineLocked())
        return;
    if (parts_.sessions->date().isValid()) {
        parts_.sessions->reload();
    } else {
        parts_.sessions->setDate(today());
    }
    if (parts_.caseload != nullptr && officer()) {
        parts_.caseload->reload();
        parts_.inbox->reload();
    }
    if (parts_.attention != nullptr)
        parts_.attention->reload();
    if (parts_.sync != nullptr) {
        parts_.sync->start();
        if (syncAfterSignIn_)
            parts_.sync->syncNow();
    }
    syncAfterSignIn_ = false;
}

void AppController::onOfflineAssessed(int stage, int daysLeft, int backgroundLockSeconds) {
    const bool wasLocked = offlineLocked();
    offlineStage_ = stage;
    offlineDaysLeft_ = daysLeft;
    setBackgroundLockSeconds(backgroundLockSeconds);
    emit offlineChanged();
    if (awaitingOfflineVerdict_) {
        awaitingOfflineVerdict_ = false;
        if (parts_.storage->isOpen())
            finishOpen();
        return;
    }
    if (state_ != Unlocked)
        return;
    if (wasLocked && !offlineLocked()) {
        // Signed in again online: everything loads, and the waiting changes go.
        syncAfterSignIn_ = true;
        finishOpen();
    } else if (!wasLocked && offlineLocked()) {
        clearViews();
    }
}

void AppController::onOfflineShredded() {
    const bool wasOpen = state_ == Unlocked;
    if (wasOpen)
        clearViews();
    awaitingOfflineVerdict_ = false;
    offlineStage_ = 0;
    device_ = {};
    signedIn_ = false;
    justCreated_ = false;
    setBusy(false);
    setMessage({});
    setNotice(
        tr("This phone had not reached the server for too long, so its Sitebook data "
           "was deleted. Sign in to use Sitebook again."));
    setState(FirstRun);
    emit offlineChanged();
    emit signInChanged();
}

QString AppController::offlineWarning() const {
    if (state_ != Unlocked || offlineStage_ != 1)
        return {};
    return tr("Connect to the server within %n day(s) or this device will lock.", "",
              offlineDaysLeft_);
}

QString AppController::offlineLockText() const {
    return tr(
        "This phone has not reached the server for too long, so its records are locked. "
        "Sign in with your password while you have signal to see them again. If it "
        "does not reach the server within %n day(s), its Sitebook data will be deleted.",
        "", offlineDaysLeft_);
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
    if (status.shredded) {
        // Too many wrong PINs: the keys and records are gone; the device starts again with a
        // sign-in.
        clearViews();
        device_ = {};
        signedIn_ = false;
        justCreated_ = false;
        setUnsentChanges({});
        setMessage({});
        setNotice(
            tr("Too many wrong PINs. To protect the records, they were removed from this "
               "phone. Sign in again to get them back from the server."));
        setState(FirstRun);
        emit signInChanged();
        return;
    }
    if (error == ErrorCode::WrongKey || error == ErrorCode::LockedOut) {
        const int beforeWipe = status.attemptsBeforeWipe;
        if (beforeWipe > 0 && beforeWipe <= 3 && lockedOutSeconds() == 0) {
            setMessage(tr("Wrong PIN. %n more wrong PIN(s) will remove all records from this "
                          "phone.",
                          "", beforeWipe),
                       QStringLiteral("pin"));
            return;
        }
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
    const int beforeWipe = status_.attemptsBeforeWipe;
    if (seconds > 0 && beforeWipe > 0 && beforeWipe <= 3) {
        setMessage(
            tr("Too many wrong PINs. Try again in %n second(s).", "", seconds) + QLatin1Char(' ') +
                tr("%n more wrong PIN(s) will remove all records from this phone.", "", beforeWipe),
            QStringLiteral("pin"));
    } else if (seconds > 0) {
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
    clearViews();
    parts_.storage->close();
    justCreated_ = false;
    setMessage({});
    setState(Locked);
}

void AppController::clearViews() {
    parts_.record->clear();
    parts_.fastPath->clear();
    parts_.roster->clear();
    parts_.sessions->clear();
    if (parts_.sync != nullptr)
        parts_.sync->stop();
    if (parts_.caseload != nullptr) {
        parts_.caseload->clear();
        parts_.inbox->clear();
        parts_.person->clear();
    }
    if (parts_.attention != nullptr)
        parts_.attention->clear();
}

void AppController::lockForInactivity() {
    if (!lockAfterFlush_)
        return;
    lockAfterFlush_ = false;
    flushBound_.stop();
    if (state_ != Unlocked)
        return;
    lock();
    emit lockedForInactivity();
}

void AppController::noteActivity() {
    if (lockAfterFlush_) {  // the person is back before the lock: no lock
        lockAfterFlush_ = false;
        flushBound_.stop();
    }
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

bool AppController::useEnrolmentCode(const QString& code) {
    auto parsed = parseEnrolmentCode(toStdString(code));
    if (!parsed.ok()) {
        const std::string field = parsed.error().field;
        if (field == "version") {
            setMessage(tr("This enrolment code is newer than this version of Sitebook. Update "
                          "the app, then paste the code again."),
                       QStringLiteral("enrolment"));
        } else if (field == "code") {
            setMessage(tr("This is not a Sitebook enrolment code. Paste the whole code you were "
                          "given; it starts with \"sitebook:enrol\"."),
                       QStringLiteral("enrolment"));
        } else {
            setMessage(tr("The enrolment code is incomplete or damaged. Copy all of it again and "
                          "paste it here."),
                       QStringLiteral("enrolment"));
        }
        return false;
    }
    server_.caPem = toQString(derCertificateToPem(parsed->caDer));
    server_.tlsName = toQString(parsed->tlsName);
    server_.caFile.clear();
    caFingerprint_ = toQString(fingerprintText(certificateSha256(parsed->caDer)));
    setServerAddress(toQString(parsed->server));
    setMessage({});
    emit caFileChanged();
    emit serverChanged();
    return true;
}

void AppController::signOut() {
    if (state_ != Unlocked || busy_)
        return;
    unsentRequest_ = parts_.storage->loadUnsent();
}

void AppController::confirmSignOut(bool discardUnsent) {
    if (state_ != Unlocked || busy_)
        return;
    setBusy(true);
    // A sync already queued on the storage thread finishes first; the worker then counts
    // what is still unsent.
    parts_.storage->signOut(discardUnsent);
}

void AppController::setUnsentChanges(const QStringList& changes) {
    if (changes == unsentChanges_)
        return;
    unsentChanges_ = changes;
    emit unsentChangesChanged();
}

void AppController::setNotice(const QString& notice) {
    if (notice == notice_)
        return;
    notice_ = notice;
    emit noticeChanged();
}

}  // namespace sitebook::ui
