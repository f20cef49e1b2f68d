// Reconciliation end to end over gRPC: what supervisors upload becomes progress and RO items
// in the responsible officer's download, never in a supervisor's; scope changes move them.
#include "server_fixture.h"

namespace sitebook::server::testing {
namespace {

using nlohmann::json;

class ReconcileE2ETest : public ReconcilingServerFixture {
protected:
    void SetUp() override {
        ReconcilingServerFixture::SetUp();
        seedSamAndOlu(2);
    }

    v1::OperationResult recordOutcome(const Session& s, const std::string& userId, int appointment,
                                      const std::string& code) {
        json body = outcomeBody(userId, code);
        if (code == "UACP") {
            body.erase("arrival");
            body.erase("finish");
            body.erase("work_quality");
            body.erase("behaviour");
        }
        return uploadOne(s, operation(EntityType::AppointmentOutcome,
                                      seed_.appointmentIds[static_cast<std::size_t>(appointment)],
                                      OpKind::Create, body.dump()));
    }

    static std::vector<json> items(const Pulled& pulled, const std::string& kind) {
        std::vector<json> out;
        for (const auto& c : pulled.live(v1::ENTITY_TYPE_RO_ITEM)) {
            json body = json::parse(c.body_json());
            if (body["kind"] == kind)
                out.push_back(body);
        }
        return out;
    }
};

TEST_F(ReconcileE2ETest, AnEnforceableOutcomeGivesTheOfficerAnItemWithARespondByDate) {
    ASSERT_EQ(recordOutcome(sam_, supervisorId_, 0, "AFTC").result(), v1::OP_RESULT_ACCEPTED);

    Pulled officer = pull(olu_);
    ASSERT_TRUE(officer.status.ok()) << officer.status.error_message();
    auto enforcement = items(officer, "enforcement_due");
    ASSERT_EQ(enforcement.size(), 1u);
    EXPECT_EQ(enforcement[0]["appointment_id"], seed_.appointmentIds[0]);
    EXPECT_EQ(enforcement[0]["person_id"], seed_.personId);
    EXPECT_EQ(enforcement[0]["order_id"], seed_.orderId);
    EXPECT_EQ(enforcement[0]["due_on"], "2026-01-08");  // session 2026-01-01 + 7 days
    EXPECT_EQ(enforcement[0]["breach_referral_required"], false);
    for (const auto& c : officer.live(v1::ENTITY_TYPE_RO_ITEM))
        EXPECT_EQ(c.partition(), personPartition(seed_.personId));

    // Progress: AFTC is attended, 09:00-16:00 without penalty credits 420 minutes.
    auto progress = officer.live(v1::ENTITY_TYPE_PROGRESS);
    ASSERT_EQ(progress.size(), 1u);
    EXPECT_EQ(progress[0].entity_id(), seed_.orderId);
    json p = json::parse(progress[0].body_json());
    EXPECT_EQ(p["credited_minutes"], 420);
    EXPECT_EQ(p["remaining_minutes"], 6000 - 420);

    // Supervisors never receive derived records.
    Pulled supervisor = pull(sam_);
    ASSERT_TRUE(supervisor.status.ok());
    EXPECT_TRUE(supervisor.live(v1::ENTITY_TYPE_RO_ITEM).empty());
    EXPECT_TRUE(supervisor.live(v1::ENTITY_TYPE_PROGRESS).empty());
    EXPECT_TRUE(supervisor.has(v1::ENTITY_TYPE_APPOINTMENT_OUTCOME, seed_.appointmentIds[0]));

    // The officer's decision closes the item at the next sync.
    json decision{{"id", newId()},
                  {"appointment_id", seed_.appointmentIds[0]},
                  {"order_id", seed_.orderId},
                  {"action", "warning_issued"},
                  {"decided_on", "2026-01-01"},
                  {"decided_by", officerId_},
                  {"note", "Warned about lateness."}};
    ASSERT_EQ(uploadOne(olu_, operation(EntityType::EnforcementDecision, decision["id"],
                                        OpKind::Create, decision.dump()))
                  .result(),
              v1::OP_RESULT_ACCEPTED);
    Pulled after = pull(olu_, officer.checkpoint);
    const std::string itemId = enforcement[0]["id"];
    EXPECT_TRUE(after.removed(v1::ENTITY_TYPE_RO_ITEM, itemId));
}

TEST_F(ReconcileE2ETest, TheOfficerReceivesTheSessionsOfTheirPeoplesAppointments) {
    // The session's date is what places an appointment in time on the officer's device.
    Pulled officer = pull(olu_);
    ASSERT_TRUE(officer.status.ok()) << officer.status.error_message();
    auto sessions = officer.live(v1::ENTITY_TYPE_SESSION);
    ASSERT_EQ(sessions.size(), 1u);
    EXPECT_EQ(sessions[0].entity_id(), seed_.sessionId);
    EXPECT_EQ(sessions[0].partition(), personPartition(seed_.personId));
    // Still the supervisor's too, once.
    Pulled supervisor = pull(sam_);
    ASSERT_TRUE(supervisor.status.ok());
    EXPECT_TRUE(supervisor.has(v1::ENTITY_TYPE_SESSION, seed_.sessionId));
    // An officer with nobody in that session does not receive it.
    const std::string otherId = addUser("ola", Role::Officer);
    Session ola = login("ola");
    EXPECT_TRUE(pull(ola).live(v1::ENTITY_TYPE_SESSION).empty());
    (void)otherId;
}

TEST_F(ReconcileE2ETest, AFailureWithinTwelveMonthsOfAWarningRequiresABreachReferral) {
    // The first failure was warned on 2025-12-01.
    putEntity(EntityType::AppointmentOutcome, seed_.appointmentIds[1],
              outcomeBody(supervisorId_, "AFTC"));
    const std::string warningId = newId();
    putEntity(EntityType::EnforcementDecision, warningId,
              {{"id", warningId},
               {"appointment_id", seed_.appointmentIds[1]},
               {"order_id", seed_.orderId},
               {"action", "warning_issued"},
               {"decided_on", "2025-12-01"},
               {"decided_by", officerId_},
               {"note", ""}});

    ASSERT_EQ(recordOutcome(sam_, supervisorId_, 0, "UACP").result(), v1::OP_RESULT_ACCEPTED);
    auto enforcement = items(pull(olu_), "enforcement_due");
    ASSERT_EQ(enforcement.size(), 1u);
    EXPECT_EQ(enforcement[0]["breach_referral_required"], true);
    EXPECT_EQ(enforcement[0]["prior_warning_id"], warningId);
    const std::string message = enforcement[0]["message"];
    EXPECT_NE(message.find("breach referral is required"), std::string::npos) << message;
    EXPECT_NE(message.find("2025-12-01"), std::string::npos) << message;
}

TEST_F(ReconcileE2ETest, TwoSupervisorsRecordingDifferentOutcomesGiveTheOfficerAConflictItem) {
    // A second supervisor on the same project.
    const std::string sueId = addUser("sue", Role::Supervisor);
    putEntity(EntityType::Project, seed_.projectId,
              {{"id", seed_.projectId},
               {"code", "P-001"},
               {"name", "Riverside clean-up"},
               {"type", "GROUP"},
               {"supervisor_ids", json::array({supervisorId_, sueId})}});
    Session sue = login("sue");

    ASSERT_EQ(recordOutcome(sam_, supervisorId_, 0, "ATTC").result(), v1::OP_RESULT_ACCEPTED);
    clock_.advance(60'000);
    ASSERT_EQ(recordOutcome(sue, sueId, 0, "AFTC").result(), v1::OP_RESULT_ACCEPTED_WITH_CONFLICT);

    // Both versions are on record; the later one is the record.
    EXPECT_EQ(countRows("operations"), 2);
    Pulled officer = pull(olu_);
    auto conflicts = items(officer, "conflict");
    ASSERT_EQ(conflicts.size(), 1u);
    EXPECT_EQ(conflicts[0]["appointment_id"], seed_.appointmentIds[0]);
    const std::string message = conflicts[0]["message"];
    EXPECT_NE(message.find("ATTC"), std::string::npos) << message;
    EXPECT_NE(message.find("AFTC"), std::string::npos) << message;
    auto outcome = officer.live(v1::ENTITY_TYPE_APPOINTMENT_OUTCOME);
    ASSERT_EQ(outcome.size(), 1u);
    EXPECT_EQ(json::parse(outcome[0].body_json())["code"], "AFTC");
    // The winning enforceable outcome also needs a decision.
    EXPECT_EQ(items(officer, "enforcement_due").size(), 1u);

    // A plain correction based on the current version settles the conflict.
    json corrected = outcomeBody(sueId, "ATTC");
    ASSERT_EQ(uploadOne(sue, operation(EntityType::AppointmentOutcome, seed_.appointmentIds[0],
                                       OpKind::Update, corrected.dump(), 2))
                  .result(),
              v1::OP_RESULT_ACCEPTED);
    Pulled settled = pull(olu_, officer.checkpoint);
    EXPECT_TRUE(settled.removed(v1::ENTITY_TYPE_RO_ITEM, conflicts[0]["id"]));
}

TEST_F(ReconcileE2ETest, TimeBasedItemsAppearWhenTheServerReconcilesAsTimePasses) {
    Pulled before = pull(olu_);
    EXPECT_TRUE(items(before, "overdue_outcome").empty());
    clock_.advance(4LL * 24 * 3600 * 1000);  // 2026-01-05: the 2026-01-01 session is overdue
    auto run = reconciler_->reconcileAll(*store_);
    ASSERT_TRUE(run.ok()) << run.error().toString();
    EXPECT_EQ(run->people, 1);
    EXPECT_GT(run->recordsWritten, 0);
    olu_ = login("olu");  // the access token expired meanwhile
    Pulled after = pull(olu_, before.checkpoint);
    ASSERT_TRUE(after.status.ok()) << after.status.error_message();
    EXPECT_EQ(items(after, "overdue_outcome").size(), 2u);
    // Running again writes nothing.
    auto again = reconciler_->reconcileAll(*store_);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->recordsWritten, 0);
}

TEST_F(ReconcileE2ETest, ReassigningAPersonMovesTheCaseBetweenOfficers) {
    ASSERT_EQ(recordOutcome(sam_, supervisorId_, 0, "AFTC").result(), v1::OP_RESULT_ACCEPTED);
    Pulled oluFirst = pull(olu_);
    ASSERT_FALSE(items(oluFirst, "enforcement_due").empty());

    const std::string olaId = addUser("ola", Role::Officer);
    Session ola = login("ola");
    putEntity(EntityType::Person, seed_.personId,
              {{"id", seed_.personId},
               {"crn", "X123456"},
               {"forenames", "Alex"},
               {"surname", "Smith"},
               {"date_of_birth", "1990-05-01"},
               {"responsible_officer_id", olaId},
               {"placement_flags", json::array({"no lone working with children"})},
               {"restricted_access", false}});

    Pulled oluAfter = pull(olu_, oluFirst.checkpoint);
    EXPECT_EQ(oluAfter.purged, std::vector<std::string>{personPartition(seed_.personId)});
    Pulled olaFirst = pull(ola);
    EXPECT_TRUE(olaFirst.has(v1::ENTITY_TYPE_PERSON, seed_.personId));
    EXPECT_EQ(items(olaFirst, "enforcement_due").size(), 1u);
    EXPECT_EQ(olaFirst.live(v1::ENTITY_TYPE_PROGRESS).size(), 1u);
}

TEST_F(ReconcileE2ETest, MovingAPersonToAnotherSupervisorsRosterMovesTheirPlacement) {
    Pulled samFirst = pull(sam_);
    ASSERT_TRUE(samFirst.has(v1::ENTITY_TYPE_PERSON_PLACEMENT, seed_.personId));

    // Sue's project and session; both appointments move there.
    const std::string sueId = addUser("sue", Role::Supervisor);
    Session sue = login("sue");
    const std::string projectId = newId();
    const std::string sessionId = newId();
    putEntity(EntityType::Project, projectId,
              {{"id", projectId},
               {"code", "P-002"},
               {"name", "Allotments"},
               {"type", "GROUP"},
               {"supervisor_ids", json::array({sueId})}});
    putEntity(EntityType::Session, sessionId,
              {{"id", sessionId},
               {"project_id", projectId},
               {"date", "2026-01-01"},
               {"start", "09:00"},
               {"end", "16:00"}});
    for (const auto& id : seed_.appointmentIds) {
        putEntity(EntityType::Appointment, id,
                  {{"id", id},
                   {"person_id", seed_.personId},
                   {"order_id", seed_.orderId},
                   {"session_id", sessionId},
                   {"scheduled_start", "09:00"},
                   {"scheduled_end", "16:00"}});
    }

    Pulled samAfter = pull(sam_, samFirst.checkpoint);
    EXPECT_TRUE(samAfter.removed(v1::ENTITY_TYPE_PERSON_PLACEMENT, seed_.personId));
    for (const auto& id : seed_.appointmentIds)
        EXPECT_TRUE(samAfter.removed(v1::ENTITY_TYPE_APPOINTMENT, id));

    Pulled sueFirst = pull(sue);
    EXPECT_TRUE(sueFirst.has(v1::ENTITY_TYPE_PERSON_PLACEMENT, seed_.personId));
    for (const auto& id : seed_.appointmentIds)
        EXPECT_TRUE(sueFirst.has(v1::ENTITY_TYPE_APPOINTMENT, id));
    EXPECT_FALSE(sueFirst.has(v1::ENTITY_TYPE_PERSON, seed_.personId));

    // Sam can no longer record for them; Sue can.
    EXPECT_EQ(recordOutcome(sam_, supervisorId_, 0, "ATTC").reason_code(), "permission_denied");
    EXPECT_EQ(recordOutcome(sue, sueId, 0, "ATTC").result(), v1::OP_RESULT_ACCEPTED);
}

// --- the reconciliation queue: uploads queue people; they are recomputed after the commit ---

class ReconcileQueueTest : public ReconcileE2ETest {
protected:
    // Credited minutes of the order's progress record as the server holds it, or -1.
    std::int64_t creditedMinutes() {
        auto uow = store_->begin(AccessMode::ReadOnly);
        EXPECT_TRUE(uow.ok());
        auto progress = (*uow)->findEntity("progress", seed_.orderId);
        EXPECT_TRUE(progress.ok());
        if (!*progress || (*progress)->deleted)
            return -1;
        return json::parse((*progress)->bodyJson)["credited_minutes"].get<std::int64_t>();
    }
    std::int64_t queued() { return countRows("reconcile_queue"); }
};

TEST_F(ReconcileQueueTest, TheWorkerRecomputesAnUploadedPersonSoonAfterTheUpload) {
    ASSERT_EQ(recordOutcome(sam_, supervisorId_, 0, "ATTC").result(), v1::OP_RESULT_ACCEPTED);
    ASSERT_TRUE(server_->reconcileQueue().waitUntilIdle(std::chrono::seconds(10)));
    EXPECT_EQ(queued(), 0);
    EXPECT_EQ(creditedMinutes(), 420);  // 09:00-16:00
}

TEST_F(ReconcileQueueTest, AnOfficersDownloadRecomputesQueuedPeopleBeforeReadingThem) {
    server_->reconcileQueue().stop();  // nothing recomputes in the background now
    ASSERT_EQ(recordOutcome(sam_, supervisorId_, 0, "ATTC").result(), v1::OP_RESULT_ACCEPTED);
    ASSERT_EQ(recordOutcome(sam_, supervisorId_, 1, "ATTC").result(), v1::OP_RESULT_ACCEPTED);
    EXPECT_EQ(queued(), 1) << "the same person queued twice is one entry";
    EXPECT_EQ(creditedMinutes(), -1) << "not recomputed inside the upload";

    // A supervisor's download does not cover the person's derived records: nothing changes.
    ASSERT_TRUE(pull(sam_).status.ok());
    EXPECT_EQ(queued(), 1);

    Pulled officer = pull(olu_);
    ASSERT_TRUE(officer.status.ok()) << officer.status.error_message();
    auto progress = officer.live(v1::ENTITY_TYPE_PROGRESS);
    ASSERT_EQ(progress.size(), 1u);
    EXPECT_EQ(json::parse(progress[0].body_json())["credited_minutes"], 840);
    EXPECT_EQ(queued(), 0);
}

TEST_F(ReconcileQueueTest, PeopleQueuedWhenTheServerStoppedAreRecomputedWhenItStartsAgain) {
    server_->reconcileQueue().stop();
    ASSERT_EQ(recordOutcome(sam_, supervisorId_, 0, "ATTC").result(), v1::OP_RESULT_ACCEPTED);
    EXPECT_EQ(queued(), 1);
    EXPECT_EQ(creditedMinutes(), -1);

    // A new worker on the same database (as after a crash and restart) finds the entry.
    ReconcileQueue restarted(*store_, *reconciler_);
    restarted.start();
    ASSERT_TRUE(restarted.waitUntilIdle(std::chrono::seconds(10)));
    EXPECT_EQ(queued(), 0);
    EXPECT_EQ(creditedMinutes(), 420);
}

TEST_F(ReconcileQueueTest, ARejectedOperationQueuesNobody) {
    server_->reconcileQueue().stop();
    json body = outcomeBody(supervisorId_, "ATTC");
    body["arrival"] = "25:99";
    v1::OperationResult r =
        uploadOne(sam_, operation(EntityType::AppointmentOutcome, seed_.appointmentIds[0],
                                  OpKind::Create, body.dump()));
    ASSERT_EQ(r.result(), v1::OP_RESULT_REJECTED);
    EXPECT_EQ(queued(), 0);
}

}  // namespace
}  // namespace sitebook::server::testing
