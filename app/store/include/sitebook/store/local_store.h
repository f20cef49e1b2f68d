#pragma once
// The device's local store: the encrypted database the app and the CLI work against offline.
//
// Every local change is validated first, then its entity rows and exactly one outbox entry
// (operation id, entity, payload, HLC, device time) are written in a single transaction, so a
// change is either fully recorded and queued for upload, or not recorded at all. Sync reads
// only the outbox to know what to send; nothing scans entity tables for changes.
//
// Records that arrive from the server are stored with put*(), which writes no outbox entry.
//
// Not thread-safe: owned and used by one thread (the app's storage worker or the CLI). Every
// call does blocking SQL; never call it on the GUI thread.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/common/hlc.h"
#include "sitebook/common/random.h"
#include "sitebook/common/result.h"
#include "sitebook/common/secret.h"
#include "sitebook/common/uuid.h"
#include "sitebook/domain/policy.h"
#include "sitebook/domain/types.h"
#include "sitebook/storage/database.h"

namespace sitebook::store {

// Who is using this device database.
struct DeviceContext {
    std::string deviceId;  // UUID of this installation
    std::string userId;    // signed-in user
    domain::Role role = domain::Role::Supervisor;
};

// The kinds of record an outbox entry can carry; the text is the protocol's entity type.
enum class EntityType {
    Person,
    Order,
    Project,
    Session,
    Appointment,
    WorkUndertaken,
    SkillObservation,
    Feedback,
    CaseNote,
    EnforcementDecision,
    AlertAcknowledgement,  // no device table: the outbox and the server copies hold it
};
std::string_view entityTypeName(EntityType type);  // "appointment", "case_note", ...
std::optional<EntityType> parseEntityType(std::string_view name);

// What a successful local change returns.
struct ChangeReceipt {
    std::string opId;      // the outbox entry's operation id (UUIDv7)
    std::string entityId;  // the record written
    HlcTimestamp hlc;
    std::int64_t seq = 0;  // upload order
};

struct OutboxEntry {
    std::int64_t seq = 0;
    std::string opId;
    EntityType entityType = EntityType::Person;
    std::string entityId;
    std::string op;       // "record_outcome", "create", "upsert"
    std::string payload;  // the record as domain JSON (json.h)
    std::string hlc;
    UnixMillis deviceTime = 0;
    UnixMillis createdAt = 0;
    std::string state;  // pending | sent | rejected | discarded
    // For rejected entries: the server's reason. For sent entries accepted with a conflict:
    // reject_code "conflict" and a sentence, kept so the conflict stays visible.
    std::string rejectCode;
    std::string rejectMessage;
    // Device clock minus server clock when the change was made (or, if no measurement was
    // held then, when it was uploaded); nullopt before any measurement.
    std::optional<std::int64_t> clockOffsetMs;
    std::int64_t baseVersion = 0;  // server version the change was based on; 0 if none

