#include "sitebook/server/sync/upload_processor.h"

#include <sodium.h>

#include "sitebook/common/log.h"
#include "sitebook/common/secret.h"
#include "sitebook/server/sync/entity_writer.h"
#include "sync/operation_rules.h"

namespace sitebook::server {

namespace {

OperationResultValue rejected(const std::string& opId, const Error& error) {
    OperationResultValue r;
    r.opId = opId;
    r.field = error.field;
    r.message = error.message;
    switch (error.code) {
        case ErrorCode::InvalidArgument:
            r.reasonCode = "invalid_argument";
            break;
        case ErrorCode::NotFound:
            r.reasonCode = "not_found";
            break;
        case ErrorCode::PermissionDenied:
            r.reasonCode = "permission_denied";
            break;
        case ErrorCode::Conflict:
            r.reasonCode = "immutable";
            break;
        default:
            log::warning("upload", "operation not applied: " + error.toString());
            r.result = OpResultKind::RetryLater;
            r.reasonCode = "unavailable";
            r.message = "the server could not apply this change now; it will be sent again";
            r.field.clear();
            return r;
    }
    r.result = OpResultKind::Rejected;
    return r;
}

OpResultKind fromOutcome(OpOutcome outcome) {
    return outcome == OpOutcome::AcceptedWithConflict ? OpResultKind::AcceptedWithConflict
                                                      : OpResultKind::Accepted;
}

}  // namespace

std::string UploadProcessor::bodyHash(const IncomingOperation& op) {
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    auto feed = [&](std::string_view part) {
        // Length-prefixed, so field boundaries cannot shift.
        const std::string len = std::to_string(part.size()) + ":";
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(len.data()),
                                  len.size());
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(part.data()),
                                  part.size());
    };
    feed(entityTypeName(op.type));
    feed(op.entityId);
    feed(opKindName(op.kind));
    feed(op.payload);
    feed(op.hlc);
    feed(std::to_string(op.deviceTimeMillis));
    feed(std::to_string(op.baseVersion));
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    return toHex(digest);
}

std::vector<OperationResultValue> UploadProcessor::applyBatch(
    const Caller& caller, const std::vector<IncomingOperation>& ops, std::int64_t clockSkewMillis,
    const std::function<bool()>& cancelled) {
    std::vector<OperationResultValue> results;
    results.reserve(ops.size());
    auto retryAll = [&](const Error& error) {
        results.clear();
        for (const auto& op : ops)
            results.push_back(rejected(op.opId, makeError(ErrorCode::Unavailable, error.message)));
        return results;
    };
    // The batch is one unit of work; runWriteUnit runs it again when the database gave up on it
    // (a deadlock or serialization failure between concurrent batches) before it committed.
    bool queuedAny = false;
    Status done = runWriteUnit(store_, [&](UnitOfWork& uow) -> Status {
        results.clear();
        std::vector<AcceptedOperation> accepted;
        // Asking gRPC whether the call was cancelled takes a lock: every few operations is enough.
        constexpr std::size_t kCancelCheckEvery = 16;
        bool stop = false;
        for (std::size_t i = 0; i < ops.size(); ++i) {
            const IncomingOperation& op = ops[i];
            if (!stop && cancelled && i % kCancelCheckEvery == 0)
                stop = cancelled();
            if (stop) {
                OperationResultValue r;
                r.opId = op.opId;
                r.result = OpResultKind::RetryLater;
                r.reasonCode = "unavailable";
                r.message = "the request ended before this change was applied";
                results.push_back(std::move(r));
                continue;
            }
            SB_TRY(uow.savepoint());
            OperationResultValue r = applyIn(uow, caller, op, clockSkewMillis, accepted);
            const bool keep = r.result == OpResultKind::Accepted ||
                              r.result == OpResultKind::AcceptedWithConflict;
            SB_TRY(keep ? uow.releaseSavepoint() : uow.rollbackToSavepoint());
            results.push_back(std::move(r));
        }
        // The people whose derived records (progress, RO items) are now owed a recomputation
        // are queued in the same transaction; ReconcileQueue recomputes them after the commit.
        auto people = reconciler_.affectedPeople(uow, accepted);
        if (!people)
            return people.error();
        for (const auto& personId : *people)
            SB_TRY(uow.queueReconcile(personId, clock_.nowMillis()));
        queuedAny = !people->empty();
        return okStatus();
    });
    if (!done)
        return retryAll(done.error());
    if (queuedAny && onPeopleQueued_)
        onPeopleQueued_();
    return results;
}

