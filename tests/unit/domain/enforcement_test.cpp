#include <gtest/gtest.h>

#include "fixtures.h"
#include "sitebook/domain/validation.h"

namespace sitebook::domain {
namespace {

using test::date;
using test::id;

EnforcementDecision warningOn(const char* day, std::string appointmentId = id(60)) {
    EnforcementDecision d = test::validDecision();
    d.id = id(61);
    d.appointment_id = std::move(appointmentId);
    d.decided_on = date(day);
    return d;
}

struct DecisionInput {
    EnforcementDecision decision = test::validDecision();
    Appointment appointment = [] {
        Appointment a = test::validAppointment();
        a.outcome = test::attendedOutcome();
        a.outcome->code = OutcomeCode::AFTC;
        return a;
    }();
    CivilDate failedOn = date("2026-01-05");  // the appointment's session date
    std::vector<EnforcementDecision> prior;
};

TEST(EnforcementTest, DecisionRules) {
    const Policy policy = Policy::defaults();
    using D = DecisionInput;
    const std::string referral = "a breach referral is required";
    test::expectRules<D>(
        DecisionInput{},
        {
            {"sent home", [](D& d) { d.appointment.outcome->code = OutcomeCode::ATSH; }, "", ""},
            {"unacceptable absence", [](D& d) { d.appointment.outcome->code = OutcomeCode::UACP; },
             "", ""},
            {"complied is not enforceable",
             [](D& d) { d.appointment.outcome->code = OutcomeCode::ATTC; }, "appointment_id",
             "outcome ATTC (Attended – Complied) is not enforceable"},
            {"acceptable absence is not enforceable",
             [](D& d) { d.appointment.outcome->code = OutcomeCode::AAME; }, "appointment_id",
             "is not enforceable"},
            {"unknown code is not enforceable",
             [](D& d) { d.appointment.outcome->code = Outcome::fromText("ZZ99"); },
             "appointment_id", "outcome ZZ99 (Unrecognised outcome (ZZ99)) is not enforceable"},
            {"no outcome", [](D& d) { d.appointment.outcome.reset(); }, "appointment_id",
             "the appointment has no recorded outcome"},
            {"another appointment", [](D& d) { d.decision.appointment_id = id(70); },
             "appointment_id", "is not the appointment"},
            {"another order", [](D& d) { d.decision.order_id = id(71); }, "order_id",
             "is not the appointment's order"},
            {"bad decider", [](D& d) { d.decision.decided_by = ""; }, "decided_by",
             "decided_by is required"},
            {"unknown action", [](D& d) { d.decision.action = static_cast<EnforcementAction>(9); },
             "action", "not a known enforcement action"},
            {"second warning within 12 months",
             [](D& d) {
                 d.failedOn = date("2026-08-30");
                 d.decision.decided_on = date("2026-09-01");
                 d.prior = {warningOn("2026-03-01")};
             },
             "action",
             "a warning was already issued on 2026-03-01, and this failure on 2026-08-30 is "
             "within 12 months of it; a further warning is not allowed and a breach referral is "
             "required (Sentencing Act 2020 Sch. 10)"},
            {"failure the day before the anniversary",
             [](D& d) {
                 d.failedOn = date("2027-02-28");
                 d.decision.decided_on = date("2027-02-28");
                 d.prior = {warningOn("2026-03-01")};
             },
             "action", referral},
            {"failure on the anniversary",
             [](D& d) {
                 d.failedOn = date("2027-03-01");
                 d.decision.decided_on = date("2027-03-01");
                 d.prior = {warningOn("2026-03-01")};
             },
             "", ""},
            {"failure the day after the anniversary",
             [](D& d) {
                 d.failedOn = date("2027-03-02");
                 d.decision.decided_on = date("2027-03-02");
                 d.prior = {warningOn("2026-03-01")};
             },
             "", ""},
            // The rule follows the failure, not the day the officer gets to it.
            {"failure inside the window decided after the anniversary",
             [](D& d) {
                 d.failedOn = date("2027-02-26");
                 d.decision.decided_on = date("2027-03-04");
                 d.prior = {warningOn("2026-03-01")};
             },
             "action", referral},
            {"failure before a warning decided after it",
             [](D& d) {
                 d.failedOn = date("2026-02-26");
                 d.decision.decided_on = date("2026-03-04");
                 d.prior = {warningOn("2026-03-01")};
             },
             "", ""},
            {"no further action needs a reason",
             [](D& d) {
                 d.decision.action = EnforcementAction::NoFurtherAction;
                 d.decision.note = "  ";
             },
             "note", "Enter why no further action is needed"},
            {"a breach referral needs no written reason",
             [](D& d) {
                 d.decision.action = EnforcementAction::ReferForBreach;
                 d.decision.note.clear();
             },
             "", ""},
            {"absence judged acceptable",
             [](D& d) {
                 d.appointment.outcome = test::absentOutcome();
                 d.decision.action = EnforcementAction::AbsenceAcceptable;
                 d.decision.reclassified_as = Outcome(OutcomeCode::AAME);
                 d.decision.note = "GP fit note dated 5 January seen";
             },
             "", ""},
            {"absence judged acceptable needs the evidence",
             [](D& d) {
                 d.appointment.outcome = test::absentOutcome();
                 d.decision.action = EnforcementAction::AbsenceAcceptable;
                 d.decision.reclassified_as = Outcome(OutcomeCode::AAEM);
                 d.decision.note.clear();
             },
             "note", "Enter the evidence you saw"},
            {"absence judged acceptable needs the code",
             [](D& d) {
                 d.appointment.outcome = test::absentOutcome();
                 d.decision.action = EnforcementAction::AbsenceAcceptable;
             },
             "reclassified_as", "reclassified_as is required"},
            {"only to an acceptable-absence code",
             [](D& d) {
                 d.appointment.outcome = test::absentOutcome();
                 d.decision.action = EnforcementAction::AbsenceAcceptable;
                 d.decision.reclassified_as = Outcome(OutcomeCode::ATTC);
             },
             "reclassified_as", "is not an acceptable-absence code"},
            {"only an absence can be judged acceptable",
             [](D& d) {
                 d.decision.action = EnforcementAction::AbsenceAcceptable;
                 d.decision.reclassified_as = Outcome(OutcomeCode::AAME);
             },
             "action", "only an unacceptable absence (UACP) can be judged acceptable"},
            {"no reclassification on a warning",
             [](D& d) { d.decision.reclassified_as = Outcome(OutcomeCode::AAME); },
             "reclassified_as", "only for absence_acceptable"},
            {"referral after a warning",
             [](D& d) {
                 d.decision.action = EnforcementAction::ReferForBreach;
                 d.prior = {warningOn("2025-12-01")};
             },
             "", ""},
            {"warning after a referral",
             [](D& d) {
                 EnforcementDecision referred = warningOn("2025-12-01");
                 referred.action = EnforcementAction::ReferForBreach;
                 d.prior = {referred};
             },
             "", ""},
            {"warning on another order is not counted",
             [](D& d) {
                 EnforcementDecision other = warningOn("2025-12-01");
                 other.order_id = id(72);
                 d.prior = {other};
             },
             "", ""},
            {"later warning is not counted", [](D& d) { d.prior = {warningOn("2026-02-01")}; }, "",
             ""},
            {"re-validating the stored decision", [](D& d) { d.prior = {d.decision}; }, "", ""},
            {"second decision on one appointment",
             [](D& d) {
                 EnforcementDecision earlier = warningOn("2026-01-07", test::kAppointmentId);
                 earlier.action = EnforcementAction::NoFurtherAction;
                 d.decision.action = EnforcementAction::ReferForBreach;
                 d.prior = {earlier};
             },
             "appointment_id",
             "the appointment already has an enforcement decision (no_further_action on "
             "2026-01-07)"},
        },
        [&](const D& d) {
            return validateEnforcementDecision(d.decision, d.appointment, d.failedOn, d.prior,
                                               policy);
        });
}

TEST(EnforcementTest, BreachReferralRequiredWithinTheWarningWindow) {
    Policy policy = Policy::defaults();
    const std::vector<EnforcementDecision> prior{warningOn("2024-02-29")};
    struct Row {
        const char* failedOn;
        bool required;
    };
    const Row rows[] = {
        {"2024-02-28", false},  // before the warning
        {"2024-02-29", true},  {"2024-12-31", true}, {"2025-02-27", true},
        {"2025-02-28", false},  // 2024-02-29 + 12 months clamps to 2025-02-28
        {"2026-01-01", false},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.failedOn);
        EXPECT_EQ(breachReferralRequired(date(r.failedOn), prior, policy), r.required);
    }
    EXPECT_FALSE(breachReferralRequired(date("2024-06-01"), {}, policy));

    policy.warning_window_months.set(date("2024-06-01"), 3);
    EXPECT_TRUE(breachReferralRequired(date("2024-05-31"), prior, policy));
    EXPECT_FALSE(breachReferralRequired(date("2024-06-01"), prior, policy));
}

}  // namespace
}  // namespace sitebook::domain
