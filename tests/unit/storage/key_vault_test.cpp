#include "sitebook/storage/key_vault.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "sitebook/storage/memory_key_store.h"
#include "storage_test_support.h"

namespace sitebook::storage {
namespace {

using testing::fastKdf;
using testing::kOtherPin;
using testing::kTestPin;
using testing::readBytes;
using testing::TempDir;
using testing::UnavailableKeyStore;
using testing::writeBytes;

constexpr std::int64_t kSecond = 1000;

class KeyVaultTest : public ::testing::Test {
protected:
    KeyVault vault(KeyStore* store) {
        return KeyVault(dir_.path() / "keys", store, clock_, SecureRandom::instance(), fastKdf());
    }
    std::filesystem::path keysFile() const { return dir_.path() / "keys" / "keys.json"; }

    TempDir dir_;
    ManualClock clock_;
    MemoryKeyStore keystore_;
};

TEST(PinTest, PolicyRefusesShortAndTrivialPins) {
    struct Case {
        const char* pin;
        PinProblem withKeystore;
        PinProblem withoutKeystore;
    };
    const Case cases[] = {
        {"", PinProblem::TooShort, PinProblem::TooShort},
        {"2468", PinProblem::TooShort, PinProblem::TooShort},
        {"24681", PinProblem::TooShort, PinProblem::TooShort},
        {"246813", PinProblem::None, PinProblem::TooShort},
        {"2468135", PinProblem::None, PinProblem::TooShort},
        {"24681357", PinProblem::None, PinProblem::None},
        {"9024681357135790", PinProblem::None, PinProblem::None},
        {"90246813571357902", PinProblem::TooLong, PinProblem::TooLong},
        {"000000", PinProblem::Trivial, PinProblem::TooShort},
        {"99999999", PinProblem::Trivial, PinProblem::Trivial},
        {"123456", PinProblem::Trivial, PinProblem::TooShort},
        {"654321", PinProblem::Trivial, PinProblem::TooShort},
        {"890123", PinProblem::Trivial, PinProblem::TooShort},
        {"12345678", PinProblem::Trivial, PinProblem::Trivial},
        {"98765432", PinProblem::Trivial, PinProblem::Trivial},
        {"121212", PinProblem::Trivial, PinProblem::TooShort},
        {"123123", PinProblem::Trivial, PinProblem::TooShort},
        {"12341234", PinProblem::Trivial, PinProblem::Trivial},
        {"135792", PinProblem::None, PinProblem::TooShort},
        {"12a456", PinProblem::NotDigits, PinProblem::NotDigits},
        {"123 456", PinProblem::NotDigits, PinProblem::NotDigits},
        {"１２３４５６", PinProblem::NotDigits, PinProblem::NotDigits},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(KeyVault::checkPin(c.pin, VaultProtection::PinAndKeystore), c.withKeystore)
            << c.pin;
        EXPECT_EQ(KeyVault::checkPin(c.pin, VaultProtection::PinOnly), c.withoutKeystore) << c.pin;
    }
    EXPECT_EQ(KeyVault::minPinLength(VaultProtection::PinAndKeystore), 6);
    EXPECT_EQ(KeyVault::minPinLength(VaultProtection::PinOnly), 8);

    Status shortPin = KeyVault::validatePin("2468");
    ASSERT_EQ(shortPin.code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(shortPin.error().field, "pin");
    EXPECT_EQ(shortPin.error().message, "the PIN must be 6 to 16 digits");
    Status trivial = KeyVault::validatePin("123456");
    EXPECT_EQ(trivial.error().message,
              "the PIN must not be a run or a repeat like 123456 or 111111");
}

TEST(PinTest, BackoffDoublesFromThirtySecondsToAnHour) {
    PinBackoff backoff;
    EXPECT_EQ(backoff.delayAfter(0), 0);
    EXPECT_EQ(backoff.delayAfter(1), 0);
    EXPECT_EQ(backoff.delayAfter(3), 0);
    EXPECT_EQ(backoff.delayAfter(4), 30 * kSecond);
    EXPECT_EQ(backoff.delayAfter(5), 60 * kSecond);
    EXPECT_EQ(backoff.delayAfter(6), 120 * kSecond);
    EXPECT_EQ(backoff.delayAfter(10), 1920 * kSecond);
    EXPECT_EQ(backoff.delayAfter(11), 3600 * kSecond);
    EXPECT_EQ(backoff.delayAfter(1000), 3600 * kSecond);
    EXPECT_EQ(backoff.wipeAfter, 10);
}

TEST_F(KeyVaultTest, CreateThenUnlockWithPinGivesTheSameKey) {
    KeyVault v = vault(nullptr);
    EXPECT_FALSE(v.exists());
    EXPECT_EQ(v.protectionLevel(), VaultProtection::NotSetUp);
    auto key = v.create(kTestPin);
    ASSERT_TRUE(key.ok()) << key.error().toString();
    EXPECT_EQ(key->size(), KeyVault::kDataKeyBytes);
    EXPECT_TRUE(v.exists());

    auto unlocked = v.unlockWithPin(kTestPin);
    ASSERT_TRUE(unlocked.ok());
    EXPECT_TRUE(unlocked->equals(*key));

    // The file holds the key only wrapped.
    const std::string file = readBytes(keysFile());
    EXPECT_EQ(file.find(toHex(key->view())), std::string::npos);
    EXPECT_EQ(nlohmann::json::parse(file).at("format"), KeyVault::kFormat);
    EXPECT_EQ(v.create(kTestPin).code(), ErrorCode::AlreadyExists);
}

TEST_F(KeyVaultTest, InvalidPinIsRejectedBeforeAnythingIsWritten) {
    KeyVault v = vault(&keystore_);
    EXPECT_EQ(v.create("12").code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(v.create("123456").code(), ErrorCode::InvalidArgument);
    EXPECT_FALSE(v.exists());
    EXPECT_EQ(keystore_.size(), 0u);
}

TEST_F(KeyVaultTest, WrongPinIsWrongKey) {
    KeyVault v = vault(nullptr);
    ASSERT_TRUE(v.create(kTestPin).ok());
    auto wrong = v.unlockWithPin(kOtherPin);
    ASSERT_EQ(wrong.code(), ErrorCode::WrongKey);
    EXPECT_EQ(wrong.error().message, "the PIN is wrong");
    EXPECT_EQ(*v.failedAttempts(), 1);
    EXPECT_EQ(*v.attemptsBeforeWipe(), 9);
}

TEST_F(KeyVaultTest, UnlockWithoutVaultIsNotFound) {
    KeyVault v = vault(nullptr);
    EXPECT_EQ(v.unlockWithPin(kTestPin).code(), ErrorCode::NotFound);
}

TEST_F(KeyVaultTest, WrongPinsBackOffAndACorrectPinResets) {
    KeyVault v = vault(nullptr);
    ASSERT_TRUE(v.create(kTestPin).ok());
    for (int i = 1; i <= 3; ++i) {
        auto wrong = v.unlockWithPin("0000");
        ASSERT_EQ(wrong.code(), ErrorCode::WrongKey) << i;
        EXPECT_EQ(*v.lockedOutForMillis(), 0) << i;
    }
    // The fourth failure starts the delay.
    auto fourth = v.unlockWithPin("0000");
    ASSERT_EQ(fourth.code(), ErrorCode::WrongKey);
    EXPECT_EQ(fourth.error().message, "the PIN is wrong; try again in 30 seconds");
    EXPECT_EQ(*v.lockedOutForMillis(), 30 * kSecond);

    // During the delay even the correct PIN is not tried, and the attempt is not counted.
    clock_.advance(10 * kSecond);
    auto locked = v.unlockWithPin(kTestPin);
    ASSERT_EQ(locked.code(), ErrorCode::LockedOut);
    EXPECT_EQ(locked.error().message, "too many wrong PINs; try again in 20 seconds");
    EXPECT_EQ(*v.failedAttempts(), 4);
    clock_.advance(19'500);
    EXPECT_EQ(v.unlockWithPin(kTestPin).error().message,
              "too many wrong PINs; try again in 1 second");

    // After the delay, a fifth failure doubles it.
    clock_.advance(500);
    ASSERT_EQ(v.unlockWithPin("0000").code(), ErrorCode::WrongKey);
    EXPECT_EQ(*v.lockedOutForMillis(), 60 * kSecond);
    clock_.advance(60 * kSecond);
    ASSERT_EQ(v.unlockWithPin("0000").code(), ErrorCode::WrongKey);
    EXPECT_EQ(*v.lockedOutForMillis(), 120 * kSecond);

    clock_.advance(120 * kSecond);
    ASSERT_TRUE(v.unlockWithPin(kTestPin).ok());
    EXPECT_EQ(*v.failedAttempts(), 0);
    EXPECT_EQ(*v.lockedOutForMillis(), 0);
    // The free attempts are back.
    ASSERT_EQ(v.unlockWithPin("0000").code(), ErrorCode::WrongKey);
    EXPECT_EQ(*v.lockedOutForMillis(), 0);
}

TEST_F(KeyVaultTest, BackoffSurvivesARestart) {
    {
        KeyVault v = vault(&keystore_);
        ASSERT_TRUE(v.create(kTestPin).ok());
        for (int i = 0; i < 4; ++i)
            ASSERT_EQ(v.unlockWithPin("0000").code(), ErrorCode::WrongKey);
    }
    KeyVault restarted = vault(&keystore_);
    EXPECT_EQ(*restarted.failedAttempts(), 4);
    auto locked = restarted.unlockWithPin(kTestPin);
    ASSERT_EQ(locked.code(), ErrorCode::LockedOut);
    EXPECT_EQ(locked.error().message, "too many wrong PINs; try again in 30 seconds");
    clock_.advance(30 * kSecond);
    EXPECT_TRUE(restarted.unlockWithPin(kTestPin).ok());
}

TEST_F(KeyVaultTest, ClockSetBackDoesNotShortenOrStretchTheDelay) {
    KeyVault v = vault(&keystore_);
    ASSERT_TRUE(v.create(kTestPin).ok());
    for (int i = 0; i < 4; ++i)
        ASSERT_EQ(v.unlockWithPin("0000").code(), ErrorCode::WrongKey);
    clock_.advance(10 * kSecond);
    EXPECT_EQ(*v.lockedOutForMillis(), 20 * kSecond);
    // Set back a day: the latest time seen counts, so the wait is still the full 30 s (the
    // 10 s that passed were never stored), not a day and not nothing.
    clock_.advance(-24 * 3600 * kSecond);
    EXPECT_EQ(*v.lockedOutForMillis(), 30 * kSecond);
    EXPECT_EQ(v.unlockWithPin(kTestPin).code(), ErrorCode::LockedOut);
    // Moving the clock back and forth around the stored time gains nothing either.
    clock_.advance(24 * 3600 * kSecond - 10 * kSecond + 29 * kSecond);
    EXPECT_EQ(v.unlockWithPin(kTestPin).code(), ErrorCode::LockedOut);
}

TEST_F(KeyVaultTest, EditedKeyFileDoesNotResetTheCount) {
    KeyVault v = vault(&keystore_);
    ASSERT_TRUE(v.create(kTestPin).ok());
    for (int i = 0; i < 5; ++i) {
        ASSERT_EQ(v.unlockWithPin("0000").code(), ErrorCode::WrongKey);
        clock_.advance(3600 * kSecond);
    }
    ASSERT_EQ(v.unlockWithPin("0000").code(), ErrorCode::WrongKey);  // 6: wait 2 minutes
    const std::string original = readBytes(keysFile());

    // A count written into the file is not where the count lives.
    auto json = nlohmann::json::parse(original);
    json["pin_attempts"] = {{"failed", 0}, {"next_allowed_at_ms", 0}, {"latest_seen_ms", 0}};
    writeBytes(keysFile(), json.dump());
    EXPECT_EQ(v.unlockWithPin(kTestPin).code(), ErrorCode::LockedOut);
    EXPECT_EQ(*v.failedAttempts(), 6);

    // Saying the vault is PIN-only (where the count is in the file) is seen as tampering.
    json = nlohmann::json::parse(original);
    json["mode"] = "pin";
    json.erase("keystore_entry");
    json["pin_attempts"] = {{"failed", 0}, {"next_allowed_at_ms", 0}, {"latest_seen_ms", 0}};
    writeBytes(keysFile(), json.dump());
    auto tampered = v.unlockWithPin(kTestPin);
    ASSERT_EQ(tampered.code(), ErrorCode::LockedOut);
    EXPECT_NE(tampered.error().message.find("changed outside Sitebook"), std::string::npos);

    // Restoring the file, then the wait ends: the count has carried on, not restarted.
    writeBytes(keysFile(), original);
    clock_.advance(120 * kSecond);
    ASSERT_EQ(v.unlockWithPin("0000").code(), ErrorCode::WrongKey);
    EXPECT_EQ(*v.failedAttempts(), 7);
    EXPECT_EQ(*v.lockedOutForMillis(), 240 * kSecond);
}

TEST_F(KeyVaultTest, TenWrongPinsShredTheVaultAndWarnBefore) {
    KeyVault v = vault(&keystore_);
    ASSERT_TRUE(v.create(kTestPin).ok());
    ASSERT_EQ(keystore_.size(), 2u);  // the secret and the wrong-PIN count
    std::vector<std::string> messages;
    for (int i = 1; i <= 9; ++i) {
        auto wrong = v.unlockWithPin("0000");
        ASSERT_EQ(wrong.code(), ErrorCode::WrongKey) << i;
        messages.push_back(wrong.error().message);
        clock_.advance(3600 * kSecond);
    }
    EXPECT_EQ(messages[5], "the PIN is wrong; try again in 120 seconds");
    EXPECT_EQ(messages[6],
              "the PIN is wrong; 3 tries left before this device is wiped; try again in 240 "
              "seconds");
    EXPECT_EQ(messages[7],
              "the PIN is wrong; 2 tries left before this device is wiped; try again in 480 "
              "seconds");
    EXPECT_EQ(messages[8],
              "the PIN is wrong; 1 try left before this device is wiped; try again in 960 "
              "seconds");
    EXPECT_EQ(*v.attemptsBeforeWipe(), 1);

    auto tenth = v.unlockWithPin("0000");
    ASSERT_EQ(tenth.code(), ErrorCode::LockedOut);
    EXPECT_NE(tenth.error().message.find("keys on this device have been destroyed"),
              std::string::npos);
    EXPECT_TRUE(v.wasShredded());
    EXPECT_FALSE(v.exists());
    EXPECT_EQ(keystore_.size(), 0u);
    // Nothing opens it any more, not even the right PIN.
    EXPECT_EQ(v.unlockWithPin(kTestPin).code(), ErrorCode::NotFound);
}

TEST_F(KeyVaultTest, ChangePinRewrapsTheSameKey) {
    KeyVault v = vault(&keystore_);
    auto key = v.create(kTestPin);
    ASSERT_TRUE(key.ok());
    EXPECT_EQ(v.changePin("111111", "975318").code(), ErrorCode::WrongKey);
    auto tooShort = v.changePin(kTestPin, "12");
    EXPECT_EQ(tooShort.code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(tooShort.error().field, "new_pin");
    EXPECT_EQ(v.changePin(kTestPin, "654321").code(), ErrorCode::InvalidArgument);
    ASSERT_TRUE(v.changePin(kTestPin, "975318").ok());

    EXPECT_EQ(v.unlockWithPin(kTestPin).code(), ErrorCode::WrongKey);
    auto unlocked = v.unlockWithPin("975318");
    ASSERT_TRUE(unlocked.ok());
    EXPECT_TRUE(unlocked->equals(*key));
}

TEST_F(KeyVaultTest, WithAKeystoreBothThePinAndTheSecretAreNeeded) {
    KeyVault v = vault(&keystore_);
    EXPECT_EQ(v.protectionForNewVault(), VaultProtection::PinAndKeystore);
    auto key = v.create("246813");  // six digits are enough with a keystore
    ASSERT_TRUE(key.ok()) << key.error().toString();
    EXPECT_EQ(v.protectionLevel(), VaultProtection::PinAndKeystore);
    EXPECT_EQ(v.protection(), "PIN and platform keystore (in-memory keystore, not persistent)");
    const auto json = nlohmann::json::parse(readBytes(keysFile()));
    EXPECT_EQ(json.at("mode"), "pin+keystore");
    const std::string vaultId = json.at("vault_id").get<std::string>();

    // The keystore holds neither the data key nor anything that opens it alone.
    auto secret = keystore_.read("sitebook-vault-" + vaultId);
    ASSERT_TRUE(secret.ok() && secret->has_value());
    EXPECT_FALSE((*secret)->equals(*key));

    // Without the keystore's secret the right PIN opens nothing.
    MemoryKeyStore empty;
    EXPECT_NE(vault(&empty).unlockWithPin("246813").code(), ErrorCode::Ok);
    EXPECT_EQ(vault(nullptr).unlockWithPin("246813").code(), ErrorCode::KeystoreUnavailable);
    UnavailableKeyStore unavailable;
    EXPECT_EQ(vault(&unavailable).unlockWithPin("246813").code(), ErrorCode::KeystoreUnavailable);
    auto unlocked = v.unlockWithPin("246813");
    ASSERT_TRUE(unlocked.ok());
    EXPECT_TRUE(unlocked->equals(*key));
}

TEST_F(KeyVaultTest, UnreachableKeystoreMeansPinOnlyLongerPinAndHigherCost) {
    UnavailableKeyStore unavailable;
    KeyVault v = vault(&unavailable);
    EXPECT_EQ(v.protectionForNewVault(), VaultProtection::PinOnly);
    auto shortPin = v.create("246813");
    ASSERT_EQ(shortPin.code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(shortPin.error().message, "the PIN must be 8 to 16 digits");
    auto key = v.create(kTestPin);
    ASSERT_TRUE(key.ok());
    EXPECT_EQ(v.protectionLevel(), VaultProtection::PinOnly);
    EXPECT_EQ(v.protection(), "PIN only: no platform keystore is reachable");
    EXPECT_TRUE(v.unlockWithPin(kTestPin).ok());

    const auto json = nlohmann::json::parse(readBytes(keysFile()));
    EXPECT_EQ(json.at("mode"), "pin");
    EXPECT_EQ(json.at("kdf").at("opslimit"), fastKdf().opsLimit + 1);
    EXPECT_EQ(json.at("kdf").at("memlimit"), fastKdf().memLimitBytes * 2);

    KdfParams production;
    EXPECT_EQ(production.withoutKeystore().opsLimit, 4u);
    EXPECT_EQ(production.withoutKeystore().memLimitBytes, std::size_t{128} * 1024 * 1024);
}

TEST_F(KeyVaultTest, KeystoreThatLosesTheSecret) {
    KeyVault v = vault(&keystore_);
    ASSERT_TRUE(v.create(kTestPin).ok());
    const std::string vaultId =
        nlohmann::json::parse(readBytes(keysFile())).at("vault_id").get<std::string>();
    ASSERT_TRUE(keystore_.remove("sitebook-vault-" + vaultId).ok());
    auto lost = v.unlockWithPin(kTestPin);
    ASSERT_EQ(lost.code(), ErrorCode::NotFound);
    EXPECT_NE(lost.error().message.find("sign in again"), std::string::npos);
    EXPECT_EQ(*v.failedAttempts(), 0);  // not counted
}

TEST_F(KeyVaultTest, WrapsAreBoundToTheirVault) {
    KeyVault v = vault(nullptr);
    ASSERT_TRUE(v.create(kTestPin).ok());
    auto json = nlohmann::json::parse(readBytes(keysFile()));
    // Moving the wrap to another vault id makes it unopenable.
    json["vault_id"] = "00000000000000000000000000000000";
    writeBytes(keysFile(), json.dump());
    EXPECT_EQ(v.unlockWithPin(kTestPin).code(), ErrorCode::WrongKey);
}

TEST_F(KeyVaultTest, DamagedOrNewerKeyFileIsRefused) {
    KeyVault v = vault(nullptr);
    ASSERT_TRUE(v.create(kTestPin).ok());
    const std::string original = readBytes(keysFile());
    writeBytes(keysFile(), "{ not json");
    EXPECT_EQ(v.unlockWithPin(kTestPin).code(), ErrorCode::Corrupt);

    auto json = nlohmann::json::parse(original);
    json["kdf"]["memlimit"] = std::uint64_t{1} << 40;  // would exhaust memory
    writeBytes(keysFile(), json.dump());
    EXPECT_EQ(v.unlockWithPin(kTestPin).code(), ErrorCode::Corrupt);

    json = nlohmann::json::parse(original);
    json["format"] = KeyVault::kFormat + 1;
    writeBytes(keysFile(), json.dump());
    auto newer = v.unlockWithPin(kTestPin);
    ASSERT_EQ(newer.code(), ErrorCode::SchemaTooNew);
    EXPECT_EQ(newer.error().message,
              "the key file was written by a newer version of Sitebook (format 3); install the "
              "newer app");
}

TEST_F(KeyVaultTest, WipeDestroysFileAndKeystoreEntries) {
    KeyVault v = vault(&keystore_);
    ASSERT_TRUE(v.create(kTestPin).ok());
    ASSERT_TRUE(v.wipe().ok());
    EXPECT_FALSE(v.exists());
    EXPECT_EQ(keystore_.size(), 0u);
    EXPECT_FALSE(v.wasShredded());  // wiped on purpose, not by the wrong-PIN limit
    EXPECT_EQ(v.unlockWithPin(kTestPin).code(), ErrorCode::NotFound);
    EXPECT_EQ(v.protectionLevel(), VaultProtection::NotSetUp);
    EXPECT_TRUE(v.wipe().ok());  // nothing left to wipe
    // A new vault can be set up afterwards, with a new key.
    EXPECT_TRUE(v.create(kTestPin).ok());
}

// A vault as the previous version wrote it (format 1): the data key wrapped by the PIN alone,
// and by a keystore key that opened it without the PIN.
struct LegacyVault {
    SecretBytes dataKey;
    std::string vaultId = "0123456789abcdef0123456789abcdef";
};

LegacyVault writeFormat1Vault(const std::filesystem::path& file, std::string_view pin,
                              MemoryKeyStore& keystore) {
    LegacyVault legacy;
    legacy.dataKey = testing::testKey(7);
    const KdfParams kdf = fastKdf();
    std::vector<std::uint8_t> salt(crypto_pwhash_SALTBYTES, 0x11);
    SecretBytes pinKey(32);
    EXPECT_EQ(crypto_pwhash(pinKey.data(), pinKey.size(), pin.data(), pin.size(), salt.data(),
                            kdf.opsLimit, kdf.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13),
              0);
    auto wrap = [&](const SecretBytes& kek, std::string_view kind) {
        std::vector<std::uint8_t> ad;
        for (std::string_view part :
             {std::string_view("sitebook.keyvault.v1"), std::string_view(legacy.vaultId), kind}) {
            ad.insert(ad.end(), part.begin(), part.end());
            ad.push_back(0);
        }
        std::vector<std::uint8_t> nonce(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, 0x22);
        std::vector<std::uint8_t> ciphertext(32 + crypto_aead_xchacha20poly1305_ietf_ABYTES);
        unsigned long long length = 0;
        crypto_aead_xchacha20poly1305_ietf_encrypt(ciphertext.data(), &length,
                                                   legacy.dataKey.data(), 32, ad.data(), ad.size(),
                                                   nullptr, nonce.data(), kek.data());
        return nlohmann::json{{"aead", "xchacha20poly1305-ietf"},
                              {"nonce", toHex(nonce)},
                              {"ciphertext", toHex(ciphertext)}};
    };
    nlohmann::json pinWrap = wrap(pinKey, "pin");
    pinWrap["kdf"] = "argon2id13";
    pinWrap["opslimit"] = kdf.opsLimit;
    pinWrap["memlimit"] = kdf.memLimitBytes;
    pinWrap["salt"] = toHex(salt);
    const SecretBytes keystoreKey = testing::testKey(9);
    EXPECT_TRUE(keystore.write("keyvault-" + legacy.vaultId, keystoreKey).ok());
    nlohmann::json keystoreWrap = wrap(keystoreKey, "keystore");
    keystoreWrap["entry"] = "keyvault-" + legacy.vaultId;
    const nlohmann::json root = {
        {"format", 1},
        {"vault_id", legacy.vaultId},
        {"wraps", {{"pin", pinWrap}, {"keystore", keystoreWrap}}},
        {"pin_attempts", {{"failed", 0}, {"next_allowed_at_ms", 0}}},
    };
    std::filesystem::create_directories(file.parent_path());
    writeBytes(file, root.dump(2));
    return legacy;
}

TEST_F(KeyVaultTest, OldPinOnlyVaultIsMigratedOnItsNextUnlock) {
    const LegacyVault legacy = writeFormat1Vault(keysFile(), "2468", keystore_);
    KeyVault v = vault(&keystore_);
    EXPECT_EQ(v.protectionLevel(), VaultProtection::PinOnly);

    // A wrong PIN counts as before and migrates nothing.
    ASSERT_EQ(v.unlockWithPin("1357").code(), ErrorCode::WrongKey);
    EXPECT_EQ(nlohmann::json::parse(readBytes(keysFile())).at("format"), 1);
    EXPECT_EQ(*v.failedAttempts(), 1);

    // The old (short) PIN still opens it, once; the file is then in the new format.
    auto unlocked = v.unlockWithPin("2468");
    ASSERT_TRUE(unlocked.ok()) << unlocked.error().toString();
    EXPECT_TRUE(unlocked->equals(legacy.dataKey));
    EXPECT_TRUE(v.openedOlderFormat());
    const auto json = nlohmann::json::parse(readBytes(keysFile()));
    EXPECT_EQ(json.at("format"), KeyVault::kFormat);
    EXPECT_EQ(json.at("mode"), "pin+keystore");
    EXPECT_EQ(v.protectionLevel(), VaultProtection::PinAndKeystore);
    // The old keystore key that opened the data key without the PIN is gone.
    EXPECT_FALSE(keystore_.read("keyvault-" + legacy.vaultId)->has_value());
    EXPECT_EQ(*v.failedAttempts(), 0);

    // From now on the PIN needs the keystore's secret.
    MemoryKeyStore empty;
    EXPECT_NE(vault(&empty).unlockWithPin("2468").code(), ErrorCode::Ok);
    KeyVault later = vault(&keystore_);
    auto again = later.unlockWithPin("2468");
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(later.openedOlderFormat());
    EXPECT_TRUE(again->equals(legacy.dataKey));
}

TEST_F(KeyVaultTest, OldVaultWithoutAKeystoreIsMigratedToTheHigherCost) {
    MemoryKeyStore legacyStore;
    const LegacyVault legacy = writeFormat1Vault(keysFile(), "2468", legacyStore);
    KeyVault v = vault(nullptr);
    auto unlocked = v.unlockWithPin("2468");
    ASSERT_TRUE(unlocked.ok());
    const auto json = nlohmann::json::parse(readBytes(keysFile()));
    EXPECT_EQ(json.at("format"), KeyVault::kFormat);
    EXPECT_EQ(json.at("mode"), "pin");
    EXPECT_EQ(json.at("kdf").at("opslimit"), fastKdf().opsLimit + 1);
    EXPECT_TRUE(vault(nullptr).unlockWithPin("2468")->equals(legacy.dataKey));
}

TEST_F(KeyVaultTest, KeyFileIsPrivate) {
    KeyVault v = vault(nullptr);
    ASSERT_TRUE(v.create(kTestPin).ok());
    using std::filesystem::perms;
    EXPECT_EQ(
        std::filesystem::status(keysFile()).permissions() & (perms::group_all | perms::others_all),
        perms::none);
    EXPECT_EQ(std::filesystem::status(v.directory()).permissions() &
                  (perms::group_all | perms::others_all),
              perms::none);
    EXPECT_FALSE(std::filesystem::exists(v.directory() / "keys.json.tmp"));
}

TEST(KeyVaultPathTest, DirectorySitsBesideTheDatabase) {
    EXPECT_EQ(KeyVault::directoryFor("/data/sitebook/client.db"),
              std::filesystem::path("/data/sitebook/client.db.keys"));
}

}  // namespace
}  // namespace sitebook::storage
