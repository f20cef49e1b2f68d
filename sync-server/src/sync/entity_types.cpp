#include "sitebook/server/sync/entity_types.h"

#include <array>
#include <utility>

namespace sitebook::server {

namespace {
constexpr std::array<std::pair<EntityType, std::string_view>, 15> kNames{{
    {EntityType::Person, "person"},
    {EntityType::PersonPlacement, "person_placement"},
    {EntityType::Order, "order"},
    {EntityType::Project, "project"},
    {EntityType::Session, "session"},
    {EntityType::Appointment, "appointment"},
    {EntityType::AppointmentOutcome, "appointment_outcome"},
    {EntityType::WorkUndertaken, "work_undertaken"},
    {EntityType::SkillObservation, "skill_observation"},
    {EntityType::Feedback, "feedback"},
    {EntityType::CaseNote, "case_note"},
    {EntityType::EnforcementDecision, "enforcement_decision"},
    {EntityType::RoItem, "ro_item"},
    {EntityType::Progress, "progress"},
    {EntityType::AlertAcknowledgement, "alert_acknowledgement"},
}};
}  // namespace

std::string_view entityTypeName(EntityType type) {
    for (const auto& [t, name] : kNames) {
        if (t == type)
            return name;
    }
    return "unknown";
}

std::optional<EntityType> parseEntityType(std::string_view name) {
    for (const auto& [t, n] : kNames) {
        if (n == name)
            return t;
    }
    return std::nullopt;
}

std::optional<EntityType> entityTypeFromWire(int value) {
    for (const auto& [t, n] : kNames) {
        if (static_cast<int>(t) == value)
            return t;
    }
    return std::nullopt;
}

bool isClientWritable(EntityType type) {
    switch (type) {
        case EntityType::AppointmentOutcome:
        case EntityType::WorkUndertaken:
        case EntityType::SkillObservation:
        case EntityType::Feedback:
        case EntityType::CaseNote:
        case EntityType::EnforcementDecision:
        case EntityType::AlertAcknowledgement:
            return true;
        default:
            return false;
    }
}

std::string_view opKindName(OpKind kind) {
    switch (kind) {
        case OpKind::Create:
            return "create";
        case OpKind::Update:
            return "update";
        case OpKind::Delete:
            return "delete";
    }
    return "create";
}

std::optional<OpKind> opKindFromWire(int value) {
    if (value >= 1 && value <= 3)
        return static_cast<OpKind>(value);
    return std::nullopt;
}

}  // namespace sitebook::server
