#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "sitebook/cli/cli.h"
#include "sitebook/server/derived/person_reconciler.h"
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
        return cliIn(dataDir, std::move(args), stdinText);
    }

    // `sitebook-cli` on the device whose data directory is `dir`.
    Output cliIn(const sitebook::testing::TempDir& dir, std::vector<std::string> args,
                 const std::string& stdinText = {}) {
        args.push_back("--data-dir");
        args.push_back(dir.path().string());
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

// An officer's part from the command line: the inbox, an enforcement decision refused with the
// words the app and the server use, then recorded and sent.
class CliOfficerTest : public CliTest {
protected:
    std::unique_ptr<server::Reconciler> makeReconciler() override {
        return std::make_unique<server::PersonReconciler>(
            clock_, server::reconcile::ReconcilePolicy::defaults());
    }
};

TEST_F(CliOfficerTest, AnOfficerDecidesFromTheCommandLine) {
    const std::string sup = addUser("sam.supervisor", Role::Supervisor);
    const std::string ro = addUser("olu.officer", Role::Officer);
    auto seeded = seed(sup, ro, 2);  // a session on 2026-01-01 09:00 (today, 12:00 UTC)
    for (const auto& id : seeded.appointmentIds) {
        putEntity(server::EntityType::AppointmentOutcome, id,
                  {{"code", "UACP"},
                   {"penalty_minutes", 0},
                   {"recorded_by", sup},
                   {"recorded_at", clock_.nowMillis()}});
    }
    const std::string feedbackId = newId();
    putEntity(server::EntityType::Feedback, feedbackId,
              {{"id", feedbackId},
               {"appointment_id", seeded.appointmentIds[1]},
               {"progress", ""},
               {"strengths", ""},
               {"concerns", ""},
               {"support_needs", ""},
               {"incidents", ""},
               {"alert_officer", true},
               {"alert_reason", "Said they were being threatened"}});
    ASSERT_TRUE(reconciler_->reconcileAll(*store_).ok());

    const std::string server = "127.0.0.1:" + std::to_string(server_->port());
    ASSERT_EQ(cli({"init", "--server", server, "--ca", caFile.string(), "--tls-name", "localhost"},
                  "24681357\n")
                  .code,
              0);
    auto login = cli({"login", "--user", "olu.officer"},
                     std::string(server::testing::kPassword) + "\n24681357\n");
    ASSERT_EQ(login.code, 0) << login.err;
    vars["SITEBOOK_PIN"] = "24681357";
    ASSERT_EQ(cli({"sync"}).code, 0);

    const std::string appt = seeded.appointmentIds[0];
    auto inbox = cli({"inbox"});
    ASSERT_EQ(inbox.code, 0) << inbox.err;
    EXPECT_NE(inbox.out.find("enforcement_due  due 2026-01-08  appointment " + appt),
              std::string::npos)
        << inbox.out;
    EXPECT_NE(inbox.out.find("supervisor_alert  due 2026-01-03  appointment " +
                             seeded.appointmentIds[1] + "  feedback " + feedbackId),
              std::string::npos)
        << inbox.out;

    auto inboxJson = nlohmann::json::parse(cli({"inbox", "--json"}).out);
    ASSERT_TRUE(inboxJson.is_array());
    std::set<std::string> kinds;
    for (const auto& i : inboxJson)
        kinds.insert(i["kind"].get<std::string>());
    EXPECT_TRUE(kinds.contains("enforcement_due") && kinds.contains("supervisor_alert"));

    // Refused on the device, with the server's words, and nothing queued.
    auto noAction = cli({"decide", "--appointment", appt});
    EXPECT_EQ(noAction.code, cli::kExitUsage);
    auto badAction = cli({"decide", "--appointment", appt, "--action", "caution"});
    EXPECT_EQ(badAction.code, cli::kExitUsage);
    EXPECT_NE(badAction.err.find("warning_issued refer_for_breach no_further_action"),
              std::string::npos)
        << badAction.err;
    auto noReason = cli({"decide", "--appointment", appt, "--action", "no_further_action"});
    EXPECT_EQ(noReason.code, cli::kExitFailure);
    EXPECT_NE(noReason.err.find("invalid_argument: Enter why no further action is needed"),
              std::string::npos)
        << noReason.err;
    auto before = cli(
        {"decide", "--appointment", appt, "--action", "warning_issued", "--date", "2025-12-31"});
    EXPECT_EQ(before.code, cli::kExitFailure);
    EXPECT_NE(before.err.find("The decision date 2025-12-31 is before the appointment it "
                              "answers, on 2026-01-01. Enter the date the decision was made, on "
                              "or after 2026-01-01."),
              std::string::npos)
        << before.err;
    auto ahead = cli(
        {"decide", "--appointment", appt, "--action", "warning_issued", "--date", "2026-01-02"});
    EXPECT_EQ(ahead.code, cli::kExitFailure);
    EXPECT_NE(ahead.err.find("The decision date 2026-01-02 is later than today (2026-01-01)."),
              std::string::npos)
        << ahead.err;
    auto reclassifyWarning = cli(
        {"decide", "--appointment", appt, "--action", "warning_issued", "--reclassify-as", "AAME"});
    EXPECT_EQ(reclassifyWarning.code, cli::kExitUsage);
    EXPECT_EQ(nlohmann::json::parse(cli({"status", "--json"}).out)["pending"], 0);

    // Recorded (dated today), hidden from the inbox, sent.
    auto warned = cli({"decide", "--appointment", appt, "--action", "warning_issued"});
    ASSERT_EQ(warned.code, 0) << warned.err;
    EXPECT_EQ(cli({"inbox"}).out.find(appt), std::string::npos);
    auto twice = cli({"decide", "--appointment", appt, "--action", "refer_for_breach"});
    EXPECT_EQ(twice.code, cli::kExitFailure);
    auto acceptable =
        cli({"decide", "--appointment", seeded.appointmentIds[1], "--action", "absence_acceptable",
             "--reason", "GP fit note dated 1 January seen", "--reclassify-as", "AAME"});
    ASSERT_EQ(acceptable.code, 0) << acceptable.err;
    ASSERT_EQ(cli({"acknowledge-alert", "--feedback", feedbackId, "--note", "Called them"}).code,
              0);
    EXPECT_EQ(cli({"inbox"}).out.find("supervisor_alert"), std::string::npos);
    auto sent = cli({"sync"});
    ASSERT_EQ(sent.code, 0) << sent.err;
    EXPECT_NE(sent.out.find("Sent 3 change(s)"), std::string::npos) << sent.out;
    auto exported = nlohmann::json::parse(cli({"export", "--json"}).out);
    ASSERT_EQ(exported["outbox"].size(), 3u);
    const auto decision = exported["outbox"][0]["payload"];
    EXPECT_EQ(decision["action"], "warning_issued");
    EXPECT_EQ(decision["decided_on"], "2026-01-01");
    EXPECT_EQ(decision["decided_by"], ro);
    // The server has closed the items: only time-based ones (a review) are left.
    auto after = cli({"inbox"});
    EXPECT_EQ(after.out.find("enforcement_due"), std::string::npos) << after.out;
    EXPECT_EQ(after.out.find("supervisor_alert"), std::string::npos) << after.out;
}

TEST_F(CliOfficerTest, AnOfficerSettlesAConflictFromTheCommandLine) {
    const std::string sup = addUser("sam.supervisor", Role::Supervisor);
    const std::string ro = addUser("olu.officer", Role::Officer);
    auto seeded = seed(sup, ro, 1);
    const std::string appt = seeded.appointmentIds[0];
    // Two of sam's devices record different outcomes for one appointment.
    const server::testing::Session phone = login("sam.supervisor");
    const server::testing::Session tablet = login("sam.supervisor");
    v1::UploadResponse response;
    ASSERT_TRUE(upload(phone,
                       {operation(server::EntityType::AppointmentOutcome, appt,
                                  server::OpKind::Create, outcomeBody(sup, "ATTC").dump())},
                       &response)
                    .ok());
    clock_.advance(60'000);
    ASSERT_TRUE(upload(tablet,
                       {operation(server::EntityType::AppointmentOutcome, appt,
                                  server::OpKind::Create, outcomeBody(sup, "AFTC").dump())},
                       &response)
                    .ok());
    ASSERT_EQ(response.results(0).result(), v1::OP_RESULT_ACCEPTED_WITH_CONFLICT);
    ASSERT_TRUE(reconciler_->reconcileAll(*store_).ok());

    const std::string server = "127.0.0.1:" + std::to_string(server_->port());
    ASSERT_EQ(cli({"init", "--server", server, "--ca", caFile.string(), "--tls-name", "localhost"},
                  "24681357\n")
                  .code,
              0);
    ASSERT_EQ(cli({"login", "--user", "olu.officer"},
                  std::string(server::testing::kPassword) + "\n24681357\n")
                  .code,
              0);
    vars["SITEBOOK_PIN"] = "24681357";
    ASSERT_EQ(cli({"sync"}).code, 0);
    auto inbox = cli({"inbox"});
    EXPECT_NE(inbox.out.find("conflict  due"), std::string::npos) << inbox.out;
    EXPECT_NE(inbox.out.find("version 1: ATTC"), std::string::npos) << inbox.out;
    EXPECT_NE(inbox.out.find("version 2: AFTC"), std::string::npos) << inbox.out;

    EXPECT_EQ(cli({"confirm-outcome", "--appointment", appt, "--version", "3"}).code,
              cli::kExitUsage);
    auto confirmed = cli({"confirm-outcome", "--appointment", appt, "--version", "1"});
    ASSERT_EQ(confirmed.code, 0) << confirmed.err;
    auto sent = cli({"sync"});
    ASSERT_EQ(sent.code, 0) << sent.err;
    EXPECT_NE(sent.out.find("Sent 1 change(s)"), std::string::npos) << sent.out;
    auto after = cli({"inbox"});
    EXPECT_EQ(after.out.find("conflict"), std::string::npos) << after.out;
    auto exported = nlohmann::json::parse(cli({"export", "--json"}).out);
    EXPECT_EQ(exported["records"]["appointments"][0]["outcome"]["code"], "ATTC");
}

}  // namespace
}  // namespace sitebook::sync::testing
