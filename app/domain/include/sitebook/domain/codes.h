#pragma once
// Reference codes. Every enum has a stable wire text (what JSON, the database and the sync
// protocol carry; never change one), a parse that returns nullopt for anything else, and an
// English label for display:
//
//   wireText(Rating::Good) == "GOOD";  parseEnum<Rating>("GOOD") == Rating::Good;
//   label(Rating::Good) == "Good";     allValues<Rating>() lists them in display order.
//
// Outcome codes are the exception to strict parsing: the server may send a code this build
// does not know yet, so `Outcome` keeps the raw text, shows it, and sends it back unchanged.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sitebook::domain {

// nDelius unpaid-work appointment outcome codes.
enum class OutcomeCode {
    ATTC,  // Attended – Complied
    AFTC,  // Attended – Failed to Comply (late, unfit, left early, no PPE)
    ATSH,  // Attended – Sent Home (behaviour)
    ATSS,  // Attended – Sent Home (service issues)
    UACP,  // Unacceptable Absence
    AASD,  // Acceptable Absence – Stood Down
    AAME,  // Acceptable Absence – Medical
    AAEM,  // Acceptable Absence – Employment
    AAFC,  // Acceptable Absence – Family
    AACL,  // Acceptable Absence – Court
    RSSR,  // Rescheduled – Service Request
    RSOF,  // Rescheduled – Person on Probation Request
    Unknown,
};

// Work quality and behaviour on an attended appointment.
enum class Rating { Excellent, Good, Satisfactory, Unsatisfactory, Poor, NotApplicable };

enum class ProjectType { Group, Individual, Induction, Ete };

enum class WorkCategory {
    GroundsGardening,
    LitterCleanUp,
    PaintingDecorating,
    ConstructionJoinery,
    CharityShopRetail,
    Catering,
    Cleaning,
    Other,
};

enum class Skill {
    Teamwork,
    FollowingInstructions,
    HealthAndSafety,
    Timekeeping,
    ToolUse,
    CustomerService,
    TradeSkill,
    Communication,
    ProblemSolving,
};

enum class SkillLevel { Introduced, Practising, Competent, CouldTeachOthers };

// AbsenceAcceptable: after review (a sick note, a cancelled bus) an unacceptable absence is
// judged acceptable and reclassified as an acceptable-absence code; nothing is enforced.
enum class EnforcementAction { WarningIssued, ReferForBreach, NoFurtherAction, AbsenceAcceptable };

enum class Role { Supervisor, Officer, Admin, Manager };

// Wire texts:
//   OutcomeCode        "ATTC" … "RSOF" (Unknown has none: "")
//   Rating             EXCELLENT GOOD SATISFACTORY UNSATISFACTORY POOR NOT_APPLICABLE
//   ProjectType        GROUP INDIVIDUAL INDUCTION ETE
//   WorkCategory       grounds_gardening litter_clean_up painting_decorating
//                      construction_joinery charity_shop_retail catering cleaning other
//   Skill              teamwork following_instructions health_and_safety timekeeping tool_use
//                      customer_service trade_skill communication problem_solving
//   SkillLevel         introduced practising competent could_teach_others
//   EnforcementAction  warning_issued refer_for_breach no_further_action absence_acceptable
//   Role               supervisor officer admin manager
std::string_view wireText(OutcomeCode v);
std::string_view wireText(Rating v);
std::string_view wireText(ProjectType v);
std::string_view wireText(WorkCategory v);
std::string_view wireText(Skill v);
std::string_view wireText(SkillLevel v);
std::string_view wireText(EnforcementAction v);
std::string_view wireText(Role v);

// English display text; for an outcome code its description, e.g. "Attended – Complied".
std::string_view label(OutcomeCode v);
std::string_view label(Rating v);
std::string_view label(ProjectType v);
std::string_view label(WorkCategory v);
std::string_view label(Skill v);
std::string_view label(SkillLevel v);
std::string_view label(EnforcementAction v);
std::string_view label(Role v);

// Exact, case-sensitive match of a wire text. For OutcomeCode never yields Unknown.
// Defined for the enums above only.
template <typename E>
std::optional<E> parseEnum(std::string_view wire);
// Every value in display order (OutcomeCode: without Unknown).
template <typename E>
std::span<const E> allValues();
// False for a value outside the enum (e.g. an integer cast from a corrupt row).
template <typename E>
bool isKnown(E value);

// Outcome classification (Unknown is none of these).
bool isAttended(OutcomeCode c);           // ATTC AFTC ATSH ATSS
bool isEnforceable(OutcomeCode c);        // AFTC ATSH UACP: the RO must decide what to do
bool isAcceptableAbsence(OutcomeCode c);  // AASD AAME AAEM AAFC AACL
bool isRescheduled(OutcomeCode c);        // RSSR RSOF
bool supervisorMayChoose(OutcomeCode c);  // ATTC AFTC ATSH ATSS UACP
// Supervisors: the supervisor subset. Admins and responsible officers: every known code.
// Managers: none (read-only). Nobody may record an Unknown code.
bool mayRecordOutcome(Role role, OutcomeCode c);

// An outcome code as received: a known code, or the raw text of one this build does not know.
class Outcome {
public:
    Outcome() = default;                        // Unknown, empty text
    Outcome(OutcomeCode code) : code_(code) {}  // NOLINT(google-explicit-constructor)
    // Never fails: unknown text is kept verbatim and round-trips unchanged.
    static Outcome fromText(std::string_view text);

    OutcomeCode code() const { return code_; }
    bool isKnown() const { return code_ != OutcomeCode::Unknown; }
    // The wire text; for an unknown code, the raw text received.
    std::string_view text() const;
    // "Attended – Complied"; for an unknown code "Unrecognised outcome (XYZ)".
    std::string description() const;

    bool isAttended() const { return domain::isAttended(code_); }
    bool isEnforceable() const { return domain::isEnforceable(code_); }
    bool isAcceptableAbsence() const { return domain::isAcceptableAbsence(code_); }

    friend bool operator==(const Outcome&, const Outcome&) = default;

private:
    OutcomeCode code_ = OutcomeCode::Unknown;
    std::string raw_;  // only for Unknown
};

}  // namespace sitebook::domain
