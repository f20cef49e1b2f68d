#include "sitebook/store/local_store.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <variant>

#include "sitebook/common/log.h"
#include "sitebook/domain/json.h"
#include "sitebook/domain/validation.h"
#include "sitebook/storage/client_schema.h"
#include "sitebook/storage/migrations.h"

namespace sitebook::store {

using domain::toJson;
using storage::Database;
using storage::Statement;
using storage::Transaction;

namespace {

constexpr std::array<std::string_view, 11> kEntityTypeNames = {"person",
                                                               "order",
                                                               "project",
                                                               "session",
                                                               "appointment",
                                                               "work_undertaken",
                                                               "skill_observation",
                                                               "feedback",
                                                               "case_note",
                                                               "enforcement_decision",
                                                               "alert_acknowledgement"};

constexpr std::string_view kHlcKey = "hlc_last";
constexpr std::string_view kDeviceKey = "device_id";

using Value = std::variant<std::monostate, std::int64_t, std::string>;

Value optionalText(const std::optional<std::string>& v) {
    return v ? Value(*v) : Value(std::monostate{});
}

void bindValue(Statement& stmt, int index, const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) {
        stmt.bind(index, *i);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
        stmt.bind(index, *s);
    } else {
        stmt.bindNull(index);
    }
}

Status setMeta(Database& db, std::string_view key, std::string_view value) {
    auto stmt = db.prepare(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    SB_TRY(stmt);
    return stmt->bind(1, key).bind(2, value).run();
}

Result<std::optional<std::string>> getMeta(Database& db, std::string_view key) {
    auto stmt = db.prepare("SELECT value FROM meta WHERE key = ?1");
    SB_TRY(stmt);
    stmt->bind(1, key);
    auto row = stmt->step();
    SB_TRY(row);
    if (!*row)
        return std::optional<std::string>{};
    return stmt->columnOptionalText(0);
}

template <typename T>
Result<std::optional<T>> loadBody(Database& db, std::string_view table, std::string_view id) {
    auto stmt = db.prepare("SELECT body FROM " + std::string(table) + " WHERE id = ?1");
    SB_TRY(stmt);
    stmt->bind(1, id);
    auto row = stmt->step();
    SB_TRY(row);
    if (!*row)
        return std::optional<T>{};
    auto parsed = domain::fromJson<T>(stmt->columnText(0));
    if (!parsed.ok()) {
        return makeError(ErrorCode::Corrupt, std::string("stored ") + std::string(table) +
                                                 " record " + std::string(id) +
                                                 " could not be read: " + parsed.error().message);
    }
    return std::optional<T>(std::move(parsed).value());
}

template <typename T>
Result<std::vector<T>> loadBodies(Statement& stmt) {
    std::vector<T> out;
    for (;;) {
        auto row = stmt.step();
        SB_TRY(row);
        if (!*row)
            break;
        auto parsed = domain::fromJson<T>(stmt.columnText(0));
        if (!parsed.ok()) {
            return makeError(ErrorCode::Corrupt,
                             "a stored record could not be read: " + parsed.error().message);
        }
        out.push_back(std::move(parsed).value());
    }
    return out;
}

}  // namespace

// One entity row: the lookup columns of its table plus the JSON body.
struct LocalStore::Row {
    std::string_view table;
    std::vector<std::pair<std::string_view, Value>> columns;
};

namespace {

using Columns = std::vector<std::pair<std::string_view, Value>>;

Columns rowOf(const domain::Person& p) {
    return {{"id", p.id},
            {"crn", p.crn},
            {"forenames", p.forenames},
            {"surname", p.surname},
            {"body", toJson(p)}};
}
Columns rowOf(const domain::Order& o) {
    return {{"id", o.id},
            {"person_id", o.person_id},
            {"sentence_date", o.sentence_date.toString()},
            {"required_minutes", std::int64_t{o.required_minutes}},
            {"body", toJson(o)}};
}
Columns rowOf(const domain::Project& p) {
    return {{"id", p.id},
            {"code", p.code},
            {"name", p.name},
            {"type_group", std::string(domain::wireText(p.type))},
            {"body", toJson(p)}};
}
Columns rowOf(const domain::Session& s) {
    return {{"id", s.id},
            {"project_id", s.project_id},
            {"session_date", s.date.toString()},
            {"start_time", s.start.toString()},
            {"end_time", s.end.toString()},
            {"body", toJson(s)}};
}
Columns rowOf(const domain::Appointment& a) {
    return {{"id", a.id},
            {"person_id", a.person_id},
            {"order_id", a.order_id},
            {"session_id", a.session_id},
            {"scheduled_start", a.scheduled_start.toString()},
            {"scheduled_end", a.scheduled_end.toString()},
            {"outcome_code",
             a.outcome ? Value(std::string(a.outcome->code.text())) : Value(std::monostate{})},
            {"body", toJson(a)}};
}
Columns rowOf(const domain::WorkUndertaken& w, const std::string& personId) {
    return {{"id", w.id},
            {"appointment_id", w.appointment_id},
            {"person_id", personId},
            {"category", std::string(domain::wireText(w.category))},
            {"body", toJson(w)}};
}
Columns rowOf(const domain::SkillObservation& s, const std::string& personId, UnixMillis at) {
    return {{"id", s.id},
            {"appointment_id", s.appointment_id},
            {"person_id", personId},
            {"skill", std::string(domain::wireText(s.skill))},
            {"level", std::string(domain::wireText(s.level))},
            {"observed_at", std::to_string(at)},
            {"body", toJson(s)}};
}
Columns rowOf(const domain::Feedback& f, const std::string& personId, UnixMillis at) {
    return {{"id", f.id},
            {"appointment_id", f.appointment_id},
            {"person_id", personId},
            {"alert_ro", std::int64_t{f.alert_officer ? 1 : 0}},
            {"created_at", std::to_string(at)},
            {"body", toJson(f)}};
}
Columns rowOf(const domain::CaseNote& n) {
    return {{"id", n.id},
            {"person_id", n.person_id},
            {"amends_id", optionalText(n.amends_note_id)},
            {"sensitive", std::int64_t{n.sensitive ? 1 : 0}},
            {"created_at", std::to_string(n.created_at)},
            {"body", toJson(n)}};
}
Columns rowOf(const domain::EnforcementDecision& d, const std::string& personId) {
    return {{"id", d.id},
            {"person_id", personId},
            {"appointment_id", d.appointment_id},
            {"decision", std::string(domain::wireText(d.action))},
            {"decided_on", d.decided_on.toString()},
            {"body", toJson(d)}};
}

// INSERT ... ON CONFLICT(id) DO UPDATE for one row, with its updated_hlc.
Status upsertRow(Database& db, std::string_view table, const Columns& columns,
                 const std::string& hlc) {
    std::string names;
    std::string params;
    std::string updates;
    int index = 1;
    for (const auto& [name, value] : columns) {
        names += std::string(name) + ", ";
        params += "?" + std::to_string(index++) + ", ";
        if (name != "id")
            updates += std::string(name) + " = excluded." + std::string(name) + ", ";
    }
    names += "updated_hlc";
    params += "?" + std::to_string(index);
    updates += "updated_hlc = excluded.updated_hlc";
    auto stmt = db.prepare("INSERT INTO " + std::string(table) + " (" + names + ") VALUES (" +
                           params + ") ON CONFLICT(id) DO UPDATE SET " + updates);
    SB_TRY(stmt);
    index = 1;
    for (const auto& [name, value] : columns)
        bindValue(*stmt, index++, value);
    stmt->bind(index, hlc);
    return stmt->run();
}

}  // namespace

namespace {

// The protocol type of an outbox entry: an outcome travels as its own record.
std::string serverTypeOf(EntityType type, std::string_view op) {
    if (type == EntityType::Appointment && op == "record_outcome")
        return "appointment_outcome";
    return std::string(entityTypeName(type));
}

}  // namespace

std::string_view entityTypeName(EntityType type) {
    return kEntityTypeNames[static_cast<std::size_t>(type)];
}

std::optional<EntityType> parseEntityType(std::string_view name) {
    for (std::size_t i = 0; i < kEntityTypeNames.size(); ++i) {
        if (kEntityTypeNames[i] == name)
            return static_cast<EntityType>(i);
    }
    return std::nullopt;
}

Result<std::unique_ptr<LocalStore>> LocalStore::open(const std::filesystem::path& path,
                                                     const SecretBytes& dataKey,
                                                     DeviceContext context, const Clock& clock,
                                                     RandomSource& random, domain::Policy policy) {
    if (context.deviceId.empty() || context.userId.empty()) {
        return makeError(ErrorCode::InvalidArgument,
                         "a device id and a user id are needed to open the local store",
                         context.deviceId.empty() ? "device_id" : "user_id");
    }
    auto db = Database::open(path.string(), dataKey);
    SB_TRY(db);
    SB_TRY(storage::migrate(**db, storage::clientMigrations()));

    HlcTimestamp last;
    auto stored = getMeta(**db, kHlcKey);
    SB_TRY(stored);
    if (*stored) {
        if (auto parsed = HlcTimestamp::parse(**stored))
            last = *parsed;
    }
    auto device = getMeta(**db, kDeviceKey);
    SB_TRY(device);
    if (!*device) {
        SB_TRY(setMeta(**db, kDeviceKey, context.deviceId));
    } else if (**device != context.deviceId) {
        return makeError(
            ErrorCode::InvalidArgument,
            "this database belongs to device " + **device + ", not " + context.deviceId,
            "device_id");
    }
    std::unique_ptr<LocalStore> store(new LocalStore(std::move(db).value(), std::move(context),
                                                     clock, random, std::move(policy), last));
    auto offset = getMeta(*store->db_, "sync.clock_offset_ms");
    SB_TRY(offset);
    if (*offset)
        store->clockOffset_ = std::stoll(**offset);
    return store;
}

LocalStore::LocalStore(std::unique_ptr<Database> db, DeviceContext context, const Clock& clock,
                       RandomSource& random, domain::Policy policy, HlcTimestamp lastHlc)
    : db_(std::move(db)),
      context_(std::move(context)),
      clock_(clock),
      policy_(std::move(policy)),
      ids_(clock, random),
      hlc_(clock, lastHlc) {}

LocalStore::~LocalStore() = default;

std::string LocalStore::newId() {
    return ids_.next().toString();
}

Result<ChangeReceipt> LocalStore::writeChange(EntityType type, const std::string& entityId,
                                              std::string_view op, const std::string& payload,
                                              const std::vector<Row>& rows) {
    const HlcTimestamp hlc = hlc_.now();
    const std::string hlcText = hlc.toString();
    const UnixMillis now = clock_.nowMillis();
    ChangeReceipt receipt{newId(), entityId, hlc, 0};

    Transaction tx(*db_);
    SB_TRY(tx.beginStatus());
    for (const Row& row : rows)
        SB_TRY(upsertRow(*db_, row.table, row.columns, hlcText));
    auto stmt = db_->prepare(
        "INSERT INTO outbox (op_id, entity_type, entity_id, op, payload, hlc, device_time, "
        "created_at, clock_offset_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    SB_TRY(stmt);
    stmt->bind(1, receipt.opId)
        .bind(2, entityTypeName(type))
        .bind(3, entityId)
        .bind(4, op)
        .bind(5, payload)
        .bind(6, hlcText)
        .bind(7, now)
        .bind(8, now)
        .bind(9, clockOffset_);
    SB_TRY(stmt->run());
    receipt.seq = db_->lastInsertRowId();
    // The server version this change was based on: what the device held when it was made.
    auto base = serverVersion(serverTypeOf(type, op), entityId);
    SB_TRY(base);
    auto baseStmt =
        db_->prepare("INSERT INTO sync_outbox_base (op_id, base_version) VALUES (?1, ?2)");
    SB_TRY(baseStmt);
    SB_TRY(baseStmt->bind(1, receipt.opId).bind(2, *base).run());
    if (!supersedes_.empty()) {
        auto old = db_->prepare(
            "UPDATE outbox SET state = 'discarded' WHERE op_id = ?1 AND state = 'rejected'");
        SB_TRY(old);
        SB_TRY(old->bind(1, supersedes_).run());
        if (db_->changes() != 1) {
            return makeError(ErrorCode::NotFound,
                             "change " + supersedes_ + " is not a rejected change", "op_id");
        }
        SB_TRY(appendLocalAudit("resubmitted", supersedes_, "corrected as " + receipt.opId));
    }
    SB_TRY(setMeta(*db_, kHlcKey, hlcText));
    SB_TRY(tx.commit());
    return receipt;
}

Status LocalStore::atomically(const std::function<Status()>& changes) {
    Transaction tx(*db_);
    SB_TRY(tx.beginStatus());
    SB_TRY(changes());
    return tx.commit();
}

Status LocalStore::writeRemote(const Row& row) {
    const std::string hlc = hlc_.now().toString();
    Transaction tx(*db_);
    SB_TRY(tx.beginStatus());
    SB_TRY(upsertRow(*db_, row.table, row.columns, hlc));
    SB_TRY(setMeta(*db_, kHlcKey, hlc));
    return tx.commit();
}

Status LocalStore::putPerson(const domain::Person& person) {
    SB_TRY(domain::validatePerson(person));
    return writeRemote({"people", rowOf(person)});
}

Status LocalStore::putOrder(const domain::Order& order) {
    SB_TRY(domain::validateOrder(order, policy_));
    return writeRemote({"orders", rowOf(order)});
}

Status LocalStore::putProject(const domain::Project& project) {
    SB_TRY(domain::validateProject(project));
    return writeRemote({"projects", rowOf(project)});
}

Status LocalStore::putSession(const domain::Session& session) {
    SB_TRY(domain::validateSession(session));
    return writeRemote({"sessions", rowOf(session)});
}

Status LocalStore::putAppointment(const domain::Appointment& appointment) {
    SB_TRY(domain::validateAppointment(appointment));
    return writeRemote({"appointments", rowOf(appointment)});
}

Result<ChangeReceipt> LocalStore::recordOutcome(std::string_view appointmentId,
                                                domain::AppointmentOutcome outcome) {
    auto loaded = appointment(appointmentId);
    SB_TRY(loaded);
    if (!*loaded) {
        return makeError(ErrorCode::NotFound,
                         "appointment " + std::string(appointmentId) + " is not on this device",
                         "appointment_id");
    }
    outcome.recorded_by = context_.userId;
    outcome.recorded_at = clock_.nowMillis();
    SB_TRY(domain::validateOutcome(outcome, context_.role));
    auto held = session((*loaded)->session_id);
    SB_TRY(held);
    if (*held) {
        SB_TRY(domain::validateOutcomeTiming(outcome, **held, outcome.recorded_at, policy_));
    }
    domain::Appointment updated = std::move(**loaded);
    updated.outcome = std::move(outcome);
    const std::string payload = toJson(updated);
    return writeChange(EntityType::Appointment, updated.id, "record_outcome", payload,
                       {{"appointments", rowOf(updated)}});
}

Result<ChangeReceipt> LocalStore::addWorkUndertaken(domain::WorkUndertaken work) {
    if (work.id.empty())
        work.id = newId();
    SB_TRY(domain::validateWorkUndertaken(work));
    auto appt = appointment(work.appointment_id);
    SB_TRY(appt);
    if (!*appt) {
        return makeError(ErrorCode::NotFound,
                         "appointment " + work.appointment_id + " is not on this device",
                         "appointment_id");
    }
    return writeChange(EntityType::WorkUndertaken, work.id, "create", toJson(work),
                       {{"work_items", rowOf(work, (*appt)->person_id)}});
}

Result<ChangeReceipt> LocalStore::addSkillObservation(domain::SkillObservation observation) {
    if (observation.id.empty())
        observation.id = newId();
    SB_TRY(domain::validateSkillObservation(observation));
    auto appt = appointment(observation.appointment_id);
    SB_TRY(appt);
    if (!*appt) {
        return makeError(ErrorCode::NotFound,
                         "appointment " + observation.appointment_id + " is not on this device",
                         "appointment_id");
    }
    return writeChange(
        EntityType::SkillObservation, observation.id, "create", toJson(observation),
        {{"skill_observations", rowOf(observation, (*appt)->person_id, clock_.nowMillis())}});
}

Result<ChangeReceipt> LocalStore::saveFeedback(domain::Feedback feedback) {
    auto appt = appointment(feedback.appointment_id);
    SB_TRY(appt);
    if (!*appt) {
        return makeError(ErrorCode::NotFound,
                         "appointment " + feedback.appointment_id + " is not on this device",
                         "appointment_id");
    }
    if (feedback.id.empty()) {
        auto existing = db_->prepare("SELECT id FROM feedback WHERE appointment_id = ?1");
        SB_TRY(existing);
        existing->bind(1, feedback.appointment_id);
        auto row = existing->step();
        SB_TRY(row);
        feedback.id = *row ? existing->columnText(0) : newId();
    }
    SB_TRY(domain::validateFeedback(feedback));
    return writeChange(EntityType::Feedback, feedback.id, "upsert", toJson(feedback),
                       {{"feedback", rowOf(feedback, (*appt)->person_id, clock_.nowMillis())}});
}

Result<ChangeReceipt> LocalStore::addCaseNote(domain::CaseNote note) {
    if (note.id.empty())
        note.id = newId();
    note.author = context_.userId;
    if (note.created_at == 0)
        note.created_at = clock_.nowMillis();
    SB_TRY(domain::validateCaseNote(note, policy_));

    auto stored = caseNote(note.id);
    SB_TRY(stored);
    if (*stored) {
        SB_TRY(domain::validateCaseNoteUpdate(**stored, note));
        return makeError(ErrorCode::AlreadyExists,
                         "case note " + note.id + " is already saved; notes are immutable", "id");
    }
    if (note.amends_note_id) {
        auto original = caseNote(*note.amends_note_id);
        SB_TRY(original);
        if (!*original) {
            return makeError(ErrorCode::NotFound,
                             "the amended note " + *note.amends_note_id + " is not on this device",
                             "amends_note_id");
        }
        SB_TRY(domain::validateAmendment(**original, note));
    }
    auto person = this->person(note.person_id);
    SB_TRY(person);
    if (!*person) {
        return makeError(ErrorCode::NotFound, "person " + note.person_id + " is not on this device",
                         "person_id");
    }
    return writeChange(EntityType::CaseNote, note.id, "create", toJson(note),
                       {{"case_notes", rowOf(note)}});
}

Result<ChangeReceipt> LocalStore::recordEnforcementDecision(domain::EnforcementDecision decision) {
    if (context_.role != domain::Role::Officer && context_.role != domain::Role::Admin) {
        return makeError(ErrorCode::PermissionDenied,
                         "only a responsible officer or an admin can record an enforcement "
                         "decision",
                         "role");
    }
    if (decision.id.empty())
        decision.id = newId();
    decision.decided_by = context_.userId;
    auto appt = appointment(decision.appointment_id);
    SB_TRY(appt);
    if (!*appt) {
        return makeError(ErrorCode::NotFound,
                         "appointment " + decision.appointment_id + " is not on this device",
                         "appointment_id");
    }
    auto stmt = db_->prepare(
        "SELECT d.body FROM enforcement_decisions d JOIN appointments a "
        "ON a.id = d.appointment_id WHERE a.order_id = ?1 AND d.id <> ?2 ORDER BY d.decided_on");
    SB_TRY(stmt);
    stmt->bind(1, decision.order_id).bind(2, decision.id);
    auto prior = loadBodies<domain::EnforcementDecision>(*stmt);
    SB_TRY(prior);
    // The 12-month rule is judged on the date of the failure: the appointment's session date.
    auto session = db_->prepare("SELECT session_date FROM sessions WHERE id = ?1");
    SB_TRY(session);
    session->bind(1, (*appt)->session_id);
    auto sessionRow = session->step();
    SB_TRY(sessionRow);
    const auto failedOn =
        *sessionRow ? domain::CivilDate::parse(session->columnText(0)) : std::nullopt;
    if (!failedOn) {
        return makeError(ErrorCode::NotFound,
                         "the appointment's date is not on this device yet; sync, then record "
                         "the decision",
                         "appointment_id");
    }
    SB_TRY(domain::validateEnforcementDecision(decision, **appt, *failedOn, *prior, policy_));
    SB_TRY(domain::validateDecisionTiming(decision, *failedOn, clock_.nowMillis(), policy_));
    return writeChange(EntityType::EnforcementDecision, decision.id, "create", toJson(decision),
                       {{"enforcement_decisions", rowOf(decision, (*appt)->person_id)}});
}

Result<std::vector<std::string>> LocalStore::acknowledgedAlerts() {
    auto stmt = db_->prepare(
        "SELECT json_extract(payload, '$.feedback_id') FROM outbox "
        "WHERE entity_type = 'alert_acknowledgement' AND state IN ('pending', 'sent') "
        "UNION SELECT json_extract(body, '$.feedback_id') FROM sync_records "
        "WHERE entity_type = 'alert_acknowledgement'");
    SB_TRY(stmt);
    std::vector<std::string> out;
    for (;;) {
        auto row = stmt->step();
        SB_TRY(row);
        if (!*row)
            break;
        out.push_back(stmt->columnText(0));
    }
    return out;
}

Result<ChangeReceipt> LocalStore::acknowledgeAlert(std::string_view feedbackId, std::string note) {
    if (context_.role != domain::Role::Officer && context_.role != domain::Role::Admin) {
        return makeError(ErrorCode::PermissionDenied,
                         "only a responsible officer or an admin can acknowledge an alert", "role");
    }
    auto feedback = loadBody<domain::Feedback>(*db_, "feedback", feedbackId);
    SB_TRY(feedback);
    if (!*feedback || !(*feedback)->alert_officer) {
        return makeError(ErrorCode::NotFound, "there is no alert on this device to acknowledge",
                         "feedback_id");
    }
    auto done = acknowledgedAlerts();
    SB_TRY(done);
    if (std::find(done->begin(), done->end(), feedbackId) != done->end()) {
        return makeError(ErrorCode::InvalidArgument, "this alert has already been acknowledged",
                         "feedback_id");
    }
    domain::AlertAcknowledgement ack;
    ack.id = newId();
    ack.feedback_id = std::string(feedbackId);
    ack.appointment_id = (*feedback)->appointment_id;
    ack.acknowledged_by = context_.userId;
    ack.acknowledged_at = clock_.nowMillis();
    ack.note = std::move(note);
    SB_TRY(domain::validateAlertAcknowledgement(ack));
    return writeChange(EntityType::AlertAcknowledgement, ack.id, "create", toJson(ack), {});
}

Result<std::optional<domain::Person>> LocalStore::person(std::string_view id) {
    return loadBody<domain::Person>(*db_, "people", id);
}

Result<std::optional<domain::Appointment>> LocalStore::appointment(std::string_view id) {
    return loadBody<domain::Appointment>(*db_, "appointments", id);
}

Result<std::optional<domain::CaseNote>> LocalStore::caseNote(std::string_view id) {
    return loadBody<domain::CaseNote>(*db_, "case_notes", id);
}

Result<std::vector<domain::Session>> LocalStore::sessionsOn(domain::CivilDate date) {
    auto stmt =
        db_->prepare("SELECT body FROM sessions WHERE session_date = ?1 ORDER BY start_time, id");
    SB_TRY(stmt);
    stmt->bind(1, date.toString());
    return loadBodies<domain::Session>(*stmt);
}

Result<std::optional<domain::Session>> LocalStore::session(std::string_view id) {
    return loadBody<domain::Session>(*db_, "sessions", id);
}

Result<std::vector<RosterEntry>> LocalStore::roster(std::string_view sessionId) {
    auto stmt = db_->prepare(
        "SELECT a.body, p.body FROM appointments a JOIN people p ON p.id = a.person_id "
        "WHERE a.session_id = ?1 "
        "ORDER BY p.surname COLLATE NOCASE, p.forenames COLLATE NOCASE, p.id");
    SB_TRY(stmt);
    stmt->bind(1, sessionId);
    std::vector<RosterEntry> out;
    for (;;) {
        auto row = stmt->step();
        SB_TRY(row);
        if (!*row)
            break;
        auto a = domain::fromJson<domain::Appointment>(stmt->columnText(0));
        auto p = domain::fromJson<domain::Person>(stmt->columnText(1));
        if (!a.ok() || !p.ok()) {
            return makeError(ErrorCode::Corrupt, "a stored roster record could not be read");
        }
        out.push_back({std::move(a).value(), std::move(p).value()});
    }
    return out;
}

Result<std::vector<domain::CaseNote>> LocalStore::caseNotesFor(std::string_view personId) {
    auto stmt =
        db_->prepare("SELECT body FROM case_notes WHERE person_id = ?1 ORDER BY created_at, id");
    SB_TRY(stmt);
    stmt->bind(1, personId);
    return loadBodies<domain::CaseNote>(*stmt);
}

Result<std::vector<domain::WorkUndertaken>> LocalStore::workFor(std::string_view appointmentId) {
    auto stmt = db_->prepare("SELECT body FROM work_items WHERE appointment_id = ?1 ORDER BY id");
    SB_TRY(stmt);
    stmt->bind(1, appointmentId);
    return loadBodies<domain::WorkUndertaken>(*stmt);
}

Result<std::vector<domain::SkillObservation>> LocalStore::skillsFor(
    std::string_view appointmentId) {
    auto stmt =
        db_->prepare("SELECT body FROM skill_observations WHERE appointment_id = ?1 ORDER BY id");
    SB_TRY(stmt);
    stmt->bind(1, appointmentId);
    return loadBodies<domain::SkillObservation>(*stmt);
}

Result<bool> LocalStore::saveDraft(std::string_view appointmentId, std::string_view body) {
    auto appt = appointment(appointmentId);
    SB_TRY(appt);
    if (!*appt) {
        return makeError(ErrorCode::NotFound,
                         "appointment " + std::string(appointmentId) + " is not on this device",
                         "appointment_id");
    }
    Transaction tx(*db_);
    SB_TRY(tx.beginStatus());
    auto existing = db_->prepare("SELECT 1 FROM form_drafts WHERE appointment_id = ?1");
    SB_TRY(existing);
    existing->bind(1, appointmentId);
    auto found = existing->step();
    SB_TRY(found);
    const bool created = !*found;
    auto stmt = db_->prepare(
        "INSERT INTO form_drafts (appointment_id, session_id, body, updated_at) "
        "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(appointment_id) DO UPDATE SET "
        "session_id = excluded.session_id, body = excluded.body, updated_at = excluded.updated_at");
    SB_TRY(stmt);
    stmt->bind(1, appointmentId)
        .bind(2, (*appt)->session_id)
        .bind(3, body)
        .bind(4, clock_.nowMillis());
    SB_TRY(stmt->run());
    SB_TRY(tx.commit());
    return created;
}

Result<std::optional<FormDraft>> LocalStore::draft(std::string_view appointmentId) {
    auto stmt = db_->prepare(
        "SELECT appointment_id, session_id, body, updated_at FROM form_drafts "
        "WHERE appointment_id = ?1");
    SB_TRY(stmt);
    stmt->bind(1, appointmentId);
    auto row = stmt->step();
    SB_TRY(row);
    if (!*row)
        return std::optional<FormDraft>{};
    return std::optional<FormDraft>{FormDraft{stmt->columnText(0), stmt->columnText(1),
                                              stmt->columnText(2), stmt->columnInt(3)}};
}

Result<std::vector<std::string>> LocalStore::draftsInSession(std::string_view sessionId) {
    auto stmt = db_->prepare(
        "SELECT appointment_id FROM form_drafts WHERE session_id = ?1 ORDER BY appointment_id");
    SB_TRY(stmt);
    stmt->bind(1, sessionId);
    std::vector<std::string> out;
    for (;;) {
        auto row = stmt->step();
        SB_TRY(row);
        if (!*row)
            break;
        out.push_back(stmt->columnText(0));
    }
    return out;
}

Result<bool> LocalStore::discardDraft(std::string_view appointmentId) {
    auto stmt = db_->prepare("DELETE FROM form_drafts WHERE appointment_id = ?1");
    SB_TRY(stmt);
    SB_TRY(stmt->bind(1, appointmentId).run());
    return db_->changes() > 0;
}

namespace {

constexpr std::string_view kOutboxColumns =
    "SELECT o.seq, o.op_id, o.entity_type, o.entity_id, o.op, o.payload, o.hlc, o.device_time, "
    "o.created_at, o.state, o.reject_code, o.reject_message, o.clock_offset_ms, "
    "coalesce(b.base_version, 0) FROM outbox o LEFT JOIN sync_outbox_base b ON b.op_id = o.op_id";

Result<std::vector<OutboxEntry>> readOutbox(Statement& stmt) {
    std::vector<OutboxEntry> out;
    for (;;) {
        auto row = stmt.step();
        SB_TRY(row);
        if (!*row)
            break;
        OutboxEntry e;
        e.seq = stmt.columnInt(0);
        e.opId = stmt.columnText(1);
        auto type = parseEntityType(stmt.columnText(2));
        if (!type)
            return makeError(ErrorCode::Corrupt, "outbox entry with an unknown entity type");
        e.entityType = *type;
        e.entityId = stmt.columnText(3);
        e.op = stmt.columnText(4);
        e.payload = stmt.columnText(5);
        e.hlc = stmt.columnText(6);
        e.deviceTime = stmt.columnInt(7);
        e.createdAt = stmt.columnInt(8);
        e.state = stmt.columnText(9);
        e.rejectCode = stmt.columnOptionalText(10).value_or("");
        e.rejectMessage = stmt.columnOptionalText(11).value_or("");
        e.clockOffsetMs = stmt.columnOptionalInt(12);
        e.baseVersion = stmt.columnInt(13);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace

Result<std::vector<OutboxEntry>> LocalStore::outbox(std::string_view state, std::size_t limit) {
    auto stmt =
        db_->prepare(std::string(kOutboxColumns) + " WHERE o.state = ?1 ORDER BY o.seq LIMIT ?2");
    SB_TRY(stmt);
    stmt->bind(1, state).bind(2, static_cast<std::int64_t>(limit));
    return readOutbox(*stmt);
}

Result<std::int64_t> LocalStore::outboxCount(std::string_view state) {
    auto stmt = db_->prepare("SELECT count(*) FROM outbox WHERE state = ?1");
    SB_TRY(stmt);
    stmt->bind(1, state);
    auto row = stmt->step();
    SB_TRY(row);
    return stmt->columnInt(0);
}

// ---------------------------------------------------------------------------------------------
// Sync support.
//
// Server copies live in sync_records, one row per (partition, type, id), with the body byte for
// byte as downloaded, so partition checksums can be recomputed locally. The entity tables the
// app reads are derived from those copies ("materialised"), except while a local change to the
// record is pending or rejected: then the device keeps its own version.

bool OutboxEntry::clockSkewed() const {
    return clockOffsetMs &&
           (*clockOffsetMs > kClockSkewLimitMs || *clockOffsetMs < -kClockSkewLimitMs);
}

std::uint64_t recordChecksum(std::string_view entityType, std::string_view entityId,
                             std::int64_t version, std::string_view body) {
    std::string text;
    text.reserve(entityType.size() + entityId.size() + body.size() + 24);
    text.append(entityType).append("\n").append(entityId).append("\n");
    text.append(std::to_string(version)).append("\n").append(body);
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                       text.size());
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | digest[static_cast<std::size_t>(i)];
    return value;
}

namespace {

constexpr std::string_view kCheckpointKey = "sync.checkpoint";
constexpr std::string_view kRepairKey = "sync.repair_partitions";
constexpr std::string_view kOffsetKey = "sync.clock_offset_ms";

struct ServerCopy {
    std::int64_t version = 0;
    std::string body;
};

Result<std::optional<ServerCopy>> bestCopy(Database& db, std::string_view type,
                                           std::string_view id) {
    auto stmt = db.prepare(
        "SELECT version, body FROM sync_records WHERE entity_type = ?1 AND entity_id = ?2 "
        "ORDER BY version DESC LIMIT 1");
    SB_TRY(stmt);
    stmt->bind(1, type).bind(2, id);
    auto row = stmt->step();
    SB_TRY(row);
    if (!*row)
        return std::optional<ServerCopy>{};
    return std::optional<ServerCopy>(ServerCopy{stmt->columnInt(0), stmt->columnText(1)});
}

Status deleteRow(Database& db, std::string_view table, std::string_view id) {
    auto stmt = db.prepare("DELETE FROM " + std::string(table) + " WHERE id = ?1");
    SB_TRY(stmt);
    return stmt->bind(1, id).run();
}

// The person an appointment belongs to, from the device row or a server copy.
Result<std::string> personOfAppointment(Database& db, std::string_view appointmentId) {
    auto stmt = db.prepare("SELECT person_id FROM appointments WHERE id = ?1");
    SB_TRY(stmt);
    stmt->bind(1, appointmentId);
    auto row = stmt->step();
    SB_TRY(row);
    if (*row)
        return stmt->columnText(0);
    auto copy = bestCopy(db, "appointment", appointmentId);
    SB_TRY(copy);
    if (*copy) {
        auto j = nlohmann::json::parse((*copy)->body, nullptr, false);
        if (j.is_object() && j.contains("person_id") && j["person_id"].is_string()) {
            return j["person_id"].get<std::string>();
        }
    }
    return std::string();
}

// A supervisor's view of a person (id crn forenames surname placement_flags) as a Person.
std::optional<domain::Person> personFromPlacement(const std::string& body) {
    auto j = nlohmann::json::parse(body, nullptr, false);
    if (!j.is_object())
        return std::nullopt;
    domain::Person p;
    auto text = [&](const char* key) {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    p.id = text("id");
    p.crn = text("crn");
    p.forenames = text("forenames");
    p.surname = text("surname");
    if (auto it = j.find("placement_flags"); it != j.end() && it->is_array()) {
        for (const auto& f : *it) {
            if (f.is_string())
                p.placement_flags.push_back(f.get<std::string>());
        }
    }
    if (p.id.empty())
        return std::nullopt;
    return p;
}

// Order in which touched records are rebuilt: parents before the rows that look them up.
int materialiseRank(std::string_view type) {
    constexpr std::array<std::string_view, 7> order = {
        "person",      "person_placement",   "order", "project", "session",
        "appointment", "appointment_outcome"};
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i] == type)
            return static_cast<int>(i);
    }
    return static_cast<int>(order.size());
}

void warnUnreadable(std::string_view type, std::string_view id, const Error& error) {
    log::warning("store", "a downloaded " + std::string(type) + " record (" + std::string(id) +
                              ") could not be read and is kept only as received: " + error.message);
}

}  // namespace

Result<bool> LocalStore::hasLocalChange(std::string_view outboxType, std::string_view entityId) {
    auto stmt = db_->prepare(
        "SELECT 1 FROM outbox WHERE entity_type = ?1 AND entity_id = ?2 "
        "AND state IN ('pending', 'rejected') LIMIT 1");
    SB_TRY(stmt);
    stmt->bind(1, outboxType).bind(2, entityId);
    auto row = stmt->step();
    SB_TRY(row);
    return *row;
}

Result<bool> LocalStore::materialise(std::string_view entityType, const std::string& id) {
    if (entityType == "appointment_outcome")
        return materialise("appointment", id);
    const std::string_view localType = entityType == "person_placement" ? "person" : entityType;
    const auto known = parseEntityType(localType);
    if (!known || *known == EntityType::AlertAcknowledgement)
        return false;  // kept only as a server copy (ro_item, progress, acknowledgements, ...)
    auto pending = hasLocalChange(localType, id);
    SB_TRY(pending);
    if (*pending)
        return true;

    const std::string hlc = hlc_.now().toString();
    auto copy = bestCopy(*db_, localType, id);
    SB_TRY(copy);
    auto store = [&](auto parsed, std::string_view table, auto columns) -> Result<bool> {
        if (!parsed.ok()) {
            warnUnreadable(entityType, id, parsed.error());
            return false;
        }
        SB_TRY(upsertRow(*db_, table, columns(*parsed), hlc));
        return false;
    };
    switch (*known) {
        case EntityType::AlertAcknowledgement:
            return false;
        case EntityType::Person: {
            if (*copy) {
                return store(domain::fromJson<domain::Person>((*copy)->body), "people",
                             [](const domain::Person& p) { return rowOf(p); });
            }
            auto placement = bestCopy(*db_, "person_placement", id);
            SB_TRY(placement);
            if (*placement) {
                auto p = personFromPlacement((*placement)->body);
                if (!p) {
                    warnUnreadable("person_placement", id, makeError(ErrorCode::Corrupt, "no id"));
                    return false;
                }
                SB_TRY(upsertRow(*db_, "people", rowOf(*p), hlc));
                return false;
            }
            SB_TRY(deleteRow(*db_, "people", id));
            return false;
        }
        case EntityType::Order:
            if (!*copy)
                break;
            return store(domain::fromJson<domain::Order>((*copy)->body), "orders",
                         [](const domain::Order& v) { return rowOf(v); });
        case EntityType::Project:
            if (!*copy)
                break;
            return store(domain::fromJson<domain::Project>((*copy)->body), "projects",
                         [](const domain::Project& v) { return rowOf(v); });
        case EntityType::Session:
            if (!*copy)
                break;
            return store(domain::fromJson<domain::Session>((*copy)->body), "sessions",
                         [](const domain::Session& v) { return rowOf(v); });
        case EntityType::CaseNote:
            if (!*copy)
                break;
            return store(domain::fromJson<domain::CaseNote>((*copy)->body), "case_notes",
                         [](const domain::CaseNote& v) { return rowOf(v); });
        case EntityType::Appointment: {
            if (!*copy)
                break;
            auto merged = nlohmann::json::parse((*copy)->body, nullptr, false);
            if (!merged.is_object()) {
                warnUnreadable(entityType, id, makeError(ErrorCode::Corrupt, "not an object"));
                return false;
            }
            auto outcome = bestCopy(*db_, "appointment_outcome", id);
            SB_TRY(outcome);
            if (*outcome) {
                merged["outcome"] = nlohmann::json::parse((*outcome)->body, nullptr, false);
            }
            auto parsed = domain::fromJson<domain::Appointment>(merged.dump());
            if (!parsed.ok()) {
                warnUnreadable(entityType, id, parsed.error());
                return false;
            }
            SB_TRY(upsertRow(*db_, "appointments", rowOf(*parsed), hlc));
            // Rows that arrived before their appointment learn whose they are.
            for (const char* table : {"work_items", "skill_observations", "feedback"}) {
                auto fix = db_->prepare("UPDATE " + std::string(table) +
                                        " SET person_id = ?1 WHERE appointment_id = ?2");
                SB_TRY(fix);
                SB_TRY(fix->bind(1, parsed->person_id).bind(2, id).run());
            }
            return false;
        }
        case EntityType::WorkUndertaken:
        case EntityType::SkillObservation:
        case EntityType::Feedback:
        case EntityType::EnforcementDecision: {
            if (!*copy)
                break;
            auto j = nlohmann::json::parse((*copy)->body, nullptr, false);
            std::string appointmentId;
            if (j.is_object() && j.contains("appointment_id") && j["appointment_id"].is_string()) {
                appointmentId = j["appointment_id"].get<std::string>();
            }
            auto personId = personOfAppointment(*db_, appointmentId);
            SB_TRY(personId);
            const UnixMillis now = clock_.nowMillis();
            const std::string& body = (*copy)->body;
            if (*known == EntityType::WorkUndertaken) {
                return store(domain::fromJson<domain::WorkUndertaken>(body), "work_items",
                             [&](const domain::WorkUndertaken& v) { return rowOf(v, *personId); });
            }
            if (*known == EntityType::SkillObservation) {
                return store(
                    domain::fromJson<domain::SkillObservation>(body), "skill_observations",
                    [&](const domain::SkillObservation& v) { return rowOf(v, *personId, now); });
            }
            if (*known == EntityType::Feedback) {
                return store(domain::fromJson<domain::Feedback>(body), "feedback",
                             [&](const domain::Feedback& v) { return rowOf(v, *personId, now); });
            }
            return store(domain::fromJson<domain::EnforcementDecision>(body),
                         "enforcement_decisions",
                         [&](const domain::EnforcementDecision& v) { return rowOf(v, *personId); });
        }
    }
    // No partition holds the record any more: it leaves the device.
    constexpr std::array<std::string_view, 10> tables = {"people",
                                                         "orders",
                                                         "projects",
                                                         "sessions",
                                                         "appointments",
                                                         "work_items",
                                                         "skill_observations",
                                                         "feedback",
                                                         "case_notes",
                                                         "enforcement_decisions"};
    SB_TRY(deleteRow(*db_, tables[static_cast<std::size_t>(*known)], id));
    return false;
}

Result<ApplyReport> LocalStore::applyRemoteBatch(const RemoteBatch& batch) {
    ApplyReport report;
    Transaction tx(*db_);
    SB_TRY(tx.beginStatus());

    std::set<std::pair<std::string, std::string>> touched;
    std::set<std::pair<std::string, std::string>> purged;
    auto dropPartition = [&](const std::string& partition, bool isPurge) -> Status {
        auto list =
            db_->prepare("SELECT entity_type, entity_id FROM sync_records WHERE partition = ?1");
        SB_TRY(list);
        list->bind(1, partition);
        for (;;) {
            auto row = list->step();
            SB_TRY(row);
            if (!*row)
                break;
            std::pair<std::string, std::string> key{list->columnText(0), list->columnText(1)};
            touched.insert(key);
            if (isPurge)
                purged.insert(key);
        }
        auto del = db_->prepare("DELETE FROM sync_records WHERE partition = ?1");
        SB_TRY(del);
        SB_TRY(del->bind(1, partition).run());
        auto cp = db_->prepare("DELETE FROM sync_checkpoints WHERE partition = ?1");
        SB_TRY(cp);
        return cp->bind(1, partition).run();
    };
    for (const auto& p : batch.purgedPartitions)
        SB_TRY(dropPartition(p, true));
    for (const auto& p : batch.resetPartitions)
        SB_TRY(dropPartition(p, false));

    auto upsert = db_->prepare(
        "INSERT INTO sync_records (partition, entity_type, entity_id, version, body) "
        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(partition, entity_type, entity_id) "
        "DO UPDATE SET version = excluded.version, body = excluded.body");
    SB_TRY(upsert);
    auto remove = db_->prepare(
        "DELETE FROM sync_records WHERE partition = ?1 AND entity_type = ?2 AND entity_id = ?3");
    SB_TRY(remove);
    for (const RemoteChange& c : batch.changes) {
        if (c.removed) {
            remove->reset();
            SB_TRY(remove->bind(1, c.partition).bind(2, c.entityType).bind(3, c.entityId).run());
        } else {
            upsert->reset();
            SB_TRY(upsert->bind(1, c.partition)
                       .bind(2, c.entityType)
                       .bind(3, c.entityId)
                       .bind(4, c.version)
                       .bind(5, c.body)
                       .run());
        }
        touched.insert({c.entityType, c.entityId});
    }

    std::vector<std::pair<std::string, std::string>> ordered(touched.begin(), touched.end());
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
        return materialiseRank(a.first) < materialiseRank(b.first);
    });
    for (const auto& [type, id] : ordered) {
        auto kept = materialise(type, id);
        SB_TRY(kept);
        if (*kept) {
            ++report.keptLocal;
        } else {
            ++report.applied;
        }
        if (purged.count({type, id}) != 0) {
            auto still = bestCopy(*db_, type, id);
            SB_TRY(still);
            if (!*still)
                ++report.purgedRecords;
        }
    }

