#include <gtest/gtest.h>

#include <algorithm>

#include "scenario.h"
#include "sitebook/domain/policy.h"

namespace sitebook::server::reconcile {
namespace {

using domain::OutcomeCode;
using testing::absent;
using testing::attended;
using testing::date;
using testing::itemsOfKind;
using testing::Scenario;

// --- Feedback gap: attended without work undertaken, or without skills and feedback ----------

struct GapCase {
    const char* name;
    bool hasEntry;  // false: no records at all for the appointment
    bool work, skills, feedback;
    OutcomeCode code;
    bool expectGap;
    const char* expectedMissing;  // text in the message
};

class FeedbackGapTest : public ::testing::TestWithParam<GapCase> {};

TEST_P(FeedbackGapTest, FlagsMissingSupervisorRecords) {
    const GapCase& c = GetParam();
    Scenario s;
    s.addOrder("order", "2025-01-06", 100 * 60);
    s.addAppointment("a1", "order", "2025-03-03");
    if (domain::isAttended(c.code)) {
        s.record("a1", attended(c.code, "09:00", "16:00"));
    } else {
        s.record("a1", absent(c.code));
    }
    if (c.hasEntry)
        s.recordsPresent("a1", c.work, c.skills, c.feedback);
    const auto items = itemsOfKind(s.run(), RoItemKind::FeedbackGap);
    ASSERT_EQ(items.size(), c.expectGap ? 1u : 0u);
    if (c.expectGap) {
        EXPECT_EQ(items[0].id, "feedback_gap:a1");
        EXPECT_EQ(items[0].created_on, date("2025-03-03"));
        EXPECT_EQ(items[0].due_on, date("2025-03-06"));
        EXPECT_NE(items[0].message.find(std::string("No ") + c.expectedMissing + " recorded"),
                  std::string::npos)
            << items[0].message;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Variants, FeedbackGapTest,
    ::testing::Values(
        GapCase{"Complete", true, true, true, true, OutcomeCode::ATTC, false, ""},
        GapCase{"SkillsWithoutFeedbackIsEnough", true, true, true, false, OutcomeCode::ATTC, false,
                ""},
        GapCase{"FeedbackWithoutSkillsIsEnough", true, true, false, true, OutcomeCode::ATTC, false,
                ""},
        GapCase{"WorkOnly", true, true, false, false, OutcomeCode::ATTC, true,
                "skills or feedback"},
        GapCase{"NoWork", true, false, true, true, OutcomeCode::ATTC, true, "work undertaken"},
        GapCase{"NoWorkSkillsOnly", true, false, true, false, OutcomeCode::ATTC, true,
                "work undertaken"},
        GapCase{"NothingRecorded", false, false, false, false, OutcomeCode::ATTC, true,
                "work undertaken, skills or feedback"},
        GapCase{"AftcAlsoNeedsFeedback", true, false, false, false, OutcomeCode::AFTC, true,
                "work undertaken, skills or feedback"},
        GapCase{"AtshAlsoNeedsFeedback", true, true, false, false, OutcomeCode::ATSH, true,
                "skills or feedback"},
        GapCase{"AbsenceNeedsNoFeedback", false, false, false, false, OutcomeCode::UACP, false, ""},
        GapCase{"AcceptableAbsenceNeedsNoFeedback", false, false, false, false, OutcomeCode::AAME,
                false, ""}),
    [](const auto& testInfo) { return std::string(testInfo.param.name); });

TEST(FeedbackGapTest, RecordsPresentSummarisesFullRecords) {
    std::vector<domain::WorkUndertaken> work{{"w1", "a2", {}, "", {}, ""}};
    std::vector<domain::SkillObservation> skills{{"s1", "a1", {}, {}, ""},
                                                 {"s2", "a1", {}, {}, ""}};
    std::vector<domain::Feedback> feedback{{"f1", "a2", "", "", "", "", "", false, ""}};
    const auto present = recordsPresent(work, skills, feedback);
    ASSERT_EQ(present.size(), 2u);
    EXPECT_EQ(present[0], (RecordsPresent{"a1", false, true, false}));
    EXPECT_EQ(present[1], (RecordsPresent{"a2", true, false, true}));
}

// --- Overdue outcome after N days ------------------------------------------------------------

struct OverdueCase {
    const char* name;
    const char* today;
    int afterDays;  // policy
    bool recorded;
    bool expectItem;
};

class OverdueTest : public ::testing::TestWithParam<OverdueCase> {};

TEST_P(OverdueTest, RaisesOnlyFromTheOverdueDate) {
    const OverdueCase& c = GetParam();
    Scenario s;
    s.today = date(c.today);
    s.policy.rules.overdue_outcome_after_days = domain::PolicyValue<int>(c.afterDays);
    s.addOrder("order", "2025-01-06", 100 * 60);
    s.addAppointment("a1", "order", "2025-03-10");
    if (c.recorded)
        s.record("a1", absent(OutcomeCode::AAME));
    const auto items = itemsOfKind(s.run(), RoItemKind::OverdueOutcome);
    ASSERT_EQ(items.size(), c.expectItem ? 1u : 0u);
    if (c.expectItem) {
        const domain::CivilDate from = date("2025-03-10").addDays(c.afterDays);
        EXPECT_EQ(items[0].id, "overdue_outcome:a1");
        EXPECT_EQ(items[0].created_on, from);
        EXPECT_EQ(items[0].due_on, from);
        EXPECT_NE(items[0].message.find("No outcome recorded"), std::string::npos);
        EXPECT_NE(items[0].message.find("09:00–16:00"), std::string::npos);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Boundaries, OverdueTest,
    ::testing::Values(OverdueCase{"SameDay", "2025-03-10", 2, false, false},
                      OverdueCase{"OneDayLater", "2025-03-11", 2, false, false},
                      OverdueCase{"ExactlyNDays", "2025-03-12", 2, false, true},
                      OverdueCase{"AfterNDays", "2025-03-20", 2, false, true},
                      OverdueCase{"RecordedIsNeverOverdue", "2025-03-20", 2, true, false},
                      OverdueCase{"PolicyFiveDaysNotYet", "2025-03-14", 5, false, false},
                      OverdueCase{"PolicyFiveDaysDue", "2025-03-15", 5, false, true},
                      OverdueCase{"ZeroDaysStillNeedsPastSession", "2025-03-10", 0, false, false},
                      OverdueCase{"ZeroDaysNextDay", "2025-03-11", 0, false, true},
                      OverdueCase{"FutureSession", "2025-03-01", 2, false, false}),
    [](const auto& testInfo) { return std::string(testInfo.param.name); });

// --- Progress reviews at 3, 6 and 9 months ---------------------------------------------------

struct ReviewCase {
    const char* name;
    const char* today;
    std::vector<int> done;
    std::vector<int> expectedMonths;
};

class ReviewDueTest : public ::testing::TestWithParam<ReviewCase> {};

// Sentenced 2025-01-31: reviews on 2025-04-30, 2025-07-31 and 2025-10-31, each showing from
// 14 days before.
TEST_P(ReviewDueTest, RaisesReviewsReachedAndNotDone) {
    const ReviewCase& c = GetParam();
    Scenario s;
    s.today = date(c.today);
    const domain::Order& order = s.addOrder("order", "2025-01-31", 100 * 60);
    for (int m : c.done)
        s.input.reviews_done.push_back({"order", m});
    const auto items = itemsOfKind(s.run(), RoItemKind::ReviewDue);
    std::vector<int> months;
    for (const auto& item : items) {
        const int m = std::stoi(item.id.substr(item.id.rfind(':') + 1));
        months.push_back(m);
        EXPECT_EQ(item.id, "review_due:order:" + std::to_string(m) + "m");
        EXPECT_EQ(item.due_on, date("2025-01-31").addMonths(m));
        EXPECT_EQ(item.created_on, item.due_on.addDays(-14));
        EXPECT_TRUE(item.appointment_id.empty());
        EXPECT_NE(item.message.find(std::to_string(m) + "-month progress review due on " +
                                    item.due_on.toString()),
                  std::string::npos)
            << item.message;
    }
    std::sort(months.begin(), months.end());
    EXPECT_EQ(months, c.expectedMonths);
    // The review dates are the domain's.
    const auto dates = domain::reviewDates(order, s.policy.rules);
    ASSERT_EQ(dates.size(), 3u);
    EXPECT_EQ(dates[0], date("2025-04-30"));
    EXPECT_EQ(dates[1], date("2025-07-31"));
}

INSTANTIATE_TEST_SUITE_P(Points, ReviewDueTest,
                         ::testing::Values(ReviewCase{"BeforeNotice", "2025-04-15", {}, {}},
                                           ReviewCase{"FirstNoticeDay", "2025-04-16", {}, {3}},
                                           ReviewCase{"OnReviewDate", "2025-04-30", {}, {3}},
                                           ReviewCase{"OverdueReviewStays", "2025-06-01", {}, {3}},
                                           ReviewCase{"TwoReached", "2025-08-01", {}, {3, 6}},
                                           ReviewCase{"DoneReviewsDropOut", "2025-08-01", {3}, {6}},
                                           ReviewCase{"AllReached", "2025-10-17", {3}, {6, 9}},
                                           ReviewCase{"AllDone", "2026-01-01", {3, 6, 9}, {}}),
                         [](const auto& testInfo) { return std::string(testInfo.param.name); });

TEST(ReviewDueTest, CompletedOrderNeedsNoReview) {
    Scenario s;
    s.today = date("2025-05-01");
    s.addOrder("order", "2025-01-31", 40 * 60);
    for (int day = 1; day <= 6; ++day) {
        s.addAttended("a" + std::to_string(day), "order", "2025-02-0" + std::to_string(day));
    }
    EXPECT_TRUE(itemsOfKind(s.run(), RoItemKind::ReviewDue).empty());
}

TEST(ReviewDueTest, PointsAndNoticeComeFromPolicy) {
    Scenario s;
    s.today = date("2025-03-01");
    s.policy.rules.review_points_months = domain::PolicyValue<std::vector<int>>({1, 2});
    s.policy.review_notice_days = domain::PolicyValue<int>(0);
    s.addOrder("order", "2025-01-01", 100 * 60);
    const auto items = itemsOfKind(s.run(), RoItemKind::ReviewDue);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].due_on, date("2025-02-01"));
    EXPECT_EQ(items[1].due_on, date("2025-03-01"));
    EXPECT_EQ(items[1].created_on, date("2025-03-01"));
}

TEST(ReviewDueTest, MessageReportsProgressAndProjection) {
    Scenario s;
    s.today = date("2025-04-20");
    s.addOrder("order", "2025-01-31", 6000);
    s.addAttended("a1", "order", "2025-02-03");
    const auto items = itemsOfKind(s.run(), RoItemKind::ReviewDue);
    ASSERT_EQ(items.size(), 1u);
    EXPECT_NE(items[0].message.find("7 h of 100 h credited (7%)"), std::string::npos)
        << items[0].message;
    EXPECT_NE(items[0].message.find("At the current pace"), std::string::npos);
}

// --- The inbox as a whole --------------------------------------------------------------------

TEST(InboxTest, SortedByDueDateThenKindThenId) {
    Scenario s;
    s.today = date("2025-05-01");
    s.addOrder("order", "2025-01-31", 100 * 60);
    s.addAppointment("missing", "order", "2025-04-20");
    s.addAppointment("uacp", "order", "2025-04-22");
    s.record("uacp", absent(OutcomeCode::UACP));
    s.addAppointment("nofeedback", "order", "2025-04-25");
    s.record("nofeedback", attended(OutcomeCode::ATTC, "09:00", "16:00"));
    const auto result = s.run();
    ASSERT_EQ(result.items.size(), 4u);
    EXPECT_TRUE(std::is_sorted(result.items.begin(), result.items.end(), inboxOrder));
    EXPECT_EQ(result.items[0].id, "overdue_outcome:missing");  // due 04-22
    EXPECT_EQ(result.items[1].id, "feedback_gap:nofeedback");  // due 04-28
    EXPECT_EQ(result.items[2].id, "enforcement_due:uacp");     // due 04-29
    EXPECT_EQ(result.items[3].id, "review_due:order:3m");      // due 04-30
    for (const auto& item : result.items)
        EXPECT_EQ(item.person_id, "person-1");
}

TEST(InboxTest, KindTextsAreStable) {
    EXPECT_EQ(itemKindText(RoItemKind::EnforcementDue), "enforcement_due");
    EXPECT_EQ(itemKindText(RoItemKind::FeedbackGap), "feedback_gap");
    EXPECT_EQ(itemKindText(RoItemKind::OverdueOutcome), "overdue_outcome");
    EXPECT_EQ(itemKindText(RoItemKind::ReviewDue), "review_due");
    EXPECT_EQ(itemKindText(RoItemKind::Conflict), "conflict");
}

// --- Input that does not hang together -------------------------------------------------------

struct BadInputCase {
    const char* name;
    void (*breakIt)(ReconcileInput&);
    const char* expectedField;
};

class BadInputTest : public ::testing::TestWithParam<BadInputCase> {};

TEST_P(BadInputTest, RefusedNamingTheField) {
    Scenario s;
    s.addOrder("order", "2025-01-06", 100 * 60);
    s.addAttended("a1", "order", "2025-03-03");
    GetParam().breakIt(s.input);
    auto result = reconcilePerson(s.input, s.policy, s.today);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.code(), ErrorCode::InvalidArgument);
    EXPECT_EQ(result.error().field, GetParam().expectedField);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadInputTest,
    ::testing::Values(
        BadInputCase{"UnknownSession",
                     [](ReconcileInput& in) { in.appointments[0].session_id = "nope"; },
                     "appointments[0].session_id"},
        BadInputCase{"UnknownOrder",
                     [](ReconcileInput& in) { in.appointments[0].order_id = "nope"; },
                     "appointments[0].order_id"},
        BadInputCase{"OtherPersonsAppointment",
                     [](ReconcileInput& in) { in.appointments[0].person_id = "other"; },
                     "appointments[0].person_id"},
        BadInputCase{"OtherPersonsOrder",
                     [](ReconcileInput& in) { in.orders[0].person_id = "other"; },
                     "orders[0].person_id"},
        BadInputCase{"VersionForUnknownAppointment",
                     [](ReconcileInput& in) { in.outcome_versions[0].appointment_id = "nope"; },
                     "outcome_versions[0].appointment_id"},
        BadInputCase{"RepeatedOrderId",
                     [](ReconcileInput& in) { in.orders.push_back(in.orders[0]); },
                     "orders[1].id"}),
    [](const auto& testInfo) { return std::string(testInfo.param.name); });

// --- Supervisor alerts ------------------------------------------------------------------

TEST(SupervisorAlertTest, AnAlertIsAnItemWithItsReasonUntilAcknowledged) {
    Scenario s;
    s.today = date("2025-03-04");
    s.addOrder("order", "2025-01-06", 100 * 60);
    s.addAttended("a1", "order", "2025-03-03");
    s.input.alerts.push_back({"feedback-1", "a1", "Says he is sleeping in his car"});
    s.input.alerts.push_back({"feedback-2", "a1", "Second alert"});

    auto items = itemsOfKind(s.run(), RoItemKind::SupervisorAlert);
    ASSERT_EQ(items.size(), 2u);
    const RoItem& item = items[0];
    EXPECT_EQ(item.id, "supervisor_alert:feedback-1");
    EXPECT_EQ(item.appointment_id, "a1");
    EXPECT_EQ(item.order_id, "order");
    EXPECT_EQ(item.feedback_id, "feedback-1");
    EXPECT_EQ(item.reason, "Says he is sleeping in his car");
    EXPECT_EQ(item.created_on, date("2025-03-03"));
    EXPECT_EQ(item.due_on, date("2025-03-05"));  // 2 days by default
    EXPECT_EQ(item.message.find("sleeping"), std::string::npos) << "the reason stays out of the "
                                                                   "message";
    EXPECT_NE(item.message.find("Project group on 2025-03-03"), std::string::npos);

    s.input.acknowledged_alerts.push_back("feedback-1");
    items = itemsOfKind(s.run(), RoItemKind::SupervisorAlert);
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].feedback_id, "feedback-2");
}

TEST(SupervisorAlertTest, RespondByDaysComeFromPolicy) {
    Scenario s;
    s.policy.alert_respond_by_days = domain::PolicyValue<int>(1);
    s.addOrder("order", "2025-01-06", 100 * 60);
    s.addAttended("a1", "order", "2025-03-03");
    s.input.alerts.push_back({"feedback-1", "a1", "reason"});
    const auto items = itemsOfKind(s.run(), RoItemKind::SupervisorAlert);
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].due_on, date("2025-03-04"));
}

}  // namespace
}  // namespace sitebook::server::reconcile
