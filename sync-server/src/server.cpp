#include "sitebook/server/server.h"

#include <arpa/inet.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/resource_quota.h>

#include <algorithm>
#include <charconv>

#include "services/grpc_services.h"

namespace sitebook::server {

bool isLoopbackHost(std::string_view host) {
    if (host == "localhost")
        return true;
    std::string text(host);
    in_addr v4{};
    if (inet_pton(AF_INET, text.c_str(), &v4) == 1) {
        return (ntohl(v4.s_addr) >> 24) == 127;
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) {
        return IN6_IS_ADDR_LOOPBACK(&v6);
    }
    return false;
}

Result<std::pair<std::string, int>> splitHostPort(std::string_view address) {
    std::string host;
    std::string_view portText;
    if (!address.empty() && address.front() == '[') {
        auto close = address.find(']');
        if (close == std::string_view::npos || close + 1 >= address.size() ||
            address[close + 1] != ':') {
            return makeError(ErrorCode::InvalidArgument, "expected [address]:port", "listen");
        }
        host = std::string(address.substr(1, close - 1));
        portText = address.substr(close + 2);
    } else {
        auto colon = address.rfind(':');
        if (colon == std::string_view::npos || address.find(':') != colon) {
            return makeError(ErrorCode::InvalidArgument, "expected host:port", "listen");
        }
        host = std::string(address.substr(0, colon));
        portText = address.substr(colon + 1);
    }
    int port = -1;
    auto [ptr, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
    if (host.empty() || ec != std::errc() || ptr != portText.data() + portText.size() || port < 0 ||
        port > 65535) {
        return makeError(ErrorCode::InvalidArgument, "expected host:port with a port 0-65535",
                         "listen");
    }
    return std::make_pair(host, port);
}

Status checkListenPolicy(const ServerConfig& config) {
    auto hostPort = splitHostPort(config.listenAddress);
    if (!hostPort)
        return hostPort.error();
    if (config.insecurePlaintext && !isLoopbackHost(hostPort->first)) {
        return makeError(ErrorCode::PermissionDenied,
                         "--insecure-plaintext is only allowed on a loopback address (127.0.0.1, "
                         "::1 or localhost), not on " +
                             hostPort->first +
                             ": case data must never cross a network unencrypted. Use TLS.",
                         "listen");
    }
    if (!config.insecurePlaintext &&
        (config.tlsCertificateChainPem.empty() || config.tlsPrivateKeyPem.empty())) {
        return makeError(ErrorCode::InvalidArgument,
                         "TLS needs a certificate and a private key (run `init --dev-tls` for a "
                         "development pair)",
                         "tls");
    }
    return okStatus();
}

namespace {

// Logins waiting for a hashing thread each hold a call thread: never more than a quarter of
// them, so sync calls and health checks always find one.
PasswordPoolOptions passwordPoolOptions(const ServerLimits& limits) {
    PasswordPoolOptions options;
    options.workers = limits.passwordWorkers;
    const auto quarter = static_cast<std::size_t>(std::max(1, limits.maxThreads / 4));
    options.maxQueued = std::min(limits.passwordQueue, quarter);
    return options;
}

}  // namespace

struct SyncServer::Impl {
    Impl(const ServerDependencies& d, const ServerConfig& config)
        : deps(d),
          passwords(passwordPoolOptions(config.limits)),
          queue(d.store, d.reconciler, config.reconcile),
          authenticator(d.store, d.tokens, d.clock),
          auth(d, authenticator, passwords, config.loginThrottle),
          sync(d, config.limits, authenticator, queue),
          reference(authenticator) {}
    ServerDependencies deps;
    PasswordPool passwords;
    ReconcileQueue queue;
    Authenticator authenticator;
    AuthServiceImpl auth;
    SyncServiceImpl sync;
    ReferenceServiceImpl reference;
    std::unique_ptr<grpc::Server> server;
};

SyncServer::SyncServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

SyncServer::~SyncServer() {
    shutdown(std::chrono::milliseconds(0));
}

Result<std::unique_ptr<SyncServer>> SyncServer::start(const ServerConfig& config,
                                                      const ServerDependencies& deps) {
    SB_TRY(checkListenPolicy(config));
    const ServerLimits& limits = config.limits;
    auto impl = std::make_unique<Impl>(deps, config);

    std::shared_ptr<grpc::ServerCredentials> credentials;
    if (config.insecurePlaintext) {
        credentials = grpc::InsecureServerCredentials();
    } else {
        grpc::SslServerCredentialsOptions ssl;
        ssl.pem_key_cert_pairs.push_back({config.tlsPrivateKeyPem, config.tlsCertificateChainPem});
        credentials = grpc::SslServerCredentials(ssl);
    }

    grpc::EnableDefaultHealthCheckService(true);
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort(config.listenAddress, credentials, &port);
    builder.SetMaxReceiveMessageSize(limits.maxMessageBytes);
    builder.SetMaxSendMessageSize(limits.maxMessageBytes);
    grpc::ResourceQuota quota("sitebook-server");
    quota.SetMaxThreads(limits.maxThreads);
    builder.SetResourceQuota(quota);
    builder.AddChannelArgument(GRPC_ARG_MAX_CONCURRENT_STREAMS,
                               limits.maxConcurrentStreamsPerConnection);
    builder.AddChannelArgument(GRPC_ARG_MAX_METADATA_SIZE, limits.maxMetadataBytes);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, limits.keepaliveTimeMillis);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, limits.keepaliveTimeoutMillis);
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS,
                               limits.minPingIntervalMillis);
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MAX_PING_STRIKES, 2);
    builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_IDLE_MS, limits.maxConnectionIdleMillis);
    builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_MS, limits.maxConnectionAgeMillis);
    builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_GRACE_MS,
                               limits.maxConnectionAgeGraceMillis);
    builder.AddChannelArgument(GRPC_ARG_SERVER_HANDSHAKE_TIMEOUT_MS, limits.handshakeTimeoutMillis);
    builder.RegisterService(&impl->auth);
    builder.RegisterService(&impl->sync);
    builder.RegisterService(&impl->reference);
    impl->server = builder.BuildAndStart();
    if (!impl->server || port == 0) {
        return makeError(ErrorCode::Unavailable,
                         "could not listen on " + config.listenAddress +
                             " (address in use, or not an address of this machine?)",
                         "listen");
    }
    if (auto* health = impl->server->GetHealthCheckService()) {
        health->SetServingStatus("", true);
        health->SetServingStatus("sitebook.v1.SyncService", true);
        health->SetServingStatus("sitebook.v1.AuthService", true);
    }
    impl->queue.start();
    std::unique_ptr<SyncServer> out(new SyncServer(std::move(impl)));
    out->port_ = port;
    return out;
}

void SyncServer::shutdown(std::chrono::milliseconds grace) {
    if (impl_ && impl_->server) {
        if (auto* health = impl_->server->GetHealthCheckService()) {
            health->Shutdown();
        }
        impl_->server->Shutdown(std::chrono::system_clock::now() + grace);
    }
    if (impl_)
        impl_->queue.stop();
}

ReconcileQueue& SyncServer::reconcileQueue() {
    return impl_->queue;
}

void SyncServer::wait() {
    if (impl_ && impl_->server)
        impl_->server->Wait();
}

}  // namespace sitebook::server
