#pragma once
// The platform keystore through QtKeychain: Secret Service or KWallet on Linux, Keychain on
// macOS/iOS, Android Keystore, Credential Store on Windows. Secrets are stored as binary data
// under the service name (default "Sitebook").
//
// QtKeychain is asynchronous; each call here starts a job and waits for it in a local
// QEventLoop, for at most the timeout, so a missing or hung backend never hangs the caller.
// Any backend failure (no backend, access denied, locked, timeout) is KeystoreUnavailable with
// QtKeychain's message. A job that times out is left to finish and delete itself.
//
// Threading: needs a QCoreApplication (without one every call is KeystoreUnavailable). Call it
// from a thread that can run a Qt event loop — the thread of the QCoreApplication or a
// QThread — and not from the GUI thread, since each call blocks for up to the timeout. Use one
// instance from one thread at a time.

#include <QString>
#include <chrono>

#include "sitebook/storage/keystore.h"

namespace sitebook::platform {

class QtKeychainStore final : public storage::KeyStore {
public:
    explicit QtKeychainStore(QString service = QStringLiteral("Sitebook"),
                             std::chrono::milliseconds timeout = std::chrono::seconds(5));

    Result<std::optional<SecretBytes>> read(std::string_view name) override;
    Status write(std::string_view name, const SecretBytes& secret) override;
    Status remove(std::string_view name) override;
    // The backend's name where known, e.g. "Secret Service" on Linux.
    std::string description() const override;

private:
    QString service_;
    std::chrono::milliseconds timeout_;
};

}  // namespace sitebook::platform
