#pragma once
// A realistic synthetic Community Payback region: staff, projects, people on probation with
// their orders, about four weeks of sessions with rosters and recorded outcomes, supervisor
// records, case notes and enforcement decisions. Used to seed a demonstration server and as a
// fixture for load and end-to-end tests.
//
// Deterministic: the same options give the same region, byte for byte, on every platform (the
// generator uses its own random sequence, not the standard library's distributions). Pure: no
// clock, no I/O; "today" is an option. Every record passes the domain validation functions
// (see validateRegion). All names, places and case details are invented.

#include <cstdint>
#include <string>
#include <vector>

#include "sitebook/common/hlc.h"
#include "sitebook/common/result.h"
#include "sitebook/domain/policy.h"
#include "sitebook/domain/types.h"

namespace sitebook::server::demo {

struct StaffMember {
    std::string id;  // UUID
    std::string username;
    std::string display_name;
    domain::Role role = domain::Role::Supervisor;
    std::string device_id;  // UUID of their phone (supervisors) or tablet (officers)

    friend bool operator==(const StaffMember&, const StaffMember&) = default;
};

// One device's recording of an appointment's outcome, as it would arrive by sync.
struct OutcomeRecording {
    std::string appointment_id;
    std::string device_id;
    HlcTimestamp hlc;
    domain::AppointmentOutcome outcome;

    friend bool operator==(const OutcomeRecording&, const OutcomeRecording&) = default;
};

// A progress review the RO has held.
struct CompletedReview {
    std::string order_id;
    int months = 0;  // review point, months after the sentence date
    domain::CivilDate done_on;
    std::string done_by;  // officer id

    friend bool operator==(const CompletedReview&, const CompletedReview&) = default;
};

struct DemoRegion {
    std::string name;
    domain::CivilDate today;
    std::vector<StaffMember> staff;  // supervisors, then officers
    std::vector<domain::Project> projects;
    std::vector<domain::Person> people;  // each with one order
    std::vector<domain::Order> orders;
    std::vector<domain::Session> sessions;  // by date, then start, then project
    // `outcome` holds the first recording; appointments on or after today have none.
    std::vector<domain::Appointment> appointments;
    // Every recorded outcome with its device. A few appointments also have a later, different
    // recording from a second device (a conflict for the RO).
    std::vector<OutcomeRecording> recordings;
    std::vector<domain::WorkUndertaken> work;
    std::vector<domain::SkillObservation> skills;
    std::vector<domain::Feedback> feedback;
    // Includes an amendment of an earlier note and a sensitive note (itself amended).
    std::vector<domain::CaseNote> case_notes;
    // Includes an earlier warning for at least one person who has since failed again, within
    // the warning window and without a decision yet (the 12-month rule).
    std::vector<domain::EnforcementDecision> decisions;
    std::vector<CompletedReview> reviews_done;

    friend bool operator==(const DemoRegion&, const DemoRegion&) = default;
};

struct DemoOptions {
    std::uint64_t seed = 1;
    domain::CivilDate today;
    int people = 44;  // at least 40 are generated
    int weeks = 4;    // weeks of past sessions; one week ahead is always added
};

DemoRegion generateRegion(const DemoOptions& options,
                          const domain::Policy& policy = domain::Policy::defaults());

// Every record against the domain validation functions, plus referential integrity (every id a
// record names exists, appointments belong to their order's person). The first problem found,
// with `field` naming the record, e.g. "appointments[12].outcome.penalty_minutes".
Status validateRegion(const DemoRegion& region,
                      const domain::Policy& policy = domain::Policy::defaults());

}  // namespace sitebook::server::demo
