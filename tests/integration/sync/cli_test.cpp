#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "sitebook/cli/cli.h"
#include "sync_fixture.h"

namespace sitebook::sync::testing {
namespace {

using server::Role;

class CliTest : public SyncFixture {
protected:
    struct Output {
        int code = 0;
        std::string out;
        std::string err;
    };

    Output cli(std::vector<std::string> args, const std::string& stdinText = {}) {
        args.push_back("--data-dir");
        args.push_back(dataDir.path().string());
        std::istringstream in(stdinText);
        std::ostringstream out;
        std::ostringstream err;
        cli::Environment env{in,
                             out,
                             err,
                             clock_,
                             deviceRandom_,
                             [this](const std::string& name) -> std::optional<std::string> {
                                 auto it = vars.find(name);
                                 if (it == vars.end())
                                     return std::nullopt;
                                 return it->second;
                             }};
        env.kdfOpsLimit = 1;
        env.kdfMemLimitBytes = 8192;
        Output o;
        o.code = cli::run(args, env);
        o.out = out.str();
        o.err = err.str();
        return o;
    }

    void SetUp() override {
        SyncFixture::SetUp();
        caFile = files.path() / "ca.pem";
        std::ofstream(caFile) << ca_.certificatePem;
    }

    sitebook::testing::TempDir files;
    sitebook::testing::TempDir dataDir;
    std::filesystem::path caFile;
    std::map<std::string, std::string> vars;
};

TEST_F(CliTest, ASupervisorsDayFromInitToExport) {
    const std::string sup = addUser("sam.supervisor", Role::Supervisor);
    const std::string ro = addUser("olu.officer", Role::Officer);
    auto seeded = seed(sup, ro, 1);
    const std::string server = "127.0.0.1:" + std::to_string(server_->port());

    auto noPin = cli({"init", "--server", server, "--ca", caFile.string()});
    EXPECT_NE(noPin.code, 0);
    auto init =
        cli({"init", "--server", server, "--ca", caFile.string(), "--tls-name", "localhost"},
            "24681357\n");
    ASSERT_EQ(init.code, 0) << init.err;
    EXPECT_EQ(cli({"login", "--user", "sam.supervisor", "--password", "x"}).code, cli::kExitUsage);
    auto login = cli({"login", "--user", "sam.supervisor"},
                     std::string(server::testing::kPassword) + "\n24681357\n");
    ASSERT_EQ(login.code, 0) << login.err;
    auto wrongPin = cli({"unlock"}, "1111\n");
    EXPECT_EQ(wrongPin.code, cli::kExitFailure);
    EXPECT_NE(wrongPin.err.find("wrong_key"), std::string::npos) << wrongPin.err;

    vars["SITEBOOK_PIN"] = "24681357";
    auto sync = cli({"sync"});
    ASSERT_EQ(sync.code, 0) << sync.err;
    auto roster = cli({"roster", "--date", "2026-01-01"});
    ASSERT_EQ(roster.code, 0) << roster.err;
    EXPECT_NE(roster.out.find("Smith, Alex"), std::string::npos) << roster.out;

    const std::string appt = seeded.appointmentIds[0];
    auto outcome = cli({"record-outcome", "--appointment", appt, "--code", "ATTC", "--arrival",
                        "09:00", "--finish", "16:00", "--quality", "GOOD", "--behaviour", "GOOD"});
    ASSERT_EQ(outcome.code, 0) << outcome.err;
    auto badCategory =
        cli({"add-work", "--appointment", appt, "--category", "juggling", "--description", "x"});
    EXPECT_EQ(badCategory.code, cli::kExitUsage);
    ASSERT_EQ(cli({"add-work", "--appointment", appt, "--category", "litter_clean_up",
                   "--description", "Cleared the towpath", "--quantity", "12", "--unit", "bags"})
                  .code,
              0);
    ASSERT_EQ(
        cli({"add-skill", "--appointment", appt, "--skill", "teamwork", "--level", "competent"})
            .code,
        0);
    ASSERT_EQ(cli({"feedback", "--appointment", appt, "--progress", "Steady worker"}).code, 0);
    auto pending = cli({"pending"});
    EXPECT_NE(pending.out.find("record_outcome"), std::string::npos);

    auto status = cli({"status", "--json"});
    ASSERT_EQ(status.code, 0) << status.err;
    auto statusJson = nlohmann::json::parse(status.out);
    EXPECT_EQ(statusJson["pending"], 4);

    auto second = cli({"sync"});
    ASSERT_EQ(second.code, 0) << second.err;
    EXPECT_NE(second.out.find("Sent 4 change(s)"), std::string::npos) << second.out;
    EXPECT_EQ(nlohmann::json::parse(cli({"status", "--json"}).out)["pending"], 0);
    EXPECT_NE(cli({"attention"}).out.find("Nothing needs attention"), std::string::npos);

    auto exported = cli({"export", "--json"});
    ASSERT_EQ(exported.code, 0) << exported.err;
    auto doc = nlohmann::json::parse(exported.out);
    EXPECT_EQ(doc["format"], "sitebook-device-export");
    EXPECT_EQ(doc["records"]["appointments"].size(), 1u);
    EXPECT_EQ(doc["records"]["work_undertaken"].size(), 1u);
    EXPECT_EQ(doc["outbox"].size(), 4u);
    EXPECT_EQ(doc["outbox"][0]["state"], "sent");
    EXPECT_FALSE(doc["server_records"].empty());

    EXPECT_EQ(cli({"discard", "no-such-op"}).code, cli::kExitFailure);
    EXPECT_EQ(cli({"frobnicate"}).code, cli::kExitUsage);
}

}  // namespace
}  // namespace sitebook::sync::testing