    // The device clock was more than kClockSkewLimitMs off the server's for this change.
    bool clockSkewed() const;
};

// A device clock further than this from the server's flags the changes made with it.
inline constexpr std::int64_t kClockSkewLimitMs = 5 * 60 * 1000;

// One record change from a download (protocol `Change`), in protocol names: entityType is
// the lower-case type name, e.g. "appointment_outcome"; unknown names are stored verbatim.
struct RemoteChange {
    std::string partition;
    std::string entityType;
    std::string entityId;
    std::int64_t version = 0;
    bool removed = false;
    std::string body;  // stored byte for byte; checksums hash it
};

struct RemotePartitionChecksum {
    std::string partition;
    std::uint64_t checksum = 0;
    std::uint64_t count = 0;
};

// One download message: applied in one transaction together with its checkpoint.
struct RemoteBatch {
    std::vector<std::string> resetPartitions;
    std::vector<std::string> purgedPartitions;
    std::vector<RemoteChange> changes;
    std::vector<RemotePartitionChecksum> checksums;
    std::string checkpoint;
};

struct ApplyReport {
    std::int64_t applied = 0;    // records written or removed on the device
    std::int64_t keptLocal = 0;  // server copies stored beside a pending local edit
    std::int64_t purgedRecords = 0;
    std::vector<std::string> divergedPartitions;  // local checksum differs from the server's
};

// An entry of the device's own audit trail (discards and resubmissions of changes).
struct LocalAuditEntry {
    std::int64_t seq = 0;
    UnixMillis at = 0;
    std::string action;  // "discarded" | "resubmitted"
    std::string opId;
    std::string userId;
    std::string detail;
};

// What was typed into an appointment's record form and not saved yet (see saveDraft).
struct FormDraft {
    std::string appointmentId;
    std::string sessionId;
    std::string body;  // the form as JSON; the store does not read it
    UnixMillis updatedAt = 0;
};

// Checksum of one live record as the protocol defines it: the first 8 bytes (little-endian)
// of SHA-256(type "\n" id "\n" version "\n" body).
std::uint64_t recordChecksum(std::string_view entityType, std::string_view entityId,
                             std::int64_t version, std::string_view body);

// One line of a session's roster.
struct RosterEntry {
    domain::Appointment appointment;
    domain::Person person;
};

class LocalStore {
public:
    // Opens (creating if needed) the encrypted database at `path` with the raw data key,
    // migrates it to the current schema and loads the device's clock state. WrongKey for a wrong
    // key; SchemaTooNew for a database from a newer app. `clock` and `random` must outlive the
    // store.
    static Result<std::unique_ptr<LocalStore>> open(
        const std::filesystem::path& path, const SecretBytes& dataKey, DeviceContext context,
        const Clock& clock, RandomSource& random,
        domain::Policy policy = domain::Policy::defaults());
    ~LocalStore();
    LocalStore(const LocalStore&) = delete;
    LocalStore& operator=(const LocalStore&) = delete;

    // --- Records from the server (no outbox entry). Shape-validated.
    Status putPerson(const domain::Person& person);
    Status putOrder(const domain::Order& order);
    Status putProject(const domain::Project& project);
    Status putSession(const domain::Session& session);
    Status putAppointment(const domain::Appointment& appointment);

    // --- Local changes: validated; rows + one outbox entry in one transaction.
    // Records `outcome` on an existing appointment; recorded_by and recorded_at are set here.
    // Refused, like on the server, for a session that has not started (validateOutcomeTiming,
    // judged by the device clock) when the appointment's session is on the device.
    Result<ChangeReceipt> recordOutcome(std::string_view appointmentId,
                                        domain::AppointmentOutcome outcome);
    // New records get a UUIDv7 id when `id` is empty. The appointment must be on this device.
    Result<ChangeReceipt> addWorkUndertaken(domain::WorkUndertaken work);
    Result<ChangeReceipt> addSkillObservation(domain::SkillObservation observation);
    // One feedback per appointment: saving again replaces it (same id kept).
    Result<ChangeReceipt> saveFeedback(domain::Feedback feedback);
    // Case notes are immutable: a note id that exists is refused unless identical. An
    // amendment (amends_note_id set) must correct a note held on this device and keep its
    // sensitivity. author and created_at are set here.
    Result<ChangeReceipt> addCaseNote(domain::CaseNote note);
    // Officers and admins only. Applies the decision rules (domain::validateEnforcementDecision:
    // one decision per appointment, the 12-month rule judged on the appointment's session
    // date, a reason where the action needs one) against the decisions on the same order held
    // on this device. decided_by is set here.
    Result<ChangeReceipt> recordEnforcementDecision(domain::EnforcementDecision decision);
    // Officers and admins only: the officer read the alert on feedback `feedbackId` (held on
    // this device, with alert_officer set). Refused if it was already acknowledged here or on
    // the server. acknowledged_by and acknowledged_at are set here.
    Result<ChangeReceipt> acknowledgeAlert(std::string_view feedbackId, std::string note);
    // Feedback ids whose alert has been acknowledged: by a change not refused by the server
    // (pending or sent) or by a server copy.
    Result<std::vector<std::string>> acknowledgedAlerts();

