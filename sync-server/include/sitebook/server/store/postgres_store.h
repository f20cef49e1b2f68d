#pragma once
// The Store on PostgreSQL 15 (libpq), for several server processes on one database.
//
// Concurrency (see docs/ARCHITECTURE.md, "Store on PostgreSQL"):
// - ReadWrite units run at READ COMMITTED; every read that a write depends on locks what it
//   reads (SELECT ... FOR UPDATE, plus a transaction-scoped advisory lock on the key so that
//   an absent row is "locked" too), and running totals are changed by atomic upserts.
// - A partition's change sequence is its summary row's last_seq, advanced by
//   UPDATE ... RETURNING: the row lock is held to commit, so within a partition sequence
//   order is commit order and a download checkpoint never skips a change.
// - ReadOnly units run at REPEATABLE READ READ ONLY: one snapshot for their lifetime.
// - Deadlocks, serialization failures and lost connections come back as
//   ErrorCode::Unavailable; runWriteUnit() (store.h) retries the whole unit.

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "sitebook/server/store/store.h"

namespace sitebook::server {

namespace pg {
class Connection;
}

class PostgresStore final : public Store {
public:
    struct Options {
        std::size_t poolSize = 8;  // connections this process opens at most
    };

    // True for "postgresql://..." and "postgres://..." locations.
    static bool isUrl(std::string_view location);

    // Connects, then migrates the schema under an advisory lock (so that processes starting
    // together migrate once). Refuses a database written by a newer server (SchemaTooNew),
    // and names the problem for a bad URL, a wrong password or a missing database.
    static Result<std::unique_ptr<PostgresStore>> open(const std::string& url, Options options);
    static Result<std::unique_ptr<PostgresStore>> open(const std::string& url) {
        return open(url, Options{});
    }
    ~PostgresStore() override;

    Result<std::unique_ptr<UnitOfWork>> begin(AccessMode mode) override;

    // Migration steps are numbered like SqliteStore's; version N is the same schema on both.
    static constexpr int kSchemaVersion = 6;

    // For the unit of work: returns a connection to the pool (a broken one is dropped).
    void release(std::unique_ptr<pg::Connection> connection);

private:
    PostgresStore(std::string url, Options options);
    Result<std::unique_ptr<pg::Connection>> acquire();

    std::string url_;
    Options options_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<pg::Connection>> idle_;
    std::size_t open_ = 0;  // connections handed out or idle
};

}  // namespace sitebook::server
