#pragma once
// gRPC service implementations. Internal to the server library: callers use SyncServer.
// Protobuf types stop here; everything below works on store/domain values.

#include <grpcpp/grpcpp.h>

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

// Verifies `authorization: Bearer <access token>` and loads the caller.
class Authenticator {
public:
    Authenticator(Store& store, const TokenService& tokens) : store_(store), tokens_(tokens) {}
    struct Authenticated {
        Caller caller;
        bool deviceRevoked = false;
    };
    Result<Authenticated> authenticate(const grpc::ServerContext* context) const;

private:
    Store& store_;
    const TokenService& tokens_;
};

// PERMISSION_DENIED with "sitebook-action: wipe": the device must delete its local data.
grpc::Status deviceRevokedStatus(grpc::ServerContext* context);

class AuthServiceImpl final : public v1::AuthService::Service {
public:
    AuthServiceImpl(const ServerDependencies& deps, const Authenticator& auth,
                    PasswordPool& passwords)
        : deps_(deps), auth_(auth), passwords_(passwords) {}
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
    // Inserts a new refresh token (exchanged for `parentHash`, when refreshing) and fills in
    // the response.
    Status issueTokens(UnitOfWork& uow, const UserRecord& user, const DeviceRecord& device,
                       v1::TokenResponse* response,
                       const std::optional<std::string>& parentHash = std::nullopt) const;
    ServerDependencies deps_;
    const Authenticator& auth_;
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
