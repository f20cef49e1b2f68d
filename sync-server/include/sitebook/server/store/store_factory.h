#pragma once
// The one place a Store is chosen: a postgresql:// URL opens PostgresStore, anything else is
// the path of a SQLite file.

#include <memory>
#include <string>

#include "sitebook/server/store/store.h"

namespace sitebook::server {

struct StoreOptions {
    std::size_t poolSize = 8;  // PostgreSQL connections per process
};

// Opens and migrates the store at `location`.
Result<std::unique_ptr<Store>> openStore(const std::string& location, StoreOptions options = {});

}  // namespace sitebook::server
