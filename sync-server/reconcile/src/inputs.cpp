#include "sitebook/server/reconcile/inputs.h"

#include <map>

namespace sitebook::server::reconcile {

std::vector<RecordsPresent> recordsPresent(std::span<const domain::WorkUndertaken> work,
                                           std::span<const domain::SkillObservation> skills,
                                           std::span<const domain::Feedback> feedback) {
    std::map<std::string, RecordsPresent> byAppointment;
    auto entry = [&](const std::string& id) -> RecordsPresent& {
        RecordsPresent& r = byAppointment[id];
        r.appointment_id = id;
        return r;
    };
    for (const auto& w : work)
        entry(w.appointment_id).work_undertaken = true;
    for (const auto& s : skills)
        entry(s.appointment_id).skills = true;
    for (const auto& f : feedback)
        entry(f.appointment_id).feedback = true;

    std::vector<RecordsPresent> out;
    out.reserve(byAppointment.size());
    for (auto& [id, r] : byAppointment)
        out.push_back(std::move(r));
    return out;
}

}  // namespace sitebook::server::reconcile
