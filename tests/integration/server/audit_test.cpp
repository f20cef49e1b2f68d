// The tamper-evident audit log: `audit verify` finds an entry changed, reordered or deleted
// directly in the SQLite file (the append-only triggers lifted, as anyone holding the file
// can), the migration chains entries written before the chain existed, `audit export` selects
// what an investigation asks for and refuses bad input, and security events (failed sign-ins
// with the client's address, token refusals, refused writes, who downloaded whom) reach both
// the audit log and the log.

#include <sys/stat.h>

#include <fstream>
#include <mutex>
#include <sstream>

#include "server_fixture.h"
#include "sitebook/common/log.h"
#include "sitebook/server/audit/audit_chain.h"
#include "sitebook/server/sync/entity_writer.h"

namespace sitebook::server::testing {
namespace {

using json = nlohmann::json;

// 2026-03-10T12:00:00Z and the days around it.
constexpr UnixMillis kDay = 86'400'000;
constexpr UnixMillis kMarch10Noon = 1'773'144'000'000;

class AuditCommandsTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("sitebook-audit-test-" + ids_.next().toString());
        addBuiltinCommands(table_);
        addAuditCommands(table_);
        ASSERT_EQ(run({"init"}), kExitOk) << err_;
    }
    void TearDown() override {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }

    std::string dbPath() const { return (dir_ / "sitebook-server.db").string(); }

    int run(std::vector<std::string> args) {
        std::vector<std::string> argv{"sitebook-server"};
        argv.insert(argv.end(), args.begin(), args.end());
        argv.push_back("--data-dir");
        argv.push_back(dir_.string());
        std::istringstream in;
        std::ostringstream out;
        std::ostringstream err;
        const int code = table_.run(argv, in, out, err, clock_, SecureRandom::instance());
        out_ = out.str();
        err_ = err.str();
        return code;
    }

    // Appends `count` entries through the store, as the server does.
    void appendEntries(int count) {
        auto store = SqliteStore::open(dbPath());
        ASSERT_TRUE(store.ok());
        auto uow = (*store)->begin(AccessMode::ReadWrite);
        ASSERT_TRUE(uow.ok());
        for (int i = 0; i < count; ++i) {
            AuditEntry e;
            e.userId = "u" + std::to_string(i);
            e.action = "update";
            e.entityType = "case_note";
            e.entityId = ids_.next().toString();
            e.serverTimeMillis = kMarch10Noon + i;
            e.after = json{{"text", "note " + std::to_string(i)}}.dump();
            ASSERT_TRUE((*uow)->appendAudit(e).ok());
        }
        ASSERT_TRUE((*uow)->commit().ok());
    }

    // Runs `sql` on the file directly with the append-only triggers lifted.
    void tamper(const std::string& sql) {
        auto db = storage::Database::openUnencrypted(dbPath(), {});
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE((*db)
                        ->exec("DROP TRIGGER audit_log_no_update; "
                               "DROP TRIGGER audit_log_no_delete;")
                        .ok());
        ASSERT_TRUE((*db)->exec(sql).ok()) << sql;
    }

    std::filesystem::path dir_;
    ManualClock clock_{kMarch10Noon};
    UuidGenerator ids_{clock_, SecureRandom::instance()};
    CommandTable table_;
    std::string out_;
    std::string err_;
};

TEST_F(AuditCommandsTest, AnUntouchedChainVerifies) {
    appendEntries(5);
    ASSERT_EQ(run({"audit", "verify"}), kExitOk) << out_ << err_;
    // Entry 1 is `init`'s: the first token signing key.
    EXPECT_NE(out_.find("audit chain intact: 6 entries, last entry 6 hash "), std::string::npos)
        << out_;
}

TEST_F(AuditCommandsTest, AChangedEntryIsFound) {
    appendEntries(5);
    tamper("UPDATE audit_log SET after_json = '{\"text\":\"nothing to see\"}' WHERE seq = 3");
    EXPECT_EQ(run({"audit", "verify"}), kExitFailure);
    EXPECT_NE(out_.find("BROKEN at entry 3: changed"), std::string::npos) << out_;
    EXPECT_NE(out_.find("entries before it are intact: 2"), std::string::npos) << out_;
}

