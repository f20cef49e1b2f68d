// Writes tests/data/client-v1.db: an encrypted device database at client schema version 1
// with a few realistic rows, the fixture for the migration tests. Built as a target, run by
// hand only when the fixture has to be remade:
//
//   make_golden_v1 tests/data/client-v1.db
//
// SQLCipher salts and IVs are random, so each run produces different bytes with the same
// content.

#include <cstdio>
#include <filesystem>
#include <string>

#include "golden_test_key.h"
#include "sitebook/storage/client_schema.h"
#include "sitebook/storage/database.h"

namespace {

using sitebook::Status;
using sitebook::storage::Database;

Status insertPerson(Database& db, const char* id, const char* crn, const char* forenames,
                    const char* surname, const char* body) {
    auto stmt = db.prepare(
        "INSERT INTO people (id, crn, forenames, surname, body, updated_hlc) "
        "VALUES (?, ?, ?, ?, ?, '0000019b7a3c2f00-0000')");
    if (!stmt.ok())
        return stmt.error();
    stmt->bind(1, id).bind(2, crn).bind(3, forenames).bind(4, surname).bind(5, body);
    return stmt->run();
}

Status insertOutbox(Database& db, const char* opId, const char* entityType, const char* entityId,
                    const char* payload, const char* hlc, std::int64_t deviceTime) {
    auto stmt = db.prepare(
        "INSERT INTO outbox (op_id, entity_type, entity_id, op, payload, hlc, device_time, "
        "created_at) VALUES (?, ?, ?, 'upsert', ?, ?, ?, ?)");
    if (!stmt.ok())
        return stmt.error();
    stmt->bind(1, opId)
        .bind(2, entityType)
        .bind(3, entityId)
        .bind(4, payload)
        .bind(5, hlc)
        .bind(6, deviceTime)
        .bind(7, deviceTime);
    return stmt->run();
}

Status fill(Database& db) {
    SB_TRY(sitebook::storage::migrate(db, sitebook::storage::clientMigrations(), 1));
    sitebook::storage::Transaction tx(db);
    SB_TRY(tx.beginStatus());
    SB_TRY(
        db.exec("INSERT INTO meta (key, value) VALUES ('device_id', "
                "'019b7a3c-2f00-7000-8000-00000000d001')"));
    SB_TRY(insertPerson(db, "019b7a3c-2f00-7000-8000-000000000001", "X123456", "Jordan", "Okafor",
                        R"({"id":"019b7a3c-2f00-7000-8000-000000000001","crn":"X123456",)"
                        R"("forenames":"Jordan","surname":"Okafor","dateOfBirth":"1994-03-12",)"
                        R"("placementFlags":["NO_LONE_WORKING_WITH_CHILDREN"]})"));
    SB_TRY(insertPerson(db, "019b7a3c-2f00-7000-8000-000000000002", "Y654321", "Megan", "Ashworth",
                        R"({"id":"019b7a3c-2f00-7000-8000-000000000002","crn":"Y654321",)"
                        R"("forenames":"Megan","surname":"Ashworth","dateOfBirth":"1988-11-02",)"
                        R"("placementFlags":[]})"));
    SB_TRY(db.exec(
        "INSERT INTO projects (id, code, name, type_group, body, updated_hlc) VALUES "
        "('019b7a3c-2f00-7000-8000-0000000000c1', 'N07P1', 'Riverside Park clearance', 'GROUP', "
        "'{\"code\":\"N07P1\",\"name\":\"Riverside Park clearance\",\"hiVis\":true}', "
        "'0000019b7a3c2f00-0000');"
        "INSERT INTO sessions (id, project_id, session_date, start_time, end_time, body, "
        "updated_hlc) VALUES ('019b7a3c-2f00-7000-8000-0000000000c2', "
        "'019b7a3c-2f00-7000-8000-0000000000c1', '2026-01-10', '09:00', '16:00', "
        "'{\"date\":\"2026-01-10\",\"start\":\"09:00\",\"end\":\"16:00\"}', "
        "'0000019b7a3c2f00-0000');"
        "INSERT INTO appointments (id, person_id, order_id, session_id, scheduled_start, "
        "scheduled_end, outcome_code, body, updated_hlc) VALUES "
        "('019b7a3c-2f00-7000-8000-0000000000a1', '019b7a3c-2f00-7000-8000-000000000001', "
        "'019b7a3c-2f00-7000-8000-0000000000c3', '019b7a3c-2f00-7000-8000-0000000000c2', "
        "'2026-01-10T09:00', '2026-01-10T16:00', 'ATTC', "
        "'{\"outcome\":{\"code\":\"ATTC\",\"start\":\"09:05\",\"end\":\"16:00\",\"penaltyMinutes\":"
        "0,"
        "\"workQuality\":\"GOOD\",\"behaviour\":\"EXCELLENT\"}}', '0000019b7a3c2f10-0000')"));
    SB_TRY(insertOutbox(db, "019b7a3c-2f10-7000-8000-00000000e001", "appointment",
                        "019b7a3c-2f00-7000-8000-0000000000a1",
                        R"({"outcome":{"code":"ATTC","start":"09:05","end":"16:00"}})",
                        "0000019b7a3c2f10-0000", 1768035600000));
    SB_TRY(insertOutbox(db, "019b7a3c-2f20-7000-8000-00000000e002", "feedback",
                        "019b7a3c-2f20-7000-8000-0000000000f1",
                        R"({"progress":"Worked steadily all day","alertRo":false})",
                        "0000019b7a3c2f20-0000", 1768035660000));
    SB_TRY(tx.commit());
    return db.checkpoint();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <output.db>\n", argv[0]);
        return 2;
    }
    const std::filesystem::path out = argv[1];
    std::error_code ec;
    if (std::filesystem::exists(out, ec)) {
        std::fprintf(stderr, "%s exists; remove it first\n", out.c_str());
        return 1;
    }
    Status status;
    {
        auto db = Database::open(out.string(), sitebook::testdata::goldenTestKey());
        if (!db.ok()) {
            std::fprintf(stderr, "%s\n", db.error().toString().c_str());
            return 1;
        }
        status = fill(**db);
    }
    if (!status.ok()) {
        std::fprintf(stderr, "%s\n", status.error().toString().c_str());
        return 1;
    }
    std::printf("wrote %s (client schema version 1)\n", out.c_str());
    return 0;
}
