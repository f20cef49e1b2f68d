#pragma once
// A small builder for one person's records, so each test states only what it is about.

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "sitebook/server/reconcile/reconciler.h"

namespace sitebook::server::reconcile::testing {

inline domain::CivilDate date(std::string_view text) {
    return *domain::CivilDate::parse(text);
}
inline domain::TimeOfDay time(std::string_view text) {
    return *domain::TimeOfDay::parse(text);
}

// An attended outcome (ratings filled in) with the given times and penalty.
inline domain::AppointmentOutcome attended(domain::OutcomeCode code, std::string_view arrival,
                                           std::string_view finish, int penalty = 0) {
    domain::AppointmentOutcome o;
    o.code = code;
    o.arrival = time(arrival);
    o.finish = time(finish);
    o.penalty_minutes = penalty;
    o.work_quality = domain::Rating::Good;
    o.behaviour = domain::Rating::Good;
    o.recorded_by = "supervisor-1";
    o.recorded_at = 1'700'000'000'000;
    return o;
}

inline domain::AppointmentOutcome absent(domain::Outcome code) {
    domain::AppointmentOutcome o;
    o.code = std::move(code);
    o.recorded_by = "supervisor-1";
    o.recorded_at = 1'700'000'000'000;
    return o;
}

struct Scenario {
    ReconcileInput input;
    ReconcilePolicy policy = ReconcilePolicy::defaults();
    domain::CivilDate today = date("2025-06-30");

    Scenario() {
        input.person.id = "person-1";
        input.person.crn = "X123456";
        addProject("group", domain::ProjectType::Group);
        addProject("ete", domain::ProjectType::Ete);
    }

    domain::Order& addOrder(std::string id, std::string_view sentenceDate, int requiredMinutes) {
        domain::Order o;
        o.id = std::move(id);
        o.person_id = input.person.id;
        o.sentence_date = date(sentenceDate);
        o.required_minutes = requiredMinutes;
        input.orders.push_back(std::move(o));
        return input.orders.back();
    }

    void addProject(std::string id, domain::ProjectType type) {
        domain::Project p;
        p.name = "Project " + id;
        p.id = std::move(id);
        p.type = type;
        input.projects.push_back(std::move(p));
    }

    // An appointment in its own session on `day`.
    domain::Appointment& addAppointment(std::string id, std::string orderId, std::string_view day,
                                        std::string projectId = "group",
                                        std::string_view start = "09:00",
                                        std::string_view end = "16:00") {
        domain::Session s;
        s.id = "session-" + id;
        s.project_id = std::move(projectId);
        s.date = date(day);
        s.start = time(start);
        s.end = time(end);
        domain::Appointment a;
        a.id = std::move(id);
        a.person_id = input.person.id;
        a.order_id = std::move(orderId);
        a.session_id = s.id;
        a.scheduled_start = s.start;
        a.scheduled_end = s.end;
        input.sessions.push_back(std::move(s));
        input.appointments.push_back(std::move(a));
        return input.appointments.back();
    }

    // A device version of an appointment's outcome.
    void record(const std::string& appointmentId, domain::AppointmentOutcome outcome,
                std::string device = "device-a", HlcTimestamp hlc = {1'700'000'000'000, 0}) {
        input.outcome_versions.push_back(
            OutcomeVersion{appointmentId, std::move(device), hlc, std::move(outcome)});
    }

    void recordsPresent(const std::string& appointmentId, bool work = true, bool skills = true,
                        bool feedback = true) {
        input.records.push_back(RecordsPresent{appointmentId, work, skills, feedback});
    }

    // An attended ATTC 09:00–16:00 with all supervisor records.
    domain::Appointment& addAttended(std::string id, std::string orderId, std::string_view day,
                                     std::string projectId = "group") {
        domain::Appointment& a = addAppointment(id, std::move(orderId), day, std::move(projectId));
        record(id, attended(domain::OutcomeCode::ATTC, "09:00", "16:00"));
        recordsPresent(id);
        return a;
    }

    domain::EnforcementDecision& decide(std::string id, const std::string& appointmentId,
                                        std::string orderId, domain::EnforcementAction action,
                                        std::string_view on) {
        domain::EnforcementDecision d;
        d.id = std::move(id);
        d.appointment_id = appointmentId;
        d.order_id = std::move(orderId);
        d.action = action;
        d.decided_on = date(on);
        d.decided_by = "officer-1";
        input.decisions.push_back(std::move(d));
        return input.decisions.back();
    }

    PersonReconciliation run() const {
        auto result = reconcilePerson(input, policy, today);
        if (!result.ok()) {
            ADD_FAILURE() << result.error().toString();
            return {};
        }
        return std::move(result).value();
    }
};

inline const AppointmentCredit* creditFor(const PersonReconciliation& r, std::string_view id) {
    for (const auto& c : r.credits) {
        if (c.appointment_id == id)
            return &c;
    }
    return nullptr;
}

inline std::vector<RoItem> itemsOfKind(const PersonReconciliation& r, RoItemKind kind) {
    std::vector<RoItem> out;
    for (const auto& i : r.items) {
        if (i.kind == kind)
            out.push_back(i);
    }
    return out;
}

}  // namespace sitebook::server::reconcile::testing