TEST_F(AuditCommandsTest, AChangedEntryWithItsHashRecomputedBreaksTheNextLink) {
    appendEntries(5);
    // Someone who knows the encoding rewrites entry 3 and its own hash: entry 4 still names
    // the old one.
    AuditEntry forged;
    {
        auto store = SqliteStore::open(dbPath());
        ASSERT_TRUE(store.ok());
        auto uow = (*store)->begin(AccessMode::ReadOnly);
        auto page = (*uow)->auditPage(2, 1);
        ASSERT_TRUE(page.ok() && page->size() == 1);
        forged = page->front();
    }
    forged.action = "read";
    tamper("UPDATE audit_log SET action = 'read', entry_hash = '" +
           auditEntryHash(forged, forged.prevHash) + "' WHERE seq = 3");
    EXPECT_EQ(run({"audit", "verify"}), kExitFailure);
    EXPECT_NE(out_.find("BROKEN at entry 4: deleted"), std::string::npos) << out_;
}

TEST_F(AuditCommandsTest, ReorderedEntriesAreFound) {
    appendEntries(5);
    tamper(
        "UPDATE audit_log SET seq = -1 WHERE seq = 2; "
        "UPDATE audit_log SET seq = 2 WHERE seq = 3; "
        "UPDATE audit_log SET seq = 3 WHERE seq = -1;");
    EXPECT_EQ(run({"audit", "verify"}), kExitFailure);
    EXPECT_NE(out_.find("BROKEN at entry 2: reordered"), std::string::npos) << out_;
    EXPECT_NE(out_.find("written after entry 3"), std::string::npos) << out_;
}

TEST_F(AuditCommandsTest, ADeletedEntryIsFound) {
    appendEntries(5);
    tamper("DELETE FROM audit_log WHERE seq = 3");
    EXPECT_EQ(run({"audit", "verify"}), kExitFailure);
    EXPECT_NE(out_.find("BROKEN at entry 3: deleted (entry 3 is missing)"), std::string::npos)
        << out_;
}

TEST_F(AuditCommandsTest, TheLastEntryDeletedIsFoundByTheAuditCounter) {
    appendEntries(5);
    tamper("DELETE FROM audit_log WHERE seq = 5");
    EXPECT_EQ(run({"audit", "verify"}), kExitFailure);
    EXPECT_NE(out_.find("BROKEN at entry 5: deleted"), std::string::npos) << out_;
}

TEST_F(AuditCommandsTest, AnEntryRenumberedIntoAGapIsFound) {
    // Entry 3 deleted and the later ones renumbered down: no gap in seq, but entry 3 (was 4)
    // names a hash no entry has.
    appendEntries(5);
    tamper(
        "DELETE FROM audit_log WHERE seq = 3; "
        "UPDATE audit_log SET seq = seq - 1 WHERE seq > 3; "
        "UPDATE sequences SET value = 4 WHERE name = 'audit';");
    EXPECT_EQ(run({"audit", "verify"}), kExitFailure);
    EXPECT_NE(out_.find("BROKEN at entry 3: deleted"), std::string::npos) << out_;
}

TEST_F(AuditCommandsTest, TheMigrationChainsEntriesWrittenBeforeTheChain) {
    appendEntries(4);
    // Back to schema 5: no chain columns, entries as an older server wrote them.
    tamper(
        "ALTER TABLE audit_log DROP COLUMN client_address; "
        "ALTER TABLE audit_log DROP COLUMN prev_hash; "
        "ALTER TABLE audit_log DROP COLUMN entry_hash; "
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END; "
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END; "
        "PRAGMA user_version = 5;");
    appendEntries(1);  // opening migrates; the new entry follows the chained old ones
    ASSERT_EQ(run({"audit", "verify"}), kExitOk) << out_;
    EXPECT_NE(out_.find("intact: 6 entries"), std::string::npos) << out_;
    // Still append-only after the migration.
    auto db = storage::Database::openUnencrypted(dbPath(), {});
    ASSERT_TRUE(db.ok());
    EXPECT_FALSE((*db)->exec("UPDATE audit_log SET action = 'x' WHERE seq = 1").ok());
    EXPECT_FALSE((*db)->exec("DELETE FROM audit_log WHERE seq = 1").ok());
}

// --- export ---

