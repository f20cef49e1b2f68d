#pragma once
// The server's persistence interface. Callers see only this header: every read and write
// happens inside a UnitOfWork (one database transaction), so a PostgreSQL backend can be
// added beside SqliteStore without changing any caller.
//
// Rules for implementations:
// - No reliance on SQLite rowids or INSERT OR REPLACE semantics; every table has an explicit
//   primary key and inserts fail with ErrorCode::AlreadyExists on a duplicate key.
// - Read-write units behave as if serial: whatever a unit reads and then writes from is locked
//   by the read (SQLite: the write lock taken up front; PostgreSQL: row and key locks held to
//   commit). A unit may instead fail with ErrorCode::Unavailable (deadlock, serialization
//   failure, lost connection); runWriteUnit() below retries such a unit as a whole.
// - Within a partition, change sequence numbers (advancePartition) become visible in the order
//   they were issued: the partition's summary row stays locked from the advance to the commit,
//   so a download checkpoint never skips a change that commits later.
// - The audit log is append-only: the backend itself refuses UPDATE and DELETE on it. It is
//   also a hash chain (audit/audit_chain.h): appendAudit reads the last entry's hash and
//   writes the new entry after taking the "audit" sequence row, which serialises appends.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/common/result.h"
#include "sitebook/common/secret.h"
#include "sitebook/server/auth/role.h"

