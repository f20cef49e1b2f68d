// The temporal rule for outcomes (validation.h): one implementation for the device and the
// server, so both refuse the same records with the same words.
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
        return makeError(ErrorCode::InvalidArgument,
                         "This session starts at " + session.start.toString() + " on " +
                             session.date.toString() +
                             ". Record the outcome once the session has started.",
                         "code");
    }
    if (outcome.arrival && session.date == now.date) {
        const CivilDateTime arrival{session.date, *outcome.arrival};
        if (arrival.minuteNumber() > latestAllowed) {
            return makeError(ErrorCode::InvalidArgument,
                             "The arrival time " + outcome.arrival->toString() +
                                 " is later than the time now (" + now.time.toString() +
                                 "). Enter the time they arrived.",
                             "arrival");
        }
    }
    return okStatus();
}

}  // namespace sitebook::domain
