// Upload idempotency, per-operation results, input validation, audit log and paged download
// against a real server over TLS.
#include <functional>
#include <map>
#include <set>

#include "server_fixture.h"

namespace sitebook::server::testing {
namespace {

using nlohmann::json;

class SyncTest : public ServerFixture {
protected:
    void SetUp() override {
        ServerFixture::SetUp();
        supervisorId_ = addUser("sam", Role::Supervisor);
        officerId_ = addUser("olu", Role::Officer);
        seed_ = seed(supervisorId_, officerId_, 2);
        sam_ = login("sam");
    }

    // The record tables (a refused write adds only its write_refused audit entry).
    std::map<std::string, std::int64_t> counts() {
        std::map<std::string, std::int64_t> out;
        for (const char* table : {"entities", "operations", "change_log", "partitions"}) {
            out[table] = countRows(table);
        }
        return out;
    }

    v1::Operation outcomeOp(int appointment = 0, int penalty = 0) {
        return operation(EntityType::AppointmentOutcome, seed_.appointmentIds[appointment],
                         OpKind::Create, outcomeBody(supervisorId_, "ATTC", penalty).dump());
    }

    v1::Operation workOp(int appointment = 0) {
        std::string id = newId();
        json body{{"id", id},
                  {"appointment_id", seed_.appointmentIds[appointment]},
                  {"category", "litter_clean_up"},
                  {"description", "Cleared the towpath"},
                  {"quantity", 12},
                  {"unit", "bags"}};
        return operation(EntityType::WorkUndertaken, id, OpKind::Create, body.dump());
    }

    struct Downloaded {
        std::vector<v1::DownloadResponse> pages;
        std::string checkpoint;  // of the last page read
    };
    // Reads up to `maxPages` messages (0: all).
    Downloaded download(const Session& s, const std::string& checkpoint, std::uint32_t pageSize,
                        std::size_t maxPages = 0) {
        v1::DownloadRequest request;
        request.set_protocol_version(v1::PROTOCOL_VERSION_1);
        request.set_checkpoint(checkpoint);
        request.set_page_size(pageSize);
        auto ctx = context(s.accessToken);
        auto reader = sync_->Download(ctx.get(), request);
        Downloaded out;
        out.checkpoint = checkpoint;
        v1::DownloadResponse page;
        while (reader->Read(&page)) {
            out.checkpoint = page.checkpoint();
            out.pages.push_back(page);
            if (maxPages != 0 && out.pages.size() == maxPages) {
                ctx->TryCancel();
                break;
            }
        }
        auto status = reader->Finish();
        if (maxPages == 0) {
            EXPECT_TRUE(status.ok()) << status.error_message();
        }
        return out;
    }