namespace sitebook::server {

struct UserRecord {
    std::string id;  // UUID
    std::string username;
    std::string displayName;
    std::string passwordHash;  // libsodium crypto_pwhash_str (Argon2id)
    Role role = Role::Supervisor;
    bool disabled = false;
    UnixMillis createdAtMillis = 0;
};

struct DeviceRecord {
    std::string id;  // UUID chosen by the device
    std::string userId;
    std::string name;
    std::string platform;
    std::string appVersion;
    UnixMillis registeredAtMillis = 0;
    UnixMillis lastSeenAtMillis = 0;
    std::optional<UnixMillis> revokedAtMillis;
    std::int64_t lastClockSkewMillis = 0;  // server time minus device time, last upload
    // Accounts: raised each time the device's sessions end (revokeDeviceTokens); an access
    // token carries the epoch it was issued in and is refused once it differs. Written only
    // by revokeDeviceTokens (updateDevice leaves it alone).
    std::int64_t sessionEpoch = 0;
    // The revoked device's first contact after its revocation: it was told to wipe itself then.
    std::optional<UnixMillis> wipedAtMillis;
};

struct RefreshTokenRecord {
    std::string tokenHash;  // hex SHA-256 of the token; the token itself is never stored
    std::string deviceId;
    std::string userId;
    UnixMillis issuedAtMillis = 0;
    UnixMillis expiresAtMillis = 0;
    std::optional<UnixMillis> revokedAtMillis;
    bool rotated = false;                   // revoked because it was exchanged for a newer token
    std::optional<std::string> parentHash;  // the token this one was exchanged for, if any
    // When the password sign-in that began this chain of tokens happened: refreshing never
    // extends a session beyond signedInAtMillis + TokenPolicy::sessionLifetime.
    UnixMillis signedInAtMillis = 0;
};

// Accounts: failed sign-ins of one subject ("account:<username>" or "address:<client
// address>"), kept in the store so every server replica sees the same count.
struct LoginThrottleRecord {
    std::string subject;
    std::int64_t failures = 0;  // consecutive, since the last success or reset
    UnixMillis lastFailureAtMillis = 0;
    UnixMillis lockedUntilMillis = 0;  // sign-in refused before this time; 0: not locked
};

enum class OpOutcome { Accepted, AcceptedWithConflict };
std::string_view opOutcomeName(OpOutcome outcome);

// An accepted client operation, kept for idempotency (same op_id + same body -> same
// result) and so that both sides of a conflict stay on record.
struct OperationRecord {
    std::string opId;
    std::string bodyHash;  // hex SHA-256 over the operation's canonical content
    std::string userId;
    std::string deviceId;
    std::string entityType;
    std::string entityId;
    std::string kind;  // "create" | "update" | "delete"
    std::string payload;
    std::string hlc;
    OpOutcome outcome = OpOutcome::Accepted;
    std::int64_t resultVersion = 0;
    UnixMillis deviceTimeMillis = 0;
    UnixMillis serverTimeMillis = 0;
};

// The current state of one record.
struct EntityRecord {
    std::string type;  // entity type name, e.g. "appointment_outcome"
    std::string id;
    std::string bodyJson;
    std::int64_t version = 0;  // 1 on creation, +1 per change
    bool deleted = false;
    std::string hlc;       // of the write that produced this state (conflict winner order)
    std::string lastOpId;  // ditto; empty for server-side writes
    UnixMillis updatedAtMillis = 0;
};

// One record's membership of one partition: the compacted change log. Every write moves
// the affected entries to a new sequence number; download pages walk entries by sequence.
struct PartitionEntry {
    std::string partition;  // e.g. "project/<uuid>", "person/<uuid>"
    std::string entityType;
    std::string entityId;
    std::int64_t seq = 0;
    std::int64_t version = 0;
    bool removed = false;             // the record left the partition (deleted or moved)
    std::uint64_t entryChecksum = 0;  // 0 when removed
};

// Running totals per partition, maintained with every entry change.
struct PartitionSummary {
    std::string partition;
    std::uint64_t checksum = 0;  // sum mod 2^64 of live entry checksums
    std::int64_t count = 0;      // live entries
    std::int64_t lastSeq = 0;
};

// A partition entry joined with the record's body (empty when removed).
struct ChangeRow {
    PartitionEntry entry;
    std::string bodyJson;
};

struct AuditEntry {
    std::int64_t seq = 0;  // assigned by appendAudit
    std::string userId;
    std::string deviceId;  // empty for server-side actions (CLI, import)
    std::string opId;      // empty for actions that are not client operations
    std::string action;    // e.g. "create", "update", "conflict", "device_revoked"
    std::string entityType;
    std::string entityId;
    std::optional<UnixMillis> deviceTimeMillis;
    UnixMillis serverTimeMillis = 0;
    std::optional<std::int64_t> clockSkewMillis;
    std::optional<std::string> before;
    std::optional<std::string> after;
    // Tamper-evident audit (audit/audit_chain.h): the client's address as gRPC saw it (for
    // calls from a device), and the chain hashes appendAudit fills in.
    std::optional<std::string> clientAddress;
    std::string prevHash;
    std::string entryHash;
};

// Which audit entries `audit export` selects; every given criterion must hold.
struct AuditQuery {
    std::optional<std::string> personId;   // the person and every record of their partition
    std::optional<std::string> userId;     // entries made by this user
    std::optional<UnixMillis> fromMillis;  // server time, inclusive
    std::optional<UnixMillis> toMillis;    // server time, exclusive
};

// A token signing key (token key rotation): shared through the store so that every replica
// signs and verifies with the same keys.
struct TokenKeyRecord {
    std::string keyId;  // the token's `kid`
    SecretBytes key;    // 32 bytes
    UnixMillis createdAtMillis = 0;
    std::optional<UnixMillis> retiredAtMillis;    // stopped signing (a newer key signs)
    std::optional<UnixMillis> verifyUntilMillis;  // tokens it signed are refused from then on
};

// One transaction. Destroying it without commit() rolls back. Not thread-safe; use it on
// the thread that began it.
class UnitOfWork {
public:
    virtual ~UnitOfWork() = default;

    virtual Status commit() = 0;
    // One level of savepoint inside the transaction (standard SQL SAVEPOINT / RELEASE /
    // ROLLBACK TO): lets a batch keep some changes and drop others in one commit.
    virtual Status savepoint() = 0;
    virtual Status releaseSavepoint() = 0;
    // Undoes everything since savepoint() and releases it.
    virtual Status rollbackToSavepoint() = 0;

    // Users.
    virtual Status insertUser(const UserRecord& user) = 0;
    virtual Result<std::optional<UserRecord>> findUserById(std::string_view id) = 0;
    virtual Result<std::optional<UserRecord>> findUserByName(std::string_view username) = 0;

    // Devices.
    virtual Status insertDevice(const DeviceRecord& device) = 0;
    virtual Status updateDevice(const DeviceRecord& device) = 0;
    virtual Result<std::optional<DeviceRecord>> findDevice(std::string_view id) = 0;

