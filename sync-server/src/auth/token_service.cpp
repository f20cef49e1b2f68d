#include "sitebook/server/auth/token_service.h"

#include <sodium.h>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <vector>

namespace sitebook::server {

namespace {

constexpr std::string_view kAccessPrefix = "sb1.";
constexpr std::string_view kRefreshPrefix = "rt1.";

std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        std::size_t pos = text.find(sep, start);
        parts.push_back(text.substr(start, pos == std::string_view::npos ? pos : pos - start));
        if (pos == std::string_view::npos)
            break;
        start = pos + 1;
    }
    return parts;
}

Error unauthenticated(std::string message) {
    return makeError(ErrorCode::Unauthenticated, std::move(message));
}

}  // namespace

std::string base64UrlEncode(std::string_view bytes) {
    const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), variant);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

bool base64UrlDecode(std::string_view text, std::string& out) {
    out.assign(text.size(), '\0');
    std::size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                          text.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
        return false;
    }
    out.resize(len);
    return true;
}

TokenService::TokenService(SecretBytes key, const Clock& clock, RandomSource& random,
                           TokenPolicy policy)
    : key_(std::move(key)), clock_(clock), random_(random), policy_(policy) {
    assert(key_.size() == kKeyBytes);
    static_assert(crypto_auth_KEYBYTES == kKeyBytes);
}

std::string TokenService::issueAccessToken(AccessClaims& claims) const {
    claims.expiresAtMillis = clock_.nowMillis() + policy_.accessTtl.count();
    std::string payload =
        claims.userId + "\n" + claims.deviceId + "\n" + std::string(roleName(claims.role)) + "\n" +
        std::to_string(claims.expiresAtMillis) + "\n" + std::to_string(claims.sessionEpoch);
    unsigned char mac[crypto_auth_BYTES];
    crypto_auth(mac, reinterpret_cast<const unsigned char*>(payload.data()), payload.size(),
                key_.data());
    return std::string(kAccessPrefix) + base64UrlEncode(payload) + "." +
           base64UrlEncode(std::string_view(reinterpret_cast<const char*>(mac), sizeof mac));
}

Result<AccessClaims> TokenService::verifyAccessToken(std::string_view token) const {
    if (token.size() > 1024 || token.substr(0, kAccessPrefix.size()) != kAccessPrefix) {
        return unauthenticated("the access token is malformed; log in again");
    }
    auto parts = split(token.substr(kAccessPrefix.size()), '.');
    std::string payload;
    std::string mac;
    if (parts.size() != 2 || !base64UrlDecode(parts[0], payload) ||
        !base64UrlDecode(parts[1], mac) || mac.size() != crypto_auth_BYTES) {
        return unauthenticated("the access token is malformed; log in again");
    }
    if (crypto_auth_verify(reinterpret_cast<const unsigned char*>(mac.data()),
                           reinterpret_cast<const unsigned char*>(payload.data()), payload.size(),
                           key_.data()) != 0) {
        return unauthenticated("the access token is not valid; log in again");
    }
    auto fields = split(payload, '\n');
    // Tokens of earlier servers have no epoch field: they belong to epoch 0.
    if (fields.size() != 4 && fields.size() != 5)
        return unauthenticated("the access token is malformed; log in again");
    AccessClaims claims;
    claims.userId = std::string(fields[0]);
    claims.deviceId = std::string(fields[1]);
    auto role = parseRole(fields[2]);
    auto [ptr, ec] = std::from_chars(fields[3].data(), fields[3].data() + fields[3].size(),
                                     claims.expiresAtMillis);
    if (!role || ec != std::errc() || ptr != fields[3].data() + fields[3].size()) {
        return unauthenticated("the access token is malformed; log in again");
    }
    claims.role = *role;
    if (fields.size() == 5) {
        auto [end, err] = std::from_chars(fields[4].data(), fields[4].data() + fields[4].size(),
                                          claims.sessionEpoch);
        if (err != std::errc() || end != fields[4].data() + fields[4].size())
            return unauthenticated("the access token is malformed; log in again");
    }
    if (clock_.nowMillis() >= claims.expiresAtMillis) {
        return unauthenticated("the access token has expired; refresh it");
    }
    return claims;
}

IssuedRefreshToken TokenService::issueRefreshToken(UnixMillis signedInAt) const {
    std::uint8_t raw[32];
    random_.fill(raw);
    IssuedRefreshToken out;
    out.token = std::string(kRefreshPrefix) +
                base64UrlEncode(std::string_view(reinterpret_cast<const char*>(raw), sizeof raw));
    sodium_memzero(raw, sizeof raw);
    out.hash = hashRefreshToken(out.token);
    out.expiresAtMillis = std::min(clock_.nowMillis() + policy_.refreshTtl.count(),
                                   signedInAt + policy_.sessionLifetime.count());
    return out;
}

std::string TokenService::hashRefreshToken(std::string_view token) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    return toHex(digest);
}

SecretBytes TokenService::generateKey(RandomSource& random) {
    SecretBytes key(kKeyBytes);
    random.fill(key.span());
    return key;
}

}  // namespace sitebook::server