    // Checksums: compare, remember what to repair.
    auto repairText = getMeta(*db_, kRepairKey);
    SB_TRY(repairText);
    std::set<std::string> repair;
    if (*repairText) {
        std::string line;
        for (char ch : **repairText) {
            if (ch == '\n') {
                if (!line.empty())
                    repair.insert(line);
                line.clear();
            } else {
                line += ch;
            }
        }
        if (!line.empty())
            repair.insert(line);
    }
    for (const auto& p : batch.purgedPartitions)
        repair.erase(p);
    for (const RemotePartitionChecksum& sum : batch.checksums) {
        auto local = localPartitionChecksum(sum.partition);
        SB_TRY(local);
        const bool match = local->checksum == sum.checksum && local->count == sum.count;
        auto put = db_->prepare(
            "INSERT INTO sync_checkpoints (partition, checkpoint, checksum, updated_at) "
            "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(partition) DO UPDATE SET "
            "checkpoint = excluded.checkpoint, checksum = excluded.checksum, "
            "updated_at = excluded.updated_at");
        SB_TRY(put);
        SB_TRY(put->bind(1, sum.partition)
                   .bind(2, match ? "verified" : "diverged")
                   .bind(3, std::to_string(sum.checksum) + "/" + std::to_string(sum.count))
                   .bind(4, clock_.nowMillis())
                   .run());
        if (match) {
            repair.erase(sum.partition);
        } else {
            repair.insert(sum.partition);
            report.divergedPartitions.push_back(sum.partition);
            log::warning("store", "partition " + sum.partition +
                                      " differs from the server; it will be downloaded again");
        }
    }
    std::string joined;
    for (const auto& p : repair)
        joined += p + "\n";
    SB_TRY(setMeta(*db_, kRepairKey, joined));
    SB_TRY(setMeta(*db_, kCheckpointKey, batch.checkpoint));
    SB_TRY(setMeta(*db_, kHlcKey, hlc_.last().toString()));
    SB_TRY(tx.commit());
    return report;
}

