#pragma once
// Domain rules for one client operation, in one place: payload shape and business rules
// (Sitebook::Domain), identity fields that must name the caller, and role/scope
// authorisation per record.

#include <optional>
#include <string>
#include <string_view>

#include "sitebook/common/result.h"
#include "sitebook/server/auth/role.h"
#include "sitebook/server/store/store.h"
#include "sitebook/server/sync/entity_types.h"

namespace sitebook::server {

struct OperationSubject {
    std::string userId;
    Role role = Role::Supervisor;
    // The server's time when the change arrived: outcomes are judged at the earlier of this and
    // their recorded_at (domain::validateOutcomeTiming).
    UnixMillis serverNow = 0;
};

// InvalidArgument (field = payload field), NotFound (a referenced record is unknown),
// PermissionDenied (the role may not do this), Conflict for an operation kind the record
// does not allow (reported as "immutable").
Status validatePayload(UnitOfWork& uow, EntityType type, OpKind kind, std::string_view entityId,
                       const std::string& payload, const OperationSubject& subject);

// Per-record authorisation from the role and the caller's scope in the store.
Status authorise(UnitOfWork& uow, EntityType type, OpKind kind, std::string_view entityId,
                 const std::string& payload, const OperationSubject& subject);

}  // namespace sitebook::server
