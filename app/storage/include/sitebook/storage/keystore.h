#pragma once
// A platform keystore (Secret Service, Android Keystore, iOS Keychain, ...) holding small
// secrets by name. The key vault keeps its key-encryption key here.
//
// Every operation returns ErrorCode::KeystoreUnavailable when no keystore can be reached
// (no backend, locked, denied, timed out); callers fall back to PIN-only protection and say
// so. Error messages may carry the backend's own text but never the secret.

#include <optional>
#include <string>
#include <string_view>

#include "sitebook/common/result.h"
#include "sitebook/common/secret.h"

namespace sitebook::storage {

class KeyStore {
public:
    virtual ~KeyStore() = default;

    // The secret stored under `name`, or nullopt if there is none.
    virtual Result<std::optional<SecretBytes>> read(std::string_view name) = 0;
    // Stores `secret` under `name`, replacing any previous value.
    virtual Status write(std::string_view name, const SecretBytes& secret) = 0;
    // Removes `name`; removing a name that is not there succeeds.
    virtual Status remove(std::string_view name) = 0;
    // Which keystore this is, for telling the user how their data is protected,
    // e.g. "Secret Service".
    virtual std::string description() const = 0;
};

}  // namespace sitebook::storage
