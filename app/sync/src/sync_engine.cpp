#include "sitebook/sync/sync_engine.h"

#include <nlohmann/json.hpp>
#include <set>
#include <system_error>
#include <utility>

#include "sitebook/common/log.h"

namespace sitebook::sync {

namespace {

constexpr std::string_view kComponent = "sync";
constexpr std::string_view kRefreshTokenKey = "refresh_token";
constexpr std::string_view kAccessTokenKey = "access_token";
constexpr std::string_view kAccessExpiresKey = "access_expires_at_ms";
constexpr std::string_view kLastSuccessKey = "last_success_at_ms";
constexpr std::string_view kCheckpointKey = "checkpoint";

std::string serverTypeOf(const store::OutboxEntry& e) {
    if (e.entityType == store::EntityType::Appointment && e.op == "record_outcome") {
        return "appointment_outcome";
    }
    return std::string(store::entityTypeName(e.entityType));
}

// The protocol operation for one outbox entry. An outcome is recorded locally as the whole
// appointment; it travels as the outcome object alone, keyed by the appointment id.
Result<UploadOperation> operationOf(const store::OutboxEntry& e) {
    UploadOperation op;
    op.opId = e.opId;
    op.entityType = serverTypeOf(e);
    op.entityId = e.entityId;
    op.kind = e.baseVersion > 0 ? OpKind::Update : OpKind::Create;
    op.hlc = e.hlc;
    op.deviceTimeMs = e.deviceTime;
    op.baseVersion = e.baseVersion;
    if (op.entityType == "appointment_outcome") {
        auto j = nlohmann::json::parse(e.payload, nullptr, false);
        if (!j.is_object() || !j.contains("outcome") || !j["outcome"].is_object()) {
            return makeError(ErrorCode::Corrupt,
                             "queued outcome " + e.opId + " has no outcome to send");
        }
        op.payload = j["outcome"].dump();
    } else {
        op.payload = e.payload;
    }
    return op;
}

std::optional<std::int64_t> parseInt(const std::optional<std::string>& text) {
    if (!text || text->empty())
        return std::nullopt;
    try {
        return std::stoll(*text);
    } catch (...) {
        return std::nullopt;
    }
}

bool isWipe(const Error& e) {
    return e.field == kWipeField;
}

}  // namespace

std::string_view syncPhaseName(SyncPhase phase) {
    switch (phase) {
        case SyncPhase::Idle:
            return "idle";
        case SyncPhase::Uploading:
            return "uploading";
        case SyncPhase::Downloading:
            return "downloading";
    }
    return "idle";
}

bool isTransient(const Error& error) {
    switch (error.code) {
        case ErrorCode::Unavailable:
        case ErrorCode::DeadlineExceeded:
        case ErrorCode::ResourceExhausted:
        case ErrorCode::Internal:
        case ErrorCode::Conflict:
            return true;
        default:
            return false;
    }
}

Status wipeDeviceFiles(const std::filesystem::path& databasePath,
                       const std::function<Status()>& wipeVault) {
    // Keys first: once they are gone the files are unreadable even if a deletion fails.
    Status vault = wipeVault ? wipeVault() : okStatus();
    std::error_code ec;
    bool failed = false;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::path p = databasePath;
        p += suffix;
        std::filesystem::remove(p, ec);
        if (ec)
            failed = true;
    }
    if (!vault.ok())
        return vault;
    if (failed) {
        return makeError(ErrorCode::Io, "some Sitebook database files could not be deleted from " +
                                            databasePath.parent_path().string());
    }
    return okStatus();
}

SyncEngine::SyncEngine(store::LocalStore& store, SyncTransport& transport, const Clock& clock,
                       RandomSource& random, WipeHandler onWipe, SyncOptions options)
    : store_(store),
      transport_(transport),
      clock_(clock),
      onWipe_(std::move(onWipe)),
      options_(options),
      backoff_(clock, random, options.backoff) {
    auto last = store_.syncValue(kLastSuccessKey);
    if (last.ok())
        state_.lastSuccessAt = parseInt(*last);
    auto refresh = store_.syncValue(kRefreshTokenKey);
    state_.signedIn = refresh.ok() && refresh->has_value();
    (void)refreshCounts();
}

