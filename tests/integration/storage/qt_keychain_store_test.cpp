// QtKeychainStore when no keystore can be reached: the session bus address points at a socket
// that does not exist, so every backend fails. Calls must fail promptly with
// KeystoreUnavailable (never hang) and the key vault must fall back to PIN-only and say so.

#include <gtest/gtest.h>
#include <stdlib.h>

#include <QCoreApplication>
#include <chrono>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "sitebook/platform/qt_keychain_store.h"
#include "sitebook/storage/key_vault.h"
#include "storage_test_support.h"

namespace sitebook::platform {
namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kPrompt = std::chrono::seconds(3);

TEST(QtKeychainStoreTest, UnreachableBackendIsKeystoreUnavailablePromptly) {
    QtKeychainStore store(QStringLiteral("Sitebook-test"), std::chrono::seconds(2));
    const std::uint8_t bytes[] = {1, 2, 3, 4};

    const auto start = Clock::now();
    Status written = store.write("probe", SecretBytes(bytes, sizeof bytes));
    EXPECT_EQ(written.code(), ErrorCode::KeystoreUnavailable);
    auto read = store.read("probe");
    EXPECT_EQ(read.code(), ErrorCode::KeystoreUnavailable);
    Status removed = store.remove("probe");
    EXPECT_EQ(removed.code(), ErrorCode::KeystoreUnavailable);
    EXPECT_LT(Clock::now() - start, kPrompt * 3);
    if (!written.ok()) {
        EXPECT_NE(written.error().message.find("the platform keystore is unavailable"),
                  std::string::npos)
            << written.error().message;
    }
}

TEST(QtKeychainStoreTest, VaultFallsBackToPinOnly) {
    storage::testing::TempDir dir;
    QtKeychainStore store(QStringLiteral("Sitebook-test"), std::chrono::seconds(2));
    ManualClock clock;
    storage::KeyVault vault(dir.path() / "keys", &store, clock, SecureRandom::instance(),
                            storage::testing::fastKdf());
    const auto start = Clock::now();
    auto key = vault.create(storage::testing::kTestPin);
    ASSERT_TRUE(key.ok()) << key.error().toString();
    EXPECT_LT(Clock::now() - start, kPrompt);
    EXPECT_EQ(vault.protection(), "PIN only: no platform keystore is reachable");
    EXPECT_TRUE(vault.unlockWithPin(storage::testing::kTestPin).ok());
}

TEST(QtKeychainStoreTest, DescriptionNamesTheBackend) {
    EXPECT_EQ(QtKeychainStore().description(), "Secret Service");
}

}  // namespace
}  // namespace sitebook::platform

int main(int argc, char** argv) {
    // Before anything can connect: no session bus, so no Secret Service or KWallet.
    setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sitebook-test-bus", 1);
    unsetenv("DISPLAY");
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