    // Refresh tokens.
    virtual Status insertRefreshToken(const RefreshTokenRecord& token) = 0;
    virtual Result<std::optional<RefreshTokenRecord>> findRefreshToken(std::string_view hash) = 0;
    virtual Status markRefreshTokenRotated(std::string_view hash, UnixMillis at) = 0;
    // The live token issued in exchange for `parentHash` that has never been used itself, if
    // any: its existence means the answer carrying it never reached the device.
    virtual Result<std::optional<RefreshTokenRecord>> findUnusedSuccessor(
        std::string_view parentHash) = 0;
    virtual Status revokeRefreshToken(std::string_view hash, UnixMillis at) = 0;
    // Revokes every live refresh token of the device and raises its sessionEpoch, so access
    // tokens issued before are refused too.
    virtual Status revokeDeviceTokens(std::string_view deviceId, UnixMillis at) = 0;

    // Operations (idempotency).
    virtual Result<std::optional<OperationRecord>> findOperation(std::string_view opId) = 0;
    virtual Status insertOperation(const OperationRecord& op) = 0;
    // Every accepted operation on one record, in the order they took effect: by result
    // version, plain acceptances before conflicting ones of the same version, then server
    // time and op_id.
    virtual Result<std::vector<OperationRecord>> operationsForEntity(std::string_view type,
                                                                     std::string_view id) = 0;

    // Entities.
    virtual Result<std::optional<EntityRecord>> findEntity(std::string_view type,
                                                           std::string_view id) = 0;
    virtual Status insertEntity(const EntityRecord& entity) = 0;
    virtual Status updateEntity(const EntityRecord& entity) = 0;

    // Partitions, change log and checksums.
    // A monotonically increasing counter per name; first value 1. The counter row stays locked
    // until the unit ends (a hot spot: changes use advancePartition instead).
    virtual Result<std::int64_t> nextSequence(std::string_view name) = 0;
    // All entries (live and removed) of one record.
    virtual Result<std::vector<PartitionEntry>> entityPartitions(std::string_view type,
                                                                 std::string_view id) = 0;
    // Inserts or updates the entry keyed by (partition, entityType, entityId).
    virtual Status putPartitionEntry(const PartitionEntry& entry) = 0;
    virtual Result<std::optional<PartitionSummary>> partitionSummary(
        std::string_view partition) = 0;
    virtual Status putPartitionSummary(const PartitionSummary& summary) = 0;
    // Moves the partition's running totals for one entry change (checksum - remove + add mod
    // 2^64, count + countDelta), creating the summary when missing, and returns the sequence
    // number the change takes in the partition: the previous lastSeq + 1. The summary stays
    // locked until the unit ends, so sequence order within a partition is commit order.
    virtual Result<std::int64_t> advancePartition(std::string_view partition,
                                                  std::uint64_t removeChecksum,
                                                  std::uint64_t addChecksum,
                                                  std::int64_t countDelta) = 0;
    // Entries of `partition` with seq > afterSeq in seq order, at most `limit`.
    virtual Result<std::vector<ChangeRow>> changesSince(std::string_view partition,
                                                        std::int64_t afterSeq,
                                                        std::size_t limit) = 0;
    // Partitions whose name starts with `prefix`, in name order.
    virtual Result<std::vector<std::string>> partitionsWithPrefix(std::string_view prefix) = 0;

    // Grants: which users may download a partition.
    virtual Status setPartitionGrants(std::string_view partition,
                                      const std::vector<std::string>& userIds) = 0;
    virtual Result<std::vector<std::string>> grantedPartitions(std::string_view userId) = 0;
    virtual Result<bool> hasGrant(std::string_view userId, std::string_view partition) = 0;

    // Audit log (append-only). Returns the assigned sequence number. Chains the entry: its
    // prevHash is the entryHash of the entry with the next lower seq (kAuditGenesisHash for
    // the first) and its entryHash is auditEntryHash() of it, written with the entry.
    virtual Result<std::int64_t> appendAudit(const AuditEntry& entry) = 0;
    virtual Result<std::vector<AuditEntry>> auditForEntity(std::string_view type,
                                                           std::string_view id) = 0;