Result<std::string> LocalStore::syncCheckpoint() {
    auto v = getMeta(*db_, kCheckpointKey);
    SB_TRY(v);
    return v->value_or("");
}

Result<std::vector<std::string>> LocalStore::partitionsToRepair() {
    auto v = getMeta(*db_, kRepairKey);
    SB_TRY(v);
    std::vector<std::string> out;
    std::string line;
    for (char ch : v->value_or("")) {
        if (ch == '\n') {
            if (!line.empty())
                out.push_back(line);
            line.clear();
        } else {
            line += ch;
        }
    }
    if (!line.empty())
        out.push_back(line);
    return out;
}

Result<RemotePartitionChecksum> LocalStore::localPartitionChecksum(std::string_view partition) {
    auto stmt = db_->prepare(
        "SELECT entity_type, entity_id, version, body FROM sync_records WHERE partition = ?1");
    SB_TRY(stmt);
    stmt->bind(1, partition);
    RemotePartitionChecksum sum{std::string(partition), 0, 0};
    for (;;) {
        auto row = stmt->step();
        SB_TRY(row);
        if (!*row)
            break;
        sum.checksum += recordChecksum(stmt->columnText(0), stmt->columnText(1), stmt->columnInt(2),
                                       stmt->columnText(3));
        ++sum.count;
    }
    return sum;
}

