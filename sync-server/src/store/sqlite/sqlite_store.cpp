#include "sitebook/server/store/sqlite_store.h"

#include <algorithm>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "sitebook/server/audit/audit_chain.h"
#include "sitebook/server/sync/entity_writer.h"
#include "sitebook/storage/database.h"

namespace sitebook::server {

using storage::Database;
using storage::Statement;

namespace {

// Schema version 1. Portable SQL: explicit primary keys, no rowid reliance, no
// INSERT OR REPLACE. The audit log refuses UPDATE and DELETE in the database itself.
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE users (
    id TEXT NOT NULL PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('supervisor', 'officer', 'admin', 'manager')),
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at_ms INTEGER NOT NULL
);
CREATE TABLE devices (
    id TEXT NOT NULL PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    platform TEXT NOT NULL,
    app_version TEXT NOT NULL,
    registered_at_ms INTEGER NOT NULL,
    last_seen_at_ms INTEGER NOT NULL,
    revoked_at_ms INTEGER,
    last_clock_skew_ms INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE refresh_tokens (
    token_hash TEXT NOT NULL PRIMARY KEY,
    device_id TEXT NOT NULL REFERENCES devices(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    issued_at_ms INTEGER NOT NULL,
    expires_at_ms INTEGER NOT NULL,
    revoked_at_ms INTEGER,
    rotated INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX refresh_tokens_by_device ON refresh_tokens(device_id);
CREATE TABLE operations (
    op_id TEXT NOT NULL PRIMARY KEY,
    body_hash TEXT NOT NULL,
    user_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    hlc TEXT NOT NULL,
    outcome TEXT NOT NULL,
    result_version INTEGER NOT NULL,
    device_time_ms INTEGER NOT NULL,
    server_time_ms INTEGER NOT NULL
);
CREATE INDEX operations_by_entity ON operations(entity_type, entity_id);
CREATE TABLE entities (
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    body_json TEXT NOT NULL,
    version INTEGER NOT NULL,
    deleted INTEGER NOT NULL,
    hlc TEXT NOT NULL,
    last_op_id TEXT NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    PRIMARY KEY (entity_type, entity_id)
);
CREATE TABLE change_log (
    partition_key TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    version INTEGER NOT NULL,
    removed INTEGER NOT NULL,
    entry_checksum INTEGER NOT NULL,
    PRIMARY KEY (partition_key, entity_type, entity_id)
);
CREATE INDEX change_log_by_partition_seq ON change_log(partition_key, seq);
CREATE INDEX change_log_by_entity ON change_log(entity_type, entity_id);
CREATE TABLE partitions (
    partition_key TEXT NOT NULL PRIMARY KEY,
    checksum INTEGER NOT NULL,
    entry_count INTEGER NOT NULL,
    last_seq INTEGER NOT NULL
);
CREATE TABLE partition_grants (
    partition_key TEXT NOT NULL,
    user_id TEXT NOT NULL,
    PRIMARY KEY (partition_key, user_id)
);
CREATE INDEX partition_grants_by_user ON partition_grants(user_id);
CREATE TABLE sequences (
    name TEXT NOT NULL PRIMARY KEY,
    value INTEGER NOT NULL
);
CREATE TABLE audit_log (
    seq INTEGER NOT NULL PRIMARY KEY,
    user_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    op_id TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    device_time_ms INTEGER,
    server_time_ms INTEGER NOT NULL,
    clock_skew_ms INTEGER,
    before_json TEXT,
    after_json TEXT
);
CREATE INDEX audit_log_by_entity ON audit_log(entity_type, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
)sql";

template <typename T>
using Opt = std::optional<T>;

// A row reader returns the row's value, or a Result of it when a row can be refused.
template <typename T>
struct RowValue {
    using type = T;
};
template <typename T>
struct RowValue<Result<T>> {
    using type = T;
};
template <typename Read>
using RowOf = typename RowValue<std::invoke_result_t<Read&, Statement&>>::type;

// Binds `values` to parameters 1, 2, ... in order. The binder refers to the values, so it is
// for use within the full expression that makes it.
template <typename... Values>
auto keys(const Values&... values) {
    return [&values...](Statement& s) {
        int index = 0;
        (s.bind(++index, values), ...);
    };
}

class SqliteUnitOfWork final : public UnitOfWork {
public:
    SqliteUnitOfWork(SqliteStore& store, std::unique_ptr<Database> db)
        : store_(store), db_(std::move(db)) {}
    ~SqliteUnitOfWork() override {
        if (!done_ && db_->inTransaction()) {
            (void)db_->rollback();
        }
        store_.release(std::move(db_));
    }

    Status commit() override {
        SB_TRY(db_->commit());
        done_ = true;
        return okStatus();
    }
    Status savepoint() override { return db_->exec("SAVEPOINT sitebook_op"); }
    Status releaseSavepoint() override { return db_->exec("RELEASE sitebook_op"); }
    Status rollbackToSavepoint() override {
        return db_->exec("ROLLBACK TO sitebook_op; RELEASE sitebook_op");
    }

    // --- users ---
    Status insertUser(const UserRecord& u) override {
        return run(
            "INSERT INTO users (id, username, display_name, password_hash, role, disabled, "
            "created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [&](Statement& s) {
                s.bind(1, u.id).bind(2, u.username).bind(3, u.displayName).bind(4, u.passwordHash);
                s.bind(5, roleName(u.role)).bind(6, u.disabled ? 1 : 0).bind(7, u.createdAtMillis);
            });
    }
    Result<Opt<UserRecord>> findUserById(std::string_view id) override {
        return findUser("id = ?", id);
    }
    Result<Opt<UserRecord>> findUserByName(std::string_view username) override {
        return findUser("username = ?", username);
    }

    // --- devices ---
    Status insertDevice(const DeviceRecord& d) override {
        return run(
            "INSERT INTO devices (id, user_id, name, platform, app_version, registered_at_ms, "
            "last_seen_at_ms, revoked_at_ms, last_clock_skew_ms, wiped_at_ms) "
            "VALUES (?,?,?,?,?,?,?,?,?,?)",
            [&](Statement& s) { bindDevice(s, d); });
    }
    Status updateDevice(const DeviceRecord& d) override {
        return run(
            "UPDATE devices SET id = ?, user_id = ?, name = ?, platform = ?, app_version = ?, "
            "registered_at_ms = ?, last_seen_at_ms = ?, revoked_at_ms = ?, "
            "last_clock_skew_ms = ?, wiped_at_ms = ? WHERE id = ?1",
            [&](Statement& s) { bindDevice(s, d); });
    }
    static constexpr const char* kDeviceColumns =
        "SELECT id, user_id, name, platform, app_version, registered_at_ms, last_seen_at_ms, "
        "revoked_at_ms, last_clock_skew_ms, session_epoch, wiped_at_ms FROM devices ";
    Result<Opt<DeviceRecord>> findDevice(std::string_view id) override {
        return queryOne(std::string(kDeviceColumns) + "WHERE id = ?", keys(id), readDevice);
    }

    // --- refresh tokens ---
    Status insertRefreshToken(const RefreshTokenRecord& t) override {
        return run(
            "INSERT INTO refresh_tokens (token_hash, device_id, user_id, issued_at_ms, "
            "expires_at_ms, revoked_at_ms, rotated, parent_hash, signed_in_at_ms) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            [&](Statement& s) {
                s.bind(1, t.tokenHash).bind(2, t.deviceId).bind(3, t.userId);
                s.bind(4, t.issuedAtMillis).bind(5, t.expiresAtMillis);
                s.bind(6, t.revokedAtMillis).bind(7, t.rotated ? 1 : 0);
                s.bind(8, t.parentHash).bind(9, t.signedInAtMillis);
            });
    }
    Result<Opt<RefreshTokenRecord>> findRefreshToken(std::string_view hash) override {
        return findToken("token_hash = ?", hash);
    }
    Result<Opt<RefreshTokenRecord>> findUnusedSuccessor(std::string_view parentHash) override {
        return findToken("parent_hash = ? AND revoked_at_ms IS NULL AND rotated = 0", parentHash);
    }
    Result<Opt<RefreshTokenRecord>> findToken(const char* where, std::string_view value) {
        return queryOne(
            std::string("SELECT token_hash, device_id, user_id, issued_at_ms, expires_at_ms, "
                        "revoked_at_ms, rotated, parent_hash, signed_in_at_ms "
                        "FROM refresh_tokens WHERE ") +
                where,
            keys(value), readToken);
    }
    Status revokeRefreshToken(std::string_view hash, UnixMillis at) override {
        return run(
            "UPDATE refresh_tokens SET revoked_at_ms = ? "
            "WHERE token_hash = ? AND revoked_at_ms IS NULL",
            keys(at, hash));
    }
    Status markRefreshTokenRotated(std::string_view hash, UnixMillis at) override {
        return run(
            "UPDATE refresh_tokens SET revoked_at_ms = ?, rotated = 1 "
            "WHERE token_hash = ? AND revoked_at_ms IS NULL",
            keys(at, hash));
    }
    Status revokeDeviceTokens(std::string_view deviceId, UnixMillis at) override {
        SB_TRY(
            run("UPDATE refresh_tokens SET revoked_at_ms = ? "
                "WHERE device_id = ? AND revoked_at_ms IS NULL",
                keys(at, deviceId)));
        return run("UPDATE devices SET session_epoch = session_epoch + 1 WHERE id = ?",
                   keys(deviceId));
    }

    // --- operations ---
    static constexpr const char* kOperationColumns =
        "SELECT op_id, body_hash, user_id, device_id, entity_type, entity_id, kind, payload, "
        "hlc, outcome, result_version, device_time_ms, server_time_ms FROM operations ";

    Result<Opt<OperationRecord>> findOperation(std::string_view opId) override {
        return queryOne(std::string(kOperationColumns) + "WHERE op_id = ?", keys(opId),
                        readOperation);
    }
    Result<std::vector<OperationRecord>> operationsForEntity(std::string_view type,
                                                             std::string_view id) override {
        return queryAll(std::string(kOperationColumns) +
                            "WHERE entity_type = ? AND entity_id = ? "
                            "ORDER BY result_version, outcome = ?, server_time_ms, op_id",
                        keys(type, id, opOutcomeName(OpOutcome::AcceptedWithConflict)),
                        readOperation);
    }
    Status insertOperation(const OperationRecord& o) override {
        return run(
            "INSERT INTO operations (op_id, body_hash, user_id, device_id, entity_type, "
            "entity_id, kind, payload, hlc, outcome, result_version, device_time_ms, "
            "server_time_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [&](Statement& s) {
                s.bind(1, o.opId).bind(2, o.bodyHash).bind(3, o.userId).bind(4, o.deviceId);
                s.bind(5, o.entityType).bind(6, o.entityId).bind(7, o.kind).bind(8, o.payload);
                s.bind(9, o.hlc).bind(10, opOutcomeName(o.outcome)).bind(11, o.resultVersion);
                s.bind(12, o.deviceTimeMillis).bind(13, o.serverTimeMillis);
            });
    }

    // --- entities ---
    Result<Opt<EntityRecord>> findEntity(std::string_view type, std::string_view id) override {
        return queryOne(
            "SELECT entity_type, entity_id, body_json, version, deleted, hlc, last_op_id, "
            "updated_at_ms FROM entities WHERE entity_type = ? AND entity_id = ?",
            keys(type, id), readEntity);
    }
    Status insertEntity(const EntityRecord& e) override {
        return run(
            "INSERT INTO entities (entity_type, entity_id, body_json, version, deleted, hlc, "
            "last_op_id, updated_at_ms) VALUES (?,?,?,?,?,?,?,?)",
            [&](Statement& s) { bindEntity(s, e); });
    }
    Status updateEntity(const EntityRecord& e) override {
        return run(
            "UPDATE entities SET body_json = ?3, version = ?4, deleted = ?5, hlc = ?6, "
            "last_op_id = ?7, updated_at_ms = ?8 WHERE entity_type = ?1 AND entity_id = ?2",
            [&](Statement& s) { bindEntity(s, e); });
    }

    // --- partitions ---
    Result<std::int64_t> nextSequence(std::string_view name) override {
        SB_TRY(run("UPDATE sequences SET value = value + 1 WHERE name = ?", keys(name)));
        if (db_->changes() == 0) {
            SB_TRY(run("INSERT INTO sequences (name, value) VALUES (?, 1)", keys(name)));
        }
        auto value = queryInt("SELECT value FROM sequences WHERE name = ?", keys(name));
        if (!value)
            return value.error();
        if (!*value)
            return makeError(ErrorCode::Internal, "sequence vanished");
        return **value;
    }
    Result<std::vector<PartitionEntry>> entityPartitions(std::string_view type,
                                                         std::string_view id) override {
        return queryAll(
            "SELECT partition_key, entity_type, entity_id, seq, version, removed, entry_checksum "
            "FROM change_log WHERE entity_type = ? AND entity_id = ? ORDER BY partition_key",
            keys(type, id), [](const Statement& s) { return readEntry(s, 0); });
    }
    Status putPartitionEntry(const PartitionEntry& e) override {
        SB_TRY(
            run("UPDATE change_log SET seq = ?4, version = ?5, removed = ?6, entry_checksum = ?7 "
                "WHERE partition_key = ?1 AND entity_type = ?2 AND entity_id = ?3",
                [&](Statement& s) { bindEntry(s, e); }));
        if (db_->changes() > 0)
            return okStatus();
        return run(
            "INSERT INTO change_log (partition_key, entity_type, entity_id, seq, version, "
            "removed, entry_checksum) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            [&](Statement& s) { bindEntry(s, e); });
    }
    Result<Opt<PartitionSummary>> partitionSummary(std::string_view partition) override {
        return queryOne(
            "SELECT partition_key, checksum, entry_count, last_seq FROM partitions "
            "WHERE partition_key = ?",
            keys(partition), readSummary);
    }
    Status putPartitionSummary(const PartitionSummary& p) override {
        auto bindSummary = [&](Statement& s) {
            s.bind(1, p.partition).bind(2, static_cast<std::int64_t>(p.checksum));
            s.bind(3, p.count).bind(4, p.lastSeq);
        };
        SB_TRY(
            run("UPDATE partitions SET checksum = ?2, entry_count = ?3, last_seq = ?4 "
                "WHERE partition_key = ?1",
                bindSummary));
        if (db_->changes() > 0)
            return okStatus();
        return run(
            "INSERT INTO partitions (partition_key, checksum, entry_count, last_seq) "
            "VALUES (?1, ?2, ?3, ?4)",
            bindSummary);
    }
    // Read-then-write is safe here: the unit holds SQLite's write lock from its start.
    Result<std::int64_t> advancePartition(std::string_view partition, std::uint64_t removeChecksum,
                                          std::uint64_t addChecksum,
                                          std::int64_t countDelta) override {
        auto summary = partitionSummary(partition);
        if (!summary)
            return summary.error();
        PartitionSummary s = summary->value_or(PartitionSummary{std::string(partition), 0, 0, 0});
        s.checksum = s.checksum - removeChecksum + addChecksum;  // mod 2^64
        s.count += countDelta;
        s.lastSeq += 1;
        SB_TRY(putPartitionSummary(s));
        return s.lastSeq;
    }
    Result<std::vector<ChangeRow>> changesSince(std::string_view partition, std::int64_t afterSeq,
                                                std::size_t limit) override {
        return queryAll(
            "SELECT c.partition_key, c.entity_type, c.entity_id, c.seq, c.version, c.removed, "
            "c.entry_checksum, e.body_json FROM change_log c "
            "LEFT JOIN entities e ON e.entity_type = c.entity_type AND e.entity_id = c.entity_id "
            "WHERE c.partition_key = ? AND c.seq > ? ORDER BY c.seq, c.entity_type, c.entity_id "
            "LIMIT ?",
            keys(partition, afterSeq, static_cast<std::int64_t>(limit)), readChange);
    }
    Result<std::vector<std::string>> partitionsWithPrefix(std::string_view prefix) override {
        return queryAll(
            "SELECT partition_key FROM partitions WHERE substr(partition_key, 1, ?) = ? "
            "ORDER BY partition_key",
            keys(static_cast<std::int64_t>(prefix.size()), prefix), readText);
    }

    // --- grants ---
    Status setPartitionGrants(std::string_view partition,
                              const std::vector<std::string>& userIds) override {
        SB_TRY(run("DELETE FROM partition_grants WHERE partition_key = ?", keys(partition)));
        for (const auto& user : userIds) {
            SB_TRY(run("INSERT INTO partition_grants (partition_key, user_id) VALUES (?, ?)",
                       keys(partition, user)));
        }
        return okStatus();
    }
    Result<std::vector<std::string>> grantedPartitions(std::string_view userId) override {
        return queryAll(
            "SELECT partition_key FROM partition_grants WHERE user_id = ? ORDER BY partition_key",
            keys(userId), readText);
    }
    Result<bool> hasGrant(std::string_view userId, std::string_view partition) override {
        return exists("SELECT 1 FROM partition_grants WHERE user_id = ? AND partition_key = ?",
                      keys(userId, partition));
    }

    // --- audit ---
    static constexpr const char* kAuditColumns =
        "SELECT seq, user_id, device_id, op_id, action, entity_type, entity_id, "
        "device_time_ms, server_time_ms, clock_skew_ms, before_json, after_json, "
        "client_address, prev_hash, entry_hash FROM audit_log ";

    Result<std::int64_t> appendAudit(const AuditEntry& entry) override {
        // The sequence row taken first serialises appends, so the last entry read next is
        // the one this entry follows (audit/audit_chain.h).
        auto seq = nextSequence("audit");
        if (!seq)
            return seq.error();
        auto last = queryOne(
            "SELECT entry_hash FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)",
            [](Statement&) {}, readText);
        if (!last)
            return last.error();
        AuditEntry a = entry;
        a.seq = *seq;
        a.prevHash = last->value_or(kAuditGenesisHash);
        a.entryHash = auditEntryHash(a, a.prevHash);
        SB_TRY(run(
            "INSERT INTO audit_log (seq, user_id, device_id, op_id, action, entity_type, "
            "entity_id, device_time_ms, server_time_ms, clock_skew_ms, before_json, after_json, "
            "client_address, prev_hash, entry_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [&](Statement& s) {
                s.bind(1, a.seq).bind(2, a.userId).bind(3, a.deviceId).bind(4, a.opId);
                s.bind(5, a.action).bind(6, a.entityType).bind(7, a.entityId);
                s.bind(8, a.deviceTimeMillis).bind(9, a.serverTimeMillis);
                s.bind(10, a.clockSkewMillis).bind(11, a.before).bind(12, a.after);
                s.bind(13, a.clientAddress).bind(14, a.prevHash).bind(15, a.entryHash);
            }));
        return *seq;
    }
    Result<std::vector<AuditEntry>> auditForEntity(std::string_view type,
                                                   std::string_view id) override {
        return queryAll(
            std::string(kAuditColumns) + "WHERE entity_type = ? AND entity_id = ? ORDER BY seq",
            keys(type, id), readAudit);
    }

    // --- tamper-evident audit: verification and export ---
    Result<std::vector<AuditEntry>> auditPage(std::int64_t afterSeq, std::size_t limit) override {
        return queryAll(std::string(kAuditColumns) + "WHERE seq > ? ORDER BY seq LIMIT ?",
                        keys(afterSeq, static_cast<std::int64_t>(limit)), readAudit);
    }
    Result<std::int64_t> auditSequenceValue() override {
        auto value =
            queryInt("SELECT value FROM sequences WHERE name = 'audit'", [](Statement&) {});
        if (!value)
            return value.error();
        return value->value_or(0);
    }
    Result<std::vector<AuditEntry>> findAudit(const AuditQuery& q, std::int64_t afterSeq,
                                              std::size_t limit) override {
        // Only the given criteria are in the statement; parameters are numbered in order.
        std::string sql = std::string(kAuditColumns) + "WHERE seq > ?1";
        int next = 2;
        auto param = [&] { return "?" + std::to_string(next++); };
        std::string personPartition;
        if (q.userId)
            sql += " AND user_id = " + param();
        if (q.personId) {
            personPartition = std::string(kPersonPartitionPrefix) + *q.personId;
            const std::string id = param();
            sql += " AND ((entity_type = 'person' AND entity_id = " + id +
                   ") OR EXISTS (SELECT 1 FROM change_log c WHERE c.partition_key = " + param() +
                   " AND c.entity_type = audit_log.entity_type"
                   " AND c.entity_id = audit_log.entity_id))";
        }
        if (q.fromMillis)
            sql += " AND server_time_ms >= " + param();
        if (q.toMillis)
            sql += " AND server_time_ms < " + param();
        sql += " ORDER BY seq LIMIT " + param();
        return queryAll(
            sql,
            [&](Statement& s) {
                int index = 1;
                s.bind(index++, afterSeq);
                if (q.userId)
                    s.bind(index++, *q.userId);
                if (q.personId) {
                    s.bind(index++, *q.personId);
                    s.bind(index++, personPartition);
                }
                if (q.fromMillis)
                    s.bind(index++, *q.fromMillis);
                if (q.toMillis)
                    s.bind(index++, *q.toMillis);
                s.bind(index++, static_cast<std::int64_t>(limit));
            },
            readAudit);
    }

private:
    // Prepares `sql` (from the connection's cache) and binds its parameters with `bind`.
    template <typename Bind>
    Result<Statement> prepared(std::string_view sql, Bind bind) {
        auto st = db_->prepare(sql);
        if (st)
            bind(*st);
        return st;
    }
    // Runs a statement that returns no rows. A duplicate key is AlreadyExists (store.h).
    template <typename Bind>
    Status run(std::string_view sql, Bind bind) {
        auto st = prepared(sql, bind);
        if (!st)
            return st.error();
        Status done = st->run();
        if (done.code() == ErrorCode::Conflict)
            return makeError(ErrorCode::AlreadyExists, done.error().message);
        return done;
    }
    // The first row mapped by `read`; nothing when the query returns no row.
    template <typename Bind, typename Read>
    Result<Opt<RowOf<Read>>> queryOne(std::string_view sql, Bind bind, Read read) {
        auto st = prepared(sql, bind);
        if (!st)
            return st.error();
        auto row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            return Opt<RowOf<Read>>{};
        Result<RowOf<Read>> value = read(*st);
        if (!value)
            return value.error();
        return Opt<RowOf<Read>>(std::move(*value));
    }
    // Every row, each mapped by `read`, in the query's order.
    template <typename Bind, typename Read>
    Result<std::vector<RowOf<Read>>> queryAll(std::string_view sql, Bind bind, Read read) {
        auto st = prepared(sql, bind);
        if (!st)
            return st.error();
        std::vector<RowOf<Read>> out;
        for (;;) {
            auto row = st->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            Result<RowOf<Read>> value = read(*st);
            if (!value)
                return value.error();
            out.push_back(std::move(*value));
        }
        return out;
    }
    // The integer in the first column of the first row; nothing when there is no row.
    template <typename Bind>
    Result<Opt<std::int64_t>> queryInt(std::string_view sql, Bind bind) {
        return queryOne(sql, bind, [](const Statement& s) { return s.columnInt(0); });
    }
    // Whether the query returns a row.
    template <typename Bind>
    Result<bool> exists(std::string_view sql, Bind bind) {
        auto st = prepared(sql, bind);
        if (!st)
            return st.error();
        return st->step();
    }

    Result<Opt<UserRecord>> findUser(std::string_view where, std::string_view value) {
        std::string sql =
            "SELECT id, username, display_name, password_hash, role, disabled, created_at_ms "
            "FROM users WHERE ";
        sql += where;
        return queryOne(sql, keys(value), readUser);
    }

    // --- reconciliation queue ---
    Status queueReconcile(std::string_view personId, UnixMillis at) override {
        return run(
            "INSERT INTO reconcile_queue (person_id, queued_at_ms) VALUES (?, ?) "
            "ON CONFLICT (person_id) DO NOTHING",
            keys(personId, at));
    }
    Result<std::vector<std::string>> queuedReconciles(std::size_t limit) override {
        return queryAll(
            "SELECT person_id FROM reconcile_queue ORDER BY queued_at_ms, person_id LIMIT ?",
            keys(static_cast<std::int64_t>(limit)), readText);
    }
    Result<bool> isReconcileQueued(std::string_view personId) override {
        return exists("SELECT 1 FROM reconcile_queue WHERE person_id = ?", keys(personId));
    }
    Status dequeueReconcile(std::string_view personId) override {
        return run("DELETE FROM reconcile_queue WHERE person_id = ?", keys(personId));
    }
    Result<std::int64_t> reconcileQueueDepth() override {
        auto depth = queryInt("SELECT count(*) FROM reconcile_queue", [](Statement&) {});
        if (!depth)
            return depth.error();
        return depth->value_or(0);
    }

    // --- accounts: admin commands and login throttling ---
    Status updateUser(const UserRecord& u) override {
        return run(
            "UPDATE users SET username = ?2, display_name = ?3, password_hash = ?4, role = ?5, "
            "disabled = ?6 WHERE id = ?1",
            [&](Statement& s) {
                s.bind(1, u.id).bind(2, u.username).bind(3, u.displayName).bind(4, u.passwordHash);
                s.bind(5, roleName(u.role)).bind(6, u.disabled ? 1 : 0);
            });
    }
    Result<std::vector<UserRecord>> listUsers() override {
        return queryAll(
            "SELECT id, username, display_name, password_hash, role, disabled, created_at_ms "
            "FROM users ORDER BY username",
            [](Statement&) {}, readUser);
    }
    Result<std::vector<DeviceRecord>> listDevices(std::string_view userId) override {
        return queryAll(std::string(kDeviceColumns) +
                            "WHERE ? = '' OR user_id = ? ORDER BY registered_at_ms, id",
                        keys(userId, userId), readDevice);
    }
    Result<Opt<LoginThrottleRecord>> findLoginThrottle(std::string_view subject) override {
        return queryOne(
            "SELECT subject, failures, last_failure_at_ms, locked_until_ms FROM login_throttle "
            "WHERE subject = ?",
            keys(subject), [](const Statement& s) {
                LoginThrottleRecord r;
                r.subject = s.columnText(0);
                r.failures = s.columnInt(1);
                r.lastFailureAtMillis = s.columnInt(2);
                r.lockedUntilMillis = s.columnInt(3);
                return r;
            });
    }
    Status putLoginThrottle(const LoginThrottleRecord& r) override {
        auto bindRecord = [&](Statement& s) {
            s.bind(1, r.subject).bind(2, r.failures).bind(3, r.lastFailureAtMillis);
            s.bind(4, r.lockedUntilMillis);
        };
        SB_TRY(
            run("UPDATE login_throttle SET failures = ?2, last_failure_at_ms = ?3, "
                "locked_until_ms = ?4 WHERE subject = ?1",
                bindRecord));
        if (db_->changes() > 0)
            return okStatus();
        return run(
            "INSERT INTO login_throttle (subject, failures, last_failure_at_ms, locked_until_ms) "
            "VALUES (?1, ?2, ?3, ?4)",
            bindRecord);
    }
    Status clearLoginThrottle(std::string_view subject) override {
        return run("DELETE FROM login_throttle WHERE subject = ?", keys(subject));
    }

    // --- token signing keys ---
    Status insertTokenKey(const TokenKeyRecord& k) override {
        std::string hex = toHex(k.key.view());
        Status s =
            run("INSERT INTO token_keys (key_id, key_hex, created_at_ms, retired_at_ms, "
                "verify_until_ms) VALUES (?, ?, ?, ?, ?)",
                keys(k.keyId, hex, k.createdAtMillis, k.retiredAtMillis, k.verifyUntilMillis));
        std::fill(hex.begin(), hex.end(), '\0');
        return s;
    }
    Status updateTokenKey(const TokenKeyRecord& k) override {
        return run("UPDATE token_keys SET retired_at_ms = ?, verify_until_ms = ? WHERE key_id = ?",
                   keys(k.retiredAtMillis, k.verifyUntilMillis, k.keyId));
    }
    Result<std::vector<TokenKeyRecord>> tokenKeys() override {
        return queryAll(
            "SELECT key_id, key_hex, created_at_ms, retired_at_ms, verify_until_ms "
            "FROM token_keys ORDER BY created_at_ms DESC, key_id DESC",
            [](Statement&) {}, readTokenKey);
    }
    Status deleteTokenKey(std::string_view keyId) override {
        return run("DELETE FROM token_keys WHERE key_id = ?", keys(keyId));
    }

    static Result<TokenKeyRecord> readTokenKey(const Statement& s) {
        TokenKeyRecord k;
        k.keyId = s.columnText(0);
        std::string hex = s.columnText(1);
        std::vector<std::uint8_t> bytes;
        const bool ok = fromHex(hex, bytes);
        std::fill(hex.begin(), hex.end(), '\0');
        if (!ok || bytes.empty())
            return makeError(ErrorCode::Corrupt, "token key " + k.keyId + " is not hex");
        k.key = SecretBytes(bytes.data(), bytes.size());
        std::fill(bytes.begin(), bytes.end(), 0);
        k.createdAtMillis = s.columnInt(2);
        k.retiredAtMillis = s.columnOptionalInt(3);
        k.verifyUntilMillis = s.columnOptionalInt(4);
        return k;
    }

    static void bindDevice(Statement& s, const DeviceRecord& d) {
        s.bind(1, d.id).bind(2, d.userId).bind(3, d.name).bind(4, d.platform);
        s.bind(5, d.appVersion).bind(6, d.registeredAtMillis).bind(7, d.lastSeenAtMillis);
        s.bind(8, d.revokedAtMillis).bind(9, d.lastClockSkewMillis).bind(10, d.wipedAtMillis);
    }
    static void bindEntity(Statement& s, const EntityRecord& e) {
        s.bind(1, e.type).bind(2, e.id).bind(3, e.bodyJson).bind(4, e.version);
        s.bind(5, e.deleted ? 1 : 0).bind(6, e.hlc).bind(7, e.lastOpId).bind(8, e.updatedAtMillis);
    }
    static void bindEntry(Statement& s, const PartitionEntry& e) {
        s.bind(1, e.partition).bind(2, e.entityType).bind(3, e.entityId).bind(4, e.seq);
        s.bind(5, e.version).bind(6, e.removed ? 1 : 0);
        s.bind(7, static_cast<std::int64_t>(e.entryChecksum));
    }

    static Result<UserRecord> readUser(const Statement& s) {
        UserRecord u;
        u.id = s.columnText(0);
        u.username = s.columnText(1);
        u.displayName = s.columnText(2);
        u.passwordHash = s.columnText(3);
        auto role = parseRole(s.columnText(4));
        if (!role)
            return makeError(ErrorCode::Corrupt, "user has an unknown role");
        u.role = *role;
        u.disabled = s.columnInt(5) != 0;
        u.createdAtMillis = s.columnInt(6);
        return u;
    }
    static DeviceRecord readDevice(const Statement& s) {
        DeviceRecord d;
        d.id = s.columnText(0);
        d.userId = s.columnText(1);
        d.name = s.columnText(2);
        d.platform = s.columnText(3);
        d.appVersion = s.columnText(4);
        d.registeredAtMillis = s.columnInt(5);
        d.lastSeenAtMillis = s.columnInt(6);
        d.revokedAtMillis = s.columnOptionalInt(7);
        d.lastClockSkewMillis = s.columnInt(8);
        d.sessionEpoch = s.columnInt(9);
        d.wipedAtMillis = s.columnOptionalInt(10);
        return d;
    }
    static RefreshTokenRecord readToken(const Statement& s) {
        RefreshTokenRecord t;
        t.tokenHash = s.columnText(0);
        t.deviceId = s.columnText(1);
        t.userId = s.columnText(2);
        t.issuedAtMillis = s.columnInt(3);
        t.expiresAtMillis = s.columnInt(4);
        t.revokedAtMillis = s.columnOptionalInt(5);
        t.rotated = s.columnInt(6) != 0;
        t.parentHash = s.columnOptionalText(7);
        t.signedInAtMillis = s.columnInt(8);
        return t;
    }
    static OperationRecord readOperation(const Statement& s) {
        OperationRecord o;
        o.opId = s.columnText(0);
        o.bodyHash = s.columnText(1);
        o.userId = s.columnText(2);
        o.deviceId = s.columnText(3);
        o.entityType = s.columnText(4);
        o.entityId = s.columnText(5);
        o.kind = s.columnText(6);
        o.payload = s.columnText(7);
        o.hlc = s.columnText(8);
        o.outcome = s.columnText(9) == opOutcomeName(OpOutcome::AcceptedWithConflict)
                        ? OpOutcome::AcceptedWithConflict
                        : OpOutcome::Accepted;
        o.resultVersion = s.columnInt(10);
        o.deviceTimeMillis = s.columnInt(11);
        o.serverTimeMillis = s.columnInt(12);
        return o;
    }
    static EntityRecord readEntity(const Statement& s) {
        EntityRecord e;
        e.type = s.columnText(0);
        e.id = s.columnText(1);
        e.bodyJson = s.columnText(2);
        e.version = s.columnInt(3);
        e.deleted = s.columnInt(4) != 0;
        e.hlc = s.columnText(5);
        e.lastOpId = s.columnText(6);
        e.updatedAtMillis = s.columnInt(7);
        return e;
    }
    static PartitionEntry readEntry(const Statement& s, int first) {
        PartitionEntry e;
        e.partition = s.columnText(first);
        e.entityType = s.columnText(first + 1);
        e.entityId = s.columnText(first + 2);
        e.seq = s.columnInt(first + 3);
        e.version = s.columnInt(first + 4);
        e.removed = s.columnInt(first + 5) != 0;
        e.entryChecksum = static_cast<std::uint64_t>(s.columnInt(first + 6));
        return e;
    }
    static PartitionSummary readSummary(const Statement& s) {
        PartitionSummary p;
        p.partition = s.columnText(0);
        p.checksum = static_cast<std::uint64_t>(s.columnInt(1));
        p.count = s.columnInt(2);
        p.lastSeq = s.columnInt(3);
        return p;
    }
    static ChangeRow readChange(const Statement& s) {
        ChangeRow r;
        r.entry = readEntry(s, 0);
        if (!r.entry.removed)
            r.bodyJson = s.columnText(7);
        return r;
    }
    static AuditEntry readAudit(const Statement& s) {
        AuditEntry a;
        a.seq = s.columnInt(0);
        a.userId = s.columnText(1);
        a.deviceId = s.columnText(2);
        a.opId = s.columnText(3);
        a.action = s.columnText(4);
        a.entityType = s.columnText(5);
        a.entityId = s.columnText(6);
        a.deviceTimeMillis = s.columnOptionalInt(7);
        a.serverTimeMillis = s.columnInt(8);
        a.clockSkewMillis = s.columnOptionalInt(9);
        a.before = s.columnOptionalText(10);
        a.after = s.columnOptionalText(11);
        a.clientAddress = s.columnOptionalText(12);
        a.prevHash = s.columnOptionalText(13).value_or("");
        a.entryHash = s.columnOptionalText(14).value_or("");
        return a;
    }
    static std::string readText(const Statement& s) { return s.columnText(0); }

    SqliteStore& store_;
    std::unique_ptr<Database> db_;
    bool done_ = false;
};

// v5: token signing keys in the store with a key id, so that several replicas share them and
// a key can be rotated (the key file `init` used to write is imported by `serve`).
Status migrateToV5(Database& db) {
    SB_TRY(
        db.exec("CREATE TABLE token_keys ("
                "    key_id TEXT NOT NULL PRIMARY KEY,"
                "    key_hex TEXT NOT NULL,"
                "    created_at_ms INTEGER NOT NULL,"
                "    retired_at_ms INTEGER,"
                "    verify_until_ms INTEGER);"));
    return db.setUserVersion(5);
}

// v6: the tamper-evident audit log (audit/audit_chain.h). Each entry gains the client address
// and the chain hashes; the entries already there are chained in sequence order (the
// append-only trigger is lifted for that and put back).
Status migrateAuditChain(Database& db) {
    SB_TRY(
        db.exec("ALTER TABLE audit_log ADD COLUMN client_address TEXT;"
                "ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;"
                "ALTER TABLE audit_log ADD COLUMN entry_hash TEXT;"
                "DROP TRIGGER audit_log_no_update;"));
    std::vector<AuditEntry> entries;
    {
        auto st = db.prepare(
            "SELECT seq, user_id, device_id, op_id, action, entity_type, entity_id, "
            "device_time_ms, server_time_ms, clock_skew_ms, before_json, after_json "
            "FROM audit_log ORDER BY seq");
        if (!st)
            return st.error();
        for (;;) {
            auto row = st->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            AuditEntry a;
            a.seq = st->columnInt(0);
            a.userId = st->columnText(1);
            a.deviceId = st->columnText(2);
            a.opId = st->columnText(3);
            a.action = st->columnText(4);
            a.entityType = st->columnText(5);
            a.entityId = st->columnText(6);
            a.deviceTimeMillis = st->columnOptionalInt(7);
            a.serverTimeMillis = st->columnInt(8);
            a.clockSkewMillis = st->columnOptionalInt(9);
            a.before = st->columnOptionalText(10);
            a.after = st->columnOptionalText(11);
            entries.push_back(std::move(a));
        }
    }
    std::string prevHash = kAuditGenesisHash;
    for (const AuditEntry& a : entries) {
        const std::string hash = auditEntryHash(a, prevHash);
        auto st = db.prepare("UPDATE audit_log SET prev_hash = ?, entry_hash = ? WHERE seq = ?");
        if (!st)
            return st.error();
        st->bind(1, prevHash).bind(2, hash).bind(3, a.seq);
        SB_TRY(st->run());
        prevHash = hash;
    }
    return db.exec(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;");
}

Status migrate(Database& db) {
    auto version = db.userVersion();
    if (!version)
        return version.error();
    if (*version > SqliteStore::kSchemaVersion) {
        return makeError(ErrorCode::SchemaTooNew,
                         "the server database was written by a newer Sitebook server (schema " +
                             std::to_string(*version) + "); upgrade this server");
    }
    if (*version == SqliteStore::kSchemaVersion)
        return okStatus();
    storage::Transaction tx(db);
    SB_TRY(tx.beginStatus());
    if (*version < 1) {
        SB_TRY(db.exec(kSchemaV1));
        SB_TRY(db.setUserVersion(1));
    }
    if (*version < 2) {
        // v2: which token each refresh token was exchanged for, so that a device whose refresh
        // answer was lost can be answered again instead of being taken for a thief.
        SB_TRY(
            db.exec("ALTER TABLE refresh_tokens ADD COLUMN parent_hash TEXT;"
                    "CREATE INDEX refresh_tokens_by_parent ON refresh_tokens(parent_hash);"));
        SB_TRY(db.setUserVersion(2));
    }
    if (*version < 3) {
        // v3: people owed a reconciliation (ReconcileQueue), so uploads queue the people they
        // touched instead of recomputing them inside the upload's transaction.
        SB_TRY(
            db.exec("CREATE TABLE reconcile_queue ("
                    "    person_id TEXT NOT NULL PRIMARY KEY,"
                    "    queued_at_ms INTEGER NOT NULL);"
                    "CREATE INDEX reconcile_queue_by_time ON reconcile_queue(queued_at_ms);"));
        SB_TRY(db.setUserVersion(3));
    }
    if (*version < 4) {
        // v4, accounts: a device's session epoch (access tokens of ended sessions are refused)
        // and when a revoked device was told to wipe; when each refresh-token chain's password
        // sign-in happened (absolute session lifetime); failed sign-ins per account and client
        // address (login throttling shared by every replica).
        SB_TRY(
            db.exec("ALTER TABLE devices ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;"
                    "ALTER TABLE devices ADD COLUMN wiped_at_ms INTEGER;"
                    "ALTER TABLE refresh_tokens ADD COLUMN signed_in_at_ms INTEGER NOT NULL "
                    "DEFAULT 0;"
                    "UPDATE refresh_tokens SET signed_in_at_ms = issued_at_ms;"
                    "CREATE TABLE login_throttle ("
                    "    subject TEXT NOT NULL PRIMARY KEY,"
                    "    failures INTEGER NOT NULL,"
                    "    last_failure_at_ms INTEGER NOT NULL,"
                    "    locked_until_ms INTEGER NOT NULL);"));
        SB_TRY(db.setUserVersion(4));
    }
    if (*version < 5)
        SB_TRY(migrateToV5(db));
    if (*version < 6) {
        SB_TRY(migrateAuditChain(db));
        SB_TRY(db.setUserVersion(6));
    }
    return tx.commit();
}

}  // namespace

std::string_view opOutcomeName(OpOutcome outcome) {
    switch (outcome) {
        case OpOutcome::Accepted:
            return "accepted";
        case OpOutcome::AcceptedWithConflict:
            return "accepted_with_conflict";
    }
    return "accepted";
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path) {
    std::unique_ptr<SqliteStore> store(new SqliteStore(path));
    auto db = store->acquire();
    if (!db)
        return db.error();
    SB_TRY(migrate(**db));
    store->release(std::move(*db));
    return store;
}

SqliteStore::~SqliteStore() = default;

Result<std::unique_ptr<Database>> SqliteStore::acquire() {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            auto db = std::move(idle_.back());
            idle_.pop_back();
            return db;
        }
    }
    storage::OpenOptions options;
    options.busyTimeoutMillis = 10'000;
    return Database::openUnencrypted(path_, options);
}

void SqliteStore::release(std::unique_ptr<Database> db) {
    if (!db)
        return;
    std::lock_guard lock(mutex_);
    constexpr std::size_t kMaxIdle = 16;
    if (idle_.size() < kMaxIdle)
        idle_.push_back(std::move(db));
}

Result<std::unique_ptr<UnitOfWork>> SqliteStore::begin(AccessMode mode) {
    auto db = acquire();
    if (!db)
        return db.error();
    if (mode == AccessMode::ReadWrite) {
        SB_TRY((*db)->beginImmediate());
    } else {
        SB_TRY((*db)->exec("BEGIN DEFERRED"));
    }
    return std::unique_ptr<UnitOfWork>(new SqliteUnitOfWork(*this, std::move(*db)));
}

}  // namespace sitebook::server
