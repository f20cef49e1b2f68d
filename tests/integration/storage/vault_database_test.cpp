// The key vault and the encrypted database together, as the app uses them.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "sitebook/storage/client_schema.h"
#include "sitebook/storage/key_vault.h"
#include "sitebook/storage/memory_key_store.h"
#include "storage_test_support.h"

namespace sitebook::storage {
namespace {

using testing::fastKdf;
using testing::kOtherPin;
using testing::kTestPin;
using testing::LogCapture;
using testing::readBytes;
using testing::TempDir;

class VaultDatabaseTest : public ::testing::Test {
protected:
    KeyVault vault() {
        return KeyVault(KeyVault::directoryFor(dbPath_), &keystore_, clock_,
                        SecureRandom::instance(), kdf_);
    }

    // Creates the vault and a migrated database with one person in it.
    SecretBytes setUp(std::string_view pin) {
        auto key = vault().create(pin);
        EXPECT_TRUE(key.ok());
        auto db = Database::open(dbPath_, *key);
        EXPECT_TRUE(db.ok());
        EXPECT_TRUE(migrate(**db, clientMigrations()).ok());
        EXPECT_TRUE((*db)
                        ->exec("INSERT INTO people (id, crn, forenames, surname, body, "
                               "updated_hlc) VALUES ('p1', 'X123456', 'Jordan', 'Okafor', '{}', "
                               "'0000019b7a3c2f00-0000')")
                        .ok());
        EXPECT_TRUE((*db)->checkpoint().ok());
        return std::move(key).value();
    }