Result<std::int64_t> LocalStore::serverVersion(std::string_view entityType,
                                               std::string_view entityId) {
    auto copy = bestCopy(*db_, entityType, entityId);
    SB_TRY(copy);
    return *copy ? (*copy)->version : std::int64_t{0};
}

Status LocalStore::markSent(std::string_view opId, bool conflict, std::string_view message) {
    auto stmt = db_->prepare(
        "UPDATE outbox SET state = 'sent', reject_code = ?2, reject_message = ?3 "
        "WHERE op_id = ?1 AND state IN ('pending', 'sent')");
    SB_TRY(stmt);
    stmt->bind(1, opId);
    if (conflict) {
        stmt->bind(2, "conflict").bind(3, message);
    } else {
        stmt->bindNull(2).bindNull(3);
    }
    return stmt->run();
}

namespace {

// The stored JSON body of one record, or null when the device does not hold it.
nlohmann::json rawBody(Database& db, std::string_view table, const std::string& id) {
    if (id.empty())
        return nullptr;
    auto stmt = db.prepare("SELECT body FROM " + std::string(table) + " WHERE id = ?1");
    if (!stmt.ok())
        return nullptr;
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row.ok() || !*row)
        return nullptr;
    return nlohmann::json::parse(stmt->columnText(0), nullptr, false);
}

