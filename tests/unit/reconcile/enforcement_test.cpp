#include <gtest/gtest.h>

#include "scenario.h"
#include "sitebook/domain/validation.h"

namespace sitebook::server::reconcile {
namespace {

using domain::EnforcementAction;
using domain::OutcomeCode;
using testing::absent;
using testing::attended;
using testing::date;
using testing::itemsOfKind;
using testing::Scenario;

domain::AppointmentOutcome outcomeFor(OutcomeCode code) {
    if (domain::isAttended(code))
        return attended(code, "09:00", "12:00");
    return absent(code);
}

// --- Which outcomes need an enforcement decision ---------------------------------------------

struct EnforceableCase {
    OutcomeCode code;
    bool expectItem;
};

class EnforceableTest : public ::testing::TestWithParam<EnforceableCase> {};

TEST_P(EnforceableTest, RaisesItemOnlyForEnforceableOutcomes) {
    Scenario s;
    s.addOrder("order", "2025-01-06", 100 * 60);
    s.addAppointment("a1", "order", "2025-03-03");
    s.record("a1", outcomeFor(GetParam().code));
    s.recordsPresent("a1");
    const auto items = itemsOfKind(s.run(), RoItemKind::EnforcementDue);
    EXPECT_EQ(items.size(), GetParam().expectItem ? 1u : 0u);
}

INSTANTIATE_TEST_SUITE_P(Codes, EnforceableTest,
                         ::testing::Values(EnforceableCase{OutcomeCode::ATTC, false},
                                           EnforceableCase{OutcomeCode::AFTC, true},
                                           EnforceableCase{OutcomeCode::ATSH, true},
                                           EnforceableCase{OutcomeCode::ATSS, false},
                                           EnforceableCase{OutcomeCode::UACP, true},
                                           EnforceableCase{OutcomeCode::AAME, false},
                                           EnforceableCase{OutcomeCode::RSOF, false}),
                         [](const auto& testInfo) {
                             return std::string(domain::wireText(testInfo.param.code));
                         });

TEST(EnforcementTest, DecisionOnTheAppointmentClearsTheItem) {
    Scenario s;
    s.addOrder("order", "2025-01-06", 100 * 60);
    s.addAppointment("a1", "order", "2025-03-03");
    s.record("a1", absent(OutcomeCode::UACP));
    s.decide("d1", "a1", "order", EnforcementAction::NoFurtherAction, "2025-03-05");
    EXPECT_TRUE(itemsOfKind(s.run(), RoItemKind::EnforcementDue).empty());
}

TEST(EnforcementTest, ItemCarriesIdentityAndActionableMessage) {
    Scenario s;
    s.addOrder("order", "2025-01-06", 100 * 60);
    s.addAppointment("a1", "order", "2025-03-03");
    s.record("a1", absent(OutcomeCode::UACP));
    const auto items = itemsOfKind(s.run(), RoItemKind::EnforcementDue);
    ASSERT_EQ(items.size(), 1u);
    const RoItem& item = items[0];
    EXPECT_EQ(item.id, "enforcement_due:a1");
    EXPECT_EQ(item.person_id, "person-1");
    EXPECT_EQ(item.order_id, "order");
    EXPECT_EQ(item.appointment_id, "a1");
    EXPECT_EQ(item.created_on, date("2025-03-03"));
    EXPECT_EQ(item.due_on, date("2025-03-10"));
    EXPECT_FALSE(item.breach_referral_required);
    EXPECT_NE(item.message.find("UACP"), std::string::npos) << item.message;
    EXPECT_NE(item.message.find("Project group"), std::string::npos) << item.message;
    EXPECT_NE(item.message.find("by 2025-03-10"), std::string::npos) << item.message;
}

// --- Respond-by date -------------------------------------------------------------------------

struct RespondByCase {
    const char* name;
    const char* appointment;
    const char* expectedDue;
    int customDaysFrom2025;  // 0: defaults only
};

class RespondByTest : public ::testing::TestWithParam<RespondByCase> {};

TEST_P(RespondByTest, DueOnRespondByDate) {
    const RespondByCase& c = GetParam();
    Scenario s;
    if (c.customDaysFrom2025 > 0) {
        s.policy.rules.enforcement_respond_by_days.set(date("2025-01-01"), c.customDaysFrom2025);
    }
    s.addOrder("order", "2023-06-01", 100 * 60);
    s.addAppointment("a1", "order", c.appointment);
    s.record("a1", attended(OutcomeCode::AFTC, "10:00", "16:00", 30));
    s.recordsPresent("a1");
    const auto items = itemsOfKind(s.run(), RoItemKind::EnforcementDue);
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].due_on, date(c.expectedDue));
    EXPECT_EQ(items[0].due_on, domain::respondByDate(date(c.appointment), s.policy.rules));
}

