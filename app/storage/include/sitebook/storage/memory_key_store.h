#pragma once
// An in-process KeyStore: secrets live in this object's memory and are gone when it is
// destroyed. NOT PERSISTENT and gives no protection beyond the process: for tests, and as the
// stand-in on platforms without a keystore (where the vault is then effectively PIN-only
// across restarts). Thread-safe.

#include <map>
#include <mutex>
#include <string>

#include "sitebook/storage/keystore.h"

namespace sitebook::storage {

class MemoryKeyStore final : public KeyStore {
public:
    MemoryKeyStore() = default;

    Result<std::optional<SecretBytes>> read(std::string_view name) override;
    Status write(std::string_view name, const SecretBytes& secret) override;
    Status remove(std::string_view name) override;
    std::string description() const override;

    // Number of entries held (for tests).
    std::size_t size() const;

private:
    mutable std::mutex mutex_;
    std::map<std::string, SecretBytes, std::less<>> entries_;
};

}  // namespace sitebook::storage