SyncState SyncEngine::state() const {
    std::lock_guard lock(mutex_);
    return state_;
}

void SyncEngine::setStateListener(std::function<void(const SyncState&)> listener) {
    std::lock_guard lock(mutex_);
    listener_ = std::move(listener);
}

template <typename F>
void SyncEngine::update(F&& f) {
    std::function<void(const SyncState&)> listener;
    SyncState copy;
    {
        std::lock_guard lock(mutex_);
        f(state_);
        listener = listener_;
        copy = state_;
    }
    if (listener)
        listener(copy);
}

Status SyncEngine::refreshCounts() {
    auto pending = store_.outboxCount("pending");
    SB_TRY(pending);
    auto rejected = store_.outboxCount("rejected");
    SB_TRY(rejected);
    auto conflicts = store_.conflictCount();
    SB_TRY(conflicts);
    auto oldest = store_.oldestPendingAt();
    SB_TRY(oldest);
    const UnixMillis now = clock_.nowMillis();
    const auto offset = store_.clockOffset();
    update([&](SyncState& s) {
        s.pending = *pending;
        s.needsAttention = *rejected;
        s.conflicts = *conflicts;
        s.oldestPendingAgeMs = *oldest ? std::optional<std::int64_t>(now - **oldest) : std::nullopt;
        s.clockOffsetMs = offset;
        s.clockSkewed =
            offset && (*offset > store::kClockSkewLimitMs || *offset < -store::kClockSkewLimitMs);
    });
    return okStatus();
}

void SyncEngine::measureClock(UnixMillis sentAt, UnixMillis serverTime) {
    if (serverTime <= 0)
        return;
    const UnixMillis receivedAt = clock_.nowMillis();
    const std::int64_t offset = (sentAt + receivedAt) / 2 - serverTime;
    store_.observeServerTime(serverTime);
    const auto previous = store_.clockOffset();
    // Small jitter (network latency) is not worth a write.
    if (!previous || *previous - offset > 1000 || offset - *previous > 1000) {
        if (auto s = store_.setClockOffset(offset); !s.ok()) {
            log::warning(kComponent, "could not store the clock offset: " + s.error().message);
        }
        if (offset > store::kClockSkewLimitMs || offset < -store::kClockSkewLimitMs) {
            log::warning(kComponent, "the device clock is " + std::to_string(offset / 1000) +
                                         " s off the server's; changes are flagged");
        }
    }
    update([&](SyncState& s) {
        s.online = true;
        s.clockOffsetMs = offset;
        s.clockSkewed = offset > store::kClockSkewLimitMs || offset < -store::kClockSkewLimitMs;
    });
}

Status SyncEngine::adoptCredentials(const Credentials& c) {
    SB_TRY(store_.setSyncValue(kRefreshTokenKey, c.refreshToken));
    SB_TRY(store_.setSyncValue(kAccessTokenKey, c.accessToken));
    SB_TRY(store_.setSyncValue(kAccessExpiresKey, std::to_string(c.accessExpiresAtMs)));
    accessToken_ = c.accessToken;
    accessExpiresAt_ = c.accessExpiresAtMs;
    update([](SyncState& s) { s.signedIn = true; });
    return okStatus();
}

Status SyncEngine::signOut() {
    SB_TRY(store_.clearSyncValue(kRefreshTokenKey));
    SB_TRY(store_.clearSyncValue(kAccessTokenKey));
    SB_TRY(store_.clearSyncValue(kAccessExpiresKey));
    accessToken_.clear();
    accessExpiresAt_ = 0;
    update([](SyncState& s) { s.signedIn = false; });
    return okStatus();
}

Status SyncEngine::signOutOfServer() {
    auto refresh = store_.syncValue(kRefreshTokenKey);
    SB_TRY(refresh);
    Status told = okStatus();
    if (*refresh && !(*refresh)->empty())
        told = transport_.signOut(**refresh, store_.context().deviceId);
    SB_TRY(signOut());
    return told;
}

