#pragma once
// RAII wrapper over one SQLCipher connection. Used by the encrypted client store (with a raw
// 256-bit key) and by the server's embedded store (unencrypted). Not thread-safe: one
// Database per thread; move it, do not share it.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitebook/common/result.h"
#include "sitebook/common/secret.h"

struct sqlite3;
struct sqlite3_stmt;

namespace sitebook::storage {

struct OpenOptions {
    bool create = true;  // create the file if missing
    bool readOnly = false;
    bool wal = true;  // journal_mode=WAL
    int busyTimeoutMillis = 5000;
    // Page cache per connection. Encrypted pages are decrypted when they enter the cache, so a
    // cache that holds the hot index pages saves most of SQLCipher's read cost.
    int cacheSizeKiB = 8 * 1024;
    // SQLCipher's cipher_memory_security: every allocation SQLite frees is wiped (and its
    // memory locked where the system allows), so decrypted pages and keys do not linger in
    // freed heap. Process-wide in SQLCipher; set on each encrypted open. Its cost is measured
    // in docs/BENCHMARKS.md.
    bool memorySecurity = true;
};

class Database;

// Prepared statements a Database keeps for reuse, keyed by SQL text. Owned by the Database;
// a Statement holds it weakly, so a Statement that outlives its Database still finalises.
struct StatementCache;

// A prepared statement. Bind indexes are 1-based, column indexes 0-based (as in SQLite).
class Statement {
public:
    Statement() = default;
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view(text));
    }
    Statement& bindBlob(int index, std::span<const std::uint8_t> blob);
    Statement& bindNull(int index);
    Statement& bind(int index, const std::optional<std::string>& text);
    Statement& bind(int index, const std::optional<std::int64_t>& value);

    // true: a row is ready; false: done. Errors carry SQLite's message (never bound values).
    Result<bool> step();
    // Runs to completion, for statements that return no rows.
    Status run();
    void reset();  // reset and clear bindings, ready to bind and step again

    bool isNull(int column) const;
    std::int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    std::optional<std::string> columnOptionalText(int column) const;
    std::optional<std::int64_t> columnOptionalInt(int column) const;
    std::vector<std::uint8_t> columnBlob(int column) const;
    int columnCount() const;

private:
    friend class Database;
    Statement(sqlite3_stmt* stmt, sqlite3* db, std::weak_ptr<StatementCache> cache, std::string sql)
        : stmt_(stmt), db_(db), cache_(std::move(cache)), sql_(std::move(sql)) {}
    // Returns the statement to its Database's cache (reset, bindings cleared) or finalises it.
    void release();
    sqlite3_stmt* stmt_ = nullptr;
    sqlite3* db_ = nullptr;
    std::weak_ptr<StatementCache> cache_;
    std::string sql_;
    int bindError_ = 0;  // first failed bind since the last reset(); reported by step()
};

class Database {
public:
    // Opens (or creates) an SQLCipher database keyed with a raw 32-byte key, in this order:
    // key, prove the key by reading sqlite_master, then pragmas (WAL, foreign_keys,
    // temp_store=MEMORY, secure_delete). A wrong key returns ErrorCode::WrongKey and leaves
    // the file byte-for-byte unchanged.
    static Result<std::unique_ptr<Database>> open(const std::string& path,
                                                  const SecretBytes& rawKey,
                                                  const OpenOptions& options = {});
    // Opens a plain (unencrypted) database with the same pragmas: for the server's embedded
    // store and for benchmarks that compare against plain SQLite.
    static Result<std::unique_ptr<Database>> openUnencrypted(const std::string& path,
                                                             const OpenOptions& options = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Status exec(std::string_view sql);  // one or more statements, no results
    // Prepares one statement. Statements are cached by SQL text: preparing the same SQL again
    // after the previous Statement was destroyed reuses it, so callers need not keep
    // statements around to avoid re-parsing on hot paths.
    Result<Statement> prepare(std::string_view sql);

    // Explicit transactions. beginImmediate takes the write lock up front.
    Status beginImmediate();
    Status commit();
    Status rollback();
    bool inTransaction() const;

    Result<int> userVersion();
    Status setUserVersion(int version);
    std::int64_t lastInsertRowId() const;
    int changes() const;

    // PRAGMA integrity_check, plus cipher_integrity_check for encrypted databases.
    // Corrupt with the first problem found.
    Status integrityCheck();
    // Forces the WAL into the main file (used before copying or measuring the file).
    Status checkpoint();

    const std::string& path() const { return path_; }
    bool encrypted() const { return encrypted_; }
    sqlite3* handle() { return db_; }

private:
    Database(sqlite3* db, std::string path, bool encrypted);
    sqlite3* db_ = nullptr;
    std::shared_ptr<StatementCache> cache_;
    std::string path_;
    bool encrypted_ = false;
};

// Begins IMMEDIATE on construction; rolls back on destruction unless commit() succeeded.
// Constructed while another Transaction is open, it is a savepoint inside it: its commit
// releases the savepoint and the outer transaction decides whether anything is kept.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    const Status& beginStatus() const { return begin_; }
    Status commit();

private:
    Database& db_;
    bool nested_ = false;
    Status begin_;
    bool done_ = false;
};

}  // namespace sitebook::storage
