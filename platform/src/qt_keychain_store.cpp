#include "sitebook/platform/qt_keychain_store.h"

#include <qt6keychain/keychain.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>
#include <memory>

#include "sitebook/common/log.h"

namespace sitebook::platform {

namespace {

constexpr std::string_view kLog = "platform.keychain";

struct JobOutcome {
    bool finished = false;
    QKeychain::Error error = QKeychain::NoError;
    QString message;
    QByteArray data;  // read jobs only
};

Error unavailable(const std::string& what) {
    return makeError(ErrorCode::KeystoreUnavailable,
                     "the platform keystore is unavailable: " + what);
}

// Runs `job` to completion or until `timeout`. The job deletes itself when it finishes, even
// after a timeout; the connection to the local loop is dropped when the loop goes out of scope.
JobOutcome runJob(QKeychain::Job* job, std::chrono::milliseconds timeout) {
    JobOutcome outcome;
    job->setAutoDelete(true);
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop,
                     [&outcome, &loop](QKeychain::Job* done) {
                         outcome.finished = true;
                         outcome.error = done->error();
                         outcome.message = done->errorString();
                         if (auto* reader = qobject_cast<QKeychain::ReadPasswordJob*>(done)) {
                             outcome.data = reader->binaryData();
                         }
                         loop.quit();
                     });
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    job->start();
    if (!outcome.finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return outcome;
}

std::string describe(QKeychain::Error error) {
    switch (error) {
        case QKeychain::NoError:
            return "no error";
        case QKeychain::EntryNotFound:
            return "no such entry";
        case QKeychain::CouldNotDeleteEntry:
            return "the entry could not be deleted";
        case QKeychain::AccessDeniedByUser:
            return "access was denied by the user";
        case QKeychain::AccessDenied:
            return "access was denied";
        case QKeychain::NoBackendAvailable:
            return "no keystore service is running";
        case QKeychain::NotImplemented:
            return "not supported on this platform";
        case QKeychain::OtherError:
            return "the keystore service failed";
    }
    return "error " + std::to_string(static_cast<int>(error));
}

std::optional<Error> failure(const JobOutcome& outcome, std::chrono::milliseconds timeout) {
    if (!outcome.finished) {
        return unavailable("no answer within " + std::to_string(timeout.count()) + " ms");
    }
    if (outcome.error == QKeychain::NoError)
        return std::nullopt;
    std::string text = describe(outcome.error);
    const std::string detail = outcome.message.toStdString();
    if (!detail.empty() && detail != "Unknown error")
        text += " (" + detail + ")";
    return unavailable(text);
}

bool haveApplication() {
    return QCoreApplication::instance() != nullptr;
}

Error noApplication() {
    return unavailable("no QCoreApplication is running");
}

}  // namespace

QtKeychainStore::QtKeychainStore(QString service, std::chrono::milliseconds timeout)
    : service_(std::move(service)), timeout_(timeout) {}

Result<std::optional<SecretBytes>> QtKeychainStore::read(std::string_view name) {
    if (!haveApplication())
        return noApplication();
    auto* job = new QKeychain::ReadPasswordJob(service_);
    job->setKey(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())));
    JobOutcome outcome = runJob(job, timeout_);
    if (outcome.finished && outcome.error == QKeychain::EntryNotFound) {
        return std::optional<SecretBytes>();
    }
    if (auto error = failure(outcome, timeout_)) {
        log::warning(kLog, "reading from the platform keystore failed: " + error->message);
        return *error;
    }
    // QByteArray is implicitly shared with the job (deleted later by Qt), so wiping this copy
    // would wipe nothing that matters; the secret is held in SecretBytes from here on.
    SecretBytes secret(reinterpret_cast<const std::uint8_t*>(outcome.data.constData()),
                       static_cast<std::size_t>(outcome.data.size()));
    return std::optional<SecretBytes>(std::move(secret));
}

Status QtKeychainStore::write(std::string_view name, const SecretBytes& secret) {
    if (!haveApplication())
        return noApplication();
    auto* job = new QKeychain::WritePasswordJob(service_);
    job->setKey(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())));
    job->setBinaryData(QByteArray(reinterpret_cast<const char*>(secret.data()),
                                  static_cast<qsizetype>(secret.size())));
    JobOutcome outcome = runJob(job, timeout_);
    if (auto error = failure(outcome, timeout_)) {
        log::warning(kLog, "writing to the platform keystore failed: " + error->message);
        return *error;
    }
    return okStatus();
}

Status QtKeychainStore::remove(std::string_view name) {
    if (!haveApplication())
        return noApplication();
    auto* job = new QKeychain::DeletePasswordJob(service_);
    job->setKey(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())));
    JobOutcome outcome = runJob(job, timeout_);
    if (outcome.finished && outcome.error == QKeychain::EntryNotFound)
        return okStatus();
    if (auto error = failure(outcome, timeout_)) {
        log::warning(kLog, "removing from the platform keystore failed: " + error->message);
        return *error;
    }
    return okStatus();
}

std::string QtKeychainStore::description() const {
#if defined(Q_OS_ANDROID)
    return "Android Keystore";
#elif defined(Q_OS_IOS) || defined(Q_OS_MACOS)
    return "Apple Keychain";
#elif defined(Q_OS_WIN)
    return "Windows Credential Store";
#else
    return "Secret Service";
#endif
}

}  // namespace sitebook::platform
