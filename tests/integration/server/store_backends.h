#pragma once
// The server store backends under test: SQLite in a temp dir, PostgreSQL in the test
// binary's own cluster (a fresh database per test). `rawExec` runs SQL beside the store, for
// what the store interface deliberately cannot do (e.g. try to rewrite the audit log).

#include <libpq-fe.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "pg_cluster.h"
#include "sitebook/server/store/store_factory.h"
#include "sitebook/storage/database.h"

namespace sitebook::server::testing {

enum class Backend { Sqlite, Postgres };

inline const char* backendName(Backend b) {
    return b == Backend::Sqlite ? "sqlite" : "postgres";
}

// The backend the server integration tests run on: $SITEBOOK_TEST_STORE ("postgres" or
// unset for SQLite).
inline Backend backendFromEnvironment() {
    const char* env = std::getenv("SITEBOOK_TEST_STORE");
    return env != nullptr && std::string(env) == "postgres" ? Backend::Postgres : Backend::Sqlite;
}

// A fresh, empty store location of one backend: a file path or a postgresql:// URL.
class StoreLocation {
public:
    StoreLocation(Backend backend, const std::filesystem::path& dir) : backend_(backend) {
        location_ = backend == Backend::Sqlite
                        ? (dir / "server.db").string()
                        : sitebook::testing::PostgresCluster::shared().createDatabase();
    }
    Backend backend() const { return backend_; }
    const std::string& location() const { return location_; }

    // Runs SQL on a connection of its own; false when the database refuses it.
    bool rawExec(const std::string& sql) const {
        if (backend_ == Backend::Sqlite) {
            auto db = storage::Database::openUnencrypted(location_);
            return db.ok() && (*db)->exec(sql).ok();
        }
        PGconn* conn = PQconnectdb(location_.c_str());
        bool ok = PQstatus(conn) == CONNECTION_OK;
        if (ok) {
            PGresult* r = PQexec(conn, sql.c_str());
            ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
            PQclear(r);
        }
        PQfinish(conn);
        return ok;
    }

    // The integer in the first column of the first row of `sql`; nothing on failure.
    std::optional<std::int64_t> queryInt(const std::string& sql) const {
        if (backend_ == Backend::Sqlite) {
            auto db = storage::Database::openUnencrypted(location_);
            if (!db.ok())
                return std::nullopt;
            auto st = (*db)->prepare(sql);
            if (!st.ok())
                return std::nullopt;
            auto row = st->step();
            if (!row.ok() || !*row)
                return std::nullopt;
            return st->columnInt(0);
        }
        PGconn* conn = PQconnectdb(location_.c_str());
        std::optional<std::int64_t> out;
        if (PQstatus(conn) == CONNECTION_OK) {
            PGresult* r = PQexec(conn, sql.c_str());
            if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0)
                out = std::strtoll(PQgetvalue(r, 0, 0), nullptr, 10);
            PQclear(r);
        }
        PQfinish(conn);
        return out;
    }

private:
    Backend backend_;
    std::string location_;
};

}  // namespace sitebook::server::testing
