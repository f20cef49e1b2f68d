// The responsible officer's desk end to end over gRPC: the 12-month rule judged on the failure's
// date by both the item and the upload validation, supervisor alerts as items the officer
// acknowledges, conflicts settled by confirming one version, and absences judged acceptable.
#include <sstream>

#include "server_fixture.h"

namespace sitebook::server::testing {
namespace {

using nlohmann::json;

class OfficerDeskTest : public ReconcilingServerFixture {
protected:
    void SetUp() override {
        ReconcilingServerFixture::SetUp();
        seedSamAndOlu(2);
    }

    static json absence(const std::string& userId, std::int64_t at) {
        return {
            {"code", "UACP"}, {"penalty_minutes", 0}, {"recorded_by", userId}, {"recorded_at", at}};
    }

    // An appointment of the seeded person in a new session of the seeded project on `date`.
    std::string appointmentOn(const std::string& date) {
        const std::string sessionId = newId();
        putEntity(EntityType::Session, sessionId,
                  {{"id", sessionId},
                   {"project_id", seed_.projectId},
                   {"date", date},
                   {"start", "09:00"},
                   {"end", "16:00"}});
        const std::string id = newId();
        putEntity(EntityType::Appointment, id,
                  {{"id", id},
                   {"person_id", seed_.personId},
                   {"order_id", seed_.orderId},
                   {"session_id", sessionId},
                   {"scheduled_start", "09:00"},
                   {"scheduled_end", "16:00"}});
        return id;
    }

    json decision(const std::string& appointmentId, const std::string& action,
                  const std::string& decidedOn, const std::string& note = "") {
        return {{"id", newId()},    {"appointment_id", appointmentId}, {"order_id", seed_.orderId},
                {"action", action}, {"decided_on", decidedOn},         {"decided_by", officerId_},
                {"note", note}};
    }

    v1::OperationResult decide(const json& body) {
        return uploadOne(olu_, operation(EntityType::EnforcementDecision, body["id"],
                                         OpKind::Create, body.dump()));
    }