std::string textOf(const nlohmann::json& j, const char* key) {
    if (!j.is_object() || !j.contains(key) || !j[key].is_string())
        return {};
    return j[key].get<std::string>();
}

// Who and which session an outbox entry is about, from the device's own copies.
nlohmann::json snapshotOf(Database& db, const OutboxEntry& e) {
    const auto payload = nlohmann::json::parse(e.payload, nullptr, false);
    std::string appointmentId =
        e.entityType == EntityType::Appointment ? e.entityId : textOf(payload, "appointment_id");
    std::string personId = textOf(payload, "person_id");
    std::string sessionId = textOf(payload, "session_id");
    nlohmann::json out = nlohmann::json::object();
    const auto appointment = rawBody(db, "appointments", appointmentId);
    if (personId.empty())
        personId = textOf(appointment, "person_id");
    if (sessionId.empty())
        sessionId = textOf(appointment, "session_id");
    if (!appointmentId.empty())
        out["appointment_id"] = appointmentId;
    if (!personId.empty()) {
        out["person_id"] = personId;
        const auto person = rawBody(db, "people", personId);
        if (person.is_object()) {
            out["person"] = textOf(person, "surname") + ", " + textOf(person, "forenames");
            out["crn"] = textOf(person, "crn");
        }
    }
    if (!sessionId.empty()) {
        out["session_id"] = sessionId;
        const auto session = rawBody(db, "sessions", sessionId);
        if (session.is_object()) {
            out["date"] = textOf(session, "date");
            out["start"] = textOf(session, "start");
            out["end"] = textOf(session, "end");
            const auto project = rawBody(db, "projects", textOf(session, "project_id"));
            if (project.is_object())
                out["project"] = textOf(project, "name");
        }
    }
    return out;
}

}  // namespace

