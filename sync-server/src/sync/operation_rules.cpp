#include "sync/operation_rules.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <vector>

#include "sitebook/domain/json.h"
#include "sitebook/domain/policy.h"
#include "sitebook/domain/validation.h"
#include "sitebook/server/derived/person_reconciler.h"
#include "sitebook/server/reconcile/outcome_resolution.h"
#include "sitebook/server/sync/entity_writer.h"

namespace sitebook::server {

using nlohmann::json;

namespace {

domain::Role toDomainRole(Role role) {
    switch (role) {
        case Role::Supervisor:
            return domain::Role::Supervisor;
        case Role::Officer:
            return domain::Role::Officer;
        case Role::Admin:
            return domain::Role::Admin;
        case Role::Manager:
            return domain::Role::Manager;
    }
    return domain::Role::Supervisor;
}

const domain::Policy& policy() {
    static const domain::Policy p = domain::Policy::defaults();
    return p;
}

Error invalid(std::string message, std::string field) {
    return makeError(ErrorCode::InvalidArgument, std::move(message), std::move(field));
}

Error denied(std::string message) {
    return makeError(ErrorCode::PermissionDenied, std::move(message));
}

Error immutable(std::string message) {
    return makeError(ErrorCode::Conflict, std::move(message), "kind");
}

Result<std::optional<EntityRecord>> live(UnitOfWork& uow, EntityType type, std::string_view id) {
    auto found = uow.findEntity(entityTypeName(type), id);
    if (!found)
        return found.error();
    if (*found && (*found)->deleted)
        return std::optional<EntityRecord>{};
    return found;
}

Result<EntityRecord> requireAppointment(UnitOfWork& uow, std::string_view id, const char* field) {
    auto appointment = live(uow, EntityType::Appointment, id);
    if (!appointment)
        return appointment.error();
    if (!*appointment) {
        return makeError(ErrorCode::NotFound, "appointment " + std::string(id) + " is not known",
                         field);
    }
    return **appointment;
}

// The appointment as a domain value, with its recorded outcome (if any) merged in.
Result<domain::Appointment> appointmentWithOutcome(UnitOfWork& uow, const EntityRecord& record,
                                                   const std::string* outcomePayload) {
    json merged = json::parse(record.bodyJson, nullptr, false);
    if (!merged.is_object())
        return makeError(ErrorCode::Corrupt, "stored appointment is invalid");
    if (outcomePayload) {
        merged["outcome"] = json::parse(*outcomePayload, nullptr, false);
    } else {
        auto outcome = live(uow, EntityType::AppointmentOutcome, record.id);
        if (!outcome)
            return outcome.error();
        if (*outcome)
            merged["outcome"] = json::parse((*outcome)->bodyJson, nullptr, false);
    }
    auto parsed = domain::fromJson<domain::Appointment>(merged.dump());
    if (!parsed) {
        Error e = parsed.error();
        if (e.field.rfind("outcome.", 0) == 0)
            e.field = e.field.substr(8);
        return e;
    }
    return parsed;
}

template <typename T>
Result<T> parseRecord(const std::string& payload, std::string_view entityId) {
    auto parsed = domain::fromJson<T>(payload);
    if (!parsed)
        return parsed.error();
    if (parsed->id != entityId) {
        return invalid("the payload id does not match entity_id", "id");
    }
    return parsed;
}

Status requireCaller(const std::string& value, const OperationSubject& subject, const char* field) {
    if (value != subject.userId) {
        return invalid(std::string(field) + " must be the signed-in user", field);
    }
    return okStatus();
}

Result<std::string> appointmentPerson(const EntityRecord& appointment) {
    json body = json::parse(appointment.bodyJson, nullptr, false);
    if (!body.is_object() || !body.contains("person_id") || !body["person_id"].is_string()) {
        return makeError(ErrorCode::Corrupt, "stored appointment has no person");
    }
    return body["person_id"].get<std::string>();
}

Status requireGrant(UnitOfWork& uow, const OperationSubject& subject,
                    const std::string& partition) {
    auto granted = uow.hasGrant(subject.userId, partition);
    if (!granted)
        return granted.error();
    if (!*granted)
        return denied("this record is outside your projects or caseload");
    return okStatus();
}

// The live partition of an appointment that starts with `prefix` ("project/" or "person/"),
// from the appointment's partition entries alone (one statement): none if the appointment is
// unknown or deleted.
Result<std::optional<std::string>> appointmentPartition(UnitOfWork& uow,
                                                        std::string_view appointmentId,
                                                        std::string_view prefix) {
    std::optional<std::string> found;
    if (appointmentId.empty())
        return found;
    auto entries = uow.entityPartitions(entityTypeName(EntityType::Appointment), appointmentId);
    if (!entries)
        return entries.error();
    for (const auto& e : *entries) {
        if (!e.removed && e.partition.starts_with(prefix)) {
            found = e.partition;
            break;
        }
    }
    return found;
}

// Which side of a change is judged: the record where it is now (as stored), or where it would
// be after. A reference that is unknown on the stored side cannot be in anyone's scope; on
// the new side it is the writer's mistake (NotFound, naming the field).
enum class Side { Stored, Proposed };

Status unknownAppointment(Side side, std::string_view appointmentId, const char* field) {
    if (side == Side::Stored)
        return denied("this record is outside your projects or caseload");
    return makeError(ErrorCode::NotFound,
                     "appointment " + std::string(appointmentId) + " is not known", field);
}

// Supervisors: the appointment is in a session of one of their projects. Admins: any known
// appointment.
Status authoriseAppointmentWork(UnitOfWork& uow, const OperationSubject& subject,
                                std::string_view appointmentId, const char* field, Side side) {
    if (subject.role != Role::Admin && subject.role != Role::Supervisor) {
        return denied("only the session's supervisor or an admin records this");
    }
    auto project = appointmentPartition(uow, appointmentId, "project/");
    if (!project)
        return project.error();
    if (!*project) {
        if (subject.role == Role::Admin && side == Side::Stored)
            return okStatus();
        return unknownAppointment(side, appointmentId, field);
    }
    if (subject.role == Role::Admin)
        return okStatus();
    return requireGrant(uow, subject, **project);
}

// The date of the appointment's session: the date of a failure at that appointment.
Result<domain::CivilDate> appointmentDate(UnitOfWork& uow, const EntityRecord& appointment) {
    const std::string sessionId = [&] {
        json body = json::parse(appointment.bodyJson, nullptr, false);
        return body.is_object() && body.contains("session_id") && body["session_id"].is_string()
                   ? body["session_id"].get<std::string>()
                   : std::string();
    }();
    auto session = live(uow, EntityType::Session, sessionId);
    if (!session)
        return session.error();
    if (!*session)
        return makeError(ErrorCode::NotFound, "the appointment's session is not known",
                         "appointment_id");
    auto parsed = domain::fromJson<domain::Session>((*session)->bodyJson);
    if (!parsed)
        return makeError(ErrorCode::Corrupt, "stored session is invalid");
    return parsed->date;
}

// An officer may write an appointment's outcome only to confirm one of the versions of a
// conflict (docs/PROTOCOL.md, "Settling a conflict"): the outcome's versions since the last
// plain acceptance differ in substance, and `payload` has the substance of one of them.
Status requireConfirmedVersion(UnitOfWork& uow, const EntityRecord& appointment,
                               const std::string& payload) {
    auto versions = storedOutcomeVersions(uow, appointment.id, appointment.bodyJson);
    if (!versions)
        return versions.error();
    auto proposed = appointmentWithOutcome(uow, appointment, &payload);
    if (!proposed)
        return proposed.error();
    bool conflicting = false;
    bool known = false;
    for (const auto& v : *versions) {
        conflicting =
            conflicting || !reconcile::sameSubstance(v.outcome, versions->front().outcome);
        known =
            known || (proposed->outcome && reconcile::sameSubstance(v.outcome, *proposed->outcome));
    }
    if (!conflicting) {
        return denied(
            "a responsible officer records an outcome only to confirm one of two conflicting "
            "versions, and this outcome is not in conflict");
    }
    if (!known) {
        return invalid("the confirmed outcome must be one of the versions the devices recorded",
                       "code");
    }
    return okStatus();
}

std::string stringOf(const std::string& payload, const char* field) {
    json body = json::parse(payload, nullptr, false);
    if (body.is_object() && body.contains(field) && body[field].is_string()) {
        return body[field].get<std::string>();
    }
    return {};
}

// The temporal rule, judged at the earlier of the server's time and the outcome's recorded_at:
// a device clock set ahead cannot date an outcome after its session, and an outcome made
// before its session and uploaded afterwards is still refused.
Status validateOutcomeWhen(UnitOfWork& uow, const domain::Appointment& appointment,
                           const OperationSubject& subject) {
    auto stored = live(uow, EntityType::Session, appointment.session_id);
    if (!stored)
        return stored.error();
    if (!*stored) {
        return makeError(ErrorCode::NotFound, "the appointment's session is not known",
                         "entity_id");
    }
    auto session = domain::fromJson<domain::Session>((*stored)->bodyJson);
    if (!session)
        return makeError(ErrorCode::Corrupt, "stored session is invalid");
    const UnixMillis at = std::min(subject.serverNow, appointment.outcome->recorded_at);
    return domain::validateOutcomeTiming(*appointment.outcome, *session, at, policy());
}

// When a decision may be dated (domain::validateDecisionTiming), judged at the server's time:
// not before the failure it answers, not after today.
Status validateDecisionWhen(const domain::EnforcementDecision& decision, domain::CivilDate failedOn,
                            const OperationSubject& subject) {
    return domain::validateDecisionTiming(decision, failedOn, subject.serverNow, policy());
}

// Why a change of `kind` to a record of `type` is refused whatever its scope; nullptr if it
// is not. Case notes, enforcement decisions and alert acknowledgements are kept as written.
const char* immutableReason(EntityType type, OpKind kind) {
    if (kind == OpKind::Create)
        return nullptr;
    const bool del = kind == OpKind::Delete;
    switch (type) {
        case EntityType::CaseNote:
            return del ? "case notes cannot be deleted; add an amending note"
                       : "case notes cannot be changed; add an amending note";
        case EntityType::EnforcementDecision:
            return del ? "enforcement decisions cannot be deleted; record a new one"
                       : "enforcement decisions cannot be changed; record a new one";
        case EntityType::AlertAcknowledgement:
            return del ? "acknowledgements cannot be deleted"
                       : "acknowledgements cannot be changed";
        default:
            return nullptr;
    }
}

// What places a record of `type` in a scope: the appointment it belongs to, or for a case
// note the person. Two bodies with the same key are in the same scope.
std::string scopeKey(EntityType type, const std::string& body) {
    return stringOf(body, type == EntityType::CaseNote ? "person_id" : "appointment_id");
}

// Whether the writer may have a record of `type` with `body` where that body places it.
Status authoriseAt(UnitOfWork& uow, EntityType type, const std::string& body,
                   const OperationSubject& subject, Side side) {
    switch (type) {
        case EntityType::WorkUndertaken:
        case EntityType::SkillObservation:
        case EntityType::Feedback:
            return authoriseAppointmentWork(uow, subject, scopeKey(type, body), "appointment_id",
                                            side);
        case EntityType::CaseNote: {
            if (subject.role == Role::Admin)
                return okStatus();
            const std::string personId = scopeKey(type, body);
            if (subject.role == Role::Officer)
                return requireGrant(uow, subject, personPartition(personId));
            // Supervisors: a person on the roster of one of their projects.
            auto entries =
                uow.entityPartitions(entityTypeName(EntityType::PersonPlacement), personId);
            if (!entries)
                return entries.error();
            for (const auto& e : *entries) {
                if (e.removed)
                    continue;
                auto granted = uow.hasGrant(subject.userId, e.partition);
                if (!granted)
                    return granted.error();
                if (*granted)
                    return okStatus();
            }
            return denied("this person is not on the roster of any of your projects");
        }
        case EntityType::EnforcementDecision:
        case EntityType::AlertAcknowledgement: {
            if (subject.role == Role::Admin)
                return okStatus();
            if (subject.role != Role::Officer) {
                return denied(type == EntityType::EnforcementDecision
                                  ? "only the responsible officer records enforcement decisions"
                                  : "only the responsible officer acknowledges an alert");
            }
            const std::string appointmentId = scopeKey(type, body);
            auto person = appointmentPartition(uow, appointmentId, kPersonPartitionPrefix);
            if (!person)
                return person.error();
            if (!*person)
                return unknownAppointment(side, appointmentId, "appointment_id");
            return requireGrant(uow, subject, **person);
        }
        default:
            return denied("records of this type are maintained by the server");
    }
}

// An appointment's outcome: the session's supervisor or an admin records it; the responsible
// officer only confirms one of two conflicting versions; only an admin removes it.
Status authoriseOutcome(UnitOfWork& uow, OpKind kind, std::string_view appointmentId,
                        const std::string& payload, const OperationSubject& subject) {
    if (kind == OpKind::Delete && subject.role != Role::Admin)
        return denied("only an admin removes an outcome");
    if (subject.role != Role::Officer) {
        return authoriseAppointmentWork(uow, subject, appointmentId, "entity_id", Side::Proposed);
    }
    auto appointment = requireAppointment(uow, appointmentId, "entity_id");
    if (!appointment)
        return appointment.error();
    auto person = appointmentPerson(*appointment);
    if (!person)
        return person.error();
    SB_TRY(requireGrant(uow, subject, personPartition(*person)));
    return requireConfirmedVersion(uow, *appointment, payload);
}

// A CREATE on the id of a kept record is accepted only as a repeat of it.
Status requireSameRecord(EntityType type, const EntityRecord& stored, const std::string& payload) {
    if (type == EntityType::CaseNote) {
        auto old = domain::fromJson<domain::CaseNote>(stored.bodyJson);
        if (!old)
            return makeError(ErrorCode::Corrupt, "stored case note is invalid");
        auto note = domain::fromJson<domain::CaseNote>(payload);
        if (!note)
            return note.error();
        auto same = domain::validateCaseNoteUpdate(*old, *note);
        return same ? okStatus() : Status(immutable(same.error().message));
    }
    if (json::parse(stored.bodyJson, nullptr, false) != json::parse(payload, nullptr, false))
        return immutable(immutableReason(type, OpKind::Update));
    return okStatus();
}

}  // namespace

Status validatePayload(UnitOfWork& uow, EntityType type, OpKind kind, std::string_view entityId,
                       const std::string& payload, const OperationSubject& subject) {
    if (kind == OpKind::Delete) {
        switch (type) {
            case EntityType::CaseNote:
                return immutable("case notes cannot be deleted; add an amending note");
            case EntityType::EnforcementDecision:
                return immutable("enforcement decisions cannot be deleted; record a new one");
            case EntityType::AlertAcknowledgement:
                return immutable("acknowledgements cannot be deleted");
            case EntityType::AppointmentOutcome:
                if (subject.role != Role::Admin)
                    return denied("only an admin removes an outcome");
                return okStatus();
            default:
                return okStatus();
        }
    }
    switch (type) {
        case EntityType::AppointmentOutcome: {
            auto appointment = requireAppointment(uow, entityId, "entity_id");
            if (!appointment)
                return appointment.error();
            auto merged = appointmentWithOutcome(uow, *appointment, &payload);
            if (!merged)
                return merged.error();
            if (!merged->outcome)
                return invalid("the outcome is missing", "code");
            SB_TRY(requireCaller(merged->outcome->recorded_by, subject, "recorded_by"));
            SB_TRY(domain::validateOutcome(*merged->outcome, toDomainRole(subject.role)));
            return validateOutcomeWhen(uow, *merged, subject);
        }
        case EntityType::WorkUndertaken: {
            auto work = parseRecord<domain::WorkUndertaken>(payload, entityId);
            if (!work)
                return work.error();
            return domain::validateWorkUndertaken(*work);
        }
        case EntityType::SkillObservation: {
            auto skill = parseRecord<domain::SkillObservation>(payload, entityId);
            if (!skill)
                return skill.error();
            return domain::validateSkillObservation(*skill);
        }
        case EntityType::Feedback: {
            auto feedback = parseRecord<domain::Feedback>(payload, entityId);
            if (!feedback)
                return feedback.error();
            return domain::validateFeedback(*feedback);
        }
        case EntityType::CaseNote: {
            auto note = parseRecord<domain::CaseNote>(payload, entityId);
            if (!note)
                return note.error();
            SB_TRY(requireCaller(note->author, subject, "author"));
            SB_TRY(domain::validateCaseNote(*note, policy()));
            // A stored note is compared with this one in authorise().
            if (note->amends_note_id) {
                auto original = live(uow, EntityType::CaseNote, *note->amends_note_id);
                if (!original)
                    return original.error();
                if (!*original) {
                    return makeError(ErrorCode::NotFound, "the amended note is not known",
                                     "amends_note_id");
                }
                auto originalNote = domain::fromJson<domain::CaseNote>((*original)->bodyJson);
                if (!originalNote)
                    return originalNote.error();
                SB_TRY(domain::validateAmendment(*originalNote, *note));
            }
            return okStatus();
        }
        case EntityType::EnforcementDecision: {
            if (kind != OpKind::Create) {
                return immutable("enforcement decisions cannot be changed; record a new one");
            }
            auto decision = parseRecord<domain::EnforcementDecision>(payload, entityId);
            if (!decision)
                return decision.error();
            SB_TRY(requireCaller(decision->decided_by, subject, "decided_by"));
            auto appointmentRecord =
                requireAppointment(uow, decision->appointment_id, "appointment_id");
            if (!appointmentRecord)
                return appointmentRecord.error();
            auto appointment = appointmentWithOutcome(uow, *appointmentRecord, nullptr);
            if (!appointment)
                return appointment.error();
            auto person = appointmentPerson(*appointmentRecord);
            if (!person)
                return person.error();
            // Earlier decisions on the same order: a person's partition is small.
            std::vector<domain::EnforcementDecision> prior;
            std::int64_t after = 0;
            for (;;) {
                auto rows = uow.changesSince(personPartition(*person), after, 500);
                if (!rows)
                    return rows.error();
                for (const auto& row : *rows) {
                    after = row.entry.seq;
                    if (row.entry.removed ||
                        row.entry.entityType != entityTypeName(EntityType::EnforcementDecision)) {
                        continue;
                    }
                    auto d = domain::fromJson<domain::EnforcementDecision>(row.bodyJson);
                    if (d && d->order_id == decision->order_id && d->id != decision->id) {
                        prior.push_back(*d);
                    }
                }
                if (rows->size() < 500)
                    break;
            }
            auto failedOn = appointmentDate(uow, *appointmentRecord);
            if (!failedOn)
                return failedOn.error();
            SB_TRY(domain::validateEnforcementDecision(*decision, *appointment, *failedOn, prior,
                                                       policy()));
            return validateDecisionWhen(*decision, *failedOn, subject);
        }
        case EntityType::AlertAcknowledgement: {
            if (kind != OpKind::Create) {
                return immutable("acknowledgements cannot be changed");
            }
            auto ack = parseRecord<domain::AlertAcknowledgement>(payload, entityId);
            if (!ack)
                return ack.error();
            SB_TRY(requireCaller(ack->acknowledged_by, subject, "acknowledged_by"));
            SB_TRY(domain::validateAlertAcknowledgement(*ack));
            auto stored = live(uow, EntityType::Feedback, ack->feedback_id);
            if (!stored)
                return stored.error();
            if (!*stored) {
                return makeError(ErrorCode::NotFound, "the feedback is not known", "feedback_id");
            }
            auto feedback = domain::fromJson<domain::Feedback>((*stored)->bodyJson);
            if (!feedback)
                return feedback.error();
            if (feedback->appointment_id != ack->appointment_id) {
                return invalid("appointment_id is not the feedback's appointment",
                               "appointment_id");
            }
            if (!feedback->alert_officer) {
                return invalid("the feedback carries no alert to acknowledge", "feedback_id");
            }
            return okStatus();
        }
        default:
            return makeError(ErrorCode::PermissionDenied,
                             "records of this type are maintained by the server", "entity_type");
    }
}

Status authorise(UnitOfWork& uow, EntityType type, OpKind kind, std::string_view entityId,
                 const std::optional<EntityRecord>& stored, const std::string& payload,
                 const OperationSubject& subject) {
    // Kept records are refused a change whoever asks and wherever they are.
    if (kind != OpKind::Create) {
        if (auto why = immutableReason(type, kind))
            return immutable(why);
    }
    if (subject.role == Role::Manager)
        return denied("managers have read-only access");
    if (!isClientWritable(type))
        return denied("records of this type are maintained by the server");
    // An outcome is keyed by its appointment: where it is now is where it will be.
    if (type == EntityType::AppointmentOutcome)
        return authoriseOutcome(uow, kind, entityId, payload, subject);

    if (stored) {
        SB_TRY(authoriseAt(uow, type, stored->bodyJson, subject, Side::Stored));
    } else if (kind == OpKind::Delete) {
        return makeError(ErrorCode::NotFound, "the record to delete does not exist", "entity_id");
    }
    if (kind != OpKind::Delete &&
        (!stored || scopeKey(type, stored->bodyJson) != scopeKey(type, payload))) {
        SB_TRY(authoriseAt(uow, type, payload, subject, Side::Proposed));
    }
    // A CREATE on the id of a kept record only repeats it; it never replaces it.
    if (stored && kind == OpKind::Create && immutableReason(type, OpKind::Update))
        return requireSameRecord(type, *stored, payload);
    return okStatus();
}

}  // namespace sitebook::server
