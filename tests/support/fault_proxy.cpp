#include "fault_proxy.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>

namespace sitebook::testing {

const char* faultKindName(FaultKind kind) {
    switch (kind) {
        case FaultKind::Drop:
            return "drop";
        case FaultKind::Truncate:
            return "truncate";
        case FaultKind::Stall:
            return "stall";
        case FaultKind::Reset:
            return "reset";
    }
    return "?";
}

namespace {

constexpr int kPollMillis = 50;
// A connection idle for this long is closed, so a pump thread never lingers forever.
constexpr auto kIdleLimit = std::chrono::minutes(2);

void closeWithReset(int fd) {
    if (fd < 0)
        return;
    linger l{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    ::close(fd);
}

// Writes all of `data`, waiting (bounded) while the peer's buffer is full.
bool writeAll(int fd, const char* data, std::size_t size, const std::atomic<bool>& stopping) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (size > 0) {
        if (stopping.load() || std::chrono::steady_clock::now() > deadline)
            return false;
        ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n > 0) {
            data += n;
            size -= static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
            pollfd p{fd, POLLOUT, 0};
            ::poll(&p, 1, kPollMillis);
            continue;
        }
        return false;
    }
    return true;
}

int connectLoopback(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

}  // namespace

struct FaultProxy::Connection {
    int client = -1;
    int server = -1;
    std::optional<FaultPlan> plan;
    std::atomic<bool> resetNow{false};
};

std::unique_ptr<FaultProxy> FaultProxy::start(int targetPort, FaultProxyOptions options) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return nullptr;
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = 0;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, 64) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        ::close(fd);
        return nullptr;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    return std::unique_ptr<FaultProxy>(
        new FaultProxy(fd, ntohs(addr.sin_port), targetPort, options));
}

FaultProxy::FaultProxy(int listenFd, int port, int targetPort, FaultProxyOptions options)
    : listenFd_(listenFd),
      port_(port),
      targetPort_(targetPort),
      options_(options),
      random_(options.seed),
      faultRate_(options.faultRate) {
    acceptor_ = std::thread([this] { acceptLoop(); });
}

FaultProxy::~FaultProxy() {
    stopping_.store(true);
    if (acceptor_.joinable())
        acceptor_.join();
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(mutex_);
        threads.swap(threads_);
    }
    for (auto& t : threads) {
        if (t.joinable())
            t.join();
    }
    ::close(listenFd_);
}

void FaultProxy::setFaultRate(double rate) {
    std::lock_guard lock(mutex_);
    faultRate_ = rate;
}

void FaultProxy::injectNext(const FaultPlan& plan) {
    std::lock_guard lock(mutex_);
    injected_.push_back(plan);
}

void FaultProxy::resetAll() {
    std::lock_guard lock(mutex_);
    for (auto& weak : open_) {
        if (auto c = weak.lock()) {
            if (!c->resetNow.exchange(true))
                ++stats_.resets;
        }
    }
}

FaultProxyStats FaultProxy::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

void FaultProxy::count(FaultKind kind) {
    std::lock_guard lock(mutex_);
    switch (kind) {
        case FaultKind::Drop:
            ++stats_.drops;
            break;
        case FaultKind::Truncate:
            ++stats_.truncations;
            break;
        case FaultKind::Stall:
            ++stats_.stalls;
            break;
        case FaultKind::Reset:
            ++stats_.resets;
            break;
    }
}

std::optional<FaultPlan> FaultProxy::planFor() {
    std::lock_guard lock(mutex_);
    ++stats_.connections;
    if (!injected_.empty()) {
        FaultPlan p = injected_.front();
        injected_.pop_front();
        return p;
    }
    std::uniform_real_distribution<double> chance(0.0, 1.0);
    if (faultRate_ <= 0.0 || chance(random_) >= faultRate_)
        return std::nullopt;
    FaultPlan p;
    p.kind = static_cast<FaultKind>(std::uniform_int_distribution<int>(0, 3)(random_));
    p.direction = std::uniform_int_distribution<int>(0, 1)(random_) == 0 ? FaultDirection::Upload
                                                                         : FaultDirection::Download;
    p.afterBytes =
        std::uniform_int_distribution<std::uint64_t>(0, options_.maxOffsetBytes)(random_);
    p.stall = std::chrono::milliseconds(
        std::uniform_int_distribution<std::int64_t>(1, options_.maxStall.count())(random_));
    return p;
}

