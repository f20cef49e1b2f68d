// The rules table (rules.h) is the one list of refusals: every rule is documented in
// docs/PROTOCOL.md with its reason code and field, and the validators refuse under it.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "fixtures.h"
#include "sitebook/domain/rules.h"
#include "sitebook/domain/validation.h"

namespace sitebook::domain {
namespace {

std::string protocolDoc() {
    std::ifstream in(SITEBOOK_SOURCE_DIR "/docs/PROTOCOL.md");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(RulesTest, EveryRuleIsListedInTheProtocolDocWithItsReasonCodeAndField) {
    const std::string doc = protocolDoc();
    ASSERT_FALSE(doc.empty());
    std::set<std::string_view> names;
    for (const Rule& r : validationRules()) {
        EXPECT_TRUE(names.insert(r.name).second) << "duplicate rule " << r.name;
        const std::string row = "| `" + std::string(r.name) + "` | `" +
                                std::string(errorCodeName(r.code)) + "` | `" +
                                std::string(r.field) + "` |";
        EXPECT_NE(doc.find(row), std::string::npos)
            << "docs/PROTOCOL.md does not list the rule: " << row;
    }
}

TEST(RulesTest, TheDocListsTheLimitsTheValidatorsUse) {
    const std::string doc = protocolDoc();
    const Policy policy = Policy::defaults();
    for (const std::string& words :
         {std::string("work description: ") + std::to_string(kMaxWorkDescriptionChars),
          std::string("each feedback text: ") + std::to_string(kMaxFeedbackTextChars),
          std::string("short texts: ") + std::to_string(kMaxShortTextChars),
          std::string("case note: ") +
              std::to_string(policy.case_note_max_chars.valueOn(CivilDate::max()))}) {
        EXPECT_NE(doc.find(words + " characters"), std::string::npos) << words;
    }
}

TEST(RulesTest, RefusalsCarryTheRulesFieldAndCode) {
    AppointmentOutcome o = test::attendedOutcome();
    o.finish = o.arrival;
    const Status s = validateOutcome(o, Role::Supervisor);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().field, rule(RuleId::OutcomeFinishBeforeArrival).field);
    EXPECT_EQ(s.error().code, rule(RuleId::OutcomeFinishBeforeArrival).code);

    const Error e = refusal(RuleId::OutcomeTimesRequired, "finish is required", "finish");
    EXPECT_EQ(e.field, "finish");
}

// Each outcome code's roles in the doc match mayRecordOutcome.
TEST(RulesTest, TheDocListsWhichOutcomeCodesEachRoleMayRecord) {
    const std::string doc = protocolDoc();
    for (Role role : {Role::Supervisor, Role::Officer, Role::Admin}) {
        std::string codes;
        for (OutcomeCode c : allValues<OutcomeCode>()) {
            if (mayRecordOutcome(role, c))
                codes += (codes.empty() ? "" : " ") + std::string(wireText(c));
        }
        const std::string row = "| `" + std::string(wireText(role)) + "` | " + codes + " |";
        EXPECT_NE(doc.find(row), std::string::npos) << row;
    }
}

// Every decision action, and every policy value with its default as Policy::defaults() has it.
TEST(RulesTest, TheDocListsEveryDecisionActionAndPolicyDefault) {
    const std::string doc = protocolDoc();
    for (EnforcementAction a : allValues<EnforcementAction>()) {
        const std::string row = "| `" + std::string(wireText(a)) + "` |";
        EXPECT_NE(doc.find(row), std::string::npos) << row;
    }
    const Policy p = Policy::defaults();
    const CivilDate today = CivilDate::max();
    const std::vector<std::pair<std::string, int>> values{
        {"clock_skew_allowance_minutes", p.clock_skew_allowance_minutes.valueOn(today)},
        {"enforcement_respond_by_days", p.enforcement_respond_by_days.valueOn(today)},
        {"overdue_outcome_after_days", p.overdue_outcome_after_days.valueOn(today)},
        {"warning_window_months", p.warning_window_months.valueOn(today)},
        {"case_note_max_chars", p.case_note_max_chars.valueOn(today)},
    };
    for (const auto& [key, value] : values) {
        const std::string row = "| `" + key + "` (*ref*) | " + std::to_string(value) + " |";
        EXPECT_NE(doc.find(row), std::string::npos) << row;
    }
    std::string reviews;
    for (int months : p.review_points_months.valueOn(today))
        reviews += (reviews.empty() ? "" : ", ") + std::to_string(months);
    EXPECT_NE(doc.find("| `review_points_months` | " + reviews + " |"), std::string::npos);
    std::string ete;
    for (const auto& e : p.ete_allowance_percent.history()) {
        ete += (ete.empty() ? "" : ", ") + std::to_string(e.value) + " from " +
               e.effective_from.toString();
    }
    EXPECT_NE(doc.find("| `ete_allowance_percent` (*ref*) | " + ete + " |"), std::string::npos)
        << ete;
}

}  // namespace
}  // namespace sitebook::domain