class AuditExportTest : public AuditCommandsTest {
protected:
    void SetUp() override {
        AuditCommandsTest::SetUp();
        personId_ = ids_.next().toString();
        otherPersonId_ = ids_.next().toString();
        noteId_ = ids_.next().toString();
        auto store = SqliteStore::open(dbPath());
        ASSERT_TRUE(store.ok());
        auto uow = (*store)->begin(AccessMode::ReadWrite);
        ASSERT_TRUE(uow.ok());
        for (const auto& [name, id] : {std::pair{"sam", &samId_}, std::pair{"olu", &oluId_}}) {
            *id = ids_.next().toString();
            UserRecord u{*id, name, name, "x", Role::Supervisor, false, kMarch10Noon};
            ASSERT_TRUE((*uow)->insertUser(u).ok());
        }
        // A case note in the person's partition.
        PartitionEntry entry;
        entry.partition = std::string(kPersonPartitionPrefix) + personId_;
        entry.entityType = "case_note";
        entry.entityId = noteId_;
        entry.seq = 1;
        entry.version = 1;
        ASSERT_TRUE((*uow)->putPartitionEntry(entry).ok());
        auto add = [&](const std::string& user, const std::string& action, const std::string& type,
                       const std::string& id, UnixMillis at) {
            AuditEntry e;
            e.userId = user;
            e.action = action;
            e.entityType = type;
            e.entityId = id;
            e.serverTimeMillis = at;
            e.after = json{{"text", "a \"quoted\", two-line\nnote"}}.dump();
            ASSERT_TRUE((*uow)->appendAudit(e).ok());
        };
        add(samId_, "create", "case_note", noteId_, kMarch10Noon - kDay);          // 2: 9 Mar
        add(oluId_, "person_downloaded", "person", personId_, kMarch10Noon);       // 3: 10 Mar
        add(oluId_, "person_downloaded", "person", otherPersonId_, kMarch10Noon);  // 3: 10 Mar
        add(samId_, "sign_in_failed", "user", samId_, kMarch10Noon + kDay);        // 4: 11 Mar
        add(samId_, "update", "case_note", noteId_, kMarch10Noon + 2 * kDay);      // 5: 12 Mar
        ASSERT_TRUE((*uow)->commit().ok());
    }

    std::vector<std::int64_t> exportedSeqs(std::vector<std::string> args) {
        args.insert(args.begin(), {"audit", "export", "--format", "json"});
        EXPECT_EQ(run(args), kExitOk) << err_;
        auto parsed = json::parse(out_, nullptr, false);
        EXPECT_TRUE(parsed.is_array()) << out_;
        std::vector<std::int64_t> seqs;
        for (const auto& e : parsed)
            seqs.push_back(e["seq"].get<std::int64_t>());
        return seqs;
    }

    std::string personId_, otherPersonId_, noteId_, samId_, oluId_;
};

TEST_F(AuditExportTest, APersonsExportHoldsTheirRecordsAndWhoDownloadedThem) {
    EXPECT_EQ(exportedSeqs({"--person", personId_}), (std::vector<std::int64_t>{2, 3, 6}));
}

TEST_F(AuditExportTest, AUsersExportHoldsWhatTheyDid) {
    EXPECT_EQ(exportedSeqs({"--user", "olu"}), (std::vector<std::int64_t>{3, 4}));
    EXPECT_EQ(exportedSeqs({"--user", "sam"}), (std::vector<std::int64_t>{2, 5, 6}));
}

TEST_F(AuditExportTest, ADateRangeIncludesBothWholeDays) {
    EXPECT_EQ(exportedSeqs({"--from", "2026-03-10", "--to", "2026-03-11"}),
              (std::vector<std::int64_t>{1, 3, 4, 5}));  // 1: init's token key, 10 Mar
    EXPECT_EQ(exportedSeqs({"--from", "2026-03-12"}), (std::vector<std::int64_t>{6}));
    // Criteria combine.
    EXPECT_EQ(exportedSeqs({"--user", "sam", "--from", "2026-03-10", "--to", "2026-03-11"}),
              (std::vector<std::int64_t>{5}));
}

TEST_F(AuditExportTest, JsonCarriesEveryFieldAndTheChainHashes) {
    ASSERT_EQ(run({"audit", "export", "--user", "olu", "--format", "json"}), kExitOk) << err_;
    auto entries = json::parse(out_);
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0]["username"], "olu");
    EXPECT_EQ(entries[0]["action"], "person_downloaded");
    EXPECT_EQ(entries[0]["entity_id"], personId_);
    EXPECT_EQ(entries[0]["server_time"], "2026-03-10T12:00:00.000Z");
    EXPECT_EQ(entries[0]["after"]["text"], "a \"quoted\", two-line\nnote");
    EXPECT_EQ(entries[0]["entry_hash"].get<std::string>().size(), 64u);
    EXPECT_EQ(entries[1]["prev_hash"], entries[0]["entry_hash"]);  // 2 and 3 are adjacent
}

