#include "sitebook/server/demo/demo_region.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "catalogue.h"
#include "demo_random.h"
#include "sitebook/common/uuid.h"
#include "sitebook/domain/validation.h"

namespace sitebook::server::demo {
namespace {

using domain::Appointment;
using domain::AppointmentOutcome;
using domain::CivilDate;
using domain::OutcomeCode;
using domain::Rating;
using domain::TimeOfDay;

constexpr std::int64_t kMillisPerDay = 86'400'000;

// Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday).
int weekday(CivilDate d) {
    return static_cast<int>(((d.dayNumber() + 3) % 7 + 7) % 7);
}

UnixMillis millisAt(CivilDate d, int minutesSinceMidnight) {
    return d.dayNumber() * kMillisPerDay + std::int64_t{minutesSinceMidnight} * 60'000;
}

TimeOfDay tod(int minutes) {
    return *TimeOfDay::fromMinutes(minutes);
}

// What happens at one appointment, decided before any record is written.
struct Plan {
    std::optional<OutcomeCode> code;  // none: nothing recorded (yet)
    bool conflict = false;            // a second device records something different
    bool undecided = false;           // enforceable outcome left for the RO to decide
    int records = 0;                  // 0 full, 1 no work, 2 no skills/feedback, 3 nothing
};

struct SessionInfo {
    std::size_t project;          // index into projects
    std::string lead_supervisor;  // staff id
};

class Generator {
public:
    Generator(const DemoOptions& options, const domain::Policy& policy)
        : options_(options), policy_(policy), random_(options.seed ^ 0x5B0C'C0DE'2025'0001ull) {
        idMillis_ = millisAt(options.today.addDays(-400), 0);
    }

