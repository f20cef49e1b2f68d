#pragma once
// Record kinds as the server stores them. Names are stable lower-case text (the store and
// the audit log carry them); numbers equal sitebook.v1.EntityType on the wire.

#include <optional>
#include <string_view>

namespace sitebook::server {

enum class EntityType {
    Person = 1,
    PersonPlacement = 2,
    Order = 3,
    Project = 4,
    Session = 5,
    Appointment = 6,
    AppointmentOutcome = 7,
    WorkUndertaken = 8,
    SkillObservation = 9,
    Feedback = 10,
    CaseNote = 11,
    EnforcementDecision = 12,
    RoItem = 13,
    Progress = 14,
    AlertAcknowledgement = 15,
};

enum class OpKind { Create = 1, Update = 2, Delete = 3 };

std::string_view entityTypeName(EntityType type);  // e.g. "appointment_outcome"
std::optional<EntityType> parseEntityType(std::string_view name);
std::optional<EntityType> entityTypeFromWire(int value);  // nullopt for unknown values
bool isClientWritable(EntityType type);

std::string_view opKindName(OpKind kind);  // "create" | "update" | "delete"
std::optional<OpKind> opKindFromWire(int value);

}  // namespace sitebook::server
