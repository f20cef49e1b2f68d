#include "sitebook/server/sync/entity_writer.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <set>

#include "sitebook/common/uuid.h"

namespace sitebook::server {

using nlohmann::json;

namespace {

Result<json> parseObject(const std::string& body) {
    json value = json::parse(body, nullptr, false);
    if (value.is_discarded() || !value.is_object()) {
        return makeError(ErrorCode::InvalidArgument, "the record body is not a JSON object");
    }
    return value;
}

Result<std::string> stringField(const json& body, const char* field) {
    auto it = body.find(field);
    if (it == body.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
        return makeError(ErrorCode::InvalidArgument, std::string("the record has no ") + field,
                         field);
    }
    return it->get<std::string>();
}

// Live partitions of an existing record, in name order.
Result<std::vector<std::string>> livePartitions(UnitOfWork& uow, EntityType type,
                                                std::string_view id) {
    auto entries = uow.entityPartitions(entityTypeName(type), id);
    if (!entries)
        return entries.error();
    std::vector<std::string> out;
    for (const auto& e : *entries) {
        if (!e.removed)
            out.push_back(e.partition);
    }
    return out;
}

Result<std::vector<std::string>> appointmentPartitions(UnitOfWork& uow, const std::string& id,
                                                       const char* field) {
    auto parts = livePartitions(uow, EntityType::Appointment, id);
    if (!parts)
        return parts.error();
    if (parts->empty()) {
        return makeError(ErrorCode::NotFound, "appointment " + id + " is not known", field);
    }
    return parts;
}

std::vector<std::string> userIds(const json& body, const char* field) {
    std::vector<std::string> out;
    auto it = body.find(field);
    if (it != body.end() && it->is_array()) {
        for (const auto& v : *it) {
            if (v.is_string() && !v.get_ref<const std::string&>().empty()) {
                out.push_back(v.get<std::string>());
            }
        }
    } else if (it != body.end() && it->is_string() && !it->get_ref<const std::string&>().empty()) {
        out.push_back(it->get<std::string>());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string placementBody(const json& person) {
    json view = json::object();
    for (const char* field : {"id", "crn", "forenames", "surname", "placement_flags"}) {
        if (person.contains(field))
            view[field] = person[field];
    }
    return view.dump();
}

// Writes the record with an explicit partition set. `known`: the record as already read in
// this UnitOfWork (nullptr: read it here).
Result<WriteOutcome> write(UnitOfWork& uow, EntityType type, std::string_view id,
                           const std::string* body, std::vector<std::string> partitions,
                           const WriteContext& context,
                           const std::optional<EntityRecord>* known = nullptr) {
    const std::string typeName(entityTypeName(type));
    Result<std::optional<EntityRecord>> existing =
        known ? Result<std::optional<EntityRecord>>(*known) : uow.findEntity(typeName, id);
    if (!existing)
        return existing.error();
    std::sort(partitions.begin(), partitions.end());
    partitions.erase(std::unique(partitions.begin(), partitions.end()), partitions.end());

    auto oldEntries = uow.entityPartitions(typeName, id);
    if (!oldEntries)
        return oldEntries.error();

    WriteOutcome outcome;
    outcome.before = *existing;
    const bool deleting = body == nullptr;
    if (*existing && !deleting && !(*existing)->deleted && (*existing)->bodyJson == *body) {
        std::vector<std::string> live;
        for (const auto& e : *oldEntries) {
            if (!e.removed)
                live.push_back(e.partition);
        }
        if (live == partitions) {
            outcome.after = **existing;
            return outcome;
        }
    }
    if (deleting && (!*existing || (*existing)->deleted)) {
        if (*existing)
            outcome.after = **existing;
        return outcome;
    }

    EntityRecord record;
    record.type = typeName;
    record.id = std::string(id);
    record.bodyJson = deleting ? (*existing)->bodyJson : *body;
    record.version = *existing ? (*existing)->version + 1 : 1;
    record.deleted = deleting;
    record.hlc = context.hlc;
    record.lastOpId = context.opId;
    record.updatedAtMillis = context.nowMillis;
    SB_TRY(*existing ? uow.updateEntity(record) : uow.insertEntity(record));

    const std::uint64_t checksum =
        deleting ? 0 : EntityWriter::entryChecksum(typeName, id, record.version, record.bodyJson);

    // Each touched partition gives the change its next sequence number (advancePartition locks
    // the partition's summary to commit), then the entry moves to it.
    for (const auto& old : *oldEntries) {
        if (old.removed ||
            std::binary_search(partitions.begin(), partitions.end(), old.partition)) {
            continue;
        }
        auto seq = uow.advancePartition(old.partition, old.entryChecksum, 0, -1);
        if (!seq)
            return seq.error();
        PartitionEntry gone = old;
        gone.seq = *seq;
        gone.version = record.version;
        gone.removed = true;
        gone.entryChecksum = 0;
        SB_TRY(uow.putPartitionEntry(gone));
    }
    for (const auto& partition : partitions) {
        auto old = std::find_if(oldEntries->begin(), oldEntries->end(),
                                [&](const PartitionEntry& e) { return e.partition == partition; });
        const bool wasLive = old != oldEntries->end() && !old->removed;
        auto seq = uow.advancePartition(partition, wasLive ? old->entryChecksum : 0, checksum,
                                        wasLive ? 0 : 1);
        if (!seq)
            return seq.error();
        PartitionEntry entry{partition,      typeName, std::string(id), *seq,
                             record.version, false,    checksum};
        SB_TRY(uow.putPartitionEntry(entry));
    }

    outcome.after = std::move(record);
    outcome.changed = true;
    return outcome;
}

// Keeps grants and the placement view in step after a write.
// The placement view of a person lives in exactly the projects where the person has a live
// appointment: a person moved off every roster of a project leaves that project's partition.
Status refreshPlacement(UnitOfWork& uow, const std::string& personId, const WriteContext& context) {
    auto placement = uow.findEntity(entityTypeName(EntityType::PersonPlacement), personId);
    if (!placement)
        return placement.error();
    if (!*placement || (*placement)->deleted)
        return okStatus();
    std::vector<std::string> wanted;
    const std::string appointmentType(entityTypeName(EntityType::Appointment));
    std::int64_t after = 0;
    for (;;) {
        constexpr std::size_t kPage = 500;
        auto rows = uow.changesSince(personPartition(personId), after, kPage);
        if (!rows)
            return rows.error();
        for (const auto& row : *rows) {
            after = row.entry.seq;
            if (row.entry.removed || row.entry.entityType != appointmentType)
                continue;
            auto parts = livePartitions(uow, EntityType::Appointment, row.entry.entityId);
            if (!parts)
                return parts.error();
            for (const auto& p : *parts) {
                if (p.rfind("project/", 0) == 0)
                    wanted.push_back(p);
            }
        }
        if (rows->size() < kPage)
            break;
    }
    auto written = write(uow, EntityType::PersonPlacement, personId, &(*placement)->bodyJson,
                         wanted, context, &*placement);
    return written ? okStatus() : Status(written.error());
}

// Puts the session of an appointment into the person's partition too, so the responsible
// officer's device knows when the appointment was (sessions otherwise travel only in the
// supervisors' project partitions). A session stays with a person once it was theirs.
Status shareSession(UnitOfWork& uow, const json& appointment, const std::string& personId,
                    const WriteContext& context) {
    auto sessionId = stringField(appointment, "session_id");
    if (!sessionId)
        return okStatus();
    auto session = uow.findEntity(entityTypeName(EntityType::Session), *sessionId);
    if (!session)
        return session.error();
    if (!*session || (*session)->deleted)
        return okStatus();
    auto live = livePartitions(uow, EntityType::Session, *sessionId);
    if (!live)
        return live.error();
    const std::string mine = personPartition(personId);
    if (std::find(live->begin(), live->end(), mine) != live->end())
        return okStatus();
    live->push_back(mine);
    auto written = write(uow, EntityType::Session, *sessionId, &(*session)->bodyJson, *live,
                         context, &*session);
    return written ? okStatus() : Status(written.error());
}

// Keeps grants and the placement view in step after a write. `before` is the record's body
// before the write (nullptr if it did not exist).
Status afterWrite(UnitOfWork& uow, EntityType type, std::string_view id, const json* body,
                  const json* before, const WriteContext& context) {
    switch (type) {
        case EntityType::Project:
            return uow.setPartitionGrants(
                projectPartition(id),
                body ? userIds(*body, "supervisor_ids") : std::vector<std::string>{});
        case EntityType::Person: {
            SB_TRY(uow.setPartitionGrants(
                personPartition(id),
                body ? userIds(*body, "responsible_officer_id") : std::vector<std::string>{}));
            auto live = livePartitions(uow, EntityType::PersonPlacement, id);
            if (!live)
                return live.error();
            if (!body) {
                auto removed = EntityWriter::remove(uow, EntityType::PersonPlacement, id, context);
                return removed ? okStatus() : Status(removed.error());
            }
            std::string view = placementBody(*body);
            auto written = write(uow, EntityType::PersonPlacement, id, &view, *live, context);
            return written ? okStatus() : Status(written.error());
        }
        case EntityType::Appointment: {
            const json* source = body != nullptr ? body : before;
            if (source == nullptr)
                return okStatus();
            auto personId = stringField(*source, "person_id");
            if (!personId)
                return personId.error();
            if (body != nullptr)
                SB_TRY(shareSession(uow, *body, *personId, context));
            return refreshPlacement(uow, *personId, context);
        }
        default:
            return okStatus();
    }
}

}  // namespace

std::string nameBasedId(std::string_view name) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(name.data()), name.size());
    std::array<std::uint8_t, 16> bytes{};
    std::copy(digest, digest + 16, bytes.begin());
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0f) | 0x80);  // version 8
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3f) | 0x80);  // RFC 9562 variant
    return Uuid(bytes).toString();
}

