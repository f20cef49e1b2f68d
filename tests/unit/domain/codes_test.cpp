#include <gtest/gtest.h>

#include <set>

#include "sitebook/domain/codes.h"

namespace sitebook::domain {
namespace {

// Every value has a unique, non-empty wire text that parses back, and a label.
template <typename E>
void expectWireTextsRoundTrip(std::size_t expectedCount) {
    std::set<std::string_view> seen;
    ASSERT_EQ(allValues<E>().size(), expectedCount);
    for (E v : allValues<E>()) {
        const std::string_view wire = wireText(v);
        SCOPED_TRACE(std::string(wire));
        EXPECT_FALSE(wire.empty());
        EXPECT_TRUE(seen.insert(wire).second) << "duplicate wire text";
        EXPECT_EQ(parseEnum<E>(wire), v);
        EXPECT_FALSE(label(v).empty());
        EXPECT_TRUE(isKnown(v));
    }
    EXPECT_FALSE(parseEnum<E>(""));
    EXPECT_FALSE(parseEnum<E>("no such value"));
    EXPECT_FALSE(isKnown(static_cast<E>(99)));
    EXPECT_EQ(wireText(static_cast<E>(99)), "");
}

TEST(CodesTest, EveryEnumRoundTripsItsWireText) {
    expectWireTextsRoundTrip<OutcomeCode>(12);
    expectWireTextsRoundTrip<Rating>(6);
    expectWireTextsRoundTrip<ProjectType>(4);
    expectWireTextsRoundTrip<WorkCategory>(8);
    expectWireTextsRoundTrip<Skill>(9);
    expectWireTextsRoundTrip<SkillLevel>(4);
    expectWireTextsRoundTrip<EnforcementAction>(4);
    expectWireTextsRoundTrip<Role>(4);
}

TEST(CodesTest, WireTextsAreTheDocumentedStableValues) {
    EXPECT_EQ(wireText(OutcomeCode::ATSS), "ATSS");
    EXPECT_EQ(wireText(Rating::NotApplicable), "NOT_APPLICABLE");
    EXPECT_EQ(wireText(ProjectType::Individual), "INDIVIDUAL");
    EXPECT_EQ(wireText(WorkCategory::LitterCleanUp), "litter_clean_up");
    EXPECT_EQ(wireText(WorkCategory::CharityShopRetail), "charity_shop_retail");
    EXPECT_EQ(wireText(Skill::HealthAndSafety), "health_and_safety");
    EXPECT_EQ(wireText(SkillLevel::CouldTeachOthers), "could_teach_others");
    EXPECT_EQ(wireText(EnforcementAction::ReferForBreach), "refer_for_breach");
    EXPECT_EQ(wireText(EnforcementAction::AbsenceAcceptable), "absence_acceptable");
    EXPECT_EQ(wireText(Role::Officer), "officer");
    EXPECT_EQ(label(OutcomeCode::ATTC), "Attended – Complied");
    EXPECT_EQ(label(Skill::FollowingInstructions), "Following instructions");
    EXPECT_EQ(label(SkillLevel::CouldTeachOthers), "Could teach others");
}

TEST(CodesTest, ParsingIsExactAndCaseSensitive) {
    EXPECT_EQ(parseEnum<Rating>("GOOD"), Rating::Good);
    EXPECT_FALSE(parseEnum<Rating>("good"));
    EXPECT_FALSE(parseEnum<Rating>("GOOD "));
    EXPECT_FALSE(parseEnum<OutcomeCode>("attc"));
    EXPECT_FALSE(parseEnum<OutcomeCode>("Unknown"));
}

TEST(CodesTest, OutcomeClassificationFollowsNDelius) {
    struct Row {
        OutcomeCode code;
        bool attended, enforceable, acceptable, rescheduled, supervisor;
    };
    using C = OutcomeCode;
    const Row rows[] = {
        {C::ATTC, true, false, false, false, true},
        {C::AFTC, true, true, false, false, true},
        {C::ATSH, true, true, false, false, true},
        {C::ATSS, true, false, false, false, true},
        {C::UACP, false, true, false, false, true},
        {C::AASD, false, false, true, false, false},
        {C::AAME, false, false, true, false, false},
        {C::AAEM, false, false, true, false, false},
        {C::AAFC, false, false, true, false, false},
        {C::AACL, false, false, true, false, false},
        {C::RSSR, false, false, false, true, false},
        {C::RSOF, false, false, false, true, false},
        {C::Unknown, false, false, false, false, false},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(std::string(wireText(r.code)));
        EXPECT_EQ(isAttended(r.code), r.attended);
        EXPECT_EQ(isEnforceable(r.code), r.enforceable);
        EXPECT_EQ(isAcceptableAbsence(r.code), r.acceptable);
        EXPECT_EQ(isRescheduled(r.code), r.rescheduled);
        EXPECT_EQ(supervisorMayChoose(r.code), r.supervisor);
        EXPECT_EQ(mayRecordOutcome(Role::Supervisor, r.code), r.supervisor);
        EXPECT_EQ(mayRecordOutcome(Role::Admin, r.code), r.code != C::Unknown);
        EXPECT_EQ(mayRecordOutcome(Role::Officer, r.code), r.code != C::Unknown);
        EXPECT_FALSE(mayRecordOutcome(Role::Manager, r.code));
    }
}

TEST(CodesTest, OutcomeKeepsUnknownCodesVerbatim) {
    const Outcome known = Outcome::fromText("AFTC");
    EXPECT_TRUE(known.isKnown());
    EXPECT_EQ(known.code(), OutcomeCode::AFTC);
    EXPECT_EQ(known.text(), "AFTC");
    EXPECT_EQ(known.description(), "Attended – Failed to Comply");
    EXPECT_TRUE(known.isEnforceable());
    EXPECT_EQ(known, Outcome(OutcomeCode::AFTC));

    const Outcome unknown = Outcome::fromText("ZZ99");
    EXPECT_FALSE(unknown.isKnown());
    EXPECT_EQ(unknown.code(), OutcomeCode::Unknown);
    EXPECT_EQ(unknown.text(), "ZZ99");
    EXPECT_EQ(unknown.description(), "Unrecognised outcome (ZZ99)");
    EXPECT_FALSE(unknown.isAttended());
    EXPECT_FALSE(unknown.isEnforceable());
    EXPECT_FALSE(unknown.isAcceptableAbsence());
    EXPECT_EQ(unknown, Outcome::fromText("ZZ99"));
    EXPECT_NE(unknown, Outcome::fromText("ZZ98"));
    EXPECT_EQ(Outcome::fromText(unknown.text()), unknown);

    // Case differences are not silently normalised: the raw text is what the server sent.
    EXPECT_EQ(Outcome::fromText("attc").text(), "attc");
    EXPECT_FALSE(Outcome::fromText("attc").isKnown());
}

}  // namespace
}  // namespace sitebook::domain
