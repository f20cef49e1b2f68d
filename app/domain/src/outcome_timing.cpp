// The temporal rules (validation.h): one implementation for the device and the server, so both
// refuse the same records with the same words.
#include "sitebook/domain/rules.h"
#include "sitebook/domain/uk_time.h"
#include "sitebook/domain/validation.h"

namespace sitebook::domain {

Status validateOutcomeTiming(const AppointmentOutcome& outcome, const Session& session,
                             UnixMillis at, const Policy& policy) {
    const int allowance = policy.clock_skew_allowance_minutes.valueOn(session.date);
    const CivilDateTime now = ukCivilTime(at);
    const std::int64_t latestAllowed = now.minuteNumber() + allowance;
    const CivilDateTime start{session.date, session.start};
    if (start.minuteNumber() > latestAllowed) {
        return refusal(RuleId::OutcomeBeforeSession,
                       "This session starts at " + session.start.toString() + " on " +
                           session.date.toString() +
                           ". Record the outcome once the session has started.");
    }
    if (outcome.arrival && session.date == now.date) {
        const CivilDateTime arrival{session.date, *outcome.arrival};
        if (arrival.minuteNumber() > latestAllowed) {
            return refusal(RuleId::OutcomeArrivalInFuture,
                           "The arrival time " + outcome.arrival->toString() +
                               " is later than the time now (" + now.time.toString() +
                               "). Enter the time they arrived.");
        }
    }
    return okStatus();
}

Status validateDecisionTiming(const EnforcementDecision& decision, CivilDate failedOn,
                              UnixMillis at, const Policy& policy) {
    if (decision.decided_on < failedOn) {
        return refusal(RuleId::DecisionBeforeFailure,
                       "The decision date " + decision.decided_on.toString() +
                           " is before the appointment it answers, on " + failedOn.toString() +
                           ". Enter the date the decision was made, on or after " +
                           failedOn.toString() + ".");
    }
    const std::int64_t allowanceMillis =
        std::int64_t{policy.clock_skew_allowance_minutes.valueOn(failedOn)} * 60'000;
    const CivilDate latest = ukCivilTime(at + allowanceMillis).date;
    if (latest < decision.decided_on) {
        return refusal(RuleId::DecisionInFuture,
                       "The decision date " + decision.decided_on.toString() +
                           " is later than today (" + ukCivilTime(at).date.toString() +
                           "). Enter the date the decision was made.");
    }
    return okStatus();
}

}  // namespace sitebook::domain