void FaultProxy::acceptLoop() {
    while (!stopping_.load()) {
        pollfd p{listenFd_, POLLIN, 0};
        if (::poll(&p, 1, kPollMillis) <= 0)
            continue;
        int client = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0)
            continue;
        int one = 1;
        ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        int server = connectLoopback(targetPort_.load());
        if (server < 0) {
            ::close(client);  // the server is down: the client sees the connection close
            continue;
        }
        auto c = std::make_shared<Connection>();
        c->client = client;
        c->server = server;
        c->plan = planFor();
        std::lock_guard lock(mutex_);
        open_.erase(std::remove_if(open_.begin(), open_.end(),
                                   [](const std::weak_ptr<Connection>& w) { return w.expired(); }),
                    open_.end());
        open_.push_back(c);
        threads_.emplace_back([this, c] { pump(c); });
    }
}

void FaultProxy::pump(const std::shared_ptr<Connection>& c) {
    ::fcntl(c->client, F_SETFL, ::fcntl(c->client, F_GETFL) | O_NONBLOCK);
    ::fcntl(c->server, F_SETFL, ::fcntl(c->server, F_GETFL) | O_NONBLOCK);
    std::array<std::uint64_t, 2> sent{0, 0};  // [upload, download]
    std::array<char, 16 * 1024> buffer{};
    bool fired = false;
    auto lastActivity = std::chrono::steady_clock::now();
    enum class End { Fin, Reset };
    End end = End::Fin;

    auto finish = [&] {
        if (end == End::Reset) {
            closeWithReset(c->client);
            closeWithReset(c->server);
        } else {
            ::close(c->client);
            ::close(c->server);
        }
    };

    while (!stopping_.load()) {
        if (c->resetNow.load()) {
            end = End::Reset;
            break;
        }
        if (std::chrono::steady_clock::now() - lastActivity > kIdleLimit)
            break;
        std::array<pollfd, 2> fds{pollfd{c->client, POLLIN, 0}, pollfd{c->server, POLLIN, 0}};
        if (::poll(fds.data(), fds.size(), kPollMillis) <= 0)
            continue;
        bool closed = false;
        for (int dir = 0; dir < 2 && !closed; ++dir) {
            if (!(fds[dir].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const int from = dir == 0 ? c->client : c->server;
            const int to = dir == 0 ? c->server : c->client;
            ssize_t n = ::recv(from, buffer.data(), buffer.size(), 0);
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
                continue;
            if (n <= 0) {
                closed = true;
                break;
            }
            lastActivity = std::chrono::steady_clock::now();
            std::size_t size = static_cast<std::size_t>(n);
            const bool planned =
                !fired && c->plan &&
                static_cast<int>(c->plan->direction == FaultDirection::Upload ? 0 : 1) == dir &&
                sent[dir] + size > c->plan->afterBytes;
            if (!planned) {
                if (!writeAll(to, buffer.data(), size, stopping_)) {
                    closed = true;
                    break;
                }
                sent[dir] += size;
                continue;
            }
            fired = true;
            const std::size_t prefix = static_cast<std::size_t>(c->plan->afterBytes - sent[dir]);
            count(c->plan->kind);
            switch (c->plan->kind) {
                case FaultKind::Drop:
                    closed = true;
                    break;
                case FaultKind::Reset:
                    end = End::Reset;
                    closed = true;
                    break;
                case FaultKind::Truncate:
                    writeAll(to, buffer.data(), prefix, stopping_);
                    closed = true;
                    break;
                case FaultKind::Stall: {
                    // Hold the rest of this chunk (and so the whole connection) for a bounded time.
                    writeAll(to, buffer.data(), prefix, stopping_);
                    const auto until = std::chrono::steady_clock::now() + c->plan->stall;
                    while (!stopping_.load() && !c->resetNow.load() &&
                           std::chrono::steady_clock::now() < until) {
                        ::poll(nullptr, 0, kPollMillis);
                    }
                    if (!writeAll(to, buffer.data() + prefix, size - prefix, stopping_))
                        closed = true;
                    sent[dir] += size;
                    lastActivity = std::chrono::steady_clock::now();
                    break;
                }
            }
        }
        if (closed)
            break;
    }
    finish();
}

}  // namespace sitebook::testing