    std::string supervisorId_;
    std::string officerId_;
    Seed seed_;
    Session sam_;
};

// ---------------------------------------------------------------- idempotency

TEST_F(SyncTest, ReplayingAnOperationReturnsTheStoredResultAndWritesNothing) {
    v1::Operation op = outcomeOp();
    v1::UploadResponse first;
    ASSERT_TRUE(upload(sam_, {op}, &first).ok());
    ASSERT_EQ(first.results_size(), 1);
    EXPECT_EQ(first.results(0).result(), v1::OP_RESULT_ACCEPTED) << first.results(0).message();
    EXPECT_EQ(first.results(0).version(), 1);
    EXPECT_FALSE(first.results(0).replayed());
    auto before = counts();

    v1::UploadResponse replay;
    ASSERT_TRUE(upload(sam_, {op}, &replay).ok());
    EXPECT_EQ(replay.results(0).result(), v1::OP_RESULT_ACCEPTED);
    EXPECT_EQ(replay.results(0).version(), 1);
    EXPECT_TRUE(replay.results(0).replayed());
    EXPECT_EQ(counts(), before);
}

TEST_F(SyncTest, ReorderedReplayGivesTheSameResults) {
    v1::Operation a = outcomeOp(0);
    v1::Operation b = workOp(1);
    v1::UploadResponse first;
    ASSERT_TRUE(upload(sam_, {a, b}, &first).ok());
    auto before = counts();
    v1::UploadResponse second;
    ASSERT_TRUE(upload(sam_, {b, a}, &second).ok());
    ASSERT_EQ(second.results_size(), 2);
    EXPECT_EQ(second.results(0).op_id(), b.op_id());
    EXPECT_EQ(second.results(0).result(), first.results(1).result());
    EXPECT_EQ(second.results(0).version(), first.results(1).version());
    EXPECT_EQ(second.results(1).result(), first.results(0).result());
    EXPECT_TRUE(second.results(0).replayed() && second.results(1).replayed());
    EXPECT_EQ(counts(), before);
}

TEST_F(SyncTest, SameOpIdWithAnotherBodyIsRejected) {
    v1::Operation op = outcomeOp(0);
    v1::UploadResponse first;
    ASSERT_TRUE(upload(sam_, {op}, &first).ok());
    auto before = counts();
    op.set_payload(outcomeBody(supervisorId_, "ATTC", 30).dump());
    v1::UploadResponse second;
    ASSERT_TRUE(upload(sam_, {op}, &second).ok());
    EXPECT_EQ(second.results(0).result(), v1::OP_RESULT_REJECTED);
    EXPECT_EQ(second.results(0).reason_code(), "op_id_reused");
    EXPECT_EQ(counts(), before);
}

TEST_F(SyncTest, ConcurrentOutcomesForOneAppointmentAreBothKeptWithADeterministicWinner) {
    v1::Operation mine = outcomeOp(0);
    v1::UploadResponse r1;
    ASSERT_TRUE(upload(sam_, {mine}, &r1).ok());
    // Another device, later HLC, different outcome, based on nothing: a conflict it wins.
    Session other = login("sam");
    clock_.advance(1000);
    v1::Operation theirs = operation(EntityType::AppointmentOutcome, seed_.appointmentIds[0],
                                     OpKind::Create, outcomeBody(supervisorId_, "AFTC", 15).dump());
    v1::UploadResponse r2;
    ASSERT_TRUE(upload(other, {theirs}, &r2).ok());
    EXPECT_EQ(r2.results(0).result(), v1::OP_RESULT_ACCEPTED_WITH_CONFLICT);
    EXPECT_EQ(r2.results(0).version(), 2);
    EXPECT_EQ(countRows("operations"), 2);  // both versions on record
}

// ---------------------------------------------------------------- per-operation results

TEST_F(SyncTest, ARejectedOperationDoesNotFailTheBatch) {
    // A person outside the supervisor's projects.
    Seed elsewhere = seed(addUser("sue", Role::Supervisor), officerId_, 1);
    json note{{"id", newId()},
              {"person_id", elsewhere.personId},
              {"author", supervisorId_},
              {"created_at", clock_.nowMillis()},
              {"text", "Arrived on time."},
              {"sensitive", false}};
    std::vector<v1::Operation> ops = {
        workOp(0),
        outcomeOp(0, 500),  // penalty longer than the appointment
        operation(EntityType::CaseNote, note["id"], OpKind::Create, note.dump()),
        operation(EntityType::AppointmentOutcome, elsewhere.appointmentIds[0], OpKind::Create,
                  outcomeBody(supervisorId_).dump()),
        outcomeOp(1),
    };
    v1::UploadResponse response;
    ASSERT_TRUE(upload(sam_, ops, &response).ok());
    ASSERT_EQ(response.results_size(), 5);
    EXPECT_EQ(response.results(0).result(), v1::OP_RESULT_ACCEPTED)
        << response.results(0).message();
    EXPECT_EQ(response.results(1).result(), v1::OP_RESULT_REJECTED);
    EXPECT_EQ(response.results(1).reason_code(), "invalid_argument");
    EXPECT_EQ(response.results(1).field(), "penalty_minutes");
    EXPECT_EQ(response.results(2).result(), v1::OP_RESULT_REJECTED);
    EXPECT_EQ(response.results(2).reason_code(), "permission_denied");
    EXPECT_EQ(response.results(3).reason_code(), "permission_denied");
    EXPECT_EQ(response.results(4).result(), v1::OP_RESULT_ACCEPTED)
        << response.results(4).message();
    EXPECT_EQ(countRows("operations"), 2);
}

TEST_F(SyncTest, ARuleViolationIsRejectedNamingTheFieldWithTheDatabaseUnchanged) {
    auto before = counts();
    json body = outcomeBody(supervisorId_);
    body["penalty_minutes"] = -5;
    v1::UploadResponse response;
    ASSERT_TRUE(upload(sam_,
                       {operation(EntityType::AppointmentOutcome, seed_.appointmentIds[0],
                                  OpKind::Create, body.dump())},
                       &response)
                    .ok());
    EXPECT_EQ(response.results(0).result(), v1::OP_RESULT_REJECTED);
    EXPECT_EQ(response.results(0).reason_code(), "invalid_argument");
    EXPECT_EQ(response.results(0).field(), "penalty_minutes");
    EXPECT_EQ(counts(), before);

    // Supervisors may not choose admin-only outcome codes.
    v1::UploadResponse admin;
    ASSERT_TRUE(upload(sam_,
                       {operation(EntityType::AppointmentOutcome, seed_.appointmentIds[0],
                                  OpKind::Create, outcomeBody(supervisorId_, "AAME").dump())},
                       &admin)
                    .ok());
    EXPECT_EQ(admin.results(0).result(), v1::OP_RESULT_REJECTED);
    EXPECT_EQ(counts(), before);
}

// ---------------------------------------------------------------- malformed requests

TEST_F(SyncTest, MalformedInputIsInvalidArgumentNamingTheFieldAndChangesNothing) {
    struct Case {
        std::string name;
        std::string field;
        std::function<void(v1::Operation&)> mutate;
    };
    const std::vector<Case> cases = {
        {"malformed json", "operations[1].payload", [](v1::Operation& o) { o.set_payload("{"); }},
        {"not an object", "operations[1].payload", [](v1::Operation& o) { o.set_payload("[1]"); }},
        {"invalid utf-8", "operations[1].payload",
         [](v1::Operation& o) { o.set_payload("{\"code\":\"\xC3\x28\"}"); }},
        {"oversized", "operations[1].payload",
         [](v1::Operation& o) {
             o.set_payload("{\"x\":\"" + std::string(70 * 1024, 'a') + "\"}");
         }},
        {"unknown entity type", "operations[1].entity_type",
         [](v1::Operation& o) { o.set_entity_type(static_cast<v1::EntityType>(99)); }},
        {"server-only entity type", "operations[1].entity_type",
         [](v1::Operation& o) { o.set_entity_type(v1::ENTITY_TYPE_PERSON); }},
        {"unknown kind", "operations[1].kind",
         [](v1::Operation& o) { o.set_kind(static_cast<v1::OpKind>(7)); }},
        {"op id not a uuid", "operations[1].op_id", [](v1::Operation& o) { o.set_op_id("op-1"); }},
        {"entity id not a uuid", "operations[1].entity_id",
         [](v1::Operation& o) { o.set_entity_id("appointment 7"); }},
        {"device time out of range", "operations[1].device_time_ms",
         [](v1::Operation& o) { o.set_device_time_ms(-1); }},
        {"hlc in the far future", "operations[1].hlc",
         [this](v1::Operation& o) {
             o.set_hlc(HlcTimestamp{clock_.nowMillis() + 400LL * 24 * 3600 * 1000, 0}.toString());
         }},
        {"malformed hlc", "operations[1].hlc", [](v1::Operation& o) { o.set_hlc("yesterday"); }},
        {"negative base version", "operations[1].base_version",
         [](v1::Operation& o) { o.set_base_version(-3); }},
    };
    const auto before = counts();
    for (const auto& c : cases) {
        v1::Operation good = workOp(0);
        v1::Operation bad = outcomeOp(1);
        c.mutate(bad);
        v1::UploadResponse response;
        std::multimap<std::string, std::string> trailers;
        grpc::Status status = upload(sam_, {good, bad}, &response, &trailers);
        EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << c.name;
        EXPECT_NE(status.error_message().find(c.field), std::string::npos)
            << c.name << ": " << status.error_message();
        auto field = trailers.find("sitebook-field");
        ASSERT_NE(field, trailers.end()) << c.name;
        EXPECT_EQ(field->second, c.field) << c.name;
        EXPECT_EQ(counts(), before) << c.name << ": the valid operation must not be applied";
    }
}

TEST_F(SyncTest, TooManyOperationsOrABadSendTimeAreRefusedWhole) {
    const auto before = counts();
    std::vector<v1::Operation> many(501, workOp(0));
    v1::UploadResponse response;
    EXPECT_EQ(upload(sam_, many, &response).error_code(), grpc::StatusCode::INVALID_ARGUMENT);

    v1::UploadRequest request;
    request.set_protocol_version(v1::PROTOCOL_VERSION_1);
    request.set_device_sent_at_ms(0);
    *request.add_operations() = workOp(0);
    auto ctx = context(sam_.accessToken);
    auto status = sync_->Upload(ctx.get(), request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_NE(status.error_message().find("device_sent_at_ms"), std::string::npos);
    EXPECT_EQ(counts(), before);
}

// ---------------------------------------------------------------- audit log

TEST_F(SyncTest, AcceptedChangesAreAuditedAndTheAuditLogIsAppendOnly) {
    v1::Operation op = outcomeOp(0);
    v1::UploadResponse response;
    ASSERT_TRUE(upload(sam_, {op}, &response).ok());

    auto uow = store_->begin(AccessMode::ReadOnly);
    ASSERT_TRUE(uow.ok());
    auto audit = (*uow)->auditForEntity("appointment_outcome", seed_.appointmentIds[0]);
    ASSERT_TRUE(audit.ok());
    ASSERT_EQ(audit->size(), 1u);
    const AuditEntry& entry = audit->front();
    EXPECT_EQ(entry.userId, supervisorId_);
    EXPECT_EQ(entry.deviceId, sam_.deviceId);
    EXPECT_EQ(entry.opId, op.op_id());
    EXPECT_EQ(entry.action, "create");
    EXPECT_EQ(entry.deviceTimeMillis, op.device_time_ms());
    EXPECT_EQ(entry.serverTimeMillis, clock_.nowMillis());
    EXPECT_EQ(entry.clockSkewMillis, 1500);
    EXPECT_FALSE(entry.before.has_value());
    ASSERT_TRUE(entry.after.has_value());
    EXPECT_EQ(json::parse(*entry.after)["code"], "ATTC");
    uow->reset();

    const auto rows = countRows("audit_log");
    EXPECT_FALSE(storeLocation_->rawExec("UPDATE audit_log SET action = 'nothing'"));
    EXPECT_FALSE(storeLocation_->rawExec("DELETE FROM audit_log"));
    EXPECT_EQ(countRows("audit_log"), rows);
}

// ---------------------------------------------------------------- download

TEST_F(SyncTest, LargeRecordsAreSpreadOverMessagesTheClientAccepts) {
    // 150 appointments of ~60 KB each: 9 MB, over twice the 4 MiB message limit, in one page
    // size the client may ask for.
    const std::string padding(60 * 1024, 'x');
    for (int i = 0; i < 150; ++i) {
        std::string id = newId();
        putEntity(EntityType::Appointment, id,
                  {{"id", id},
                   {"person_id", seed_.personId},
                   {"order_id", seed_.orderId},
                   {"session_id", seed_.sessionId},
                   {"scheduled_start", "09:00"},
                   {"scheduled_end", "16:00"},
                   {"notes", padding}});
    }
    Downloaded all = download(sam_, "", 1000);
    ASSERT_GE(all.pages.size(), 3u);
    EXPECT_TRUE(all.pages.back().complete());
    std::set<std::string> appointments;
    for (const auto& page : all.pages) {
        EXPECT_LE(page.ByteSizeLong(), 4u * 1024 * 1024);
        for (const auto& c : page.changes()) {
            if (c.entity_type() == v1::ENTITY_TYPE_APPOINTMENT)
                appointments.insert(c.entity_id());
        }
    }
    EXPECT_EQ(appointments.size(), 150u + seed_.appointmentIds.size());
}

TEST_F(SyncTest, DownloadPagesResumeFromACheckpointAndChecksumsMatch) {
    // 30 more appointments so the supervisor's scope spans several pages.
    for (int i = 0; i < 30; ++i) {
        std::string id = newId();
        putEntity(EntityType::Appointment, id,
                  {{"id", id},
                   {"person_id", seed_.personId},
                   {"order_id", seed_.orderId},
                   {"session_id", seed_.sessionId},
                   {"scheduled_start", "09:00"},
                   {"scheduled_end", "16:00"}});
    }
    const std::uint32_t pageSize = 7;
    Downloaded all = download(sam_, "", pageSize);
    ASSERT_FALSE(all.pages.empty());
    EXPECT_TRUE(all.pages.back().complete());
    std::map<std::string, std::string> records;  // type/id -> body
    std::map<std::string, std::uint64_t> sums;
    std::map<std::string, std::uint64_t> expected;
    for (const auto& page : all.pages) {
        EXPECT_LE(static_cast<std::uint32_t>(page.changes_size()), pageSize);
        for (const auto& c : page.changes()) {
            EXPECT_EQ(c.partition(), projectPartition(seed_.projectId));
            const std::string key = std::to_string(c.entity_type()) + "/" + c.entity_id();
            EXPECT_EQ(records.count(key), 0u) << "no record twice in one sync";
            records[key] = c.body_json();
            const auto type = entityTypeFromWire(c.entity_type());
            ASSERT_TRUE(type.has_value());
            sums[c.partition()] += EntityWriter::entryChecksum(entityTypeName(*type), c.entity_id(),
                                                               c.version(), c.body_json());
        }
        for (const auto& s : page.checksums())
            expected[s.partition()] = s.checksum();
    }
    // Project, session, placement view of the person, 32 appointments; no full person record.
    EXPECT_EQ(records.size(), 35u);
    EXPECT_EQ(records.count(std::to_string(v1::ENTITY_TYPE_PERSON) + "/" + seed_.personId), 0u);
    const std::string placementKey =
        std::to_string(v1::ENTITY_TYPE_PERSON_PLACEMENT) + "/" + seed_.personId;
    ASSERT_EQ(records.count(placementKey), 1u);
    EXPECT_FALSE(json::parse(records[placementKey]).contains("date_of_birth"));
    ASSERT_EQ(expected.size(), 1u);
    EXPECT_EQ(sums, expected);

    // Interrupted after two pages: resuming sends exactly the rest.
    Downloaded partial = download(sam_, "", pageSize, 2);
    ASSERT_EQ(partial.pages.size(), 2u);
    std::set<std::string> seen;
    for (const auto& page : partial.pages) {
        for (const auto& c : page.changes())
            seen.insert(c.entity_id() + std::to_string(c.entity_type()));
    }
    Downloaded rest = download(sam_, partial.checkpoint, pageSize);
    std::size_t resumed = 0;
    for (const auto& page : rest.pages) {
        for (const auto& c : page.changes()) {
            EXPECT_TRUE(seen.insert(c.entity_id() + std::to_string(c.entity_type())).second);
            ++resumed;
        }
    }
    EXPECT_EQ(seen.size(), 35u);
    EXPECT_EQ(resumed, 35u - 2 * pageSize);

    // Up to date: nothing but the checksum.
    Downloaded again = download(sam_, all.checkpoint, pageSize);
    ASSERT_EQ(again.pages.size(), 1u);
    EXPECT_EQ(again.pages[0].changes_size(), 0);
    ASSERT_EQ(again.pages[0].checksums_size(), 1);
    EXPECT_EQ(again.pages[0].checksums(0).checksum(), expected.begin()->second);

    // A new outcome arrives as one change.
    v1::UploadResponse response;
    ASSERT_TRUE(upload(sam_, {outcomeOp(0)}, &response).ok());
    Downloaded delta = download(sam_, all.checkpoint, pageSize);
    ASSERT_EQ(delta.pages.size(), 1u);
    ASSERT_EQ(delta.pages[0].changes_size(), 1);
    EXPECT_EQ(delta.pages[0].changes(0).entity_type(), v1::ENTITY_TYPE_APPOINTMENT_OUTCOME);
}

TEST_F(SyncTest, LosingScopePurgesAndGainingScopeBackfills) {
    Downloaded first = download(sam_, "", 100);
    ASSERT_FALSE(first.pages.empty());

    // The project is reassigned to another supervisor.
    const std::string sueId = addUser("sue", Role::Supervisor);
    putEntity(EntityType::Project, seed_.projectId,
              {{"id", seed_.projectId},
               {"code", "P-001"},
               {"name", "Riverside clean-up"},
               {"type", "GROUP"},
               {"supervisor_ids", json::array({sueId})}});
    Downloaded after = download(sam_, first.checkpoint, 100);
    std::vector<std::string> purged;
    for (const auto& page : after.pages) {
        for (const auto& p : page.purged_partitions())
            purged.push_back(p);
        EXPECT_EQ(page.changes_size(), 0);
    }
    EXPECT_EQ(purged, std::vector<std::string>{projectPartition(seed_.projectId)});

    // Sue gets the whole project on her first sync.
    Session sue = login("sue");
    Downloaded hers = download(sue, "", 100);
    std::size_t changes = 0;
    for (const auto& page : hers.pages)
        changes += static_cast<std::size_t>(page.changes_size());
    EXPECT_EQ(changes, 5u);  // project, session, placement, two appointments
}

TEST_F(SyncTest, OfficersGetTheirCaseloadInFullAndARepairResendsOnePartition) {
    Session olu = login("olu");
    Downloaded first = download(olu, "", 100);
    std::set<int> types;
    std::size_t count = 0;
    for (const auto& page : first.pages) {
        for (const auto& c : page.changes()) {
            EXPECT_EQ(c.partition(), personPartition(seed_.personId));
            types.insert(c.entity_type());
            ++count;
        }
    }
    EXPECT_TRUE(types.count(v1::ENTITY_TYPE_PERSON));
    EXPECT_TRUE(types.count(v1::ENTITY_TYPE_ORDER));
    EXPECT_FALSE(types.count(v1::ENTITY_TYPE_PROJECT));

    v1::DownloadRequest request;
    request.set_protocol_version(v1::PROTOCOL_VERSION_1);
    request.set_checkpoint(first.checkpoint);
    request.add_repair_partitions(personPartition(seed_.personId));
    auto ctx = context(olu.accessToken);
    auto reader = sync_->Download(ctx.get(), request);
    v1::DownloadResponse page;
    std::size_t resent = 0;
    bool reset = false;
    while (reader->Read(&page)) {
        for (const auto& p : page.reset_partitions())
            reset |= p == personPartition(seed_.personId);
        resent += static_cast<std::size_t>(page.changes_size());
    }
    EXPECT_TRUE(reader->Finish().ok());
    EXPECT_TRUE(reset);
    EXPECT_EQ(resent, count);
}

TEST_F(SyncTest, AForgedCheckpointIsInvalidArgument) {
    v1::DownloadRequest request;
    request.set_protocol_version(v1::PROTOCOL_VERSION_1);
    request.set_checkpoint("not-a-checkpoint!");
    auto ctx = context(sam_.accessToken);
    auto reader = sync_->Download(ctx.get(), request);
    v1::DownloadResponse page;
    EXPECT_FALSE(reader->Read(&page));
    auto status = reader->Finish();
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_NE(status.error_message().find("checkpoint"), std::string::npos);
}

}  // namespace
}  // namespace sitebook::server::testing