    DemoRegion run() {
        region_.name = "North Riverside (demonstration data)";
        region_.today = options_.today;
        makeStaff();
        makeProjects();
        makePeopleAndOrders();
        makeSessions();
        makeRosters();
        planOutcomes();
        writeOutcomesAndRecords();
        makeWarningHistory();
        makeDecisions();
        makeCaseNotes();
        makeReviews();
        finish();
        return std::move(region_);
    }

private:
    // UUIDv7-shaped ids in creation order, from the demo's own sequence.
    std::string newId() {
        std::array<std::uint8_t, 16> b{};
        const auto millis = static_cast<std::uint64_t>(idMillis_++);
        for (int i = 0; i < 6; ++i)
            b[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(millis >> (8 * (5 - i)));
        const std::uint64_t r1 = random_.next();
        const std::uint64_t r2 = random_.next();
        b[6] = static_cast<std::uint8_t>(0x70 | (r1 & 0x0f));
        b[7] = static_cast<std::uint8_t>(r1 >> 8);
        b[8] = static_cast<std::uint8_t>(0x80 | ((r1 >> 16) & 0x3f));
        for (std::size_t i = 9; i < 16; ++i)
            b[i] = static_cast<std::uint8_t>(r2 >> (8 * (i - 9)));
        return Uuid(b).toString();
    }

    const StaffMember& staffById(const std::string& id) const {
        return *std::find_if(region_.staff.begin(), region_.staff.end(),
                             [&](const StaffMember& s) { return s.id == id; });
    }

    void makeStaff() {
        for (const auto& seed : catalogue::staff()) {
            StaffMember s;
            s.id = newId();
            s.username = std::string(seed.username);
            s.display_name = std::string(seed.display_name);
            s.role = seed.role;
            s.device_id = newId();
            (seed.role == domain::Role::Supervisor ? supervisors_ : officers_).push_back(s.id);
            region_.staff.push_back(std::move(s));
        }
    }

    void makeProjects() {
        const auto seeds = catalogue::projects();
        for (std::size_t i = 0; i < seeds.size(); ++i) {
            const auto& seed = seeds[i];
            domain::Project p;
            p.id = newId();
            p.code = std::string(seed.code);
            p.name = std::string(seed.name);
            p.type = seed.type;
            p.location = std::string(seed.location);
            p.beneficiary = std::string(seed.beneficiary);
            p.hi_vis_required = seed.hi_vis;
            for (int k = 0; k < seed.supervisors; ++k) {
                p.supervisor_ids.push_back(
                    supervisors_[(i + static_cast<std::size_t>(k)) % supervisors_.size()]);
            }
            region_.projects.push_back(std::move(p));
        }
    }

    std::string uniqueCrn() {
        const std::string_view letters = catalogue::crnLetters();
        for (;;) {
            std::string crn(1, letters[static_cast<std::size_t>(random_.next() % letters.size())]);
            const int digits = random_.between(100'000, 999'999);
            crn += std::to_string(digits);
            if (crns_.insert(crn).second)
                return crn;
        }
    }

    void makePeopleAndOrders() {
        const int count = std::max(40, options_.people);
        const CivilDate today = options_.today;
        const int windowDays = 7 * std::max(1, options_.weeks);
        std::set<std::pair<std::string_view, std::string_view>> names;
        for (int i = 0; i < count; ++i) {
            domain::Person person;
            person.id = newId();
            for (;;) {
                auto f = random_.pick(catalogue::forenames());
                auto s = random_.pick(catalogue::surnames());
                if (names.emplace(f, s).second) {
                    person.forenames = std::string(f);
                    person.surname = std::string(s);
                    break;
                }
            }
            person.crn = uniqueCrn();
            person.date_of_birth = today.addDays(-random_.between(18 * 365 + 5, 62 * 365));
            person.responsible_officer_id =
                officers_[static_cast<std::size_t>(random_.next() % officers_.size())];
            if (random_.percent(30)) {
                person.placement_flags.push_back(
                    std::string(random_.pick(catalogue::placementFlags())));
                if (random_.percent(20)) {
                    std::string second(random_.pick(catalogue::placementFlags()));
                    if (second != person.placement_flags.front()) {
                        person.placement_flags.push_back(std::move(second));
                    }
                }
            }
            person.restricted_access = i % 15 == 4;  // three in 44

            domain::Order order;
            order.id = newId();
            order.person_id = person.id;
            if (i < 7) {
                order.sentence_date = today.addDays(-random_.between(2, windowDays + 3));
            } else if (i == kWarnedPerson) {
                order.sentence_date = today.addDays(-random_.between(200, 300));
            } else {
                order.sentence_date = today.addDays(-random_.between(windowDays + 4, 360));
            }
            order.required_minutes = requiredMinutes(order.sentence_date);
            if (i % 11 == 9) {
                domain::OrderAdjustment a;
                a.id = newId();
                const int variant = (i / 11) % 3;
                a.minutes = variant == 1 ? -300 : (variant == 0 ? 600 : 1200);
                a.reason =
                    std::string(catalogue::adjustmentReasons()[static_cast<std::size_t>(variant)]);
                const auto span =
                    std::max<std::int64_t>(1, CivilDate::daysBetween(order.sentence_date, today));
                a.date = order.sentence_date.addDays(
                    random_.between(1, static_cast<int>(std::min<std::int64_t>(span, 300))));
                order.adjustments.push_back(std::move(a));
            }
            region_.people.push_back(std::move(person));
            region_.orders.push_back(std::move(order));
        }
    }

    int requiredMinutes(CivilDate sentenceDate) {
        static constexpr std::array<int, 11> kHours{40,  50,  60,  80,  100, 120,
                                                    150, 180, 200, 240, 300};
        const domain::MinutesRange range = policy_.order_required_minutes.valueOn(sentenceDate);
        std::vector<int> fitting;
        for (int h : kHours) {
            if (h * 60 >= range.min && h * 60 <= range.max)
                fitting.push_back(h * 60);
        }
        if (fitting.empty())
            return range.min;
        return fitting[static_cast<std::size_t>(random_.next() % fitting.size())];
    }

    void addSession(std::size_t project, CivilDate date, std::size_t dayIndex) {
        const auto& seed = catalogue::projects()[project];
        const auto& p = region_.projects[project];
        domain::Session s;
        s.id = newId();
        s.project_id = p.id;
        s.date = date;
        s.start = tod(seed.start_minutes);
        s.end = tod(seed.end_minutes);
        sessionInfo_[s.id] =
            SessionInfo{project, p.supervisor_ids[dayIndex % p.supervisor_ids.size()]};
        region_.sessions.push_back(std::move(s));
    }

    void makeSessions() {
        const CivilDate first = options_.today.addDays(-(7 * std::max(1, options_.weeks) - 1));
        const CivilDate last = options_.today.addDays(7);
        std::size_t dayIndex = 0;
        for (CivilDate d = first; d <= last; d = d.addDays(1), ++dayIndex) {
            const auto seeds = catalogue::projects();
            for (std::size_t p = 0; p < seeds.size(); ++p) {
                if (seeds[p].weekdays & (1u << weekday(d)))
                    addSession(p, d, dayIndex);
            }
        }
    }

    // A person's regular weekly slot: a project and a weekday.
    struct Slot {
        std::size_t project;
        int weekday;
        int capacity;
        int load = 0;
    };

    void makeRosters() {
        const auto seeds = catalogue::projects();
        std::vector<Slot> slots;
        std::optional<std::size_t> induction;
        std::optional<std::size_t> ete;
        for (std::size_t p = 0; p < seeds.size(); ++p) {
            if (seeds[p].type == domain::ProjectType::Induction) {
                induction = p;
                continue;
            }
            if (seeds[p].type == domain::ProjectType::Ete) {
                ete = p;
                continue;
            }
            for (int w = 0; w < 7; ++w) {
                if (seeds[p].weekdays & (1u << w))
                    slots.push_back({p, w, seeds[p].capacity});
            }
        }

        std::vector<std::size_t> order(region_.people.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        random_.shuffle(order);
        std::vector<std::vector<std::size_t>> personSlots(region_.people.size());
        auto leastLoaded = [&](std::optional<std::size_t> except) {
            std::size_t best = slots.size();
            for (std::size_t s = 0; s < slots.size(); ++s) {
                if (except && slots[s].project == slots[*except].project)
                    continue;
                if (best == slots.size() ||
                    slots[s].load * slots[best].capacity < slots[best].load * slots[s].capacity) {
                    best = s;
                }
            }
            return best;
        };
        for (std::size_t person : order) {
            const std::size_t first = leastLoaded(std::nullopt);
            ++slots[first].load;
            personSlots[person].push_back(first);
            if (random_.percent(30)) {
                const std::size_t second = leastLoaded(first);
                ++slots[second].load;
                personSlots[person].push_back(second);
            }
        }
        std::set<std::size_t> etePeople;
        for (std::size_t person : order) {
            if (etePeople.size() >= 7)
                break;
            if (region_.orders[person].required_minutes >= 80 * 60)
                etePeople.insert(person);
        }

        // Each person starts after their induction if sentenced recently enough to need one here.
        const CivilDate windowStart = region_.sessions.front().date;
        std::vector<std::optional<CivilDate>> inductionOn(region_.people.size());
        std::vector<bool> needsInduction(region_.people.size(), false);
        for (std::size_t i = 0; i < region_.people.size(); ++i) {
            const CivilDate sentenced = region_.orders[i].sentence_date;
            if (sentenced < windowStart.addDays(-1))
                continue;
            needsInduction[i] = true;
            for (const auto& s : region_.sessions) {
                if (induction && sessionInfo_[s.id].project == *induction && s.date > sentenced) {
                    inductionOn[i] = s.date;
                    break;
                }
            }
        }

        // Nobody is booked for more hours than their order needs.
        std::vector<int> bookedMinutes(region_.people.size(), 0);
        for (const auto& session : region_.sessions) {
            const SessionInfo& info = sessionInfo_[session.id];
            for (std::size_t i = 0; i < region_.people.size(); ++i) {
                if (bookedMinutes[i] >= region_.orders[i].adjustedRequiredMinutes())
                    continue;
                bool booked = false;
                if (induction && info.project == *induction) {
                    booked = inductionOn[i] == session.date;
                } else {
                    const bool started = needsInduction[i]
                                             ? inductionOn[i] && *inductionOn[i] < session.date
                                             : region_.orders[i].sentence_date < session.date;
                    if (!started)
                        continue;
                    if (ete && info.project == *ete) {
                        booked = etePeople.contains(i);
                    } else {
                        for (std::size_t s : personSlots[i]) {
                            booked = booked || (slots[s].project == info.project &&
                                                slots[s].weekday == weekday(session.date));
                        }
                    }
                }
                if (!booked)
                    continue;
                bookedMinutes[i] += TimeOfDay::minutesBetween(session.start, session.end);
                Appointment a;
                a.id = newId();
                a.person_id = region_.people[i].id;
                a.order_id = region_.orders[i].id;
                a.session_id = session.id;
                a.scheduled_start = session.start;
                a.scheduled_end = session.end;
                personOf_[a.id] = i;
                appointmentDate_[a.id] = session.date;
                region_.appointments.push_back(std::move(a));
            }
        }
    }

    CivilDate dateOf(const Appointment& a) const { return appointmentDate_.at(a.id); }
    std::size_t projectOf(const Appointment& a) const {
        return sessionInfo_.at(a.session_id).project;
    }

    void planOutcomes() {
        const CivilDate today = options_.today;
        const int overdueDays = policy_.overdue_outcome_after_days.valueOn(today);
        plans_.assign(region_.appointments.size(), Plan{});
        for (std::size_t i = 0; i < region_.appointments.size(); ++i) {
            const Appointment& a = region_.appointments[i];
            Plan& plan = plans_[i];
            plan.records = recordsRoll();
            if (dateOf(a) >= today)
                continue;
            const auto type = catalogue::projects()[projectOf(a)].type;
            const int r = random_.between(0, 99);
            if (type == domain::ProjectType::Induction || type == domain::ProjectType::Ete) {
                plan.code =
                    r < 92 ? OutcomeCode::ATTC : (r < 96 ? OutcomeCode::UACP : OutcomeCode::AAME);
                continue;
            }
            if (r < 78) {
                plan.code = OutcomeCode::ATTC;
            } else if (r < 84) {
                plan.code = OutcomeCode::AFTC;
            } else if (r < 89) {
                plan.code = OutcomeCode::UACP;
            } else if (r < 91) {
                plan.code = OutcomeCode::ATSH;
            } else if (r < 92) {
                plan.code = OutcomeCode::ATSS;
            } else if (r < 98) {
                static constexpr std::array<OutcomeCode, 5> kAcceptable{
                    OutcomeCode::AAME, OutcomeCode::AAEM, OutcomeCode::AAFC, OutcomeCode::AACL,
                    OutcomeCode::AASD};
                plan.code = random_.pick(std::span<const OutcomeCode>(kAcceptable));
            }  // else: not recorded
        }

        // At least two outcomes overdue, so the RO inbox shows the rule.
        int overdue = 0;
        for (std::size_t i = 0; i < plans_.size(); ++i) {
            if (!plans_[i].code && dateOf(region_.appointments[i]).addDays(overdueDays) <= today &&
                dateOf(region_.appointments[i]) < today) {
                ++overdue;
            }
        }
        for (std::size_t i = 0; i < plans_.size() && overdue < 2; ++i) {
            const CivilDate d = dateOf(region_.appointments[i]);
            if (plans_[i].code == OutcomeCode::ATTC && d.addDays(overdueDays + 3) <= today &&
                random_.percent(20)) {
                plans_[i].code.reset();
                ++overdue;
            }
        }

        // The warned person fails again, recently, and the RO has not decided yet.
        std::optional<std::size_t> latest;
        for (std::size_t i = 0; i < plans_.size(); ++i) {
            const Appointment& a = region_.appointments[i];
            if (personOf_.at(a.id) != kWarnedPerson)
                continue;
            const CivilDate d = dateOf(a);
            if (d <= today.addDays(-2) && d >= today.addDays(-12))
                latest = i;
        }
        if (!latest) {
            for (std::size_t i = 0; i < plans_.size(); ++i) {
                const Appointment& a = region_.appointments[i];
                if (personOf_.at(a.id) == kWarnedPerson && dateOf(a) < today)
                    latest = i;
            }
        }
        if (latest) {
            plans_[*latest].code = OutcomeCode::UACP;
            plans_[*latest].undecided = true;
        }

        // One appointment recorded differently by two supervisors.
        for (std::size_t i = 0; i < plans_.size(); ++i) {
            const Appointment& a = region_.appointments[i];
            const CivilDate d = dateOf(a);
            if (plans_[i].code == OutcomeCode::ATTC && d >= today.addDays(-6) &&
                d <= today.addDays(-2) &&
                region_.projects[projectOf(a)].supervisor_ids.size() > 1 &&
                personOf_.at(a.id) != kWarnedPerson) {
                plans_[i].conflict = true;
                break;
            }
        }
    }

    int recordsRoll() {
        const int r = random_.between(0, 99);
        if (r < 90)
            return 0;
        if (r < 95)
            return 1;
        if (r < 98)
            return 2;
        return 3;
    }

    AppointmentOutcome outcomeFor(OutcomeCode code, const Appointment& a) {
        AppointmentOutcome o;
        o.code = code;
        const int start = a.scheduled_start.minutes();
        const int end = a.scheduled_end.minutes();
        static constexpr std::array<Rating, 4> kGoodQuality{Rating::Excellent, Rating::Good,
                                                            Rating::Good, Rating::Satisfactory};
        static constexpr std::array<Rating, 5> kGoodBehaviour{
            Rating::Excellent, Rating::Good, Rating::Good, Rating::Good, Rating::Satisfactory};
        switch (code) {
            case OutcomeCode::ATTC: {
                static constexpr std::array<int, 7> kLate{0, 0, 0, 0, 5, 10, 15};
                o.arrival = tod(start + random_.pick(std::span<const int>(kLate)));
                o.finish = tod(end);
                o.penalty_minutes = random_.percent(8) ? 30 : 0;
                o.work_quality = random_.pick(std::span<const Rating>(kGoodQuality));
                o.behaviour = random_.pick(std::span<const Rating>(kGoodBehaviour));
                break;
            }
            case OutcomeCode::AFTC:
                if (random_.percent(60)) {  // late
                    o.arrival = tod(start + random_.between(35, 75));
                    o.finish = tod(end);
                    o.penalty_minutes = 30;
                } else {  // left early
                    o.arrival = tod(start);
                    o.finish = tod(end - random_.between(60, 120));
                }
                o.work_quality =
                    random_.percent(50) ? Rating::Satisfactory : Rating::Unsatisfactory;
                o.behaviour = Rating::Unsatisfactory;
                break;
            case OutcomeCode::ATSH:
                o.arrival = tod(start);
                o.finish = tod(start + random_.between(60, 150));
                o.work_quality = Rating::Unsatisfactory;
                o.behaviour = Rating::Poor;
                break;
            case OutcomeCode::ATSS:
                o.arrival = tod(start);
                o.finish = tod(start + 150);
                o.work_quality = Rating::Good;
                o.behaviour = Rating::Good;
                break;
            default:
                break;  // absences carry no times or ratings
        }
        return o;
    }

    void addRecording(const Appointment& a, AppointmentOutcome outcome) {
        const std::string& device = staffById(outcome.recorded_by).device_id;
        region_.recordings.push_back(
            OutcomeRecording{a.id, device, HlcTimestamp{outcome.recorded_at, 0}, outcome});
    }

    void writeOutcomesAndRecords() {
        std::map<std::size_t, int> attendedSoFar;  // per person, for skill levels
        for (std::size_t i = 0; i < region_.appointments.size(); ++i) {
            Appointment& a = region_.appointments[i];
            const Plan& plan = plans_[i];
            if (!plan.code)
                continue;
            const CivilDate d = dateOf(a);
            const SessionInfo& info = sessionInfo_.at(a.session_id);
            const std::size_t person = personOf_.at(a.id);

            AppointmentOutcome o = outcomeFor(*plan.code, a);
            if (domain::supervisorMayChoose(*plan.code)) {
                o.recorded_by = info.lead_supervisor;
                o.recorded_at = millisAt(d, a.scheduled_end.minutes() + random_.between(5, 40));
            } else {
                o.recorded_by = region_.people[person].responsible_officer_id;
                o.recorded_at = millisAt(d, 8 * 60 + random_.between(0, 90));
            }
            a.outcome = o;
            addRecording(a, o);

            if (plan.conflict) {
                const auto& sups = region_.projects[info.project].supervisor_ids;
                AppointmentOutcome other = outcomeFor(OutcomeCode::AFTC, a);
                other.arrival = tod(a.scheduled_start.minutes() + 50);
                other.finish = a.scheduled_end;
                other.penalty_minutes = 30;
                other.recorded_by = sups[0] == info.lead_supervisor ? sups[1] : sups[0];
                other.recorded_at = o.recorded_at + 60'000 * random_.between(5, 90);
                addRecording(a, other);
            }

            if (o.code.isAttended())
                writeSupervisorRecords(a, plan, info, attendedSoFar[person]++);
        }
    }

    void writeSupervisorRecords(const Appointment& a, const Plan& plan, const SessionInfo& info,
                                int attendedBefore) {
        const auto& seed = catalogue::projects()[info.project];
        const OutcomeCode code = a.outcome->code.code();
        const bool complied = code == OutcomeCode::ATTC;
        const bool withWork = plan.records == 0 || plan.records == 2;
        const bool withDevelopment = plan.records == 0 || plan.records == 1;

        if (withWork) {
            const auto& w = random_.pick(seed.work);
            domain::WorkUndertaken work;
            work.id = newId();
            work.appointment_id = a.id;
            work.category = w.category;
            work.description = std::string(w.description);
            if (!w.unit.empty()) {
                int q = random_.between(w.min_quantity, w.max_quantity);
                if (!complied)
                    q = std::max(w.min_quantity, q / 3);
                work.quantity = q;
                work.unit = std::string(w.unit);
            }
            region_.work.push_back(std::move(work));
        }
        if (!withDevelopment)
            return;

        const int skillCount = complied ? random_.between(1, 2) : 1;
        std::vector<domain::Skill> chosen;
        for (int k = 0; k < skillCount; ++k) {
            const domain::Skill skill = random_.pick(seed.skills);
            if (std::find(chosen.begin(), chosen.end(), skill) != chosen.end())
                continue;
            chosen.push_back(skill);
            domain::SkillObservation s;
            s.id = newId();
            s.appointment_id = a.id;
            s.skill = skill;
            s.level = attendedBefore < 2    ? domain::SkillLevel::Introduced
                      : attendedBefore < 5  ? domain::SkillLevel::Practising
                      : random_.percent(85) ? domain::SkillLevel::Competent
                                            : domain::SkillLevel::CouldTeachOthers;
            if (s.level == domain::SkillLevel::CouldTeachOthers) {
                s.note = "Showed two newer people how to do this safely.";
            }
            region_.skills.push_back(std::move(s));
        }

        domain::Feedback f;
        f.id = newId();
        f.appointment_id = a.id;
        const catalogue::FeedbackSeed* fs = nullptr;
        switch (code) {
            case OutcomeCode::AFTC:
                fs = &catalogue::concernFeedback()[random_.percent(50) ? 0 : 1];
                break;
            case OutcomeCode::ATSH:
                fs = &catalogue::concernFeedback()[2];
                f.incidents =
                    "Verbal altercation with another person in the group late morning; "
                    "nobody hurt. Sent home.";
                f.alert_officer = true;
                f.alert_reason =
                    "Sent home for behaviour: please consider enforcement and speak "
                    "to them before the next session.";
                break;
            case OutcomeCode::ATSS:
                fs = &catalogue::goodFeedback()[2];
                f.progress =
                    "Session stood down early because of heavy rain; worked well "
                    "until then.";
                break;
            default:
                fs = &random_.pick(catalogue::goodFeedback());
                break;
        }
        if (f.progress.empty())
            f.progress = std::string(fs->progress);
        f.strengths = std::string(fs->strengths);
        f.concerns = std::string(fs->concerns);
        f.support_needs = std::string(fs->support_needs);
        region_.feedback.push_back(std::move(f));
    }

    // An unacceptable absence months ago for the warned person, with the RO's warning.
    void makeWarningHistory() {
        const std::size_t person = kWarnedPerson;
        std::size_t canal = 0;
        CivilDate d = options_.today.addDays(-150);
        while (!(catalogue::projects()[canal].weekdays & (1u << weekday(d))))
            d = d.addDays(-1);
        if (d <= region_.orders[person].sentence_date)
            return;
        addSession(canal, d, 0);
        const domain::Session& session = region_.sessions.back();

        Appointment a;
        a.id = newId();
        a.person_id = region_.people[person].id;
        a.order_id = region_.orders[person].id;
        a.session_id = session.id;
        a.scheduled_start = session.start;
        a.scheduled_end = session.end;
        AppointmentOutcome o = outcomeFor(OutcomeCode::UACP, a);
        o.recorded_by = sessionInfo_.at(session.id).lead_supervisor;
        o.recorded_at = millisAt(d, session.end.minutes() + 20);
        a.outcome = o;
        addRecording(a, o);
        personOf_[a.id] = person;
        appointmentDate_[a.id] = session.date;
        region_.appointments.push_back(a);
        plans_.push_back(Plan{OutcomeCode::UACP, false, false, 3});

        domain::EnforcementDecision w;
        w.id = newId();
        w.appointment_id = a.id;
        w.order_id = a.order_id;
        w.action = domain::EnforcementAction::WarningIssued;
        w.decided_on = d.addDays(3);
        w.decided_by = region_.people[person].responsible_officer_id;
        w.note =
            "Warning letter issued; explained that a further unacceptable failure within "
            "12 months will be reported to court.";
        region_.decisions.push_back(w);
        warningAppointment_ = a.id;
    }

    void makeDecisions() {
        const CivilDate today = options_.today;
        std::vector<std::size_t> enforceable;
        for (std::size_t i = 0; i < region_.appointments.size(); ++i) {
            const auto& a = region_.appointments[i];
            if (a.id == warningAppointment_ || !a.outcome || plans_[i].undecided)
                continue;
            if (a.outcome->code.isEnforceable())
                enforceable.push_back(i);
        }
        std::sort(enforceable.begin(), enforceable.end(), [&](std::size_t x, std::size_t y) {
            return std::make_tuple(dateOf(region_.appointments[x]), region_.appointments[x].id) <
                   std::make_tuple(dateOf(region_.appointments[y]), region_.appointments[y].id);
        });
        for (std::size_t i : enforceable) {
            const Appointment& a = region_.appointments[i];
            const CivilDate d = dateOf(a);
            if (d.addDays(4) > today || !random_.percent(80))
                continue;
            domain::EnforcementDecision decision;
            decision.id = newId();
            decision.appointment_id = a.id;
            decision.order_id = a.order_id;
            decision.decided_on = std::min(today, d.addDays(random_.between(1, 5)));
            decision.decided_by = region_.people[personOf_.at(a.id)].responsible_officer_id;
            std::vector<domain::EnforcementDecision> prior;
            for (const auto& p : region_.decisions) {
                if (p.order_id == a.order_id)
                    prior.push_back(p);
            }
            if (domain::breachReferralRequired(d, prior, policy_)) {
                decision.action = domain::EnforcementAction::ReferForBreach;
                decision.note =
                    "Further failure within 12 months of a warning: breach report "
                    "prepared for court.";
            } else if (random_.percent(55)) {
                decision.action = domain::EnforcementAction::WarningIssued;
                decision.note =
                    "Warning letter issued; consequences of a further failure "
                    "explained by phone.";
            } else {
                decision.action = domain::EnforcementAction::NoFurtherAction;
                decision.note = "Acceptable explanation with evidence seen; no further action.";
            }
            region_.decisions.push_back(std::move(decision));
        }
    }

    domain::CaseNote note(const Appointment& a, const std::string& author, UnixMillis at,
                          std::string text, bool sensitive = false) {
        domain::CaseNote n;
        n.id = newId();
        n.person_id = a.person_id;
        n.appointment_id = a.id;
        n.author = author;
        n.created_at = at;
        n.text = std::move(text);
        n.sensitive = sensitive;
        return n;
    }

    const Appointment* firstWith(OutcomeCode code, std::size_t skip = 0) const {
        for (const auto& a : region_.appointments) {
            if (a.outcome && a.outcome->code.code() == code && skip-- == 0)
                return &a;
        }
        return nullptr;
    }

    void makeCaseNotes() {
        auto& notes = region_.case_notes;
        // The warning conversation.
        for (const auto& a : region_.appointments) {
            if (a.id != warningAppointment_)
                continue;
            const auto& d = region_.decisions.front();
            notes.push_back(note(a, d.decided_by, millisAt(d.decided_on, 11 * 60),
                                 "Phoned about the missed session. No acceptable reason given. "
                                 "Warning letter sent today; a further failure within 12 months "
                                 "will be reported to court."));
        }
        // A supervisor's note, later corrected by an amendment.
        if (const Appointment* late = firstWith(OutcomeCode::AFTC)) {
            const std::string& author = late->outcome->recorded_by;
            const UnixMillis at = late->outcome->recorded_at + 60'000;
            domain::CaseNote original = note(*late, author, at,
                                             "Arrived 40 minutes late; said the bus was "
                                             "cancelled. Allowed to work the rest of the day.");
            domain::CaseNote amendment =
                note(*late, author, at + 86'400'000,
                     "Correction to my earlier note: arrived 25 minutes late, not 40. The bus "
                     "cancellation is confirmed on the operator's website.");
            amendment.amends_note_id = original.id;
            notes.push_back(std::move(original));
            notes.push_back(std::move(amendment));
        }
        // An ordinary supervisor's note and a PPE reminder.
        if (const Appointment* good = firstWith(OutcomeCode::ATTC, 3)) {
            notes.push_back(note(*good, good->outcome->recorded_by,
                                 good->outcome->recorded_at + 120'000,
                                 "Worked alongside the group without any problems. Asked whether "
                                 "some hours could count towards a construction course."));
        }
        if (const Appointment* ppe = firstWith(OutcomeCode::ATTC, 11)) {
            notes.push_back(note(*ppe, ppe->outcome->recorded_by,
                                 ppe->outcome->recorded_at + 180'000,
                                 "Arrived without safety boots; a spare pair was issued from the "
                                 "van. Reminded to bring their own next time."));
        }
        // A sensitive note by the RO and its (still sensitive) addendum.
        if (const Appointment* absent = firstWith(OutcomeCode::AAFC)
                                            ? firstWith(OutcomeCode::AAFC)
                                            : firstWith(OutcomeCode::ATTC, 7)) {
            const std::string ro = region_.people[personOf_.at(absent->id)].responsible_officer_id;
            const UnixMillis at = millisAt(dateOf(*absent), 14 * 60);
            domain::CaseNote sensitive =
                note(*absent, ro, at,
                     "Disclosed a change in personal circumstances that affects attendance; "
                     "discussed in private. Details are held on the restricted case record.",
                     true);
            domain::CaseNote addendum =
                note(*absent, ro, at + 2 * 86'400'000,
                     "Addendum: agreed to move sessions to Saturdays from next week.", true);
            addendum.amends_note_id = sensitive.id;
            notes.push_back(std::move(sensitive));
            notes.push_back(std::move(addendum));
        }
    }

    void makeReviews() {
        const CivilDate today = options_.today;
        for (std::size_t i = 0; i < region_.orders.size(); ++i) {
            const auto& order = region_.orders[i];
            for (int months : policy_.review_points_months.valueOn(order.sentence_date)) {
                const CivilDate due = order.sentence_date.addMonths(months);
                if (due > today.addDays(-14) || random_.percent(10))
                    continue;
                region_.reviews_done.push_back(CompletedReview{
                    order.id, months, std::min(today, due.addDays(random_.between(0, 6))),
                    region_.people[i].responsible_officer_id});
            }
        }
    }

    void finish() {
        // Sessions nobody is booked on are not run.
        std::set<std::string> booked;
        for (const auto& a : region_.appointments)
            booked.insert(a.session_id);
        std::erase_if(region_.sessions,
                      [&](const domain::Session& s) { return !booked.contains(s.id); });

        std::map<std::string, std::size_t> projectIndex;
        for (std::size_t p = 0; p < region_.projects.size(); ++p) {
            projectIndex[region_.projects[p].id] = p;
        }
        std::sort(region_.sessions.begin(), region_.sessions.end(),
                  [&](const domain::Session& x, const domain::Session& y) {
                      return std::tie(x.date, x.start, projectIndex[x.project_id], x.id) <
                             std::tie(y.date, y.start, projectIndex[y.project_id], y.id);
                  });
        std::map<std::string, std::size_t> sessionRank;
        for (std::size_t s = 0; s < region_.sessions.size(); ++s) {
            sessionRank[region_.sessions[s].id] = s;
        }
        // Rosters read by surname, as the supervisor sees them.
        std::sort(region_.appointments.begin(), region_.appointments.end(),
                  [&](const Appointment& x, const Appointment& y) {
                      const auto& px = region_.people[personOf_.at(x.id)];
                      const auto& py = region_.people[personOf_.at(y.id)];
                      return std::tie(sessionRank[x.session_id], px.surname, px.forenames, x.id) <
                             std::tie(sessionRank[y.session_id], py.surname, py.forenames, y.id);
                  });
        std::sort(region_.recordings.begin(), region_.recordings.end(),
                  [](const OutcomeRecording& x, const OutcomeRecording& y) {
                      return std::tie(x.hlc, x.device_id, x.appointment_id) <
                             std::tie(y.hlc, y.device_id, y.appointment_id);
                  });
        std::sort(region_.decisions.begin(), region_.decisions.end(),
                  [](const auto& x, const auto& y) {
                      return std::tie(x.decided_on, x.id) < std::tie(y.decided_on, y.id);
                  });
        std::sort(region_.case_notes.begin(), region_.case_notes.end(),
                  [](const auto& x, const auto& y) {
                      return std::tie(x.created_at, x.id) < std::tie(y.created_at, y.id);
                  });
    }

    // The person (by generation index) with an earlier warning who fails again.
    static constexpr std::size_t kWarnedPerson = 7;

    const DemoOptions& options_;
    const domain::Policy& policy_;
    DemoRandom random_;
    UnixMillis idMillis_ = 0;
    DemoRegion region_;
    std::vector<std::string> supervisors_;
    std::vector<std::string> officers_;
    std::set<std::string> crns_;
    std::map<std::string, SessionInfo> sessionInfo_;
    std::map<std::string, std::size_t> personOf_;
    std::map<std::string, CivilDate> appointmentDate_;
    std::vector<Plan> plans_;  // parallel to region_.appointments until finish()
    std::string warningAppointment_;
};

}  // namespace

DemoRegion generateRegion(const DemoOptions& options, const domain::Policy& policy) {
    return Generator(options, policy).run();
}

}  // namespace sitebook::server::demo
