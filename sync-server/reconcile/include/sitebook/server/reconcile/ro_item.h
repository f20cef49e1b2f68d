#pragma once
// An item in the responsible officer's inbox: something that needs a decision or a chase.
// Items are derived, never stored as truth: reconciling again yields the same items with the
// same ids, so the server can diff them and keep the RO's read/snooze state by id.

#include <optional>
#include <string>
#include <string_view>

#include <vector>

#include "sitebook/domain/civil_date.h"
#include "sitebook/server/reconcile/inputs.h"

namespace sitebook::server::reconcile {

enum class RoItemKind {
    EnforcementDue,   // enforceable outcome (AFTC ATSH UACP) without a decision
    FeedbackGap,      // attended, but work undertaken or (skills and feedback) missing
    OverdueOutcome,   // past appointment still without an outcome
    ReviewDue,        // progress review point reached and not marked done
    Conflict,         // devices recorded different outcomes for one appointment
    SupervisorAlert,  // a supervisor asked the RO to look at something soon
};

// Stable wire text: "enforcement_due", "feedback_gap", "overdue_outcome", "review_due",
// "conflict", "supervisor_alert". Never change one.
std::string_view itemKindText(RoItemKind kind);

struct RoItem {
    // Derived from the cause only: "<kind>:<appointment id>", or for a review
    // "review_due:<order id>:<months>m", or for an alert "supervisor_alert:<feedback id>".
    // The same cause always gives the same id.
    std::string id;
    RoItemKind kind = RoItemKind::EnforcementDue;
    std::string person_id;
    std::string order_id;
    std::string appointment_id;    // empty for reviews
    domain::CivilDate created_on;  // when the cause arose
    domain::CivilDate due_on;      // when the RO (or supervisor) should have acted
    // One or two sentences a person can act on. Quotes codes, dates and project names, never
    // case-note or feedback text.
    std::string message;
    // EnforcementDue only: a warning on this order was given within the warning window before
    // the failure, so the law requires a breach referral rather than another warning.
    bool breach_referral_required = false;
    // With breach_referral_required: the earlier warning decision's id.
    std::optional<std::string> prior_warning_id;
    // SupervisorAlert only: the feedback carrying the alert, and the supervisor's reason (their
    // own words: show as plain text).
    std::string feedback_id;
    std::string reason;
    // Conflict only: every distinct version, oldest first, so the RO can confirm one.
    std::vector<OutcomeVersion> versions;

    friend bool operator==(const RoItem&, const RoItem&) = default;
};

// Inbox order: due date, then kind, then id.
bool inboxOrder(const RoItem& a, const RoItem& b);

}  // namespace sitebook::server::reconcile
