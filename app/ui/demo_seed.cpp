#include "demo_seed.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "sitebook/domain/json.h"

#ifdef SITEBOOK_HAVE_DEMO_REGION
#include "sitebook/server/demo/demo_region.h"
#endif

namespace sitebook::ui {

using namespace domain;

namespace {

#ifdef SITEBOOK_HAVE_DEMO_REGION

server::demo::DemoRegion region(CivilDate today) {
    server::demo::DemoOptions options;
    options.today = today;
    return server::demo::generateRegion(options);
}

const server::demo::StaffMember* firstSupervisor(const server::demo::DemoRegion& r) {
    for (const auto& s : r.staff) {
        if (s.role == Role::Supervisor)
            return &s;
    }
    return nullptr;
}

#else

TimeOfDay hm(int h, int m) {
    return *TimeOfDay::fromHoursMinutes(h, m);
}

// The built-in seed: ids in one recognisable block so they are never mistaken for real ones.
std::string seedId(int n) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "01900000-0000-7000-8000-%012d", n);
    return buf;
}

#endif

}  // namespace

bool demoUsesRegionGenerator() {
#ifdef SITEBOOK_HAVE_DEMO_REGION
    return true;
#else
    return false;
#endif
}

#ifdef SITEBOOK_HAVE_DEMO_REGION

Status seedDemoData(store::LocalStore& store, CivilDate today) {
    const auto r = region(today);
    const auto* supervisor = firstSupervisor(r);
    if (supervisor == nullptr) {
        return makeError(ErrorCode::Internal, "the demonstration region has no supervisor");
    }
    std::set<std::string> projects;
    for (const auto& p : r.projects) {
        if (std::find(p.supervisor_ids.begin(), p.supervisor_ids.end(), supervisor->id) !=
            p.supervisor_ids.end()) {
            SB_TRY(store.putProject(p));
            projects.insert(p.id);
        }
    }
    std::set<std::string> sessions;
    for (const auto& s : r.sessions) {
        if (projects.count(s.project_id) != 0) {
            SB_TRY(store.putSession(s));
            sessions.insert(s.id);
        }
    }
    std::set<std::string> people;
    std::set<std::string> orders;
    for (const auto& a : r.appointments) {
        if (sessions.count(a.session_id) != 0) {
            people.insert(a.person_id);
            orders.insert(a.order_id);
        }
    }
    for (const auto& p : r.people) {
        if (people.count(p.id) != 0)
            SB_TRY(store.putPerson(p));
    }
    for (const auto& o : r.orders) {
        if (orders.count(o.id) != 0)
            SB_TRY(store.putOrder(o));
    }
    for (const auto& a : r.appointments) {
        if (sessions.count(a.session_id) != 0)
            SB_TRY(store.putAppointment(a));
    }
    return okStatus();
}

#else

