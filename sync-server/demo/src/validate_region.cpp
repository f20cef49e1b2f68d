#include <map>
#include <set>
#include <string>

#include "sitebook/domain/validation.h"
#include "sitebook/server/demo/demo_region.h"

namespace sitebook::server::demo {
namespace {

std::string at(std::string_view list, std::size_t i) {
    return std::string(list) + "[" + std::to_string(i) + "]";
}

// Re-labels a record's validation error with where the record is.
Status within(Status status, const std::string& where) {
    if (status.ok())
        return status;
    Error e = status.error();
    e.field = e.field.empty() ? where : where + "." + e.field;
    e.message = where + ": " + e.message;
    return e;
}

Error broken(const std::string& where, std::string message) {
    return makeError(ErrorCode::InvalidArgument, where + ": " + message, where);
}

template <typename T>
Status uniqueIds(const std::vector<T>& list, std::string_view name,
                 std::map<std::string, const T*>& out) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!out.emplace(list[i].id, &list[i]).second) {
            return broken(at(name, i) + ".id", "id " + list[i].id + " appears twice");
        }
    }
    return okStatus();
}

}  // namespace

Status validateRegion(const DemoRegion& region, const domain::Policy& policy) {
    std::map<std::string, const StaffMember*> staff;
    std::map<std::string, const domain::Person*> people;
    std::map<std::string, const domain::Order*> orders;
    std::map<std::string, const domain::Project*> projects;
    std::map<std::string, const domain::Session*> sessions;
    std::map<std::string, const domain::Appointment*> appointments;
    std::map<std::string, const domain::CaseNote*> notes;
    SB_TRY(uniqueIds(region.staff, "staff", staff));
    SB_TRY(uniqueIds(region.people, "people", people));
    SB_TRY(uniqueIds(region.orders, "orders", orders));
    SB_TRY(uniqueIds(region.projects, "projects", projects));
    SB_TRY(uniqueIds(region.sessions, "sessions", sessions));
    SB_TRY(uniqueIds(region.appointments, "appointments", appointments));
    SB_TRY(uniqueIds(region.case_notes, "case_notes", notes));

    auto staffWithRole = [&](const std::string& id, const std::string& where,
                             domain::Role role) -> Status {
        auto it = staff.find(id);
        if (it == staff.end())
            return broken(where, "names unknown staff member " + id);
        if (it->second->role != role) {
            return broken(
                where, "staff member " + id + " is not a " + std::string(domain::wireText(role)));
        }
        return okStatus();
    };

    for (std::size_t i = 0; i < region.staff.size(); ++i) {
        const auto& s = region.staff[i];
        SB_TRY(within(domain::validateId(s.id, "id"), at("staff", i)));
        SB_TRY(within(domain::validateId(s.device_id, "device_id"), at("staff", i)));
        SB_TRY(within(
            domain::validateText(s.display_name, "display_name", domain::kMaxShortTextChars, true),
            at("staff", i)));
    }
    std::set<std::string> crns;
    for (std::size_t i = 0; i < region.people.size(); ++i) {
        const auto& p = region.people[i];
        const std::string where = at("people", i);
        SB_TRY(within(domain::validatePerson(p), where));
        SB_TRY(staffWithRole(p.responsible_officer_id, where + ".responsible_officer_id",
                             domain::Role::Officer));
        if (!crns.insert(p.crn).second)
            return broken(where + ".crn", "CRN " + p.crn + " repeats");
    }
    for (std::size_t i = 0; i < region.orders.size(); ++i) {
        const auto& o = region.orders[i];
        SB_TRY(within(domain::validateOrder(o, policy), at("orders", i)));
        if (!people.contains(o.person_id)) {
            return broken(at("orders", i) + ".person_id", "names unknown person " + o.person_id);
        }
    }
    for (std::size_t i = 0; i < region.projects.size(); ++i) {
        const auto& p = region.projects[i];
        SB_TRY(within(domain::validateProject(p), at("projects", i)));
        for (const auto& s : p.supervisor_ids) {
            SB_TRY(
                staffWithRole(s, at("projects", i) + ".supervisor_ids", domain::Role::Supervisor));
        }
    }
    for (std::size_t i = 0; i < region.sessions.size(); ++i) {
        const auto& s = region.sessions[i];
        SB_TRY(within(domain::validateSession(s), at("sessions", i)));
        if (!projects.contains(s.project_id)) {
            return broken(at("sessions", i) + ".project_id",
                          "names unknown project " + s.project_id);
        }
    }
    auto validOutcome = [&](const domain::AppointmentOutcome& o,
                            const std::string& where) -> Status {
        auto recorder = staff.find(o.recorded_by);
        if (recorder == staff.end()) {
            return broken(where + ".recorded_by", "names unknown staff member " + o.recorded_by);
        }
        return within(domain::validateOutcome(o, recorder->second->role), where);
    };
    for (std::size_t i = 0; i < region.appointments.size(); ++i) {
        const auto& a = region.appointments[i];
        const std::string where = at("appointments", i);
        SB_TRY(within(domain::validateAppointment(a), where));
        auto order = orders.find(a.order_id);
        if (order == orders.end()) {
            return broken(where + ".order_id", "names unknown order " + a.order_id);
        }
        if (order->second->person_id != a.person_id) {
            return broken(where + ".person_id", "is not the person on order " + a.order_id);
        }
        if (!sessions.contains(a.session_id)) {
            return broken(where + ".session_id", "names unknown session " + a.session_id);
        }
        if (a.outcome)
            SB_TRY(validOutcome(*a.outcome, where + ".outcome"));
    }
    for (std::size_t i = 0; i < region.recordings.size(); ++i) {
        const auto& r = region.recordings[i];
        const std::string where = at("recordings", i);
        if (!appointments.contains(r.appointment_id)) {
            return broken(where + ".appointment_id",
                          "names unknown appointment " + r.appointment_id);
        }
        SB_TRY(within(domain::validateId(r.device_id, "device_id"), where));
        SB_TRY(validOutcome(r.outcome, where + ".outcome"));
    }
    auto knownAppointment = [&](const std::string& id, const std::string& where) -> Status {
        if (!appointments.contains(id)) {
            return broken(where + ".appointment_id", "names unknown appointment " + id);
        }
        return okStatus();
    };
    for (std::size_t i = 0; i < region.work.size(); ++i) {
        SB_TRY(within(domain::validateWorkUndertaken(region.work[i]), at("work", i)));
        SB_TRY(knownAppointment(region.work[i].appointment_id, at("work", i)));
    }
    for (std::size_t i = 0; i < region.skills.size(); ++i) {
        SB_TRY(within(domain::validateSkillObservation(region.skills[i]), at("skills", i)));
        SB_TRY(knownAppointment(region.skills[i].appointment_id, at("skills", i)));
    }
    for (std::size_t i = 0; i < region.feedback.size(); ++i) {
        SB_TRY(within(domain::validateFeedback(region.feedback[i]), at("feedback", i)));
        SB_TRY(knownAppointment(region.feedback[i].appointment_id, at("feedback", i)));
    }
    for (std::size_t i = 0; i < region.case_notes.size(); ++i) {
        const auto& n = region.case_notes[i];
        const std::string where = at("case_notes", i);
        SB_TRY(within(domain::validateCaseNote(n, policy), where));
        if (!people.contains(n.person_id)) {
            return broken(where + ".person_id", "names unknown person " + n.person_id);
        }
        if (n.appointment_id)
            SB_TRY(knownAppointment(*n.appointment_id, where));
        if (n.amends_note_id) {
            auto original = notes.find(*n.amends_note_id);
            if (original == notes.end()) {
                return broken(where + ".amends_note_id", "names unknown note " + *n.amends_note_id);
            }
            SB_TRY(within(domain::validateAmendment(*original->second, n), where));
        }
    }
    std::map<std::string, std::vector<domain::EnforcementDecision>> byOrder;
    for (const auto& d : region.decisions)
        byOrder[d.order_id].push_back(d);
    for (std::size_t i = 0; i < region.decisions.size(); ++i) {
        const auto& d = region.decisions[i];
        const std::string where = at("decisions", i);
        auto appointment = appointments.find(d.appointment_id);
        if (appointment == appointments.end()) {
            return broken(where + ".appointment_id",
                          "names unknown appointment " + d.appointment_id);
        }
        const domain::CivilDate failedOn = sessions.at(appointment->second->session_id)->date;
        SB_TRY(within(domain::validateEnforcementDecision(d, *appointment->second, failedOn,
                                                          byOrder[d.order_id], policy),
                      where));
        SB_TRY(staffWithRole(d.decided_by, where + ".decided_by", domain::Role::Officer));
    }
    for (std::size_t i = 0; i < region.reviews_done.size(); ++i) {
        if (!orders.contains(region.reviews_done[i].order_id)) {
            return broken(at("reviews_done", i) + ".order_id",
                          "names unknown order " + region.reviews_done[i].order_id);
        }
    }
    return okStatus();
}

}  // namespace sitebook::server::demo
