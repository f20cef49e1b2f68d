#pragma once
// Maps SQLite result codes to the Sitebook error vocabulary. Internal to the storage library.
//
// Messages are built from a short description of what was being done plus sqlite3_errmsg(),
// which names tables, columns and constraints but never bound values, so no case data or key
// material can reach an Error through here.

#include <string_view>

#include "sitebook/common/error.h"

struct sqlite3;

namespace sitebook::storage::detail {

// `rc` is the (extended) result code of the failed call; `db` may be null.
Error sqliteError(sqlite3* db, int rc, std::string_view doing);

// The ErrorCode for an extended result code (exposed for tests of the mapping).
ErrorCode errorCodeFor(int rc);

}  // namespace sitebook::storage::detail
