#include "store_fixture.h"

#include <stdexcept>

namespace sitebook::testing {

using namespace domain;

Roster seedRoster(store::LocalStore& store, const std::vector<std::string>& surnames) {
    auto check = [](const Status& s) {
        if (!s.ok())
            throw std::runtime_error("fixture: " + s.error().toString());
    };
    Roster r;
    r.project.id = fixtureId(1);
    r.project.code = "GRD01";
    r.project.name = "Riverside gardens";
    r.project.type = ProjectType::Group;
    r.project.location = "Riverside Park";
    r.project.beneficiary = "Parks Trust";
    check(store.putProject(r.project));
    r.session.id = fixtureId(2);
    r.session.project_id = r.project.id;
    r.session.date = *CivilDate::parse("2026-01-05");
    r.session.start = *TimeOfDay::parse("09:00");
    r.session.end = *TimeOfDay::parse("16:00");
    check(store.putSession(r.session));
    int n = 100;
    for (const auto& surname : surnames) {
        Person p;
        p.id = fixtureId(n++);
        p.crn = "X" + std::to_string(100000 + n);
        p.forenames = "Sam";
        p.surname = surname;
        p.date_of_birth = *CivilDate::parse("1990-04-01");
        p.responsible_officer_id = fixtureId(9);
        check(store.putPerson(p));
        Order o;
        o.id = fixtureId(n++);
        o.person_id = p.id;
        o.sentence_date = *CivilDate::parse("2025-11-01");
        o.required_minutes = 6000;
        check(store.putOrder(o));
        Appointment a;
        a.id = fixtureId(n++);
        a.person_id = p.id;
        a.order_id = o.id;
        a.session_id = r.session.id;
        a.scheduled_start = r.session.start;
        a.scheduled_end = r.session.end;
        check(store.putAppointment(a));
        if (r.people.empty())
            r.order = o;
        r.people.push_back(p);
        r.appointments.push_back(a);
    }
    return r;
}

AppointmentOutcome attendedOutcome(int arrivalHour, int finishHour, int penalty) {
    AppointmentOutcome o;
    o.code = Outcome(OutcomeCode::ATTC);
    o.arrival = TimeOfDay::fromHoursMinutes(arrivalHour, 0);
    o.finish = TimeOfDay::fromHoursMinutes(finishHour, 0);
    o.penalty_minutes = penalty;
    o.work_quality = Rating::Good;
    o.behaviour = Rating::Excellent;
    return o;
}

}  // namespace sitebook::testing
