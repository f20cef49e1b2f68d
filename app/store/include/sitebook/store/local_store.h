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
};

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
    static Result<std::unique_ptr<LocalStore>> open(const std::filesystem::path& path,
                                                    const SecretBytes& dataKey,
                                                    DeviceContext context, const Clock& clock,
                                                    RandomSource& random,
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
    // Officers and admins only. Applies the 12-month warning rule against the decisions on the
    // same order held on this device. decided_by is set here.
    Result<ChangeReceipt> recordEnforcementDecision(domain::EnforcementDecision decision);

    // --- Reads.
    Result<std::optional<domain::Person>> person(std::string_view id);
    Result<std::optional<domain::Appointment>> appointment(std::string_view id);
    Result<std::optional<domain::CaseNote>> caseNote(std::string_view id);
    Result<std::vector<domain::Session>> sessionsOn(domain::CivilDate date);
    // The session's appointments with their people, sorted by surname then forenames.
    Result<std::vector<RosterEntry>> roster(std::string_view sessionId);
    Result<std::vector<domain::CaseNote>> caseNotesFor(std::string_view personId);
    // Outbox entries in upload order, oldest first.
    Result<std::vector<OutboxEntry>> outbox(std::string_view state = "pending",
                                            std::size_t limit = 1000);
    Result<std::int64_t> outboxCount(std::string_view state = "pending");

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

    std::unique_ptr<storage::Database> db_;
    DeviceContext context_;
    const Clock& clock_;
    domain::Policy policy_;
    UuidGenerator ids_;
    HybridLogicalClock hlc_;
};

}  // namespace sitebook::store
