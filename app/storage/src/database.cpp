#include "sitebook/storage/database.h"

#include <unordered_map>

#include <sodium.h>
#include <sqlite3.h>

#include <array>
#include <filesystem>
#include <string>

#include "sitebook/common/log.h"
#include "sqlite_error.h"

namespace sitebook::storage {

namespace {

constexpr std::string_view kLog = "storage.database";
constexpr std::size_t kRawKeyBytes = 32;

using detail::sqliteError;

// Runs one statement that may return rows and discards them (PRAGMAs report their new value).
int execDiscarding(sqlite3* db, const char* sql) {
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
}

// Applies the connection pragmas that every Sitebook database uses.
Status applyPragmas(sqlite3* db, const OpenOptions& options) {
    if (options.wal && !options.readOnly) {
        if (int rc = execDiscarding(db, "PRAGMA journal_mode=WAL"); rc != SQLITE_OK) {
            return sqliteError(db, rc, "could not switch the database to WAL mode");
        }
    }
    // temp_store=MEMORY: sorts and temporary tables never reach an unencrypted temp file.
    // secure_delete=ON: deleted records are overwritten, not left in free pages.
    for (const char* sql :
         {"PRAGMA foreign_keys=ON", "PRAGMA temp_store=MEMORY", "PRAGMA secure_delete=ON"}) {
        if (int rc = execDiscarding(db, sql); rc != SQLITE_OK) {
            return sqliteError(db, rc, "could not configure the database connection");
        }
    }
    const std::string cache = "PRAGMA cache_size=-" + std::to_string(options.cacheSizeKiB);
    if (int rc = execDiscarding(db, cache.c_str()); rc != SQLITE_OK) {
        return sqliteError(db, rc, "could not set the page cache size");
    }
    if (int rc = sqlite3_busy_timeout(db, options.busyTimeoutMillis); rc != SQLITE_OK) {
        return sqliteError(db, rc, "could not set the busy timeout");
    }
    return okStatus();
}

int openFlags(const OpenOptions& options) {
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    if (options.readOnly) {
        flags |= SQLITE_OPEN_READONLY;
    } else {
        flags |= SQLITE_OPEN_READWRITE;
        if (options.create)
            flags |= SQLITE_OPEN_CREATE;
    }
    return flags;
}

Result<sqlite3*> openHandle(const std::string& path, const OpenOptions& options) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, openFlags(options), nullptr);
    if (rc != SQLITE_OK) {
        Error error = (rc & 0xFF) == SQLITE_CANTOPEN && (!options.create || options.readOnly)
                          ? makeError(ErrorCode::NotFound, "the database file does not exist")
                          : sqliteError(db, rc, "could not open the database");
        sqlite3_close_v2(db);
        return error;
    }
    return db;
}

// Owner read/write only (0600) for the database and its -wal/-shm where they exist: set when
// they are created and put right on every open, so a file made or copied with a looser mode
// does not stay readable by other accounts. SQLite gives -wal/-shm the main file's mode.
void makePrivate(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::error_code ec;
        const std::filesystem::path file = path + suffix;
        if (std::filesystem::exists(file, ec)) {
            std::filesystem::permissions(
                file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                std::filesystem::perm_options::replace, ec);
            if (ec)
                log::warning(kLog, "could not make " + file.filename().string() + " private");
        }
    }
}

// Reads the schema table: the first read of page 1, which proves the key (SQLCipher checks
// the page's HMAC) without writing anything.
int proveReadable(sqlite3* db) {
    return sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Statement

struct StatementCache {
    static constexpr std::size_t kMaxIdle = 128;
    std::unordered_multimap<std::string, sqlite3_stmt*> idle;
    ~StatementCache() {
        for (auto& [sql, stmt] : idle)
            sqlite3_finalize(stmt);
    }
};

void Statement::release() {
    if (stmt_ == nullptr)
        return;
    auto cache = cache_.lock();
    if (cache && cache->idle.size() < StatementCache::kMaxIdle) {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
        cache->idle.emplace(std::move(sql_), stmt_);
    } else {
        sqlite3_finalize(stmt_);
    }
    stmt_ = nullptr;
}

Statement::~Statement() {
    release();
}

Statement::Statement(Statement&& other) noexcept
    : stmt_(other.stmt_),
      db_(other.db_),
      cache_(std::move(other.cache_)),
      sql_(std::move(other.sql_)),
      bindError_(other.bindError_) {
    other.stmt_ = nullptr;
    other.db_ = nullptr;
    other.bindError_ = SQLITE_OK;
}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        release();
        stmt_ = other.stmt_;
        db_ = other.db_;
        cache_ = std::move(other.cache_);
        sql_ = std::move(other.sql_);
        bindError_ = other.bindError_;
        other.stmt_ = nullptr;
        other.db_ = nullptr;
        other.bindError_ = SQLITE_OK;
    }
    return *this;
}

