#include "sitebook/server/auth/token_service.h"

#include <sodium.h>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <mutex>
#include <vector>

#include "sitebook/common/log.h"
#include "sitebook/server/store/store.h"

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

namespace {

constexpr std::string_view kAccessPrefixV2 = "sb2.";
constexpr std::size_t kMaxKeyIdBytes = 64;

std::string mac(std::string_view message, const SecretBytes& key) {
    unsigned char out[crypto_auth_BYTES];
    crypto_auth(out, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                key.data());
    return std::string(reinterpret_cast<const char*>(out), sizeof out);
}

bool macMatches(std::string_view macBytes, std::string_view message, const SecretBytes& key) {
    return macBytes.size() == crypto_auth_BYTES &&
           crypto_auth_verify(reinterpret_cast<const unsigned char*>(macBytes.data()),
                              reinterpret_cast<const unsigned char*>(message.data()),
                              message.size(), key.data()) == 0;
}

// A fixed key's id: a digest of the key (reveals nothing of it).
std::string derivedKeyId(const SecretBytes& key) {
    unsigned char digest[8];
    crypto_generichash(digest, sizeof digest, key.data(), key.size(),
                       reinterpret_cast<const unsigned char*>("sitebook-kid"), 12);
    return "f" + base64UrlEncode(std::string_view(reinterpret_cast<const char*>(digest), 8));
}

}  // namespace

TokenService::TokenService(SecretBytes key, const Clock& clock, RandomSource& random,
                           TokenPolicy policy)
    : clock_(clock), random_(random), policy_(policy) {
    assert(key.size() == kKeyBytes);
    static_assert(crypto_auth_KEYBYTES == kKeyBytes);
    std::string id = derivedKeyId(key);
    keys_.push_back(Key{std::move(id), std::move(key), false, std::nullopt});
}

TokenService::TokenService(Store* store, const Clock& clock, RandomSource& random,
                           TokenPolicy policy)
    : store_(store), clock_(clock), random_(random), policy_(policy) {}

TokenService::~TokenService() = default;

Result<std::unique_ptr<TokenService>> TokenService::fromStore(Store& store, const Clock& clock,
                                                              RandomSource& random,
                                                              TokenPolicy policy) {
    std::unique_ptr<TokenService> service(new TokenService(&store, clock, random, policy));
    SB_TRY(service->reload());
    if (!service->signingKey()) {
        return makeError(ErrorCode::NotFound,
                         "the database has no token signing key; run `sitebook-server init`");
    }
    return service;
}

Status TokenService::reload() const {
    auto uow = store_->begin(AccessMode::ReadOnly);
    if (!uow)
        return uow.error();
    auto records = (*uow)->tokenKeys();
    if (!records)
        return records.error();
    std::vector<Key> keys;
    for (auto& r : *records) {
        if (r.key.size() != kKeyBytes)
            return makeError(ErrorCode::Corrupt, "token key " + r.keyId + " is not 32 bytes");
        keys.push_back(
            Key{r.keyId, std::move(r.key), r.retiredAtMillis.has_value(), r.verifyUntilMillis});
    }
    std::unique_lock lock(mutex_);
    keys_ = std::move(keys);
    loadedAtMillis_ = clock_.nowMillis();
    return okStatus();
}

void TokenService::refreshIfStale(bool unknownKid) const {
    if (store_ == nullptr)
        return;
    const UnixMillis now = clock_.nowMillis();
    {
        std::shared_lock lock(mutex_);
        const std::int64_t age = now - loadedAtMillis_;
        const std::int64_t limit = unknownKid ? 1000 : policy_.keyReloadInterval.count();
        if (age >= 0 && age < limit)
            return;
    }
    if (auto s = reload(); !s) {
        log::warning("auth", "could not reload token keys: " + s.error().toString());
        std::unique_lock lock(mutex_);
        loadedAtMillis_ = now;  // try again after the interval, not on every call
    }
}

std::optional<TokenService::Key> TokenService::signingKey() const {
    std::shared_lock lock(mutex_);
    for (const auto& k : keys_) {
        if (!k.retired)
            return k;
    }
    if (!keys_.empty())
        return keys_.front();
    return std::nullopt;
}

std::vector<TokenService::Key> TokenService::verifyingKeys() const {
    const UnixMillis now = clock_.nowMillis();
    std::vector<Key> out;
    std::shared_lock lock(mutex_);
    for (const auto& k : keys_) {
        if (!k.verifyUntilMillis || now < *k.verifyUntilMillis)
            out.push_back(k);
    }
    return out;
}

