#pragma once
// The sync engine's view of the server: the calls of docs/PROTOCOL.md with plain C++ values,
// so nothing above the sync layer sees a protobuf type. GrpcTransport (grpc_transport.h) is
// the production implementation; the engine takes any SyncTransport.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/common/result.h"
#include "sitebook/domain/codes.h"
#include "sitebook/store/local_store.h"

namespace sitebook::sync {

// A call-level error carrying the server's instruction to wipe the device has this field
// (PERMISSION_DENIED with trailer `sitebook-action: wipe`).
inline constexpr std::string_view kWipeField = "sitebook-action:wipe";

struct LoginRequest {
    std::string username;
    std::string password;  // never logged; dropped by the caller after the call
    std::string deviceId;
    std::string deviceName;
};

struct Credentials {
    std::string accessToken;
    UnixMillis accessExpiresAtMs = 0;  // server clock
    std::string refreshToken;
    UnixMillis refreshExpiresAtMs = 0;
    std::string userId;
    domain::Role role = domain::Role::Supervisor;
    std::string deviceId;
    std::string displayName;
    UnixMillis serverTimeMs = 0;
};

enum class OpKind { Create, Update, Delete };

struct UploadOperation {
    std::string opId;
    std::string entityType;  // protocol name, e.g. "appointment_outcome"
    std::string entityId;
    OpKind kind = OpKind::Create;
    std::string payload;  // JSON object; empty for Delete
    std::string hlc;
    UnixMillis deviceTimeMs = 0;
    std::int64_t baseVersion = 0;
};

enum class OpResult { Accepted, AcceptedWithConflict, Rejected, RetryLater };

struct UploadOperationResult {
    std::string opId;
    OpResult result = OpResult::RetryLater;
    std::string reasonCode;
    std::string field;
    std::string message;
    std::int64_t version = 0;
    bool replayed = false;
};

struct UploadResponse {
    std::vector<UploadOperationResult> results;  // same order as the request
    UnixMillis serverTimeMs = 0;
};

struct DownloadRequest {
    std::string checkpoint;
    std::vector<std::string> repairPartitions;
    std::uint32_t pageSize = 200;
};

struct DownloadMessage {
    store::RemoteBatch batch;
    bool complete = false;
    bool wipe = false;
    std::string wipeReason;
    UnixMillis serverTimeMs = 0;
};

// Thread-compatible: one call at a time per instance is enough for the engine; the gRPC
// implementation is in fact thread-safe.
// A policy value the server sends with its reference data (ReferenceService), e.g.
// {"max_offline_days", "14", "0001-01-01"}: in force from `effectiveFrom` (ISO date).
struct PolicySetting {
    std::string key;
    std::string value;
    std::string effectiveFrom;
};

class SyncTransport {
public:
    virtual ~SyncTransport() = default;

    virtual Result<Credentials> login(const LoginRequest& request) = 0;
    virtual Result<Credentials> refresh(const std::string& refreshToken,
                                        const std::string& deviceId) = 0;
    // Ends the device's sign-in on the server (AuthService.SignOut): its refresh tokens stop
    // working. A transport without it answers Unavailable, so the tokens are left to expire.
    virtual Status signOut(const std::string& refreshToken, const std::string& deviceId) {
        (void)refreshToken;
        (void)deviceId;
        return makeError(ErrorCode::Unavailable, "this transport cannot sign out on the server");
    }
    virtual Result<UploadResponse> upload(const std::string& accessToken, UnixMillis deviceSentAtMs,
                                          const std::vector<UploadOperation>& operations) = 0;
    // Streams the download; `onMessage` is called for each message in order. If it returns an
    // error the stream is cancelled and that error returned.
    virtual Status download(const std::string& accessToken, const DownloadRequest& request,
                            const std::function<Status(const DownloadMessage&)>& onMessage) = 0;
    // Thread-safe, from any thread: ends the calls in flight and makes every later call fail
    // at once, for the rest of this transport's life (the app locks: the store must close
    // within moments, not after a call's deadline). Default: nothing to cancel.
    virtual void cancelCalls() {}
    // The server's policy values (ReferenceService.GetReferenceData). A transport without it
    // answers Unavailable, and the device keeps the values it has.
    virtual Result<std::vector<PolicySetting>> policyValues(const std::string& accessToken) {
        (void)accessToken;
        return makeError(ErrorCode::Unavailable, "this transport cannot fetch policy values");
    }
};

}  // namespace sitebook::sync