Status seedDemoData(store::LocalStore& store, CivilDate today) {
    const std::string supervisor = seedId(1);
    struct ProjectSeed {
        const char* code;
        const char* name;
        ProjectType type;
        const char* location;
        const char* beneficiary;
        bool hiVis;
    };
    const std::array<ProjectSeed, 2> projectSeeds{{
        {"GRD01", "Riverside gardens", ProjectType::Group, "Riverside Park, Millbrook",
         "Millbrook Parks Trust", true},
        {"SHP02", "Hope Street charity shop", ProjectType::Individual, "12 Hope Street, Millbrook",
         "Millbrook Hospice", false},
    }};
    struct PersonSeed {
        const char* forenames;
        const char* surname;
        const char* flag;
    };
    const std::array<PersonSeed, 9> personSeeds{{
        {"Aled", "Morgan", "no lone working with children"},
        {"Bethan", "Ellis", ""},
        {"Callum", "Price", "no work with vulnerable adults"},
        {"Dana", "Khan", ""},
        {"Evan", "Baker", ""},
        {"Fiona", "Walsh", "no lone working with children"},
        {"Gareth", "Jones", ""},
        {"Hannah", "Adeyemi", ""},
        {"Imran", "Shah", "needs step-free access"},
    }};

    int n = 10;
    std::vector<Project> projects;
    for (const auto& s : projectSeeds) {
        Project p;
        p.id = seedId(n++);
        p.code = s.code;
        p.name = s.name;
        p.type = s.type;
        p.location = s.location;
        p.beneficiary = s.beneficiary;
        p.hi_vis_required = s.hiVis;
        p.supervisor_ids = {supervisor};
        SB_TRY(store.putProject(p));
        projects.push_back(p);
    }
    // Today: both projects; yesterday: the gardens (outcomes already recorded); tomorrow: shop.
    struct SessionSeed {
        int project;
        int dayOffset;
        TimeOfDay start;
        TimeOfDay end;
        std::size_t firstPerson;
        std::size_t count;
    };
    const std::array<SessionSeed, 4> sessionSeeds{{
        {0, 0, hm(9, 0), hm(16, 0), 0, 6},
        {1, 0, hm(10, 0), hm(15, 0), 6, 3},
        {0, -1, hm(9, 0), hm(16, 0), 0, 5},
        {1, 1, hm(10, 0), hm(15, 0), 6, 3},
    }};
    std::vector<Person> people;
    std::vector<Order> orders;
    for (std::size_t i = 0; i < personSeeds.size(); ++i) {
        Person p;
        p.id = seedId(100 + static_cast<int>(i));
        p.crn = "D" + std::to_string(100100 + i);
        p.forenames = personSeeds[i].forenames;
        p.surname = personSeeds[i].surname;
        p.date_of_birth =
            *CivilDate::fromYmd(1980 + static_cast<int>(i) * 2, 1 + static_cast<int>(i), 10);
        p.responsible_officer_id = seedId(2);
        if (*personSeeds[i].flag != '\0')
            p.placement_flags = {personSeeds[i].flag};
        SB_TRY(store.putPerson(p));
        Order o;
        o.id = seedId(200 + static_cast<int>(i));
        o.person_id = p.id;
        o.sentence_date = today.addMonths(-2 - static_cast<int>(i % 3));
        o.required_minutes = (80 + 20 * static_cast<int>(i % 4)) * 60;
        SB_TRY(store.putOrder(o));
        people.push_back(p);
        orders.push_back(o);
    }
    int appointmentNo = 300;
    for (std::size_t s = 0; s < sessionSeeds.size(); ++s) {
        const auto& seed = sessionSeeds[s];
        Session session;
        session.id = seedId(50 + static_cast<int>(s));
        session.project_id = projects[static_cast<std::size_t>(seed.project)].id;
        session.date = today.addDays(seed.dayOffset);
        session.start = seed.start;
        session.end = seed.end;
        SB_TRY(store.putSession(session));
        for (std::size_t k = 0; k < seed.count; ++k) {
            const std::size_t i = seed.firstPerson + k;
            Appointment a;
            a.id = seedId(appointmentNo++);
            a.person_id = people[i].id;
            a.order_id = orders[i].id;
            a.session_id = session.id;
            a.scheduled_start = session.start;
            a.scheduled_end = session.end;
            if (seed.dayOffset < 0) {
                AppointmentOutcome o;
                o.code = Outcome(k == 3 ? OutcomeCode::UACP : OutcomeCode::ATTC);
                if (o.code.isAttended()) {
                    o.arrival = session.start;
                    o.finish = session.end;
                    o.work_quality = Rating::Good;
                    o.behaviour = Rating::Good;
                }
                o.recorded_by = supervisor;
                o.recorded_at = 1;
                a.outcome = o;
            }
            SB_TRY(store.putAppointment(a));
        }
    }
    return okStatus();
}

#endif