    // Runs `changes` — calls of the local-change methods above — as one transaction: every
    // change is recorded with its outbox entry, or none is (e.g. a visit's work, skills,
    // feedback, note and outcome saved together). Returns the first error.
    Status atomically(const std::function<Status()>& changes);

    // --- Reads.
    Result<std::optional<domain::Person>> person(std::string_view id);
    Result<std::optional<domain::Appointment>> appointment(std::string_view id);
    Result<std::optional<domain::CaseNote>> caseNote(std::string_view id);
    Result<std::vector<domain::Session>> sessionsOn(domain::CivilDate date);
    Result<std::optional<domain::Session>> session(std::string_view id);
    // The session's appointments with their people, sorted by surname then forenames.
    Result<std::vector<RosterEntry>> roster(std::string_view sessionId);
    Result<std::vector<domain::CaseNote>> caseNotesFor(std::string_view personId);
    // Outbox entries in upload order, oldest first.
    Result<std::vector<OutboxEntry>> outbox(std::string_view state = "pending",
                                            std::size_t limit = 1000);
    Result<std::int64_t> outboxCount(std::string_view state = "pending");

    // Records of one appointment, oldest first.
    Result<std::vector<domain::WorkUndertaken>> workFor(std::string_view appointmentId);
    Result<std::vector<domain::SkillObservation>> skillsFor(std::string_view appointmentId);

    // --- Drafts of the record form, one per appointment (a person in a session): what was
    // typed and not saved yet, so it survives going back, a lock, a kill or a restart. Case
    // data: kept only in this encrypted database, with no outbox entry; never synced.
    // saveDraft returns true if the appointment had no draft before.
    Result<bool> saveDraft(std::string_view appointmentId, std::string_view body);
    Result<std::optional<FormDraft>> draft(std::string_view appointmentId);
    // Appointment ids of the session's drafts.
    Result<std::vector<std::string>> draftsInSession(std::string_view sessionId);
    // Returns true if there was a draft to discard.
    Result<bool> discardDraft(std::string_view appointmentId);

    // --- Sync support (used by the sync engine; no outbox entries are written here).
    // Applies one download message in one transaction: resets, purges, then changes, then the
    // checksum comparison, then stores `batch.checkpoint`. Server copies are kept per
    // partition; a record is removed from the device when no partition holds it. A record
    // with a pending or rejected local change keeps its local form (the server copy is kept
    // beside it and takes over once the change is sent or discarded).
    Result<ApplyReport> applyRemoteBatch(const RemoteBatch& batch);
    // The last stored download checkpoint; empty before the first download.
    Result<std::string> syncCheckpoint();
    // Partitions whose checksum differed at the last check, to repair on the next download.
    Result<std::vector<std::string>> partitionsToRepair();
    // Local checksum and count of one partition's live server copies.
    Result<RemotePartitionChecksum> localPartitionChecksum(std::string_view partition);
    // The server version held for a record (0 if none), in protocol names.
    Result<std::int64_t> serverVersion(std::string_view entityType, std::string_view entityId);

