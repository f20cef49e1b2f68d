#pragma once
// SyncTransport over gRPC: TLS with a pinned CA (plaintext only to a loopback address, by
// explicit request, for development), a deadline on every call, message-size limits, and
// `authorization: Bearer` metadata per call. Protobuf stays inside the implementation.

#include <chrono>
#include <memory>
#include <string>

#include "sitebook/common/result.h"
#include "sitebook/sync/transport.h"

namespace sitebook::sync {

struct GrpcTransportConfig {
    std::string target;            // "host:port"
    std::string caCertificatePem;  // the CA that signed the server's certificate
    // Name to verify in the server certificate when it differs from the target host
    // (e.g. "localhost" for 127.0.0.1). Empty: the target host.
    std::string tlsServerName;
    bool insecurePlaintext = false;  // allowed only for a loopback target
    std::chrono::milliseconds unaryDeadline = std::chrono::seconds(30);
    std::chrono::milliseconds downloadDeadline = std::chrono::minutes(5);
    int maxMessageBytes = 4 * 1024 * 1024;
    // Longest wait between background reconnection attempts after a connection is lost. A
    // call never waits for it: when the last connection attempt failed, a call starts a new
    // one at once (the engine's backoff decides when calls are made).
    std::chrono::milliseconds maxReconnectBackoff = std::chrono::seconds(5);
    // gRPC shares connections between channels with the same target and settings in one
    // process. A device has one transport, so this changes nothing in the app; a process that
    // stands in for many devices (the load benchmark) sets it to give each its own connection.
    bool ownConnection = false;
};

// InvalidArgument for a malformed target, a missing CA, or plaintext to a non-loopback host.
Result<std::unique_ptr<SyncTransport>> makeGrpcTransport(const GrpcTransportConfig& config);

}  // namespace sitebook::sync
