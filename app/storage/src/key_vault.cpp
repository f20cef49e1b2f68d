#include "sitebook/storage/key_vault.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "atomic_file.h"
#include "sitebook/common/log.h"

namespace sitebook::storage {

namespace {

constexpr std::string_view kLog = "storage.vault";
constexpr int kFormatPinOnlyV1 = 1;
constexpr std::string_view kAeadName = "xchacha20poly1305-ietf";
constexpr std::string_view kKdfName = "argon2id13";
constexpr std::string_view kAdPrefixV1 = "sitebook.keyvault.v1";
constexpr std::string_view kAdPrefix = "sitebook.keyvault.v2";
constexpr std::string_view kKekContext = "sitebook.keyvault.kek.v2";
constexpr std::string_view kPinWrap = "pin";
constexpr std::string_view kTwoFactorWrap = "pin+keystore";
constexpr std::string_view kKeystoreWrapV1 = "keystore";
constexpr std::string_view kProbeEntry = "sitebook-keystore-probe";
constexpr std::size_t kVaultIdBytes = 16;
constexpr std::size_t kKekBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr std::size_t kAttemptsBytes = 4 + 8 + 8;
// Refuse stored Argon2 parameters that would exhaust memory (a damaged or hostile file).
constexpr std::size_t kMaxMemLimit = std::size_t{1} << 30;

static_assert(KeyVault::kDataKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

struct Wrap {
    std::vector<std::uint8_t> nonce;
    std::vector<std::uint8_t> ciphertext;
};

std::string secretEntry(const std::string& vaultId) {
    return "sitebook-vault-" + vaultId;
}

std::string attemptsEntry(const std::string& vaultId) {
    return secretEntry(vaultId) + "-attempts";
}

Error corruptFile(std::string_view what) {
    return makeError(ErrorCode::Corrupt, "the key file is damaged (" + std::string(what) +
                                             "); the database cannot be unlocked on this device");
}

Error noVault() {
    return makeError(ErrorCode::NotFound, "no database key has been set up on this device");
}

Error tampered() {
    return makeError(ErrorCode::LockedOut,
                     "the key file has been changed outside Sitebook; the PIN cannot be tried. "
                     "Sign out and sign in again to set this device up afresh");
}

bool hexField(const nlohmann::json& object, const char* name, std::size_t expectedSize,
              std::vector<std::uint8_t>& out) {
    auto it = object.find(name);
    if (it == object.end() || !it->is_string())
        return false;
    if (!fromHex(it->get<std::string>(), out))
        return false;
    return expectedSize == 0 || out.size() == expectedSize;
}

bool kdfInRange(const KdfParams& kdf) {
    return kdf.opsLimit >= crypto_pwhash_argon2id_OPSLIMIT_MIN &&
           kdf.opsLimit <= crypto_pwhash_argon2id_OPSLIMIT_MAX &&
           kdf.memLimitBytes >= crypto_pwhash_argon2id_MEMLIMIT_MIN &&
           kdf.memLimitBytes <= kMaxMemLimit;
}

std::vector<std::uint8_t> associatedData(std::string_view prefix, const std::string& vaultId,
                                         std::string_view kind) {
    std::vector<std::uint8_t> ad;
    for (std::string_view part : {prefix, std::string_view(vaultId), kind}) {
        ad.insert(ad.end(), part.begin(), part.end());
        ad.push_back(0);
    }
    return ad;
}

std::vector<std::uint8_t> randomBytes(RandomSource& random, std::size_t size) {
    std::vector<std::uint8_t> out(size);
    random.fill(out);
    return out;
}

Wrap wrapKey(const SecretBytes& dataKey, const SecretBytes& wrappingKey,
             const std::vector<std::uint8_t>& ad, RandomSource& random) {
    Wrap wrap;
    wrap.nonce = randomBytes(random, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    wrap.ciphertext.resize(dataKey.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(wrap.ciphertext.data(), &length, dataKey.data(),
                                               dataKey.size(), ad.data(), ad.size(), nullptr,
                                               wrap.nonce.data(), wrappingKey.data());
    wrap.ciphertext.resize(static_cast<std::size_t>(length));
    return wrap;
}

// The data key, or nullopt if `wrappingKey` does not open the wrap.
std::optional<SecretBytes> unwrapKey(const Wrap& wrap, const SecretBytes& wrappingKey,
                                     const std::vector<std::uint8_t>& ad) {
    if (wrappingKey.size() != kKekBytes)
        return std::nullopt;
    SecretBytes dataKey(KeyVault::kDataKeyBytes);
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            dataKey.data(), &length, nullptr, wrap.ciphertext.data(), wrap.ciphertext.size(),
            ad.data(), ad.size(), wrap.nonce.data(), wrappingKey.data()) != 0 ||
        length != KeyVault::kDataKeyBytes) {
        return std::nullopt;
    }
    return dataKey;
}

Result<SecretBytes> derivePinKey(std::string_view pin, std::span<const std::uint8_t> salt,
                                 const KdfParams& kdf) {
    SecretBytes key(kKekBytes);
    if (crypto_pwhash(key.data(), key.size(), pin.data(), pin.size(), salt.data(), kdf.opsLimit,
                      kdf.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return makeError(ErrorCode::ResourceExhausted,
                         "not enough memory to derive the key from the PIN");
    }
    return key;
}

// The two-factor key-encryption key: BLAKE2b keyed with the keystore's secret over a context
// string and the PIN-derived key.
SecretBytes combineKeys(const SecretBytes& pinKey, const SecretBytes& keystoreSecret) {
    SecretBytes message(kKekContext.size() + 1 + pinKey.size());
    std::memcpy(message.data(), kKekContext.data(), kKekContext.size());
    message.data()[kKekContext.size()] = 0;
    std::memcpy(message.data() + kKekContext.size() + 1, pinKey.data(), pinKey.size());
    SecretBytes kek(kKekBytes);
    crypto_generichash(kek.data(), kek.size(), message.data(), message.size(),
                       keystoreSecret.data(), keystoreSecret.size());
    return kek;
}

Status checkKdf(const KdfParams& kdf) {
    if (!kdfInRange(kdf))
        return makeError(ErrorCode::InvalidArgument, "Argon2id parameters out of range", "kdf");
    return okStatus();
}

// "1 second", "30 seconds": the wait rounded up to whole seconds.
std::string secondsText(std::int64_t millis) {
    const std::int64_t seconds = (millis + 999) / 1000;
    return std::to_string(seconds) + (seconds == 1 ? " second" : " seconds");
}

bool digitsOnly(std::string_view pin) {
    return std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool trivialPin(std::string_view pin) {
    const std::size_t n = pin.size();
    if (n < 2)
        return true;
    // A run up or down, wrapping 9 -> 0 (123456, 654321, 890123) or one digit repeated.
    for (int step : {0, 1, 9}) {
        bool run = true;
        for (std::size_t i = 1; i < n && run; ++i)
            run = (pin[i] - '0') == ((pin[i - 1] - '0') + step) % 10;
        if (run)
            return true;
    }
    // A block of at most half the length, repeated (121212, 123123, 12341234).
    for (std::size_t period = 1; period <= n / 2; ++period) {
        if (n % period != 0)
            continue;
        bool repeats = true;
        for (std::size_t i = period; i < n && repeats; ++i)
            repeats = pin[i] == pin[i - period];
        if (repeats)
            return true;
    }
    return false;
}

std::int64_t readInt(const std::uint8_t* p, std::size_t bytes) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < bytes; ++i)
        v |= std::uint64_t{p[i]} << (8 * i);
    if (bytes == 4)
        return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
    return static_cast<std::int64_t>(v);
}

void writeInt(std::uint8_t* p, std::int64_t value, std::size_t bytes) {
    const auto v = static_cast<std::uint64_t>(value);
    for (std::size_t i = 0; i < bytes; ++i)
        p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

}  // namespace

// The wrong-PIN count and the latest time seen (never decreasing).
struct KeyVault::Attempts {
    int failed = 0;
    std::int64_t nextAllowedAtMillis = 0;
    std::int64_t latestSeenMillis = 0;
};

// keys.json as read, with the wrong-PIN count from wherever it lives.
struct KeyVault::Loaded {
    int format = kFormat;
    std::string vaultId;  // hex, random
    VaultProtection mode = VaultProtection::PinOnly;
    KdfParams kdf;
    std::vector<std::uint8_t> salt;
    Wrap wrap;
    // Format 1 only: the entry of the keystore-only wrap, removed on migration.
    std::optional<std::string> legacyKeystoreEntry;
    Attempts attempts;

    std::vector<std::uint8_t> ad() const {
        if (format == kFormatPinOnlyV1)
            return associatedData(kAdPrefixV1, vaultId, kPinWrap);
        return associatedData(kAdPrefix, vaultId,
                              mode == VaultProtection::PinAndKeystore ? kTwoFactorWrap : kPinWrap);
    }
};

namespace {

nlohmann::json attemptsJson(int failed, std::int64_t next, std::int64_t latest) {
    return {{"failed", failed}, {"next_allowed_at_ms", next}, {"latest_seen_ms", latest}};
}

Result<KeyVault::Loaded> parseVaultFile(const std::string& text) {
    nlohmann::json root = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded() || !root.is_object())
        return corruptFile("not valid JSON");
    try {
        const int format = root.value("format", 0);
        if (format > KeyVault::kFormat) {
            return makeError(ErrorCode::SchemaTooNew,
                             "the key file was written by a newer version of Sitebook (format " +
                                 std::to_string(format) + "); install the newer app");
        }
        if (format < kFormatPinOnlyV1)
            return corruptFile("unknown format");
        KeyVault::Loaded file;
        file.format = format;
        file.vaultId = root.at("vault_id").get<std::string>();
        const nlohmann::json* kdfObject = nullptr;
        const nlohmann::json* wrapObject = nullptr;
        if (format == kFormatPinOnlyV1) {
            const auto& wraps = root.at("wraps");
            kdfObject = &wraps.at(std::string(kPinWrap));
            wrapObject = kdfObject;
            file.mode = VaultProtection::PinOnly;
            if (auto ks = wraps.find(std::string(kKeystoreWrapV1)); ks != wraps.end())
                file.legacyKeystoreEntry = ks->at("entry").get<std::string>();
        } else {
            const std::string mode = root.at("mode").get<std::string>();
            if (mode == kTwoFactorWrap)
                file.mode = VaultProtection::PinAndKeystore;
            else if (mode == kPinWrap)
                file.mode = VaultProtection::PinOnly;
            else
                return corruptFile("unknown mode");
            kdfObject = &root.at("kdf");
            wrapObject = &root.at("wrap");
        }
        const char* kdfNameField = format == kFormatPinOnlyV1 ? "kdf" : "name";
        if (kdfObject->at(kdfNameField).get<std::string>() != kKdfName ||
            wrapObject->at("aead").get<std::string>() != kAeadName) {
            return corruptFile("unknown algorithm");
        }
        file.kdf.opsLimit = kdfObject->at("opslimit").get<std::uint64_t>();
        file.kdf.memLimitBytes = kdfObject->at("memlimit").get<std::size_t>();
        if (!kdfInRange(file.kdf))
            return corruptFile("key derivation parameters out of range");
        if (!hexField(*kdfObject, "salt", crypto_pwhash_SALTBYTES, file.salt) ||
            !hexField(*wrapObject, "nonce", crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
                      file.wrap.nonce) ||
            !hexField(*wrapObject, "ciphertext",
                      KeyVault::kDataKeyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES,
                      file.wrap.ciphertext)) {
            return corruptFile("PIN wrap");
        }
        // In the two-factor mode the count lives in the keystore; a count in the file is not
        // read (so writing one there changes nothing).
        if (file.mode == VaultProtection::PinOnly) {
            if (auto attempts = root.find("pin_attempts"); attempts != root.end()) {
                file.attempts.failed = std::max(0, attempts->value("failed", 0));
                file.attempts.nextAllowedAtMillis =
                    attempts->value("next_allowed_at_ms", std::int64_t{0});
                file.attempts.latestSeenMillis = attempts->value("latest_seen_ms", std::int64_t{0});
            }
        }
        return file;
    } catch (const nlohmann::json::exception&) {
        return corruptFile("missing or mistyped field");
    }
}

std::string toJson(const KeyVault::Loaded& file) {
    nlohmann::json root = {
        {"format", KeyVault::kFormat},
        {"vault_id", file.vaultId},
        {"mode", file.mode == VaultProtection::PinAndKeystore ? kTwoFactorWrap : kPinWrap},
        {"kdf",
         {{"name", kKdfName},
          {"opslimit", file.kdf.opsLimit},
          {"memlimit", file.kdf.memLimitBytes},
          {"salt", toHex(file.salt)}}},
        {"wrap",
         {{"aead", kAeadName},
          {"nonce", toHex(file.wrap.nonce)},
          {"ciphertext", toHex(file.wrap.ciphertext)}}},
    };
    if (file.mode == VaultProtection::PinAndKeystore) {
        root["keystore_entry"] = secretEntry(file.vaultId);
    } else {
        root["pin_attempts"] = attemptsJson(file.attempts.failed, file.attempts.nextAllowedAtMillis,
                                            file.attempts.latestSeenMillis);
    }
    return root.dump(2) + "\n";
}

Result<KeyVault::Loaded> readVaultFile(const std::filesystem::path& path) {
    auto text = detail::readSmallFile(path);
    if (!text.ok())
        return text.error();
    if (!text->has_value())
        return noVault();
    return parseVaultFile(**text);
}

SecretBytes encodeAttempts(int failed, std::int64_t next, std::int64_t latest) {
    SecretBytes bytes(kAttemptsBytes);
    writeInt(bytes.data(), failed, 4);
    writeInt(bytes.data() + 4, next, 8);
    writeInt(bytes.data() + 12, latest, 8);
    return bytes;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

KdfParams KdfParams::withoutKeystore() const {
    constexpr std::size_t kCap = std::size_t{256} * 1024 * 1024;
    KdfParams stronger = *this;
    stronger.opsLimit = opsLimit + 1;
    stronger.memLimitBytes = std::max(memLimitBytes, std::min(memLimitBytes * 2, kCap));
    return stronger;
}

std::int64_t PinBackoff::delayAfter(int failures) const {
    if (failures <= freeFailures)
        return 0;
    std::int64_t delay = firstDelayMillis;
    for (int i = freeFailures + 1; i < failures && delay < maxDelayMillis; ++i)
        delay *= 2;
    return std::min(delay, maxDelayMillis);
}

std::filesystem::path KeyVault::directoryFor(const std::filesystem::path& databasePath) {
    std::filesystem::path dir = databasePath;
    dir += ".keys";
    return dir;
}

KeyVault::KeyVault(std::filesystem::path directory, KeyStore* keyStore, const Clock& clock,
                   RandomSource& random, KdfParams kdf, PinBackoff backoff)
    : directory_(std::move(directory)),
      keyStore_(keyStore),
      clock_(clock),
      random_(random),
      kdf_(kdf),
      backoff_(backoff) {
    if (sodium_init() < 0)
        log::error(kLog, "libsodium failed to initialise");
}

std::filesystem::path KeyVault::filePath() const {
    return directory_ / kFileName;
}

int KeyVault::minPinLength(VaultProtection protection) {
    return protection == VaultProtection::PinOnly ? 8 : 6;
}

PinProblem KeyVault::checkPin(std::string_view pin, VaultProtection protection) {
    if (!digitsOnly(pin))
        return PinProblem::NotDigits;
    if (pin.size() < static_cast<std::size_t>(minPinLength(protection)))
        return PinProblem::TooShort;
    if (pin.size() > kMaxPinLength)
        return PinProblem::TooLong;
    if (trivialPin(pin))
        return PinProblem::Trivial;
    return PinProblem::None;
}

Status KeyVault::validatePin(std::string_view pin, VaultProtection protection) {
    const std::string range = std::to_string(minPinLength(protection)) + " to " +
                              std::to_string(kMaxPinLength) + " digits";
    switch (checkPin(pin, protection)) {
        case PinProblem::None:
            return okStatus();
        case PinProblem::NotDigits:
        case PinProblem::TooShort:
        case PinProblem::TooLong:
            return makeError(ErrorCode::InvalidArgument, "the PIN must be " + range, "pin");
        case PinProblem::Trivial:
            return makeError(ErrorCode::InvalidArgument,
                             "the PIN must not be a run or a repeat like 123456 or 111111", "pin");
    }
    return okStatus();
}

bool KeyVault::exists() const {
    std::error_code ec;
    return std::filesystem::exists(filePath(), ec);
}

VaultProtection KeyVault::protectionForNewVault() const {
    if (keyStore_ == nullptr)
        return VaultProtection::PinOnly;
    if (!keystoreReachable_) {
        auto probe = keyStore_->read(kProbeEntry);
        keystoreReachable_ = probe.ok();
        if (!probe.ok()) {
            log::warning(kLog, "the platform keystore is not reachable (" +
                                   std::string(errorCodeName(probe.code())) +
                                   "); a new vault would be protected by the PIN only");
        }
    }
    return *keystoreReachable_ ? VaultProtection::PinAndKeystore : VaultProtection::PinOnly;
}

Result<KeyVault::Loaded> KeyVault::load() const {
    auto loaded = readVaultFile(filePath());
    if (!loaded.ok())
        return loaded;
    if (loaded->format != kFormat)
        return loaded;
    if (loaded->mode == VaultProtection::PinOnly) {
        // A vault whose secret is still in the keystore was made two-factor: a file that now
        // says PIN-only has been edited (to escape the keystore's wrong-PIN count).
        if (keyStore_ != nullptr) {
            auto secret = keyStore_->read(secretEntry(loaded->vaultId));
            if (secret.ok() && secret->has_value()) {
                log::warning(kLog, "the key file says PIN only but the keystore holds its secret");
                return tampered();
            }
        }
        return loaded;
    }
    if (keyStore_ == nullptr) {
        return makeError(ErrorCode::KeystoreUnavailable,
                         "the database key needs the platform keystore, which is not available");
    }
    auto stored = keyStore_->read(attemptsEntry(loaded->vaultId));
    if (!stored.ok()) {
        return makeError(ErrorCode::KeystoreUnavailable,
                         "the platform keystore does not answer (" + stored.error().message +
                             "); unlock the keyring of this account and try again");
    }
    if (!stored->has_value() || (*stored)->size() != kAttemptsBytes) {
        log::warning(kLog, "the wrong-PIN count is missing from the platform keystore");
        return tampered();
    }
    const std::uint8_t* p = (*stored)->data();
    loaded->attempts.failed = std::max<int>(0, static_cast<int>(readInt(p, 4)));
    loaded->attempts.nextAllowedAtMillis = readInt(p + 4, 8);
    loaded->attempts.latestSeenMillis = readInt(p + 12, 8);
    return loaded;
}

Status KeyVault::saveAttempts(const Loaded& loaded, const Attempts& attempts) {
    if (loaded.format == kFormat && loaded.mode == VaultProtection::PinAndKeystore) {
        return keyStore_->write(attemptsEntry(loaded.vaultId),
                                encodeAttempts(attempts.failed, attempts.nextAllowedAtMillis,
                                               attempts.latestSeenMillis));
    }
    if (loaded.format == kFormatPinOnlyV1) {
        // Rewrite the old file with the new count only, keeping its format for the migration.
        auto text = detail::readSmallFile(filePath());
        SB_TRY(text);
        if (!text->has_value())
            return noVault();
        nlohmann::json root = nlohmann::json::parse(**text, nullptr, false);
        if (root.is_discarded() || !root.is_object())
            return corruptFile("not valid JSON");
        root["pin_attempts"] =
            attemptsJson(attempts.failed, attempts.nextAllowedAtMillis, attempts.latestSeenMillis);
        return detail::writeFileAtomically(filePath(), root.dump(2) + "\n");
    }
    Loaded copy = loaded;
    copy.attempts = attempts;
    return detail::writeFileAtomically(filePath(), toJson(copy));
}

Result<SecretBytes> KeyVault::create(std::string_view pin) {
    VaultProtection mode = protectionForNewVault();
    SB_TRY(validatePin(pin, mode));
    SB_TRY(checkKdf(kdf_));
    if (exists()) {
        return makeError(ErrorCode::AlreadyExists,
                         "a database key is already set up here; unlock it or wipe it first");
    }
    SB_TRY(detail::ensurePrivateDirectory(directory_));

    SecretBytes dataKey(kDataKeyBytes);
    random_.fill(dataKey.span());

    Loaded file;
    file.vaultId = toHex(randomBytes(random_, kVaultIdBytes));
    file.attempts.latestSeenMillis = clock_.nowMillis();

    SecretBytes keystoreSecret;
    if (mode == VaultProtection::PinAndKeystore) {
        keystoreSecret = SecretBytes(kKekBytes);
        random_.fill(keystoreSecret.span());
        Status stored = keyStore_->write(attemptsEntry(file.vaultId),
                                         encodeAttempts(0, 0, file.attempts.latestSeenMillis));
        if (stored.ok())
            stored = keyStore_->write(secretEntry(file.vaultId), keystoreSecret);
        if (!stored.ok()) {
            log::warning(kLog, "the platform keystore did not accept a key (" +
                                   std::string(errorCodeName(stored.code())) +
                                   "); the database key is protected by the PIN only");
            (void)keyStore_->remove(attemptsEntry(file.vaultId));
            (void)keyStore_->remove(secretEntry(file.vaultId));
            keystoreReachable_ = false;
            mode = VaultProtection::PinOnly;
            SB_TRY(validatePin(pin, mode));
        }
    }
    file.mode = mode;
    file.kdf = mode == VaultProtection::PinAndKeystore ? kdf_ : kdf_.withoutKeystore();
    file.salt = randomBytes(random_, crypto_pwhash_SALTBYTES);
    auto pinKey = derivePinKey(pin, file.salt, file.kdf);
    if (!pinKey.ok())
        return pinKey.error();
    const SecretBytes kek =
        mode == VaultProtection::PinAndKeystore ? combineKeys(*pinKey, keystoreSecret) : *pinKey;
    file.wrap = wrapKey(dataKey, kek, file.ad(), random_);

    if (Status saved = detail::writeFileAtomically(filePath(), toJson(file)); !saved.ok()) {
        if (mode == VaultProtection::PinAndKeystore) {
            (void)keyStore_->remove(secretEntry(file.vaultId));
            (void)keyStore_->remove(attemptsEntry(file.vaultId));
        }
        return saved.error();
    }
    log::info(kLog, std::string("created a database key; protection: ") + protection());
    return dataKey;
}

Result<SecretBytes> KeyVault::unlockWithPin(std::string_view pin) {
    auto loaded = load();
    if (!loaded.ok())
        return loaded.error();
    Loaded file = std::move(loaded).value();

    // Time never goes back: a clock set back counts as the latest time seen.
    const std::int64_t now = std::max(clock_.nowMillis(), file.attempts.latestSeenMillis);
    // A clock set back cannot stretch the wait beyond the delay of the current step.
    const std::int64_t wait = std::min(file.attempts.nextAllowedAtMillis - now,
                                       backoff_.delayAfter(file.attempts.failed));
    if (wait > 0) {
        log::info(kLog, "PIN attempt refused during the backoff delay");
        return makeError(ErrorCode::LockedOut,
                         "too many wrong PINs; try again in " + secondsText(wait));
    }
    if (pin.empty() || pin.size() > kMaxPinLength || !digitsOnly(pin))
        return makeError(ErrorCode::InvalidArgument, "a PIN is made of digits only", "pin");

    SecretBytes keystoreSecret;
    if (file.format == kFormat && file.mode == VaultProtection::PinAndKeystore) {
        auto secret = keyStore_->read(secretEntry(file.vaultId));
        if (!secret.ok()) {
            return makeError(ErrorCode::KeystoreUnavailable,
                             "the platform keystore does not answer (" + secret.error().message +
                                 "); unlock the keyring of this account and try again");
        }
        if (!secret->has_value()) {
            log::warning(kLog, "the platform keystore no longer holds this device's key");
            return makeError(ErrorCode::NotFound,
                             "the platform keystore no longer holds this device's key; sign out "
                             "and sign in again");
        }
        keystoreSecret = std::move(**secret);
    }

    // Count the attempt before checking it, so interrupting the check does not save it.
    Attempts counted;
    counted.failed = file.attempts.failed + 1;
    const std::int64_t delay = backoff_.delayAfter(counted.failed);
    counted.nextAllowedAtMillis = now + delay;
    counted.latestSeenMillis = now;
    SB_TRY(saveAttempts(file, counted));

    auto pinKey = derivePinKey(pin, file.salt, file.kdf);
    if (!pinKey.ok())
        return pinKey.error();
    const SecretBytes kek = keystoreSecret.empty() ? *pinKey : combineKeys(*pinKey, keystoreSecret);
    std::optional<SecretBytes> dataKey = unwrapKey(file.wrap, kek, file.ad());
    if (!dataKey) {
        log::warning(kLog, "wrong PIN (" + std::to_string(counted.failed) + " in a row)");
        if (backoff_.wipeAfter > 0 && counted.failed >= backoff_.wipeAfter) {
            log::warning(kLog, "the wrong-PIN limit is reached; shredding the database key");
            if (Status wiped = wipe(); !wiped.ok())
                log::error(kLog, "shredding the database key failed: " + wiped.error().toString());
            shredded_ = true;
            return makeError(ErrorCode::LockedOut,
                             "too many wrong PINs: the keys on this device have been destroyed and "
                             "its records can no longer be opened; sign in again");
        }
        std::string message = "the PIN is wrong";
        const int left = backoff_.wipeAfter > 0 ? backoff_.wipeAfter - counted.failed : -1;
        if (left > 0 && left <= 3) {
            message += "; " + std::to_string(left) + (left == 1 ? " try" : " tries") +
                       " left before this device is wiped";
        }
        if (delay > 0) {
            message += "; try again in " + secondsText(delay);
        } else if (counted.failed == backoff_.freeFailures) {
            message += "; further wrong PINs will make you wait before trying again";
        }
        return makeError(ErrorCode::WrongKey, std::move(message));
    }

    Attempts reset;
    reset.latestSeenMillis = now;
    if (Status saved = saveAttempts(file, reset); !saved.ok()) {
        log::warning(kLog, "could not reset the wrong-PIN count: " + saved.error().message);
    }
    openedOlderFormat_ = file.format != kFormat;
    if (file.format != kFormat) {
        if (auto migrated = migrate(file, *dataKey, pin); !migrated.ok()) {
            log::warning(kLog, "could not migrate the key file; it keeps working as it is: " +
                                   migrated.error().toString());
        }
    }
    log::info(kLog, "unlocked with the PIN");
    return std::move(*dataKey);
}

Result<SecretBytes> KeyVault::migrate(Loaded& old, const SecretBytes& dataKey,
                                      std::string_view pin) {
    SB_TRY(checkKdf(kdf_));
    Loaded file;
    file.vaultId = old.vaultId;
    file.mode = protectionForNewVault();
    file.attempts.latestSeenMillis = std::max(clock_.nowMillis(), old.attempts.latestSeenMillis);
    SecretBytes keystoreSecret;
    if (file.mode == VaultProtection::PinAndKeystore) {
        keystoreSecret = SecretBytes(kKekBytes);
        random_.fill(keystoreSecret.span());
        SB_TRY(keyStore_->write(attemptsEntry(file.vaultId),
                                encodeAttempts(0, 0, file.attempts.latestSeenMillis)));
        SB_TRY(keyStore_->write(secretEntry(file.vaultId), keystoreSecret));
    }
    file.kdf = file.mode == VaultProtection::PinAndKeystore ? kdf_ : kdf_.withoutKeystore();
    file.salt = randomBytes(random_, crypto_pwhash_SALTBYTES);
    auto pinKey = derivePinKey(pin, file.salt, file.kdf);
    SB_TRY(pinKey);
    const SecretBytes kek = keystoreSecret.empty() ? *pinKey : combineKeys(*pinKey, keystoreSecret);
    file.wrap = wrapKey(dataKey, kek, file.ad(), random_);
    if (Status saved = detail::writeFileAtomically(filePath(), toJson(file)); !saved.ok()) {
        if (file.mode == VaultProtection::PinAndKeystore) {
            (void)keyStore_->remove(secretEntry(file.vaultId));
            (void)keyStore_->remove(attemptsEntry(file.vaultId));
        }
        return saved.error();
    }
    // The old keystore-only wrap opened the data key without the PIN: its key goes.
    if (old.legacyKeystoreEntry && keyStore_ != nullptr)
        (void)keyStore_->remove(*old.legacyKeystoreEntry);
    log::info(kLog, "migrated the key file to format " + std::to_string(kFormat) +
                        "; protection: " + protection());
    return SecretBytes(dataKey);
}

Status KeyVault::changePin(std::string_view oldPin, std::string_view newPin) {
    {
        auto current = readVaultFile(filePath());
        if (!current.ok())
            return current.error();
        // A format-1 vault is migrated by the unlock below; its new mode is what the keystore
        // allows now.
        const VaultProtection mode =
            current->format == kFormat ? current->mode : protectionForNewVault();
        if (Status valid = validatePin(newPin, mode); !valid.ok())
            return makeError(ErrorCode::InvalidArgument, valid.error().message, "new_pin");
    }
    auto dataKey = unlockWithPin(oldPin);
    if (!dataKey.ok())
        return dataKey.error();

    auto loaded = load();
    if (!loaded.ok())
        return loaded.error();
    Loaded file = std::move(loaded).value();
    if (file.format != kFormat)
        return makeError(ErrorCode::Internal, "the key file could not be brought up to date");
    if (Status valid = validatePin(newPin, file.mode); !valid.ok())
        return makeError(ErrorCode::InvalidArgument, valid.error().message, "new_pin");
    SecretBytes keystoreSecret;
    if (file.mode == VaultProtection::PinAndKeystore) {
        auto secret = keyStore_->read(secretEntry(file.vaultId));
        SB_TRY(secret);
        if (!secret->has_value())
            return makeError(ErrorCode::NotFound,
                             "the platform keystore no longer holds this device's key");
        keystoreSecret = std::move(**secret);
    }
    SB_TRY(checkKdf(kdf_));
    file.kdf = file.mode == VaultProtection::PinAndKeystore ? kdf_ : kdf_.withoutKeystore();
    file.salt = randomBytes(random_, crypto_pwhash_SALTBYTES);
    auto pinKey = derivePinKey(newPin, file.salt, file.kdf);
    if (!pinKey.ok())
        return pinKey.error();
    const SecretBytes kek = keystoreSecret.empty() ? *pinKey : combineKeys(*pinKey, keystoreSecret);
    file.wrap = wrapKey(*dataKey, kek, file.ad(), random_);
    SB_TRY(detail::writeFileAtomically(filePath(), toJson(file)));
    log::info(kLog, "changed the PIN");
    return okStatus();
}

Status KeyVault::wipe() {
    auto loaded = readVaultFile(filePath());
    // The file holds the wrap; without it the keystore's secret opens nothing, so it goes first.
    SB_TRY(detail::destroyFile(filePath()));
    if (loaded.ok() && keyStore_ != nullptr) {
        std::vector<std::string> entries;
        if (loaded->format == kFormat) {
            entries = {secretEntry(loaded->vaultId), attemptsEntry(loaded->vaultId)};
        } else if (loaded->legacyKeystoreEntry) {
            entries = {*loaded->legacyKeystoreEntry};
        }
        for (const std::string& entry : entries) {
            if (Status removed = keyStore_->remove(entry); !removed.ok()) {
                log::warning(kLog, "could not remove a key from the platform keystore (" +
                                       std::string(errorCodeName(removed.code())) +
                                       "); it no longer opens anything");
            }
        }
    }
    log::info(kLog, "wiped the database key");
    return okStatus();
}

VaultProtection KeyVault::protectionLevel() const {
    auto loaded = readVaultFile(filePath());
    if (!loaded.ok())
        return VaultProtection::NotSetUp;
    return loaded->mode;
}

std::string KeyVault::protection() const {
    switch (protectionLevel()) {
        case VaultProtection::NotSetUp:
            return "not set up: no database key on this device";
        case VaultProtection::PinOnly:
            return "PIN only: no platform keystore is reachable";
        case VaultProtection::PinAndKeystore:
            return "PIN and platform keystore (" +
                   (keyStore_ != nullptr ? keyStore_->description() : std::string("unreachable")) +
                   ")";
    }
    return {};
}

Result<std::int64_t> KeyVault::lockedOutForMillis() const {
    auto loaded = load();
    if (!loaded.ok())
        return loaded.error();
    const std::int64_t now = std::max(clock_.nowMillis(), loaded->attempts.latestSeenMillis);
    const std::int64_t wait = std::min(loaded->attempts.nextAllowedAtMillis - now,
                                       backoff_.delayAfter(loaded->attempts.failed));
    return std::max<std::int64_t>(wait, 0);
}

Result<int> KeyVault::failedAttempts() const {
    auto loaded = load();
    if (!loaded.ok())
        return loaded.error();
    return loaded->attempts.failed;
}

Result<int> KeyVault::attemptsBeforeWipe() const {
    if (backoff_.wipeAfter <= 0)
        return -1;
    auto loaded = load();
    if (!loaded.ok())
        return loaded.error();
    return std::max(0, backoff_.wipeAfter - loaded->attempts.failed);
}

}  // namespace sitebook::storage
