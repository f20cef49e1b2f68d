// The temporal rule for outcomes at the server: an outcome for a session that has not started
// is refused with the domain's words and credits nothing; today's session is accepted; a
// correction that moves a record into the future is refused alike.
#include "server_fixture.h"
#include "sitebook/domain/civil_date.h"

namespace sitebook::server::testing {
namespace {

using nlohmann::json;

class OutcomeTimingE2ETest : public ReconcilingServerFixture {
protected:
    void SetUp() override {
        ReconcilingServerFixture::SetUp();
        seedSamAndOlu(1);  // 2026-01-01 09:00-16:00 (today)
        // The same project two days ahead, with an appointment for the same order.
        aheadSessionId_ = newId();
        putEntity(EntityType::Session, aheadSessionId_,
                  {{"id", aheadSessionId_},
                   {"project_id", seed_.projectId},
                   {"date", "2026-01-03"},
                   {"start", "09:00"},
                   {"end", "16:00"}});
        aheadAppointmentId_ = newId();
        putEntity(EntityType::Appointment, aheadAppointmentId_,
                  {{"id", aheadAppointmentId_},
                   {"person_id", seed_.personId},
                   {"order_id", seed_.orderId},
                   {"session_id", aheadSessionId_},
                   {"scheduled_start", "09:00"},
                   {"scheduled_end", "16:00"}});
    }

    // One operation uploaded by the supervisor.
    v1::OperationResult uploadOne(const v1::Operation& op) {
        return ReconcilingServerFixture::uploadOne(sam_, op);
    }

    // Minutes credited on the order in the officer's download; -1 when there is no progress.
    std::int64_t creditedMinutes() {
        Pulled officer = pull(olu_);
        EXPECT_TRUE(officer.status.ok()) << officer.status.error_message();
        for (const auto& c : officer.live(v1::ENTITY_TYPE_PROGRESS)) {
            if (c.entity_id() == seed_.orderId)
                return json::parse(c.body_json())["credited_minutes"].get<std::int64_t>();
        }
        return -1;
    }