    // Tamper-evident audit: verification and export (audit/audit_chain.h).
    // Entries with seq > afterSeq in seq order, at most `limit`, hashes included.
    virtual Result<std::vector<AuditEntry>> auditPage(std::int64_t afterSeq, std::size_t limit) = 0;
    // The last value the "audit" sequence issued (0 before the first entry).
    virtual Result<std::int64_t> auditSequenceValue() = 0;
    // Entries matching `query` with seq > afterSeq, in seq order, at most `limit`.
    virtual Result<std::vector<AuditEntry>> findAudit(const AuditQuery& query,
                                                      std::int64_t afterSeq, std::size_t limit) = 0;

    // Reconciliation queue: people whose derived records are owed a recomputation. An upload
    // queues the people it touched in its own transaction, so a crash between the commit and
    // the recomputation loses nothing; queueing someone already queued keeps one entry with
    // the earlier time. ReconcileQueue takes people off in the transaction that recomputes them.
    virtual Status queueReconcile(std::string_view personId, UnixMillis at) = 0;
    // Queued people, oldest first, at most `limit`.
    virtual Result<std::vector<std::string>> queuedReconciles(std::size_t limit) = 0;
    virtual Result<bool> isReconcileQueued(std::string_view personId) = 0;
    virtual Status dequeueReconcile(std::string_view personId) = 0;
    virtual Result<std::int64_t> reconcileQueueDepth() = 0;

    // Accounts: admin commands and login throttling.
    // Updates username, display name, password hash, role and disabled by id.
    virtual Status updateUser(const UserRecord& user) = 0;
    // Every user, by username.
    virtual Result<std::vector<UserRecord>> listUsers() = 0;
    // Devices of one user (every device when userId is empty), by registration time and id.
    virtual Result<std::vector<DeviceRecord>> listDevices(std::string_view userId) = 0;
    virtual Result<std::optional<LoginThrottleRecord>> findLoginThrottle(
        std::string_view subject) = 0;
    // Inserts or updates the record keyed by subject.
    virtual Status putLoginThrottle(const LoginThrottleRecord& record) = 0;
    virtual Status clearLoginThrottle(std::string_view subject) = 0;
    // Token signing keys (key id and rotation; auth/token_keys.h). The key bytes are stored
    // as hex text.
    virtual Status insertTokenKey(const TokenKeyRecord& key) = 0;
    // Updates retiredAtMillis and verifyUntilMillis of the key with key.keyId.
    virtual Status updateTokenKey(const TokenKeyRecord& key) = 0;
    // Every key, newest first (created time, then key id).
    virtual Result<std::vector<TokenKeyRecord>> tokenKeys() = 0;
    virtual Status deleteTokenKey(std::string_view keyId) = 0;
};

enum class AccessMode { ReadOnly, ReadWrite };

// Thread-safe: each thread begins its own UnitOfWork.
class Store {
public:
    virtual ~Store() = default;
    // ReadWrite units behave as if serial (see the rules at the top); ReadOnly sees one
    // consistent snapshot for its lifetime.
    virtual Result<std::unique_ptr<UnitOfWork>> begin(AccessMode mode) = 0;
};

// The one place a read-write unit is retried: begins a ReadWrite unit, runs `work(uow)` and
// commits; when beginning, the work or the commit fails with ErrorCode::Unavailable (a
// deadlock, serialization failure or lost connection: nothing was kept), runs it all again,
// at most kWriteAttempts times. `work` returns a Status or Result; it must not have effects
// outside the unit that a second run would repeat.
inline constexpr int kWriteAttempts = 5;
template <typename Work>
auto runWriteUnit(Store& store, Work&& work) -> decltype(work(std::declval<UnitOfWork&>())) {
    using R = decltype(work(std::declval<UnitOfWork&>()));
    for (int attempt = 1;; ++attempt) {
        auto attemptOnce = [&]() -> R {
            auto uow = store.begin(AccessMode::ReadWrite);
            if (!uow)
                return uow.error();
            R result = work(**uow);
            if (!result)
                return result;
            if (auto s = (*uow)->commit(); !s)
                return s.error();
            return result;
        };
        R result = attemptOnce();
        if (result || result.code() != ErrorCode::Unavailable || attempt >= kWriteAttempts)
            return result;
    }
}

}  // namespace sitebook::server
