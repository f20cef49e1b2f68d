#pragma once
// Small-file I/O for the key vault. Internal to the storage library. POSIX.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "sitebook/common/result.h"

namespace sitebook::storage::detail {

// Creates `dir` (and parents) if missing; a directory created here is private to the user.
Status ensurePrivateDirectory(const std::filesystem::path& dir);

// Replaces `path` with `contents` so that a crash leaves either the old or the new file:
// write a temporary file beside it (mode 0600), fsync it, rename it over `path`, fsync the
// directory.
Status writeFileAtomically(const std::filesystem::path& path, std::string_view contents);

// The file's contents, or nullopt if it does not exist.
Result<std::optional<std::string>> readSmallFile(const std::filesystem::path& path);

// Overwrites the file with zeros, syncs and removes it. Removing a missing file succeeds.
Status destroyFile(const std::filesystem::path& path);

}  // namespace sitebook::storage::detail