    void reconcileEveryone() {
        auto run = reconciler_->reconcileAll(*store_);
        ASSERT_TRUE(run.ok()) << run.error().toString();
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

    static std::optional<json> itemFor(const Pulled& pulled, const std::string& kind,
                                       const std::string& appointmentId) {
        for (auto& i : items(pulled, kind)) {
            if (i["appointment_id"] == appointmentId)
                return i;
        }
        return std::nullopt;
    }

    // Audit rows of one record: (user, action, before, after), oldest first.
    std::vector<std::array<std::string, 4>> audit(const std::string& entityType,
                                                  const std::string& entityId) {
        std::vector<std::array<std::string, 4>> out;
        auto uow = store_->begin(AccessMode::ReadOnly);
        EXPECT_TRUE(uow.ok());
        if (!uow.ok())
            return out;
        auto entries = (*uow)->auditForEntity(entityType, entityId);
        EXPECT_TRUE(entries.ok());
        if (!entries.ok())
            return out;
        for (const auto& e : *entries) {
            if (e.action == "write_refused")
                continue;
            out.push_back({e.userId, e.action, e.before.value_or(""), e.after.value_or("")});
        }
        return out;
    }
};

// --- The 12-month rule: one date, the failure's ------------------------------------------

TEST_F(OfficerDeskTest, TheTwelveMonthRuleIsJudgedOnTheFailureDateByItemAndUploadAlike) {
    // A failure on 2025-10-06, warned on 2025-10-08: the window covers failures up to
    // 2026-10-07.
    const std::string warned = appointmentOn("2025-10-06");
    putEntity(EntityType::AppointmentOutcome, warned, absence(supervisorId_, clock_.nowMillis()));
    const json warning = decision(warned, "warning_issued", "2025-10-08");
    putEntity(EntityType::EnforcementDecision, warning["id"], warning);
    // A failure on the last day of the window, and one the day before the warning.
    const std::string inside = appointmentOn("2026-10-07");
    putEntity(EntityType::AppointmentOutcome, inside, absence(supervisorId_, clock_.nowMillis()));
    const std::string before = appointmentOn("2025-10-07");
    putEntity(EntityType::AppointmentOutcome, before, absence(supervisorId_, clock_.nowMillis()));
    reconcileEveryone();

    Pulled officer = pull(olu_);
    ASSERT_TRUE(officer.status.ok()) << officer.status.error_message();
    auto insideItem = itemFor(officer, "enforcement_due", inside);
    ASSERT_TRUE(insideItem);
    EXPECT_EQ((*insideItem)["breach_referral_required"], true);
    auto beforeItem = itemFor(officer, "enforcement_due", before);
    ASSERT_TRUE(beforeItem);
    EXPECT_EQ((*beforeItem)["breach_referral_required"], false);

    // Decided after the warning's anniversary: the failure still falls within the window, so
    // the item's "referral required" holds and another warning is refused.
    // (Decisions are not dated after today: the officer decides on 2026-10-12.)
    clock_.set((domain::CivilDate::parse("2026-10-12")->dayNumber() * 1440 + 12 * 60) * 60'000LL);
    olu_ = login("olu", olu_.deviceId);
    v1::OperationResult late = decide(decision(inside, "warning_issued", "2026-10-12"));
    EXPECT_EQ(late.result(), v1::OP_RESULT_REJECTED);
    EXPECT_EQ(late.field(), "action");
    EXPECT_NE(late.message().find("breach referral is required"), std::string::npos)
        << late.message();
    EXPECT_EQ(decide(decision(inside, "refer_for_breach", "2026-10-12")).result(),
              v1::OP_RESULT_ACCEPTED);

    // A failure before the warning, decided after it: the item said no referral is needed,
    // and a warning is accepted.
    EXPECT_EQ(decide(decision(before, "warning_issued", "2025-10-20")).result(),
              v1::OP_RESULT_ACCEPTED);

    Pulled after = pull(olu_, officer.checkpoint);
    EXPECT_TRUE(after.removed(v1::ENTITY_TYPE_RO_ITEM, (*insideItem)["id"]));
    EXPECT_TRUE(after.removed(v1::ENTITY_TYPE_RO_ITEM, (*beforeItem)["id"]));
}

TEST_F(OfficerDeskTest, NoFurtherActionNeedsAReason) {
    putEntity(EntityType::AppointmentOutcome, seed_.appointmentIds[0],
              absence(supervisorId_, clock_.nowMillis()));
    v1::OperationResult r =
        decide(decision(seed_.appointmentIds[0], "no_further_action", "2026-01-01", " "));
    EXPECT_EQ(r.result(), v1::OP_RESULT_REJECTED);
    EXPECT_EQ(r.field(), "note");
    EXPECT_EQ(decide(decision(seed_.appointmentIds[0], "no_further_action", "2026-01-01",
                              "Bus cancelled; confirmed with the operator"))
                  .result(),
              v1::OP_RESULT_ACCEPTED);
}

// --- Absence judged acceptable -------------------------------------------------------------

TEST_F(OfficerDeskTest, AnAbsenceJudgedAcceptableIsReclassifiedAndNothingIsEnforceable) {
    const std::string id = seed_.appointmentIds[0];
    ASSERT_EQ(uploadOne(sam_, operation(EntityType::AppointmentOutcome, id, OpKind::Create,
                                        absence(supervisorId_, clock_.nowMillis()).dump()))
                  .result(),
              v1::OP_RESULT_ACCEPTED);
    Pulled officer = pull(olu_);
    auto item = itemFor(officer, "enforcement_due", id);
    ASSERT_TRUE(item);

    json noCode = decision(id, "absence_acceptable", "2026-01-01", "GP fit note seen");
    EXPECT_EQ(decide(noCode).field(), "reclassified_as");
    json noEvidence = decision(id, "absence_acceptable", "2026-01-01");
    noEvidence["reclassified_as"] = "AAME";
    EXPECT_EQ(decide(noEvidence).field(), "note");

    json accepted =
        decision(id, "absence_acceptable", "2026-01-01", "GP fit note dated 31 December seen");
    accepted["reclassified_as"] = "AAME";
    ASSERT_EQ(decide(accepted).result(), v1::OP_RESULT_ACCEPTED);
    const auto rows = audit("enforcement_decision", accepted["id"]);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0][0], officerId_);
    EXPECT_EQ(json::parse(rows[0][3])["reclassified_as"], "AAME");

