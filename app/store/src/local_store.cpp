#include "sitebook/store/local_store.h"

#include <array>
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

constexpr std::array<std::string_view, 10> kEntityTypeNames = {
    "person",  "order",           "project",           "session",  "appointment",
    "work_undertaken", "skill_observation", "feedback", "case_note", "enforcement_decision"};

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
    if (!*row) return std::optional<std::string>{};
    return stmt->columnOptionalText(0);
}

template <typename T>
Result<std::optional<T>> loadBody(Database& db, std::string_view table, std::string_view id) {
    auto stmt = db.prepare("SELECT body FROM " + std::string(table) + " WHERE id = ?1");
    SB_TRY(stmt);
    stmt->bind(1, id);
    auto row = stmt->step();
    SB_TRY(row);
    if (!*row) return std::optional<T>{};
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
        if (!*row) break;
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
    return {{"id", p.id}, {"crn", p.crn}, {"forenames", p.forenames}, {"surname", p.surname},
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
        if (name != "id") updates += std::string(name) + " = excluded." + std::string(name) + ", ";
    }
    names += "updated_hlc";
    params += "?" + std::to_string(index);
    updates += "updated_hlc = excluded.updated_hlc";
    auto stmt = db.prepare("INSERT INTO " + std::string(table) + " (" + names + ") VALUES (" +
                           params + ") ON CONFLICT(id) DO UPDATE SET " + updates);
    SB_TRY(stmt);
    index = 1;
    for (const auto& [name, value] : columns) bindValue(*stmt, index++, value);
    stmt->bind(index, hlc);
    return stmt->run();
}

}  // namespace

std::string_view entityTypeName(EntityType type) {
    return kEntityTypeNames[static_cast<std::size_t>(type)];
}

