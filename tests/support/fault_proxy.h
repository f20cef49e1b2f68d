#pragma once
// A TCP proxy on 127.0.0.1 that injects network faults between a client and the sync server:
// connections dropped (FIN), truncated (part of a message forwarded, then FIN), stalled (no
// bytes forwarded for a bounded time) or reset (RST), at a chosen byte offset of the upload
// (client -> server) or download (server -> client) direction. Faults are planned per
// connection from a seeded generator, or injected on command for the next connection.
//
// Threading: one acceptor thread and one pump thread per connection; every public member may
// be called from any thread. The destructor stops all threads; every wait inside is bounded.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace sitebook::testing {

enum class FaultKind { Drop, Truncate, Stall, Reset };
const char* faultKindName(FaultKind kind);

enum class FaultDirection { Upload, Download };

struct FaultPlan {
    FaultKind kind = FaultKind::Drop;
    FaultDirection direction = FaultDirection::Upload;
    std::uint64_t afterBytes = 0;  // the fault fires once this many bytes went that way
    std::chrono::milliseconds stall{0};
};

struct FaultProxyOptions {
    std::uint64_t seed = 1;
    double faultRate = 0.0;  // chance that a new connection gets a random fault
    std::uint64_t maxOffsetBytes = 48 * 1024;
    std::chrono::milliseconds maxStall{1500};
};

struct FaultProxyStats {
    std::int64_t connections = 0;
    std::int64_t drops = 0;
    std::int64_t truncations = 0;
    std::int64_t stalls = 0;
    std::int64_t resets = 0;
    std::int64_t faults() const { return drops + truncations + stalls + resets; }
};

class FaultProxy {
public:
    // Listens on 127.0.0.1:0 and forwards to 127.0.0.1:targetPort. nullptr if it cannot listen.
    static std::unique_ptr<FaultProxy> start(int targetPort, FaultProxyOptions options);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    int port() const { return port_; }
    void setTargetPort(int port) { targetPort_.store(port); }
    void setFaultRate(double rate);
    // The next new connection gets exactly this fault (queued; overrides the random plan).
    void injectNext(const FaultPlan& plan);
    // Resets every open connection now (RST both ways).
    void resetAll();
    FaultProxyStats stats() const;

private:
    struct Connection;
    explicit FaultProxy(int listenFd, int port, int targetPort, FaultProxyOptions options);
    void acceptLoop();
    void pump(const std::shared_ptr<Connection>& c);
    std::optional<FaultPlan> planFor();
    void count(FaultKind kind);

    int listenFd_ = -1;
    int port_ = 0;
    std::atomic<int> targetPort_;
    FaultProxyOptions options_;
    std::atomic<bool> stopping_{false};

    mutable std::mutex mutex_;
    std::mt19937_64 random_;
    double faultRate_;
    std::deque<FaultPlan> injected_;
    FaultProxyStats stats_;
    std::vector<std::weak_ptr<Connection>> open_;
    std::vector<std::thread> threads_;
    std::thread acceptor_;
};

}  // namespace sitebook::testing
