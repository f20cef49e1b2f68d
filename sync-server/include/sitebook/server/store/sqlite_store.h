#pragma once
// The embedded Store: one SQLite file (unencrypted; the server's disk is protected by the
// host), WAL mode, a small connection pool so concurrent calls each get their own
// connection. Writers are serialised by BEGIN IMMEDIATE.

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "sitebook/server/store/store.h"
#include "sitebook/storage/database.h"

namespace sitebook::server {

class SqliteStore final : public Store {
public:
    // Opens (creating if needed) and migrates the database at `path`. Refuses a database
    // written by a newer server (ErrorCode::SchemaTooNew).
    static Result<std::unique_ptr<SqliteStore>> open(const std::string& path);
    ~SqliteStore() override;

    Result<std::unique_ptr<UnitOfWork>> begin(AccessMode mode) override;

    static constexpr int kSchemaVersion = 6;

    // For the unit of work: returns a connection to the pool.
    void release(std::unique_ptr<storage::Database> db);

private:
    explicit SqliteStore(std::string path) : path_(std::move(path)) {}
    Result<std::unique_ptr<storage::Database>> acquire();

    std::string path_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<storage::Database>> idle_;
};

}  // namespace sitebook::server