TEST_F(AuditExportTest, CsvToAFileIsPrivateAndQuotesTextWithCommasQuotesAndLineBreaks) {
    const std::string path = (dir_ / "case.csv").string();
    ASSERT_EQ(run({"audit", "export", "--person", personId_, "--out", path}), kExitOk) << err_;
    EXPECT_NE(out_.find("exported 3 audit entries to " + path), std::string::npos) << out_;
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const std::string csv = text.str();
    EXPECT_EQ(csv.rfind("seq,server_time,user_id,username,device_id,client,action,", 0), 0u) << csv;
    EXPECT_NE(csv.find("\"{\"\"text\"\":\"\"a \\\"\"quoted\\\"\", two-line\\nnote\"\"}\""),
              std::string::npos)
        << csv;
    // An existing file is never overwritten.
    EXPECT_EQ(run({"audit", "export", "--person", personId_, "--out", path}), kExitUsage);
    EXPECT_NE(err_.find("already exists"), std::string::npos) << err_;
}

TEST_F(AuditExportTest, BadInputIsRefusedWithAClearMessage) {
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::vector<Case> cases = {
        {{}, "say what to export"},
        {{"--person", "Alex Smith"}, "--person: must be a person's id (a UUID)"},
        {{"--user", "nobody"}, "--user: no user is called 'nobody'"},
        {{"--from", "2026-13-01"}, "--from: must be a date like 2026-03-01"},
        {{"--to", "10/03/2026"}, "--to: must be a date like 2026-03-01"},
        {{"--from", "2026-03-12", "--to", "2026-03-10"}, "--from: must not be after --to"},
        {{"--user", "sam", "--format", "xml"}, "--format: must be csv or json"},
        {{"--user", "sam", "--since", "2026-03-01"}, "--since: unknown option"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args{"audit", "export"};
        args.insert(args.end(), c.args.begin(), c.args.end());
        EXPECT_EQ(run(args), kExitUsage) << c.message;
        EXPECT_NE(err_.find(c.message), std::string::npos) << err_;
        EXPECT_TRUE(out_.empty()) << out_;
    }
}

// --- security events over gRPC ---

class SecurityEventsTest : public ReconcilingServerFixture {
protected:
    void SetUp() override {
        previous_ = log::setSink(
            [this](log::Level level, std::string_view component, std::string_view message) {
                std::lock_guard lock(mutex_);
                if (component == "security")
                    lines_.push_back({level, std::string(message)});
            });
        ServerFixture::SetUp();
        seedSamAndOlu(1);
    }
    void TearDown() override {
        ServerFixture::TearDown();
        log::setSink(previous_);
    }

    grpc::Status signIn(const std::string& username, const std::string& password) {
        v1::LoginRequest request;
        request.set_protocol_version(v1::PROTOCOL_VERSION_1);
        request.set_username(username);
        request.set_password(password);
        request.set_device_id(newId());
        v1::TokenResponse response;
        auto ctx = context();
        return auth_->Login(ctx.get(), request, &response);
    }

    std::vector<AuditEntry> audit(const std::string& action) {
        auto uow = store_->begin(AccessMode::ReadOnly);
        EXPECT_TRUE(uow.ok());
        auto page = (*uow)->auditPage(0, 100000);
        EXPECT_TRUE(page.ok());
        std::vector<AuditEntry> out;
        for (auto& e : *page) {
            if (e.action == action)
                out.push_back(e);
        }
        return out;
    }

    std::vector<json> logged(const std::string& event) {
        std::lock_guard lock(mutex_);
        std::vector<json> out;
        for (const auto& [level, text] : lines_) {
            EXPECT_EQ(text.find('\n'), std::string::npos);  // one line each
            auto j = json::parse(text, nullptr, false);
            EXPECT_TRUE(j.is_object()) << text;
            if (j.is_object() && j["event"] == event)
                out.push_back(j);
        }
        return out;
    }

    std::mutex mutex_;
    std::vector<std::pair<log::Level, std::string>> lines_;
    log::Sink previous_;
};

TEST_F(SecurityEventsTest, FailedSignInsAreAuditedAndLoggedWithTheClientAddress) {
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(signIn("sam", "wrong password " + std::to_string(i)).error_code(),
                  grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_EQ(signIn("mallory", kPassword).error_code(), grpc::StatusCode::UNAUTHENTICATED);

    const auto failed = audit("sign_in_failed");
    ASSERT_EQ(failed.size(), 4u);
    for (const auto& e : failed) {
        ASSERT_TRUE(e.clientAddress.has_value());
        EXPECT_NE(e.clientAddress->find("127.0.0.1"), std::string::npos) << *e.clientAddress;
    }
    EXPECT_EQ(failed[0].userId, supervisorId_);
    EXPECT_NE(failed[0].after->find("wrong_password"), std::string::npos);
    EXPECT_EQ(failed[3].userId, "");
    EXPECT_NE(failed[3].after->find("\"username\":\"mallory\""), std::string::npos);
    EXPECT_NE(failed[3].after->find("unknown_username"), std::string::npos);
    // The password is in neither.
    for (const auto& e : failed)
        EXPECT_EQ(e.after->find("wrong password"), std::string::npos);

    const auto lines = logged("sign_in_failed");
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_NE(lines[0]["client"].get<std::string>().find("127.0.0.1"), std::string::npos);
    EXPECT_EQ(lines[0]["user"], supervisorId_);
    EXPECT_EQ(lines[0]["reason"], "wrong_password");
    EXPECT_EQ(lines[3]["username"], "mallory");
    {
        std::lock_guard lock(mutex_);
        for (const auto& [level, text] : lines_) {
            EXPECT_EQ(text.find("wrong password"), std::string::npos) << text;
            EXPECT_EQ(text.find(kPassword), std::string::npos) << text;
        }
    }
    // The successful sign-ins of the fixture are there too.
    EXPECT_EQ(audit("sign_in_succeeded").size(), 2u);
    EXPECT_EQ(logged("sign_in_succeeded").size(), 2u);

    // And the whole chain, security events included, verifies.
    auto report = verifyAuditChain(*store_);
    ASSERT_TRUE(report.ok());
    EXPECT_FALSE(report->broken.has_value()) << report->broken->detail;
}

TEST_F(SecurityEventsTest, ABadTokenARefusedWriteAndWhoDownloadedWhomAreRecorded) {
    // A forged access token.
    Session forged = sam_;
    forged.accessToken = "not-a-token";
    v1::UploadResponse response;
    EXPECT_EQ(upload(forged, {}, &response).error_code(), grpc::StatusCode::UNAUTHENTICATED);
    ASSERT_EQ(audit("token_refused").size(), 1u);
    EXPECT_TRUE(audit("token_refused")[0].clientAddress.has_value());
    ASSERT_EQ(logged("token_refused").size(), 1u);

    // A write the rules refuse: the reason code and the record are kept.
    json body = outcomeBody(supervisorId_);
    body["penalty_minutes"] = -5;
    const auto op = operation(EntityType::AppointmentOutcome, seed_.appointmentIds[0],
                              OpKind::Create, body.dump());
    ASSERT_TRUE(upload(sam_, {op}, &response).ok());
    ASSERT_EQ(response.results(0).result(), v1::OP_RESULT_REJECTED);
    const auto refused = audit("write_refused");
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_EQ(refused[0].userId, supervisorId_);
    EXPECT_EQ(refused[0].deviceId, sam_.deviceId);
    EXPECT_EQ(refused[0].opId, op.op_id());
    EXPECT_EQ(refused[0].entityType, "appointment_outcome");
    EXPECT_EQ(refused[0].entityId, seed_.appointmentIds[0]);
    EXPECT_NE(refused[0].after->find("\"reason\":\"invalid_argument\""), std::string::npos);
    ASSERT_EQ(logged("write_refused").size(), 1u);
    EXPECT_EQ(logged("write_refused")[0]["reason"], "invalid_argument");

    // The officer's download sends the person's records: one event for that person.
    auto pulled = pull(olu_);
    ASSERT_TRUE(pulled.status.ok()) << pulled.status.error_message();
    const auto viewed = audit("person_downloaded");
    std::vector<std::string> oluViewed;
    for (const auto& e : viewed) {
        if (e.userId == officerId_)
            oluViewed.push_back(e.entityId);
    }
    EXPECT_EQ(oluViewed, std::vector<std::string>{seed_.personId});
    // A second download from its checkpoint sends nothing new and records no view.
    const auto before = audit("person_downloaded").size();
    ASSERT_TRUE(pull(olu_, pulled.checkpoint).status.ok());
    EXPECT_EQ(audit("person_downloaded").size(), before);
}

}  // namespace
}  // namespace sitebook::server::testing
