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

TEST(PinTest, ValidatesFourToTwelveDigits) {
    for (const char* good : {"1234", "000000", "123456789012"}) {
        EXPECT_TRUE(KeyVault::validatePin(good).ok()) << good;
    }
    for (const char* bad : {"", "123", "1234567890123", "12a4", "12 34", "１２３４"}) {
        Status status = KeyVault::validatePin(bad);
        ASSERT_EQ(status.code(), ErrorCode::InvalidArgument) << bad;
        EXPECT_EQ(status.error().field, "pin");
    }
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
}

TEST_F(KeyVaultTest, CreateThenUnlockWithPinGivesTheSameKey) {
    KeyVault v = vault(nullptr);
    EXPECT_FALSE(v.exists());
    EXPECT_EQ(v.protectionLevel(), VaultProtection::NotSetUp);
    auto key = v.create("2468");
    ASSERT_TRUE(key.ok()) << key.error().toString();
    EXPECT_EQ(key->size(), KeyVault::kDataKeyBytes);
    EXPECT_TRUE(v.exists());

    auto unlocked = v.unlockWithPin("2468");
    ASSERT_TRUE(unlocked.ok());
    EXPECT_TRUE(unlocked->equals(*key));

    // The file holds the key only wrapped.
    const std::string file = readBytes(keysFile());
    EXPECT_EQ(file.find(toHex(key->view())), std::string::npos);
    EXPECT_EQ(v.create("2468").code(), ErrorCode::AlreadyExists);
}

TEST_F(KeyVaultTest, InvalidPinIsRejectedBeforeAnythingIsWritten) {
    KeyVault v = vault(&keystore_);
    EXPECT_EQ(v.create("12").code(), ErrorCode::InvalidArgument);
    EXPECT_FALSE(v.exists());
    EXPECT_EQ(keystore_.size(), 0u);
}

TEST_F(KeyVaultTest, WrongPinIsWrongKey) {
    KeyVault v = vault(nullptr);
    ASSERT_TRUE(v.create("2468").ok());
    auto wrong = v.unlockWithPin("1357");
    ASSERT_EQ(wrong.code(), ErrorCode::WrongKey);
    EXPECT_EQ(wrong.error().message, "the PIN is wrong");
    EXPECT_EQ(*v.failedAttempts(), 1);
}

TEST_F(KeyVaultTest, UnlockWithoutVaultIsNotFound) {
    KeyVault v = vault(nullptr);
    EXPECT_EQ(v.unlockWithPin("2468").code(), ErrorCode::NotFound);
    EXPECT_EQ(v.unlockWithKeystore().code(), ErrorCode::NotFound);
}