namespace {
void noteBind(int rc, int& bindError) {
    if (rc != SQLITE_OK && bindError == SQLITE_OK)
        bindError = rc;
}
}  // namespace

Statement& Statement::bind(int index, std::int64_t value) {
    noteBind(stmt_ ? sqlite3_bind_int64(stmt_, index, value) : SQLITE_MISUSE, bindError_);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    noteBind(stmt_ ? sqlite3_bind_double(stmt_, index, value) : SQLITE_MISUSE, bindError_);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    noteBind(stmt_ ? sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                                         SQLITE_UTF8)
                   : SQLITE_MISUSE,
             bindError_);
    return *this;
}

Statement& Statement::bindBlob(int index, std::span<const std::uint8_t> blob) {
    noteBind(stmt_ ? sqlite3_bind_blob64(stmt_, index, blob.data(), blob.size(), SQLITE_TRANSIENT)
                   : SQLITE_MISUSE,
             bindError_);
    return *this;
}

Statement& Statement::bindNull(int index) {
    noteBind(stmt_ ? sqlite3_bind_null(stmt_, index) : SQLITE_MISUSE, bindError_);
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bindNull(index);
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
    return value ? bind(index, *value) : bindNull(index);
}

Result<bool> Statement::step() {
    if (stmt_ == nullptr) {
        return makeError(ErrorCode::Internal, "step() on an empty statement");
    }
    if (bindError_ != SQLITE_OK) {
        // The value is not reported, only which kind of bind failed.
        return sqliteError(nullptr, bindError_, "could not bind a statement parameter");
    }
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error error = sqliteError(db_, rc, "database statement failed");
    sqlite3_reset(stmt_);  // leaves the statement reusable after an error
    return error;
}

Status Statement::run() {
    for (;;) {
        Result<bool> row = step();
        if (!row.ok())
            return row.error();
        if (!*row)
            return okStatus();
    }
}

