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

// Per-record authorisation from the role and the caller's scope in the store
// (docs/PROTOCOL.md, "Who may change a record"). The writer must be allowed to change the
// record where it is now (`stored`: the record as the store holds it, a deleted one included;
// nullopt if the id is new) and where it would be after (`payload`; nothing for DELETE).
// In order: UPDATE and DELETE of a case note, enforcement decision or alert acknowledgement
// are Conflict ("immutable") whoever asks; managers and server-maintained types are
// PermissionDenied; then the scope of the stored record and of the new one (PermissionDenied,
// or NotFound for a reference the new body names that is unknown); a CREATE on the id of a
// stored immutable record is Conflict unless it repeats that record.
Status authorise(UnitOfWork& uow, EntityType type, OpKind kind, std::string_view entityId,
                 const std::optional<EntityRecord>& stored, const std::string& payload,
                 const OperationSubject& subject);

}  // namespace sitebook::server