TEST_F(KeyVaultTest, WrongPinsBackOffAndACorrectPinResets) {
    KeyVault v = vault(nullptr);
    ASSERT_TRUE(v.create("2468").ok());
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
    auto locked = v.unlockWithPin("2468");
    ASSERT_EQ(locked.code(), ErrorCode::LockedOut);
    EXPECT_EQ(locked.error().message, "too many wrong PINs; try again in 20 seconds");
    EXPECT_EQ(*v.failedAttempts(), 4);
    clock_.advance(19'500);
    EXPECT_EQ(v.unlockWithPin("2468").error().message,
              "too many wrong PINs; try again in 1 second");
    clock_.advance(-19'500);

    // After the delay, a fifth failure doubles it.
    clock_.advance(20 * kSecond);
    ASSERT_EQ(v.unlockWithPin("0000").code(), ErrorCode::WrongKey);
    EXPECT_EQ(*v.lockedOutForMillis(), 60 * kSecond);
    clock_.advance(60 * kSecond);
    ASSERT_EQ(v.unlockWithPin("0000").code(), ErrorCode::WrongKey);
    EXPECT_EQ(*v.lockedOutForMillis(), 120 * kSecond);

    clock_.advance(120 * kSecond);
    ASSERT_TRUE(v.unlockWithPin("2468").ok());
    EXPECT_EQ(*v.failedAttempts(), 0);
    EXPECT_EQ(*v.lockedOutForMillis(), 0);
    // The free attempts are back.
    ASSERT_EQ(v.unlockWithPin("0000").code(), ErrorCode::WrongKey);
    EXPECT_EQ(*v.lockedOutForMillis(), 0);
}

TEST_F(KeyVaultTest, BackoffSurvivesARestart) {
    {
        KeyVault v = vault(nullptr);
        ASSERT_TRUE(v.create("2468").ok());
        for (int i = 0; i < 4; ++i)
            ASSERT_EQ(v.unlockWithPin("0000").code(), ErrorCode::WrongKey);
    }
    KeyVault restarted = vault(nullptr);
    EXPECT_EQ(*restarted.failedAttempts(), 4);
    auto locked = restarted.unlockWithPin("2468");
    ASSERT_EQ(locked.code(), ErrorCode::LockedOut);
    EXPECT_EQ(locked.error().message, "too many wrong PINs; try again in 30 seconds");
    clock_.advance(30 * kSecond);
    EXPECT_TRUE(restarted.unlockWithPin("2468").ok());
}

TEST_F(KeyVaultTest, ClockSetBackDoesNotStretchTheDelay) {
    KeyVault v = vault(nullptr);
    ASSERT_TRUE(v.create("2468").ok());
    for (int i = 0; i < 4; ++i)
        ASSERT_EQ(v.unlockWithPin("0000").code(), ErrorCode::WrongKey);
    clock_.advance(-24 * 3600 * kSecond);
    EXPECT_EQ(*v.lockedOutForMillis(), 30 * kSecond);
}

TEST_F(KeyVaultTest, ChangePinRewrapsTheSameKey) {
    KeyVault v = vault(&keystore_);
    auto key = v.create("2468");
    ASSERT_TRUE(key.ok());
    EXPECT_EQ(v.changePin("1111", "97531").code(), ErrorCode::WrongKey);
    EXPECT_EQ(v.changePin("2468", "12").code(), ErrorCode::InvalidArgument);
    ASSERT_TRUE(v.changePin("2468", "97531").ok());

    EXPECT_EQ(v.unlockWithPin("2468").code(), ErrorCode::WrongKey);
    auto unlocked = v.unlockWithPin("97531");
    ASSERT_TRUE(unlocked.ok());
    EXPECT_TRUE(unlocked->equals(*key));
    auto viaKeystore = v.unlockWithKeystore();
    ASSERT_TRUE(viaKeystore.ok());
    EXPECT_TRUE(viaKeystore->equals(*key));
}

TEST_F(KeyVaultTest, KeystoreWrapUnlocksWithoutPin) {
    KeyVault v = vault(&keystore_);
    auto key = v.create("2468");
    ASSERT_TRUE(key.ok());
    EXPECT_EQ(keystore_.size(), 1u);
    EXPECT_EQ(v.protectionLevel(), VaultProtection::PinAndKeystore);
    EXPECT_EQ(v.protection(), "PIN and platform keystore (in-memory keystore, not persistent)");

    auto unlocked = v.unlockWithKeystore();
    ASSERT_TRUE(unlocked.ok());
    EXPECT_TRUE(unlocked->equals(*key));
    // The keystore holds the key-encryption key, not the data key.
    auto stored = keystore_.read(
        "keyvault-" +
        nlohmann::json::parse(readBytes(keysFile())).at("vault_id").get<std::string>());
    ASSERT_TRUE(stored.ok() && stored->has_value());
    EXPECT_FALSE((*stored)->equals(*key));
}

TEST_F(KeyVaultTest, UnreachableKeystoreMeansPinOnlyAndSaysSo) {
    UnavailableKeyStore unavailable;
    KeyVault v = vault(&unavailable);
    auto key = v.create("2468");
    ASSERT_TRUE(key.ok());
    EXPECT_EQ(v.protectionLevel(), VaultProtection::PinOnly);
    EXPECT_EQ(v.protection(), "PIN only: no platform keystore is reachable");
    EXPECT_EQ(v.unlockWithKeystore().code(), ErrorCode::NotFound);
    EXPECT_TRUE(v.unlockWithPin("2468").ok());

    KeyVault noKeystore = vault(nullptr);
    EXPECT_EQ(noKeystore.protection(), "PIN only: no platform keystore is reachable");
    EXPECT_EQ(noKeystore.unlockWithKeystore().code(), ErrorCode::KeystoreUnavailable);
}

TEST_F(KeyVaultTest, KeystoreThatBecomesUnreachableOrLosesTheEntry) {
    KeyVault v = vault(&keystore_);
    ASSERT_TRUE(v.create("2468").ok());

    UnavailableKeyStore unavailable;
    EXPECT_EQ(vault(&unavailable).unlockWithKeystore().code(), ErrorCode::KeystoreUnavailable);

    MemoryKeyStore empty;
    EXPECT_EQ(vault(&empty).unlockWithKeystore().code(), ErrorCode::NotFound);
    // The PIN still works.
    EXPECT_TRUE(vault(&empty).unlockWithPin("2468").ok());
}

TEST_F(KeyVaultTest, WrapsAreBoundToTheirVault) {
    KeyVault v = vault(&keystore_);
    ASSERT_TRUE(v.create("2468").ok());
    auto json = nlohmann::json::parse(readBytes(keysFile()));
    // Moving the wraps to another vault id (or swapping kinds) makes them unopenable.
    json["vault_id"] = "00000000000000000000000000000000";
    writeBytes(keysFile(), json.dump());
    EXPECT_EQ(v.unlockWithPin("2468").code(), ErrorCode::WrongKey);
}

TEST_F(KeyVaultTest, DamagedKeyFileIsCorrupt) {
    KeyVault v = vault(nullptr);
    ASSERT_TRUE(v.create("2468").ok());
    writeBytes(keysFile(), "{ not json");
    EXPECT_EQ(v.unlockWithPin("2468").code(), ErrorCode::Corrupt);

    ASSERT_TRUE(v.wipe().ok());
    ASSERT_TRUE(v.create("2468").ok());
    auto json = nlohmann::json::parse(readBytes(keysFile()));
    json["wraps"]["pin"]["memlimit"] = std::uint64_t{1} << 40;  // would exhaust memory
    writeBytes(keysFile(), json.dump());
    EXPECT_EQ(v.unlockWithPin("2468").code(), ErrorCode::Corrupt);
}

TEST_F(KeyVaultTest, WipeDestroysFileAndKeystoreEntry) {
    KeyVault v = vault(&keystore_);
    ASSERT_TRUE(v.create("2468").ok());
    ASSERT_TRUE(v.wipe().ok());
    EXPECT_FALSE(v.exists());
    EXPECT_EQ(keystore_.size(), 0u);
    EXPECT_EQ(v.unlockWithPin("2468").code(), ErrorCode::NotFound);
    EXPECT_EQ(v.protectionLevel(), VaultProtection::NotSetUp);
    EXPECT_TRUE(v.wipe().ok());  // nothing left to wipe
    // A new vault can be set up afterwards, with a new key.
    EXPECT_TRUE(v.create("2468").ok());
}

TEST_F(KeyVaultTest, KeyFileIsPrivate) {
    KeyVault v = vault(nullptr);
    ASSERT_TRUE(v.create("2468").ok());
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