Result<Credentials> SyncEngine::signIn(const std::string& username, const std::string& password,
                                       const std::string& deviceName) {
    const UnixMillis sentAt = clock_.nowMillis();
    auto creds = transport_.login({username, password, store_.context().deviceId, deviceName});
    if (!creds.ok()) {
        fail(creds.error());
        return creds.error();
    }
    measureClock(sentAt, creds->serverTimeMs);
    if (creds->userId != store_.context().userId) {
        return makeError(ErrorCode::PermissionDenied,
                         "this device's data belongs to another user; it must be wiped before " +
                             username + " can sign in here");
    }
    SB_TRY(adoptCredentials(*creds));
    return creds;
}

Result<std::string> SyncEngine::accessToken(bool forceRefresh) {
    if (accessToken_.empty()) {
        auto token = store_.syncValue(kAccessTokenKey);
        SB_TRY(token);
        auto expires = store_.syncValue(kAccessExpiresKey);
        SB_TRY(expires);
        accessToken_ = token->value_or("");
        accessExpiresAt_ = parseInt(*expires).value_or(0);
    }
    const UnixMillis serverNow = clock_.nowMillis() - store_.clockOffset().value_or(0);
    if (!forceRefresh && !accessToken_.empty() &&
        accessExpiresAt_ - options_.tokenRefreshMarginMs > serverNow) {
        return accessToken_;
    }
    auto refresh = store_.syncValue(kRefreshTokenKey);
    SB_TRY(refresh);
    if (!*refresh || (*refresh)->empty()) {
        update([](SyncState& s) { s.signedIn = false; });
        return makeError(ErrorCode::Unauthenticated, "sign in to sync (no saved sign-in)");
    }
    const UnixMillis sentAt = clock_.nowMillis();
    auto creds = transport_.refresh(**refresh, store_.context().deviceId);
    if (!creds.ok()) {
        if (creds.code() == ErrorCode::Unauthenticated) {
            // The refresh token is dead (expired, revoked or rotated): a password is needed.
            (void)signOut();
            return makeError(ErrorCode::Unauthenticated,
                             "your sign-in has expired; sign in again to sync (changes are kept "
                             "on this device)");
        }
        return creds.error();
    }
    measureClock(sentAt, creds->serverTimeMs);
    SB_TRY(adoptCredentials(*creds));
    return accessToken_;
}

template <typename Call>
auto SyncEngine::withToken(Call&& call) -> decltype(call(std::string())) {
    auto token = accessToken();
    if (!token.ok())
        return token.error();
    auto result = call(*token);
    if (result.code() == ErrorCode::Unauthenticated) {
        token = accessToken(true);
        if (!token.ok())
            return token.error();
        result = call(*token);
    }
    return result;
}

