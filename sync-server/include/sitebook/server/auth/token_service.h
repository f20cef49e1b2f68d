#pragma once
// Access and refresh tokens.
//
// Access token: "sb1.<base64url(claims)>.<base64url(HMAC-SHA512-256)>" signed with the
// server's token key (libsodium crypto_auth); self-contained, valid for 15 minutes. It carries
// the device's session epoch; every call still checks the user, the device and that epoch in
// the store, so a disabled user, a revoked device or an ended session is refused at once.
// Refresh token: 32 random bytes, "rt1.<base64url>"; only its SHA-256 is stored, bound to
// one device, rotated on every use and revocable.

#include <chrono>
#include <string>
#include <string_view>

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
};

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
    // `key` must be kKeyBytes long.
    TokenService(SecretBytes key, const Clock& clock, RandomSource& random,
                 TokenPolicy policy = {});

    // Sets claims.expiresAtMillis to now + accessTtl and returns the token.
    std::string issueAccessToken(AccessClaims& claims) const;
    // Unauthenticated for a malformed, forged or expired token.
    Result<AccessClaims> verifyAccessToken(std::string_view token) const;

    // Expires after refreshTtl, but never after signedInAt + sessionLifetime.
    IssuedRefreshToken issueRefreshToken(UnixMillis signedInAt) const;
    static std::string hashRefreshToken(std::string_view token);

    const TokenPolicy& policy() const { return policy_; }

    // A fresh random key for `init`.
    static SecretBytes generateKey(RandomSource& random);

private:
    SecretBytes key_;
    const Clock& clock_;
    RandomSource& random_;
    TokenPolicy policy_;
};

std::string base64UrlEncode(std::string_view bytes);
bool base64UrlDecode(std::string_view text, std::string& out);

}  // namespace sitebook::server
