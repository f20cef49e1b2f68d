#include "sitebook/storage/database.h"

#include <gtest/gtest.h>

#include "storage_test_support.h"

namespace sitebook::storage {
namespace {

using testing::TempDir;
using testing::testKey;

std::unique_ptr<Database> openOrDie(const std::string& path, std::uint8_t seed = 1,
                                    OpenOptions options = {}) {
    auto db = Database::open(path, testKey(seed), options);
    EXPECT_TRUE(db.ok()) << (db.ok() ? "" : db.error().toString());
    return db.ok() ? std::move(db).value() : nullptr;
}

std::string pragmaText(Database& db, std::string_view pragma) {
    auto stmt = db.prepare(pragma);
    EXPECT_TRUE(stmt.ok());
    auto row = stmt->step();
    EXPECT_TRUE(row.ok() && *row);
    return stmt->columnText(0);
}

TEST(DatabaseTest, RoundTripsValuesOfEveryType) {
    TempDir dir;
    auto db = openOrDie(dir.file("a.db"));
    ASSERT_TRUE(db);
    EXPECT_TRUE(db->encrypted());
    ASSERT_TRUE(
        db->exec("CREATE TABLE t (i INTEGER, d REAL, s TEXT, b BLOB, n TEXT, oi INTEGER)").ok());
    auto insert = db->prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)");
    ASSERT_TRUE(insert.ok());
    const std::vector<std::uint8_t> blob{0, 1, 2, 255};
    insert->bind(1, std::int64_t{1} << 40)
        .bind(2, 2.5)
        .bind(3, std::string("Smith\0Jones", 11))
        .bindBlob(4, blob)
        .bind(5, std::optional<std::string>())
        .bind(6, std::optional<std::int64_t>(7));
    ASSERT_TRUE(insert->run().ok());
    EXPECT_EQ(db->changes(), 1);
    EXPECT_EQ(db->lastInsertRowId(), 1);

    auto select = db->prepare("SELECT i, d, s, b, n, oi FROM t");
    ASSERT_TRUE(select.ok());
    auto row = select->step();
    ASSERT_TRUE(row.ok() && *row);
    EXPECT_EQ(select->columnCount(), 6);
    EXPECT_EQ(select->columnInt(0), std::int64_t{1} << 40);
    EXPECT_DOUBLE_EQ(select->columnDouble(1), 2.5);
    EXPECT_EQ(select->columnText(2), std::string("Smith\0Jones", 11));
    EXPECT_EQ(select->columnBlob(3), blob);
    EXPECT_TRUE(select->isNull(4));
    EXPECT_EQ(select->columnOptionalText(4), std::nullopt);
    EXPECT_EQ(select->columnOptionalInt(5), 7);
    row = select->step();
    ASSERT_TRUE(row.ok());
    EXPECT_FALSE(*row);
}

TEST(DatabaseTest, StatementIsReusableAfterReset) {
    TempDir dir;
    auto db = openOrDie(dir.file("a.db"));
    ASSERT_TRUE(db->exec("CREATE TABLE t (x TEXT)").ok());
    auto insert = db->prepare("INSERT INTO t VALUES (?)");
    ASSERT_TRUE(insert.ok());
    for (const char* value : {"a", "b", "c"}) {
        insert->bind(1, value);
        ASSERT_TRUE(insert->run().ok());
        insert->reset();
    }
    auto count = db->prepare("SELECT count(*) FROM t");
    ASSERT_TRUE(count->step().ok());
    EXPECT_EQ(count->columnInt(0), 3);
}

TEST(DatabaseTest, AppliesConnectionPragmas) {
    TempDir dir;
    auto db = openOrDie(dir.file("a.db"), 1, OpenOptions{.busyTimeoutMillis = 1234});
    EXPECT_EQ(pragmaText(*db, "PRAGMA journal_mode"), "wal");
    EXPECT_EQ(pragmaText(*db, "PRAGMA foreign_keys"), "1");
    EXPECT_EQ(pragmaText(*db, "PRAGMA temp_store"), "2");  // MEMORY
    EXPECT_EQ(pragmaText(*db, "PRAGMA secure_delete"), "1");
    EXPECT_EQ(pragmaText(*db, "PRAGMA busy_timeout"), "1234");
    // Freed SQLite memory is wiped (decrypted pages do not linger in the heap).
    EXPECT_EQ(pragmaText(*db, "PRAGMA cipher_memory_security"), "1");
}

TEST(DatabaseTest, FilesAreOwnerOnlyOnCreationAndPutRightOnOpen) {
    using std::filesystem::perms;
    TempDir dir;
    const std::string path = dir.file("private.db");
    const auto mode = [](const std::string& file) {
        return std::filesystem::status(file).permissions() & perms::mask;
    };
    {
        auto db = Database::open(path, testKey(1));
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE((*db)->exec("CREATE TABLE t (x)").ok());
        EXPECT_EQ(mode(path), perms::owner_read | perms::owner_write);
        EXPECT_EQ(mode(path + "-wal"), perms::owner_read | perms::owner_write);
    }
    // A file left readable by others (copied in, or written by an older version) is made
    // private again when it is next opened.
    std::filesystem::permissions(
        path, perms::owner_read | perms::owner_write | perms::group_read | perms::others_read);
    auto db = Database::open(path, testKey(1));
    ASSERT_TRUE(db.ok());
    EXPECT_EQ(mode(path), perms::owner_read | perms::owner_write);
}

TEST(DatabaseTest, RejectsKeyOfWrongLength) {
    TempDir dir;
    auto db = Database::open(dir.file("a.db"), SecretBytes(16));
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.code(), ErrorCode::InvalidArgument);
    EXPECT_FALSE(std::filesystem::exists(dir.file("a.db")));
}

