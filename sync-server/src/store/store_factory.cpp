#include "sitebook/server/store/store_factory.h"

#include "sitebook/server/store/postgres_store.h"
#include "sitebook/server/store/sqlite_store.h"

namespace sitebook::server {

Result<std::unique_ptr<Store>> openStore(const std::string& location, StoreOptions options) {
    if (PostgresStore::isUrl(location)) {
        auto store = PostgresStore::open(location, PostgresStore::Options{options.poolSize});
        if (!store)
            return store.error();
        return std::unique_ptr<Store>(std::move(*store));
    }
    auto store = SqliteStore::open(location);
    if (!store)
        return store.error();
    return std::unique_ptr<Store>(std::move(*store));
}

}  // namespace sitebook::server
