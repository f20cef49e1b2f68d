#pragma once
// Choosing one outcome per appointment from the versions devices recorded, without losing any.
//
// The winner rule (deterministic, independent of the order versions arrive in):
//   1. the version with the latest HLC wins;
//   2. on equal HLCs, the greater device id (byte-wise string comparison) wins;
//   3. on equal HLC and device id, the greater substance key (substanceKey below) wins.
// An RO's ConflictResolution overrides this while it holds (see inputs.h).
//
// Versions that agree in substance (same code, arrival, finish, penalty, work quality and
// behaviour) are not a conflict even when recorded by different people or devices at different
// times. Exact duplicates (same device, HLC and outcome, e.g. a retried upload) are kept once.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "sitebook/server/reconcile/inputs.h"

namespace sitebook::server::reconcile {

struct ResolvedOutcome {
    std::string appointment_id;
    // Every distinct version, oldest first: ascending by (HLC, device id, substance key).
    std::vector<OutcomeVersion> versions;
    std::size_t winner = 0;  // index into versions
    // True if at least two versions differ in substance.
    bool conflicting = false;
    // True if an RO's confirmation chose the winner (and so no CONFLICT item is raised).
    bool resolved_by_officer = false;

    const OutcomeVersion& winningVersion() const { return versions[winner]; }

    friend bool operator==(const ResolvedOutcome&, const ResolvedOutcome&) = default;
};

// True if both record the same facts (code, arrival, finish, penalty, ratings).
bool sameSubstance(const domain::AppointmentOutcome& a, const domain::AppointmentOutcome& b);
// A text that is equal for two outcomes exactly when sameSubstance holds, e.g.
// "ATTC|09:05|16:00|15|GOOD|EXCELLENT".
std::string substanceKey(const domain::AppointmentOutcome& outcome);

// One entry per appointment that has at least one version, sorted by appointment id.
std::vector<ResolvedOutcome> resolveOutcomes(std::span<const OutcomeVersion> versions,
                                             std::span<const ConflictResolution> resolutions);

}  // namespace sitebook::server::reconcile