Status LocalStore::markRejected(std::string_view opId, std::string_view code,
                                std::string_view message) {
    auto stmt = db_->prepare(
        "UPDATE outbox SET state = 'rejected', reject_code = ?2, reject_message = ?3 "
        "WHERE op_id = ?1 AND state = 'pending'");
    SB_TRY(stmt);
    SB_TRY(stmt->bind(1, opId).bind(2, code).bind(3, message).run());
    auto entry = outboxEntry(opId);
    SB_TRY(entry);
    if (!*entry)
        return okStatus();
    const nlohmann::json snapshot = snapshotOf(*db_, **entry);
    if (snapshot.empty())
        return okStatus();
    auto keep =
        db_->prepare("INSERT OR REPLACE INTO outbox_snapshot (op_id, body) VALUES (?1, ?2)");
    SB_TRY(keep);
    return keep->bind(1, opId).bind(2, snapshot.dump()).run();
}

Result<std::optional<std::string>> LocalStore::displaySnapshot(std::string_view opId) {
    auto stmt = db_->prepare("SELECT body FROM outbox_snapshot WHERE op_id = ?1");
    SB_TRY(stmt);
    stmt->bind(1, opId);
    auto row = stmt->step();
    SB_TRY(row);
    if (!*row)
        return std::optional<std::string>{};
    return std::optional<std::string>(stmt->columnText(0));
}

