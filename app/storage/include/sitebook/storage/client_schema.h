#pragma once
// The schema of the device database (the encrypted client store).
//
// Every entity table keeps the full record as JSON in `body` and copies out only the columns
// needed to look records up and sort them. There are no foreign-key constraints between entity
// tables: sync delivers records in any order and purges records that leave the user's scope,
// so a roster may briefly reference a person that has not arrived yet.

#include <span>

#include "sitebook/storage/migrations.h"

namespace sitebook::storage {

// Version 1: entity tables and the outbox.
// Version 2: outbox state for rejected/discarded changes, clock offset, sync checkpoints.
// Version 3: server copies of synced records, outbox base versions, the device audit trail.
// Version 4: an index of conflicted changes.
// Version 5: what refused changes were about, kept for display.
// Version 6: drafts of the record form (never synced).
inline constexpr int kClientSchemaVersion = 6;

// The steps 1..kClientSchemaVersion, for migrate().
std::span<const Migration> clientMigrations();

}  // namespace sitebook::storage
