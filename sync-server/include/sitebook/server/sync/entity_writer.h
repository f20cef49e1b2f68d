#pragma once
// The one way records are written on the server — by uploads, the reconciliation engine,
// imports and demo data. Besides the record it keeps in step, in the same UnitOfWork:
// - the record's partition entries (the compacted change log downloads walk), from the
//   scope rules below;
// - each partition's running checksum and count;
// - download grants (project -> its supervisor_ids, person -> responsible_officer_id);
// - the placement view of a person (PERSON_PLACEMENT) that supervisors receive.
//
// Scope rules (partitions are "project/<project id>" and "person/<person id>"):
//   project                          -> project/<id>
//   session                          -> project/<project_id>
//   appointment                      -> project/<session's project_id>, person/<person_id>
//   appointment_outcome (id = appointment id), work_undertaken, skill_observation, feedback
//                                    -> the appointment's partitions
//   person, order, case_note         -> person/<person id>
//   enforcement_decision             -> person/<the appointment's person_id>
//   ro_item, progress                -> person/<person_id>
//   person_placement                 -> project/<p> for every project the person has an
//                                       appointment in (added as appointments are written)

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitebook/common/result.h"
#include "sitebook/server/store/store.h"
#include "sitebook/server/sync/entity_types.h"

namespace sitebook::server {

struct WriteContext {
    UnixMillis nowMillis = 0;
    std::string hlc;   // of the change; empty for server-side writes
    std::string opId;  // client operation id; empty for server-side writes
};

struct WriteOutcome {
    std::optional<EntityRecord> before;
    EntityRecord after;
    bool changed = false;  // false: identical body and partitions, nothing was written
};

class EntityWriter {
public:
    // Creates or replaces the record. `bodyJson` must be a JSON object. NotFound (with the
    // field) when a reference the scope rules need is missing, e.g. an appointment's session.
    // `stored`: the record as the caller already read it in this UnitOfWork (findEntity's
    // answer), so it is not read again; nullptr to have it read here.
    static Result<WriteOutcome> put(UnitOfWork& uow, EntityType type, std::string_view id,
                                    const std::string& bodyJson, const WriteContext& context,
                                    const std::optional<EntityRecord>* stored = nullptr);
    // Marks the record deleted and removes it from every partition. `stored` as for put().
    static Result<WriteOutcome> remove(UnitOfWork& uow, EntityType type, std::string_view id,
                                       const WriteContext& context,
                                       const std::optional<EntityRecord>* stored = nullptr);

    // The partitions a record of this type and body belongs to.
    static Result<std::vector<std::string>> partitionsFor(UnitOfWork& uow, EntityType type,
                                                          std::string_view id,
                                                          const std::string& bodyJson);

    // Checksum of one live entry: the first 8 bytes (little-endian) of
    // SHA-256(type "\n" id "\n" version "\n" body). Clients compute the same.
    static std::uint64_t entryChecksum(std::string_view type, std::string_view id,
                                       std::int64_t version, std::string_view body);
};

// A name-based UUID (RFC 9562 version 8 from SHA-256 of `name`): records whose identity is
// a natural key (an RO item's cause, an imported CRN) get the same id every time.
std::string nameBasedId(std::string_view name);

std::string projectPartition(std::string_view projectId);
std::string personPartition(std::string_view personId);
inline constexpr std::string_view kPersonPartitionPrefix = "person/";

}  // namespace sitebook::server
