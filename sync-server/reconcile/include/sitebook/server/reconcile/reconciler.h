#pragma once
// The reconciliation engine: one person's records in, their derived record out. A pure
// function of its arguments: no clock (pass `today`), no I/O, and the same result for any
// order of the input lists.
//
// Rules (policy values come from ReconcilePolicy, each looked up on the record's own date):
//
// Credit. Each appointment's winning outcome earns, if attended (ATTC AFTC ATSH ATSS),
//   finish − arrival − penalty minutes (never below 0; 0 if a time is missing). Appointments
//   are credited in date/time order (session date, scheduled start, appointment id); each is
//   capped at the order's remaining minutes (adjusted required minutes − minutes credited to
//   earlier appointments), and on an ETE project also at the order's unused ETE allowance
//   (domain::eteAllowanceMinutes: the percentage in force on the sentence date).
// Progress. remaining = adjusted required − credited; percent = credited / adjusted required;
//   at the current pace (credited minutes per day since the sentence date, at least one day)
//   the projected completion date is today + ceil(remaining / pace); none before any credit;
//   the completion date itself once nothing remains.
// RO items (see ro_item.h):
//   ENFORCEMENT_DUE  winning outcome enforceable (AFTC ATSH UACP) and no decision names the
//                    appointment; created on the appointment date, due on
//                    domain::respondByDate. If a warning on the same order was given on or
//                    before the appointment date and within the warning window
//                    (domain::warningInForce on the appointment date, the failure's date:
//                    the same call the upload validation makes), the item requires a
//                    breach referral (Sentencing Act 2020 Sch. 10).
//   FEEDBACK_GAP     winning outcome attended and work undertaken missing, or skills and
//                    feedback both missing; due feedback_due_days after the appointment.
//   OVERDUE_OUTCOME  session date before today, no outcome, and today on or after
//                    domain::outcomeOverdueFrom; created and due on that date.
//   REVIEW_DUE       for each review point (months after the sentence date, in force on the
//                    sentence date) not marked done, while the order is not complete, once
//                    today >= review date − review_notice_days; due on the review date.
//   CONFLICT         versions differ in substance and no RO confirmation holds; created on
//                    the later of the appointment date and the latest version's HLC date (UTC),
//                    due conflict_respond_by_days after that. The item lists the versions.
//   SUPERVISOR_ALERT feedback with alert_officer set and no acknowledgement; created on the
//                    appointment date, due alert_respond_by_days later; carries the reason.
// An absence_acceptable decision replaces the winning outcome's code with its
// reclassified_as code (so it is neither credited nor enforceable).
// Only the winning outcome of an appointment drives credit and the other rules.

#include <optional>
#include <string>
#include <vector>

#include "sitebook/common/result.h"
#include "sitebook/domain/civil_date.h"
#include "sitebook/server/reconcile/inputs.h"
#include "sitebook/server/reconcile/outcome_resolution.h"
#include "sitebook/server/reconcile/reconcile_policy.h"
#include "sitebook/server/reconcile/ro_item.h"

namespace sitebook::server::reconcile {

// Why an appointment earned less than its raw minutes.
enum class CreditLimit {
    None,           // credited in full
    NoOutcome,      // nothing recorded yet
    NotAttended,    // absence, rescheduled or unrecognised outcome: never credited
    OrderComplete,  // capped at the order's remaining minutes
    EteAllowance,   // capped at the order's remaining ETE allowance
};

struct AppointmentCredit {
    std::string appointment_id;
    std::string order_id;
    domain::CivilDate date;
    domain::TimeOfDay scheduled_start;
    bool ete = false;          // on an ETE project
    int raw_minutes = 0;       // finish − arrival − penalty for attended outcomes, else 0
    int credited_minutes = 0;  // after the caps
    CreditLimit limited_by = CreditLimit::None;

    friend bool operator==(const AppointmentCredit&, const AppointmentCredit&) = default;
};

struct OrderProgress {
    std::string order_id;
    domain::CivilDate sentence_date;
    int required_minutes = 0;
    int adjustment_minutes = 0;         // sum of adjustments (may be negative)
    int adjusted_required_minutes = 0;  // required + adjustments
    int credited_minutes = 0;           // all credit, ETE included
    int ete_credited_minutes = 0;
    int ete_allowance_minutes = 0;
    int remaining_minutes = 0;                              // never negative
    double percent_complete = 0.0;                          // 0..100
    double credited_minutes_per_day = 0;                    // pace since the sentence date
    std::optional<domain::CivilDate> completed_on;          // date of the completing credit
    std::optional<domain::CivilDate> projected_completion;  // none before any credit

    friend bool operator==(const OrderProgress&, const OrderProgress&) = default;
};

struct PersonReconciliation {
    std::string person_id;
    std::vector<OrderProgress> orders;       // by order id
    std::vector<AppointmentCredit> credits;  // every appointment, in crediting order
    std::vector<ResolvedOutcome> outcomes;   // appointments with versions, by appointment id
    std::vector<RoItem> items;               // inbox order (inboxOrder)

    friend bool operator==(const PersonReconciliation&, const PersonReconciliation&) = default;
};

// Minutes an outcome earns before caps (see "Credit" above).
int rawCreditMinutes(const domain::AppointmentOutcome& outcome);

// Fails with InvalidArgument (naming the field) if the input does not hang together: an
// order, appointment or version for another person or an unknown order/session/project/
// appointment, or a repeated id.
Result<PersonReconciliation> reconcilePerson(const ReconcileInput& input,
                                             const ReconcilePolicy& policy,
                                             domain::CivilDate today);

}  // namespace sitebook::server::reconcile
