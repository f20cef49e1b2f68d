#pragma once
// The domain records shared by the device and the server. Plain values: no behaviour beyond
// trivial derived numbers; rules live in validation.h and policy.h, wire form in json.h.
// Ids are canonical UUID strings (v7 when made on a device). Times of recording are
// UnixMillis (UTC); calendar facts are CivilDate and TimeOfDay.

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/domain/civil_date.h"
#include "sitebook/domain/codes.h"
#include "sitebook/domain/time_of_day.h"

namespace sitebook::domain {

struct Person {
    std::string id;
    std::string crn;  // case reference number: one letter and six digits, e.g. "X123456"
    std::string forenames;
    std::string surname;
    CivilDate date_of_birth;
    std::string responsible_officer_id;
    std::vector<std::string> placement_flags;  // e.g. "no lone working with children"
    bool restricted_access = false;            // only named staff may see this person

    friend bool operator==(const Person&, const Person&) = default;
};

// A change to the hours an order requires, e.g. +600 minutes for a further offence.
struct OrderAdjustment {
    std::string id;
    int minutes = 0;  // positive adds, negative removes; never zero
    std::string reason;
    CivilDate date;

    friend bool operator==(const OrderAdjustment&, const OrderAdjustment&) = default;
};

// An unpaid-work requirement. The ETE allowance is not stored: it is the policy percentage
// in force on the sentence date (see eteAllowanceMinutes in policy.h).
struct Order {
    std::string id;
    std::string person_id;
    CivilDate sentence_date;
    int required_minutes = 0;
    std::vector<OrderAdjustment> adjustments;

    // required_minutes plus every adjustment, saturating at the limits of int.
    int adjustedRequiredMinutes() const {
        std::int64_t total = required_minutes;
        for (const auto& a : adjustments)
            total += a.minutes;
        return static_cast<int>(std::clamp<std::int64_t>(total, std::numeric_limits<int>::min(),
                                                         std::numeric_limits<int>::max()));
    }

    friend bool operator==(const Order&, const Order&) = default;
};

struct Project {
    std::string id;
    std::string code;
    std::string name;
    ProjectType type = ProjectType::Group;
    std::string location;
    std::string beneficiary;
    bool hi_vis_required = false;
    std::vector<std::string> supervisor_ids;

    friend bool operator==(const Project&, const Project&) = default;
};

struct Session {
    std::string id;
    std::string project_id;
    CivilDate date;
    TimeOfDay start;
    TimeOfDay end;

    friend bool operator==(const Session&, const Session&) = default;
};

// What happened at an appointment, as recorded on site or in the office.
struct AppointmentOutcome {
    Outcome code;
    std::optional<TimeOfDay> arrival;  // attended outcomes only
    std::optional<TimeOfDay> finish;   // attended outcomes only
    int penalty_minutes = 0;           // deducted from the credited time
    std::optional<Rating> work_quality;
    std::optional<Rating> behaviour;
    std::string recorded_by;  // user id
    UnixMillis recorded_at = 0;

    friend bool operator==(const AppointmentOutcome&, const AppointmentOutcome&) = default;
};

struct Appointment {
    std::string id;
    std::string person_id;
    std::string order_id;
    std::string session_id;
    TimeOfDay scheduled_start;
    TimeOfDay scheduled_end;
    std::optional<AppointmentOutcome> outcome;

    friend bool operator==(const Appointment&, const Appointment&) = default;
};

struct WorkUndertaken {
    std::string id;
    std::string appointment_id;
    WorkCategory category = WorkCategory::Other;
    std::string description;
    std::optional<double> quantity;  // e.g. 12 with unit "bags"
    std::string unit;

    friend bool operator==(const WorkUndertaken&, const WorkUndertaken&) = default;
};

struct SkillObservation {
    std::string id;
    std::string appointment_id;
    Skill skill = Skill::Teamwork;
    SkillLevel level = SkillLevel::Introduced;
    std::string note;

    friend bool operator==(const SkillObservation&, const SkillObservation&) = default;
};

// Structured feedback from the supervisor to the responsible officer.
struct Feedback {
    std::string id;
    std::string appointment_id;
    std::string progress;
    std::string strengths;
    std::string concerns;
    std::string support_needs;
    std::string incidents;
    bool alert_officer = false;  // the RO should look at this soon
    std::string alert_reason;

    friend bool operator==(const Feedback&, const Feedback&) = default;
};

// Immutable once saved. A correction is a new note whose amends_note_id names the original.
struct CaseNote {
    std::string id;
    std::string person_id;
    std::optional<std::string> appointment_id;
    std::string author;  // user id
    UnixMillis created_at = 0;
    std::string text;
    bool sensitive = false;
    std::optional<std::string> amends_note_id;

    friend bool operator==(const CaseNote&, const CaseNote&) = default;
};

struct EnforcementDecision {
    std::string id;
    std::string appointment_id;
    std::string order_id;
    EnforcementAction action = EnforcementAction::NoFurtherAction;
    CivilDate decided_on;
    std::string decided_by;  // user id
    // Why: required for no_further_action; for absence_acceptable the evidence seen (e.g. "GP
    // fit note dated 3 March").
    std::string note;
    // absence_acceptable only: the acceptable-absence code (AAME AAEM AAFC AACL AASD) the
    // unacceptable absence is reclassified as. From then on it is the appointment's outcome
    // for every derived record; the supervisor's recorded outcome is kept as recorded.
    std::optional<Outcome> reclassified_as;

    friend bool operator==(const EnforcementDecision&, const EnforcementDecision&) = default;
};

// The responsible officer has read a supervisor's alert (feedback with alert_officer set).
// Closes the officer's supervisor_alert item. Create only.
struct AlertAcknowledgement {
    std::string id;
    std::string feedback_id;
    std::string appointment_id;   // the feedback's appointment
    std::string acknowledged_by;  // user id
    UnixMillis acknowledged_at = 0;
    std::string note;  // optional: what the officer did about it

    friend bool operator==(const AlertAcknowledgement&, const AlertAcknowledgement&) = default;
};

}  // namespace sitebook::domain
