#include "sitebook/storage/file_seal.h"

#include <gtest/gtest.h>

#include "storage_test_support.h"

namespace sitebook::storage {
namespace {

using testing::readBytes;
using testing::TempDir;
using testing::testKey;
using testing::writeBytes;

class FileSealTest : public ::testing::Test {
protected:
    FileSeal seal() const { return FileSeal(dir_.path() / FileSeal::kFileName, {device_, ca_}); }

    TempDir dir_;
    std::filesystem::path device_ = dir_.path() / "device.json";
    std::filesystem::path ca_ = dir_.path() / "ca.pem";
};

TEST_F(FileSealTest, UnchangedFilesPass) {
    writeBytes(device_, R"({"server":"sitebook.example.org:443"})");
    writeBytes(ca_, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    EXPECT_EQ(seal().check(testKey(1)).code(), ErrorCode::NotFound);
    ASSERT_TRUE(seal().write(testKey(1)).ok());
    EXPECT_TRUE(seal().check(testKey(1)).ok());
    using std::filesystem::perms;
    EXPECT_EQ(
        std::filesystem::status(dir_.path() / FileSeal::kFileName).permissions() & perms::mask,
        perms::owner_read | perms::owner_write);
}

TEST_F(FileSealTest, ASwappedCaOrServerAddressIsRefusedInWords) {
    writeBytes(device_, R"({"server":"sitebook.example.org:443"})");
    writeBytes(ca_, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    ASSERT_TRUE(seal().write(testKey(1)).ok());

    writeBytes(ca_, "-----BEGIN CERTIFICATE-----\nBBBB\n-----END CERTIFICATE-----\n");
    Status swappedCa = seal().check(testKey(1));
    ASSERT_EQ(swappedCa.code(), ErrorCode::Corrupt);
    EXPECT_EQ(swappedCa.error().message,
              "the server address or the server's certificate kept on this device was changed "
              "outside Sitebook, so it will not be used; sign out and sign in again to set the "
              "server up afresh");

    writeBytes(ca_, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    ASSERT_TRUE(seal().check(testKey(1)).ok());
    writeBytes(device_, R"({"server":"attacker.example.net:443"})");
    EXPECT_EQ(seal().check(testKey(1)).code(), ErrorCode::Corrupt);

    // Removing a sealed file is a change too; so is resealing without the data key.
    writeBytes(device_, R"({"server":"sitebook.example.org:443"})");
    std::filesystem::remove(ca_);
    EXPECT_EQ(seal().check(testKey(1)).code(), ErrorCode::Corrupt);
    ASSERT_TRUE(seal().write(testKey(2)).ok());
    EXPECT_EQ(seal().check(testKey(1)).code(), ErrorCode::Corrupt);
}

TEST_F(FileSealTest, EditedSealFileIsRefused) {
    writeBytes(device_, "{}");
    ASSERT_TRUE(seal().write(testKey(1)).ok());
    writeBytes(dir_.path() / FileSeal::kFileName, R"({"format":1,"mac":"00"})");
    EXPECT_EQ(seal().check(testKey(1)).code(), ErrorCode::Corrupt);
    writeBytes(dir_.path() / FileSeal::kFileName, "not json");
    EXPECT_EQ(seal().check(testKey(1)).code(), ErrorCode::Corrupt);
}

}  // namespace
}  // namespace sitebook::storage