    TempDir dir_;
    std::string dbPath_ = dir_.file("client.db");
    ManualClock clock_;
    MemoryKeyStore keystore_;
    KdfParams kdf_ = fastKdf();
};

TEST_F(VaultDatabaseTest, WrongPinChangesNothing) {
    setUp(kTestPin);
    const std::string before = readBytes(dbPath_);
    auto wrong = vault().unlockWithPin(kOtherPin);
    ASSERT_EQ(wrong.code(), ErrorCode::WrongKey);
    EXPECT_EQ(readBytes(dbPath_), before);

    auto key = vault().unlockWithPin(kTestPin);
    ASSERT_TRUE(key.ok());
    auto db = Database::open(dbPath_, *key);
    ASSERT_TRUE(db.ok());
    EXPECT_EQ(*(*db)->userVersion(), kClientSchemaVersion);
}

TEST_F(VaultDatabaseTest, ChangePinLeavesDatabaseUntouchedAndOpenable) {
    const SecretBytes original = setUp(kTestPin);
    const std::string before = readBytes(dbPath_);

    ASSERT_TRUE(vault().changePin(kTestPin, kOtherPin).ok());
    EXPECT_EQ(readBytes(dbPath_), before);
    EXPECT_EQ(vault().unlockWithPin(kTestPin).code(), ErrorCode::WrongKey);

    auto key = vault().unlockWithPin(kOtherPin);
    ASSERT_TRUE(key.ok());
    EXPECT_TRUE(key->equals(original));
    auto db = Database::open(dbPath_, *key);
    ASSERT_TRUE(db.ok());
    auto stmt = (*db)->prepare("SELECT surname FROM people");
    ASSERT_TRUE(*stmt->step());
    EXPECT_EQ(stmt->columnText(0), "Okafor");
}

// The files of a device copied elsewhere (a backup, a stolen disk image): with the production
// Argon2id cost, a handful of PINs including the right one open nothing without the secret the
// device's keystore holds, whatever is done to the key file; with that secret the right PIN opens.
TEST_F(VaultDatabaseTest, CopiedFilesDoNotOpenWithoutTheKeystoreSecret) {
    kdf_ = KdfParams{};  // production cost
    setUp(kTestPin);
    TempDir elsewhere;
    std::filesystem::copy(dir_.path(), elsewhere.path(), std::filesystem::copy_options::recursive);
    const std::string copiedDb = elsewhere.file("client.db");
    const auto copiedVault = KeyVault::directoryFor(copiedDb);
    const std::string keyFile = readBytes(copiedVault / KeyVault::kFileName);
    const std::vector<std::string> guesses = {"000000", kOtherPin, "13572468", kTestPin};

    // The attacker's machine has no keystore, or one without this device's entries.
    auto attempt = [&](KeyStore* keystore, std::string_view pin) {
        ManualClock attackerClock;
        KeyVault copied(copiedVault, keystore, attackerClock, SecureRandom::instance(), kdf_);
        return copied.unlockWithPin(pin);
    };
    MemoryKeyStore attackersKeystore;
    for (const std::string& pin : guesses) {
        EXPECT_FALSE(attempt(nullptr, pin).ok()) << pin;
        EXPECT_FALSE(attempt(&attackersKeystore, pin).ok()) << pin;
    }
    // Rewriting the file as PIN-only makes the vault try the PIN; the right one still fails,
    // because the key that opens the data key needs the keystore's secret too.
    auto json = nlohmann::json::parse(keyFile);
    json["mode"] = "pin";
    json.erase("keystore_entry");
    testing::writeBytes(copiedVault / KeyVault::kFileName, json.dump());
    for (const std::string& pin : guesses) {
        auto opened = attempt(&attackersKeystore, pin);
        EXPECT_EQ(opened.code(), ErrorCode::WrongKey) << pin;
    }

    // With the device's keystore secret (and the file as the device wrote it) the right PIN
    // opens the copied database.
    testing::writeBytes(copiedVault / KeyVault::kFileName, keyFile);
    auto key = attempt(&keystore_, kTestPin);
    ASSERT_TRUE(key.ok()) << key.error().toString();
    auto db = Database::open(copiedDb, *key);
    ASSERT_TRUE(db.ok());
    auto stmt = (*db)->prepare("SELECT surname FROM people");
    ASSERT_TRUE(*stmt->step());
    EXPECT_EQ(stmt->columnText(0), "Okafor");
}

// Ten wrong PINs shred the keys: afterwards nothing opens the database, not even the right PIN
// with the keystore.
TEST_F(VaultDatabaseTest, TenWrongPinsLeaveADatabaseNobodyCanOpen) {
    const SecretBytes original = setUp(kTestPin);
    for (int i = 0; i < 10; ++i) {
        auto wrong = vault().unlockWithPin("13572468");
        ASSERT_FALSE(wrong.ok());
        clock_.advance(3'600'000);
    }
    EXPECT_FALSE(vault().exists());
    EXPECT_EQ(keystore_.size(), 0u);
    EXPECT_EQ(vault().unlockWithPin(kTestPin).code(), ErrorCode::NotFound);
    // The key file's bytes are gone from the directory too.
    EXPECT_TRUE(std::filesystem::is_empty(KeyVault::directoryFor(dbPath_)));
}

TEST_F(VaultDatabaseTest, AfterWipeTheDatabaseCannotBeOpened) {
    setUp(kTestPin);
    ASSERT_TRUE(vault().wipe().ok());
    EXPECT_EQ(vault().unlockWithPin(kTestPin).code(), ErrorCode::NotFound);
    EXPECT_EQ(keystore_.size(), 0u);
}

// Every log line and every error message produced while setting up, unlocking (rightly and
// wrongly), changing the PIN and opening the database is free of PINs and key material.
TEST_F(VaultDatabaseTest, NoSecretsInLogsOrErrors) {
    const std::string pin = "80417263";
    const std::string newPin = "59120384";
    LogCapture capture;
    std::vector<std::string> errors;
    auto note = [&errors](const auto& result) {
        if (!result.ok())
            errors.push_back(result.error().toString());
    };

    auto key = vault().create(pin);
    ASSERT_TRUE(key.ok());
    const SecretBytes dataKey = *key;
    {
        auto db = Database::open(dbPath_, dataKey);
        ASSERT_TRUE(db.ok());
        note(migrate(**db, clientMigrations()));
    }
    for (int i = 0; i < 5; ++i)
        note(vault().unlockWithPin("11112222"));  // into the backoff
    note(vault().unlockWithPin(pin));             // locked out
    clock_.advance(3'600'000);
    note(vault().changePin("99998888", newPin));
    clock_.advance(3'600'000);
    note(vault().changePin(pin, newPin));
    note(vault().unlockWithPin(newPin));
    note(vault().create(pin));
    note(KeyVault::validatePin("12a"));
    SecretBytes wrongKey = dataKey;
    wrongKey.data()[0] ^= 0xFF;
    note(Database::open(dbPath_, wrongKey));
    note(Database::open(dbPath_, dataKey));
    note(Database::open(dbPath_, SecretBytes(dataKey.data(), 16)));

    const std::vector<std::string> lines = capture.lines();
    ASSERT_FALSE(lines.empty());
    ASSERT_GE(errors.size(), 8u);

    std::vector<std::string> secrets = {pin, newPin, toHex(dataKey.view()), toHex(wrongKey.view()),
                                        std::string(dataKey.view().begin(), dataKey.view().end())};
    std::string upperHex = toHex(dataKey.view());
    for (char& c : upperHex)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    secrets.push_back(upperHex);
    // Any 8-hex-digit run of the key is already too much.
    secrets.push_back(toHex(dataKey.view()).substr(20, 8));

    for (const auto& text : {lines, errors}) {
        for (const auto& line : text) {
            for (const auto& secret : secrets) {
                EXPECT_EQ(line.find(secret), std::string::npos) << "secret leaked in: " << line;
            }
        }
    }
}

}  // namespace
}  // namespace sitebook::storage