std::string projectPartition(std::string_view projectId) {
    return "project/" + std::string(projectId);
}
std::string personPartition(std::string_view personId) {
    return "person/" + std::string(personId);
}

std::uint64_t EntityWriter::entryChecksum(std::string_view type, std::string_view id,
                                          std::int64_t version, std::string_view body) {
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    const std::string versionText = std::to_string(version);
    auto feed = [&](std::string_view part) {
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(part.data()),
                                  part.size());
    };
    feed(type);
    feed("\n");
    feed(id);
    feed("\n");
    feed(versionText);
    feed("\n");
    feed(body);
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    std::uint64_t out = 0;
    for (int i = 7; i >= 0; --i)
        out = (out << 8) | digest[i];
    return out;
}

Result<std::vector<std::string>> EntityWriter::partitionsFor(UnitOfWork& uow, EntityType type,
                                                             std::string_view id,
                                                             const std::string& bodyJson) {
    auto parsed = parseObject(bodyJson);
    if (!parsed)
        return parsed.error();
    const json& body = *parsed;
    switch (type) {
        case EntityType::Project:
            return std::vector<std::string>{projectPartition(id)};
        case EntityType::Person:
            return std::vector<std::string>{personPartition(id)};
        case EntityType::PersonPlacement:
            return livePartitions(uow, type, id);
        case EntityType::Session: {
            auto project = stringField(body, "project_id");
            if (!project)
                return project.error();
            // It stays in the partitions of the people with appointments in it (shareSession).
            auto live = livePartitions(uow, type, id);
            if (!live)
                return live.error();
            std::vector<std::string> parts{projectPartition(*project)};
            for (auto& p : *live) {
                if (p.starts_with(kPersonPartitionPrefix))
                    parts.push_back(std::move(p));
            }
            return parts;
        }
        case EntityType::Appointment: {
            auto person = stringField(body, "person_id");
            if (!person)
                return person.error();
            auto sessionId = stringField(body, "session_id");
            if (!sessionId)
                return sessionId.error();
            auto session = uow.findEntity(entityTypeName(EntityType::Session), *sessionId);
            if (!session)
                return session.error();
            if (!*session || (*session)->deleted) {
                return makeError(ErrorCode::NotFound, "session " + *sessionId + " is not known",
                                 "session_id");
            }
            auto sessionBody = parseObject((*session)->bodyJson);
            if (!sessionBody)
                return sessionBody.error();
            auto project = stringField(*sessionBody, "project_id");
            if (!project)
                return project.error();
            return std::vector<std::string>{projectPartition(*project), personPartition(*person)};
        }
        case EntityType::AppointmentOutcome:
            return appointmentPartitions(uow, std::string(id), "entity_id");
        case EntityType::WorkUndertaken:
        case EntityType::SkillObservation:
        case EntityType::Feedback: {
            auto appointment = stringField(body, "appointment_id");
            if (!appointment)
                return appointment.error();
            return appointmentPartitions(uow, *appointment, "appointment_id");
        }
        case EntityType::EnforcementDecision:
        case EntityType::AlertAcknowledgement: {
            auto appointmentId = stringField(body, "appointment_id");
            if (!appointmentId)
                return appointmentId.error();
            auto parts = appointmentPartitions(uow, *appointmentId, "appointment_id");
            if (!parts)
                return parts.error();
            std::vector<std::string> out;
            for (const auto& p : *parts) {
                if (p.rfind("person/", 0) == 0)
                    out.push_back(p);
            }
            return out;
        }
        case EntityType::Order:
        case EntityType::CaseNote:
        case EntityType::RoItem:
        case EntityType::Progress: {
            auto person = stringField(body, "person_id");
            if (!person)
                return person.error();
            return std::vector<std::string>{personPartition(*person)};
        }
    }
    return makeError(ErrorCode::Internal, "unhandled entity type");
}