void Statement::reset() {
    if (stmt_ == nullptr)
        return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bindError_ = SQLITE_OK;
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::columnInt(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

double Statement::columnDouble(int column) const {
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::columnText(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    const int size = sqlite3_column_bytes(stmt_, column);
    return text ? std::string(text, static_cast<std::size_t>(size)) : std::string();
}

std::optional<std::string> Statement::columnOptionalText(int column) const {
    if (isNull(column))
        return std::nullopt;
    return columnText(column);
}

std::optional<std::int64_t> Statement::columnOptionalInt(int column) const {
    if (isNull(column))
        return std::nullopt;
    return columnInt(column);
}

std::vector<std::uint8_t> Statement::columnBlob(int column) const {
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
    const int size = sqlite3_column_bytes(stmt_, column);
    return data ? std::vector<std::uint8_t>(data, data + size) : std::vector<std::uint8_t>();
}

int Statement::columnCount() const {
    return stmt_ ? sqlite3_column_count(stmt_) : 0;
}

// ---------------------------------------------------------------------------------------------
// Database

Result<std::unique_ptr<Database>> Database::open(const std::string& path, const SecretBytes& rawKey,
                                                 const OpenOptions& options) {
    if (rawKey.size() != kRawKeyBytes) {
        return makeError(ErrorCode::InvalidArgument, "the database key must be 32 bytes", "key");
    }
    if (!options.readOnly)
        makePrivate(path);
    auto handle = openHandle(path, options);
    if (!handle.ok())
        return handle.error();
    sqlite3* db = *handle;
    // SQLCipher's own logging would print a wrong key's HMAC failures to stderr (logcat on a
    // phone); the outcome is reported as a WrongKey or Corrupt error instead.
    execDiscarding(db, "PRAGMA cipher_log_level = NONE");
    execDiscarding(db, options.memorySecurity ? "PRAGMA cipher_memory_security = ON"
                                              : "PRAGMA cipher_memory_security = OFF");

    // SQLCipher's raw-key form x'<64 hex digits>' uses the key as is, with no key derivation.
    // The hex buffer is key material: it is wiped whatever happens.
    std::array<char, 3 + 2 * kRawKeyBytes> keySpec{};
    {
        static constexpr char kDigits[] = "0123456789abcdef";
        keySpec[0] = 'x';
        keySpec[1] = '\'';
        for (std::size_t i = 0; i < kRawKeyBytes; ++i) {
            keySpec[2 + 2 * i] = kDigits[rawKey.data()[i] >> 4];
            keySpec[3 + 2 * i] = kDigits[rawKey.data()[i] & 0xF];
        }
        keySpec[keySpec.size() - 1] = '\'';
    }
    const int keyRc = sqlite3_key(db, keySpec.data(), static_cast<int>(keySpec.size()));
    sodium_memzero(keySpec.data(), keySpec.size());
    if (keyRc != SQLITE_OK) {
        Error error = sqliteError(db, keyRc, "could not key the database");
        sqlite3_close_v2(db);
        return error;
    }

    if (int rc = proveReadable(db); rc != SQLITE_OK) {
        Error error = (rc & 0xFF) == SQLITE_NOTADB
                          ? makeError(ErrorCode::WrongKey,
                                      "the database key is wrong (wrong PIN?); nothing was changed")
                          : sqliteError(db, rc, "could not read the database");
        sqlite3_close_v2(db);
        log::warning(kLog, "opening the encrypted database failed: " +
                               std::string(errorCodeName(error.code)));
        return error;
    }

    if (Status pragmas = applyPragmas(db, options); !pragmas.ok()) {
        sqlite3_close_v2(db);
        return pragmas.error();
    }
    if (!options.readOnly)
        makePrivate(path);
    log::info(kLog, "opened encrypted database " + path);
    return std::unique_ptr<Database>(new Database(db, path, true));
}

Result<std::unique_ptr<Database>> Database::openUnencrypted(const std::string& path,
                                                            const OpenOptions& options) {
    auto handle = openHandle(path, options);
    if (!handle.ok())
        return handle.error();
    sqlite3* db = *handle;
    if (int rc = proveReadable(db); rc != SQLITE_OK) {
        Error error = (rc & 0xFF) == SQLITE_NOTADB
                          ? makeError(ErrorCode::Corrupt,
                                      "the file is not a plain SQLite database (it is encrypted "
                                      "or damaged); nothing was changed")
                          : sqliteError(db, rc, "could not read the database");
        sqlite3_close_v2(db);
        return error;
    }
    if (Status pragmas = applyPragmas(db, options); !pragmas.ok()) {
        sqlite3_close_v2(db);
        return pragmas.error();
    }
    log::info(kLog, "opened unencrypted database " + path);
    return std::unique_ptr<Database>(new Database(db, path, false));
}

Database::Database(sqlite3* db, std::string path, bool encrypted)
    : db_(db),
      cache_(std::make_shared<StatementCache>()),
      path_(std::move(path)),
      encrypted_(encrypted) {}

Database::~Database() {
    cache_.reset();  // finalises the idle statements
    if (db_ != nullptr) {
        // close_v2 defers the close until any Statement still alive is finalised.
        sqlite3_close_v2(db_);
    }
}

Status Database::exec(std::string_view sql) {
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(db_, rc, "database statement failed");
    return okStatus();
}

Result<Statement> Database::prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = cache_->idle.find(key); it != cache_->idle.end()) {
        sqlite3_stmt* cached = it->second;
        cache_->idle.erase(it);
        return Statement(cached, db_, cache_, std::move(key));
    }
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
    if (rc != SQLITE_OK) {
        return sqliteError(db_, rc, "could not prepare a database statement");
    }
    Statement statement(stmt, db_, cache_, std::move(key));
    if (tail != nullptr) {
        const std::string_view rest(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail));
        if (rest.find_first_not_of(" \t\r\n;") != std::string_view::npos) {
            return makeError(ErrorCode::InvalidArgument,
                             "prepare() takes exactly one SQL statement; use exec() for scripts");
        }
    }
    if (stmt == nullptr) {
        return makeError(ErrorCode::InvalidArgument, "the SQL text holds no statement");
    }
    return statement;
}

