#pragma once
// Valid records for the domain tests; each test mutates one field to break one rule.

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "sitebook/domain/types.h"
#include "sitebook/domain/validation.h"

namespace sitebook::domain::test {

// A canonical v7 UUID string that differs by `n`.
inline std::string id(int n) {
    std::string s = "0190a1b2-c3d4-7e5f-8a6b-000000000000";
    const std::string tail = std::to_string(n);
    s.replace(s.size() - tail.size(), tail.size(), tail);
    return s;
}

inline CivilDate date(std::string_view text) {
    return CivilDate::parse(text).value();
}
inline TimeOfDay hm(std::string_view text) {
    return TimeOfDay::parse(text).value();
}

inline const std::string kPersonId = id(1);
inline const std::string kOrderId = id(2);
inline const std::string kProjectId = id(3);
inline const std::string kSessionId = id(4);
inline const std::string kAppointmentId = id(5);
inline const std::string kSupervisorId = id(6);
inline const std::string kOfficerId = id(7);

inline Person validPerson() {
    return Person{id(1),
                  "X123456",
                  "Sam",
                  "Taylor",
                  date("1990-05-17"),
                  kOfficerId,
                  {"no lone working with children"},
                  false};
}

inline Order validOrder() {
    return Order{kOrderId,
                 kPersonId,
                 date("2025-11-03"),
                 6000,
                 {OrderAdjustment{id(20), 600, "further offence", date("2025-12-01")}}};
}

inline Project validProject() {
    return Project{kProjectId,
                   "GRD-014",
                   "Riverside park",
                   ProjectType::Group,
                   "Riverside Park, Leeds",
                   "Leeds City Council",
                   true,
                   {kSupervisorId, id(8)}};
}

inline Session validSession() {
    return Session{kSessionId, kProjectId, date("2026-01-05"), hm("09:00"), hm("16:00")};
}

inline AppointmentOutcome attendedOutcome() {
    AppointmentOutcome o;
    o.code = OutcomeCode::ATTC;
    o.arrival = hm("09:00");
    o.finish = hm("16:00");
    o.penalty_minutes = 0;
    o.work_quality = Rating::Good;
    o.behaviour = Rating::Excellent;
    o.recorded_by = kSupervisorId;
    o.recorded_at = 1'767'628'800'000;  // 2026-01-05T16:00:00Z
    return o;
}

inline AppointmentOutcome absentOutcome() {
    AppointmentOutcome o;
    o.code = OutcomeCode::UACP;
    o.recorded_by = kSupervisorId;
    o.recorded_at = 1'767'628'800'000;  // 2026-01-05T16:00:00Z
    return o;
}

inline Appointment validAppointment() {
    return Appointment{kAppointmentId, kPersonId,   kOrderId,    kSessionId,
                       hm("09:00"),    hm("16:00"), std::nullopt};
}

inline WorkUndertaken validWork() {
    return WorkUndertaken{
        id(30), kAppointmentId, WorkCategory::LitterCleanUp, "Cleared litter along the river path",
        12.0,   "bags"};
}

inline SkillObservation validSkill() {
    return SkillObservation{id(31), kAppointmentId, Skill::ToolUse, SkillLevel::Competent,
                            "Used the strimmer safely after a demonstration"};
}

inline Feedback validFeedback() {
    return Feedback{id(32),
                    kAppointmentId,
                    "Steady progress",
                    "Reliable, helps others",
                    "Arrived tired",
                    "",
                    "",
                    false,
                    ""};
}

inline CaseNote validNote() {
    return CaseNote{id(40),        kPersonId,         kAppointmentId,
                    kSupervisorId, 1'767'628'800'000, "Worked well all day.",
                    false,         std::nullopt};
}

inline EnforcementDecision validDecision() {
    return EnforcementDecision{id(50),
                               kAppointmentId,
                               kOrderId,
                               EnforcementAction::WarningIssued,
                               date("2026-01-08"),
                               kOfficerId,
                               "First failure: arrived 40 minutes late",
                               std::nullopt};
}

// One row of a rule table: a mutation of a valid input and the expected verdict.
template <typename T>
struct RuleCase {
    std::string name;
    std::function<void(T&)> mutate;
    std::string field;     // empty: the mutated input is valid
    std::string fragment;  // must appear in the error message
};

template <typename T>
void expectRules(const T& valid, const std::vector<RuleCase<T>>& cases,
                 const std::function<Status(const T&)>& validate) {
    {
        const Status base = validate(valid);
        ASSERT_TRUE(base.ok()) << "the unmutated input must be valid: " << base.error().toString();
    }
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        T input = valid;
        c.mutate(input);
        const Status s = validate(input);
        if (c.field.empty()) {
            EXPECT_TRUE(s.ok()) << s.error().toString();
            continue;
        }
        ASSERT_FALSE(s.ok()) << "expected an error on " << c.field;
        EXPECT_EQ(s.code(), ErrorCode::InvalidArgument);
        EXPECT_EQ(s.error().field, c.field) << s.error().message;
        EXPECT_NE(s.error().message.find(c.fragment), std::string::npos)
            << "message: " << s.error().message << "\nexpected fragment: " << c.fragment;
    }
}

inline std::string repeat(std::string_view unit, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i)
        out += unit;
    return out;
}

}  // namespace sitebook::domain::test
