#pragma once

#include <functional>
#include <vector>
// Applies client operations, one transaction each, independent of the transport.
// Properties (docs/PROTOCOL.md, "Upload"):
// - idempotent by op_id: the same op_id and body returns the stored result and writes
//   nothing; the same op_id with another body is rejected with "op_id_reused";
// - a rejected operation writes nothing and does not affect the others;
// - an accepted operation, its partition entries, its audit entry, its operation record and
//   the queue entries of the people it affects (Reconciler::affectedPeople) commit together.

#include <cstdint>
#include <string>

#include "sitebook/common/clock.h"
#include "sitebook/server/derived/reconciler.h"
#include "sitebook/server/store/store.h"
#include "sitebook/server/sync/entity_types.h"

namespace sitebook::server {

struct IncomingOperation {
    std::string opId;
    EntityType type = EntityType::AppointmentOutcome;
    std::string entityId;
    OpKind kind = OpKind::Create;
    std::string payload;  // JSON object text; empty for deletes
    std::string hlc;
    UnixMillis deviceTimeMillis = 0;
    std::int64_t baseVersion = 0;
};

struct Caller {
    UserRecord user;
    DeviceRecord device;
};

enum class OpResultKind { Accepted, AcceptedWithConflict, Rejected, RetryLater };

struct OperationResultValue {
    std::string opId;
    OpResultKind result = OpResultKind::Rejected;
    std::string reasonCode;  // for Rejected / RetryLater
    std::string field;
    std::string message;
    std::int64_t version = 0;
    bool replayed = false;
};

// Thread-safe (each call uses its own unit of work).
class UploadProcessor {
public:
    // `onPeopleQueued` (optional) is called after a commit that queued people for
    // reconciliation (ReconcileQueue::notify).
    UploadProcessor(Store& store, Reconciler& reconciler, const Clock& clock,
                    std::function<void()> onPeopleQueued = {})
        : store_(store),
          reconciler_(reconciler),
          clock_(clock),
          onPeopleQueued_(std::move(onPeopleQueued)) {}

    // Applies a batch in one transaction, each operation inside its own savepoint: a rejected
    // operation is rolled back alone and the others go on, and the batch costs one durable
    // commit rather than one per operation. If the commit fails, nothing was applied and every
    // result that would have been accepted becomes RetryLater. `cancelled` is polled between
    // operations; once it returns true the rest are RetryLater. Results are in input order.
    std::vector<OperationResultValue> applyBatch(const Caller& caller,
                                                 const std::vector<IncomingOperation>& ops,
                                                 std::int64_t clockSkewMillis,
                                                 const std::function<bool()>& cancelled = {});

    // Hex SHA-256 over every field of the operation except op_id.
    static std::string bodyHash(const IncomingOperation& op);

private:
    // Applies one operation inside `uow` (no commit). Anything other than an acceptance must
    // be rolled back by the caller.
    // Accepted operations are appended to `acceptedOut` for the batch's reconciliation.
    OperationResultValue applyIn(UnitOfWork& uow, const Caller& caller, const IncomingOperation& op,
                                 std::int64_t clockSkewMillis,
                                 std::vector<AcceptedOperation>& acceptedOut);

    Store& store_;
    Reconciler& reconciler_;
    const Clock& clock_;
    std::function<void()> onPeopleQueued_;
};

}  // namespace sitebook::server
