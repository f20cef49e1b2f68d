#pragma once
// gRPC service implementations. Internal to the server library: callers use SyncServer.
// Protobuf types stop here; everything below works on store/domain values.

#include <grpcpp/grpcpp.h>

#include "sitebook/server/auth/login_throttle.h"
#include "sitebook/server/derived/reconcile_queue.h"
#include "sitebook/server/server.h"
#include "sitebook/server/sync/upload_processor.h"
#include "sitebook/v1/auth.grpc.pb.h"
#include "sitebook/v1/reference.grpc.pb.h"
#include "sitebook/v1/sync.grpc.pb.h"

namespace sitebook::server {

// The one mapping from the error vocabulary to grpc::Status. Adds trailing metadata
// "sitebook-error" (errorCodeName) and, for invalid arguments, "sitebook-field".
grpc::Status toGrpcStatus(grpc::ServerContext* context, const Error& error);

// Verifies `authorization: Bearer <access token>` and loads the caller: the user must exist
// and be enabled, the device must be the user's, and the token's session epoch the device's.
class Authenticator {
public:
    Authenticator(Store& store, const TokenService& tokens, const Clock& clock)
        : store_(store), tokens_(tokens), clock_(clock) {}
    struct Authenticated {
        Caller caller;
        bool deviceRevoked = false;
    };
    // The caller, or why the call is refused. Each refusal has one status and one
    // `sitebook-error` code on every call (docs/PROTOCOL.md, "Errors").
    class Outcome {
    public:
        enum class Refusal { None, Unauthenticated, SessionEnded, AccountDisabled };
        Outcome(Authenticated who) : who_(std::move(who)) {}
        Outcome(Refusal refusal, Error error) : refusal_(refusal), error_(std::move(error)) {}
        explicit operator bool() const { return who_.has_value(); }
        Authenticated* operator->() { return &*who_; }
        // The status to answer a refused call with.
        grpc::Status refusal(grpc::ServerContext* context) const;
        // Why the call is refused (for the security event).
        const Error& error() const { return error_; }

    private:
        std::optional<Authenticated> who_;
        Refusal refusal_ = Refusal::None;
        Error error_;
    };
    Outcome authenticate(const grpc::ServerContext* context) const;
    // A revoked device made contact: the first time, it is recorded (DeviceRecord::wipedAtMillis)
    // and audited (`device_wipe_instructed`), since the device wipes itself on this answer.
    void noteRevokedContact(const DeviceRecord& device) const;

private:
    Store& store_;
    const TokenService& tokens_;
    const Clock& clock_;
};

// PERMISSION_DENIED with "sitebook-action: wipe": the device must delete its local data.
grpc::Status deviceRevokedStatus(grpc::ServerContext* context);
// PERMISSION_DENIED, `sitebook-error: account_disabled`: an administrator disabled the user.
grpc::Status accountDisabledStatus(grpc::ServerContext* context);
// UNAUTHENTICATED, `sitebook-error: session_ended`: the sign-in was ended (signed out, a
// copied refresh token, its lifetime reached, the account disabled); sign in with a password.
grpc::Status sessionEndedStatus(grpc::ServerContext* context);

class AuthServiceImpl final : public v1::AuthService::Service {
public:
    AuthServiceImpl(const ServerDependencies& deps, const Authenticator& auth,
                    PasswordPool& passwords, const LoginThrottlePolicy& throttle = {})
        : deps_(deps), auth_(auth), throttle_(throttle, deps.clock), passwords_(passwords) {}
    grpc::Status Login(grpc::ServerContext* context, const v1::LoginRequest* request,
                       v1::TokenResponse* response) override;
    grpc::Status Refresh(grpc::ServerContext* context, const v1::RefreshRequest* request,
                         v1::TokenResponse* response) override;
    grpc::Status RegisterDevice(grpc::ServerContext* context,
                                const v1::RegisterDeviceRequest* request,
                                v1::DeviceInfo* response) override;
    grpc::Status RevokeDevice(grpc::ServerContext* context, const v1::RevokeDeviceRequest* request,
                              v1::DeviceInfo* response) override;
    grpc::Status SignOut(grpc::ServerContext* context, const v1::SignOutRequest* request,
                         v1::SignOutResponse* response) override;

private:
    // Inserts a new refresh token (exchanged for `parentHash`, when refreshing) of the session
    // that began with the password sign-in at `signedInAt`, and fills in the response.
    Status issueTokens(UnitOfWork& uow, const UserRecord& user, const DeviceRecord& device,
                       v1::TokenResponse* response, UnixMillis signedInAt,
                       const std::optional<std::string>& parentHash = std::nullopt) const;
    // Counts a failed sign-in against the account and the client address, audits it, and
    // returns how long until the caller may try again (zero when neither is locked).
    Result<std::chrono::milliseconds> recordFailedLogin(const std::string& username,
                                                        const UserRecord* user,
                                                        const std::string& address) const;
    ServerDependencies deps_;
    const Authenticator& auth_;
    LoginThrottle throttle_;
    PasswordPool& passwords_;  // every Argon2id verification runs here
};

class SyncServiceImpl final : public v1::SyncService::Service {
public:
    SyncServiceImpl(const ServerDependencies& deps, const ServerLimits& limits,
                    const Authenticator& auth, ReconcileQueue& queue)
        : deps_(deps),
          limits_(limits),
          auth_(auth),
          queue_(queue),
          processor_(deps.store, deps.reconciler, deps.clock, [&queue] { queue.notify(); }) {}
    grpc::Status Upload(grpc::ServerContext* context, const v1::UploadRequest* request,
                        v1::UploadResponse* response) override;
    grpc::Status Download(grpc::ServerContext* context, const v1::DownloadRequest* request,
                          grpc::ServerWriter<v1::DownloadResponse>* writer) override;

private:
    ServerDependencies deps_;
    ServerLimits limits_;
    const Authenticator& auth_;
    ReconcileQueue& queue_;
    UploadProcessor processor_;
};

class ReferenceServiceImpl final : public v1::ReferenceService::Service {
public:
    explicit ReferenceServiceImpl(const Authenticator& auth) : auth_(auth) {}
    grpc::Status GetReferenceData(grpc::ServerContext* context,
                                  const v1::ReferenceDataRequest* request,
                                  v1::ReferenceData* response) override;

private:
    const Authenticator& auth_;
};

}  // namespace sitebook::server
