#include "sitebook/server/reconcile/reconciler.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <tuple>

#include "sitebook/domain/policy.h"
#include "sitebook/domain/validation.h"

namespace sitebook::server::reconcile {
namespace {

using domain::Appointment;
using domain::CivilDate;
using domain::EnforcementDecision;
using domain::Order;
using domain::Project;
using domain::Session;

// The input, indexed and checked for dangling references.
struct Index {
    std::map<std::string, const Order*> orders;
    std::map<std::string, const Session*> sessions;
    std::map<std::string, const Project*> projects;
    std::map<std::string, const Appointment*> appointments;
};

template <typename T>
Status indexById(const std::vector<T>& list, std::string_view listName,
                 std::map<std::string, const T*>& out) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!out.emplace(list[i].id, &list[i]).second) {
            return makeError(ErrorCode::InvalidArgument,
                             std::string(listName) + " id " + list[i].id + " appears twice",
                             std::string(listName) + "[" + std::to_string(i) + "].id");
        }
    }
    return okStatus();
}

Error fieldError(std::string field, std::string message) {
    return makeError(ErrorCode::InvalidArgument, std::move(message), std::move(field));
}

std::string at(std::string_view list, std::size_t i, std::string_view field) {
    return std::string(list) + "[" + std::to_string(i) + "]." + std::string(field);
}

Result<Index> buildIndex(const ReconcileInput& in) {
    Index ix;
    SB_TRY(indexById(in.orders, "orders", ix.orders));
    SB_TRY(indexById(in.sessions, "sessions", ix.sessions));
    SB_TRY(indexById(in.projects, "projects", ix.projects));
    SB_TRY(indexById(in.appointments, "appointments", ix.appointments));

    const std::string& personId = in.person.id;
    for (std::size_t i = 0; i < in.orders.size(); ++i) {
        if (in.orders[i].person_id != personId) {
            return fieldError(at("orders", i, "person_id"),
                              "order " + in.orders[i].id + " belongs to another person");
        }
    }
    for (std::size_t i = 0; i < in.appointments.size(); ++i) {
        const Appointment& a = in.appointments[i];
        if (a.person_id != personId) {
            return fieldError(at("appointments", i, "person_id"),
                              "appointment " + a.id + " belongs to another person");
        }
        if (!ix.orders.contains(a.order_id)) {
            return fieldError(at("appointments", i, "order_id"),
                              "appointment " + a.id + " names unknown order " + a.order_id);
        }
        auto s = ix.sessions.find(a.session_id);
        if (s == ix.sessions.end()) {
            return fieldError(at("appointments", i, "session_id"),
                              "appointment " + a.id + " names unknown session " + a.session_id);
        }
        if (!ix.projects.contains(s->second->project_id)) {
            return fieldError(
                "sessions.project_id",
                "session " + s->second->id + " names unknown project " + s->second->project_id);
        }
    }
    for (std::size_t i = 0; i < in.outcome_versions.size(); ++i) {
        const std::string& id = in.outcome_versions[i].appointment_id;
        if (!ix.appointments.contains(id)) {
            return fieldError(at("outcome_versions", i, "appointment_id"),
                              "outcome version names unknown appointment " + id);
        }
    }
    for (std::size_t i = 0; i < in.decisions.size(); ++i) {
        if (!ix.orders.contains(in.decisions[i].order_id)) {
            return fieldError(at("decisions", i, "order_id"), "decision " + in.decisions[i].id +
                                                                  " names unknown order " +
                                                                  in.decisions[i].order_id);
        }
    }
    return ix;
}

// Explicit versions, plus an appointment's own outcome where no device version exists.
std::vector<OutcomeVersion> collectVersions(const ReconcileInput& in) {
    std::vector<OutcomeVersion> versions = in.outcome_versions;
    std::set<std::string> withVersions;
    for (const auto& v : in.outcome_versions)
        withVersions.insert(v.appointment_id);
    for (const auto& a : in.appointments) {
        if (a.outcome && !withVersions.contains(a.id)) {
            versions.push_back(
                OutcomeVersion{a.id, "", HlcTimestamp{a.outcome->recorded_at, 0}, *a.outcome});
        }
    }
    return versions;
}

std::string hoursText(int minutes) {
    const int h = minutes / 60;
    const int m = minutes % 60;
    std::string text = std::to_string(h) + " h";
    if (m != 0)
        text += " " + std::to_string(m) + " min";
    return text;
}

std::string describeOutcome(const domain::AppointmentOutcome& o) {
    std::string text(o.code.text());
    if (o.arrival && o.finish) {
        text += " " + o.arrival->toString() + "–" + o.finish->toString();
    }
    if (o.penalty_minutes > 0)
        text += ", penalty " + std::to_string(o.penalty_minutes) + " min";
    return text;
}