std::optional<EntityType> parseEntityType(std::string_view name) {
    for (std::size_t i = 0; i < kEntityTypeNames.size(); ++i) {
        if (kEntityTypeNames[i] == name) return static_cast<EntityType>(i);
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
        if (auto parsed = HlcTimestamp::parse(**stored)) last = *parsed;
    }
    auto device = getMeta(**db, kDeviceKey);
    SB_TRY(device);
    if (!*device) {
        SB_TRY(setMeta(**db, kDeviceKey, context.deviceId));
    } else if (**device != context.deviceId) {
        return makeError(ErrorCode::InvalidArgument,
                         "this database belongs to device " + **device + ", not " +
                             context.deviceId,
                         "device_id");
    }
    return std::unique_ptr<LocalStore>(new LocalStore(std::move(db).value(), std::move(context),
                                                      clock, random, std::move(policy), last));
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

std::string LocalStore::newId() { return ids_.next().toString(); }

Result<ChangeReceipt> LocalStore::writeChange(EntityType type, const std::string& entityId,
                                              std::string_view op, const std::string& payload,
                                              const std::vector<Row>& rows) {
    const HlcTimestamp hlc = hlc_.now();
    const std::string hlcText = hlc.toString();
    const UnixMillis now = clock_.nowMillis();
    ChangeReceipt receipt{newId(), entityId, hlc, 0};

    Transaction tx(*db_);
    SB_TRY(tx.beginStatus());
    for (const Row& row : rows) SB_TRY(upsertRow(*db_, row.table, row.columns, hlcText));
    auto stmt = db_->prepare(
        "INSERT INTO outbox (op_id, entity_type, entity_id, op, payload, hlc, device_time, "
        "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    SB_TRY(stmt);
    stmt->bind(1, receipt.opId)
        .bind(2, entityTypeName(type))
        .bind(3, entityId)
        .bind(4, op)
        .bind(5, payload)
        .bind(6, hlcText)
        .bind(7, now)
        .bind(8, now);
    SB_TRY(stmt->run());
    receipt.seq = db_->lastInsertRowId();
    SB_TRY(setMeta(*db_, kHlcKey, hlcText));
    SB_TRY(tx.commit());
    return receipt;
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
    domain::Appointment updated = std::move(**loaded);
    updated.outcome = std::move(outcome);
    const std::string payload = toJson(updated);
    return writeChange(EntityType::Appointment, updated.id, "record_outcome", payload,
                       {{"appointments", rowOf(updated)}});
}

Result<ChangeReceipt> LocalStore::addWorkUndertaken(domain::WorkUndertaken work) {
    if (work.id.empty()) work.id = newId();
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
    if (observation.id.empty()) observation.id = newId();
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
    if (note.id.empty()) note.id = newId();
    note.author = context_.userId;
    if (note.created_at == 0) note.created_at = clock_.nowMillis();
    SB_TRY(domain::validateCaseNote(note, policy_));

    auto stored = caseNote(note.id);
    SB_TRY(stored);
    if (*stored) {
        SB_TRY(domain::validateCaseNoteUpdate(**stored, note));
        return makeError(ErrorCode::AlreadyExists,
                         "case note " + note.id + " is already saved; notes are immutable",
                         "id");
    }
    if (note.amends_note_id) {
        auto original = caseNote(*note.amends_note_id);
        SB_TRY(original);
        if (!*original) {
            return makeError(ErrorCode::NotFound,
                             "the amended note " + *note.amends_note_id +
                                 " is not on this device",
                             "amends_note_id");
        }
        SB_TRY(domain::validateAmendment(**original, note));
    }
    auto person = this->person(note.person_id);
    SB_TRY(person);
    if (!*person) {
        return makeError(ErrorCode::NotFound,
                         "person " + note.person_id + " is not on this device", "person_id");
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
    if (decision.id.empty()) decision.id = newId();
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
        "ON a.id = d.appointment_id WHERE a.order_id = ?1 ORDER BY d.decided_on");
    SB_TRY(stmt);
    stmt->bind(1, decision.order_id);
    auto prior = loadBodies<domain::EnforcementDecision>(*stmt);
    SB_TRY(prior);
    SB_TRY(domain::validateEnforcementDecision(decision, **appt, *prior, policy_));
    return writeChange(EntityType::EnforcementDecision, decision.id, "create", toJson(decision),
                       {{"enforcement_decisions", rowOf(decision, (*appt)->person_id)}});
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
        if (!*row) break;
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
    auto stmt = db_->prepare(
        "SELECT body FROM case_notes WHERE person_id = ?1 ORDER BY created_at, id");
    SB_TRY(stmt);
    stmt->bind(1, personId);
    return loadBodies<domain::CaseNote>(*stmt);
}

Result<std::vector<OutboxEntry>> LocalStore::outbox(std::string_view state, std::size_t limit) {
    auto stmt = db_->prepare(
        "SELECT seq, op_id, entity_type, entity_id, op, payload, hlc, device_time, created_at, "
        "state FROM outbox WHERE state = ?1 ORDER BY seq LIMIT ?2");
    SB_TRY(stmt);
    stmt->bind(1, state).bind(2, static_cast<std::int64_t>(limit));
    std::vector<OutboxEntry> out;
    for (;;) {
        auto row = stmt->step();
        SB_TRY(row);
        if (!*row) break;
        OutboxEntry e;
        e.seq = stmt->columnInt(0);
        e.opId = stmt->columnText(1);
        auto type = parseEntityType(stmt->columnText(2));
        if (!type) return makeError(ErrorCode::Corrupt, "outbox entry with an unknown entity type");
        e.entityType = *type;
        e.entityId = stmt->columnText(3);
        e.op = stmt->columnText(4);
        e.payload = stmt->columnText(5);
        e.hlc = stmt->columnText(6);
        e.deviceTime = stmt->columnInt(7);
        e.createdAt = stmt->columnInt(8);
        e.state = stmt->columnText(9);
        out.push_back(std::move(e));
    }
    return out;
}

Result<std::int64_t> LocalStore::outboxCount(std::string_view state) {
    auto stmt = db_->prepare("SELECT count(*) FROM outbox WHERE state = ?1");
    SB_TRY(stmt);
    stmt->bind(1, state);
    auto row = stmt->step();
    SB_TRY(row);
    return stmt->columnInt(0);
}

}  // namespace sitebook::store
