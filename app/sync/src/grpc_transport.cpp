#include "sitebook/sync/grpc_transport.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <mutex>
#include <set>

#include "grpc_status.h"
#include "sitebook/v1/auth.grpc.pb.h"
#include "sitebook/v1/reference.grpc.pb.h"
#include "sitebook/v1/sync.grpc.pb.h"

namespace sitebook::sync {

namespace {

constexpr std::string_view kEntityPrefix = "ENTITY_TYPE_";

// "ENTITY_TYPE_APPOINTMENT_OUTCOME" -> "appointment_outcome"; unknown numbers keep their value.
std::string entityTypeName(int value) {
    if (!v1::EntityType_IsValid(value) || value == 0) {
        return "entity_type_" + std::to_string(value);
    }
    std::string name = v1::EntityType_Name(static_cast<v1::EntityType>(value));
    name = name.substr(kEntityPrefix.size());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name;
}

Result<v1::EntityType> entityTypeValue(std::string_view name) {
    std::string upper(kEntityPrefix);
    for (char c : name)
        upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    v1::EntityType value{};
    if (!v1::EntityType_Parse(upper, &value) || value == v1::ENTITY_TYPE_UNSPECIFIED) {
        return makeError(ErrorCode::InvalidArgument, "unknown record type " + std::string(name),
                         "entity_type");
    }
    return value;
}

domain::Role roleOf(v1::Role role) {
    switch (role) {
        case v1::ROLE_OFFICER:
            return domain::Role::Officer;
        case v1::ROLE_ADMIN:
            return domain::Role::Admin;
        case v1::ROLE_MANAGER:
            return domain::Role::Manager;
        default:
            return domain::Role::Supervisor;
    }
}

Credentials credentialsOf(const v1::TokenResponse& r) {
    Credentials c;
    c.accessToken = r.access_token();
    c.accessExpiresAtMs = r.access_expires_at_ms();
    c.refreshToken = r.refresh_token();
    c.refreshExpiresAtMs = r.refresh_expires_at_ms();
    c.userId = r.user_id();
    c.role = roleOf(r.role());
    c.deviceId = r.device_id();
    c.displayName = r.display_name();
    c.serverTimeMs = r.server_time_ms();
    return c;
}

bool isLoopbackHost(std::string_view host) {
    return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

// One gRPC channel and its stubs. Calls hold a reference, so a channel that is replaced
// stays alive until the calls on it finish.
struct Connection {
    explicit Connection(std::shared_ptr<grpc::Channel> c)
        : channel(std::move(c)),
          auth(v1::AuthService::NewStub(channel)),
          sync(v1::SyncService::NewStub(channel)),
          reference(v1::ReferenceService::NewStub(channel)) {}
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<v1::AuthService::Stub> auth;
    std::unique_ptr<v1::SyncService::Stub> sync;
    std::unique_ptr<v1::ReferenceService::Stub> reference;
};

// Makes a channel; `fresh` asks for one that shares no connection state with earlier ones.
using ChannelFactory = std::function<std::shared_ptr<grpc::Channel>(bool fresh)>;

class GrpcTransport final : public SyncTransport {
public:
    GrpcTransport(GrpcTransportConfig config, ChannelFactory makeChannel)
        : config_(std::move(config)),
          makeChannel_(std::move(makeChannel)),
          current_(std::make_shared<Connection>(makeChannel_(false))) {}

    Result<Credentials> login(const LoginRequest& request) override {
        v1::LoginRequest req;
        req.set_protocol_version(v1::PROTOCOL_VERSION_1);
        req.set_username(request.username);
        req.set_password(request.password);
        req.set_device_id(request.deviceId);
        req.set_device_name(request.deviceName);
        v1::TokenResponse response;
        auto ctx = context({}, config_.unaryDeadline);
        grpc::Status status = connection()->auth->Login(ctx.get(), req, &response);
        // The request held the password: clear it before anything else.
        req.mutable_password()->assign(req.password().size(), '\0');
        if (!status.ok())
            return fromGrpcStatus(status, ctx->GetServerTrailingMetadata());
        return credentialsOf(response);
    }

    Result<Credentials> refresh(const std::string& refreshToken,
                                const std::string& deviceId) override {
        v1::RefreshRequest req;
        req.set_refresh_token(refreshToken);
        req.set_device_id(deviceId);
        v1::TokenResponse response;
        auto ctx = context({}, config_.unaryDeadline);
        grpc::Status status = connection()->auth->Refresh(ctx.get(), req, &response);
        if (!status.ok())
            return fromGrpcStatus(status, ctx->GetServerTrailingMetadata());
        return credentialsOf(response);
    }

    Result<std::vector<PolicySetting>> policyValues(const std::string& accessToken) override {
        v1::ReferenceDataRequest req;
        v1::ReferenceData response;
        auto ctx = context(accessToken, config_.unaryDeadline);
        grpc::Status status = connection()->reference->GetReferenceData(ctx.get(), req, &response);
        if (!status.ok())
            return fromGrpcStatus(status, ctx->GetServerTrailingMetadata());
        std::vector<PolicySetting> out;
        for (const v1::PolicyValue& p : response.policy_values())
            out.push_back({p.key(), p.value(), p.effective_from()});
        return out;
    }

    Status signOut(const std::string& refreshToken, const std::string& deviceId) override {
        v1::SignOutRequest req;
        req.set_refresh_token(refreshToken);
        req.set_device_id(deviceId);
        v1::SignOutResponse response;
        auto ctx = context({}, config_.unaryDeadline);
        grpc::Status status = connection()->auth->SignOut(ctx.get(), req, &response);
        if (!status.ok())
            return fromGrpcStatus(status, ctx->GetServerTrailingMetadata());
        return okStatus();
    }

    Result<UploadResponse> upload(const std::string& accessToken, UnixMillis deviceSentAtMs,
                                  const std::vector<UploadOperation>& operations) override {
        v1::UploadRequest req;
        req.set_protocol_version(v1::PROTOCOL_VERSION_1);
        req.set_device_sent_at_ms(deviceSentAtMs);
        for (const UploadOperation& op : operations) {
            auto type = entityTypeValue(op.entityType);
            SB_TRY(type);
            v1::Operation* out = req.add_operations();
            out->set_op_id(op.opId);
            out->set_entity_type(*type);
            out->set_entity_id(op.entityId);
            switch (op.kind) {
                case OpKind::Create:
                    out->set_kind(v1::OP_KIND_CREATE);
                    break;
                case OpKind::Update:
                    out->set_kind(v1::OP_KIND_UPDATE);
                    break;
                case OpKind::Delete:
                    out->set_kind(v1::OP_KIND_DELETE);
                    break;
            }
            out->set_payload(op.payload);
            out->set_hlc(op.hlc);
            out->set_device_time_ms(op.deviceTimeMs);
            out->set_base_version(op.baseVersion);
        }
        v1::UploadResponse response;
        auto ctx = context(accessToken, config_.unaryDeadline);
        grpc::Status status = connection()->sync->Upload(ctx.get(), req, &response);
        if (!status.ok())
            return fromGrpcStatus(status, ctx->GetServerTrailingMetadata());
        UploadResponse out;
        out.serverTimeMs = response.server_time_ms();
        for (const auto& r : response.results()) {
            UploadOperationResult result;
            result.opId = r.op_id();
            switch (r.result()) {
                case v1::OP_RESULT_ACCEPTED:
                    result.result = OpResult::Accepted;
                    break;
                case v1::OP_RESULT_ACCEPTED_WITH_CONFLICT:
                    result.result = OpResult::AcceptedWithConflict;
                    break;
                case v1::OP_RESULT_REJECTED:
                    result.result = OpResult::Rejected;
                    break;
                default:  // RETRY_LATER and anything a newer server adds: keep it queued
                    result.result = OpResult::RetryLater;
                    break;
            }
            result.reasonCode = r.reason_code();
            result.field = r.field();
            result.message = r.message();
            result.version = r.version();
            result.replayed = r.replayed();
            out.results.push_back(std::move(result));
        }
        return out;
    }

    Status download(const std::string& accessToken, const DownloadRequest& request,
                    const std::function<Status(const DownloadMessage&)>& onMessage) override {
        v1::DownloadRequest req;
        req.set_protocol_version(v1::PROTOCOL_VERSION_1);
        req.set_checkpoint(request.checkpoint);
        for (const auto& p : request.repairPartitions)
            req.add_repair_partitions(p);
        req.set_page_size(request.pageSize);
        auto ctx = context(accessToken, config_.downloadDeadline);
        const auto conn = connection();
        auto reader = conn->sync->Download(ctx.get(), req);
        v1::DownloadResponse response;
        std::optional<Error> stopped;
        while (reader->Read(&response)) {
            DownloadMessage message;
            message.complete = response.complete();
            message.serverTimeMs = response.server_time_ms();
            if (response.has_wipe()) {
                message.wipe = true;
                message.wipeReason = response.wipe().reason();
            }
            store::RemoteBatch& batch = message.batch;
            batch.checkpoint = response.checkpoint();
            batch.resetPartitions.assign(response.reset_partitions().begin(),
                                         response.reset_partitions().end());
            batch.purgedPartitions.assign(response.purged_partitions().begin(),
                                          response.purged_partitions().end());
            batch.changes.reserve(static_cast<std::size_t>(response.changes_size()));
            for (const auto& c : response.changes()) {
                batch.changes.push_back({c.partition(), entityTypeName(c.entity_type()),
                                         c.entity_id(), c.version(), c.removed(), c.body_json()});
            }
            for (const auto& sum : response.checksums()) {
                batch.checksums.push_back({sum.partition(), sum.checksum(), sum.count()});
            }
            Status handled = onMessage(message);
            if (!handled.ok()) {
                stopped = handled.error();
                ctx->TryCancel();
                break;
            }
        }
        grpc::Status status = reader->Finish();
        if (stopped)
            return *stopped;
        if (!status.ok())
            return fromGrpcStatus(status, ctx->GetServerTrailingMetadata());
        return okStatus();
    }

    void cancelCalls() override {
        std::lock_guard lock(callsMutex_);
        cancelled_ = true;
        for (grpc::ClientContext* call : calls_)
            call->TryCancel();
    }

private:
    // A call's context, registered while it lives so that cancelCalls() can end the call.
    struct Unregister {
        GrpcTransport* transport;
        void operator()(grpc::ClientContext* ctx) const {
            {
                std::lock_guard lock(transport->callsMutex_);
                transport->calls_.erase(ctx);
            }
            delete ctx;
        }
    };
    using CallContext = std::unique_ptr<grpc::ClientContext, Unregister>;

    CallContext context(const std::string& accessToken, std::chrono::milliseconds deadline) {
        CallContext ctx(new grpc::ClientContext(), Unregister{this});
        ctx->set_deadline(std::chrono::system_clock::now() + deadline);
        if (!accessToken.empty())
            ctx->AddMetadata("authorization", "Bearer " + accessToken);
        std::lock_guard lock(callsMutex_);
        calls_.insert(ctx.get());
        if (cancelled_)
            ctx->TryCancel();  // the call fails as soon as it starts
        return ctx;
    }

    // The channel for the next call. gRPC remembers a failed connection attempt: until its
    // reconnect backoff has passed, every call on that channel fails at once with the old
    // error, even when the server is back (after a restart, or when signal returns). The engine
    // has its own backoff and decides when to try again; when it does, the call must reach
    // the server if it can. So a channel that is in TRANSIENT_FAILURE is replaced by a fresh
    // one, which connects for this call and fails it only if the server is still unreachable.
    std::shared_ptr<const Connection> connection() {
        std::lock_guard lock(mutex_);
        if (current_->channel->GetState(false) == GRPC_CHANNEL_TRANSIENT_FAILURE)
            current_ = std::make_shared<Connection>(makeChannel_(true));
        return current_;
    }

    GrpcTransportConfig config_;
    ChannelFactory makeChannel_;
    std::mutex mutex_;
    std::shared_ptr<const Connection> current_;
    std::mutex callsMutex_;
    std::set<grpc::ClientContext*> calls_;
    bool cancelled_ = false;
};

}  // namespace

Result<std::unique_ptr<SyncTransport>> makeGrpcTransport(const GrpcTransportConfig& config) {
    const auto colon = config.target.rfind(':');
    if (config.target.empty() || colon == std::string::npos || colon == 0 ||
        colon + 1 == config.target.size()) {
        return makeError(ErrorCode::InvalidArgument,
                         "the server address must be HOST:PORT, e.g. sync.example.org:443",
                         "server");
    }
    const std::string host = config.target.substr(0, colon);
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(config.maxMessageBytes);
    args.SetMaxSendMessageSize(config.maxMessageBytes);
    if (config.ownConnection)
        args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    std::shared_ptr<grpc::ChannelCredentials> credentials;
    if (config.insecurePlaintext) {
        if (!isLoopbackHost(host)) {
            return makeError(ErrorCode::InvalidArgument,
                             "plaintext is allowed only to a loopback address (development); "
                             "use TLS with a CA certificate",
                             "server");
        }
        credentials = grpc::InsecureChannelCredentials();
    } else {
        if (config.caCertificatePem.empty()) {
            return makeError(ErrorCode::InvalidArgument,
                             "a CA certificate is needed to verify the server", "ca");
        }
        grpc::SslCredentialsOptions ssl;
        ssl.pem_root_certs = config.caCertificatePem;
        credentials = grpc::SslCredentials(ssl);
        if (!config.tlsServerName.empty())
            args.SetSslTargetNameOverride(config.tlsServerName);
    }
    // Reconnecting in the background (after a dropped connection) never waits longer than
    // this; gRPC's default grows to two minutes.
    args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS,
                static_cast<int>(config.maxReconnectBackoff.count()));
    ChannelFactory factory = [target = config.target, credentials, args](bool fresh) {
        grpc::ChannelArguments channelArgs = args;
        // Channels with equal settings share connections (and their backoff) in one process;
        // a fresh channel gets its own.
        if (fresh)
            channelArgs.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
        return grpc::CreateCustomChannel(target, credentials, channelArgs);
    };
    return std::unique_ptr<SyncTransport>(new GrpcTransport(config, std::move(factory)));
}

}  // namespace sitebook::sync
