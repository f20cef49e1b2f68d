#pragma once
// Access and refresh tokens.
//
// Access token: "sb2.<kid>.<base64url(claims)>.<base64url(HMAC-SHA512-256)>", the MAC
// (libsodium crypto_auth) over everything before its dot, made with the key named by `kid`;
// self-contained, valid for 15 minutes. It carries the device's session epoch; every call
// still checks the user, the device and that epoch in the store, so a disabled user, a
// revoked device or an ended session is refused at once. Tokens of the earlier form
// "sb1.<claims>.<mac>" (no key id) are still accepted when one of the current keys verifies
// them, for the 15 minutes after an upgrade.
//
// Keys: one signs (the newest not retired), every key until its verify-until time verifies
// (auth/token_keys.h rotates them). With a store, the keys are the store's, shared by every
// replica: reloaded every keyReloadInterval, and at once (at most once a second) when a token
// names a key this process has not seen, so a key made on one replica verifies on all.
// Refresh token: 32 random bytes, "rt1.<base64url>"; only its SHA-256 is stored, bound to
// one device, rotated on every use and revocable.

#include <chrono>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "sitebook/common/result.h"
#include "sitebook/common/secret.h"
#include "sitebook/server/auth/role.h"

namespace sitebook::server {

struct TokenPolicy {
    std::chrono::milliseconds accessTtl = std::chrono::minutes(15);
    std::chrono::milliseconds refreshTtl = std::chrono::hours(24 * 30);
    // Absolute lifetime of a sign-in: refreshing never carries a session past this long after
    // the password sign-in that began it; then the user signs in again.
    std::chrono::milliseconds sessionLifetime = std::chrono::hours(24 * 7);
    // How stale a replica's copy of the store's keys may be.
    std::chrono::milliseconds keyReloadInterval = std::chrono::seconds(30);
};

class Store;

struct AccessClaims {
    std::string userId;
    std::string deviceId;
    Role role = Role::Supervisor;
    UnixMillis expiresAtMillis = 0;
    std::int64_t sessionEpoch = 0;  // DeviceRecord::sessionEpoch when issued
};

struct IssuedRefreshToken {
    std::string token;  // give to the client once; never store or log it
    std::string hash;   // store this
    UnixMillis expiresAtMillis = 0;
};

// Thread-safe.
class TokenService {
public:
    static constexpr std::size_t kKeyBytes = 32;
    // One fixed key (tests, tools); `key` must be kKeyBytes long. Its kid is derived from it.
    TokenService(SecretBytes key, const Clock& clock, RandomSource& random,
                 TokenPolicy policy = {});
    // The store's keys; NotFound when it has none (ensureTokenKey makes one).
    static Result<std::unique_ptr<TokenService>> fromStore(Store& store, const Clock& clock,
                                                           RandomSource& random,
                                                           TokenPolicy policy = {});
    ~TokenService();

    // Sets claims.expiresAtMillis to now + accessTtl and returns the token.
    std::string issueAccessToken(AccessClaims& claims) const;
    // Unauthenticated for a malformed, forged or expired token, and for one signed with a key
    // the store does not have (or no longer accepts).
    Result<AccessClaims> verifyAccessToken(std::string_view token) const;

    // Expires after refreshTtl, but never after signedInAt + sessionLifetime.
    IssuedRefreshToken issueRefreshToken(UnixMillis signedInAt) const;
    static std::string hashRefreshToken(std::string_view token);

    const TokenPolicy& policy() const { return policy_; }

    // A fresh random key.
    static SecretBytes generateKey(RandomSource& random);
    // The key id of the key that signs now.
    std::string signingKeyId() const;

private:
    struct Key {
        std::string id;
        SecretBytes key;
        bool retired = false;
        std::optional<UnixMillis> verifyUntilMillis;
    };
    TokenService(Store* store, const Clock& clock, RandomSource& random, TokenPolicy policy);
    // Replaces the keys with the store's. Keeps the old ones if the store cannot be read.
    Status reload() const;
    // Reloads when the copy is older than keyReloadInterval (or, with `unknownKid`, than a
    // second).
    void refreshIfStale(bool unknownKid) const;
    std::optional<Key> signingKey() const;
    std::vector<Key> verifyingKeys() const;

    Store* store_ = nullptr;  // null: a fixed key
    const Clock& clock_;
    RandomSource& random_;
    TokenPolicy policy_;
    mutable std::shared_mutex mutex_;
    mutable std::vector<Key> keys_;  // newest first
    mutable UnixMillis loadedAtMillis_ = 0;
};

std::string base64UrlEncode(std::string_view bytes);
bool base64UrlDecode(std::string_view text, std::string& out);

}  // namespace sitebook::server