Status LocalStore::fillClockOffset(std::int64_t offsetMs) {
    auto stmt = db_->prepare(
        "UPDATE outbox SET clock_offset_ms = ?1 WHERE state = 'pending' AND clock_offset_ms IS "
        "NULL");
    SB_TRY(stmt);
    return stmt->bind(1, offsetMs).run();
}

Result<std::optional<OutboxEntry>> LocalStore::outboxEntry(std::string_view opId) {
    auto stmt = db_->prepare(std::string(kOutboxColumns) + " WHERE o.op_id = ?1");
    SB_TRY(stmt);
    stmt->bind(1, opId);
    auto rows = readOutbox(*stmt);
    SB_TRY(rows);
    if (rows->empty())
        return std::optional<OutboxEntry>{};
    return std::optional<OutboxEntry>(std::move(rows->front()));
}

Result<std::vector<OutboxEntry>> LocalStore::outboxAfter(std::string_view state,
                                                         std::int64_t afterSeq, std::size_t limit) {
    auto stmt = db_->prepare(std::string(kOutboxColumns) +
                             " WHERE o.state = ?1 AND o.seq > ?2 ORDER BY o.seq LIMIT ?3");
    SB_TRY(stmt);
    stmt->bind(1, state).bind(2, afterSeq).bind(3, static_cast<std::int64_t>(limit));
    return readOutbox(*stmt);
}

Status LocalStore::rebasePending(std::string_view opId, std::int64_t version) {
    // The later changes are found through the record (outbox_by_entity). The unary + keeps
    // SQLite from choosing the (state, seq) index instead, which walks every pending change
    // after this one: once per acknowledgement, that made a large upload quadratic.
    auto stmt = db_->prepare(
        "UPDATE sync_outbox_base SET base_version = ?2 WHERE op_id IN ("
        "SELECT later.op_id FROM outbox acked JOIN outbox later "
        "ON later.entity_type = acked.entity_type AND later.entity_id = acked.entity_id "
        "AND later.op = acked.op AND later.seq > acked.seq AND +later.state = 'pending' "
        "WHERE acked.op_id = ?1)");
    SB_TRY(stmt);
    return stmt->bind(1, opId).bind(2, version).run();
}

Status LocalStore::appendLocalAudit(std::string_view action, std::string_view opId,
                                    std::string_view detail) {
    auto stmt = db_->prepare(
        "INSERT INTO sync_audit (at, action, op_id, user_id, detail) VALUES (?1, ?2, ?3, ?4, ?5)");
    SB_TRY(stmt);
    return stmt->bind(1, clock_.nowMillis())
        .bind(2, action)
        .bind(3, opId)
        .bind(4, context_.userId)
        .bind(5, detail)
        .run();
}

