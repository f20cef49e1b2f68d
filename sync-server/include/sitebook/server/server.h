#pragma once
// The gRPC server: AuthService, SyncService, ReferenceService and grpc.health.v1.Health,
// over TLS (or plaintext on a loopback address only), with explicit limits because Debian 12's
// gRPC 1.51 lacks the fixes for CVE-2023-44487 (HTTP/2 rapid reset) and others — production
// deployments put an HTTP/2 proxy in front (docs/PROTOCOL.md, "Deployment").

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "sitebook/common/result.h"
#include "sitebook/server/auth/login_throttle.h"
#include "sitebook/server/auth/password_pool.h"
#include "sitebook/server/auth/token_service.h"
#include "sitebook/server/derived/reconcile_queue.h"
#include "sitebook/server/derived/reconciler.h"
#include "sitebook/server/store/store.h"

namespace grpc {
class Server;
}

namespace sitebook::server {

struct ServerLimits {
    int maxMessageBytes = 4 * 1024 * 1024;  // receive and send
    int maxConcurrentStreamsPerConnection = 32;
    int maxThreads = 64;  // ResourceQuota: bounds concurrent calls
    int maxMetadataBytes = 16 * 1024;
    int keepaliveTimeMillis = 60'000;
    int keepaliveTimeoutMillis = 20'000;
    int minPingIntervalMillis = 30'000;  // clients pinging faster get GOAWAY
    int maxConnectionIdleMillis = 5 * 60'000;
    int maxConnectionAgeMillis = 30 * 60'000;
    int maxConnectionAgeGraceMillis = 60'000;
    // A connection that has not finished its TLS and HTTP/2 handshake by then is closed
    // (gRPC's default is 120 s), so half-open connections cost little for long.
    int handshakeTimeoutMillis = 10'000;
    // Password hashing (Login): threads and waiting places; beyond them RESOURCE_EXHAUSTED
    // at once (auth/password_pool.h). Threads 0: half the cores, at least 1. The queue is
    // never longer than a quarter of maxThreads (each waiting login holds a call thread).
    int passwordWorkers = 0;
    std::size_t passwordQueue = 16;
    std::size_t maxOperationsPerUpload = 500;
    std::size_t maxPayloadBytes = 64 * 1024;
    std::uint32_t defaultPageSize = 200;
    std::uint32_t maxPageSize = 1000;
    std::size_t maxChangesPerMessage = 1000;
    // A download stream ends (complete = false; the client resumes) after this long even if
    // the client set no deadline.
    std::chrono::milliseconds maxDownloadDuration = std::chrono::minutes(2);
    // Operation times accepted: from 2020-01-01 to this far ahead of the server clock.
    std::chrono::milliseconds maxClockAhead = std::chrono::hours(24);
};

struct ServerConfig {
    std::string listenAddress = "127.0.0.1:50443";
    // Allowed only when listenAddress is a loopback address.
    bool insecurePlaintext = false;
    std::string tlsCertificateChainPem;
    std::string tlsPrivateKeyPem;
    ServerLimits limits;
    // When uploaded records' people are recomputed (progress, RO items).
    ReconcileQueueOptions reconcile;
    // Failed sign-ins slowed per account and client address (docs/SECURITY.md).
    LoginThrottlePolicy loginThrottle;
};

// Everything the server uses; owned by the caller and outliving the server.
struct ServerDependencies {
    Store& store;
    Reconciler& reconciler;
    const Clock& clock;
    RandomSource& random;
    const TokenService& tokens;
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool isLoopbackHost(std::string_view host);
// Splits "host:port" / "[v6]:port". InvalidArgument if malformed.
Result<std::pair<std::string, int>> splitHostPort(std::string_view address);
// Refuses plaintext on anything but loopback, with a message saying why.
Status checkListenPolicy(const ServerConfig& config);

class SyncServer {
public:
    // Binds and starts serving on gRPC's own threads. Port 0 picks a free port.
    static Result<std::unique_ptr<SyncServer>> start(const ServerConfig& config,
                                                     const ServerDependencies& deps);
    ~SyncServer();

    int port() const { return port_; }
    // Stops accepting calls; in-flight calls get `grace` to finish, then are cancelled. The
    // reconciliation worker stops too (people it had not reached stay queued).
    void shutdown(std::chrono::milliseconds grace = std::chrono::seconds(5));
    // Blocks until shutdown() (from another thread or a signal handler thread).
    void wait();
    // The people uploads queued for recomputation (tests and benchmarks wait on it).
    ReconcileQueue& reconcileQueue();

private:
    struct Impl;
    explicit SyncServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
    int port_ = 0;
};

}  // namespace sitebook::server