Status seedDemoOfficerView(store::LocalStore& store, CivilDate today) {
    using nlohmann::json;
    auto sessions = store.sessionsOn(today);
    SB_TRY(sessions);
    std::vector<store::RosterEntry> entries;
    std::set<std::string> seen;
    for (const auto& s : *sessions) {
        auto roster = store.roster(s.id);
        SB_TRY(roster);
        for (auto& e : *roster) {
            if (seen.insert(e.person.id).second)
                entries.push_back(std::move(e));
        }
    }
    auto& db = store.database();
    store::RemoteBatch batch;
    // Ids of the derived records: the order's id for progress, a fixed block for items.
    int itemNumber = 0;
    auto itemId = [&itemNumber] {
        char buf[40];
        std::snprintf(buf, sizeof buf, "01900000-0000-7000-9000-%012d", ++itemNumber);
        return std::string(buf);
    };
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& a = entries[i].appointment;
        const std::string partition = "person/" + a.person_id;
        auto stmt = db.prepare("SELECT body FROM orders WHERE id = ?1");
        SB_TRY(stmt);
        stmt->bind(1, a.order_id);
        auto row = stmt->step();
        SB_TRY(row);
        if (!*row)
            continue;
        auto order = fromJson<Order>(stmt->columnText(0));
        SB_TRY(order);
        const int required = order->adjustedRequiredMinutes();
        // Credit from the outcomes on this device (attended: finish - arrival - penalty), so the
        // person page's chart and the progress agree.
        auto appointments = db.prepare("SELECT body FROM appointments WHERE order_id = ?1");
        SB_TRY(appointments);
        appointments->bind(1, a.order_id);
        int credited = 0;
        for (;;) {
            auto next = appointments->step();
            SB_TRY(next);
            if (!*next)
                break;
            auto recorded = fromJson<Appointment>(appointments->columnText(0));
            if (!recorded.ok() || !recorded->outcome)
                continue;
            const auto& o = *recorded->outcome;
            if (o.code.isKnown() && isAttended(o.code.code()) && o.arrival && o.finish) {
                credited += std::max(
                    0, TimeOfDay::minutesBetween(*o.arrival, *o.finish) - o.penalty_minutes);
            }
        }
        credited = std::min(required, credited);
        const bool ete = i % 3 == 1;
        const int eteAllowance = ete ? required * 30 / 100 : 0;
        json progress{{"id", a.order_id},
                      {"order_id", a.order_id},
                      {"person_id", a.person_id},
                      {"sentence_date", order->sentence_date.toString()},
                      {"required_minutes", order->required_minutes},
                      {"adjustment_minutes", required - order->required_minutes},
                      {"adjusted_required_minutes", required},
                      {"credited_minutes", credited},
                      {"ete_credited_minutes", ete ? std::min(eteAllowance, credited / 4) : 0},
                      {"ete_allowance_minutes", eteAllowance},
                      {"remaining_minutes", required - credited},
                      {"percent_complete", required > 0 ? (credited * 1000 / required) / 10.0 : 0}};
        if (credited >= required) {
            progress["completed_on"] = today.addDays(-3).toString();
        } else if (credited > 0) {
            // As the server projects it: the rest of the order at the pace since the sentence.
            const auto days =
                std::max<std::int64_t>(1, CivilDate::daysBetween(order->sentence_date, today));
            progress["projected_completion"] =
                today.addDays((required - credited) * days / credited).toString();
        }
        batch.changes.push_back({partition, "progress", a.order_id, 1, false, progress.dump()});

        json item{{"person_id", a.person_id}, {"order_id", a.order_id}};
        switch (i % 4) {
            case 0:
                item["kind"] = "enforcement_due";
                item["appointment_id"] = a.id;
                item["created_on"] = today.addDays(-6).toString();
                item["due_on"] = today.addDays(1).toString();
                item["message"] = "Outcome UACP recorded for the session on " +
                                  today.addDays(-6).toString() + ". Record a decision.";
                item["breach_referral_required"] = i % 8 == 4;
                break;
            case 1:
                item["kind"] = "feedback_gap";
                item["appointment_id"] = a.id;
                item["created_on"] = today.addDays(-2).toString();
                item["due_on"] = today.addDays(5).toString();
                item["message"] = "No feedback was recorded for the session on " +
                                  today.addDays(-2).toString() + ".";
                break;
            case 2:
                item["kind"] = "review_due";
                item["created_on"] = today.addDays(-14).toString();
                item["due_on"] = today.addDays(-2).toString();
                item["message"] = "The six-month progress review is due.";
                break;
            default:
                continue;  // nothing needs a decision
        }
        const std::string id = itemId();
        item["id"] = id;
        item["key"] = item.value("kind", "") + ":" + id;
        batch.changes.push_back({partition, "ro_item", id, 1, false, item.dump()});
    }
    if (batch.changes.empty())
        return okStatus();
    auto applied = store.applyRemoteBatch(batch);
    SB_TRY(applied);
    return okStatus();
}

}  // namespace sitebook::ui