OperationResultValue UploadProcessor::applyIn(UnitOfWork& uow, const Caller& caller,
                                              const IncomingOperation& op,
                                              std::int64_t clockSkewMillis,
                                              std::vector<AcceptedOperation>& acceptedOut) {
    const std::string hash = bodyHash(op);
    const std::string typeName(entityTypeName(op.type));

    auto previous = uow.findOperation(op.opId);
    if (!previous)
        return rejected(op.opId, previous.error());
    if (*previous) {
        const OperationRecord& stored = **previous;
        if (stored.bodyHash != hash || stored.userId != caller.user.id) {
            OperationResultValue r;
            r.opId = op.opId;
            r.result = OpResultKind::Rejected;
            r.reasonCode = "op_id_reused";
            r.field = "op_id";
            r.message = "this operation id was already used for a different change";
            return r;
        }
        OperationResultValue r;
        r.opId = op.opId;
        r.result = fromOutcome(stored.outcome);
        r.version = stored.resultVersion;
        r.replayed = true;
        return r;
    }

    // The record as stored, read once: authorisation judges it where it is now, and the
    // conflict rules below compare with it.
    auto current = uow.findEntity(typeName, op.entityId);
    if (!current)
        return rejected(op.opId, current.error());
    const OperationSubject subject{caller.user.id, caller.user.role, clock_.nowMillis()};
    if (auto s = authorise(uow, op.type, op.kind, op.entityId, *current, op.payload, subject); !s) {
        return rejected(op.opId, s.error());
    }
    if (auto s = validatePayload(uow, op.type, op.kind, op.entityId, op.payload, subject); !s) {
        return rejected(op.opId, s.error());
    }

    const bool exists = *current && !(*current)->deleted;
    bool conflict = false;
    switch (op.kind) {
        case OpKind::Create:
            conflict = exists && (*current)->bodyJson != op.payload;
            break;
        case OpKind::Update:
            if (!exists) {
                return rejected(
                    op.opId, makeError(ErrorCode::NotFound, "the record to update does not exist",
                                       "entity_id"));
            }
            conflict = op.baseVersion != (*current)->version;
            break;
        case OpKind::Delete:
            conflict = exists && op.baseVersion != 0 && op.baseVersion != (*current)->version;
            break;
    }
    // Deterministic winner of a race: the later hybrid logical clock, then the larger op_id.
    const bool wins = !conflict || std::make_pair(op.hlc, op.opId) >
                                       std::make_pair((*current)->hlc, (*current)->lastOpId);

    const UnixMillis now = clock_.nowMillis();
    const WriteContext context{now, op.hlc, op.opId};
    WriteOutcome outcome;
    if (wins) {
        auto written =
            op.kind == OpKind::Delete
                ? EntityWriter::remove(uow, op.type, op.entityId, context, &*current)
                : EntityWriter::put(uow, op.type, op.entityId, op.payload, context, &*current);
        if (!written)
            return rejected(op.opId, written.error());
        outcome = std::move(*written);
    } else {
        outcome.before = *current;
        outcome.after = **current;
    }

    AuditEntry audit;
    audit.userId = caller.user.id;
    audit.deviceId = caller.device.id;
    audit.opId = op.opId;
    audit.action = std::string(opKindName(op.kind)) + (conflict ? "_conflict" : "");
    audit.entityType = typeName;
    audit.entityId = op.entityId;
    audit.deviceTimeMillis = op.deviceTimeMillis;
    audit.serverTimeMillis = now;
    audit.clockSkewMillis = clockSkewMillis;
    if (outcome.before && !outcome.before->deleted)
        audit.before = outcome.before->bodyJson;
    if (!outcome.after.deleted && !outcome.after.id.empty())
        audit.after = outcome.after.bodyJson;
    if (auto s = uow.appendAudit(audit); !s)
        return rejected(op.opId, s.error());

    OperationRecord record;
    record.opId = op.opId;
    record.bodyHash = hash;
    record.userId = caller.user.id;
    record.deviceId = caller.device.id;
    record.entityType = typeName;
    record.entityId = op.entityId;
    record.kind = std::string(opKindName(op.kind));
    record.payload = op.payload;
    record.hlc = op.hlc;
    record.outcome = conflict ? OpOutcome::AcceptedWithConflict : OpOutcome::Accepted;
    record.resultVersion = outcome.after.version;
    record.deviceTimeMillis = op.deviceTimeMillis;
    record.serverTimeMillis = now;
    if (auto s = uow.insertOperation(record); !s)
        return rejected(op.opId, s.error());

    AcceptedOperation accepted;
    accepted.opId = op.opId;
    accepted.userId = caller.user.id;
    accepted.role = caller.user.role;
    accepted.deviceId = caller.device.id;
    accepted.entityType = typeName;
    accepted.entityId = op.entityId;
    accepted.kind = record.kind;
    accepted.payloadJson = op.payload;
    accepted.hlc = op.hlc;
    accepted.deviceTimeMillis = op.deviceTimeMillis;
    accepted.serverTimeMillis = now;
    accepted.clockSkewMillis = clockSkewMillis;
    accepted.conflict = conflict;
    accepted.applied = wins;
    accepted.before = outcome.before;
    accepted.after = outcome.after;
    acceptedOut.push_back(std::move(accepted));

    OperationResultValue r;
    r.opId = op.opId;
    r.result = fromOutcome(record.outcome);
    r.version = record.resultVersion;
    return r;
}

}  // namespace sitebook::server
