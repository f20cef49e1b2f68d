// File-level properties of the encrypted store: no plaintext in the database, its WAL or its
// shared-memory file; a wrong key changes nothing; tampering is detected.

#include <gtest/gtest.h>

#include <set>

#include "sitebook/storage/database.h"
#include "storage_test_support.h"

namespace sitebook::storage {
namespace {

using testing::readBytes;
using testing::TempDir;
using testing::testKey;
using testing::writeBytes;

const std::vector<std::string> kMarkers = {
    "MARKER-SURNAME-Okafor-7f3a",
    "MARKER-CASE-NOTE-disclosed-a-relapse-91c2",
    "MARKER-CRN-X123456-55d0",
};

// Writes the markers in a committed transaction and leaves the connection open, so the data
// sits in the -wal file and the -shm file exists.
void writeMarkers(Database& db) {
    ASSERT_TRUE(db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)").ok());
    Transaction tx(db);
    ASSERT_TRUE(tx.beginStatus().ok());
    auto insert = db.prepare("INSERT INTO notes (text) VALUES (?)");
    ASSERT_TRUE(insert.ok());
    for (int round = 0; round < 20; ++round) {
        for (const auto& marker : kMarkers) {
            insert->bind(1, marker + " " + std::string(200, 'x'));
            ASSERT_TRUE(insert->run().ok());
            insert->reset();
        }
    }
    ASSERT_TRUE(tx.commit().ok());
}

struct Found {
    std::vector<std::string> where;  // "file: marker"
    bool walExists = false;
    bool shmExists = false;
};

Found scan(const std::string& dbPath) {
    Found found;
    for (const std::string suffix : {"", "-wal", "-shm", "-journal"}) {
        const std::string path = dbPath + suffix;
        if (!std::filesystem::exists(path))
            continue;
        if (suffix == "-wal")
            found.walExists = true;
        if (suffix == "-shm")
            found.shmExists = true;
        const std::string bytes = readBytes(path);
        for (const auto& marker : kMarkers) {
            if (bytes.find(marker) != std::string::npos)
                found.where.push_back(path + ": " + marker);
        }
    }
    return found;
}

std::set<std::string> filesIn(const std::filesystem::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        names.insert(entry.path().filename().string());
    }
    return names;
}

TEST(EncryptionAtRestTest, NoPlaintextInDatabaseWalOrShm) {
    TempDir dir;
    const std::string path = dir.file("client.db");
    auto db = Database::open(path, testKey(1));
    ASSERT_TRUE(db.ok());
    writeMarkers(**db);

    Found found = scan(path);
    EXPECT_TRUE(found.walExists);
    EXPECT_TRUE(found.shmExists);
    EXPECT_TRUE(found.where.empty()) << "plaintext found in " << found.where.front();
    // No other (temporary) files appeared beside the database.
    EXPECT_EQ(filesIn(dir.path()),
              (std::set<std::string>{"client.db", "client.db-wal", "client.db-shm"}));

    // Still none after the WAL is folded into the main file.
    ASSERT_TRUE((*db)->checkpoint().ok());
    EXPECT_TRUE(scan(path).where.empty());
}

// The control: the same write to a plain database does show the markers, so the scan above
// would catch plaintext.
TEST(EncryptionAtRestTest, ControlPlainDatabaseShowsMarkers) {
    TempDir dir;
    const std::string path = dir.file("plain.db");
    auto db = Database::openUnencrypted(path);
    ASSERT_TRUE(db.ok());
    writeMarkers(**db);
    Found found = scan(path);
    EXPECT_TRUE(found.walExists);
    EXPECT_EQ(found.where.size(), kMarkers.size());
}

TEST(EncryptionAtRestTest, WrongKeyLeavesFileBytesUnchanged) {
    TempDir dir;
    const std::string path = dir.file("client.db");
    {
        auto db = Database::open(path, testKey(1));
        ASSERT_TRUE(db.ok());
        writeMarkers(**db);
    }
    const auto before = filesIn(dir.path());
    const std::string bytes = readBytes(path);
    ASSERT_FALSE(bytes.empty());

    for (std::uint8_t wrong : {2, 3}) {
        auto db = Database::open(path, testKey(wrong));
        ASSERT_EQ(db.code(), ErrorCode::WrongKey);
        EXPECT_EQ(db.error().message,
                  "the database key is wrong (wrong PIN?); nothing was changed");
    }
    auto readOnly = Database::open(path, testKey(2), OpenOptions{.readOnly = true});
    EXPECT_EQ(readOnly.code(), ErrorCode::WrongKey);

    EXPECT_EQ(readBytes(path), bytes);
    EXPECT_EQ(filesIn(dir.path()), before);
    // And the right key still opens it.
    auto db = Database::open(path, testKey(1));
    ASSERT_TRUE(db.ok());
    EXPECT_TRUE((*db)->integrityCheck().ok());
}

TEST(EncryptionAtRestTest, TamperedDataPageIsDetected) {
    TempDir dir;
    const std::string path = dir.file("client.db");
    {
        auto db = Database::open(path, testKey(1));
        ASSERT_TRUE(db.ok());
        writeMarkers(**db);
        ASSERT_TRUE((*db)->checkpoint().ok());
    }
    std::string bytes = readBytes(path);
    constexpr std::size_t kPageSize = 4096;  // SQLCipher 4 default
    ASSERT_GT(bytes.size(), 3 * kPageSize);
    // Page 2 is the notes table's root: flip one byte in the middle of it.
    bytes[kPageSize + 1000] = static_cast<char>(bytes[kPageSize + 1000] ^ 0x01);
    writeBytes(path, bytes);

    auto db = Database::open(path, testKey(1));
    ASSERT_TRUE(db.ok()) << "page 1 is intact, so the key is still proven";
    auto select = (*db)->prepare("SELECT count(*), max(length(text)) FROM notes");
    ASSERT_TRUE(select.ok());
    auto row = select->step();
    ASSERT_FALSE(row.ok());
    EXPECT_EQ(row.code(), ErrorCode::Corrupt);

    Status check = (*db)->integrityCheck();
    ASSERT_FALSE(check.ok());
    EXPECT_EQ(check.code(), ErrorCode::Corrupt);
}

TEST(EncryptionAtRestTest, CipherIntegrityCheckFindsTamperedPageNotYetRead) {
    TempDir dir;
    const std::string path = dir.file("client.db");
    {
        auto db = Database::open(path, testKey(1));
        ASSERT_TRUE(db.ok());
        writeMarkers(**db);
        ASSERT_TRUE((*db)->checkpoint().ok());
    }
    std::string bytes = readBytes(path);
    const std::size_t lastPage = bytes.size() - 4096;
    bytes[lastPage + 2000] = static_cast<char>(bytes[lastPage + 2000] ^ 0x80);
    writeBytes(path, bytes);

    auto db = Database::open(path, testKey(1));
    ASSERT_TRUE(db.ok());
    EXPECT_EQ((*db)->integrityCheck().code(), ErrorCode::Corrupt);
}

}  // namespace
}  // namespace sitebook::storage