    Pulled after = pull(olu_, officer.checkpoint);
    EXPECT_TRUE(after.removed(v1::ENTITY_TYPE_RO_ITEM, (*item)["id"]));
    // Nothing is enforceable any more: no new item, and a further decision is refused.
    reconcileEveryone();
    Pulled again = pull(olu_);
    EXPECT_FALSE(itemFor(again, "enforcement_due", id));
    EXPECT_EQ(decide(decision(id, "warning_issued", "2026-01-01")).result(),
              v1::OP_RESULT_REJECTED);
    // The supervisor's record is kept as they recorded it.
    EXPECT_EQ(json::parse(again.live(v1::ENTITY_TYPE_APPOINTMENT_OUTCOME)[0].body_json())["code"],
              "UACP");
}

TEST_F(OfficerDeskTest, OnlyAnUnacceptableAbsenceCanBeJudgedAcceptable) {
    putEntity(EntityType::AppointmentOutcome, seed_.appointmentIds[0],
              outcomeBody(supervisorId_, "AFTC"));
    json d = decision(seed_.appointmentIds[0], "absence_acceptable", "2026-01-01", "Evidence");
    d["reclassified_as"] = "AAME";
    v1::OperationResult r = decide(d);
    EXPECT_EQ(r.result(), v1::OP_RESULT_REJECTED);
    EXPECT_EQ(r.field(), "action");
}

// The management report reads the records as the reconciler does: an absence judged acceptable
// is an acceptable absence in every figure, not an enforceable failure.
TEST_F(OfficerDeskTest, TheReportCountsAnAbsenceJudgedAcceptableAsAnAcceptableAbsence) {
    for (const auto& id : seed_.appointmentIds) {
        ASSERT_EQ(uploadOne(sam_, operation(EntityType::AppointmentOutcome, id, OpKind::Create,
                                            absence(supervisorId_, clock_.nowMillis()).dump()))
                      .result(),
                  v1::OP_RESULT_ACCEPTED);
    }
    json acceptable = decision(seed_.appointmentIds[0], "absence_acceptable", "2026-01-01",
                               "GP fit note dated 31 December seen");
    acceptable["reclassified_as"] = "AAME";
    ASSERT_EQ(decide(acceptable).result(), v1::OP_RESULT_ACCEPTED);
    ASSERT_EQ(decide(decision(seed_.appointmentIds[1], "warning_issued", "2026-01-01")).result(),
              v1::OP_RESULT_ACCEPTED);
    reconcileEveryone();

    // `sitebook-server report` over a copy of the server's data directory (SQLite) or the
    // live database (PostgreSQL: --database).
    const auto copy = dir_ / "report-data";
    std::filesystem::create_directories(copy);
    std::vector<std::string> where = {"--data-dir", copy.string()};
    if (onPostgres()) {
        where = {"--database", storeLocation_->location()};
    } else {
        auto db = storage::Database::openUnencrypted(dbPath());
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(
            (*db)->exec("VACUUM INTO '" + (copy / "sitebook-server.db").string() + "'").ok());
    }
    CommandTable table;
    addDataCommands(table);
    table.setReconcilerFactory([](const Clock& clock) -> std::unique_ptr<Reconciler> {
        return std::make_unique<PersonReconciler>(clock, reconcile::ReconcilePolicy::defaults());
    });
    std::istringstream in;
    std::ostringstream out, err;
    ASSERT_EQ(table.run({"sitebook-server", "report", "--format", "json", where[0], where[1]}, in,
                        out, err, clock_, random_),
              kExitOk)
        << err.str();
    const json region = json::parse(out.str())["region"];
    // One failure to attend (the warned one); the other is an acceptable absence.
    EXPECT_EQ(region["enforceable_outcomes"], 1) << region.dump();
    EXPECT_EQ(region["acceptable_absences"], 1) << region.dump();
    EXPECT_EQ(region["attended_appointments"], 0) << region.dump();
    EXPECT_EQ(region["decided_on_time"], 1) << region.dump();
    EXPECT_EQ(region["decided_late"], 0) << region.dump();
    EXPECT_EQ(region["pending"], 0) << region.dump();
    EXPECT_EQ(region["enforcement_on_time_percent"], 100.0) << region.dump();
}

// --- Supervisor alerts ---------------------------------------------------------------------

TEST_F(OfficerDeskTest, ASupervisorsAlertIsAnInboxItemUntilTheOfficerAcknowledgesIt) {
    const std::string feedbackId = newId();
    json feedback{{"id", feedbackId},
                  {"appointment_id", seed_.appointmentIds[0]},
                  {"progress", "Worked well"},
                  {"alert_officer", true},
                  {"alert_reason", "Says he is sleeping in his car <b>since Monday</b>"}};
    ASSERT_EQ(uploadOne(sam_, operation(EntityType::Feedback, feedbackId, OpKind::Create,
                                        feedback.dump()))
                  .result(),
              v1::OP_RESULT_ACCEPTED);

    Pulled officer = pull(olu_);
    ASSERT_TRUE(officer.status.ok()) << officer.status.error_message();
    auto alerts = items(officer, "supervisor_alert");
    ASSERT_EQ(alerts.size(), 1u);
    EXPECT_EQ(alerts[0]["feedback_id"], feedbackId);
    EXPECT_EQ(alerts[0]["reason"], "Says he is sleeping in his car <b>since Monday</b>");
    EXPECT_EQ(alerts[0]["appointment_id"], seed_.appointmentIds[0]);
    EXPECT_EQ(alerts[0]["due_on"], "2026-01-03");  // session 2026-01-01 + 2 days
    // Supervisors never receive items.
    EXPECT_TRUE(pull(sam_).live(v1::ENTITY_TYPE_RO_ITEM).empty());

    auto ack = [&](const Session& s, const std::string& by, const std::string& about) {
        const std::string id = newId();
        json body{{"id", id},
                  {"feedback_id", about},
                  {"appointment_id", seed_.appointmentIds[0]},
                  {"acknowledged_by", by},
                  {"acknowledged_at", clock_.nowMillis()},
                  {"note", ""}};
        return std::make_pair(id, uploadOne(s, operation(EntityType::AlertAcknowledgement, id,
                                                         OpKind::Create, body.dump())));
    };
    // Only the responsible officer acknowledges, and only an alert.
    EXPECT_EQ(ack(sam_, supervisorId_, feedbackId).second.reason_code(), "permission_denied");
    EXPECT_EQ(ack(olu_, officerId_, newId()).second.reason_code(), "not_found");

    auto [ackId, result] = ack(olu_, officerId_, feedbackId);
    ASSERT_EQ(result.result(), v1::OP_RESULT_ACCEPTED) << result.message();
    const auto rows = audit("alert_acknowledgement", ackId);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0][0], officerId_);
    EXPECT_EQ(rows[0][1], "create");

