#pragma once
// The rules a record must satisfy before it is saved (on the device) or accepted (on the
// server). Each function returns the first broken rule as an InvalidArgument error whose
// `field` names the offending field and whose message names the rule and the values, e.g.
// field "penalty_minutes", "penalty_minutes 500 exceeds the appointment's 420 minutes".
// Messages quote identifiers and numbers but never free text, so they are safe to log.
//
// Dates are valid by construction (CivilDate cannot hold an invalid date; json.h rejects one).

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "sitebook/common/result.h"
#include "sitebook/domain/policy.h"
#include "sitebook/domain/types.h"

namespace sitebook::domain {

// Fixed limits (not policy: they protect storage and screens, not practice).
inline constexpr std::size_t kMaxWorkDescriptionChars = 1000;
inline constexpr std::size_t kMaxFeedbackTextChars = 4000;  // each feedback field, each note
inline constexpr std::size_t kMaxShortTextChars = 200;      // names, units, codes, reasons

// Building blocks, each naming `field` in its error.
Status validateId(std::string_view value, std::string_view field);  // canonical UUID
Status validateCrn(std::string_view crn);  // one letter then six digits; field "crn"
// Valid UTF-8, at most `maxChars` code points, and (when `required`) not blank.
Status validateText(std::string_view value, std::string_view field, std::size_t maxChars,
                    bool required);

Status validatePerson(const Person& person);
// Required minutes within the policy range on the sentence date; each adjustment has an id,
// non-zero minutes and a reason.
Status validateOrder(const Order& order, const Policy& policy);
Status validateProject(const Project& project);
Status validateSession(const Session& session);  // end after start
// Ids and scheduled times only; a recorded outcome is checked by validateOutcome, because
// outcomes received from the server may carry codes this build does not know.
Status validateAppointment(const Appointment& appointment);

// An outcome being recorded by someone acting as `recorder`:
// - the code is known and the role may choose it (supervisors: ATTC AFTC ATSH ATSS UACP);
// - attended outcomes have arrival, finish after arrival, work_quality and behaviour;
// - other outcomes carry no arrival, finish or penalty;
// - 0 <= penalty_minutes <= finish - arrival.
Status validateOutcome(const AppointmentOutcome& outcome, Role recorder);

// When an outcome may be recorded: the device checks it at entry and when it saves, the server
// when the change is uploaded (at the earlier of its own time and the outcome's recorded_at),
// so a correction that would move a record into the future is refused alike. `at` is the
// instant of recording; the session's date and times are UK civil time (uk_time.h). Allowance =
// Policy::clock_skew_allowance_minutes on the session's date.
// - No outcome for a session that has not started: refused while the session's start is later
//   than `at` + allowance (field "code").
// - Arrival and finish are times of the session's own day (a TimeOfDay cannot leave it); on
//   that day an arrival later than `at` + allowance is refused (field "arrival").
// The messages are sentences for the person recording, the same on device and server.
Status validateOutcomeTiming(const AppointmentOutcome& outcome, const Session& session,
                             UnixMillis at, const Policy& policy);

// When an enforcement decision may be dated, checked by the device store before it queues one
// and by the server when it is uploaded (at the server's time), with the same words. `failedOn`
// is the date of the failure it answers (the appointment's session date); `at` the instant of
// recording. Allowance = Policy::clock_skew_allowance_minutes on `failedOn`.
// - decided_on before failedOn: refused (rule decision.before_failure, field "decided_on"), so
//   a decision cannot predate the failure and stand as an earlier warning (the 12-month rule).
// - decided_on after the UK civil date of `at` + allowance: refused (decision.in_future). At
//   23:57 UK time with a 5-minute allowance, tomorrow's date is still accepted.
Status validateDecisionTiming(const EnforcementDecision& decision, CivilDate failedOn,
                              UnixMillis at, const Policy& policy);

Status validateWorkUndertaken(const WorkUndertaken& work);
Status validateSkillObservation(const SkillObservation& observation);
// alert_officer needs a non-blank alert_reason; every text valid UTF-8 and bounded.
Status validateFeedback(const Feedback& feedback);
// Non-blank text within the policy limit on the note's creation date (UTC).
Status validateCaseNote(const CaseNote& note, const Policy& policy);
// `amendment` corrects `original`: it references it, is about the same person, is a different
// note, and keeps a sensitive original's sensitivity.
Status validateAmendment(const CaseNote& original, const CaseNote& amendment);
// Saved notes are immutable: any difference between `stored` and `proposed` is refused, naming
// the first changed field. Re-saving an identical note is allowed (idempotent sync).
Status validateCaseNoteUpdate(const CaseNote& stored, const CaseNote& proposed);

// Ids present, acknowledged_by set, note valid and bounded (optional). Whether the feedback
// exists and carries an alert is checked where the feedback is held (server, device store).
Status validateAlertAcknowledgement(const AlertAcknowledgement& acknowledgement);

// The 12-month rule (Sentencing Act 2020 Sch. 10 para 8: a failure to comply "within the
// period of twelve months beginning with the date on which the warning was given" must be
// referred, not warned again). One rule, one date: it is judged on `failedOn`, the date of the
// failure (the session date of the appointment with the enforceable outcome), never on the
// date an officer happens to record the decision. The RO item (server reconciler), the
// server's upload validation and the device store all call these with that date.
//
// The warning in force on `failedOn`: the latest of `prior` that is a warning given on or
// before `failedOn` and whose window (the months in force on `failedOn`, starting on the
// warning date) covers it; a warning on 2024-03-01 with a 12-month window covers failures up
// to 2025-02-28. Ties on the date go to the greater id. nullopt if none.
std::optional<EnforcementDecision> warningInForce(CivilDate failedOn,
                                                  std::span<const EnforcementDecision> prior,
                                                  const Policy& policy);
// warningInForce(...).has_value(): a breach referral is required, another warning is refused.
bool breachReferralRequired(CivilDate failedOn, std::span<const EnforcementDecision> prior,
                            const Policy& policy);

// Actions that must say why (`note`): no_further_action (why nothing is enforced) and
// absence_acceptable (the evidence seen). A warning or a breach referral is explained by the
// failure itself, so its note is optional.
bool decisionNeedsReason(EnforcementAction action);

// A decision about `appointment` (which must be for the same order and carry an enforceable
// outcome), failed on `failedOn` (its session date), given the decisions already made on that
// order. Refuses a second decision on one appointment; a warning when breachReferralRequired
// (failedOn, ...); a missing reason where decisionNeedsReason; and for absence_acceptable an
// outcome other than UACP or a reclassified_as that is not an acceptable-absence code
// (reclassified_as is refused on every other action).
Status validateEnforcementDecision(const EnforcementDecision& decision,
                                   const Appointment& appointment, CivilDate failedOn,
                                   std::span<const EnforcementDecision> priorOnOrder,
                                   const Policy& policy);

}  // namespace sitebook::domain
