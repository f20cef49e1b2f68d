#include "sitebook/server/auth/login_throttle.h"

#include <algorithm>

namespace sitebook::server {

std::string accountThrottleSubject(std::string_view username) {
    return "account:" + std::string(username);
}

std::string clientAddress(std::string_view peer) {
    // "<scheme>:<host>:<port>"; IPv6 hosts are bracketed, perhaps percent-encoded.
    const auto scheme = peer.find(':');
    if (scheme == std::string_view::npos)
        return std::string(peer);
    std::string_view rest = peer.substr(scheme + 1);
    const auto port = rest.rfind(':');
    if (port != std::string_view::npos && peer.substr(0, scheme) != "unix")
        rest = rest.substr(0, port);
    std::string host(rest);
    for (const auto& [open, close] : {std::pair{"[", "]"}, std::pair{"%5B", "%5D"}}) {
        const std::string o(open), c(close);
        if (host.size() >= o.size() + c.size() && host.compare(0, o.size(), o) == 0 &&
            host.compare(host.size() - c.size(), c.size(), c) == 0) {
            host = host.substr(o.size(), host.size() - o.size() - c.size());
        }
    }
    return host;
}

std::string addressThrottleSubject(std::string_view grpcPeer) {
    return "address:" + clientAddress(grpcPeer);
}

std::chrono::milliseconds LoginThrottle::lockAfter(std::int64_t failures,
                                                   const LoginThrottlePolicy::Limit& limit) {
    if (failures <= limit.freeFailures)
        return std::chrono::milliseconds(0);
    std::chrono::milliseconds lock = limit.firstLock;
    for (std::int64_t n = limit.freeFailures + 1; n < failures && lock < limit.maxLock; ++n)
        lock *= 2;
    return std::min(lock, limit.maxLock);
}

Result<std::chrono::milliseconds> LoginThrottle::waitFor(
    UnitOfWork& uow, const std::vector<std::string>& subjects) const {
    const UnixMillis now = clock_.nowMillis();
    UnixMillis until = now;
    for (const auto& subject : subjects) {
        auto record = uow.findLoginThrottle(subject);
        if (!record)
            return record.error();
        if (*record)
            until = std::max(until, (*record)->lockedUntilMillis);
    }
    return std::chrono::milliseconds(until - now);
}

Result<LoginThrottleRecord> LoginThrottle::recordFailure(
    UnitOfWork& uow, const std::string& subject, const LoginThrottlePolicy::Limit& limit) const {
    const UnixMillis now = clock_.nowMillis();
    auto found = uow.findLoginThrottle(subject);
    if (!found)
        return found.error();
    LoginThrottleRecord record;
    record.subject = subject;
    if (*found && now - (*found)->lastFailureAtMillis < policy_.forgetAfter.count())
        record = **found;
    record.failures += 1;
    record.lastFailureAtMillis = now;
    const auto lock = lockAfter(record.failures, limit);
    if (lock.count() > 0)
        record.lockedUntilMillis = now + lock.count();
    SB_TRY(uow.putLoginThrottle(record));
    return record;
}

}  // namespace sitebook::server