Status SyncEngine::uploadInto(SyncReport& report) {
    if (auto offset = store_.clockOffset())
        SB_TRY(store_.fillClockOffset(*offset));
    std::int64_t afterSeq = 0;
    for (;;) {
        auto entries = store_.outboxAfter("pending", afterSeq, options_.uploadBatchSize);
        SB_TRY(entries);
        if (entries->empty())
            break;
        // At most one change per record per batch: a later change is based on the version
        // the earlier one produces, which is known only from its result.
        std::set<std::pair<std::string, std::string>> records;
        std::vector<UploadOperation> ops;
        std::vector<const store::OutboxEntry*> sent;
        for (const store::OutboxEntry& e : *entries) {
            if (!records.insert({serverTypeOf(e), e.entityId}).second)
                break;
            auto op = operationOf(e);
            SB_TRY(op);
            ops.push_back(std::move(op).value());
            sent.push_back(&e);
        }
        const UnixMillis sentAt = clock_.nowMillis();
        auto response = withToken(
            [&](const std::string& token) { return transport_.upload(token, sentAt, ops); });
        SB_TRY(response);
        measureClock(sentAt, response->serverTimeMs);
        if (response->results.size() != ops.size()) {
            return makeError(ErrorCode::Internal,
                             "the server answered " + std::to_string(response->results.size()) +
                                 " results for " + std::to_string(ops.size()) + " changes");
        }
        for (std::size_t i = 0; i < ops.size(); ++i) {
            if (response->results[i].opId != ops[i].opId) {
                return makeError(ErrorCode::Internal, "the server's results are out of order");
            }
        }
        // The whole response is recorded in one local transaction: one commit per batch, not
        // per change. If recording fails nothing is marked, and the batch is sent again (the
        // server answers replays from its operation log).
        SyncReport counted;
        const Status recorded = store_.atomically([&]() -> Status {
            counted = SyncReport{};
            for (std::size_t i = 0; i < ops.size(); ++i) {
                const UploadOperationResult& r = response->results[i];
                if (r.replayed)
                    ++counted.replayed;
                switch (r.result) {
                    case OpResult::Accepted:
                        SB_TRY(store_.markSent(r.opId));
                        SB_TRY(store_.rebasePending(r.opId, r.version));
                        ++counted.accepted;
                        break;
                    case OpResult::AcceptedWithConflict:
                        SB_TRY(store_.markSent(
                            r.opId, true,
                            r.message.empty()
                                ? "another change to this record was made at the same time; the "
                                  "responsible officer will see both"
                                : r.message));
                        SB_TRY(store_.rebasePending(r.opId, r.version));
                        ++counted.conflicts;
                        break;
                    case OpResult::Rejected: {
                        std::string message =
                            r.message.empty() ? "the server refused this change" : r.message;
                        if (!r.field.empty() && message.rfind(r.field, 0) != 0) {
                            message = r.field + ": " + message;
                        }
                        SB_TRY(store_.markRejected(
                            r.opId, r.reasonCode.empty() ? "rejected" : r.reasonCode, message));
                        ++counted.rejected;
                        break;
                    }
                    case OpResult::RetryLater:
                        ++counted.retryLater;
                        break;
                }
            }
            return okStatus();
        });
        SB_TRY(recorded);
        report.accepted += counted.accepted;
        report.conflicts += counted.conflicts;
        report.rejected += counted.rejected;
        report.retryLater += counted.retryLater;
        report.replayed += counted.replayed;
        afterSeq = sent.back()->seq;
        const std::int64_t done = report.accepted + report.conflicts;
        update([&](SyncState& s) { s.uploadedThisRun = done; });
    }
    return okStatus();
}

Status SyncEngine::downloadInto(SyncReport& report) {
    auto checkpoint = store_.syncCheckpoint();
    SB_TRY(checkpoint);
    auto repair = store_.partitionsToRepair();
    SB_TRY(repair);
    DownloadRequest request{*checkpoint, *repair, options_.downloadPageSize};
    if (!repair->empty())
        report.repairedPartitions = *repair;
    bool checkpointReset = false;
    bool repairPassDone = !repair->empty();
    for (int round = 0; round < options_.maxDownloadRounds; ++round) {
        bool complete = false;
        auto handler = [&](const DownloadMessage& message) -> Status {
            if (message.wipe) {
                wipeRequested_ = true;
                wipeReason_ = message.wipeReason;
                return makeError(ErrorCode::PermissionDenied, "this device must be wiped",
                                 std::string(kWipeField));
            }
            auto applied = store_.applyRemoteBatch(message.batch);
            SB_TRY(applied);
            const UnixMillis now = clock_.nowMillis();
            measureClock(now, message.serverTimeMs);
            ++report.messages;
            report.recordsDownloaded += static_cast<std::int64_t>(message.batch.changes.size());
            report.keptLocal += applied->keptLocal;
            report.purgedRecords += applied->purgedRecords;
            if (message.complete)
                complete = true;
            const std::int64_t down = report.recordsDownloaded;
            update([&](SyncState& s) { s.downloadedThisRun = down; });
            return okStatus();
        };
        Status status = withToken(
            [&](const std::string& token) { return transport_.download(token, request, handler); });
        if (wipeRequested_)
            return okStatus();
        if (!status.ok()) {
            if (status.code() == ErrorCode::InvalidArgument &&
                status.error().field == "checkpoint" && !checkpointReset) {
                // The server cannot read our checkpoint (e.g. after a server migration):
                // start again from nothing; records are replaced, never duplicated.
                log::warning(kComponent,
                             "the server did not accept the sync checkpoint; "
                             "downloading everything again");
                SB_TRY(store_.setSyncValue(kCheckpointKey, ""));
                checkpointReset = true;
                request.checkpoint.clear();
                request.repairPartitions.clear();
                continue;
            }
            return status;
        }
        auto next = store_.syncCheckpoint();
        SB_TRY(next);
        request.checkpoint = *next;
        request.repairPartitions.clear();
        if (complete) {
            auto diverged = store_.partitionsToRepair();
            SB_TRY(diverged);
            if (diverged->empty() || repairPassDone) {
                report.complete = true;
                return okStatus();
            }
            // One repair pass: only the partitions that differ are sent again.
            repairPassDone = true;
            request.repairPartitions = *diverged;
            report.repairedPartitions = *diverged;
        }
    }
    return okStatus();  // the server keeps ending early; the next sync continues from here
}

