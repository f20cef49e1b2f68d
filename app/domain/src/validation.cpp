#include "sitebook/domain/validation.h"

#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <tuple>

#include "sitebook/common/uuid.h"
#include "sitebook/domain/rules.h"
#include "sitebook/domain/text.h"

namespace sitebook::domain {
namespace {

Error invalid(std::string_view field, std::string message) {
    return makeError(ErrorCode::InvalidArgument, std::move(message), std::string(field));
}

// An identifier-like value for a message: quoted, bounded, and only if it is valid UTF-8.
std::string quoted(std::string_view value) {
    constexpr std::size_t kMax = 48;
    if (!isValidUtf8(value))
        return "(not valid UTF-8)";
    if (value.size() > kMax)
        return "'" + std::string(value.substr(0, kMax)) + "…'";
    return "'" + std::string(value) + "'";
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::string indexed(std::string_view field, std::size_t i) {
    return std::string(field) + "[" + std::to_string(i) + "]";
}

std::string outcomeName(const Outcome& o) {
    return std::string(o.text()) + " (" + o.description() + ")";
}

Status validateOptionalId(const std::optional<std::string>& value, std::string_view field) {
    return value ? validateId(*value, field) : okStatus();
}

Status validateRating(const std::optional<Rating>& rating, std::string_view field,
                      const Outcome& code) {
    if (!rating) {
        return refusal(RuleId::OutcomeRatingRequired,
                       std::string(field) + " is required for outcome " + outcomeName(code), field);
    }
    if (!isKnown(*rating))
        return invalid(field, std::string(field) + " is not a known rating");
    return okStatus();
}

}  // namespace

Status validateId(std::string_view value, std::string_view field) {
    if (value.empty())
        return invalid(field, std::string(field) + " is required");
    if (!Uuid::isValid(value)) {
        return invalid(field, std::string(field) + " " + quoted(value) + " is not a valid UUID");
    }
    return okStatus();
}

Status validateCrn(std::string_view crn) {
    bool ok = crn.size() == 7 && crn[0] >= 'A' && crn[0] <= 'Z';
    for (std::size_t i = 1; ok && i < crn.size(); ++i)
        ok = crn[i] >= '0' && crn[i] <= '9';
    if (!ok) {
        return invalid("crn", "crn " + quoted(crn) +
                                  " must be one upper-case letter followed by 6 digits, "
                                  "e.g. X123456");
    }
    return okStatus();
}

Status validateText(std::string_view value, std::string_view field, std::size_t maxChars,
                    bool required) {
    const auto chars = codePointCount(value);
    if (!chars)
        return invalid(field, std::string(field) + " is not valid UTF-8 text");
    if (required && isBlank(value))
        return invalid(field, std::string(field) + " is required");
    if (*chars > maxChars) {
        return invalid(field, std::string(field) + " has " + std::to_string(*chars) +
                                  " characters; the maximum is " + std::to_string(maxChars));
    }
    return okStatus();
}

Status validatePerson(const Person& p) {
    SB_TRY(validateId(p.id, "id"));
    SB_TRY(validateCrn(p.crn));
    SB_TRY(validateText(p.forenames, "forenames", kMaxShortTextChars, true));
    SB_TRY(validateText(p.surname, "surname", kMaxShortTextChars, true));
    SB_TRY(validateId(p.responsible_officer_id, "responsible_officer_id"));
    for (std::size_t i = 0; i < p.placement_flags.size(); ++i) {
        SB_TRY(validateText(p.placement_flags[i], indexed("placement_flags", i), kMaxShortTextChars,
                            true));
    }
    return okStatus();
}

Status validateOrder(const Order& o, const Policy& policy) {
    SB_TRY(validateId(o.id, "id"));
    SB_TRY(validateId(o.person_id, "person_id"));
    const MinutesRange range = policy.order_required_minutes.valueOn(o.sentence_date);
    if (o.required_minutes < range.min || o.required_minutes > range.max) {
        return invalid("required_minutes",
                       "required_minutes " + std::to_string(o.required_minutes) +
                           " is outside the allowed " + std::to_string(range.min) + ".." +
                           std::to_string(range.max) + " (" + number(range.min / 60.0) + " to " +
                           number(range.max / 60.0) + " hours)");
    }
    for (std::size_t i = 0; i < o.adjustments.size(); ++i) {
        const auto& a = o.adjustments[i];
        const std::string at = indexed("adjustments", i);
        SB_TRY(validateId(a.id, at + ".id"));
        if (a.minutes == 0) {
            return invalid(at + ".minutes", at + ".minutes must not be zero");
        }
        SB_TRY(validateText(a.reason, at + ".reason", kMaxShortTextChars, true));
    }
    if (o.adjustedRequiredMinutes() < 0) {
        return invalid("adjustments", "adjustments leave " +
                                          std::to_string(o.adjustedRequiredMinutes()) +
                                          " required minutes; the total cannot be negative");
    }
    return okStatus();
}

Status validateProject(const Project& p) {
    SB_TRY(validateId(p.id, "id"));
    SB_TRY(validateText(p.code, "code", kMaxShortTextChars, true));
    SB_TRY(validateText(p.name, "name", kMaxShortTextChars, true));
    if (!isKnown(p.type))
        return invalid("type", "type is not a known project type");
    SB_TRY(validateText(p.location, "location", kMaxFeedbackTextChars, false));
    SB_TRY(validateText(p.beneficiary, "beneficiary", kMaxShortTextChars, false));
    for (std::size_t i = 0; i < p.supervisor_ids.size(); ++i) {
        SB_TRY(validateId(p.supervisor_ids[i], indexed("supervisor_ids", i)));
    }
    return okStatus();
}

Status validateSession(const Session& s) {
    SB_TRY(validateId(s.id, "id"));
    SB_TRY(validateId(s.project_id, "project_id"));
    if (s.end <= s.start) {
        return invalid("end",
                       "end " + s.end.toString() + " must be after start " + s.start.toString());
    }
    return okStatus();
}

Status validateAppointment(const Appointment& a) {
    SB_TRY(validateId(a.id, "id"));
    SB_TRY(validateId(a.person_id, "person_id"));
    SB_TRY(validateId(a.order_id, "order_id"));
    SB_TRY(validateId(a.session_id, "session_id"));
    if (a.scheduled_end <= a.scheduled_start) {
        return invalid("scheduled_end", "scheduled_end " + a.scheduled_end.toString() +
                                            " must be after scheduled_start " +
                                            a.scheduled_start.toString());
    }
    return okStatus();
}

Status validateOutcome(const AppointmentOutcome& o, Role recorder) {
    if (!o.code.isKnown()) {
        return refusal(RuleId::OutcomeCodeUnknown,
                       "outcome code " + quoted(o.code.text()) + " is not recognised");
    }
    if (!mayRecordOutcome(recorder, o.code.code())) {
        return refusal(RuleId::OutcomeCodeNotForRole, "a " + std::string(wireText(recorder)) +
                                                          " may not record outcome " +
                                                          outcomeName(o.code));
    }
    SB_TRY(validateId(o.recorded_by, "recorded_by"));
    if (o.penalty_minutes < 0) {
        return refusal(
            RuleId::OutcomePenaltyTooLong,
            "penalty_minutes " + std::to_string(o.penalty_minutes) + " must not be negative");
    }
    if (!o.code.isAttended()) {
        const std::string rule = " must be empty for outcome " + outcomeName(o.code);
        if (o.arrival)
            return refusal(RuleId::OutcomeTimesNotAllowed, "arrival" + rule, "arrival");
        if (o.finish)
            return refusal(RuleId::OutcomeTimesNotAllowed, "finish" + rule, "finish");
        if (o.penalty_minutes != 0) {
            return refusal(RuleId::OutcomeTimesNotAllowed,
                           "penalty_minutes must be 0 for outcome " + outcomeName(o.code),
                           "penalty_minutes");
        }
        if (o.work_quality && !isKnown(*o.work_quality)) {
            return invalid("work_quality", "work_quality is not a known rating");
        }
        if (o.behaviour && !isKnown(*o.behaviour)) {
            return invalid("behaviour", "behaviour is not a known rating");
        }
        return okStatus();
    }
    if (!o.arrival) {
        return refusal(RuleId::OutcomeTimesRequired,
                       "arrival is required for outcome " + outcomeName(o.code), "arrival");
    }
    if (!o.finish) {
        return refusal(RuleId::OutcomeTimesRequired,
                       "finish is required for outcome " + outcomeName(o.code), "finish");
    }
    if (*o.finish <= *o.arrival) {
        return refusal(
            RuleId::OutcomeFinishBeforeArrival,
            "finish " + o.finish->toString() + " must be after arrival " + o.arrival->toString());
    }
    SB_TRY(validateRating(o.work_quality, "work_quality", o.code));
    SB_TRY(validateRating(o.behaviour, "behaviour", o.code));
    const int length = TimeOfDay::minutesBetween(*o.arrival, *o.finish);
    if (o.penalty_minutes > length) {
        return refusal(RuleId::OutcomePenaltyTooLong,
                       "penalty_minutes " + std::to_string(o.penalty_minutes) +
                           " exceeds the appointment's " + std::to_string(length) + " minutes");
    }
    return okStatus();
}

Status validateWorkUndertaken(const WorkUndertaken& w) {
    SB_TRY(validateId(w.id, "id"));
    SB_TRY(validateId(w.appointment_id, "appointment_id"));
    if (!isKnown(w.category))
        return invalid("category", "category is not a known work category");
    SB_TRY(validateText(w.description, "description", kMaxWorkDescriptionChars, true));
    SB_TRY(validateText(w.unit, "unit", kMaxShortTextChars, false));
    if (w.quantity) {
        if (!std::isfinite(*w.quantity) || *w.quantity < 0) {
            return invalid("quantity",
                           "quantity " + number(*w.quantity) + " must be a number of at least 0");
        }
        if (isBlank(w.unit)) {
            return invalid(
                "unit", "unit is required when a quantity (" + number(*w.quantity) + ") is given");
        }
    }
    return okStatus();
}

Status validateSkillObservation(const SkillObservation& s) {
    SB_TRY(validateId(s.id, "id"));
    SB_TRY(validateId(s.appointment_id, "appointment_id"));
    if (!isKnown(s.skill))
        return invalid("skill", "skill is not in the skill taxonomy");
    if (!isKnown(s.level))
        return invalid("level", "level is not a known skill level");
    SB_TRY(validateText(s.note, "note", kMaxFeedbackTextChars, false));
    return okStatus();
}

Status validateFeedback(const Feedback& f) {
    SB_TRY(validateId(f.id, "id"));
    SB_TRY(validateId(f.appointment_id, "appointment_id"));
    SB_TRY(validateText(f.progress, "progress", kMaxFeedbackTextChars, false));
    SB_TRY(validateText(f.strengths, "strengths", kMaxFeedbackTextChars, false));
    SB_TRY(validateText(f.concerns, "concerns", kMaxFeedbackTextChars, false));
    SB_TRY(validateText(f.support_needs, "support_needs", kMaxFeedbackTextChars, false));
    SB_TRY(validateText(f.incidents, "incidents", kMaxFeedbackTextChars, false));
    SB_TRY(validateText(f.alert_reason, "alert_reason", kMaxFeedbackTextChars, false));
    if (f.alert_officer && isBlank(f.alert_reason)) {
        return invalid("alert_reason", "alert_reason is required when alert_officer is set");
    }
    return okStatus();
}

Status validateCaseNote(const CaseNote& n, const Policy& policy) {
    SB_TRY(validateId(n.id, "id"));
    SB_TRY(validateId(n.person_id, "person_id"));
    SB_TRY(validateOptionalId(n.appointment_id, "appointment_id"));
    SB_TRY(validateId(n.author, "author"));
    SB_TRY(validateOptionalId(n.amends_note_id, "amends_note_id"));
    if (n.amends_note_id && *n.amends_note_id == n.id) {
        return invalid("amends_note_id", "a note cannot amend itself");
    }
    const int maxChars =
        policy.case_note_max_chars.valueOn(CivilDate::fromUnixMillis(n.created_at));
    return validateText(n.text, "text", static_cast<std::size_t>(std::max(maxChars, 0)), true);
}

Status validateAmendment(const CaseNote& original, const CaseNote& amendment) {
    if (!amendment.amends_note_id) {
        return invalid("amends_note_id",
                       "amends_note_id is required: an amendment must "
                       "reference the note " +
                           quoted(original.id) + " it corrects");
    }
    if (*amendment.amends_note_id != original.id) {
        return invalid("amends_note_id", "amends_note_id " + quoted(*amendment.amends_note_id) +
                                             " does not reference the original note " +
                                             quoted(original.id));
    }
    if (amendment.id == original.id) {
        return invalid("id", "an amendment is a new note: its id must differ from the original's");
    }
    if (amendment.person_id != original.person_id) {
        return invalid("person_id", "person_id " + quoted(amendment.person_id) +
                                        " differs from the original note's person " +
                                        quoted(original.person_id) +
                                        "; an amendment must be about the same person");
    }
    if (original.sensitive && !amendment.sensitive) {
        return invalid("sensitive",
                       "a sensitive note can never be un-marked sensitive: the amendment of a "
                       "sensitive note must also be sensitive");
    }
    return okStatus();
}

Status validateCaseNoteUpdate(const CaseNote& stored, const CaseNote& proposed) {
    if (proposed.id != stored.id) {
        return invalid(
            "id", "id " + quoted(proposed.id) + " is not the stored note " + quoted(stored.id));
    }
    const char* changed = nullptr;
    if (proposed.person_id != stored.person_id) {
        changed = "person_id";
    } else if (proposed.appointment_id != stored.appointment_id) {
        changed = "appointment_id";
    } else if (proposed.author != stored.author) {
        changed = "author";
    } else if (proposed.created_at != stored.created_at) {
        changed = "created_at";
    } else if (proposed.text != stored.text) {
        changed = "text";
    } else if (proposed.sensitive != stored.sensitive) {
        if (stored.sensitive) {
            return invalid("sensitive", "a sensitive note can never be un-marked sensitive");
        }
        changed = "sensitive";
    } else if (proposed.amends_note_id != stored.amends_note_id) {
        changed = "amends_note_id";
    }
    if (changed == nullptr)
        return okStatus();
    return invalid(changed, std::string("case notes are immutable once saved: ") + changed +
                                " cannot be changed; write a new note that amends this one");
}

Status validateEnforcementDecision(const EnforcementDecision& d, const Appointment& appointment,
                                   CivilDate failedOn,
                                   std::span<const EnforcementDecision> priorOnOrder,
                                   const Policy& policy) {
    SB_TRY(validateId(d.id, "id"));
    SB_TRY(validateId(d.appointment_id, "appointment_id"));
    SB_TRY(validateId(d.order_id, "order_id"));
    SB_TRY(validateId(d.decided_by, "decided_by"));
    if (!isKnown(d.action))
        return invalid("action", "action is not a known enforcement action");
    if (decisionNeedsReason(d.action) && isBlank(d.note)) {
        return refusal(RuleId::DecisionReasonRequired,
                       d.action == EnforcementAction::AbsenceAcceptable
                           ? "Enter the evidence you saw, for example the date of a sick note"
                           : "Enter why no further action is needed");
    }
    SB_TRY(validateText(d.note, "note", kMaxFeedbackTextChars, decisionNeedsReason(d.action)));
    if (d.appointment_id != appointment.id) {
        return invalid("appointment_id", "appointment_id " + quoted(d.appointment_id) +
                                             " is not the appointment " + quoted(appointment.id));
    }
    if (d.order_id != appointment.order_id) {
        return invalid("order_id", "order_id " + quoted(d.order_id) +
                                       " is not the appointment's order " +
                                       quoted(appointment.order_id));
    }
    if (!appointment.outcome) {
        return refusal(RuleId::DecisionNotEnforceable,
                       "the appointment has no recorded outcome; enforcement decisions are only "
                       "for enforceable outcomes (AFTC, ATSH, UACP)");
    }
    if (!appointment.outcome->code.isEnforceable()) {
        return refusal(RuleId::DecisionNotEnforceable,
                       "outcome " + outcomeName(appointment.outcome->code) +
                           " is not enforceable; enforcement decisions are "
                           "only for AFTC, ATSH or UACP");
    }
    if (d.action == EnforcementAction::AbsenceAcceptable) {
        if (appointment.outcome->code.code() != OutcomeCode::UACP) {
            return refusal(RuleId::DecisionAbsenceAcceptableUacpOnly,
                           "only an unacceptable absence (UACP) can be judged "
                           "acceptable; the outcome is " +
                               outcomeName(appointment.outcome->code));
        }
        if (!d.reclassified_as) {
            return refusal(RuleId::DecisionReclassifiedAsCode,
                           "reclassified_as is required: the acceptable-absence code (AAME, "
                           "AAEM, AAFC, AACL or AASD)");
        }
        if (!d.reclassified_as->isAcceptableAbsence()) {
            return refusal(RuleId::DecisionReclassifiedAsCode,
                           "reclassified_as " + outcomeName(*d.reclassified_as) +
                               " is not an acceptable-absence code (AAME, "
                               "AAEM, AAFC, AACL or AASD)");
        }
    } else if (d.reclassified_as) {
        return refusal(RuleId::DecisionReclassifiedAsCode,
                       "reclassified_as is only for absence_acceptable decisions");
    }
    std::vector<EnforcementDecision> prior;
    for (const auto& p : priorOnOrder) {
        if (p.id == d.id || p.order_id != d.order_id)
            continue;
        if (p.appointment_id == d.appointment_id) {
            return refusal(RuleId::DecisionOnePerAppointment,
                           "the appointment already has an enforcement "
                           "decision (" +
                               std::string(wireText(p.action)) + " on " + p.decided_on.toString() +
                               ")");
        }
        prior.push_back(p);
    }
    if (d.action == EnforcementAction::WarningIssued) {
        if (auto warned = warningInForce(failedOn, prior, policy)) {
            return refusal(
                RuleId::DecisionWarningInWindow,
                "a warning was already issued on " + warned->decided_on.toString() +
                    ", and this failure on " + failedOn.toString() + " is within " +
                    std::to_string(policy.warning_window_months.valueOn(failedOn)) +
                    " months of it; a further warning is not allowed and a breach referral is "
                    "required (Sentencing Act 2020 Sch. 10)");
        }
    }
    return okStatus();
}

std::optional<EnforcementDecision> warningInForce(CivilDate failedOn,
                                                  std::span<const EnforcementDecision> prior,
                                                  const Policy& policy) {
    const int months = policy.warning_window_months.valueOn(failedOn);
    const EnforcementDecision* found = nullptr;
    for (const auto& p : prior) {
        if (p.action != EnforcementAction::WarningIssued || p.decided_on > failedOn)
            continue;
        if (!(failedOn < p.decided_on.addMonths(months)))
            continue;
        if (!found || std::tie(found->decided_on, found->id) < std::tie(p.decided_on, p.id))
            found = &p;
    }
    return found ? std::optional<EnforcementDecision>(*found) : std::nullopt;
}

bool breachReferralRequired(CivilDate failedOn, std::span<const EnforcementDecision> prior,
                            const Policy& policy) {
    return warningInForce(failedOn, prior, policy).has_value();
}

Status validateAlertAcknowledgement(const AlertAcknowledgement& a) {
    SB_TRY(validateId(a.id, "id"));
    SB_TRY(validateId(a.feedback_id, "feedback_id"));
    SB_TRY(validateId(a.appointment_id, "appointment_id"));
    SB_TRY(validateId(a.acknowledged_by, "acknowledged_by"));
    return validateText(a.note, "note", kMaxFeedbackTextChars, false);
}

bool decisionNeedsReason(EnforcementAction action) {
    return action == EnforcementAction::NoFurtherAction ||
           action == EnforcementAction::AbsenceAcceptable;
}

}  // namespace sitebook::domain
