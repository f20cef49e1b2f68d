#pragma once
// Every rule a record can be refused by, written once. The validators (validation.h) build
// their refusals from this table, so the field a refusal names and the reason code the server
// answers with come from here; docs/PROTOCOL.md ("Rules and limits") lists every entry as a
// row `| <name> | <reason code> | <field> |`, and a test fails when a rule here is missing
// from it. A second client reads the rules from the doc; the words of each refusal are the
// same on the device and the server.

#include <span>
#include <string>
#include <string_view>

#include "sitebook/common/error.h"

namespace sitebook::domain {

enum class RuleId {
    // When a record may be made (outcome_timing.cpp).
    OutcomeBeforeSession,
    OutcomeArrivalInFuture,
    DecisionBeforeFailure,
    DecisionInFuture,
    // Outcomes.
    OutcomeCodeUnknown,
    OutcomeCodeNotForRole,
    OutcomeTimesRequired,
    OutcomeTimesNotAllowed,
    OutcomeFinishBeforeArrival,
    OutcomeRatingRequired,
    OutcomePenaltyTooLong,
    // Limits on text (characters are Unicode code points, not bytes).
    WorkDescriptionTooLong,
    FeedbackTextTooLong,
    CaseNoteTooLong,
    ShortTextTooLong,
    // Enforcement decisions.
    DecisionOnePerAppointment,
    DecisionNotEnforceable,
    DecisionWarningInWindow,
    DecisionReasonRequired,
    DecisionAbsenceAcceptableUacpOnly,
    DecisionReclassifiedAsCode,
};

struct Rule {
    RuleId id;
    std::string_view name;     // stable, e.g. "decision.before_failure"
    ErrorCode code;            // reason_code on the wire: errorCodeName(code)
    std::string_view field;    // the payload field a refusal names
    std::string_view summary;  // the rule in one sentence (docs)
};

// All rules, in the order of RuleId.
std::span<const Rule> validationRules();
const Rule& rule(RuleId id);
// A refusal under `id`: its error code, its field (or `field` where the rule covers several,
// e.g. arrival or finish), and `message` (a sentence for a person).
Error refusal(RuleId id, std::string message, std::string_view field = {});

}  // namespace sitebook::domain
