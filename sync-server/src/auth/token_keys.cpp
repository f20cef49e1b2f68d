#include "sitebook/server/auth/token_keys.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "sitebook/server/file_util.h"

namespace sitebook::server {

namespace {

Result<SecretBytes> readKeyFile(const std::string& path) {
    auto text = readFile(path);
    if (!text)
        return text.error();
    std::string hex = *text;
    while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r'))
        hex.pop_back();
    std::vector<std::uint8_t> bytes;
    const bool ok = fromHex(hex, bytes) && bytes.size() == TokenService::kKeyBytes;
    std::fill(hex.begin(), hex.end(), '\0');
    std::fill(text->begin(), text->end(), '\0');
    if (!ok)
        return makeError(ErrorCode::Corrupt, path + " is not a 32-byte hex key");
    SecretBytes key(bytes.data(), bytes.size());
    std::fill(bytes.begin(), bytes.end(), 0);
    return key;
}

AuditEntry keyAudit(std::string action, const std::string& keyId, UnixMillis now,
                    nlohmann::json after) {
    AuditEntry audit;
    audit.action = std::move(action);
    audit.entityType = "token_key";
    audit.entityId = keyId;
    audit.serverTimeMillis = now;
    audit.after = after.dump();
    return audit;
}

}  // namespace

std::string newTokenKeyId(RandomSource& random) {
    std::uint8_t raw[8];
    random.fill(raw);
    return base64UrlEncode(std::string_view(reinterpret_cast<const char*>(raw), sizeof raw));
}

Result<TokenKeySetup> ensureTokenKey(Store& store, const Clock& clock, RandomSource& random,
                                     const std::string& legacyKeyFile) {
    std::error_code ec;
    const bool fileThere = !legacyKeyFile.empty() && std::filesystem::exists(legacyKeyFile, ec);
    TokenKeySetup setup = TokenKeySetup::AlreadyThere;
    {
        auto uow = store.begin(AccessMode::ReadWrite);
        if (!uow)
            return uow.error();
        auto existing = (*uow)->tokenKeys();
        if (!existing)
            return existing.error();
        if (existing->empty()) {
            const UnixMillis now = clock.nowMillis();
            TokenKeyRecord record;
            record.keyId = newTokenKeyId(random);
            record.createdAtMillis = now;
            if (fileThere) {
                auto key = readKeyFile(legacyKeyFile);
                if (!key)
                    return key.error();
                record.key = std::move(*key);
                setup = TokenKeySetup::ImportedFromFile;
            } else {
                record.key = TokenService::generateKey(random);
                setup = TokenKeySetup::Created;
            }
            SB_TRY((*uow)->insertTokenKey(record));
            SB_TRY((*uow)->appendAudit(keyAudit(
                setup == TokenKeySetup::Created ? "token_key_created" : "token_key_imported",
                record.keyId, now, {{"from_file", setup == TokenKeySetup::ImportedFromFile}})));
            SB_TRY((*uow)->commit());
        }
    }
    // The store holds the key now: a second copy on disk is only a secret to leak.
    if (fileThere) {
        std::filesystem::remove(legacyKeyFile, ec);
        if (ec) {
            return makeError(ErrorCode::Io, "the token key is in the database now, but " +
                                                legacyKeyFile +
                                                " could not be deleted: " + ec.message());
        }
    }
    return setup;
}

Result<TokenKeyRotation> rotateTokenKey(Store& store, const Clock& clock, RandomSource& random,
                                        const TokenPolicy& policy, bool revokePrevious) {
    auto uow = store.begin(AccessMode::ReadWrite);
    if (!uow)
        return uow.error();
    auto keys = (*uow)->tokenKeys();
    if (!keys)
        return keys.error();
    const UnixMillis now = clock.nowMillis();
    TokenKeyRotation out;
    out.verifyUntilMillis =
        revokePrevious ? now : now + policy.accessTtl.count() + policy.keyReloadInterval.count();
    for (auto& k : *keys) {
        if (!k.retiredAtMillis)
            k.retiredAtMillis = now;
        if (!k.verifyUntilMillis || *k.verifyUntilMillis > out.verifyUntilMillis)
            k.verifyUntilMillis = out.verifyUntilMillis;
        if (*k.verifyUntilMillis <= now) {
            SB_TRY((*uow)->deleteTokenKey(k.keyId));
            out.deletedKeyIds.push_back(k.keyId);
        } else {
            SB_TRY((*uow)->updateTokenKey(k));
            out.retiredKeyIds.push_back(k.keyId);
        }
    }
    TokenKeyRecord fresh;
    fresh.keyId = newTokenKeyId(random);
    fresh.key = TokenService::generateKey(random);
    fresh.createdAtMillis = now;
    SB_TRY((*uow)->insertTokenKey(fresh));
    out.newKeyId = fresh.keyId;
    SB_TRY((*uow)->appendAudit(keyAudit("token_key_rotated", fresh.keyId, now,
                                        {{"retired", out.retiredKeyIds},
                                         {"deleted", out.deletedKeyIds},
                                         {"revoke_previous", revokePrevious},
                                         {"previous_verify_until_ms", out.verifyUntilMillis}})));
    SB_TRY((*uow)->commit());
    return out;
}

}  // namespace sitebook::server