Status LocalStore::discard(std::string_view opId, std::string_view reason) {
    auto entry = outboxEntry(opId);
    SB_TRY(entry);
    if (!*entry) {
        return makeError(ErrorCode::NotFound, "there is no change " + std::string(opId), "op_id");
    }
    if ((*entry)->state != "rejected") {
        return makeError(ErrorCode::InvalidArgument,
                         "only a rejected change can be discarded; change " + std::string(opId) +
                             " is " + (*entry)->state,
                         "op_id");
    }
    const OutboxEntry& e = **entry;
    Transaction tx(*db_);
    SB_TRY(tx.beginStatus());
    auto stmt = db_->prepare("UPDATE outbox SET state = 'discarded' WHERE op_id = ?1");
    SB_TRY(stmt);
    SB_TRY(stmt->bind(1, opId).run());
    // Who it was about is no longer shown anywhere.
    auto forget = db_->prepare("DELETE FROM outbox_snapshot WHERE op_id = ?1");
    SB_TRY(forget);
    SB_TRY(forget->bind(1, opId).run());
    SB_TRY(appendLocalAudit("discarded", opId,
                            std::string(entityTypeName(e.entityType)) + " " + e.entityId +
                                " (rejected: " + e.rejectCode + ")" +
                                (reason.empty() ? "" : "; reason: " + std::string(reason))));
    // The record goes back to what the server holds.
    const std::string serverType = serverTypeOf(e.entityType, e.op);
    auto copy = bestCopy(*db_, e.entityType == EntityType::Appointment ? "appointment" : serverType,
                         e.entityId);
    SB_TRY(copy);
    if (*copy) {
        SB_TRY(materialise(serverType, e.entityId));
    } else if (e.entityType == EntityType::Appointment) {
        auto appt = appointment(e.entityId);
        SB_TRY(appt);
        if (*appt) {
            (*appt)->outcome.reset();
            SB_TRY(upsertRow(*db_, "appointments", rowOf(**appt), hlc_.now().toString()));
        }
    } else {
        auto pendingOther = hasLocalChange(entityTypeName(e.entityType), e.entityId);
        SB_TRY(pendingOther);
        if (!*pendingOther)
            SB_TRY(materialise(serverType, e.entityId));
    }
    return tx.commit();
}

Result<ChangeReceipt> LocalStore::resubmit(std::string_view opId,
                                           const std::string& correctedJson) {
    auto entry = outboxEntry(opId);
    SB_TRY(entry);
    if (!*entry || (*entry)->state != "rejected") {
        return makeError(ErrorCode::InvalidArgument,
                         "only a rejected change can be corrected and sent again", "op_id");
    }
    const OutboxEntry e = std::move(**entry);
    auto sameId = [&](const std::string& id) -> Status {
        if (id != e.entityId) {
            return makeError(ErrorCode::InvalidArgument,
                             "the corrected record must keep id " + e.entityId, "id");
        }
        return okStatus();
    };
    supersedes_ = std::string(opId);
    struct Reset {
        std::string& s;
        ~Reset() { s.clear(); }
    } reset{supersedes_};
    switch (e.entityType) {
        case EntityType::Appointment: {
            auto parsed = domain::fromJson<domain::Appointment>(correctedJson);
            SB_TRY(parsed);
            SB_TRY(sameId(parsed->id));
            if (!parsed->outcome) {
                return makeError(ErrorCode::InvalidArgument, "the correction has no outcome",
                                 "outcome");
            }
            return recordOutcome(e.entityId, *parsed->outcome);
        }
        case EntityType::WorkUndertaken: {
            auto parsed = domain::fromJson<domain::WorkUndertaken>(correctedJson);
            SB_TRY(parsed);
            SB_TRY(sameId(parsed->id));
            return addWorkUndertaken(*parsed);
        }
        case EntityType::SkillObservation: {
            auto parsed = domain::fromJson<domain::SkillObservation>(correctedJson);
            SB_TRY(parsed);
            SB_TRY(sameId(parsed->id));
            return addSkillObservation(*parsed);
        }
        case EntityType::Feedback: {
            auto parsed = domain::fromJson<domain::Feedback>(correctedJson);
            SB_TRY(parsed);
            SB_TRY(sameId(parsed->id));
            return saveFeedback(*parsed);
        }
        case EntityType::CaseNote: {
            // The rejected note never reached the server, so replacing it on the device does
            // not break immutability.
            auto parsed = domain::fromJson<domain::CaseNote>(correctedJson);
            SB_TRY(parsed);
            SB_TRY(sameId(parsed->id));
            domain::CaseNote note = *parsed;
            note.author = context_.userId;
            SB_TRY(domain::validateCaseNote(note, policy_));
            auto person = this->person(note.person_id);
            SB_TRY(person);
            if (!*person) {
                return makeError(ErrorCode::NotFound,
                                 "person " + note.person_id + " is not on this device",
                                 "person_id");
            }
            return writeChange(EntityType::CaseNote, note.id, "create", toJson(note),
                               {{"case_notes", rowOf(note)}});
        }
        case EntityType::EnforcementDecision: {
            auto parsed = domain::fromJson<domain::EnforcementDecision>(correctedJson);
            SB_TRY(parsed);
            SB_TRY(sameId(parsed->id));
            return recordEnforcementDecision(*parsed);
        }
        default:
            return makeError(ErrorCode::InvalidArgument,
                             "changes to this kind of record cannot be corrected here",
                             "entity_type");
    }
}

Result<std::vector<LocalAuditEntry>> LocalStore::localAudit() {
    auto stmt = db_->prepare(
        "SELECT seq, at, action, coalesce(op_id, ''), coalesce(user_id, ''), "
        "coalesce(detail, '') FROM sync_audit ORDER BY seq");
    SB_TRY(stmt);
    std::vector<LocalAuditEntry> out;
    for (;;) {
        auto row = stmt->step();
        SB_TRY(row);
        if (!*row)
            break;
        out.push_back({stmt->columnInt(0), stmt->columnInt(1), stmt->columnText(2),
                       stmt->columnText(3), stmt->columnText(4), stmt->columnText(5)});
    }
    return out;
}

// Both read the outbox_conflicts index; the unary + keeps SQLite from walking every
// acknowledged change through the (state, seq) index instead.
Result<std::vector<OutboxEntry>> LocalStore::conflicts(std::size_t limit) {
    auto stmt = db_->prepare(std::string(kOutboxColumns) +
                             " WHERE +o.state = 'sent' AND o.reject_code = 'conflict' "
                             "ORDER BY o.seq LIMIT ?1");
    SB_TRY(stmt);
    stmt->bind(1, static_cast<std::int64_t>(limit));
    return readOutbox(*stmt);
}

Result<std::int64_t> LocalStore::conflictCount() {
    auto stmt = db_->prepare(
        "SELECT count(*) FROM outbox WHERE +state = 'sent' AND reject_code = 'conflict'");
    SB_TRY(stmt);
    auto row = stmt->step();
    SB_TRY(row);
    return stmt->columnInt(0);
}

Result<std::optional<UnixMillis>> LocalStore::oldestPendingAt() {
    auto stmt = db_->prepare("SELECT min(created_at) FROM outbox WHERE state = 'pending'");
    SB_TRY(stmt);
    auto row = stmt->step();
    SB_TRY(row);
    return stmt->columnOptionalInt(0);
}

Status LocalStore::setClockOffset(std::int64_t offsetMs) {
    SB_TRY(setMeta(*db_, kOffsetKey, std::to_string(offsetMs)));
    clockOffset_ = offsetMs;
    return okStatus();
}

void LocalStore::observeServerTime(UnixMillis serverTime) {
    hlc_.receive(HlcTimestamp{serverTime, 0});
}

Status LocalStore::setSyncValue(std::string_view key, std::string_view value) {
    return setMeta(*db_, "sync." + std::string(key), value);
}

Result<std::optional<std::string>> LocalStore::syncValue(std::string_view key) {
    return getMeta(*db_, "sync." + std::string(key));
}

Status LocalStore::clearSyncValue(std::string_view key) {
    auto stmt = db_->prepare("DELETE FROM meta WHERE key = ?1");
    SB_TRY(stmt);
    return stmt->bind(1, "sync." + std::string(key)).run();
}

Status LocalStore::eraseAllData() {
    Transaction tx(*db_);
    SB_TRY(tx.beginStatus());
    for (const char* table :
         {"people", "orders", "projects", "sessions", "appointments", "work_items",
          "skill_observations", "feedback", "case_notes", "enforcement_decisions", "outbox",
          "sync_checkpoints", "sync_records", "sync_outbox_base", "sync_audit", "form_drafts"}) {
        SB_TRY(db_->exec("DELETE FROM " + std::string(table)));
    }
    SB_TRY(db_->exec("DELETE FROM outbox_snapshot"));
    SB_TRY(db_->exec("DELETE FROM meta WHERE key <> 'device_id'"));
    SB_TRY(tx.commit());
    clockOffset_.reset();
    return okStatus();
}

}  // namespace sitebook::store