    // Outbox state changes after an upload. markSent: the server accepted the change;
    // `conflict` keeps a visible note that it raced another change.
    Status markSent(std::string_view opId, bool conflict = false, std::string_view message = {});
    // The server refused the change: kept with its reason until corrected or discarded.
    // Also keeps a display snapshot of who and which session the change was about (see
    // displaySnapshot()), read from the device's copy before a download can purge it.
    Status markRejected(std::string_view opId, std::string_view code, std::string_view message);
    // What a refused change was about when it was refused, as a JSON object: `person_id`,
    // `person` ("Surname, Forenames"), `crn`, `appointment_id`, `session_id`, `project`,
    // `date` (YYYY-MM-DD), `start`, `end` — each present when the device held it. nullopt if
    // none was kept (e.g. refused before snapshots existed).
    Result<std::optional<std::string>> displaySnapshot(std::string_view opId);
    // Fills clock_offset_ms on pending entries that have none (made before any measurement).
    Status fillClockOffset(std::int64_t offsetMs);
    Result<std::optional<OutboxEntry>> outboxEntry(std::string_view opId);
    // Entries in `state` with seq > afterSeq, in upload order.
    Result<std::vector<OutboxEntry>> outboxAfter(std::string_view state, std::int64_t afterSeq,
                                                 std::size_t limit);
    // After `opId` was accepted at server `version`: later pending changes to the same record
    // were made on top of it, so they are now based on `version`.
    Status rebasePending(std::string_view opId, std::int64_t version);
    // Discards a rejected change on the user's explicit request: the entry stays as
    // 'discarded', an audit entry records who and why, and the record reverts to the server's
    // copy (or leaves the device if the server never had it).
    Status discard(std::string_view opId, std::string_view reason);
    // Corrects a rejected change: `correctedJson` is the record in domain JSON (the form of
    // the entry's payload). Validated like a new change; the new outbox entry is written and
    // the rejected one discarded (with an audit entry) in one transaction.
    Result<ChangeReceipt> resubmit(std::string_view opId, const std::string& correctedJson);
    Result<std::vector<LocalAuditEntry>> localAudit();
    // Changes that were accepted with a conflict.
    Result<std::vector<OutboxEntry>> conflicts(std::size_t limit = 1000);
    // How many acknowledged changes conflicted (all of them, not limited like conflicts()).
    Result<std::int64_t> conflictCount();
    // created_at of the oldest pending entry; nullopt if none.
    Result<std::optional<UnixMillis>> oldestPendingAt();

    // Device clock minus server clock, as last measured; recorded with every later change.
    Status setClockOffset(std::int64_t offsetMs);
    std::optional<std::int64_t> clockOffset() const { return clockOffset_; }
    // Merges a server time into the hybrid logical clock.
    void observeServerTime(UnixMillis serverTime);

    // Small sync values in the encrypted meta table (tokens, last sync time). Keys are
    // prefixed "sync."; values never appear in logs.
    Status setSyncValue(std::string_view key, std::string_view value);
    Result<std::optional<std::string>> syncValue(std::string_view key);
    Status clearSyncValue(std::string_view key);

    // Deletes every record, outbox entry, checkpoint and sync value in one transaction (the
    // first step of a remote wipe; the caller then destroys the keys and files).
    Status eraseAllData();

    const DeviceContext& context() const { return context_; }
    const domain::Policy& policy() const { return policy_; }
    HlcTimestamp lastHlc() const { return hlc_.last(); }
    storage::Database& database() { return *db_; }

private:
    LocalStore(std::unique_ptr<storage::Database> db, DeviceContext context, const Clock& clock,
               RandomSource& random, domain::Policy policy, HlcTimestamp lastHlc);

    struct Row;
    // Writes `rows` and one outbox entry for (type, entityId, op, payload) in one transaction.
    Result<ChangeReceipt> writeChange(EntityType type, const std::string& entityId,
                                      std::string_view op, const std::string& payload,
                                      const std::vector<Row>& rows);
    Status writeRemote(const Row& row);
    std::string newId();
    // Rebuilds the device row of one record from the server copies held (or removes it),
    // unless a local change is pending. Returns true if the device row was left alone.
    Result<bool> materialise(std::string_view entityType, const std::string& entityId);
    Result<bool> hasLocalChange(std::string_view outboxType, std::string_view entityId);
    Status appendLocalAudit(std::string_view action, std::string_view opId,
                            std::string_view detail);

    std::unique_ptr<storage::Database> db_;
    DeviceContext context_;
    const Clock& clock_;
    domain::Policy policy_;
    UuidGenerator ids_;
    HybridLogicalClock hlc_;
    std::optional<std::int64_t> clockOffset_;
    std::string supersedes_;  // op id a resubmission replaces (within writeChange)
};

}  // namespace sitebook::store
