#pragma once
// The application's state: first run (choose a PIN), locked (unlock with the PIN, with the
// vault's backoff shown as a countdown), unlocked. Locks after inactivity and covers the screen
// when the application is not active. Owns nothing it is given: the storage client and the
// models are injected and must outlive it.
//
// Thread affinity: GUI thread.

#include <QtQml/qqmlregistration.h>
#include <QDate>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <memory>

#include "storage_types.h"

class QTranslator;

namespace sitebook {
class Clock;
}

namespace sitebook::ui {

class StorageClient;
class SessionListModel;
class RosterModel;
class RecordController;
class FastPathModel;
class SyncController;
class CaseloadModel;
class InboxModel;
class AttentionModel;
class PersonController;

class AppController : public QObject {
    Q_OBJECT
    Q_MOC_INCLUDE("session_list_model.h")
    Q_MOC_INCLUDE("roster_model.h")
    Q_MOC_INCLUDE("record_controller.h")
    Q_MOC_INCLUDE("fast_path_model.h")
    Q_MOC_INCLUDE("sync_controller.h")
    Q_MOC_INCLUDE("officer_models.h")
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application and handed to QML")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(QString messageField READ messageField NOTIFY messageChanged)
    Q_PROPERTY(QString protection READ protection NOTIFY protectionChanged)
    Q_PROPERTY(int failedAttempts READ failedAttempts NOTIFY lockoutChanged)
    Q_PROPERTY(int lockedOutSeconds READ lockedOutSeconds NOTIFY lockoutChanged)
    // First run: the PIN policy in words, saying whether a keystore protects the device.
    Q_PROPERTY(QString pinRule READ pinRule NOTIFY lockoutChanged)
    Q_PROPERTY(bool justCreated READ justCreated NOTIFY stateChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
    Q_PROPERTY(QString pendingText READ pendingText NOTIFY pendingCountChanged)
    Q_PROPERTY(QString syncText READ syncText CONSTANT)
    Q_PROPERTY(int lockAfterSeconds READ lockAfterSeconds WRITE setLockAfterSeconds NOTIFY
                   lockAfterSecondsChanged)
    Q_PROPERTY(bool covered READ covered NOTIFY coveredChanged)
    // Seconds the app may spend in the background (or with the screen off) before it locks;
    // policy, default 5. Measured on the injected clock, so a process the platform suspended
    // locks the moment it is resumed.
    Q_PROPERTY(int backgroundLockSeconds READ backgroundLockSeconds WRITE setBackgroundLockSeconds
                   NOTIFY backgroundLockSecondsChanged)
    Q_PROPERTY(bool coverEnabled READ coverEnabled WRITE setCoverEnabled NOTIFY coveredChanged)
    Q_PROPERTY(QDate today READ today CONSTANT)
    Q_PROPERTY(sitebook::ui::SessionListModel* sessions READ sessions CONSTANT)
    Q_PROPERTY(sitebook::ui::RosterModel* roster READ roster CONSTANT)
    Q_PROPERTY(sitebook::ui::RecordController* record READ record CONSTANT)
    Q_PROPERTY(sitebook::ui::FastPathModel* fastPath READ fastPath CONSTANT)
    Q_PROPERTY(sitebook::ui::SyncController* sync READ sync CONSTANT)
    Q_PROPERTY(sitebook::ui::CaseloadModel* caseload READ caseload CONSTANT)
    Q_PROPERTY(sitebook::ui::InboxModel* inbox READ inbox CONSTANT)
    Q_PROPERTY(sitebook::ui::AttentionModel* attention READ attention CONSTANT)
    Q_PROPERTY(sitebook::ui::PersonController* person READ person CONSTANT)
    // First run with a server: sign in (server, CA, username, password) before the PIN.
    // Each field has its own change signal: typing one never resets the other.
    Q_PROPERTY(
        QString serverAddress READ serverAddress WRITE setServerAddress NOTIFY serverAddressChanged)
    Q_PROPERTY(QString caFile READ caFile WRITE setCaFile NOTIFY caFileChanged)
    Q_PROPERTY(bool needsSignIn READ needsSignIn NOTIFY signInChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY signInChanged)
    Q_PROPERTY(QString role READ role NOTIFY signInChanged)
    Q_PROPERTY(bool officer READ officer NOTIFY signInChanged)
    // Unlocked, and the server has ended this device's sign-in: a password is needed to sync
    // again (signInAgain). Local data and the outbox are untouched meanwhile.
    Q_PROPERTY(bool sessionEnded READ sessionEnded NOTIFY sessionEndedChanged)
    // Who the device belongs to and where it syncs, for the sign-in-again screen.
    Q_PROPERTY(QString accountName READ accountName NOTIFY signInChanged)
    Q_PROPERTY(QString accountServer READ accountServer NOTIFY signInChanged)
    // The user's text size, 1 (standard) to 2 (200 %); the screens scale every font by it.
    Q_PROPERTY(double fontScale READ fontScale WRITE setFontScale NOTIFY fontScaleChanged)
    // The interface language, "en" or "cy", switched at runtime (translator, dates, models).
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // How the data on this device is protected, in plain words in the interface language.
    Q_PROPERTY(QString protectionSentence READ protectionSentence NOTIFY protectionSentenceChanged)
    // Enrolment and signing out.
    // A CA pinned by an enrolment code (useEnrolmentCode), with its SHA-256 fingerprint
    // ("AB:CD:…"); choosing a CA file instead drops the pin.
    Q_PROPERTY(bool caPinned READ caPinned NOTIFY caFileChanged)
    Q_PROPERTY(QString caFingerprint READ caFingerprint NOTIFY caFileChanged)
    // The changes that have not reached the server, for the sign-out confirmation.
    Q_PROPERTY(QStringList unsentChanges READ unsentChanges NOTIFY unsentChangesChanged)
    // The maximum offline period (docs/SECURITY.md). A warning for the home screens' status
    // area, days before the lock ("Connect to the server within 3 days or …"; empty when none),
    // and the lock itself: unlocked with the PIN, but nothing is shown until the user signs in
    // again online (signInAgain).
    Q_PROPERTY(QString offlineWarning READ offlineWarning NOTIFY offlineChanged)
    Q_PROPERTY(bool offlineLocked READ offlineLocked NOTIFY offlineChanged)
    Q_PROPERTY(QString offlineLockText READ offlineLockText NOTIFY offlineChanged)
    // A sentence for the sign-in page after signing out (empty otherwise).
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
public:
    enum State { Starting, FirstRun, Locked, Unlocked };
    Q_ENUM(State)

    struct Parts {
        StorageClient* storage = nullptr;
        SessionListModel* sessions = nullptr;
        RosterModel* roster = nullptr;
        RecordController* record = nullptr;
        FastPathModel* fastPath = nullptr;
        // Optional: without them the app is the offline supervisor's app only.
        SyncController* sync = nullptr;
        CaseloadModel* caseload = nullptr;
        InboxModel* inbox = nullptr;
        AttentionModel* attention = nullptr;
        PersonController* person = nullptr;
    };

    AppController(Parts parts, const Clock& clock, QObject* parent = nullptr);
    ~AppController() override;

    State state() const { return state_; }
    bool busy() const { return busy_; }
    QString message() const { return message_; }
    QString messageField() const { return messageField_; }
    QString protection() const { return protection_; }
    int failedAttempts() const { return status_.failedAttempts; }
    int lockedOutSeconds() const;
    QString pinRule() const;
    bool justCreated() const { return justCreated_; }
    int pendingCount() const { return pendingCount_; }
    QString pendingText() const;
    QString syncText() const;
    int lockAfterSeconds() const { return lockAfterSeconds_; }
    void setLockAfterSeconds(int seconds);
    bool covered() const { return coverEnabled_ && !active_; }
    bool coverEnabled() const { return coverEnabled_; }
    // The cover and the background lock together (off only for the screenshot tool and tests).
    void setCoverEnabled(bool enabled);
    int backgroundLockSeconds() const { return backgroundLockSeconds_; }
    void setBackgroundLockSeconds(int seconds);
    QDate today() const;
    SessionListModel* sessions() const { return parts_.sessions; }
    RosterModel* roster() const { return parts_.roster; }
    RecordController* record() const { return parts_.record; }
    FastPathModel* fastPath() const { return parts_.fastPath; }
    SyncController* sync() const { return parts_.sync; }
    CaseloadModel* caseload() const { return parts_.caseload; }
    InboxModel* inbox() const { return parts_.inbox; }
    AttentionModel* attention() const { return parts_.attention; }
    PersonController* person() const { return parts_.person; }
    QString serverAddress() const { return server_.address; }
    void setServerAddress(const QString& address);
    QString caFile() const { return server_.caFile; }
    void setCaFile(const QString& file);
    // A server is set up and nobody has signed in yet (first run only).
    bool needsSignIn() const { return state_ == FirstRun && useServer_ && !signedIn_; }
    QString userName() const {
        return device_.displayName.isEmpty() ? device_.username : device_.displayName;
    }
    QString role() const { return device_.role; }
    bool officer() const {
        return device_.role == QLatin1String("officer") || device_.role == QLatin1String("admin");
    }
    bool sessionEnded() const;
    double fontScale() const { return fontScale_; }
    void setFontScale(double scale);
    QString accountName() const { return device_.username; }
    QString accountServer() const { return device_.server; }
    QString language() const { return language_; }
    // Installs the translation of `language` ("cy"; anything else is English), makes its locale
    // the default (dates) and refreshes the models' texts; languageChanged() then asks the QML
    // engine to retranslate (main.cpp, the Qt Quick tests).
    void setLanguage(const QString& language);
    QString protectionSentence() const;
    // With a server the first run signs in before the PIN is chosen (the --server option).
    void setUseServer(bool useServer);
    bool caPinned() const { return !server_.caPem.isEmpty(); }
    QString caFingerprint() const { return caFingerprint_; }
    QStringList unsentChanges() const { return unsentChanges_; }
    QString notice() const { return notice_; }
    QString offlineWarning() const;
    bool offlineLocked() const { return offlineStage_ == 2; }
    QString offlineLockText() const;

    // Sign-in page: reads an enrolment code (docs/CLI.md, "Enrolment codes"), fills the server
    // address and pins the code's CA. False, with a message under the field "enrolment", when
    // the text is not a whole, valid code.
    Q_INVOKABLE bool useEnrolmentCode(const QString& code);

    // Starts signing out (switching user is signing out, then in): finds what has not been
    // sent and asks for confirmation (signOutRequested(), unsentChanges). Unlocked only.
    Q_INVOKABLE void signOut();
    // Signs out: the server ends the device's sign-in when reachable, the user's case data,
    // keys and tokens leave the device, and the sign-in page comes back. While changes have
    // not been sent nothing happens unless `discardUnsent` (the confirmation opens again).
    Q_INVOKABLE void confirmSignOut(bool discardUnsent);

    // First run: signs in to the server; the PIN is chosen next.
    Q_INVOKABLE void signIn(const QString& username, const QString& password);

    // After the server ended the sign-in: signs in again as the device's user with the
    // password; sync resumes at once when it succeeds (signedInAgain()).
    Q_INVOKABLE void signInAgain(const QString& password);

    // Asks the vault whether this is a first run; moves to FirstRun or Locked.
    Q_INVOKABLE void start();
    // First run: checks the two entries match and form a valid PIN, then sets the vault up.
    Q_INVOKABLE void createPin(const QString& pin, const QString& confirmation);
    Q_INVOKABLE void unlock(const QString& pin);
    // Closes the store and forgets everything shown.
    Q_INVOKABLE void lock();
    // Restarts the inactivity timer (also done for every input event, see eventFilter).
    Q_INVOKABLE void noteActivity();
    // Clears the one-time "ready" notice after the first run.
    Q_INVOKABLE void acknowledgeSetup();

    // For the application object: counts key, mouse and touch input as activity, and follows
    // the application state for the privacy cover.
    bool eventFilter(QObject* watched, QEvent* event) override;
    Q_INVOKABLE void setApplicationActive(bool active);

signals:
    void stateChanged();
    void busyChanged();
    void messageChanged();
    void protectionChanged();
    void lockoutChanged();
    void pendingCountChanged();
    void lockAfterSecondsChanged();
    void coveredChanged();
    void serverChanged();
    void signInChanged();
    void sessionEndedChanged();
    void fontScaleChanged();
    void languageChanged();
    void protectionSentenceChanged();
    // signInAgain() succeeded.
    void signedInAgain();
    // Emitted when the inactivity timer locks the app.
    void lockedForInactivity();
    // Emitted when the app locks because it stayed in the background past the grace.
    void lockedInBackground();
    void backgroundLockSecondsChanged();
    void serverAddressChanged();
    void caFileChanged();
    void unsentChangesChanged();
    void noticeChanged();
    // signOut(): show the confirmation (with unsentChanges, if any).
    void signOutRequested();
    // The user's data has left the device; the sign-in page is next.
    void signedOut();
    void offlineChanged();

private:
    void setState(State state);
    void setBusy(bool busy);
    void setMessage(const QString& message, const QString& field = {});
    void applyStatus(const VaultStatus& status);
    void onOpened(const QString& protection);
    void onOpenFailed(int code, const QString& message, const VaultStatus& status);
    void tickLockout();
    void updateSessionEnded();
    void clearViews();
    void setUnsentChanges(const QStringList& changes);
    void setNotice(const QString& notice);
    // Everything after the store opened and the offline period was judged.
    void finishOpen();
    void onOfflineAssessed(int stage, int daysLeft, int backgroundLockSeconds);
    void onOfflineShredded();

    Parts parts_;
    const Clock& clock_;
    State state_ = Starting;
    bool busy_ = false;
    bool justCreated_ = false;
    QString message_;
    QString messageField_;
    QString protection_;
    VaultStatus status_;
    qint64 lockoutUntil_ = 0;  // clock millis
    int pendingCount_ = 0;
    int lockAfterSeconds_ = 300;
    bool coverEnabled_ = true;
    bool active_ = true;
    ServerSettings server_;
    DeviceInfo device_;
    bool useServer_ = false;
    bool signedIn_ = false;
    bool sessionEnded_ = false;
    double fontScale_ = 1.0;
    QString language_;
    std::unique_ptr<QTranslator> translator_;
    QTimer inactivity_;
    QTimer lockoutTick_;
    // The idle lock first sends the outbox (the store cannot sync while locked), for at most
    // kFlushBeforeLockMs; then it locks whether or not the server answered.
    void lockForInactivity();
    static constexpr int kFlushBeforeLockMs = 5'000;
    QTimer flushBound_;
    bool lockAfterFlush_ = false;
    // The background lock: when the app left the foreground (clock millis; 0: it is in the
    // foreground) and the timer that locks it at the end of the grace while it still runs.
    void lockForBackground();
    int backgroundLockSeconds_ = 5;
    // The offline period as last judged: an OfflineStage and its days; an open waits for it.
    int offlineStage_ = 0;
    int offlineDaysLeft_ = 0;
    bool awaitingOfflineVerdict_ = false;
    qint64 backgroundSince_ = 0;
    QTimer backgroundLock_;
    QString caFingerprint_;
    QStringList unsentChanges_;
    QString notice_;
    quint64 unsentRequest_ = 0;
    bool syncAfterSignIn_ = false;
};

}  // namespace sitebook::ui
