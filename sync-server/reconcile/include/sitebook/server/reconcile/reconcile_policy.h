#pragma once
// The policy the reconciler applies: the domain policy plus the few values that only the
// server's RO inbox needs. Every value is dated, like domain::Policy, and looked up on the date
// of the record it judges.

#include "sitebook/domain/policy.h"

namespace sitebook::server::reconcile {

struct ReconcilePolicy {
    // ETE allowance, respond-by days, overdue days, review points, warning window.
    domain::Policy rules = domain::Policy::defaults();
    // Days before a review date on which its REVIEW_DUE item appears (looked up on the review
    // date). Default 14.
    domain::PolicyValue<int> review_notice_days{14};
    // Days after an attended appointment by which missing work, skills or feedback should be
    // completed (looked up on the appointment date). Default 3.
    domain::PolicyValue<int> feedback_due_days{3};
    // Days the RO has to confirm which of two conflicting outcomes is right (looked up on the
    // appointment date). Default 7.
    domain::PolicyValue<int> conflict_respond_by_days{7};
    // Days the RO has to acknowledge a supervisor's alert (looked up on the appointment date).
    // Default 2: an alert is about something that should not wait (housing, safety, health).
    domain::PolicyValue<int> alert_respond_by_days{2};

    // The values above; the same as a default-constructed ReconcilePolicy.
    static ReconcilePolicy defaults();
};

}  // namespace sitebook::server::reconcile