Result<WriteOutcome> EntityWriter::put(UnitOfWork& uow, EntityType type, std::string_view id,
                                       const std::string& bodyJson, const WriteContext& context,
                                       const std::optional<EntityRecord>* stored) {
    auto parsed = parseObject(bodyJson);
    if (!parsed)
        return parsed.error();
    auto partitions = partitionsFor(uow, type, id, bodyJson);
    if (!partitions)
        return partitions.error();
    auto outcome = write(uow, type, id, &bodyJson, std::move(*partitions), context, stored);
    if (!outcome)
        return outcome.error();
    json before = outcome->before && !outcome->before->deleted
                      ? json::parse(outcome->before->bodyJson, nullptr, false)
                      : json();
    SB_TRY(afterWrite(uow, type, id, &*parsed, before.is_object() ? &before : nullptr, context));
    return outcome;
}

Result<WriteOutcome> EntityWriter::remove(UnitOfWork& uow, EntityType type, std::string_view id,
                                          const WriteContext& context,
                                          const std::optional<EntityRecord>* stored) {
    auto outcome = write(uow, type, id, nullptr, {}, context, stored);
    if (!outcome)
        return outcome.error();
    if (outcome->changed) {
        json before =
            outcome->before ? json::parse(outcome->before->bodyJson, nullptr, false) : json();
        SB_TRY(afterWrite(uow, type, id, nullptr, before.is_object() ? &before : nullptr, context));
    }
    return outcome;
}

}  // namespace sitebook::server
