#include <gtest/gtest.h>

#include <cmath>

#include "fixtures.h"
#include "sitebook/domain/validation.h"

namespace sitebook::domain {
namespace {

using test::date;
using test::hm;
using test::id;
using test::repeat;

TEST(ValidationTest, PersonRules) {
    using P = Person;
    test::expectRules<P>(
        test::validPerson(),
        {
            {"other valid crn", [](P& p) { p.crn = "A000001"; }, "", ""},
            {"lower-case crn", [](P& p) { p.crn = "x123456"; }, "crn",
             "crn 'x123456' must be one upper-case letter followed by 6 digits"},
            {"short crn", [](P& p) { p.crn = "X12345"; }, "crn", "'X12345'"},
            {"long crn", [](P& p) { p.crn = "X1234567"; }, "crn", "6 digits"},
            {"two letters", [](P& p) { p.crn = "XX12345"; }, "crn", "6 digits"},
            {"no letter", [](P& p) { p.crn = "1234567"; }, "crn", "6 digits"},
            {"empty crn", [](P& p) { p.crn = ""; }, "crn", "6 digits"},
            {"bad id", [](P& p) { p.id = "not-a-uuid"; }, "id",
             "id 'not-a-uuid' is not a valid UUID"},
            {"empty id", [](P& p) { p.id = ""; }, "id", "id is required"},
            {"empty forenames", [](P& p) { p.forenames = ""; }, "forenames",
             "forenames is required"},
            {"blank surname", [](P& p) { p.surname = "  "; }, "surname", "surname is required"},
            {"invalid UTF-8 surname", [](P& p) { p.surname = "Ta\xFFylor"; }, "surname",
             "surname is not valid UTF-8"},
            {"surname too long", [](P& p) { p.surname = repeat("a", 201); }, "surname",
             "surname has 201 characters; the maximum is 200"},
            {"200 two-byte characters fit", [](P& p) { p.surname = repeat("\xC3\xA9", 200); }, "",
             ""},
            {"no officer", [](P& p) { p.responsible_officer_id = ""; }, "responsible_officer_id",
             "responsible_officer_id is required"},
            {"blank flag", [](P& p) { p.placement_flags.push_back(" "); }, "placement_flags[1]",
             "placement_flags[1] is required"},
        },
        validatePerson);
}

TEST(ValidationTest, OrderRules) {
    const Policy policy = Policy::defaults();
    using O = Order;
    test::expectRules<O>(
        test::validOrder(),
        {
            {"40 hours", [](O& o) { o.required_minutes = 2400; }, "", ""},
            {"300 hours", [](O& o) { o.required_minutes = 18000; }, "", ""},
            {"below range", [](O& o) { o.required_minutes = 2399; }, "required_minutes",
             "required_minutes 2399 is outside the allowed 2400..18000 (40 to 300 hours)"},
            {"above range", [](O& o) { o.required_minutes = 18001; }, "required_minutes",
             "required_minutes 18001 is outside"},
            {"bad person", [](O& o) { o.person_id = "42"; }, "person_id", "not a valid UUID"},
            {"negative adjustment", [](O& o) { o.adjustments[0].minutes = -60; }, "", ""},
            {"zero adjustment", [](O& o) { o.adjustments[0].minutes = 0; },
             "adjustments[0].minutes", "adjustments[0].minutes must not be zero"},
            {"adjustment without reason", [](O& o) { o.adjustments[0].reason = " "; },
             "adjustments[0].reason", "adjustments[0].reason is required"},
            {"adjustment without id", [](O& o) { o.adjustments[0].id = ""; }, "adjustments[0].id",
             "is required"},
            {"second adjustment zero",
             [](O& o) {
                 o.adjustments.push_back({id(22), 0, "typo", date("2026-01-01")});
             },
             "adjustments[1].minutes", "must not be zero"},
            {"adjustments below zero", [](O& o) { o.adjustments[0].minutes = -7000; },
             "adjustments", "adjustments leave -1000 required minutes"},
        },
        [&](const O& o) { return validateOrder(o, policy); });
}

TEST(ValidationTest, OrderRangeIsThePolicyOnTheSentenceDate) {
    Policy policy = Policy::defaults();
    policy.order_required_minutes.set(date("2027-01-01"), MinutesRange{60, 6000});
    Order o = test::validOrder();
    o.required_minutes = 9000;
    o.sentence_date = date("2026-12-31");
    EXPECT_TRUE(validateOrder(o, policy).ok());
    o.sentence_date = date("2027-01-01");
    const Status s = validateOrder(o, policy);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().field, "required_minutes");
    EXPECT_NE(s.error().message.find("60..6000 (1 to 100 hours)"), std::string::npos)
        << s.error().message;
}

TEST(ValidationTest, ProjectSessionAndAppointmentRules) {
    using Pr = Project;
    test::expectRules<Pr>(
        test::validProject(),
        {
            {"no beneficiary", [](Pr& p) { p.beneficiary = ""; }, "", ""},
            {"blank code", [](Pr& p) { p.code = ""; }, "code", "code is required"},
            {"blank name", [](Pr& p) { p.name = "\t"; }, "name", "name is required"},
            {"unknown type", [](Pr& p) { p.type = static_cast<ProjectType>(42); }, "type",
             "not a known project type"},
            {"bad location text", [](Pr& p) { p.location = "\xC0\xAF"; }, "location",
             "location is not valid UTF-8"},
            {"bad supervisor", [](Pr& p) { p.supervisor_ids.push_back("nobody"); },
             "supervisor_ids[2]", "supervisor_ids[2] 'nobody' is not a valid UUID"},
        },
        validateProject);

    using S = Session;
    test::expectRules<S>(test::validSession(),
                         {
                             {"one minute", [](S& s) { s.end = hm("09:01"); }, "", ""},
                             {"end equals start", [](S& s) { s.end = hm("09:00"); }, "end",
                              "end 09:00 must be after start 09:00"},
                             {"end before start", [](S& s) { s.end = hm("08:00"); }, "end",
                              "end 08:00 must be after"},
                             {"bad project", [](S& s) { s.project_id = ""; }, "project_id",
                              "project_id is required"},
                         },
                         validateSession);

    using A = Appointment;
    test::expectRules<A>(
        test::validAppointment(),
        {
            {"outcome with unknown code is tolerated",
             [](A& a) {
                 a.outcome = test::attendedOutcome();
                 a.outcome->code = Outcome::fromText("ZZ99");
             },
             "", ""},
            {"end before start", [](A& a) { a.scheduled_end = hm("08:30"); }, "scheduled_end",
             "scheduled_end 08:30 must be after scheduled_start 09:00"},
            {"bad session", [](A& a) { a.session_id = "x"; }, "session_id", "not a valid UUID"},
            {"bad order", [](A& a) { a.order_id = ""; }, "order_id", "order_id is required"},
        },
        validateAppointment);
}

struct OutcomeInput {
    AppointmentOutcome outcome = test::attendedOutcome();
    Role role = Role::Supervisor;
};

TEST(ValidationTest, OutcomeRules) {
    using I = OutcomeInput;
    auto absent = [](I& i, OutcomeCode code) {
        i.outcome.code = code;
        i.outcome.arrival.reset();
        i.outcome.finish.reset();
        i.outcome.work_quality.reset();
        i.outcome.behaviour.reset();
    };
    test::expectRules<I>(
        OutcomeInput{},
        {
            {"failed to comply with penalty",
             [](I& i) {
                 i.outcome.code = OutcomeCode::AFTC;
                 i.outcome.penalty_minutes = 60;
             },
             "", ""},
            {"penalty equals length", [](I& i) { i.outcome.penalty_minutes = 420; }, "", ""},
            {"penalty exceeds length", [](I& i) { i.outcome.penalty_minutes = 500; },
             "penalty_minutes", "penalty_minutes 500 exceeds the appointment's 420 minutes"},
            {"penalty measured on actual times",
             [](I& i) {
                 i.outcome.arrival = hm("10:00");
                 i.outcome.finish = hm("12:00");
                 i.outcome.penalty_minutes = 121;
             },
             "penalty_minutes", "penalty_minutes 121 exceeds the appointment's 120 minutes"},
            {"negative penalty", [](I& i) { i.outcome.penalty_minutes = -5; }, "penalty_minutes",
             "penalty_minutes -5 must not be negative"},
            {"attended without arrival", [](I& i) { i.outcome.arrival.reset(); }, "arrival",
             "arrival is required for outcome ATTC (Attended – Complied)"},
            {"attended without finish", [](I& i) { i.outcome.finish.reset(); }, "finish",
             "finish is required for outcome ATTC"},
            {"finish equals arrival", [](I& i) { i.outcome.finish = hm("09:00"); }, "finish",
             "finish 09:00 must be after arrival 09:00"},
            {"finish before arrival", [](I& i) { i.outcome.finish = hm("08:00"); }, "finish",
             "finish 08:00 must be after arrival 09:00"},
            {"attended without work quality", [](I& i) { i.outcome.work_quality.reset(); },
             "work_quality", "work_quality is required for outcome ATTC"},
            {"sent home without behaviour",
             [](I& i) {
                 i.outcome.code = OutcomeCode::ATSH;
                 i.outcome.behaviour.reset();
             },
             "behaviour", "behaviour is required for outcome ATSH"},
            {"corrupt rating", [](I& i) { i.outcome.behaviour = static_cast<Rating>(77); },
             "behaviour", "behaviour is not a known rating"},
            {"not applicable rating", [](I& i) { i.outcome.work_quality = Rating::NotApplicable; },
             "", ""},
            {"supervisor records absence", [&](I& i) { absent(i, OutcomeCode::UACP); }, "", ""},
            {"absence with arrival",
             [&](I& i) {
                 absent(i, OutcomeCode::UACP);
                 i.outcome.arrival = hm("09:00");
             },
             "arrival", "arrival must be empty for outcome UACP (Unacceptable Absence)"},
            {"absence with finish",
             [&](I& i) {
                 absent(i, OutcomeCode::UACP);
                 i.outcome.finish = hm("16:00");
             },
             "finish", "finish must be empty for outcome UACP"},
            {"absence with penalty",
             [&](I& i) {
                 absent(i, OutcomeCode::UACP);
                 i.outcome.penalty_minutes = 30;
             },
             "penalty_minutes", "penalty_minutes must be 0 for outcome UACP"},
            {"supervisor may not record medical absence",
             [&](I& i) { absent(i, OutcomeCode::AAME); }, "code",
             "a supervisor may not record outcome AAME (Acceptable Absence – Medical)"},
            {"admin records medical absence",
             [&](I& i) {
                 absent(i, OutcomeCode::AAME);
                 i.role = Role::Admin;
             },
             "", ""},
            {"officer records reschedule",
             [&](I& i) {
                 absent(i, OutcomeCode::RSSR);
                 i.role = Role::Officer;
             },
             "", ""},
            {"manager is read-only", [](I& i) { i.role = Role::Manager; }, "code",
             "a manager may not record outcome ATTC"},
            {"unknown code cannot be recorded",
             [](I& i) {
                 i.outcome.code = Outcome::fromText("ZZ99");
                 i.role = Role::Admin;
             },
             "code", "outcome code 'ZZ99' is not recognised"},
            {"recorder id", [](I& i) { i.outcome.recorded_by = "sup-1"; }, "recorded_by",
             "recorded_by 'sup-1' is not a valid UUID"},
        },
        [](const I& i) { return validateOutcome(i.outcome, i.role); });
}

TEST(ValidationTest, WorkSkillAndFeedbackRules) {
    using W = WorkUndertaken;
    test::expectRules<W>(
        test::validWork(),
        {
            {"no quantity, no unit",
             [](W& w) {
                 w.quantity.reset();
                 w.unit = "";
             },
             "", ""},
            {"zero quantity", [](W& w) { w.quantity = 0.0; }, "", ""},
            {"longest description", [](W& w) { w.description = repeat("\xE2\x82\xAC", 1000); }, "",
             ""},
            {"unknown category", [](W& w) { w.category = static_cast<WorkCategory>(99); },
             "category", "category is not a known work category"},
            {"empty description", [](W& w) { w.description = ""; }, "description",
             "description is required"},
            {"description too long", [](W& w) { w.description = repeat("x", 1001); }, "description",
             "description has 1001 characters; the maximum is 1000"},
            {"description not UTF-8", [](W& w) { w.description = "\xED\xA0\x80"; }, "description",
             "description is not valid UTF-8"},
            {"negative quantity", [](W& w) { w.quantity = -1.0; }, "quantity",
             "quantity -1 must be a number of at least 0"},
            {"NaN quantity", [](W& w) { w.quantity = std::nan(""); }, "quantity",
             "must be a number of at least 0"},
            {"quantity without unit", [](W& w) { w.unit = " "; }, "unit",
             "unit is required when a quantity (12) is given"},
            {"bad appointment", [](W& w) { w.appointment_id = "a"; }, "appointment_id",
             "not a valid UUID"},
        },
        validateWorkUndertaken);

    using S = SkillObservation;
    test::expectRules<S>(
        test::validSkill(),
        {
            {"no note", [](S& s) { s.note = ""; }, "", ""},
            {"unknown skill", [](S& s) { s.skill = static_cast<Skill>(99); }, "skill",
             "skill is not in the skill taxonomy"},
            {"unknown level", [](S& s) { s.level = static_cast<SkillLevel>(-1); }, "level",
             "level is not a known skill level"},
            {"note too long", [](S& s) { s.note = repeat("n", 4001); }, "note",
             "note has 4001 characters; the maximum is 4000"},
            {"note not UTF-8", [](S& s) { s.note = "\x80"; }, "note", "note is not valid UTF-8"},
        },
        validateSkillObservation);

    using F = Feedback;
    test::expectRules<F>(test::validFeedback(),
                         {
                             {"alert with reason",
                              [](F& f) {
                                  f.alert_officer = true;
                                  f.alert_reason = "Disclosed housing crisis";
                              },
                              "", ""},
                             {"alert without reason", [](F& f) { f.alert_officer = true; },
                              "alert_reason", "alert_reason is required when alert_officer is set"},
                             {"alert with blank reason",
                              [](F& f) {
                                  f.alert_officer = true;
                                  f.alert_reason = " \n";
                              },
                              "alert_reason", "alert_reason is required"},
                             {"longest progress",
                              [](F& f) { f.progress = repeat("\xF0\x9F\x98\x80", 4000); }, "", ""},
                             {"concerns too long", [](F& f) { f.concerns = repeat("c", 4001); },
                              "concerns", "concerns has 4001 characters; the maximum is 4000"},
                             {"strengths not UTF-8", [](F& f) { f.strengths = "\xFF"; },
                              "strengths", "strengths is not valid UTF-8"},
                             {"support needs not UTF-8", [](F& f) { f.support_needs = "\xC3"; },
                              "support_needs", "support_needs is not valid UTF-8"},
                             {"incidents not UTF-8", [](F& f) { f.incidents = "\xE2\x28\xA1"; },
                              "incidents", "incidents is not valid UTF-8"},
                         },
                         validateFeedback);
}

TEST(ValidationTest, MessagesNeverEchoFreeText) {
    Feedback f = test::validFeedback();
    f.concerns = "SECRET DISCLOSURE " + repeat("x", 4000);
    const Status s = validateFeedback(f);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().message.find("SECRET"), std::string::npos);
}

}  // namespace
}  // namespace sitebook::domain