Status Database::beginImmediate() {
    return exec("BEGIN IMMEDIATE");
}

Status Database::commit() {
    return exec("COMMIT");
}

Status Database::rollback() {
    return exec("ROLLBACK");
}

bool Database::inTransaction() const {
    return sqlite3_get_autocommit(db_) == 0;
}

Result<int> Database::userVersion() {
    auto stmt = prepare("PRAGMA user_version");
    if (!stmt.ok())
        return stmt.error();
    auto row = stmt->step();
    if (!row.ok())
        return row.error();
    if (!*row)
        return makeError(ErrorCode::Internal, "PRAGMA user_version returned no row");
    return static_cast<int>(stmt->columnInt(0));
}

Status Database::setUserVersion(int version) {
    return exec("PRAGMA user_version=" + std::to_string(version));
}

std::int64_t Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(db_);
}

int Database::changes() const {
    return sqlite3_changes(db_);
}

namespace {
// Runs a check pragma; every returned row other than "ok" is a problem. Returns the first.
Status runCheck(Database& db, std::string_view sql, std::string_view what) {
    auto stmt = db.prepare(sql);
    if (!stmt.ok())
        return stmt.error();
    for (;;) {
        auto row = stmt->step();
        if (!row.ok()) {
            Error error = row.error();
            if (error.code != ErrorCode::Corrupt)
                return error;
            error.message = std::string(what) + " failed: " + error.message;
            return error;
        }
        if (!*row)
            return okStatus();
        std::string text = stmt->columnText(0);
        if (text != "ok") {
            return makeError(ErrorCode::Corrupt, std::string(what) + " found a problem: " + text);
        }
    }
}
}  // namespace

Status Database::integrityCheck() {
    SB_TRY(runCheck(*this, "PRAGMA integrity_check", "the database integrity check"));
    if (encrypted_) {
        // Verifies the HMAC of every page in the main file (pages still in the WAL are checked
        // when read). Returns no rows when all pages authenticate.
        SB_TRY(runCheck(*this, "PRAGMA cipher_integrity_check", "the encryption integrity check"));
    }
    return okStatus();
}

Status Database::checkpoint() {
    int logFrames = 0;
    int checkpointed = 0;
    const int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &logFrames,
                                             &checkpointed);
    if (rc != SQLITE_OK)
        return sqliteError(db_, rc, "could not checkpoint the database");
    return okStatus();
}

// ---------------------------------------------------------------------------------------------
// Transaction

namespace {
// Inside an open transaction a Transaction becomes a savepoint, so a group of changes can be
// made atomic by wrapping them in an outer Transaction.
Status beginScope(Database& db, bool nested) {
    return nested ? db.exec("SAVEPOINT sitebook_nested") : db.beginImmediate();
}
}  // namespace

Transaction::Transaction(Database& db)
    : db_(db), nested_(db.inTransaction()), begin_(beginScope(db, nested_)) {}

Transaction::~Transaction() {
    if (done_ || !begin_.ok() || !db_.inTransaction())
        return;
    Status rolledBack =
        nested_ ? db_.exec("ROLLBACK TO sitebook_nested; RELEASE sitebook_nested") : db_.rollback();
    if (!rolledBack.ok()) {
        log::error(kLog, "rolling back a transaction failed: " + rolledBack.error().message);
    }
}

Status Transaction::commit() {
    if (!begin_.ok())
        return begin_.error();
    if (done_)
        return makeError(ErrorCode::Internal, "the transaction was already committed");
    SB_TRY(nested_ ? db_.exec("RELEASE sitebook_nested") : db_.commit());
    done_ = true;
    return okStatus();
}

}  // namespace sitebook::storage
