#pragma once
// The hook through which the reconciliation engine (Sitebook::Reconcile) sees accepted
// operations. An upload batch asks it, inside the batch's transaction, which people the
// accepted operations affect, and queues them (UnitOfWork::queueReconcile) in that same
// transaction; ReconcileQueue recomputes each queued person after the commit, once however
// many batches touched them, and before an officer's download that covers them. So derived
// records (progress, RO items) never hold up or fail a device's upload, a crash loses no
// recomputation, and an officer never downloads a person whose recomputation is owed.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/common/result.h"
#include "sitebook/server/auth/role.h"
#include "sitebook/server/store/store.h"

namespace sitebook::server {

struct AcceptedOperation {
    std::string opId;
    std::string userId;
    Role role = Role::Supervisor;
    std::string deviceId;
    std::string entityType;  // e.g. "appointment_outcome"
    std::string entityId;
    std::string kind;         // "create" | "update" | "delete"
    std::string payloadJson;  // as sent by the device
    std::string hlc;
    UnixMillis deviceTimeMillis = 0;
    UnixMillis serverTimeMillis = 0;
    std::int64_t clockSkewMillis = 0;
    // True if the operation raced another change to the same record.
    bool conflict = false;
    // True if this operation's body is now the record's state (false: it lost a conflict
    // and is kept only in the operation log).
    bool applied = true;
    std::optional<EntityRecord> before;  // state before the operation
    EntityRecord after;                  // state after the operation
};

// What a recomputation over many people did.
struct ReconcileRun {
    std::int64_t people = 0;          // people recomputed
    std::int64_t recordsWritten = 0;  // derived records created, changed or removed
    std::int64_t failures = 0;        // people skipped because their records did not hang together
};

class Reconciler {
public:
    virtual ~Reconciler() = default;
    // The people whose derived records `ops` (accepted by one upload batch, in order) can
    // change, each once. Called on the thread handling the upload, inside its transaction;
    // must not begin another transaction.
    virtual Result<std::vector<std::string>> affectedPeople(
        UnitOfWork& uow, const std::vector<AcceptedOperation>& ops) = 0;
    // Recomputes the derived records of the given people inside `uow` (imports, demo data,
    // server-side edits). Returns how many derived records changed.
    virtual Result<std::int64_t> reconcilePeople(UnitOfWork& uow,
                                                 const std::vector<std::string>& personIds) = 0;
    // Recomputes every person as of today, one transaction per person, so time-based items
    // (overdue outcomes, reviews due) appear without any upload. Safe to run at any time and
    // from several server processes: writing the same derived record twice changes nothing.
    virtual Result<ReconcileRun> reconcileAll(Store& store) = 0;
};

// Does nothing: for tests of the transport that must see no derived records.
class NoopReconciler final : public Reconciler {
public:
    Result<std::vector<std::string>> affectedPeople(
        UnitOfWork&, const std::vector<AcceptedOperation>&) override {
        return std::vector<std::string>{};
    }
    Result<std::int64_t> reconcilePeople(UnitOfWork&, const std::vector<std::string>&) override {
        return std::int64_t{0};
    }
    Result<ReconcileRun> reconcileAll(Store&) override { return ReconcileRun{}; }
};

// Makes the reconciler the server and the commands use; main.cpp chooses it.
using ReconcilerFactory = std::function<std::unique_ptr<Reconciler>(const Clock& clock)>;

}  // namespace sitebook::server
