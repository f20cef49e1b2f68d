#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "scenario.h"

namespace sitebook::server::reconcile {
namespace {

using domain::EnforcementAction;
using domain::OutcomeCode;
using testing::absent;
using testing::attended;
using testing::date;
using testing::Scenario;

// A person with a bit of everything: two orders, ETE, adjustments, absences, a conflict,
// decisions, missing outcomes and feedback, reviews.
Scenario busyPerson() {
    Scenario s;
    s.today = date("2025-06-30");
    s.addOrder("order-1", "2024-11-04", 60 * 60)
        .adjustments.push_back({"adj-1", 600, "further offence", date("2025-01-10")});
    s.addOrder("order-2", "2025-02-03", 120 * 60);
    for (int i = 0; i < 24; ++i) {
        const std::string id = "a" + std::to_string(100 + i);
        const std::string orderId = i % 3 == 0 ? "order-2" : "order-1";
        const std::string project = i % 5 == 0 ? "ete" : "group";
        const domain::CivilDate day = date("2025-03-03").addDays(i * 4);
        s.addAppointment(id, orderId, day.toString(), project);
        switch (i % 6) {
            case 0:
            case 1:
                s.record(id, attended(OutcomeCode::ATTC, "09:00", "16:00", i % 2 * 15));
                s.recordsPresent(id, true, i % 4 != 0, true);
                break;
            case 2:
                s.record(id, attended(OutcomeCode::AFTC, "10:00", "16:00", 30));
                s.recordsPresent(id, i % 4 != 2, false, false);
                break;
            case 3:
                s.record(id, absent(OutcomeCode::UACP));
                if (i < 10) {
                    s.decide("d" + id, id, orderId, EnforcementAction::WarningIssued,
                             day.addDays(2).toString());
                }
                break;
            case 4:
                s.record(id, attended(OutcomeCode::ATTC, "09:00", "16:00"), "dev-a", {1000, 0});
                s.record(id, attended(OutcomeCode::ATTC, "09:00", "15:00"), "dev-b", {1000, 0});
                break;
            default:
                break;  // no outcome
        }
    }
    s.input.reviews_done.push_back({"order-1", 3});
    return s;
}

TEST(DeterminismTest, ShuffledInputGivesIdenticalOutput) {
    const Scenario base = busyPerson();
    const auto expected = base.run();
    ASSERT_FALSE(expected.items.empty());
    for (unsigned seed = 1; seed <= 20; ++seed) {
        Scenario s = base;
        std::mt19937 rng(seed);
        std::shuffle(s.input.orders.begin(), s.input.orders.end(), rng);
        std::shuffle(s.input.projects.begin(), s.input.projects.end(), rng);
        std::shuffle(s.input.sessions.begin(), s.input.sessions.end(), rng);
        std::shuffle(s.input.appointments.begin(), s.input.appointments.end(), rng);
        std::shuffle(s.input.outcome_versions.begin(), s.input.outcome_versions.end(), rng);
        std::shuffle(s.input.records.begin(), s.input.records.end(), rng);
        std::shuffle(s.input.decisions.begin(), s.input.decisions.end(), rng);
        std::shuffle(s.input.reviews_done.begin(), s.input.reviews_done.end(), rng);
        EXPECT_EQ(s.run(), expected) << "seed " << seed;
    }
}

TEST(DeterminismTest, SameInputTwiceGivesIdenticalOutput) {
    const Scenario s = busyPerson();
    EXPECT_EQ(s.run(), s.run());
}

TEST(DeterminismTest, EveryRuleFiresInTheBusyCase) {
    const auto result = busyPerson().run();
    std::set<RoItemKind> kinds;
    for (const auto& item : result.items)
        kinds.insert(item.kind);
    EXPECT_EQ(kinds, (std::set<RoItemKind>{RoItemKind::EnforcementDue, RoItemKind::FeedbackGap,
                                           RoItemKind::OverdueOutcome, RoItemKind::ReviewDue,
                                           RoItemKind::Conflict}));
    // Item ids are unique.
    std::set<std::string> ids;
    for (const auto& item : result.items)
        EXPECT_TRUE(ids.insert(item.id).second) << item.id;
    // A later UACP on order-1 within a year of a warning requires a referral.
    bool breach = false;
    for (const auto& item : result.items)
        breach = breach || item.breach_referral_required;
    EXPECT_TRUE(breach);
}

}  // namespace
}  // namespace sitebook::server::reconcile
