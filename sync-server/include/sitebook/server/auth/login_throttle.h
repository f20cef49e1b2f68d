#pragma once
// Login throttling: failed sign-ins counted per account and per client address in the store
// (so every server replica sees the same counts), with an exponential back-off. While a
// subject is locked, Login refuses it without checking the password (RESOURCE_EXHAUSTED,
// trailer `sitebook-retry-after-ms`). A lock ends by time, by a correct sign-in once it has
// ended (the account's count restarts) or by an admin (`sitebook-server user unlock|enable`).

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/common/result.h"
#include "sitebook/server/store/store.h"

namespace sitebook::server {

struct LoginThrottlePolicy {
    struct Limit {
        // Failures in a row answered without delay.
        std::int64_t freeFailures;
        // The lock after the first failure beyond them; each further failure doubles it.
        std::chrono::milliseconds firstLock;
        std::chrono::milliseconds maxLock;
    };
    // One person mistyping: five tries, then 30 s, 1 min, 2 min ... at most 1 hour.
    Limit account{5, std::chrono::seconds(30), std::chrono::hours(1)};
    // One office behind one address: more room before the address itself is slowed.
    Limit address{20, std::chrono::seconds(30), std::chrono::hours(1)};
    // A count with no failure for this long starts again from zero.
    std::chrono::milliseconds forgetAfter = std::chrono::hours(24);
};

// "account:<username>" (known or not, so an unknown name is slowed the same way).
std::string accountThrottleSubject(std::string_view username);
// "address:<host>" for a gRPC peer string ("ipv4:10.0.0.5:41234", "ipv6:[::1]:5000").
std::string addressThrottleSubject(std::string_view grpcPeer);
// The host part of a gRPC peer string ("10.0.0.5", "::1"); the whole string if unparsable.
std::string clientAddress(std::string_view grpcPeer);

class LoginThrottle {
public:
    LoginThrottle(LoginThrottlePolicy policy, const Clock& clock)
        : policy_(policy), clock_(clock) {}

    // How long until every one of `subjects` may try again; zero when none is locked.
    Result<std::chrono::milliseconds> waitFor(UnitOfWork& uow,
                                              const std::vector<std::string>& subjects) const;
    // Counts one failure of `subject` under `limit` and returns its record; lockedUntilMillis
    // is in the future when this failure (re)started a lock.
    Result<LoginThrottleRecord> recordFailure(UnitOfWork& uow, const std::string& subject,
                                              const LoginThrottlePolicy::Limit& limit) const;
    // The lock length after `failures` failures in a row under `limit` (zero within the free ones).
    static std::chrono::milliseconds lockAfter(std::int64_t failures,
                                               const LoginThrottlePolicy::Limit& limit);

    const LoginThrottlePolicy& policy() const { return policy_; }

private:
    LoginThrottlePolicy policy_;
    const Clock& clock_;
};

}  // namespace sitebook::server