    Pulled after = pull(olu_, officer.checkpoint);
    EXPECT_TRUE(after.removed(v1::ENTITY_TYPE_RO_ITEM, alerts[0]["id"]));
    EXPECT_TRUE(after.has(v1::ENTITY_TYPE_ALERT_ACKNOWLEDGEMENT, ackId));
    EXPECT_FALSE(pull(sam_).has(v1::ENTITY_TYPE_ALERT_ACKNOWLEDGEMENT, ackId));
}

// --- Conflicts settled by the officer ------------------------------------------------------

TEST_F(OfficerDeskTest, TheOfficerSettlesAConflictByConfirmingOneVersion) {
    const std::string sueId = addUser("sue", Role::Supervisor);
    putEntity(EntityType::Project, seed_.projectId,
              {{"id", seed_.projectId},
               {"code", "P-001"},
               {"name", "Riverside clean-up"},
               {"type", "GROUP"},
               {"supervisor_ids", json::array({supervisorId_, sueId})}});
    Session sue = login("sue");
    const std::string id = seed_.appointmentIds[0];

    // Not in conflict yet: an officer may not record an outcome.
    ASSERT_EQ(uploadOne(sam_, operation(EntityType::AppointmentOutcome, id, OpKind::Create,
                                        outcomeBody(supervisorId_, "ATTC").dump()))
                  .result(),
              v1::OP_RESULT_ACCEPTED);
    EXPECT_EQ(uploadOne(olu_, operation(EntityType::AppointmentOutcome, id, OpKind::Update,
                                        outcomeBody(officerId_, "ATTC").dump(), 1))
                  .reason_code(),
              "permission_denied");

    clock_.advance(60'000);
    ASSERT_EQ(uploadOne(sue, operation(EntityType::AppointmentOutcome, id, OpKind::Create,
                                       outcomeBody(sueId, "AFTC").dump()))
                  .result(),
              v1::OP_RESULT_ACCEPTED_WITH_CONFLICT);

    Pulled officer = pull(olu_);
    auto conflict = itemFor(officer, "conflict", id);
    ASSERT_TRUE(conflict);
    const json& versions = (*conflict)["versions"];
    ASSERT_EQ(versions.size(), 2u);
    EXPECT_EQ(versions[0]["outcome"]["code"], "ATTC");
    EXPECT_EQ(versions[1]["outcome"]["code"], "AFTC");
    EXPECT_EQ(versions[0]["outcome"]["arrival"], "09:00");

    // A version nobody recorded is refused.
    EXPECT_EQ(uploadOne(olu_, operation(EntityType::AppointmentOutcome, id, OpKind::Update,
                                        outcomeBody(officerId_, "ATSS").dump(), 2))
                  .field(),
              "code");

    // "This outcome is right" on Sam's ATTC.
    json chosen = versions[0]["outcome"];
    chosen["recorded_by"] = officerId_;
    chosen["recorded_at"] = clock_.nowMillis();
    v1::OperationResult settled = uploadOne(
        olu_, operation(EntityType::AppointmentOutcome, id, OpKind::Update, chosen.dump(), 2));
    ASSERT_EQ(settled.result(), v1::OP_RESULT_ACCEPTED) << settled.message();

    Pulled after = pull(olu_, officer.checkpoint);
    EXPECT_TRUE(after.removed(v1::ENTITY_TYPE_RO_ITEM, (*conflict)["id"]));
    auto outcome = after.live(v1::ENTITY_TYPE_APPOINTMENT_OUTCOME);
    ASSERT_EQ(outcome.size(), 1u);
    EXPECT_EQ(json::parse(outcome[0].body_json())["code"], "ATTC");
    // AFTC is no longer the outcome, so no decision is due.
    EXPECT_FALSE(itemFor(pull(olu_), "enforcement_due", id));
    // Both versions stay in the operation log; the officer's confirmation is audited.
    EXPECT_EQ(countRows("operations"), 3);
    const auto rows = audit("appointment_outcome", id);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[2][0], officerId_);
    EXPECT_EQ(rows[2][1], "update");
    EXPECT_EQ(json::parse(rows[2][2])["code"], "AFTC");
    EXPECT_EQ(json::parse(rows[2][3])["code"], "ATTC");
}

}  // namespace
}  // namespace sitebook::server::testing