INSTANTIATE_TEST_SUITE_P(
    Dates, RespondByTest,
    ::testing::Values(RespondByCase{"SevenDays", "2025-01-28", "2025-02-04", 0},
                      RespondByCase{"AcrossLeapDay", "2024-02-25", "2024-03-03", 0},
                      RespondByCase{"AcrossYearEnd", "2024-12-28", "2025-01-04", 0},
                      RespondByCase{"PolicyChangedLater", "2024-12-28", "2025-01-04", 10},
                      RespondByCase{"PolicyInForce", "2025-01-02", "2025-01-12", 10}),
    [](const auto& testInfo) { return std::string(testInfo.param.name); });

// --- A failure within 12 months of a warning must be referred (Sch. 10) ----------------------

struct WarningCase {
    const char* name;
    const char* failureDate;
    bool expectBreach;
};

class WarningWindowTest : public ::testing::TestWithParam<WarningCase> {};

// A warning on 2024-03-01 covers failures from that day to 2025-02-28 inclusive.
TEST_P(WarningWindowTest, FlagsBreachReferralInsideWindowOnly) {
    const WarningCase& c = GetParam();
    Scenario s;
    s.today = date("2025-06-30");
    s.addOrder("order", "2023-12-01", 200 * 60);
    s.addAppointment("first", "order", "2024-02-27");
    s.record("first", absent(OutcomeCode::UACP));
    s.decide("warning-1", "first", "order", EnforcementAction::WarningIssued, "2024-03-01");
    s.addAppointment("second", "order", c.failureDate);
    s.record("second", absent(OutcomeCode::UACP));

    const auto items = itemsOfKind(s.run(), RoItemKind::EnforcementDue);
    ASSERT_EQ(items.size(), 1u);
    const RoItem& item = items[0];
    EXPECT_EQ(item.appointment_id, "second");
    EXPECT_EQ(item.breach_referral_required, c.expectBreach);
    const bool mentionsBreach =
        item.message.find("breach referral is required") != std::string::npos;
    EXPECT_EQ(mentionsBreach, c.expectBreach) << item.message;
    if (c.expectBreach) {
        EXPECT_EQ(item.prior_warning_id, "warning-1");
        EXPECT_NE(item.message.find("Sentencing Act 2020 Sch. 10"), std::string::npos);
        EXPECT_NE(item.message.find("2024-03-01"), std::string::npos);
    } else {
        EXPECT_FALSE(item.prior_warning_id.has_value());
    }
}

// The item and the validation that judges the officer's decision (device and server) both
// judge the failure's date. An officer who gets to the item after the warning's anniversary
// must still be refused a second warning, and a failure before the warning must not be
// treated as one after it because the decision comes later.
struct DecidedLaterCase {
    const char* name;
    const char* failureDate;
    const char* decidedOn;
    bool expectBreach;
};

class DecidedLaterTest : public ::testing::TestWithParam<DecidedLaterCase> {};

TEST_P(DecidedLaterTest, ItemAndDecisionValidationAgree) {
    const DecidedLaterCase& c = GetParam();
    const std::string order = "0190a0c0-0000-7000-8000-000000000001";
    const std::string first = "0190a0c0-0000-7000-8000-000000000002";
    const std::string second = "0190a0c0-0000-7000-8000-000000000003";
    const std::string officer = "0190a0c0-0000-7000-8000-000000000004";
    Scenario s;
    s.today = date("2025-06-30");
    s.addOrder(order, "2023-12-01", 200 * 60);
    s.addAppointment(first, order, "2024-02-27");
    s.record(first, absent(OutcomeCode::UACP));
    s.decide("0190a0c0-0000-7000-8000-000000000005", first, order, EnforcementAction::WarningIssued,
             "2024-03-01")
        .decided_by = officer;
    domain::Appointment& failed = s.addAppointment(second, order, c.failureDate);
    s.record(second, absent(OutcomeCode::UACP));

    const auto items = itemsOfKind(s.run(), RoItemKind::EnforcementDue);
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].breach_referral_required, c.expectBreach) << items[0].message;

    domain::EnforcementDecision warning;
    warning.id = "0190a0c0-0000-7000-8000-000000000006";
    warning.appointment_id = second;
    warning.order_id = order;
    warning.action = EnforcementAction::WarningIssued;
    warning.decided_on = date(c.decidedOn);
    warning.decided_by = officer;
    domain::Appointment withOutcome = failed;
    withOutcome.outcome = absent(OutcomeCode::UACP);
    withOutcome.outcome->recorded_by = officer;
    const auto verdict = domain::validateEnforcementDecision(
        warning, withOutcome, date(c.failureDate), s.input.decisions, s.policy.rules);
    EXPECT_EQ(!verdict.ok(), c.expectBreach);
    if (!verdict.ok()) {
        EXPECT_EQ(verdict.error().field, "action");
    }
}