struct Scheduled {
    const Appointment* appointment;
    const Session* session;
    const Project* project;
};

struct OrderState {
    int credited = 0;
    int ete = 0;
    std::optional<CivilDate> completed_on;
};

}  // namespace

int rawCreditMinutes(const domain::AppointmentOutcome& outcome) {
    if (!outcome.code.isAttended() || !outcome.arrival || !outcome.finish)
        return 0;
    const int minutes = domain::TimeOfDay::minutesBetween(*outcome.arrival, *outcome.finish) -
                        outcome.penalty_minutes;
    return std::max(0, minutes);
}

Result<PersonReconciliation> reconcilePerson(const ReconcileInput& in,
                                             const ReconcilePolicy& policy, CivilDate today) {
    auto indexed = buildIndex(in);
    if (!indexed.ok())
        return indexed.error();
    const Index& ix = *indexed;
    const domain::Policy& rules = policy.rules;

    PersonReconciliation out;
    out.person_id = in.person.id;

    const std::vector<OutcomeVersion> versions = collectVersions(in);
    out.outcomes = resolveOutcomes(versions, in.conflict_resolutions);
    // An unacceptable absence an RO judged acceptable: the reclassified code is the outcome.
    for (auto& r : out.outcomes) {
        for (const auto& d : in.decisions) {
            if (d.appointment_id == r.appointment_id &&
                d.action == domain::EnforcementAction::AbsenceAcceptable && d.reclassified_as) {
                r.versions[r.winner].outcome.code = *d.reclassified_as;
            }
        }
    }
    std::map<std::string, const ResolvedOutcome*> resolvedById;
    for (const auto& r : out.outcomes)
        resolvedById[r.appointment_id] = &r;

    std::map<std::string, const RecordsPresent*> recordsById;
    for (const auto& r : in.records)
        recordsById[r.appointment_id] = &r;

    std::set<std::string> decided;
    std::map<std::string, std::vector<EnforcementDecision>> decisionsByOrder;
    for (const auto& d : in.decisions) {
        decided.insert(d.appointment_id);
        decisionsByOrder[d.order_id].push_back(d);
    }
    for (auto& [orderId, list] : decisionsByOrder) {
        std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
            return std::tie(a.decided_on, a.id) < std::tie(b.decided_on, b.id);
        });
    }

    std::set<std::pair<std::string, int>> reviewsDone;
    for (const auto& r : in.reviews_done)
        reviewsDone.emplace(r.order_id, r.months);

    // Appointments in crediting order.
    std::vector<Scheduled> schedule;
    schedule.reserve(in.appointments.size());
    for (const auto& [id, a] : ix.appointments) {
        const Session* s = ix.sessions.at(a->session_id);
        schedule.push_back(Scheduled{a, s, ix.projects.at(s->project_id)});
    }
    std::sort(schedule.begin(), schedule.end(), [](const Scheduled& x, const Scheduled& y) {
        return std::tie(x.session->date, x.appointment->scheduled_start, x.appointment->id) <
               std::tie(y.session->date, y.appointment->scheduled_start, y.appointment->id);
    });

    // Credit.
    std::map<std::string, OrderState> state;
    for (const Scheduled& item : schedule) {
        const Appointment& a = *item.appointment;
        const Order& order = *ix.orders.at(a.order_id);
        AppointmentCredit credit;
        credit.appointment_id = a.id;
        credit.order_id = a.order_id;
        credit.date = item.session->date;
        credit.scheduled_start = a.scheduled_start;
        credit.ete = item.project->type == domain::ProjectType::Ete;

        auto resolved = resolvedById.find(a.id);
        if (resolved == resolvedById.end()) {
            credit.limited_by = CreditLimit::NoOutcome;
        } else if (!resolved->second->winningVersion().outcome.code.isAttended()) {
            credit.limited_by = CreditLimit::NotAttended;
        } else {
            OrderState& s = state[a.order_id];
            credit.raw_minutes = rawCreditMinutes(resolved->second->winningVersion().outcome);
            int minutes = credit.raw_minutes;
            const int remaining = std::max(0, order.adjustedRequiredMinutes() - s.credited);
            if (minutes > remaining) {
                minutes = remaining;
                credit.limited_by = CreditLimit::OrderComplete;
            }
            if (credit.ete) {
                const int eteLeft = std::max(0, domain::eteAllowanceMinutes(order, rules) - s.ete);
                if (minutes > eteLeft) {
                    minutes = eteLeft;
                    credit.limited_by = CreditLimit::EteAllowance;
                }
                s.ete += minutes;
            }
            credit.credited_minutes = minutes;
            s.credited += minutes;
            if (minutes > 0 && !s.completed_on && s.credited >= order.adjustedRequiredMinutes()) {
                s.completed_on = credit.date;
            }
        }
        out.credits.push_back(std::move(credit));
    }

    // Progress.
    for (const auto& [orderId, orderPtr] : ix.orders) {
        const Order& order = *orderPtr;
        const OrderState& s = state[orderId];
        OrderProgress p;
        p.order_id = orderId;
        p.sentence_date = order.sentence_date;
        p.required_minutes = order.required_minutes;
        p.adjusted_required_minutes = order.adjustedRequiredMinutes();
        p.adjustment_minutes = p.adjusted_required_minutes - p.required_minutes;
        p.credited_minutes = s.credited;
        p.ete_credited_minutes = s.ete;
        p.ete_allowance_minutes = domain::eteAllowanceMinutes(order, rules);
        p.remaining_minutes = std::max(0, p.adjusted_required_minutes - s.credited);
        p.percent_complete = p.adjusted_required_minutes > 0
                                 ? std::min(100.0, 100.0 * s.credited / p.adjusted_required_minutes)
                                 : 100.0;
        const std::int64_t elapsedDays =
            std::max<std::int64_t>(1, CivilDate::daysBetween(order.sentence_date, today));
        p.credited_minutes_per_day = static_cast<double>(s.credited) / elapsedDays;
        p.completed_on = s.completed_on;
        if (s.completed_on) {
            p.projected_completion = s.completed_on;
        } else if (s.credited > 0) {
            const std::int64_t remaining = p.remaining_minutes;
            const std::int64_t daysNeeded = (remaining * elapsedDays + s.credited - 1) / s.credited;
            p.projected_completion = today.addDays(daysNeeded);
        }
        out.orders.push_back(std::move(p));
    }
    std::map<std::string, const OrderProgress*> progressById;
    for (const auto& p : out.orders)
        progressById[p.order_id] = &p;

    // RO items about appointments.
    for (const Scheduled& item : schedule) {
        const Appointment& a = *item.appointment;
        const CivilDate date = item.session->date;
        const std::string where = item.project->name + " on " + date.toString();
        auto newItem = [&](RoItemKind kind) {
            RoItem r;
            r.id = std::string(itemKindText(kind)) + ":" + a.id;
            r.kind = kind;
            r.person_id = in.person.id;
            r.order_id = a.order_id;
            r.appointment_id = a.id;
            r.created_on = date;
            return r;
        };

        auto resolved = resolvedById.find(a.id);
        if (resolved == resolvedById.end()) {
            const CivilDate overdueFrom = domain::outcomeOverdueFrom(date, rules);
            if (date < today && overdueFrom <= today) {
                RoItem r = newItem(RoItemKind::OverdueOutcome);
                r.created_on = overdueFrom;
                r.due_on = overdueFrom;
                r.message = "No outcome recorded for the appointment at " + where + " (" +
                            a.scheduled_start.toString() + "–" + a.scheduled_end.toString() +
                            "); record it or ask the supervisor to.";
                out.items.push_back(std::move(r));
            }
            continue;
        }
        const ResolvedOutcome& ro = *resolved->second;
        const domain::AppointmentOutcome& outcome = ro.winningVersion().outcome;

        if (outcome.code.isEnforceable() && !decided.contains(a.id)) {
            RoItem r = newItem(RoItemKind::EnforcementDue);
            r.due_on = domain::respondByDate(date, rules);
            std::vector<EnforcementDecision> prior;
            for (const auto& d : decisionsByOrder[a.order_id]) {
                if (d.appointment_id != a.id)
                    prior.push_back(d);
            }
            // The 12-month rule on the failure's date, exactly as the decision will be judged.
            const auto warning = domain::warningInForce(date, prior, rules);
            r.breach_referral_required = warning.has_value();
            const std::string what = outcome.code.description() + " (" +
                                     std::string(outcome.code.text()) + ") at " + where + ". ";
            if (r.breach_referral_required) {
                r.prior_warning_id = warning->id;
                r.message = what + "A warning was given" + " on " + warning->decided_on.toString() +
                            ", within " +
                            std::to_string(rules.warning_window_months.valueOn(date)) +
                            " months: a breach referral is required, not another warning "
                            "(Sentencing Act 2020 Sch. 10). Refer by " +
                            r.due_on.toString() + ".";
            } else {
                r.message = what +
                            "Decide on enforcement (warning, breach referral or no "
                            "further action) by " +
                            r.due_on.toString() + ".";
            }
            out.items.push_back(std::move(r));
        }

        if (outcome.code.isAttended()) {
            RecordsPresent present;
            if (auto it = recordsById.find(a.id); it != recordsById.end())
                present = *it->second;
            const bool noWork = !present.work_undertaken;
            const bool noDevelopment = !present.skills && !present.feedback;
            if (noWork || noDevelopment) {
                RoItem r = newItem(RoItemKind::FeedbackGap);
                r.due_on = date.addDays(policy.feedback_due_days.valueOn(date));
                std::string missing;
                if (noWork)
                    missing = "work undertaken";
                if (noDevelopment) {
                    missing += missing.empty() ? "skills or feedback" : ", skills or feedback";
                }
                r.message = "No " + missing + " recorded for the attended appointment at " + where +
                            "; ask the supervisor to complete it by " + r.due_on.toString() + ".";
                out.items.push_back(std::move(r));
            }
        }

        if (ro.conflicting && !ro.resolved_by_officer) {
            RoItem r = newItem(RoItemKind::Conflict);
            const HlcTimestamp latest = ro.versions.back().hlc;
            r.created_on = std::max(date, CivilDate::fromUnixMillis(latest.millis));
            r.due_on = r.created_on.addDays(policy.conflict_respond_by_days.valueOn(date));
            std::vector<std::string> seen;
            std::string list;
            for (const auto& v : ro.versions) {
                std::string key = substanceKey(v.outcome);
                if (std::find(seen.begin(), seen.end(), key) != seen.end())
                    continue;
                seen.push_back(std::move(key));
                if (!list.empty())
                    list += "; ";
                list += describeOutcome(v.outcome);
            }
            r.versions = ro.versions;
            r.message = "Devices recorded different outcomes for the appointment at " + where +
                        ": " + list + ". " + describeOutcome(outcome) +
                        " is used until you confirm which is right, by " + r.due_on.toString() +
                        ".";
            out.items.push_back(std::move(r));
        }
    }

    // Supervisor alerts not yet acknowledged.
    const std::set<std::string> acknowledged(in.acknowledged_alerts.begin(),
                                             in.acknowledged_alerts.end());
    for (const auto& alert : in.alerts) {
        if (acknowledged.contains(alert.feedback_id))
            continue;
        auto a = ix.appointments.find(alert.appointment_id);
        if (a == ix.appointments.end())
            continue;
        const Session& session = *ix.sessions.at(a->second->session_id);
        const Project& project = *ix.projects.at(session.project_id);
        RoItem r;
        r.id = std::string(itemKindText(RoItemKind::SupervisorAlert)) + ":" + alert.feedback_id;
        r.kind = RoItemKind::SupervisorAlert;
        r.person_id = in.person.id;
        r.order_id = a->second->order_id;
        r.appointment_id = alert.appointment_id;
        r.created_on = session.date;
        r.due_on = session.date.addDays(policy.alert_respond_by_days.valueOn(session.date));
        r.feedback_id = alert.feedback_id;
        r.reason = alert.reason;
        r.message = "The supervisor at " + project.name + " on " + session.date.toString() +
                    " asked you to look at this soon. Read their reason and acknowledge it by " +
                    r.due_on.toString() + ".";
        out.items.push_back(std::move(r));
    }

    // Reviews.
    for (const auto& [orderId, orderPtr] : ix.orders) {
        const Order& order = *orderPtr;
        const OrderProgress& p = *progressById.at(orderId);
        if (p.completed_on)
            continue;
        std::vector<int> points = rules.review_points_months.valueOn(order.sentence_date);
        std::sort(points.begin(), points.end());
        points.erase(std::unique(points.begin(), points.end()), points.end());
        for (int months : points) {
            if (reviewsDone.contains({orderId, months}))
                continue;
            const CivilDate reviewDate = order.sentence_date.addMonths(months);
            const CivilDate noticeFrom =
                reviewDate.addDays(-policy.review_notice_days.valueOn(reviewDate));
            if (today < noticeFrom)
                continue;
            RoItem r;
            r.id = "review_due:" + orderId + ":" + std::to_string(months) + "m";
            r.kind = RoItemKind::ReviewDue;
            r.person_id = in.person.id;
            r.order_id = orderId;
            r.created_on = noticeFrom;
            r.due_on = reviewDate;
            r.message =
                std::to_string(months) + "-month progress review due on " + reviewDate.toString() +
                ": " + hoursText(p.credited_minutes) + " of " +
                hoursText(p.adjusted_required_minutes) + " credited (" +
                std::to_string(static_cast<int>(p.percent_complete)) + "%). " +
                (p.projected_completion ? "At the current pace the order completes around " +
                                              p.projected_completion->toString() + "."
                                        : std::string("No hours credited yet."));
            out.items.push_back(std::move(r));
        }
    }

    std::sort(out.items.begin(), out.items.end(), inboxOrder);
    return out;
}

}  // namespace sitebook::server::reconcile
