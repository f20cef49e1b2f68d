// The key vault and the encrypted database together, as the app uses them.

#include <gtest/gtest.h>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "sitebook/storage/client_schema.h"
#include "sitebook/storage/key_vault.h"
#include "sitebook/storage/memory_key_store.h"
#include "storage_test_support.h"

namespace sitebook::storage {
namespace {

using testing::fastKdf;
using testing::LogCapture;
using testing::readBytes;
using testing::TempDir;

class VaultDatabaseTest : public ::testing::Test {
protected:
    KeyVault vault() {
        return KeyVault(KeyVault::directoryFor(dbPath_), &keystore_, clock_,
                        SecureRandom::instance(), fastKdf());
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
};

TEST_F(VaultDatabaseTest, WrongPinChangesNothing) {
    setUp("2468");
    const std::string before = readBytes(dbPath_);
    auto wrong = vault().unlockWithPin("8642");
    ASSERT_EQ(wrong.code(), ErrorCode::WrongKey);
    EXPECT_EQ(readBytes(dbPath_), before);

    auto key = vault().unlockWithPin("2468");
    ASSERT_TRUE(key.ok());
    auto db = Database::open(dbPath_, *key);
    ASSERT_TRUE(db.ok());
    EXPECT_EQ(*(*db)->userVersion(), kClientSchemaVersion);
}

TEST_F(VaultDatabaseTest, ChangePinLeavesDatabaseUntouchedAndOpenable) {
    const SecretBytes original = setUp("2468");
    const std::string before = readBytes(dbPath_);

    ASSERT_TRUE(vault().changePin("2468", "13579").ok());
    EXPECT_EQ(readBytes(dbPath_), before);
    EXPECT_EQ(vault().unlockWithPin("2468").code(), ErrorCode::WrongKey);

    auto key = vault().unlockWithPin("13579");
    ASSERT_TRUE(key.ok());
    EXPECT_TRUE(key->equals(original));
    auto db = Database::open(dbPath_, *key);
    ASSERT_TRUE(db.ok());
    auto stmt = (*db)->prepare("SELECT surname FROM people");
    ASSERT_TRUE(*stmt->step());
    EXPECT_EQ(stmt->columnText(0), "Okafor");
}

TEST_F(VaultDatabaseTest, KeystoreUnlockOpensTheDatabase) {
    setUp("2468");
    auto key = vault().unlockWithKeystore();
    ASSERT_TRUE(key.ok());
    EXPECT_TRUE(Database::open(dbPath_, *key).ok());
}

TEST_F(VaultDatabaseTest, AfterWipeTheDatabaseCannotBeOpened) {
    setUp("2468");
    ASSERT_TRUE(vault().wipe().ok());
    EXPECT_EQ(vault().unlockWithPin("2468").code(), ErrorCode::NotFound);
    EXPECT_EQ(vault().unlockWithKeystore().code(), ErrorCode::NotFound);
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
    note(vault().unlockWithKeystore());
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
