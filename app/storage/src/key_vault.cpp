#include "sitebook/storage/key_vault.h"

#include <sodium.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "atomic_file.h"
#include "sitebook/common/log.h"

namespace sitebook::storage {

namespace {

constexpr std::string_view kLog = "storage.vault";
constexpr int kFormat = 1;
constexpr std::string_view kAeadName = "xchacha20poly1305-ietf";
constexpr std::string_view kKdfName = "argon2id13";
constexpr std::string_view kAdPrefix = "sitebook.keyvault.v1";
constexpr std::string_view kPinWrap = "pin";
constexpr std::string_view kKeystoreWrap = "keystore";
constexpr std::size_t kVaultIdBytes = 16;
constexpr std::size_t kKekBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
// Refuse stored Argon2 parameters that would exhaust memory (a damaged or hostile file).
constexpr std::size_t kMaxMemLimit = std::size_t{1} << 30;

static_assert(KeyVault::kDataKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

struct Wrap {
    std::vector<std::uint8_t> nonce;
    std::vector<std::uint8_t> ciphertext;
};

// The contents of keys.json. Nothing in it is secret on its own.
struct VaultFile {
    std::string vaultId;  // hex, random
    KdfParams kdf;
    std::vector<std::uint8_t> salt;
    Wrap pinWrap;
    std::optional<std::string> keystoreEntry;
    std::optional<Wrap> keystoreWrap;
    int failedAttempts = 0;
    std::int64_t nextAttemptAtMillis = 0;
};

Error corruptFile(std::string_view what) {
    return makeError(ErrorCode::Corrupt, "the key file is damaged (" + std::string(what) +
                                             "); the database cannot be unlocked on this device");
}

Error noVault() {
    return makeError(ErrorCode::NotFound, "no database key has been set up on this device");
}

std::string toJson(const VaultFile& file) {
    nlohmann::json pin = {
        {"aead", kAeadName},
        {"kdf", kKdfName},
        {"opslimit", file.kdf.opsLimit},
        {"memlimit", file.kdf.memLimitBytes},
        {"salt", toHex(file.salt)},
        {"nonce", toHex(file.pinWrap.nonce)},
        {"ciphertext", toHex(file.pinWrap.ciphertext)},
    };
    nlohmann::json wraps = {{kPinWrap, pin}};
    if (file.keystoreWrap && file.keystoreEntry) {
        wraps[std::string(kKeystoreWrap)] = {
            {"aead", kAeadName},
            {"entry", *file.keystoreEntry},
            {"nonce", toHex(file.keystoreWrap->nonce)},
            {"ciphertext", toHex(file.keystoreWrap->ciphertext)},
        };
    }
    nlohmann::json root = {
        {"format", kFormat},
        {"vault_id", file.vaultId},
        {"wraps", wraps},
        {"pin_attempts",
         {{"failed", file.failedAttempts}, {"next_allowed_at_ms", file.nextAttemptAtMillis}}},
    };
    return root.dump(2) + "\n";
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

Result<VaultFile> parseVaultFile(const std::string& text) {
    nlohmann::json root = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded() || !root.is_object())
        return corruptFile("not valid JSON");
    try {
        if (root.value("format", 0) != kFormat) {
            return makeError(ErrorCode::SchemaTooNew,
                             "the key file was written by a newer version of Sitebook; install "
                             "the newer app");
        }
        VaultFile file;
        file.vaultId = root.at("vault_id").get<std::string>();
        const auto& wraps = root.at("wraps");
        const auto& pin = wraps.at(std::string(kPinWrap));
        if (pin.at("kdf").get<std::string>() != kKdfName ||
            pin.at("aead").get<std::string>() != kAeadName) {
            return corruptFile("unknown algorithm");
        }
        file.kdf.opsLimit = pin.at("opslimit").get<std::uint64_t>();
        file.kdf.memLimitBytes = pin.at("memlimit").get<std::size_t>();
        if (file.kdf.opsLimit < crypto_pwhash_argon2id_OPSLIMIT_MIN ||
            file.kdf.opsLimit > crypto_pwhash_argon2id_OPSLIMIT_MAX ||
            file.kdf.memLimitBytes < crypto_pwhash_argon2id_MEMLIMIT_MIN ||
            file.kdf.memLimitBytes > kMaxMemLimit) {
            return corruptFile("key derivation parameters out of range");
        }
        if (!hexField(pin, "salt", crypto_pwhash_SALTBYTES, file.salt) ||
            !hexField(pin, "nonce", crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
                      file.pinWrap.nonce) ||
            !hexField(pin, "ciphertext",
                      KeyVault::kDataKeyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES,
                      file.pinWrap.ciphertext)) {
            return corruptFile("PIN wrap");
        }
        if (auto ks = wraps.find(std::string(kKeystoreWrap)); ks != wraps.end()) {
            Wrap wrap;
            if (ks->at("aead").get<std::string>() != kAeadName ||
                !hexField(*ks, "nonce", crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, wrap.nonce) ||
                !hexField(*ks, "ciphertext",
                          KeyVault::kDataKeyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES,
                          wrap.ciphertext)) {
                return corruptFile("keystore wrap");
            }
            file.keystoreEntry = ks->at("entry").get<std::string>();
            file.keystoreWrap = std::move(wrap);
        }
        if (auto attempts = root.find("pin_attempts"); attempts != root.end()) {
            file.failedAttempts = std::max(0, attempts->value("failed", 0));
            file.nextAttemptAtMillis = attempts->value("next_allowed_at_ms", std::int64_t{0});
        }
        return file;
    } catch (const nlohmann::json::exception&) {
        return corruptFile("missing or mistyped field");
    }
}

std::vector<std::uint8_t> associatedData(const std::string& vaultId, std::string_view kind) {
    std::vector<std::uint8_t> ad;
    for (std::string_view part : {kAdPrefix, std::string_view(vaultId), kind}) {
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

Wrap wrapKey(const SecretBytes& dataKey, const SecretBytes& wrappingKey, const std::string& vaultId,
             std::string_view kind, RandomSource& random) {
    Wrap wrap;
    wrap.nonce = randomBytes(random, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    wrap.ciphertext.resize(dataKey.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    const auto ad = associatedData(vaultId, kind);
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(wrap.ciphertext.data(), &length, dataKey.data(),
                                               dataKey.size(), ad.data(), ad.size(), nullptr,
                                               wrap.nonce.data(), wrappingKey.data());
    wrap.ciphertext.resize(static_cast<std::size_t>(length));
    return wrap;
}

// The data key, or nullopt if `wrappingKey` does not open the wrap.
std::optional<SecretBytes> unwrapKey(const Wrap& wrap, const SecretBytes& wrappingKey,
                                     const std::string& vaultId, std::string_view kind) {
    if (wrappingKey.size() != kKekBytes)
        return std::nullopt;
    SecretBytes dataKey(KeyVault::kDataKeyBytes);
    const auto ad = associatedData(vaultId, kind);
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

Status checkKdf(const KdfParams& kdf) {
    if (kdf.opsLimit < crypto_pwhash_argon2id_OPSLIMIT_MIN ||
        kdf.opsLimit > crypto_pwhash_argon2id_OPSLIMIT_MAX ||
        kdf.memLimitBytes < crypto_pwhash_argon2id_MEMLIMIT_MIN ||
        kdf.memLimitBytes > kMaxMemLimit) {
        return makeError(ErrorCode::InvalidArgument, "Argon2id parameters out of range", "kdf");
    }
    return okStatus();
}

Result<VaultFile> loadVault(const std::filesystem::path& path) {
    auto text = detail::readSmallFile(path);
    if (!text.ok())
        return text.error();
    if (!text->has_value())
        return noVault();
    return parseVaultFile(**text);
}

Status saveVault(const std::filesystem::path& path, const VaultFile& file) {
    return detail::writeFileAtomically(path, toJson(file));
}

// "1 second", "30 seconds": the wait rounded up to whole seconds.
std::string secondsText(std::int64_t millis) {
    const std::int64_t seconds = (millis + 999) / 1000;
    return std::to_string(seconds) + (seconds == 1 ? " second" : " seconds");
}

}  // namespace

// ---------------------------------------------------------------------------------------------

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

Status KeyVault::validatePin(std::string_view pin) {
    const bool digitsOnly =
        std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (pin.size() < 4 || pin.size() > 12 || !digitsOnly) {
        return makeError(ErrorCode::InvalidArgument, "the PIN must be 4 to 12 digits", "pin");
    }
    return okStatus();
}

bool KeyVault::exists() const {
    std::error_code ec;
    return std::filesystem::exists(filePath(), ec);
}

Result<SecretBytes> KeyVault::create(std::string_view pin) {
    SB_TRY(validatePin(pin));
    SB_TRY(checkKdf(kdf_));
    if (exists()) {
        return makeError(ErrorCode::AlreadyExists,
                         "a database key is already set up here; unlock it or wipe it first");
    }
    SB_TRY(detail::ensurePrivateDirectory(directory_));

    SecretBytes dataKey(kDataKeyBytes);
    random_.fill(dataKey.span());

    VaultFile file;
    file.vaultId = toHex(randomBytes(random_, kVaultIdBytes));
    file.kdf = kdf_;
    file.salt = randomBytes(random_, crypto_pwhash_SALTBYTES);
    auto pinKey = derivePinKey(pin, file.salt, file.kdf);
    if (!pinKey.ok())
        return pinKey.error();
    file.pinWrap = wrapKey(dataKey, *pinKey, file.vaultId, kPinWrap, random_);

    if (keyStore_ != nullptr) {
        SecretBytes kek(kKekBytes);
        random_.fill(kek.span());
        const std::string entry = "keyvault-" + file.vaultId;
        if (Status stored = keyStore_->write(entry, kek); stored.ok()) {
            file.keystoreEntry = entry;
            file.keystoreWrap = wrapKey(dataKey, kek, file.vaultId, kKeystoreWrap, random_);
        } else {
            log::warning(kLog, "the platform keystore did not accept a key (" +
                                   std::string(errorCodeName(stored.code())) +
                                   "); the database key is protected by the PIN only");
        }
    }

    if (Status saved = saveVault(filePath(), file); !saved.ok()) {
        if (file.keystoreEntry)
            (void)keyStore_->remove(*file.keystoreEntry);
        return saved.error();
    }
    log::info(kLog, std::string("created a database key; protection: ") + protection());
    return dataKey;
}

Result<SecretBytes> KeyVault::unlockWithPin(std::string_view pin) {
    auto loaded = loadVault(filePath());
    if (!loaded.ok())
        return loaded.error();
    VaultFile file = std::move(loaded).value();

    const std::int64_t now = clock_.nowMillis();
    // A clock set back cannot stretch the wait beyond the delay of the current step.
    const std::int64_t wait =
        std::min(file.nextAttemptAtMillis - now, backoff_.delayAfter(file.failedAttempts));
    if (wait > 0) {
        log::info(kLog, "PIN attempt refused during the backoff delay");
        return makeError(ErrorCode::LockedOut,
                         "too many wrong PINs; try again in " + secondsText(wait));
    }
    SB_TRY(validatePin(pin));

    // Count the attempt before checking it, so interrupting the check does not save it.
    const int failures = file.failedAttempts + 1;
    const std::int64_t delay = backoff_.delayAfter(failures);
    file.failedAttempts = failures;
    file.nextAttemptAtMillis = now + delay;
    SB_TRY(saveVault(filePath(), file));

    auto pinKey = derivePinKey(pin, file.salt, file.kdf);
    if (!pinKey.ok())
        return pinKey.error();
    std::optional<SecretBytes> dataKey = unwrapKey(file.pinWrap, *pinKey, file.vaultId, kPinWrap);
    if (!dataKey) {
        log::warning(kLog, "wrong PIN (" + std::to_string(failures) + " in a row)");
        std::string message = "the PIN is wrong";
        if (delay > 0) {
            message += "; try again in " + secondsText(delay);
        } else if (failures == backoff_.freeFailures) {
            message += "; further wrong PINs will make you wait before trying again";
        }
        return makeError(ErrorCode::WrongKey, std::move(message));
    }

    file.failedAttempts = 0;
    file.nextAttemptAtMillis = 0;
    if (Status saved = saveVault(filePath(), file); !saved.ok()) {
        log::warning(kLog, "could not reset the wrong-PIN count: " + saved.error().message);
    }
    log::info(kLog, "unlocked with the PIN");
    return std::move(*dataKey);
}

Result<SecretBytes> KeyVault::unlockWithKeystore() {
    auto loaded = loadVault(filePath());
    if (!loaded.ok())
        return loaded.error();
    const VaultFile& file = *loaded;
    if (keyStore_ == nullptr) {
        return makeError(ErrorCode::KeystoreUnavailable,
                         "no platform keystore is reachable; unlock with the PIN");
    }
    if (!file.keystoreWrap || !file.keystoreEntry) {
        return makeError(ErrorCode::NotFound,
                         "the database key is protected by the PIN only; unlock with the PIN");
    }
    auto kek = keyStore_->read(*file.keystoreEntry);
    if (!kek.ok())
        return kek.error();
    if (!kek->has_value()) {
        log::warning(kLog, "the platform keystore no longer holds this device's key");
        return makeError(ErrorCode::NotFound,
                         "the platform keystore no longer holds this device's key; unlock with "
                         "the PIN");
    }
    std::optional<SecretBytes> dataKey =
        unwrapKey(*file.keystoreWrap, **kek, file.vaultId, kKeystoreWrap);
    if (!dataKey) {
        log::warning(kLog, "the platform keystore key does not open the database key");
        return makeError(ErrorCode::WrongKey,
                         "the platform keystore holds a different key; unlock with the PIN");
    }
    log::info(kLog, "unlocked with the platform keystore");
    return std::move(*dataKey);
}

Status KeyVault::changePin(std::string_view oldPin, std::string_view newPin) {
    if (Status valid = validatePin(newPin); !valid.ok()) {
        return makeError(ErrorCode::InvalidArgument, "the new PIN must be 4 to 12 digits",
                         "new_pin");
    }
    auto dataKey = unlockWithPin(oldPin);
    if (!dataKey.ok())
        return dataKey.error();

    auto loaded = loadVault(filePath());
    if (!loaded.ok())
        return loaded.error();
    VaultFile file = std::move(loaded).value();
    SB_TRY(checkKdf(kdf_));
    file.kdf = kdf_;
    file.salt = randomBytes(random_, crypto_pwhash_SALTBYTES);
    auto pinKey = derivePinKey(newPin, file.salt, file.kdf);
    if (!pinKey.ok())
        return pinKey.error();
    file.pinWrap = wrapKey(*dataKey, *pinKey, file.vaultId, kPinWrap, random_);
    SB_TRY(saveVault(filePath(), file));
    log::info(kLog, "changed the PIN");
    return okStatus();
}

Status KeyVault::wipe() {
    auto loaded = loadVault(filePath());
    std::optional<std::string> entry;
    if (loaded.ok())
        entry = loaded->keystoreEntry;
    // The file holds both wraps; without it the keystore entry alone opens nothing, so the file
    // goes first.
    SB_TRY(detail::destroyFile(filePath()));
    if (entry && keyStore_ != nullptr) {
        if (Status removed = keyStore_->remove(*entry); !removed.ok()) {
            log::warning(kLog, "could not remove the key from the platform keystore (" +
                                   std::string(errorCodeName(removed.code())) +
                                   "); it no longer opens anything");
        }
    }
    log::info(kLog, "wiped the database key");
    return okStatus();
}

VaultProtection KeyVault::protectionLevel() const {
    auto loaded = loadVault(filePath());
    if (!loaded.ok())
        return VaultProtection::NotSetUp;
    if (loaded->keystoreWrap && keyStore_ != nullptr)
        return VaultProtection::PinAndKeystore;
    return VaultProtection::PinOnly;
}

std::string KeyVault::protection() const {
    switch (protectionLevel()) {
        case VaultProtection::NotSetUp:
            return "not set up: no database key on this device";
        case VaultProtection::PinOnly:
            return "PIN only: no platform keystore is reachable";
        case VaultProtection::PinAndKeystore:
            return "PIN and platform keystore (" + keyStore_->description() + ")";
    }
    return {};
}

Result<std::int64_t> KeyVault::lockedOutForMillis() const {
    auto loaded = loadVault(filePath());
    if (!loaded.ok())
        return loaded.error();
    const std::int64_t wait = std::min(loaded->nextAttemptAtMillis - clock_.nowMillis(),
                                       backoff_.delayAfter(loaded->failedAttempts));
    return std::max<std::int64_t>(wait, 0);
}

Result<int> KeyVault::failedAttempts() const {
    auto loaded = loadVault(filePath());
    if (!loaded.ok())
        return loaded.error();
    return loaded->failedAttempts;
}

}  // namespace sitebook::storage
