#include <gtest/gtest.h>

#include <algorithm>

#include "scenario.h"

namespace sitebook::server::reconcile {
namespace {

using domain::OutcomeCode;
using testing::absent;
using testing::attended;
using testing::creditFor;
using testing::date;
using testing::itemsOfKind;
using testing::Scenario;

struct Version {
    const char* device;
    std::int64_t hlcMillis;
    std::uint32_t hlcCounter;
    domain::AppointmentOutcome outcome;
};

domain::AppointmentOutcome attc() {
    return attended(OutcomeCode::ATTC, "09:00", "16:00");
}
domain::AppointmentOutcome aftcLate() {
    return attended(OutcomeCode::AFTC, "10:00", "16:00", 30);
}

struct ConflictCase {
    const char* name;
    std::vector<Version> versions;
    bool expectConflict;
    std::size_t expectedDistinctVersions;
    const char* expectedWinnerDevice;
    int expectedCredit;
};

class ConflictTest : public ::testing::TestWithParam<ConflictCase> {};

// Every permutation of the versions gives the same winner, versions and items.
TEST_P(ConflictTest, DeterministicWinnerAndItemInAnyInputOrder) {
    const ConflictCase& c = GetParam();
    std::vector<std::size_t> order(c.versions.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::optional<PersonReconciliation> first;
    do {
        Scenario s;
        s.today = date("2025-03-20");
        s.addOrder("order", "2025-01-06", 100 * 60);
        s.addAppointment("a1", "order", "2025-03-03");
        s.recordsPresent("a1");
        for (std::size_t i : order) {
            const Version& v = c.versions[i];
            s.record("a1", v.outcome, v.device, HlcTimestamp{v.hlcMillis, v.hlcCounter});
        }
        const auto result = s.run();
        ASSERT_EQ(result.outcomes.size(), 1u);
        const ResolvedOutcome& resolved = result.outcomes[0];
        EXPECT_EQ(resolved.conflicting, c.expectConflict);
        EXPECT_EQ(resolved.versions.size(), c.expectedDistinctVersions);
        EXPECT_EQ(resolved.winningVersion().device_id, c.expectedWinnerDevice);
        EXPECT_EQ(creditFor(result, "a1")->credited_minutes, c.expectedCredit);
        const auto conflicts = itemsOfKind(result, RoItemKind::Conflict);
        ASSERT_EQ(conflicts.size(), c.expectConflict ? 1u : 0u);
        if (c.expectConflict) {
            EXPECT_EQ(conflicts[0].id, "conflict:a1");
            EXPECT_EQ(conflicts[0].appointment_id, "a1");
            EXPECT_NE(conflicts[0].message.find("ATTC 09:00–16:00"), std::string::npos)
                << conflicts[0].message;
        }
        if (!first) {
            first = result;
        } else {
            EXPECT_EQ(result, *first);
        }
    } while (std::next_permutation(order.begin(), order.end()));
}

domain::AppointmentOutcome sameButRecordedByOther() {
    auto o = attc();
    o.recorded_by = "supervisor-2";
    o.recorded_at += 60'000;
    return o;
}

INSTANTIATE_TEST_SUITE_P(
    Versions, ConflictTest,
    ::testing::Values(
        ConflictCase{"LatestHlcWins",
                     {{"dev-a", 1000, 0, attc()}, {"dev-b", 2000, 0, aftcLate()}},
                     true,
                     2,
                     "dev-b",
                     330},
        ConflictCase{"LatestHlcWinsWhateverTheDeviceId",
                     {{"dev-z", 1000, 0, aftcLate()}, {"dev-a", 2000, 0, attc()}},
                     true,
                     2,
                     "dev-a",
                     420},
        ConflictCase{"CounterBreaksEqualMillis",
                     {{"dev-b", 1000, 1, attc()}, {"dev-a", 1000, 2, aftcLate()}},
                     true,
                     2,
                     "dev-a",
                     330},
        ConflictCase{"EqualHlcGreaterDeviceIdWins",
                     {{"dev-a", 1000, 0, aftcLate()}, {"dev-b", 1000, 0, attc()}},
                     true,
                     2,
                     "dev-b",
                     420},
        ConflictCase{"ThreeDevices",
                     {{"dev-a", 1000, 0, attc()},
                      {"dev-b", 3000, 0, absent(OutcomeCode::UACP)},
                      {"dev-c", 2000, 0, aftcLate()}},
                     true,
                     3,
                     "dev-b",
                     0},
        ConflictCase{"IdenticalSubstanceIsNoConflict",
                     {{"dev-a", 1000, 0, attc()}, {"dev-b", 2000, 0, sameButRecordedByOther()}},
                     false,
                     2,
                     "dev-b",
                     420},
        ConflictCase{"RetriedUploadKeptOnce",
                     {{"dev-a", 1000, 0, attc()}, {"dev-a", 1000, 0, attc()}},
                     false,
                     1,
                     "dev-a",
                     420},
        ConflictCase{"PenaltyDifferenceIsAConflict",
                     {{"dev-a", 1000, 0, attended(OutcomeCode::ATTC, "09:00", "16:00", 0)},
                      {"dev-b", 2000, 0, attended(OutcomeCode::ATTC, "09:00", "16:00", 15)}},
                     true,
                     2,
                     "dev-b",
                     405}),
    [](const auto& testInfo) { return std::string(testInfo.param.name); });

TEST(ConflictTest, BothVersionsKeptOldestFirst) {
    Scenario s;
    s.addOrder("order", "2025-01-06", 100 * 60);
    s.addAppointment("a1", "order", "2025-03-03");
    s.record("a1", aftcLate(), "dev-b", {2000, 0});
    s.record("a1", attc(), "dev-a", {1000, 0});
    const auto result = s.run();
    const ResolvedOutcome& r = result.outcomes.at(0);
    ASSERT_EQ(r.versions.size(), 2u);
    EXPECT_EQ(r.versions[0].device_id, "dev-a");
    EXPECT_EQ(r.versions[0].outcome, attc());
    EXPECT_EQ(r.versions[1].device_id, "dev-b");
    EXPECT_EQ(r.winner, 1u);
}

TEST(ConflictTest, TheItemListsEveryVersionSoTheOfficerCanConfirmOne) {
    Scenario s;
    s.addOrder("order", "2025-01-06", 100 * 60);
    s.addAppointment("a1", "order", "2025-03-03");
    s.recordsPresent("a1");
    s.record("a1", aftcLate(), "dev-b", {2000, 0});
    s.record("a1", attc(), "dev-a", {1000, 0});
    const auto conflicts = itemsOfKind(s.run(), RoItemKind::Conflict);
    ASSERT_EQ(conflicts.size(), 1u);
    ASSERT_EQ(conflicts[0].versions.size(), 2u);
    EXPECT_EQ(conflicts[0].versions[0].device_id, "dev-a");
    EXPECT_EQ(conflicts[0].versions[0].outcome, attc());
    EXPECT_EQ(conflicts[0].versions[1].device_id, "dev-b");
    EXPECT_EQ(conflicts[0].versions[1].outcome, aftcLate());
}

TEST(ConflictTest, ItemDatesFollowTheLaterVersion) {
    Scenario s;
    s.addOrder("order", "2025-01-06", 100 * 60);
    s.addAppointment("a1", "order", "2025-03-03");
    s.recordsPresent("a1");
    const UnixMillis march5 = date("2025-03-05").dayNumber() * 86'400'000 + 3'600'000;
    s.record("a1", attc(), "dev-a", {march5 - 86'400'000, 0});
    s.record("a1", aftcLate(), "dev-b", {march5, 0});
    const auto conflicts = itemsOfKind(s.run(), RoItemKind::Conflict);
    ASSERT_EQ(conflicts.size(), 1u);
    EXPECT_EQ(conflicts[0].created_on, date("2025-03-05"));
    EXPECT_EQ(conflicts[0].due_on, date("2025-03-12"));
}

TEST(ConflictTest, WinnerDrivesTheOtherRules) {
    Scenario s;
    s.addOrder("order", "2025-01-06", 100 * 60);
    s.addAppointment("a1", "order", "2025-03-03");
    s.recordsPresent("a1");
    s.record("a1", attc(), "dev-a", {1000, 0});
    s.record("a1", aftcLate(), "dev-b", {2000, 0});
    const auto result = s.run();
    EXPECT_EQ(itemsOfKind(result, RoItemKind::EnforcementDue).size(), 1u);
    EXPECT_EQ(itemsOfKind(result, RoItemKind::Conflict).size(), 1u);
}

// --- The RO's confirmation -------------------------------------------------------------------

struct ResolutionCase {
    const char* name;
    bool laterVersion;  // a third version recorded after the confirmation
    bool laterVersionSameAsChosen;
    bool expectItem;
    const char* expectedWinner;
};

class ConflictResolutionTest : public ::testing::TestWithParam<ResolutionCase> {};

TEST_P(ConflictResolutionTest, ConfirmationHoldsUntilSomethingDifferentArrives) {
    const ResolutionCase& c = GetParam();
    Scenario s;
    s.addOrder("order", "2025-01-06", 100 * 60);
    s.addAppointment("a1", "order", "2025-03-03");
    s.recordsPresent("a1");
    s.record("a1", attc(), "dev-a", {1000, 0});
    s.record("a1", aftcLate(), "dev-b", {2000, 0});
    s.input.conflict_resolutions.push_back({"a1", "dev-a", {1000, 0}, {3000, 0}});
    if (c.laterVersion) {
        s.record("a1", c.laterVersionSameAsChosen ? attc() : absent(OutcomeCode::UACP), "dev-c",
                 {4000, 0});
    }
    const auto result = s.run();
    EXPECT_EQ(itemsOfKind(result, RoItemKind::Conflict).size(), c.expectItem ? 1u : 0u);
    EXPECT_EQ(result.outcomes.at(0).winningVersion().device_id, c.expectedWinner);
    EXPECT_EQ(result.outcomes.at(0).resolved_by_officer, !c.expectItem);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ConflictResolutionTest,
    ::testing::Values(ResolutionCase{"ChosenVersionWins", false, false, false, "dev-a"},
                      ResolutionCase{"LaterAgreeingVersionKeepsIt", true, true, false, "dev-a"},
                      ResolutionCase{"LaterDifferentVersionReopens", true, false, true, "dev-c"}),
    [](const auto& testInfo) { return std::string(testInfo.param.name); });

TEST(ConflictTest, SubstanceKeyIgnoresWhoAndWhen) {
    EXPECT_EQ(substanceKey(attc()), substanceKey(sameButRecordedByOther()));
    EXPECT_EQ(substanceKey(attc()), "ATTC|09:00|16:00|0|GOOD|GOOD");
    EXPECT_EQ(substanceKey(absent(OutcomeCode::UACP)), "UACP|-|-|0|-|-");
    EXPECT_TRUE(sameSubstance(attc(), sameButRecordedByOther()));
    EXPECT_FALSE(sameSubstance(attc(), aftcLate()));
}

}  // namespace
}  // namespace sitebook::server::reconcile