    std::string aheadSessionId_, aheadAppointmentId_;
};

constexpr char kNotStarted[] =
    "This session starts at 09:00 on 2026-01-03. Record the outcome once the session has "
    "started.";

TEST_F(OutcomeTimingE2ETest, AnAttendedOutcomeTwoDaysAheadIsRefusedAndCreditsNothing) {
    const auto ahead = uploadOne(operation(EntityType::AppointmentOutcome, aheadAppointmentId_,
                                           OpKind::Create, outcomeBody(supervisorId_).dump()));
    EXPECT_EQ(ahead.result(), v1::OP_RESULT_REJECTED);
    EXPECT_EQ(ahead.reason_code(), "invalid_argument");
    EXPECT_EQ(ahead.field(), "code");
    EXPECT_EQ(ahead.message(), kNotStarted);

    // Today's session (started at 09:00; it is 12:00) is accepted and is all that is credited.
    const auto today = uploadOne(operation(EntityType::AppointmentOutcome, seed_.appointmentIds[0],
                                           OpKind::Create, outcomeBody(supervisorId_).dump()));
    EXPECT_EQ(today.result(), v1::OP_RESULT_ACCEPTED) << today.message();
    EXPECT_EQ(creditedMinutes(), 420);

    Pulled supervisor = pull(sam_);
    ASSERT_TRUE(supervisor.status.ok());
    EXPECT_FALSE(supervisor.has(v1::ENTITY_TYPE_APPOINTMENT_OUTCOME, aheadAppointmentId_));
}

TEST_F(OutcomeTimingE2ETest, AnOutcomeMadeBeforeItsSessionIsRefusedWhenUploadedAfterIt) {
    json body = outcomeBody(supervisorId_);  // recorded_at: 2026-01-01 12:00
    auto op =
        operation(EntityType::AppointmentOutcome, aheadAppointmentId_, OpKind::Create, body.dump());
    clock_.advance(3LL * 24 * 3600 * 1000);  // uploaded on 2026-01-04, after the session
    sam_ = login("sam");
    const auto r = uploadOne(op);
    EXPECT_EQ(r.result(), v1::OP_RESULT_REJECTED);
    EXPECT_EQ(r.message(), kNotStarted);
}

TEST_F(OutcomeTimingE2ETest, ADeviceClockSetAheadCannotDateAnOutcomeAfterItsSession) {
    json body = outcomeBody(supervisorId_);
    body["recorded_at"] = clock_.nowMillis() + 2LL * 24 * 3600 * 1000;  // claims 2026-01-03 12:00
    const auto r = uploadOne(operation(EntityType::AppointmentOutcome, aheadAppointmentId_,
                                       OpKind::Create, body.dump()));
    EXPECT_EQ(r.result(), v1::OP_RESULT_REJECTED);
    EXPECT_EQ(r.field(), "code");
}

TEST_F(OutcomeTimingE2ETest, ACorrectionThatMovesTheArrivalIntoTheFutureIsRefused) {
    const auto first = uploadOne(operation(EntityType::AppointmentOutcome, seed_.appointmentIds[0],
                                           OpKind::Create, outcomeBody(supervisorId_).dump()));
    ASSERT_EQ(first.result(), v1::OP_RESULT_ACCEPTED) << first.message();
    json corrected = outcomeBody(supervisorId_);
    corrected["arrival"] = "13:00";  // it is 12:00
    const auto r = uploadOne(operation(EntityType::AppointmentOutcome, seed_.appointmentIds[0],
                                       OpKind::Update, corrected.dump(), first.version()));
    EXPECT_EQ(r.result(), v1::OP_RESULT_REJECTED);
    EXPECT_EQ(r.field(), "arrival");
    EXPECT_EQ(r.message(),
              "The arrival time 13:00 is later than the time now (12:00). Enter the time they "
              "arrived.");
    EXPECT_EQ(creditedMinutes(), 420);  // the accepted 09:00-16:00 stands
}

TEST_F(OutcomeTimingE2ETest, TheSkewAllowanceLetsAnOutcomeInFiveMinutesBeforeTheStart) {
    json body = outcomeBody(supervisorId_, "UACP");
    for (const char* f : {"arrival", "finish", "work_quality", "behaviour"})
        body.erase(f);
    // 2026-01-03 08:54 UTC (GMT in January): six minutes before the session's 09:00 start.
    clock_.set((domain::CivilDate::parse("2026-01-03")->dayNumber() * 1440 + 8 * 60 + 54) *
               60'000LL);
    sam_ = login("sam");
    body["recorded_at"] = clock_.nowMillis();
    auto early = uploadOne(operation(EntityType::AppointmentOutcome, aheadAppointmentId_,
                                     OpKind::Create, body.dump()));
    EXPECT_EQ(early.result(), v1::OP_RESULT_REJECTED);
    clock_.advance(60'000);  // 08:55
    body["recorded_at"] = clock_.nowMillis();
    auto r = uploadOne(operation(EntityType::AppointmentOutcome, aheadAppointmentId_,
                                 OpKind::Create, body.dump()));
    EXPECT_EQ(r.result(), v1::OP_RESULT_ACCEPTED) << r.message();
}

TEST_F(OutcomeTimingE2ETest, BoundariesInUkTimeAcrossTheClockChanges) {
    struct Case {
        const char* name;
        const char* date;   // the session's (UK civil time)
        const char* start;  // "HH:MM"
        const char* utcDay;
        int utcMinute;  // server time, minutes after midnight UTC
        bool accepted;
    };
    const std::vector<Case> cases{
        {"GMT: six minutes early", "2026-02-02", "10:00", "2026-02-02", 9 * 60 + 54, false},
        {"GMT: five minutes early", "2026-02-02", "10:00", "2026-02-02", 9 * 60 + 55, true},
        {"BST starts: 08:54 GMT is 09:54", "2026-03-29", "10:00", "2026-03-29", 8 * 60 + 54, false},
        {"BST starts: 08:55 GMT is 09:55", "2026-03-29", "10:00", "2026-03-29", 8 * 60 + 55, true},
        {"BST: a midnight session from 22:55 GMT", "2026-07-02", "00:00", "2026-07-01",
         22 * 60 + 55, true},
        {"BST: not from 22:54 GMT", "2026-07-02", "00:00", "2026-07-01", 22 * 60 + 54, false},
        {"BST ends: 09:54 GMT", "2026-10-25", "10:00", "2026-10-25", 9 * 60 + 54, false},
        {"BST ends: 09:55 GMT", "2026-10-25", "10:00", "2026-10-25", 9 * 60 + 55, true},
    };
    for (const auto& c : cases) {
        putEntity(EntityType::Session, aheadSessionId_,
                  {{"id", aheadSessionId_},
                   {"project_id", seed_.projectId},
                   {"date", c.date},
                   {"start", c.start},
                   {"end", "23:00"}});
        clock_.set((domain::CivilDate::parse(c.utcDay)->dayNumber() * 1440 + c.utcMinute) *
                   60'000LL);
        sam_ = login("sam");
        json body = outcomeBody(supervisorId_, "UACP");
        for (const char* f : {"arrival", "finish", "work_quality", "behaviour"})
            body.erase(f);
        const auto r = uploadOne(operation(EntityType::AppointmentOutcome, aheadAppointmentId_,
                                           OpKind::Create, body.dump()));
        EXPECT_EQ(r.result() == v1::OP_RESULT_ACCEPTED ||
                      r.result() == v1::OP_RESULT_ACCEPTED_WITH_CONFLICT,
                  c.accepted)
            << c.name << ": " << r.message();
    }
}

TEST_F(OutcomeTimingE2ETest, TheAllowanceIsReadFromReferenceData) {
    v1::ReferenceData reference;
    auto ctx = context(sam_.accessToken);
    ASSERT_TRUE(reference_->GetReferenceData(ctx.get(), {}, &reference).ok());
    std::string allowance;
    for (const auto& p : reference.policy_values()) {
        if (p.key() == "clock_skew_allowance_minutes")
            allowance = p.value();
    }
    EXPECT_EQ(allowance, "5");
}

// An enforcement decision at the server: not dated before the failure it answers (the
// appointment's session date), not after today (UK date, with the allowance); the words are
// the device's, the field is decided_on.
TEST_F(OutcomeTimingE2ETest, DecisionsAreDatedBetweenTheFailureAndTodayInUkTime) {
    struct Case {
        const char* name;
        const char* failedOn;  // the session's date; a UACP at 09:00
        const char* decidedOn;
        const char* utcDay;
        int utcMinute;        // server time, minutes after midnight UTC
        const char* message;  // "" = accepted
    };
    const std::vector<Case> cases{
        {"the failure's day", "2026-02-02", "2026-02-02", "2026-02-02", 12 * 60, ""},
        {"a day before the failure", "2026-02-02", "2026-02-01", "2026-02-05", 12 * 60,
         "The decision date 2026-02-01 is before the appointment it answers, on 2026-02-02. "
         "Enter the date the decision was made, on or after 2026-02-02."},
        {"months ahead", "2026-02-02", "2026-06-01", "2026-02-05", 12 * 60,
         "The decision date 2026-06-01 is later than today (2026-02-05). Enter the date the "
         "decision was made."},
        {"GMT: tomorrow at 23:55", "2026-02-02", "2026-02-06", "2026-02-05", 23 * 60 + 55, ""},
        {"GMT: tomorrow at 23:54", "2026-02-02", "2026-02-06", "2026-02-05", 23 * 60 + 54,
         "The decision date 2026-02-06 is later than today (2026-02-05). Enter the date the "
         "decision was made."},
        {"BST starts: 00:30 GMT on the 29th", "2026-03-28", "2026-03-29", "2026-03-29", 30, ""},
        {"BST: 23:30 GMT is the next UK day", "2026-07-01", "2026-07-02", "2026-07-01",
         23 * 60 + 30, ""},
        {"BST: 22:54 GMT is 23:54 UK", "2026-07-01", "2026-07-02", "2026-07-01", 22 * 60 + 54,
         "The decision date 2026-07-02 is later than today (2026-07-01). Enter the date the "
         "decision was made."},
        {"BST ends: 23:30 GMT on the 24th is 00:30 BST", "2026-10-24", "2026-10-25", "2026-10-24",
         23 * 60 + 30, ""},
    };
    for (const auto& c : cases) {
        const std::string sessionId = newId();
        putEntity(EntityType::Session, sessionId,
                  {{"id", sessionId},
                   {"project_id", seed_.projectId},
                   {"date", c.failedOn},
                   {"start", "09:00"},
                   {"end", "16:00"}});
        const std::string appointmentId = newId();
        putEntity(EntityType::Appointment, appointmentId,
                  {{"id", appointmentId},
                   {"person_id", seed_.personId},
                   {"order_id", seed_.orderId},
                   {"session_id", sessionId},
                   {"scheduled_start", "09:00"},
                   {"scheduled_end", "16:00"}});
        json absence = outcomeBody(supervisorId_, "UACP");
        for (const char* f : {"arrival", "finish", "work_quality", "behaviour"})
            absence.erase(f);
        putEntity(EntityType::AppointmentOutcome, appointmentId, absence);
        clock_.set((domain::CivilDate::parse(c.utcDay)->dayNumber() * 1440 + c.utcMinute) *
                   60'000LL);
        olu_ = login("olu", olu_.deviceId);
        const json decision{{"id", newId()},
                            {"appointment_id", appointmentId},
                            {"order_id", seed_.orderId},
                            {"action", "refer_for_breach"},
                            {"decided_on", c.decidedOn},
                            {"decided_by", officerId_},
                            {"note", ""}};
        const auto r = ReconcilingServerFixture::uploadOne(
            olu_, operation(EntityType::EnforcementDecision, decision["id"], OpKind::Create,
                            decision.dump()));
        if (std::string(c.message).empty()) {
            EXPECT_EQ(r.result(), v1::OP_RESULT_ACCEPTED) << c.name << ": " << r.message();
            continue;
        }
        EXPECT_EQ(r.result(), v1::OP_RESULT_REJECTED) << c.name;
        EXPECT_EQ(r.reason_code(), "invalid_argument") << c.name;
        EXPECT_EQ(r.field(), "decided_on") << c.name;
        EXPECT_EQ(r.message(), c.message) << c.name;
    }
}

}  // namespace
}  // namespace sitebook::server::testing