TEST(DatabaseTest, MissingFileWithoutCreateIsNotFound) {
    TempDir dir;
    auto db = Database::open(dir.file("missing.db"), testKey(1), OpenOptions{.create = false});
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.code(), ErrorCode::NotFound);
}

TEST(DatabaseTest, WrongKeyIsWrongKeyWithActionableMessage) {
    TempDir dir;
    {
        auto db = openOrDie(dir.file("a.db"), 1);
        ASSERT_TRUE(db->exec("CREATE TABLE t (x)").ok());
    }
    auto db = Database::open(dir.file("a.db"), testKey(2));
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.code(), ErrorCode::WrongKey);
    EXPECT_EQ(db.error().message, "the database key is wrong (wrong PIN?); nothing was changed");
    EXPECT_TRUE(Database::open(dir.file("a.db"), testKey(1)).ok());
}

TEST(DatabaseTest, PlainAndEncryptedFilesAreNotConfused) {
    TempDir dir;
    {
        auto plain = Database::openUnencrypted(dir.file("plain.db"));
        ASSERT_TRUE(plain.ok());
        EXPECT_FALSE((*plain)->encrypted());
        ASSERT_TRUE((*plain)->exec("CREATE TABLE t (x)").ok());
        auto encrypted = openOrDie(dir.file("enc.db"));
        ASSERT_TRUE(encrypted->exec("CREATE TABLE t (x)").ok());
    }
    EXPECT_EQ(Database::open(dir.file("plain.db"), testKey(1)).code(), ErrorCode::WrongKey);
    EXPECT_EQ(Database::openUnencrypted(dir.file("enc.db")).code(), ErrorCode::Corrupt);
}

TEST(DatabaseTest, TransactionRollsBackUnlessCommitted) {
    TempDir dir;
    auto db = openOrDie(dir.file("a.db"));
    ASSERT_TRUE(db->exec("CREATE TABLE t (x)").ok());
    {
        Transaction tx(*db);
        ASSERT_TRUE(tx.beginStatus().ok());
        EXPECT_TRUE(db->inTransaction());
        ASSERT_TRUE(db->exec("INSERT INTO t VALUES (1)").ok());
    }
    EXPECT_FALSE(db->inTransaction());
    {
        Transaction tx(*db);
        ASSERT_TRUE(db->exec("INSERT INTO t VALUES (2)").ok());
        ASSERT_TRUE(tx.commit().ok());
        EXPECT_EQ(tx.commit().code(), ErrorCode::Internal);  // only once
    }
    auto stmt = db->prepare("SELECT group_concat(x) FROM t");
    ASSERT_TRUE(stmt->step().ok());
    EXPECT_EQ(stmt->columnText(0), "2");
}

TEST(DatabaseTest, ConstraintViolationsMapWithoutBoundValues) {
    TempDir dir;
    auto db = openOrDie(dir.file("a.db"));
    ASSERT_TRUE(
        db->exec("CREATE TABLE t (id TEXT PRIMARY KEY, n TEXT NOT NULL CHECK (length(n) < 10))")
            .ok());
    auto insert = db->prepare("INSERT INTO t VALUES (?, ?)");
    insert->bind(1, "secret-id-4711").bind(2, "value");
    ASSERT_TRUE(insert->run().ok());
    insert->reset();

    insert->bind(1, "secret-id-4711").bind(2, "value");
    Status duplicate = insert->run();
    EXPECT_EQ(duplicate.code(), ErrorCode::Conflict);
    EXPECT_EQ(duplicate.error().message.find("secret-id-4711"), std::string::npos);
    insert->reset();

    insert->bind(1, "other").bindNull(2);
    EXPECT_EQ(insert->run().code(), ErrorCode::InvalidArgument);
    insert->reset();

    insert->bind(1, "third").bind(2, "far-too-long-case-text");
    Status check = insert->run();
    EXPECT_EQ(check.code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(check.error().message.find("far-too-long-case-text"), std::string::npos);
}

TEST(DatabaseTest, BusyDatabaseIsUnavailable) {
    TempDir dir;
    auto first = openOrDie(dir.file("a.db"));
    auto second = openOrDie(dir.file("a.db"), 1, OpenOptions{.busyTimeoutMillis = 0});
    ASSERT_TRUE(first->beginImmediate().ok());
    EXPECT_EQ(second->beginImmediate().code(), ErrorCode::Unavailable);
    ASSERT_TRUE(first->rollback().ok());
    EXPECT_TRUE(second->beginImmediate().ok());
    EXPECT_TRUE(second->commit().ok());
}

TEST(DatabaseTest, PrepareTakesOneStatement) {
    TempDir dir;
    auto db = openOrDie(dir.file("a.db"));
    EXPECT_EQ(db->prepare("SELECT 1; SELECT 2").code(), ErrorCode::InvalidArgument);
    EXPECT_TRUE(db->prepare("SELECT 1;  ").ok());
    EXPECT_EQ(db->prepare("SELEKT 1").code(), ErrorCode::Internal);
}

TEST(DatabaseTest, UserVersionCheckpointAndIntegrityCheck) {
    TempDir dir;
    auto db = openOrDie(dir.file("a.db"));
    auto version = db->userVersion();
    ASSERT_TRUE(version.ok());
    EXPECT_EQ(*version, 0);
    ASSERT_TRUE(db->setUserVersion(5).ok());
    EXPECT_EQ(*db->userVersion(), 5);
    ASSERT_TRUE(db->exec("CREATE TABLE t (x); INSERT INTO t VALUES ('a')").ok());
    EXPECT_TRUE(db->checkpoint().ok());
    EXPECT_TRUE(db->integrityCheck().ok());
}

}  // namespace
}  // namespace sitebook::storage
