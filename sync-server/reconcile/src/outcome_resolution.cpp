#include "sitebook/server/reconcile/outcome_resolution.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace sitebook::server::reconcile {
namespace {

std::string optionalTime(const std::optional<domain::TimeOfDay>& t) {
    return t ? t->toString() : std::string("-");
}

std::string optionalRating(const std::optional<domain::Rating>& r) {
    return r ? std::string(domain::wireText(*r)) : std::string("-");
}

// Total order on versions; the greatest wins.
bool olderThan(const OutcomeVersion& a, const OutcomeVersion& b) {
    const std::string ka = substanceKey(a.outcome);
    const std::string kb = substanceKey(b.outcome);
    return std::tie(a.hlc, a.device_id, ka, a.outcome.recorded_by, a.outcome.recorded_at) <
           std::tie(b.hlc, b.device_id, kb, b.outcome.recorded_by, b.outcome.recorded_at);
}

// The index of the version the resolution chose, if the resolution still holds.
std::optional<std::size_t> chosenByOfficer(const std::vector<OutcomeVersion>& versions,
                                           const ConflictResolution& resolution) {
    std::optional<std::size_t> chosen;
    for (std::size_t i = 0; i < versions.size(); ++i) {
        if (versions[i].device_id == resolution.chosen_device_id &&
            versions[i].hlc == resolution.chosen_hlc) {
            chosen = i;  // the last of equal (device, HLC) is the greatest, as for the winner
        }
    }
    if (!chosen)
        return std::nullopt;
    for (const auto& v : versions) {
        if (resolution.resolved_at < v.hlc &&
            !sameSubstance(v.outcome, versions[*chosen].outcome)) {
            return std::nullopt;  // something different was recorded after the RO decided
        }
    }
    return chosen;
}

}  // namespace

bool sameSubstance(const domain::AppointmentOutcome& a, const domain::AppointmentOutcome& b) {
    return a.code == b.code && a.arrival == b.arrival && a.finish == b.finish &&
           a.penalty_minutes == b.penalty_minutes && a.work_quality == b.work_quality &&
           a.behaviour == b.behaviour;
}

std::string substanceKey(const domain::AppointmentOutcome& o) {
    std::string key(o.code.text());
    key += '|';
    key += optionalTime(o.arrival);
    key += '|';
    key += optionalTime(o.finish);
    key += '|';
    key += std::to_string(o.penalty_minutes);
    key += '|';
    key += optionalRating(o.work_quality);
    key += '|';
    key += optionalRating(o.behaviour);
    return key;
}

std::vector<ResolvedOutcome> resolveOutcomes(std::span<const OutcomeVersion> versions,
                                             std::span<const ConflictResolution> resolutions) {
    std::map<std::string, std::vector<OutcomeVersion>> byAppointment;
    for (const auto& v : versions)
        byAppointment[v.appointment_id].push_back(v);

    // Of several resolutions for one appointment the latest counts.
    std::map<std::string, ConflictResolution> latestResolution;
    for (const auto& r : resolutions) {
        auto [it, inserted] = latestResolution.emplace(r.appointment_id, r);
        if (!inserted &&
            std::tie(it->second.resolved_at, it->second.chosen_hlc, it->second.chosen_device_id) <
                std::tie(r.resolved_at, r.chosen_hlc, r.chosen_device_id)) {
            it->second = r;
        }
    }

    std::vector<ResolvedOutcome> out;
    out.reserve(byAppointment.size());
    for (auto& [appointmentId, list] : byAppointment) {
        std::sort(list.begin(), list.end(), olderThan);
        list.erase(std::unique(list.begin(), list.end()), list.end());

        ResolvedOutcome resolved;
        resolved.appointment_id = appointmentId;
        resolved.winner = list.size() - 1;
        for (const auto& v : list) {
            if (!sameSubstance(v.outcome, list.front().outcome))
                resolved.conflicting = true;
        }
        if (auto it = latestResolution.find(appointmentId); it != latestResolution.end()) {
            if (auto chosen = chosenByOfficer(list, it->second)) {
                resolved.winner = *chosen;
                resolved.resolved_by_officer = true;
            }
        }
        resolved.versions = std::move(list);
        out.push_back(std::move(resolved));
    }
    return out;
}

}  // namespace sitebook::server::reconcile
