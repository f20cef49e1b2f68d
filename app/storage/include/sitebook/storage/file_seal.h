#pragma once
// A seal over small files kept in the clear beside the encrypted store (the device identity
// with the server address, the trusted CA): a BLAKE2b MAC of their names and contents, keyed
// with a key derived from the database's data key, kept in a file of its own. Anyone can read
// the sealed files, but changing one (pointing the app at another server, trusting another CA)
// without the data key breaks the seal, and the app refuses to use them.
//
// The seal file holds {"format": 1, "mac": hex}. A sealed file that is missing counts as a
// change, as does a file that appears; a missing seal file is NotFound (the caller decides
// whether that is allowed: only once, when the device's files are first sealed).

#include <filesystem>
#include <string>
#include <vector>

#include "sitebook/common/result.h"
#include "sitebook/common/secret.h"

namespace sitebook::storage {

class FileSeal {
public:
    static constexpr std::string_view kFileName = "device.seal";

    // `files` are sealed by file name and contents (in the given order); `dataKey` is the
    // database key (32 bytes), from which the MAC key is derived.
    FileSeal(std::filesystem::path sealPath, std::vector<std::filesystem::path> files);

    // Writes the seal over the files as they are now (atomically, mode 0600).
    Status write(const SecretBytes& dataKey) const;

    // Ok if the files are as sealed. NotFound if there is no seal file; Corrupt, with a
    // sentence naming what no longer matches in words, if a file was changed, added or removed
    // or the seal file was edited.
    Status check(const SecretBytes& dataKey) const;

    bool exists() const;

private:
    Result<std::vector<std::uint8_t>> mac(const SecretBytes& dataKey) const;

    std::filesystem::path sealPath_;
    std::vector<std::filesystem::path> files_;
};

}  // namespace sitebook::storage
