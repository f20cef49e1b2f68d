#include "sitebook/domain/rules.h"

#include <array>
#include <cassert>

namespace sitebook::domain {
namespace {

constexpr ErrorCode kInvalid = ErrorCode::InvalidArgument;

constexpr std::array kRules{
    Rule{RuleId::OutcomeBeforeSession, "outcome.before_session", kInvalid, "code",
         "an outcome for a session whose start is later than now + the clock allowance"},
    Rule{RuleId::OutcomeArrivalInFuture, "outcome.arrival_in_future", kInvalid, "arrival",
         "on the session's own day, an arrival later than now + the clock allowance"},
    Rule{RuleId::DecisionBeforeFailure, "decision.before_failure", kInvalid, "decided_on",
         "a decision dated before the failure it answers (the appointment's session date)"},
    Rule{RuleId::DecisionInFuture, "decision.in_future", kInvalid, "decided_on",
         "a decision dated after today (UK date of now + the clock allowance)"},
    Rule{RuleId::OutcomeCodeUnknown, "outcome.code_unknown", kInvalid, "code",
         "an outcome code this version does not know"},
    Rule{RuleId::OutcomeCodeNotForRole, "outcome.code_not_for_role", kInvalid, "code",
         "an outcome code the recorder's role may not choose"},
    Rule{RuleId::OutcomeTimesRequired, "outcome.times_required", kInvalid, "arrival",
         "an attended outcome without arrival or finish (field `arrival` or `finish`)"},
    Rule{RuleId::OutcomeTimesNotAllowed, "outcome.times_not_allowed", kInvalid, "arrival",
         "an absence with arrival, finish or penalty (field `arrival`, `finish` or "
         "`penalty_minutes`)"},
    Rule{RuleId::OutcomeFinishBeforeArrival, "outcome.finish_before_arrival", kInvalid, "finish",
         "a finish not after the arrival (both times of the session's own day)"},
    Rule{RuleId::OutcomeRatingRequired, "outcome.rating_required", kInvalid, "work_quality",
         "an attended outcome without work quality or behaviour (field `work_quality` or "
         "`behaviour`)"},
    Rule{RuleId::OutcomePenaltyTooLong, "outcome.penalty_too_long", kInvalid, "penalty_minutes",
         "penalty minutes below 0 or longer than finish − arrival"},
    Rule{RuleId::WorkDescriptionTooLong, "work.description_too_long", kInvalid, "description",
         "a work description over 1,000 characters"},
    Rule{RuleId::FeedbackTextTooLong, "feedback.text_too_long", kInvalid, "progress",
         "a feedback text over 4,000 characters (each of progress, strengths, concerns, "
         "support_needs, incidents, alert_reason, and a skill's or decision's note)"},
    Rule{RuleId::CaseNoteTooLong, "case_note.too_long", kInvalid, "text",
         "a case note over `case_note_max_chars` (dated policy, 4,000 characters)"},
    Rule{RuleId::ShortTextTooLong, "text.short_too_long", kInvalid, "unit",
         "a name, unit, code or adjustment reason over 200 characters (the field named is the "
         "one too long)"},
    Rule{RuleId::DecisionOnePerAppointment, "decision.one_per_appointment", kInvalid,
         "appointment_id", "a second enforcement decision for one appointment"},
    Rule{RuleId::DecisionNotEnforceable, "decision.not_enforceable", kInvalid, "appointment_id",
         "a decision about an appointment whose outcome is not AFTC, ATSH or UACP"},
    Rule{RuleId::DecisionWarningInWindow, "decision.warning_in_window", kInvalid, "action",
         "a warning for a failure within `warning_window_months` (12) of an earlier warning"},
    Rule{RuleId::DecisionReasonRequired, "decision.reason_required", kInvalid, "note",
         "no_further_action or absence_acceptable without a reason"},
    Rule{RuleId::DecisionAbsenceAcceptableUacpOnly, "decision.absence_acceptable_uacp_only",
         kInvalid, "action", "absence_acceptable for an outcome other than UACP"},
    Rule{RuleId::DecisionReclassifiedAsCode, "decision.reclassified_as_code", kInvalid,
         "reclassified_as",
         "absence_acceptable without an acceptable-absence code, or reclassified_as on another "
         "action"},
};

constexpr bool inIdOrder() {
    for (std::size_t i = 0; i < kRules.size(); ++i) {
        if (static_cast<std::size_t>(kRules[i].id) != i)
            return false;
    }
    return true;
}
static_assert(inIdOrder(), "kRules must list every RuleId in order");

}  // namespace

std::span<const Rule> validationRules() {
    return kRules;
}

const Rule& rule(RuleId id) {
    const auto i = static_cast<std::size_t>(id);
    assert(i < kRules.size());
    return kRules[i];
}

Error refusal(RuleId id, std::string message, std::string_view field) {
    const Rule& r = rule(id);
    return makeError(r.code, std::move(message), std::string(field.empty() ? r.field : field));
}

}  // namespace sitebook::domain
