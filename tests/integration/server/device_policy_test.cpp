// The device privacy policy travels with the reference data: the maximum offline period, its
// shredding grace and warning, and the background lock (docs/PROTOCOL.md, "Reference data").

#include <map>

#include "server_fixture.h"

namespace sitebook::server::testing {
namespace {

class DevicePolicyTest : public ServerFixture {};

TEST_F(DevicePolicyTest, TheServerSendsTheDevicePrivacyPolicy) {
    addUser("sam", Role::Supervisor);
    const Session sam = login("sam");
    v1::ReferenceData reference;
    auto ctx = context(sam.accessToken);
    ASSERT_TRUE(reference_->GetReferenceData(ctx.get(), {}, &reference).ok());
    std::map<std::string, std::string> values;
    for (const auto& p : reference.policy_values()) {
        values[p.key()] = p.value();
        EXPECT_FALSE(p.effective_from().empty()) << p.key();
    }
    EXPECT_EQ(values["max_offline_days"], "14");
    EXPECT_EQ(values["offline_shred_grace_days"], "7");
    EXPECT_EQ(values["offline_warning_days"], "3");
    EXPECT_EQ(values["background_lock_seconds"], "5");
}

TEST_F(DevicePolicyTest, OnlyASignedInDeviceReceivesThePolicy) {
    v1::ReferenceData reference;
    auto ctx = context();
    EXPECT_EQ(reference_->GetReferenceData(ctx.get(), {}, &reference).error_code(),
              grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_EQ(reference.policy_values_size(), 0);
}

}  // namespace
}  // namespace sitebook::server::testing
