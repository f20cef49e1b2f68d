#include "sitebook/storage/client_schema.h"

#include <array>

namespace sitebook::storage {

namespace {

// v1 — the first device schema.
// Entity tables hold what the supervisor or RO works with offline. `updated_hlc` is the hybrid
// logical clock timestamp of the version held, used by sync to order changes. Every local
// change is written together with its outbox row in one transaction (sync property 1); `seq`
// gives the upload order and `op_id` makes uploads idempotent.
Status createInitialSchema(Database& db) {
    return db.exec(R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE people (
    id          TEXT PRIMARY KEY,
    crn         TEXT NOT NULL,
    forenames   TEXT NOT NULL,
    surname     TEXT NOT NULL,
    body        TEXT NOT NULL,
    updated_hlc TEXT NOT NULL
);
CREATE INDEX people_by_surname ON people (surname COLLATE NOCASE, forenames COLLATE NOCASE);
CREATE INDEX people_by_crn ON people (crn);

CREATE TABLE orders (
    id               TEXT PRIMARY KEY,
    person_id        TEXT NOT NULL,
    sentence_date    TEXT,
    required_minutes INTEGER,
    body             TEXT NOT NULL,
    updated_hlc      TEXT NOT NULL
);
CREATE INDEX orders_by_person ON orders (person_id);

CREATE TABLE projects (
    id          TEXT PRIMARY KEY,
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    type_group  TEXT,
    body        TEXT NOT NULL,
    updated_hlc TEXT NOT NULL
);
CREATE INDEX projects_by_code ON projects (code);

CREATE TABLE sessions (
    id           TEXT PRIMARY KEY,
    project_id   TEXT NOT NULL,
    session_date TEXT NOT NULL,
    start_time   TEXT,
    end_time     TEXT,
    body         TEXT NOT NULL,
    updated_hlc  TEXT NOT NULL
);
CREATE INDEX sessions_by_date ON sessions (session_date, start_time);
CREATE INDEX sessions_by_project ON sessions (project_id, session_date);

CREATE TABLE appointments (
    id              TEXT PRIMARY KEY,
    person_id       TEXT NOT NULL,
    order_id        TEXT,
    session_id      TEXT NOT NULL,
    scheduled_start TEXT,
    scheduled_end   TEXT,
    outcome_code    TEXT,
    body            TEXT NOT NULL,
    updated_hlc     TEXT NOT NULL
);
CREATE INDEX appointments_by_session ON appointments (session_id, person_id);
CREATE INDEX appointments_by_person ON appointments (person_id, scheduled_start);
CREATE INDEX appointments_by_order ON appointments (order_id);

CREATE TABLE work_items (
    id             TEXT PRIMARY KEY,
    appointment_id TEXT NOT NULL,
    person_id      TEXT NOT NULL,
    category       TEXT NOT NULL,
    body           TEXT NOT NULL,
    updated_hlc    TEXT NOT NULL
);
CREATE INDEX work_items_by_appointment ON work_items (appointment_id);
CREATE INDEX work_items_by_person ON work_items (person_id);

CREATE TABLE skill_observations (
    id             TEXT PRIMARY KEY,
    appointment_id TEXT,
    person_id      TEXT NOT NULL,
    skill          TEXT NOT NULL,
    level          TEXT,
    observed_at    TEXT,
    body           TEXT NOT NULL,
    updated_hlc    TEXT NOT NULL
);
CREATE INDEX skill_observations_by_person ON skill_observations (person_id, observed_at);
CREATE INDEX skill_observations_by_appointment ON skill_observations (appointment_id);

CREATE TABLE feedback (
    id             TEXT PRIMARY KEY,
    appointment_id TEXT,
    person_id      TEXT NOT NULL,
    alert_ro       INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT,
    body           TEXT NOT NULL,
    updated_hlc    TEXT NOT NULL
);
CREATE INDEX feedback_by_person ON feedback (person_id, created_at);
CREATE INDEX feedback_by_appointment ON feedback (appointment_id);

CREATE TABLE case_notes (
    id          TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL,
    amends_id   TEXT,
    sensitive   INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    body        TEXT NOT NULL,
    updated_hlc TEXT NOT NULL
);
CREATE INDEX case_notes_by_person ON case_notes (person_id, created_at);

CREATE TABLE enforcement_decisions (
    id             TEXT PRIMARY KEY,
    person_id      TEXT NOT NULL,
    appointment_id TEXT,
    decision       TEXT NOT NULL,
    decided_on     TEXT NOT NULL,
    body           TEXT NOT NULL,
    updated_hlc    TEXT NOT NULL
);
CREATE INDEX enforcement_decisions_by_person ON enforcement_decisions (person_id, decided_on);
CREATE INDEX enforcement_decisions_by_appointment ON enforcement_decisions (appointment_id);

CREATE TABLE outbox (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id       TEXT UNIQUE NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    op          TEXT NOT NULL,
    payload     TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    device_time INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX outbox_by_entity ON outbox (entity_type, entity_id);
)sql");
}

// v2 — what the sync client needs.
// A change the server rejects must neither block the queue nor vanish (sync property 2): the
// outbox row stays, with `state` 'rejected' and the server's reason, until the user corrects
// it or explicitly discards it ('discarded' rows are kept for the audit trail). Existing rows
// become 'pending'. `clock_offset_ms` records the device clock skew measured at upload
// (property 7). `sync_checkpoints` holds, per partition of the user's scope, the last
// checkpoint pulled and its checksum, so an interrupted sync resumes and divergence is
// detected per partition (properties 5 and 6). The index serves "what needs attention":
// pending uploads in order and rejected changes to show.
Status addSyncState(Database& db) {
    return db.exec(R"sql(
ALTER TABLE outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'pending'
    CHECK (state IN ('pending', 'sent', 'rejected', 'discarded'));
ALTER TABLE outbox ADD COLUMN reject_code TEXT;
ALTER TABLE outbox ADD COLUMN reject_message TEXT;
ALTER TABLE outbox ADD COLUMN clock_offset_ms INTEGER;
CREATE INDEX outbox_needs_attention ON outbox (state, seq);

CREATE TABLE sync_checkpoints (
    partition  TEXT PRIMARY KEY,
    checkpoint TEXT,
    checksum   TEXT,
    updated_at INTEGER
);
)sql");
}

// v3 — server copies and the device's own audit trail.
// `sync_records` keeps each downloaded record verbatim per partition with its server version,
// so partition checksums can be recomputed locally (property 6) and records that only the
// server derives (RO items, progress) are held without a table of their own.
// `sync_outbox_base` remembers the server version each queued change was based on.
// `sync_audit` records what the user did to the queue — discarding or resubmitting a rejected
// change (property 2: nothing vanishes unrecorded).
Status addServerCopiesAndAudit(Database& db) {
    return db.exec(R"sql(
CREATE TABLE sync_records (
    partition   TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    version     INTEGER NOT NULL,
    body        TEXT NOT NULL,
    PRIMARY KEY (partition, entity_type, entity_id)
);
CREATE INDEX sync_records_by_entity ON sync_records (entity_type, entity_id);
CREATE TABLE sync_outbox_base (
    op_id        TEXT PRIMARY KEY,
    base_version INTEGER NOT NULL
);
CREATE TABLE sync_audit (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    at      INTEGER NOT NULL,
    action  TEXT NOT NULL,
    op_id   TEXT,
    user_id TEXT,
    detail  TEXT
);
)sql");
}

// v4 — acknowledged changes that raced another device's are counted on every sync; without
// an index of their own that meant reading every acknowledged change the device ever sent.
Status addConflictIndex(Database& db) {
    return db.exec("CREATE INDEX outbox_conflicts ON outbox (seq) WHERE reject_code = 'conflict';");
}

// v5 — who and what a refused change was about, as the device knew it when the server refused
// it: a refusal after a reallocation is followed, in the same sync, by a download that purges
// the person and the session from the device, yet the needs-attention list must still name
// them (property 2). One JSON object per outbox entry; display text only, never sent.
Status addOutboxSnapshots(Database& db) {
    return db.exec(R"sql(
CREATE TABLE outbox_snapshot (
    op_id TEXT PRIMARY KEY,
    body  TEXT NOT NULL
);
)sql");
}

// v6 — drafts of the record form. What a supervisor has typed but not saved yet, one row per
// appointment (a person in a session), so that it survives going back, the idle lock, the app
// being killed or the phone restarting. `body` is the form as JSON; it is case data and lives
// only here, in the encrypted database. Drafts are never synced: no outbox entry is written,
// and a draft is deleted when the record is saved or the user discards it.
Status addFormDrafts(Database& db) {
    return db.exec(R"sql(
CREATE TABLE form_drafts (
    appointment_id TEXT PRIMARY KEY,
    session_id     TEXT NOT NULL,
    body           TEXT NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX form_drafts_by_session ON form_drafts (session_id);
)sql");
}

constexpr std::array<Migration, kClientSchemaVersion> kMigrations{{
    {1, "entity tables and outbox", &createInitialSchema},
    {2, "outbox state, clock offset and sync checkpoints", &addSyncState},
    {3, "server copies of synced records and the device audit trail", &addServerCopiesAndAudit},
    {4, "an index of acknowledged changes that conflicted", &addConflictIndex},
    {5, "what refused changes were about, kept for display", &addOutboxSnapshots},
    {6, "drafts of the record form", &addFormDrafts},
}};

}  // namespace

std::span<const Migration> clientMigrations() {
    return kMigrations;
}

}  // namespace sitebook::storage
