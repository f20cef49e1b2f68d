#include <gtest/gtest.h>

#include "fixtures.h"
#include "sitebook/domain/json.h"

namespace sitebook::domain {
namespace {

using test::date;
using test::hm;
using test::id;

template <typename T>
void expectRoundTrip(const T& value) {
    const std::string json = toJson(value);
    SCOPED_TRACE(json);
    const Result<T> back = fromJson<T>(json);
    ASSERT_TRUE(back.ok()) << back.error().toString();
    EXPECT_EQ(*back, value);
    EXPECT_EQ(toJson(*back), json);  // stable: a second trip writes identical text
}

TEST(JsonTest, EveryRecordRoundTrips) {
    expectRoundTrip(test::validPerson());
    expectRoundTrip(test::validOrder());
    expectRoundTrip(test::validProject());
    expectRoundTrip(test::validSession());
    expectRoundTrip(test::validAppointment());
    Appointment withOutcome = test::validAppointment();
    withOutcome.outcome = test::attendedOutcome();
    withOutcome.outcome->penalty_minutes = 45;
    expectRoundTrip(withOutcome);
    withOutcome.outcome = AppointmentOutcome{OutcomeCode::UACP, std::nullopt, std::nullopt, 0,
                                             std::nullopt,      std::nullopt, id(6),        1};
    expectRoundTrip(withOutcome);
    expectRoundTrip(test::validWork());
    WorkUndertaken fractional = test::validWork();
    fractional.quantity = 2.5;
    expectRoundTrip(fractional);
    fractional.quantity.reset();
    expectRoundTrip(fractional);
    expectRoundTrip(test::validSkill());
    Feedback alert = test::validFeedback();
    alert.alert_officer = true;
    alert.alert_reason = "Said they were thinking of leaving the area — \"soon\"\n";
    expectRoundTrip(alert);
    expectRoundTrip(test::validNote());
    CaseNote amendment = test::validNote();
    amendment.appointment_id.reset();
    amendment.amends_note_id = id(40);
    amendment.sensitive = true;
    amendment.text = "Überarbeitet: \xF0\x9F\x98\x80 ✓";
    amendment.created_at = -5;
    expectRoundTrip(amendment);
    expectRoundTrip(test::validDecision());
}

TEST(JsonTest, WritesTheDocumentedFieldNamesInOrder) {
    EXPECT_EQ(toJson(test::validSession()),
              R"({"id":"0190a1b2-c3d4-7e5f-8a6b-000000000004",)"
              R"("project_id":"0190a1b2-c3d4-7e5f-8a6b-000000000003",)"
              R"("date":"2026-01-05","start":"09:00","end":"16:00"})");

    Appointment a = test::validAppointment();
    a.outcome = test::attendedOutcome();
    a.outcome->arrival.reset();
    EXPECT_EQ(toJson(a), R"({"id":"0190a1b2-c3d4-7e5f-8a6b-000000000005",)"
                         R"("person_id":"0190a1b2-c3d4-7e5f-8a6b-000000000001",)"
                         R"("order_id":"0190a1b2-c3d4-7e5f-8a6b-000000000002",)"
                         R"("session_id":"0190a1b2-c3d4-7e5f-8a6b-000000000004",)"
                         R"("scheduled_start":"09:00","scheduled_end":"16:00",)"
                         R"("outcome":{"code":"ATTC","finish":"16:00","penalty_minutes":0,)"
                         R"("work_quality":"GOOD","behaviour":"EXCELLENT",)"
                         R"("recorded_by":"0190a1b2-c3d4-7e5f-8a6b-000000000006",)"
                         R"("recorded_at":1767628800000}})");

    EXPECT_EQ(toJson(test::validOrder()),
              R"({"id":"0190a1b2-c3d4-7e5f-8a6b-000000000002",)"
              R"("person_id":"0190a1b2-c3d4-7e5f-8a6b-000000000001",)"
              R"("sentence_date":"2025-11-03","required_minutes":6000,)"
              R"("adjustments":[{"id":"0190a1b2-c3d4-7e5f-8a6b-000000000020","minutes":600,)"
              R"("reason":"further offence","date":"2025-12-01"}]})");
}

TEST(JsonTest, UnknownOutcomeCodesRoundTripVerbatim) {
    const std::string in =
        R"({"id":"0190a1b2-c3d4-7e5f-8a6b-000000000005",)"
        R"("person_id":"0190a1b2-c3d4-7e5f-8a6b-000000000001",)"
        R"("order_id":"0190a1b2-c3d4-7e5f-8a6b-000000000002",)"
        R"("session_id":"0190a1b2-c3d4-7e5f-8a6b-000000000004",)"
        R"("scheduled_start":"09:00","scheduled_end":"16:00",)"
        R"("outcome":{"code":"XNEW","penalty_minutes":0,)"
        R"("recorded_by":"0190a1b2-c3d4-7e5f-8a6b-000000000006","recorded_at":5}})";
    const auto a = fromJson<Appointment>(in);
    ASSERT_TRUE(a.ok()) << a.error().toString();
    ASSERT_TRUE(a->outcome);
    EXPECT_EQ(a->outcome->code.code(), OutcomeCode::Unknown);
    EXPECT_EQ(a->outcome->code.text(), "XNEW");
    EXPECT_EQ(a->outcome->code.description(), "Unrecognised outcome (XNEW)");
    EXPECT_EQ(toJson(*a), in);
}

TEST(JsonTest, ToleratesUnknownFieldsNullOptionalsAndOmittedDefaults) {
    const auto n = fromJson<CaseNote>(
        R"({"id":"0190a1b2-c3d4-7e5f-8a6b-000000000040","future_field":{"x":[1,2]},)"
        R"("person_id":"0190a1b2-c3d4-7e5f-8a6b-000000000001","appointment_id":null,)"
        R"("author":"0190a1b2-c3d4-7e5f-8a6b-000000000006","created_at":7,"text":"Hi"})");
    ASSERT_TRUE(n.ok()) << n.error().toString();
    EXPECT_FALSE(n->appointment_id);
    EXPECT_FALSE(n->amends_note_id);
    EXPECT_FALSE(n->sensitive);
    EXPECT_EQ(n->created_at, 7);
    EXPECT_EQ(n->text, "Hi");
}

TEST(JsonTest, NeverThrowsOnTextThatIsNotUtf8) {
    CaseNote n = test::validNote();
    n.text = "bad \xFF byte";
    std::string json;
    EXPECT_NO_THROW(json = toJson(n));
    EXPECT_NE(json.find("bad \xEF\xBF\xBD byte"), std::string::npos) << json;
}

// Each row: which record type, the JSON, and the expected field path + message fragment.
struct BadJson {
    const char* name;
    std::function<Status(std::string_view)> parse;
    std::string json;
    std::string field;
    std::string fragment;
};

template <typename T>
std::function<Status(std::string_view)> parser() {
    return [](std::string_view text) -> Status {
        auto r = fromJson<T>(text);
        if (!r.ok())
            return r.error();
        return okStatus();
    };
}

std::string orderWith(const std::string& replace, const std::string& with) {
    std::string json = toJson(test::validOrder());
    const auto at = json.find(replace);
    EXPECT_NE(at, std::string::npos) << replace;
    return json.replace(at, replace.size(), with);
}

std::string appointmentWith(const std::string& outcome) {
    std::string json = toJson(test::validAppointment());
    json.pop_back();
    return json + R"(,"outcome":)" + outcome + "}";
}

TEST(JsonTest, RejectsBadInputNamingTheField) {
    const std::string outcomeTail =
        R"("recorded_by":"0190a1b2-c3d4-7e5f-8a6b-000000000006","recorded_at":1})";
    const std::vector<BadJson> rows = {
        {"not JSON", parser<Order>(), "{nope", "", "not valid JSON"},
        {"empty", parser<Order>(), "", "", "not valid JSON"},
        {"array", parser<Order>(), "[]", "", "expected a JSON object"},
        {"trailing garbage", parser<Order>(), toJson(test::validOrder()) + "x", "",
         "not valid JSON"},
        {"too deep", parser<Order>(), std::string(100, '[') + std::string(100, ']'), "",
         "nests too deeply"},
        {"invalid UTF-8", parser<Order>(), orderWith("further offence", "bad \xFF"), "",
         "not valid JSON"},
        {"missing minutes", parser<Order>(), orderWith(R"("required_minutes":6000,)", ""),
         "required_minutes", "required_minutes is required"},
        {"minutes as text", parser<Order>(), orderWith("6000", "\"6000\""), "required_minutes",
         "required_minutes must be a whole number"},
        {"fractional minutes", parser<Order>(), orderWith("6000", "1.5"), "required_minutes",
         "must be a whole number"},
        {"minutes out of range", parser<Order>(), orderWith("6000", "9000000000"),
         "required_minutes", "required_minutes is out of range"},
        {"huge minutes", parser<Order>(), orderWith("6000", "18446744073709551615"),
         "required_minutes", "out of range"},
        {"impossible date", parser<Order>(), orderWith("2025-11-03", "2023-02-29"), "sentence_date",
         "sentence_date is not a valid date (YYYY-MM-DD)"},
        {"nested field", parser<Order>(), orderWith(R"("minutes":600,)", ""),
         "adjustments[0].minutes", "adjustments[0].minutes is required"},
        {"nested date", parser<Order>(), orderWith("2025-12-01", "1 Dec"), "adjustments[0].date",
         "not a valid date"},
        {"adjustments not an array", parser<Order>(),
         orderWith(R"("adjustments":[)", R"("adjustments":{"a":[)") + "}", "adjustments",
         "adjustments must be an array"},
        {"bad arrival", parser<Appointment>(),
         appointmentWith(R"({"code":"ATTC","arrival":"25:00",)" + outcomeTail), "outcome.arrival",
         "outcome.arrival is not a valid time (HH:MM)"},
        {"bad rating", parser<Appointment>(),
         appointmentWith(R"({"code":"ATTC","work_quality":"GREAT",)" + outcomeTail),
         "outcome.work_quality",
         "outcome.work_quality is not one of EXCELLENT, GOOD, SATISFACTORY, UNSATISFACTORY, "
         "POOR, NOT_APPLICABLE"},
        {"empty code", parser<Appointment>(), appointmentWith(R"({"code":"",)" + outcomeTail),
         "outcome.code", "outcome.code must not be empty"},
        {"outcome not an object", parser<Appointment>(), appointmentWith(R"("ATTC")"), "outcome",
         "outcome must be an object"},
        {"missing recorded_by", parser<Appointment>(),
         appointmentWith(R"({"code":"ATTC","recorded_at":1})"), "outcome.recorded_by",
         "outcome.recorded_by is required"},
        {"unknown project type", parser<Project>(),
         [] {
             std::string j = toJson(test::validProject());
             return j.replace(j.find("GROUP"), 5, "CAMP");
         }(),
         "type", "type is not one of GROUP, INDIVIDUAL, INDUCTION, ETE"},
        {"flag not a string", parser<Person>(),
         [] {
             std::string j = toJson(test::validPerson());
             const std::string flag = R"("no lone working with children")";
             return j.replace(j.find(flag), flag.size(), "1");
         }(),
         "placement_flags[0]", "placement_flags[0] must be a string"},
        {"boolean as text", parser<Person>(),
         [] {
             std::string j = toJson(test::validPerson());
             return j.replace(j.find("false"), 5, "\"no\"");
         }(),
         "restricted_access", "restricted_access must be true or false"},
        {"missing created_at", parser<CaseNote>(),
         [] {
             std::string j = toJson(test::validNote());
             const std::string field = R"("created_at":1767628800000,)";
             return j.replace(j.find(field), field.size(), "");
         }(),
         "created_at", "created_at is required"},
        {"quantity as text", parser<WorkUndertaken>(),
         [] {
             std::string j = toJson(test::validWork());
             return j.replace(j.find("12.0"), 4, "\"12\"");
         }(),
         "quantity", "quantity must be a number"},
        {"unknown skill", parser<SkillObservation>(),
         [] {
             std::string j = toJson(test::validSkill());
             return j.replace(j.find("tool_use"), 8, "juggling");
         }(),
         "skill", "skill is not one of teamwork"},
        {"unknown action", parser<EnforcementDecision>(),
         [] {
             std::string j = toJson(test::validDecision());
             return j.replace(j.find("warning_issued"), 14, "caution");
         }(),
         "action", "action is not one of warning_issued, refer_for_breach, no_further_action"},
        {"id not a string", parser<Feedback>(),
         [] {
             std::string j = toJson(test::validFeedback());
             return j.replace(j.find("\"0190"), 38, "17");
         }(),
         "id", "id must be a string"},
        {"missing session end", parser<Session>(),
         R"({"id":"a","project_id":"b","date":"2026-01-05","start":"09:00"})", "end",
         "end is required"},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.name);
        const Status s = r.parse(r.json);
        ASSERT_FALSE(s.ok()) << r.json;
        EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
        EXPECT_EQ(s.error().field, r.field) << s.error().message;
        EXPECT_NE(s.error().message.find(r.fragment), std::string::npos)
            << "message: " << s.error().message;
    }
}

}  // namespace
}  // namespace sitebook::domain
