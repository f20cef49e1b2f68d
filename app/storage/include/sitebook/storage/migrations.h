#pragma once
// Schema migrations keyed by PRAGMA user_version.
//
// A schema is a list of steps numbered 1..N. Step k turns a version k-1 database into version
// k; user_version records the last step applied. Each step runs in its own IMMEDIATE
// transaction together with the user_version update, so a failed step leaves the database at
// the previous version with nothing half-applied. A database whose user_version is above N
// was written by a newer Sitebook and is refused untouched (SchemaTooNew).

#include <optional>
#include <span>
#include <string_view>

#include "sitebook/common/result.h"
#include "sitebook/storage/database.h"

namespace sitebook::storage {

struct Migration {
    int version;                   // the schema version this step produces (1, 2, ...)
    std::string_view description;  // logged while the step runs
    Status (*apply)(Database&);    // runs inside the step's transaction; must not commit
};

// Brings `db` to `target` (default: the newest migration). `migrations` must be numbered
// 1..N in order. Returns SchemaTooNew if the database is newer than N, InvalidArgument for a
// target outside 0..N or below the current version (there are no down-migrations), and the
// failing step's error (with the step named) if a step fails. Must not be called inside a
// transaction.
Status migrate(Database& db, std::span<const Migration> migrations, std::optional<int> target = {});

}  // namespace sitebook::storage