std::string TokenService::signingKeyId() const {
    refreshIfStale(false);
    auto key = signingKey();
    return key ? key->id : std::string();
}

std::string TokenService::issueAccessToken(AccessClaims& claims) const {
    refreshIfStale(false);
    claims.expiresAtMillis = clock_.nowMillis() + policy_.accessTtl.count();
    std::string payload =
        claims.userId + "\n" + claims.deviceId + "\n" + std::string(roleName(claims.role)) + "\n" +
        std::to_string(claims.expiresAtMillis) + "\n" + std::to_string(claims.sessionEpoch);
    auto key = signingKey();
    assert(key.has_value());
    std::string signedPart =
        std::string(kAccessPrefixV2) + key->id + "." + base64UrlEncode(payload);
    return signedPart + "." + base64UrlEncode(mac(signedPart, key->key));
}

Result<AccessClaims> TokenService::verifyAccessToken(std::string_view token) const {
    const Error malformed = unauthenticated("the access token is malformed; log in again");
    const Error forged = unauthenticated("the access token is not valid; log in again");
    if (token.size() > 1024)
        return malformed;
    std::string payload;
    std::string macBytes;
    if (token.substr(0, kAccessPrefixV2.size()) == kAccessPrefixV2) {
        auto parts = split(token.substr(kAccessPrefixV2.size()), '.');
        if (parts.size() != 3 || parts[0].empty() || parts[0].size() > kMaxKeyIdBytes ||
            !base64UrlDecode(parts[1], payload) || !base64UrlDecode(parts[2], macBytes)) {
            return malformed;
        }
        const std::string_view kid = parts[0];
        const std::string_view signedPart = token.substr(0, token.size() - parts[2].size() - 1);
        auto find = [&]() -> std::optional<Key> {
            for (auto& k : verifyingKeys()) {
                if (k.id == kid)
                    return k;
            }
            return std::nullopt;
        };
        refreshIfStale(false);
        auto key = find();
        if (!key) {
            refreshIfStale(true);  // perhaps a key made on another replica a moment ago
            key = find();
        }
        if (!key) {
            return unauthenticated(
                "the access token was signed with a key this server no longer accepts; refresh "
                "it");
        }
        if (!macMatches(macBytes, signedPart, key->key))
            return forged;
    } else if (token.substr(0, kAccessPrefix.size()) == kAccessPrefix) {
        // The form before key ids: any current key may have signed it.
        auto parts = split(token.substr(kAccessPrefix.size()), '.');
        if (parts.size() != 2 || !base64UrlDecode(parts[0], payload) ||
            !base64UrlDecode(parts[1], macBytes)) {
            return malformed;
        }
        refreshIfStale(false);
        bool verified = false;
        for (const auto& k : verifyingKeys())
            verified = verified || macMatches(macBytes, payload, k.key);
        if (!verified)
            return forged;
    } else {
        return malformed;
    }
    auto fields = split(payload, '\n');
    // Tokens of earlier servers have no epoch field: they belong to epoch 0.
    if (fields.size() != 4 && fields.size() != 5)
        return malformed;
    AccessClaims claims;
    claims.userId = std::string(fields[0]);
    claims.deviceId = std::string(fields[1]);
    auto role = parseRole(fields[2]);
    auto [ptr, ec] = std::from_chars(fields[3].data(), fields[3].data() + fields[3].size(),
                                     claims.expiresAtMillis);
    if (!role || ec != std::errc() || ptr != fields[3].data() + fields[3].size()) {
        return malformed;
    }
    claims.role = *role;
    if (fields.size() == 5) {
        auto [end, err] = std::from_chars(fields[4].data(), fields[4].data() + fields[4].size(),
                                          claims.sessionEpoch);
        if (err != std::errc() || end != fields[4].data() + fields[4].size())
            return malformed;
    }
    const UnixMillis now = clock_.nowMillis();
    if (now >= claims.expiresAtMillis) {
        return unauthenticated("the access token has expired; refresh it");
    }
    // No token this server issues lives longer than accessTtl (a minute's allowance for
    // replicas' clocks): a longer one was not made here.
    if (claims.expiresAtMillis > now + policy_.accessTtl.count() + 60'000)
        return forged;
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
