#pragma once
// What the reconciler needs to know about one person. Plain values, filled by the server from
// its store; the reconciler never reads anything else (no clock, no I/O).

#include <span>
#include <string>
#include <vector>

#include "sitebook/common/hlc.h"
#include "sitebook/domain/types.h"

namespace sitebook::server::reconcile {

// One device's recording of an appointment's outcome. Several devices may record the same
// appointment while offline; every version is kept and one wins (see outcome_resolution.h).
struct OutcomeVersion {
    std::string appointment_id;
    std::string device_id;
    HlcTimestamp hlc;  // when the device made the change
    domain::AppointmentOutcome outcome;

    friend bool operator==(const OutcomeVersion&, const OutcomeVersion&) = default;
};

// Which supervisor records exist for an appointment. Only presence matters to the rules, so
// the server need not load the texts.
struct RecordsPresent {
    std::string appointment_id;
    bool work_undertaken = false;
    bool skills = false;
    bool feedback = false;

    friend bool operator==(const RecordsPresent&, const RecordsPresent&) = default;
};

// A progress review the RO has marked done: the review `months` after the sentence date.
struct ReviewDone {
    std::string order_id;
    int months = 0;

    friend bool operator==(const ReviewDone&, const ReviewDone&) = default;
};

// The RO confirmed which version of a conflicting outcome is right, at `resolved_at`. The
// confirmation holds until a later version (HLC after resolved_at) says something different,
// which reopens the conflict.
struct ConflictResolution {
    std::string appointment_id;
    std::string chosen_device_id;
    HlcTimestamp chosen_hlc;
    HlcTimestamp resolved_at;

    friend bool operator==(const ConflictResolution&, const ConflictResolution&) = default;
};

// A supervisor's feedback with "alert the officer" set, and its reason (free text from the
// supervisor, carried to the officer's item as it is).
struct AlertRaised {
    std::string feedback_id;
    std::string appointment_id;
    std::string reason;

    friend bool operator==(const AlertRaised&, const AlertRaised&) = default;
};

// Everything about one person. Order of every list is irrelevant: the result is the same for
// any permutation.
struct ReconcileInput {
    domain::Person person;
    std::vector<domain::Order> orders;  // the person's orders
    // Every project and session the appointments refer to (others are ignored).
    std::vector<domain::Project> projects;
    std::vector<domain::Session> sessions;
    // The person's appointments. An appointment's own `outcome`, if set, counts as one version
    // (device id "", HLC {recorded_at, 0}) only when outcome_versions has none for it.
    std::vector<domain::Appointment> appointments;
    std::vector<OutcomeVersion> outcome_versions;
    std::vector<RecordsPresent> records;                 // missing entry = nothing recorded
    std::vector<domain::EnforcementDecision> decisions;  // on the person's orders
    std::vector<ReviewDone> reviews_done;
    std::vector<ConflictResolution> conflict_resolutions;
    std::vector<AlertRaised> alerts;  // feedback with alert_officer set
    // Feedback ids whose alert the responsible officer has acknowledged.
    std::vector<std::string> acknowledged_alerts;
};

// Presence per appointment from the full records, sorted by appointment id.
std::vector<RecordsPresent> recordsPresent(std::span<const domain::WorkUndertaken> work,
                                           std::span<const domain::SkillObservation> skills,
                                           std::span<const domain::Feedback> feedback);

}  // namespace sitebook::server::reconcile