INSTANTIATE_TEST_SUITE_P(
    AroundTheAnniversary, DecidedLaterTest,
    ::testing::Values(
        DecidedLaterCase{"FailedDayBeforeAnniversaryDecidedAfter", "2025-02-28", "2025-03-06",
                         true},
        DecidedLaterCase{"FailedOnAnniversary", "2025-03-01", "2025-03-06", false},
        DecidedLaterCase{"FailedDayAfterAnniversary", "2025-03-02", "2025-03-06", false},
        DecidedLaterCase{"FailedBeforeWarningDecidedAfterIt", "2024-02-28", "2024-03-04", false}),
    [](const auto& testInfo) { return std::string(testInfo.param.name); });

TEST(EnforcementTest, AbsenceJudgedAcceptableIsReclassifiedAndClosesTheItem) {
    Scenario s;
    s.addOrder("order", "2025-01-06", 100 * 60);
    s.addAppointment("a1", "order", "2025-03-03");
    s.record("a1", absent(OutcomeCode::UACP));
    s.decide("d1", "a1", "order", EnforcementAction::AbsenceAcceptable, "2025-03-05")
        .reclassified_as = domain::Outcome(OutcomeCode::AAME);
    const auto result = s.run();
    EXPECT_TRUE(itemsOfKind(result, RoItemKind::EnforcementDue).empty());
    ASSERT_EQ(result.outcomes.size(), 1u);
    EXPECT_EQ(result.outcomes[0].winningVersion().outcome.code.code(), OutcomeCode::AAME);
    const AppointmentCredit* credit = testing::creditFor(result, "a1");
    ASSERT_NE(credit, nullptr);
    EXPECT_EQ(credit->credited_minutes, 0);
    EXPECT_EQ(credit->limited_by, CreditLimit::NotAttended);
}

INSTANTIATE_TEST_SUITE_P(Boundaries, WarningWindowTest,
                         ::testing::Values(WarningCase{"DayBeforeWarning", "2024-02-29", false},
                                           WarningCase{"SameDayAsWarning", "2024-03-01", true},
                                           WarningCase{"MidWindow", "2024-09-15", true},
                                           WarningCase{"LastDayOfWindow", "2025-02-28", true},
                                           WarningCase{"FirstDayAfterWindow", "2025-03-01", false},
                                           WarningCase{"LongAfter", "2025-06-01", false}),
                         [](const auto& testInfo) { return std::string(testInfo.param.name); });

TEST(WarningWindowTest, OnlyWarningsCountNotOtherDecisions) {
    Scenario s;
    s.addOrder("order", "2024-12-01", 200 * 60);
    s.addAppointment("first", "order", "2025-01-06");
    s.record("first", absent(OutcomeCode::UACP));
    s.decide("nfa", "first", "order", EnforcementAction::NoFurtherAction, "2025-01-08");
    s.addAppointment("second", "order", "2025-02-03");
    s.record("second", absent(OutcomeCode::UACP));
    const auto items = itemsOfKind(s.run(), RoItemKind::EnforcementDue);
    ASSERT_EQ(items.size(), 1u);
    EXPECT_FALSE(items[0].breach_referral_required);
}

TEST(WarningWindowTest, WarningOnAnotherOrderDoesNotCount) {
    Scenario s;
    s.addOrder("old", "2024-06-01", 100 * 60);
    s.addOrder("new", "2024-12-01", 100 * 60);
    s.addAppointment("first", "old", "2025-01-06");
    s.record("first", absent(OutcomeCode::UACP));
    s.decide("warning", "first", "old", EnforcementAction::WarningIssued, "2025-01-08");
    s.addAppointment("second", "new", "2025-02-03");
    s.record("second", absent(OutcomeCode::UACP));
    const auto items = itemsOfKind(s.run(), RoItemKind::EnforcementDue);
    ASSERT_EQ(items.size(), 1u);
    EXPECT_FALSE(items[0].breach_referral_required);
}

TEST(WarningWindowTest, WindowLengthComesFromPolicy) {
    Scenario s;
    s.policy.rules.warning_window_months = domain::PolicyValue<int>(6);
    s.addOrder("order", "2024-01-01", 200 * 60);
    s.addAppointment("first", "order", "2024-02-26");
    s.record("first", absent(OutcomeCode::UACP));
    s.decide("warning", "first", "order", EnforcementAction::WarningIssued, "2024-03-01");
    s.addAppointment("inside", "order", "2024-08-31");
    s.record("inside", absent(OutcomeCode::UACP));
    s.addAppointment("outside", "order", "2024-09-01");
    s.record("outside", absent(OutcomeCode::UACP));
    const auto result = s.run();
    for (const auto& item : itemsOfKind(result, RoItemKind::EnforcementDue)) {
        EXPECT_EQ(item.breach_referral_required, item.appointment_id == "inside")
            << item.appointment_id;
    }
}

}  // namespace
}  // namespace sitebook::server::reconcile
