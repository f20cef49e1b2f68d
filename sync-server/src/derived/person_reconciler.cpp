#include "sitebook/server/derived/person_reconciler.h"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "sitebook/common/hlc.h"
#include "sitebook/common/log.h"
#include "sitebook/common/uuid.h"
#include "sitebook/domain/json.h"
#include "sitebook/server/sync/entity_writer.h"

namespace sitebook::server {

using nlohmann::json;
namespace rc = reconcile;

namespace {

constexpr std::string_view kPersonPrefix = "person/";

// Calls `visit` for every live record of a partition, in change order, a page at a time.
template <typename Visit>
Status forEachLive(UnitOfWork& uow, const std::string& partition, Visit visit) {
    constexpr std::size_t kPage = 500;
    std::int64_t after = 0;
    for (;;) {
        auto rows = uow.changesSince(partition, after, kPage);
        if (!rows)
            return rows.error();
        for (const auto& row : *rows) {
            after = row.entry.seq;
            if (!row.entry.removed)
                visit(row);
        }
        if (rows->size() < kPage)
            return okStatus();
    }
}

template <typename T>
std::optional<T> parseLogged(const std::string& body, std::string_view what, std::string_view id) {
    auto parsed = domain::fromJson<T>(body);
    if (!parsed) {
        log::warning("reconcile", "skipping stored " + std::string(what) + " " + std::string(id) +
                                      ": " + parsed.error().toString());
        return std::nullopt;
    }
    return std::move(*parsed);
}

// An outcome body parsed in the context of its appointment (json.h has no standalone form).
std::optional<domain::AppointmentOutcome> parseOutcome(const std::string& appointmentBody,
                                                       const std::string& outcomeBody) {
    json merged = json::parse(appointmentBody, nullptr, false);
    json outcome = json::parse(outcomeBody, nullptr, false);
    if (!merged.is_object() || !outcome.is_object())
        return std::nullopt;
    merged["outcome"] = std::move(outcome);
    auto parsed = domain::fromJson<domain::Appointment>(merged.dump());
    if (!parsed || !parsed->outcome)
        return std::nullopt;
    return parsed->outcome;
}

std::string appointmentPersonId(UnitOfWork& uow, const std::string& appointmentId) {
    auto found = uow.findEntity(entityTypeName(EntityType::Appointment), appointmentId);
    if (!found || !*found)
        return {};
    json body = json::parse((*found)->bodyJson, nullptr, false);
    if (body.is_object() && body.contains("person_id") && body["person_id"].is_string())
        return body["person_id"].get<std::string>();
    return {};
}

std::string stringField(const std::string& bodyJson, const char* field) {
    json body = json::parse(bodyJson, nullptr, false);
    if (body.is_object() && body.contains(field) && body[field].is_string())
        return body[field].get<std::string>();
    return {};
}

double rounded(double value, double scale) {
    return std::round(value * scale) / scale;
}

}  // namespace

Result<std::vector<rc::OutcomeVersion>> storedOutcomeVersions(UnitOfWork& uow,
                                                              const std::string& appointmentId,
                                                              const std::string& appointmentBody) {
    const std::string outcomeType(entityTypeName(EntityType::AppointmentOutcome));
    auto ops = uow.operationsForEntity(outcomeType, appointmentId);
    if (!ops)
        return ops.error();
    std::vector<rc::OutcomeVersion> versions;
    for (const auto& op : *ops) {
        if (op.outcome == OpOutcome::Accepted)
            versions.clear();
        if (op.kind == "delete")
            continue;
        auto outcome = parseOutcome(appointmentBody, op.payload);
        auto hlc = HlcTimestamp::parse(op.hlc);
        if (!outcome || !hlc)
            continue;
        versions.push_back(rc::OutcomeVersion{appointmentId, op.deviceId, *hlc, *outcome});
    }
    return versions;
}

std::string itemEntityId(std::string_view personId, std::string_view itemKey) {
    return nameBasedId("sitebook.ro_item\n" + std::string(personId) + "\n" + std::string(itemKey));
}

std::string progressBody(std::string_view personId, const rc::OrderProgress& p) {
    json body{{"id", p.order_id},
              {"person_id", personId},
              {"order_id", p.order_id},
              {"sentence_date", p.sentence_date.toString()},
              {"required_minutes", p.required_minutes},
              {"adjustment_minutes", p.adjustment_minutes},
              {"adjusted_required_minutes", p.adjusted_required_minutes},
              {"credited_minutes", p.credited_minutes},
              {"ete_credited_minutes", p.ete_credited_minutes},
              {"ete_allowance_minutes", p.ete_allowance_minutes},
              {"remaining_minutes", p.remaining_minutes},
              {"percent_complete", rounded(p.percent_complete, 10)},
              {"credited_minutes_per_day", rounded(p.credited_minutes_per_day, 100)}};
    if (p.completed_on)
        body["completed_on"] = p.completed_on->toString();
    if (p.projected_completion)
        body["projected_completion"] = p.projected_completion->toString();
    return body.dump();
}

std::string roItemBody(const rc::RoItem& item) {
    json body{{"id", itemEntityId(item.person_id, item.id)},
              {"key", item.id},
              {"kind", rc::itemKindText(item.kind)},
              {"person_id", item.person_id},
              {"order_id", item.order_id},
              {"created_on", item.created_on.toString()},
              {"due_on", item.due_on.toString()},
              {"message", item.message},
              {"breach_referral_required", item.breach_referral_required}};
    if (!item.appointment_id.empty())
        body["appointment_id"] = item.appointment_id;
    if (item.prior_warning_id)
        body["prior_warning_id"] = *item.prior_warning_id;
    if (!item.feedback_id.empty()) {
        body["feedback_id"] = item.feedback_id;
        body["reason"] = item.reason;
    }
    if (!item.versions.empty()) {
        json versions = json::array();
        for (const auto& v : item.versions) {
            // json.h writes an outcome only inside its appointment.
            domain::Appointment carrier;
            carrier.outcome = v.outcome;
            json outcome = json::parse(domain::toJson(carrier), nullptr, false)["outcome"];
            versions.push_back({{"device_id", v.device_id},
                                {"hlc", v.hlc.toString()},
                                {"outcome", std::move(outcome)}});
        }
        body["versions"] = std::move(versions);
    }
    return body.dump();
}

Result<std::vector<std::string>> allPersonIds(UnitOfWork& uow) {
    auto partitions = uow.partitionsWithPrefix(kPersonPrefix);
    if (!partitions)
        return partitions.error();
    std::vector<std::string> out;
    out.reserve(partitions->size());
    for (const auto& p : *partitions)
        out.push_back(p.substr(kPersonPrefix.size()));
    return out;
}

PersonReconciler::PersonReconciler(const Clock& clock, rc::ReconcilePolicy policy)
    : clock_(clock), policy_(std::move(policy)) {}

domain::CivilDate PersonReconciler::today() const {
    return domain::CivilDate::fromUnixMillis(clock_.nowMillis());
}

Result<std::int64_t> PersonReconciler::reconcilePerson(UnitOfWork& uow, std::string_view personId,
                                                       domain::CivilDate today) const {
    const std::string partition = personPartition(personId);
    const std::string personType(entityTypeName(EntityType::Person));

    // Everything in the person's partition, by type.
    std::optional<domain::Person> person;
    rc::ReconcileInput input;
    std::map<std::string, std::string> appointmentBodies;  // id -> stored body
    std::map<std::string, EntityRecord> outcomeRecords;    // appointment id -> outcome
    std::vector<domain::WorkUndertaken> work;
    std::vector<domain::SkillObservation> skills;
    std::vector<domain::Feedback> feedback;
    // Derived records as stored: [0] progress, [1] RO items, id -> body. A recomputed record
    // whose body is unchanged is not written again (nor even looked up).
    std::map<std::string, std::string> existingDerived[2];
    std::vector<std::string> outcomeIds;
    SB_TRY(forEachLive(uow, partition, [&](const ChangeRow& row) {
        const std::string& type = row.entry.entityType;
        const std::string& id = row.entry.entityId;
        auto parsedType = parseEntityType(type);
        if (!parsedType)
            return;
        switch (*parsedType) {
            case EntityType::Person:
                person = parseLogged<domain::Person>(row.bodyJson, type, id);
                break;
            case EntityType::Order:
                if (auto o = parseLogged<domain::Order>(row.bodyJson, type, id))
                    input.orders.push_back(std::move(*o));
                break;
            case EntityType::Appointment:
                if (auto a = parseLogged<domain::Appointment>(row.bodyJson, type, id)) {
                    a->outcome.reset();  // outcomes are separate records
                    appointmentBodies[a->id] = row.bodyJson;
                    input.appointments.push_back(std::move(*a));
                }
                break;
            case EntityType::AppointmentOutcome:
                outcomeIds.push_back(id);
                break;
            case EntityType::WorkUndertaken:
                if (auto w = parseLogged<domain::WorkUndertaken>(row.bodyJson, type, id))
                    work.push_back(std::move(*w));
                break;
            case EntityType::SkillObservation:
                if (auto s = parseLogged<domain::SkillObservation>(row.bodyJson, type, id))
                    skills.push_back(std::move(*s));
                break;
            case EntityType::Feedback:
                if (auto f = parseLogged<domain::Feedback>(row.bodyJson, type, id))
                    feedback.push_back(std::move(*f));
                break;
            case EntityType::EnforcementDecision:
                if (auto d = parseLogged<domain::EnforcementDecision>(row.bodyJson, type, id))
                    input.decisions.push_back(std::move(*d));
                break;
            case EntityType::AlertAcknowledgement:
                if (auto k = parseLogged<domain::AlertAcknowledgement>(row.bodyJson, type, id))
                    input.acknowledged_alerts.push_back(k->feedback_id);
                break;
            case EntityType::Progress:
                existingDerived[0].emplace(id, row.bodyJson);
                break;
            case EntityType::RoItem:
                existingDerived[1].emplace(id, row.bodyJson);
                break;
            default:
                break;
        }
    }));

    const WriteContext context{clock_.nowMillis(), "", ""};
    std::int64_t changed = 0;
    std::set<std::string> keepProgress;
    std::set<std::string> keepItems;

    if (person && person->id == personId) {
        input.person = *person;
        // Orders of this person only; sessions and projects the appointments name.
        std::set<std::string> orderIds;
        for (const auto& o : input.orders)
            orderIds.insert(o.id);
        std::map<std::string, domain::Session> sessions;
        std::map<std::string, domain::Project> projects;
        std::vector<domain::Appointment> usable;
        for (auto& a : input.appointments) {
            if (a.person_id != personId || !orderIds.contains(a.order_id))
                continue;
            if (!sessions.contains(a.session_id)) {
                auto s = uow.findEntity(entityTypeName(EntityType::Session), a.session_id);
                if (!s)
                    return s.error();
                if (!*s || (*s)->deleted)
                    continue;
                auto session =
                    parseLogged<domain::Session>((*s)->bodyJson, "session", a.session_id);
                if (!session)
                    continue;
                if (!projects.contains(session->project_id)) {
                    auto p =
                        uow.findEntity(entityTypeName(EntityType::Project), session->project_id);
                    if (!p)
                        return p.error();
                    if (!*p || (*p)->deleted)
                        continue;
                    auto project = parseLogged<domain::Project>((*p)->bodyJson, "project",
                                                                session->project_id);
                    if (!project)
                        continue;
                    projects.emplace(project->id, std::move(*project));
                }
                sessions.emplace(session->id, std::move(*session));
            }
            usable.push_back(std::move(a));
        }
        input.appointments = std::move(usable);
        for (auto& [id, s] : sessions)
            input.sessions.push_back(std::move(s));
        for (auto& [id, p] : projects)
            input.projects.push_back(std::move(p));
        std::set<std::string> appointmentIds;
        for (const auto& a : input.appointments)
            appointmentIds.insert(a.id);

        // Outcome versions.
        const std::string outcomeType(entityTypeName(EntityType::AppointmentOutcome));
        for (auto& a : input.appointments) {
            if (std::find(outcomeIds.begin(), outcomeIds.end(), a.id) == outcomeIds.end())
                continue;
            auto record = uow.findEntity(outcomeType, a.id);
            if (!record)
                return record.error();
            if (!*record || (*record)->deleted)
                continue;
            const std::string& appointmentBody = appointmentBodies[a.id];
            std::vector<rc::OutcomeVersion> versions;
            if (!(*record)->lastOpId.empty()) {
                auto stored = storedOutcomeVersions(uow, a.id, appointmentBody);
                if (!stored)
                    return stored.error();
                versions = std::move(*stored);
            }
            if (versions.empty()) {
                a.outcome = parseOutcome(appointmentBody, (*record)->bodyJson);
            }
            for (auto& v : versions)
                input.outcome_versions.push_back(std::move(v));
        }
        std::erase_if(input.decisions, [&](const domain::EnforcementDecision& d) {
            return !orderIds.contains(d.order_id);
        });
        std::erase_if(work,
                      [&](const auto& w) { return !appointmentIds.contains(w.appointment_id); });
        std::erase_if(skills,
                      [&](const auto& s) { return !appointmentIds.contains(s.appointment_id); });
        std::erase_if(feedback,
                      [&](const auto& f) { return !appointmentIds.contains(f.appointment_id); });
        input.records = rc::recordsPresent(work, skills, feedback);
        for (const auto& f : feedback) {
            if (f.alert_officer)
                input.alerts.push_back({f.id, f.appointment_id, f.alert_reason});
        }

        auto result = rc::reconcilePerson(input, policy_, today);
        if (!result)
            return result.error();
        auto putDerived = [&](int kind, EntityType type, const std::string& id,
                              const std::string& body) -> Status {
            const auto& existing = existingDerived[kind];
            if (auto it = existing.find(id); it != existing.end() && it->second == body)
                return okStatus();
            auto written = EntityWriter::put(uow, type, id, body, context);
            if (!written)
                return written.error();
            changed += written->changed ? 1 : 0;
            return okStatus();
        };
        for (const auto& p : result->orders) {
            SB_TRY(putDerived(0, EntityType::Progress, p.order_id, progressBody(personId, p)));
            keepProgress.insert(p.order_id);
        }
        for (const auto& item : result->items) {
            const std::string id = itemEntityId(personId, item.id);
            SB_TRY(putDerived(1, EntityType::RoItem, id, roItemBody(item)));
            keepItems.insert(id);
        }
    }

    // Derived records whose cause went away.
    for (const auto& [id, body] : existingDerived[0]) {
        if (keepProgress.contains(id))
            continue;
        auto removed = EntityWriter::remove(uow, EntityType::Progress, id, context);
        if (!removed)
            return removed.error();
        changed += removed->changed ? 1 : 0;
    }
    for (const auto& [id, body] : existingDerived[1]) {
        if (keepItems.contains(id))
            continue;
        auto removed = EntityWriter::remove(uow, EntityType::RoItem, id, context);
        if (!removed)
            return removed.error();
        changed += removed->changed ? 1 : 0;
    }
    return changed;
}

std::string PersonReconciler::personAffectedBy(UnitOfWork& uow, const AcceptedOperation& op) {
    auto type = parseEntityType(op.entityType);
    if (!type)
        return {};
    const std::string& body = op.after.bodyJson.empty() ? op.payloadJson : op.after.bodyJson;
    std::string appointmentId;
    switch (*type) {
        case EntityType::AppointmentOutcome:
            appointmentId = op.entityId;
            break;
        case EntityType::WorkUndertaken:
        case EntityType::SkillObservation:
        case EntityType::Feedback:
        case EntityType::EnforcementDecision:
        case EntityType::AlertAcknowledgement:
            appointmentId = stringField(body, "appointment_id");
            break;
        default:
            return {};  // case notes change nothing derived
    }
    return appointmentPersonId(uow, appointmentId);
}

Result<std::vector<std::string>> PersonReconciler::affectedPeople(
    UnitOfWork& uow, const std::vector<AcceptedOperation>& ops) {
    std::set<std::string> people;
    for (const auto& op : ops) {
        std::string personId = personAffectedBy(uow, op);
        if (!personId.empty())
            people.insert(std::move(personId));
    }
    return std::vector<std::string>(people.begin(), people.end());
}

Result<std::int64_t> PersonReconciler::reconcilePeople(UnitOfWork& uow,
                                                       const std::vector<std::string>& personIds) {
    std::int64_t changed = 0;
    const domain::CivilDate day = today();
    for (const auto& id : personIds) {
        auto n = reconcilePerson(uow, id, day);
        if (!n)
            return n.error();
        changed += *n;
    }
    return changed;
}

Result<ReconcileRun> PersonReconciler::reconcileAll(Store& store) {
    std::vector<std::string> people;
    {
        auto uow = store.begin(AccessMode::ReadOnly);
        if (!uow)
            return uow.error();
        auto ids = allPersonIds(**uow);
        if (!ids)
            return ids.error();
        people = std::move(*ids);
    }
    ReconcileRun run;
    const domain::CivilDate day = today();
    for (const auto& id : people) {
        auto uow = store.begin(AccessMode::ReadWrite);
        if (!uow)
            return uow.error();
        auto changed = reconcilePerson(**uow, id, day);
        if (!changed) {
            if (changed.error().code != ErrorCode::InvalidArgument &&
                changed.error().code != ErrorCode::Corrupt) {
                return changed.error();
            }
            log::warning("reconcile",
                         "person " + id + " not reconciled: " + changed.error().toString());
            ++run.failures;
            continue;
        }
        SB_TRY((*uow)->dequeueReconcile(id));
        SB_TRY((*uow)->commit());
        ++run.people;
        run.recordsWritten += *changed;
    }
    return run;
}

}  // namespace sitebook::server
