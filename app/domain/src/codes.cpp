#include "sitebook/domain/codes.h"

#include <array>

namespace sitebook::domain {
namespace {

template <typename E>
struct Entry {
    E value;
    std::string_view wire;
    std::string_view label;
};

// One table per enum, in display order. The wire texts are part of the protocol.
constexpr std::array<Entry<OutcomeCode>, 12> kOutcomeCodes{{
    {OutcomeCode::ATTC, "ATTC", "Attended – Complied"},
    {OutcomeCode::AFTC, "AFTC", "Attended – Failed to Comply"},
    {OutcomeCode::ATSH, "ATSH", "Attended – Sent Home (behaviour)"},
    {OutcomeCode::ATSS, "ATSS", "Attended – Sent Home (service issues)"},
    {OutcomeCode::UACP, "UACP", "Unacceptable Absence"},
    {OutcomeCode::AASD, "AASD", "Acceptable Absence – Stood Down"},
    {OutcomeCode::AAME, "AAME", "Acceptable Absence – Medical"},
    {OutcomeCode::AAEM, "AAEM", "Acceptable Absence – Employment"},
    {OutcomeCode::AAFC, "AAFC", "Acceptable Absence – Family"},
    {OutcomeCode::AACL, "AACL", "Acceptable Absence – Court"},
    {OutcomeCode::RSSR, "RSSR", "Rescheduled – Service Request"},
    {OutcomeCode::RSOF, "RSOF", "Rescheduled – Person on Probation Request"},
}};

constexpr std::array<Entry<Rating>, 6> kRatings{{
    {Rating::Excellent, "EXCELLENT", "Excellent"},
    {Rating::Good, "GOOD", "Good"},
    {Rating::Satisfactory, "SATISFACTORY", "Satisfactory"},
    {Rating::Unsatisfactory, "UNSATISFACTORY", "Unsatisfactory"},
    {Rating::Poor, "POOR", "Poor"},
    {Rating::NotApplicable, "NOT_APPLICABLE", "Not applicable"},
}};

constexpr std::array<Entry<ProjectType>, 4> kProjectTypes{{
    {ProjectType::Group, "GROUP", "Group"},
    {ProjectType::Individual, "INDIVIDUAL", "Individual placement"},
    {ProjectType::Induction, "INDUCTION", "Induction"},
    {ProjectType::Ete, "ETE", "Education, training and employment"},
}};

constexpr std::array<Entry<WorkCategory>, 8> kWorkCategories{{
    {WorkCategory::GroundsGardening, "grounds_gardening", "Grounds and gardening"},
    {WorkCategory::LitterCleanUp, "litter_clean_up", "Litter picking and clean-up"},
    {WorkCategory::PaintingDecorating, "painting_decorating", "Painting and decorating"},
    {WorkCategory::ConstructionJoinery, "construction_joinery", "Construction and joinery"},
    {WorkCategory::CharityShopRetail, "charity_shop_retail", "Charity shop retail"},
    {WorkCategory::Catering, "catering", "Catering"},
    {WorkCategory::Cleaning, "cleaning", "Cleaning"},
    {WorkCategory::Other, "other", "Other"},
}};

constexpr std::array<Entry<Skill>, 9> kSkills{{
    {Skill::Teamwork, "teamwork", "Teamwork"},
    {Skill::FollowingInstructions, "following_instructions", "Following instructions"},
    {Skill::HealthAndSafety, "health_and_safety", "Health and safety"},
    {Skill::Timekeeping, "timekeeping", "Timekeeping"},
    {Skill::ToolUse, "tool_use", "Tool use"},
    {Skill::CustomerService, "customer_service", "Customer service"},
    {Skill::TradeSkill, "trade_skill", "Trade skill"},
    {Skill::Communication, "communication", "Communication"},
    {Skill::ProblemSolving, "problem_solving", "Problem solving"},
}};

constexpr std::array<Entry<SkillLevel>, 4> kSkillLevels{{
    {SkillLevel::Introduced, "introduced", "Introduced"},
    {SkillLevel::Practising, "practising", "Practising"},
    {SkillLevel::Competent, "competent", "Competent"},
    {SkillLevel::CouldTeachOthers, "could_teach_others", "Could teach others"},
}};

constexpr std::array<Entry<EnforcementAction>, 4> kEnforcementActions{{
    {EnforcementAction::WarningIssued, "warning_issued", "Warning issued"},
    {EnforcementAction::ReferForBreach, "refer_for_breach", "Refer for breach"},
    {EnforcementAction::NoFurtherAction, "no_further_action", "No further action"},
    {EnforcementAction::AbsenceAcceptable, "absence_acceptable", "Absence judged acceptable"},
}};

constexpr std::array<Entry<Role>, 4> kRoles{{
    {Role::Supervisor, "supervisor", "Unpaid-work supervisor"},
    {Role::Officer, "officer", "Responsible officer"},
    {Role::Admin, "admin", "Case admin"},
    {Role::Manager, "manager", "Manager"},
}};

template <typename E>
constexpr const auto& table();
template <>
constexpr const auto& table<OutcomeCode>() {
    return kOutcomeCodes;
}
template <>
constexpr const auto& table<Rating>() {
    return kRatings;
}
template <>
constexpr const auto& table<ProjectType>() {
    return kProjectTypes;
}
template <>
constexpr const auto& table<WorkCategory>() {
    return kWorkCategories;
}
template <>
constexpr const auto& table<Skill>() {
    return kSkills;
}
template <>
constexpr const auto& table<SkillLevel>() {
    return kSkillLevels;
}
template <>
constexpr const auto& table<EnforcementAction>() {
    return kEnforcementActions;
}
template <>
constexpr const auto& table<Role>() {
    return kRoles;
}

template <typename E>
const Entry<E>* find(E v) {
    for (const auto& e : table<E>()) {
        if (e.value == v)
            return &e;
    }
    return nullptr;
}

template <typename E>
std::string_view wireOf(E v) {
    const auto* e = find(v);
    return e ? e->wire : std::string_view{};
}

template <typename E>
std::string_view labelOf(E v) {
    const auto* e = find(v);
    return e ? e->label : std::string_view{"Unknown"};
}

template <typename E>
constexpr auto valuesOf() {
    std::array<E, std::tuple_size_v<std::remove_cvref_t<decltype(table<E>())>>> out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = table<E>()[i].value;
    return out;
}

template <typename E>
constexpr auto kValues = valuesOf<E>();

}  // namespace

template <typename E>
std::optional<E> parseEnum(std::string_view wire) {
    for (const auto& e : table<E>()) {
        if (e.wire == wire)
            return e.value;
    }
    return std::nullopt;
}

template <typename E>
std::span<const E> allValues() {
    return kValues<E>;
}

template <typename E>
bool isKnown(E value) {
    return find(value) != nullptr;
}

#define SB_DOMAIN_ENUM(E)                                     \
    std::string_view wireText(E v) {                          \
        return wireOf(v);                                     \
    }                                                         \
    std::string_view label(E v) {                             \
        return labelOf(v);                                    \
    }                                                         \
    template std::optional<E> parseEnum<E>(std::string_view); \
    template std::span<const E> allValues<E>();               \
    template bool isKnown<E>(E);

SB_DOMAIN_ENUM(OutcomeCode)
SB_DOMAIN_ENUM(Rating)
SB_DOMAIN_ENUM(ProjectType)
SB_DOMAIN_ENUM(WorkCategory)
SB_DOMAIN_ENUM(Skill)
SB_DOMAIN_ENUM(SkillLevel)
SB_DOMAIN_ENUM(EnforcementAction)
SB_DOMAIN_ENUM(Role)
#undef SB_DOMAIN_ENUM

bool isAttended(OutcomeCode c) {
    return c == OutcomeCode::ATTC || c == OutcomeCode::AFTC || c == OutcomeCode::ATSH ||
           c == OutcomeCode::ATSS;
}

bool isEnforceable(OutcomeCode c) {
    return c == OutcomeCode::AFTC || c == OutcomeCode::ATSH || c == OutcomeCode::UACP;
}

bool isAcceptableAbsence(OutcomeCode c) {
    return c == OutcomeCode::AASD || c == OutcomeCode::AAME || c == OutcomeCode::AAEM ||
           c == OutcomeCode::AAFC || c == OutcomeCode::AACL;
}

bool isRescheduled(OutcomeCode c) {
    return c == OutcomeCode::RSSR || c == OutcomeCode::RSOF;
}

bool supervisorMayChoose(OutcomeCode c) {
    return isAttended(c) || c == OutcomeCode::UACP;
}

bool mayRecordOutcome(Role role, OutcomeCode c) {
    if (!isKnown(c) || c == OutcomeCode::Unknown)
        return false;
    switch (role) {
        case Role::Supervisor:
            return supervisorMayChoose(c);
        case Role::Officer:
        case Role::Admin:
            return true;
        case Role::Manager:
            return false;
    }
    return false;
}

Outcome Outcome::fromText(std::string_view text) {
    if (auto code = parseEnum<OutcomeCode>(text))
        return Outcome(*code);
    Outcome o;
    o.raw_ = std::string(text);
    return o;
}

std::string_view Outcome::text() const {
    return isKnown() ? wireText(code_) : raw_;
}

std::string Outcome::description() const {
    if (isKnown())
        return std::string(label(code_));
    return "Unrecognised outcome (" + raw_ + ")";
}

}  // namespace sitebook::domain