void SyncEngine::fail(const Error& error) {
    if (isWipe(error)) {
        wipeRequested_ = true;
        if (wipeReason_.empty())
            wipeReason_ = error.message;
        return;
    }
    std::optional<UnixMillis> retryAt;
    if (isTransient(error))
        retryAt = backoff_.failed();
    const bool offline =
        error.code == ErrorCode::Unavailable || error.code == ErrorCode::DeadlineExceeded;
    const int failures = backoff_.failures();
    update([&](SyncState& s) {
        s.lastError = error;
        s.phase = SyncPhase::Idle;
        if (offline)
            s.online = false;
        s.consecutiveFailures = failures;
        s.nextRetryAt = retryAt;
    });
    log::info(kComponent, "sync failed: " + error.toString());
}

Result<SyncReport> SyncEngine::run(bool doUpload, bool doDownload) {
    SyncReport report;
    update([](SyncState& s) {
        s.uploadedThisRun = 0;
        s.downloadedThisRun = 0;
    });
    Status status = okStatus();
    if (doUpload) {
        update([](SyncState& s) { s.phase = SyncPhase::Uploading; });
        status = uploadInto(report);
    }
    if (status.ok() && doDownload && !wipeRequested_) {
        update([](SyncState& s) { s.phase = SyncPhase::Downloading; });
        status = downloadInto(report);
    }
    if (!status.ok())
        fail(status.error());
    if (wipeRequested_) {
        log::warning(kComponent, "the server told this device to delete its Sitebook data");
        SB_TRY(store_.eraseAllData());
        report.wiped = true;
        report.wipeReason = wipeReason_;
        update([](SyncState& s) {
            s = SyncState{};
            s.wiped = true;
        });
        if (onWipe_)
            onWipe_(wipeReason_);
        return report;
    }
    if (!status.ok()) {
        (void)refreshCounts();
        return status.error();
    }
    backoff_.succeeded();
    const UnixMillis now = clock_.nowMillis();
    if (doDownload && report.complete) {
        SB_TRY(store_.setSyncValue(kLastSuccessKey, std::to_string(now)));
    }
    update([&](SyncState& s) {
        s.phase = SyncPhase::Idle;
        s.lastError.reset();
        s.consecutiveFailures = 0;
        s.nextRetryAt.reset();
        if (doDownload && report.complete)
            s.lastSuccessAt = now;
    });
    SB_TRY(refreshCounts());
    return report;
}

Result<std::vector<PolicySetting>> SyncEngine::policyValues() {
    return withToken([this](const std::string& token) { return transport_.policyValues(token); });
}

Result<SyncReport> SyncEngine::sync() {
    return run(true, true);
}
Result<SyncReport> SyncEngine::upload() {
    return run(true, false);
}
Result<SyncReport> SyncEngine::download() {
    return run(false, true);
}

}  // namespace sitebook::sync
