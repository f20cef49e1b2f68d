// The policy values GetReferenceData serves are the ones docs/PROTOCOL.md lists as served
// ("Rules and limits", rows marked *ref*), each with the same value: a second client may read
// either, so a change of a default or of the doc without the other fails here.
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "server_fixture.h"
#include "sitebook/server/reconcile/reconcile_policy.h"

namespace sitebook::server::testing {
namespace {

// The doc's served policy values: `| `key` (*ref*) | default | meaning |` → key → default.
std::map<std::string, std::string> documentedServedValues() {
    std::ifstream in(SITEBOOK_SOURCE_DIR "/docs/PROTOCOL.md");
    std::map<std::string, std::string> out;
    std::string line;
    const std::string marker = "` (*ref*) | ";
    while (std::getline(in, line)) {
        if (line.rfind("| `", 0) != 0)
            continue;
        const auto end = line.find(marker);
        if (end == std::string::npos)
            continue;
        const std::string key = line.substr(3, end - 3);
        const auto valueStart = end + marker.size();
        const auto valueEnd = line.find(" |", valueStart);
        out[key] = line.substr(valueStart, valueEnd - valueStart);
    }
    return out;
}

// The served values as the doc writes them: "7", or "20 from 2019-01-01, 30 from 2023-04-01"
// for a value that changed on a date.
std::map<std::string, std::string> servedValues(const v1::ReferenceData& reference) {
    std::map<std::string, std::string> out;
    for (const auto& p : reference.policy_values()) {
        std::string& text = out[p.key()];
        if (p.effective_from() == domain::CivilDate::min().toString()) {
            text += (text.empty() ? "" : ", ") + p.value();
        } else {
            text += (text.empty() ? "" : ", ") + p.value() + " from " + p.effective_from();
        }
    }
    return out;
}

class ReferenceDataTest : public ServerFixture {};

TEST_F(ReferenceDataTest, EveryServedPolicyValueIsTheDocumentedOne) {
    addUser("sam", Role::Supervisor);
    const Session sam = login("sam");
    v1::ReferenceData reference;
    auto ctx = context(sam.accessToken);
    ASSERT_TRUE(reference_->GetReferenceData(ctx.get(), {}, &reference).ok());

    const auto documented = documentedServedValues();
    const auto served = servedValues(reference);
    ASSERT_FALSE(documented.empty()) << "docs/PROTOCOL.md lists no served policy value";
    for (const auto& [key, value] : served) {
        const auto doc = documented.find(key);
        ASSERT_NE(doc, documented.end())
            << key << " is served but docs/PROTOCOL.md does not mark it (*ref*)";
        EXPECT_EQ(doc->second, value) << key << ": the doc and the server disagree";
    }
    for (const auto& [key, value] : documented) {
        EXPECT_TRUE(served.count(key) == 1)
            << key << " is marked (*ref*) in docs/PROTOCOL.md but not served";
    }
}

// The reconciler's due dates are served as the reconciler applies them.
TEST_F(ReferenceDataTest, TheReconcilersDueDatesAreServed) {
    addUser("sam", Role::Supervisor);
    const Session sam = login("sam");
    v1::ReferenceData reference;
    auto ctx = context(sam.accessToken);
    ASSERT_TRUE(reference_->GetReferenceData(ctx.get(), {}, &reference).ok());
    const auto served = servedValues(reference);
    const auto policy = reconcile::ReconcilePolicy::defaults();
    const domain::CivilDate today = domain::CivilDate::max();
    const std::map<std::string, int> expected{
        {"feedback_due_days", policy.feedback_due_days.valueOn(today)},
        {"review_notice_days", policy.review_notice_days.valueOn(today)},
        {"conflict_respond_by_days", policy.conflict_respond_by_days.valueOn(today)},
        {"alert_respond_by_days", policy.alert_respond_by_days.valueOn(today)},
    };
    for (const auto& [key, value] : expected) {
        const auto it = served.find(key);
        ASSERT_NE(it, served.end()) << key << " is not served";
        EXPECT_EQ(it->second, std::to_string(value)) << key;
    }
}

}  // namespace
}  // namespace sitebook::server::testing
