#include "labels.h"

#include <QCoreApplication>
#include <array>

namespace sitebook::ui::labels {

namespace {

struct Text {
    const char* wire;
    const char* source;
};

template <std::size_t N>
QString lookup(const std::array<Text, N>& table, const QString& wire) {
    for (const Text& t : table) {
        if (wire == QLatin1String(t.wire))
            return QCoreApplication::translate("Codes", t.source);
    }
    return wire;
}

constexpr std::array<Text, 12> kOutcomes{{
    {"ATTC", QT_TRANSLATE_NOOP("Codes", "Attended – Complied")},
    {"AFTC", QT_TRANSLATE_NOOP("Codes", "Attended – Failed to Comply")},
    {"ATSH", QT_TRANSLATE_NOOP("Codes", "Attended – Sent Home (behaviour)")},
    {"ATSS", QT_TRANSLATE_NOOP("Codes", "Attended – Sent Home (service issues)")},
    {"UACP", QT_TRANSLATE_NOOP("Codes", "Unacceptable Absence")},
    {"AASD", QT_TRANSLATE_NOOP("Codes", "Acceptable Absence – Stood Down")},
    {"AAME", QT_TRANSLATE_NOOP("Codes", "Acceptable Absence – Medical")},
    {"AAEM", QT_TRANSLATE_NOOP("Codes", "Acceptable Absence – Employment")},
    {"AAFC", QT_TRANSLATE_NOOP("Codes", "Acceptable Absence – Family")},
    {"AACL", QT_TRANSLATE_NOOP("Codes", "Acceptable Absence – Court")},
    {"RSSR", QT_TRANSLATE_NOOP("Codes", "Rescheduled – Service Request")},
    {"RSOF", QT_TRANSLATE_NOOP("Codes", "Rescheduled – Person on Probation Request")},
}};

constexpr std::array<Text, 5> kOutcomeHints{{
    {"ATTC", QT_TRANSLATE_NOOP("Codes", "Came, worked the session and followed the rules.")},
    {"AFTC",
     QT_TRANSLATE_NOOP("Codes", "Came but was late, unfit to work, left early or had no PPE.")},
    {"ATSH", QT_TRANSLATE_NOOP("Codes", "Came but you sent them home because of their behaviour.")},
    {"ATSS", QT_TRANSLATE_NOOP("Codes",
                               "Came but was sent home for our reasons (weather, no work, "
                               "no supervisor). Not their fault.")},
    {"UACP", QT_TRANSLATE_NOOP("Codes", "Did not come and gave no acceptable reason.")},
}};

constexpr std::array<Text, 6> kRatings{{
    {"EXCELLENT", QT_TRANSLATE_NOOP("Codes", "Excellent")},
    {"GOOD", QT_TRANSLATE_NOOP("Codes", "Good")},
    {"SATISFACTORY", QT_TRANSLATE_NOOP("Codes", "Satisfactory")},
    {"UNSATISFACTORY", QT_TRANSLATE_NOOP("Codes", "Unsatisfactory")},
    {"POOR", QT_TRANSLATE_NOOP("Codes", "Poor")},
    {"NOT_APPLICABLE", QT_TRANSLATE_NOOP("Codes", "Not applicable")},
}};

constexpr std::array<Text, 8> kWorkCategories{{
    {"grounds_gardening", QT_TRANSLATE_NOOP("Codes", "Grounds and gardening")},
    {"litter_clean_up", QT_TRANSLATE_NOOP("Codes", "Litter picking and clean-up")},
    {"painting_decorating", QT_TRANSLATE_NOOP("Codes", "Painting and decorating")},
    {"construction_joinery", QT_TRANSLATE_NOOP("Codes", "Construction and joinery")},
    {"charity_shop_retail", QT_TRANSLATE_NOOP("Codes", "Charity shop retail")},
    {"catering", QT_TRANSLATE_NOOP("Codes", "Catering")},
    {"cleaning", QT_TRANSLATE_NOOP("Codes", "Cleaning")},
    {"other", QT_TRANSLATE_NOOP("Codes", "Other")},
}};

constexpr std::array<Text, 9> kSkills{{
    {"teamwork", QT_TRANSLATE_NOOP("Codes", "Teamwork")},
    {"following_instructions", QT_TRANSLATE_NOOP("Codes", "Following instructions")},
    {"health_and_safety", QT_TRANSLATE_NOOP("Codes", "Health and safety")},
    {"timekeeping", QT_TRANSLATE_NOOP("Codes", "Timekeeping")},
    {"tool_use", QT_TRANSLATE_NOOP("Codes", "Tool use")},
    {"customer_service", QT_TRANSLATE_NOOP("Codes", "Customer service")},
    {"trade_skill", QT_TRANSLATE_NOOP("Codes", "A trade skill")},
    {"communication", QT_TRANSLATE_NOOP("Codes", "Communication")},
    {"problem_solving", QT_TRANSLATE_NOOP("Codes", "Problem solving")},
}};

constexpr std::array<Text, 4> kSkillLevels{{
    {"introduced", QT_TRANSLATE_NOOP("Codes", "Introduced")},
    {"practising", QT_TRANSLATE_NOOP("Codes", "Practising")},
    {"competent", QT_TRANSLATE_NOOP("Codes", "Competent")},
    {"could_teach_others", QT_TRANSLATE_NOOP("Codes", "Could teach others")},
}};

constexpr std::array<Text, 4> kProjectTypes{{
    {"GROUP", QT_TRANSLATE_NOOP("Codes", "Group")},
    {"INDIVIDUAL", QT_TRANSLATE_NOOP("Codes", "Individual placement")},
    {"INDUCTION", QT_TRANSLATE_NOOP("Codes", "Induction")},
    {"ETE", QT_TRANSLATE_NOOP("Codes", "Education, training and employment")},
}};

}  // namespace

QString outcome(const QString& code) {
    for (const Text& t : kOutcomes) {
        if (code == QLatin1String(t.wire))
            return QCoreApplication::translate("Codes", t.source);
    }
    return QCoreApplication::translate("Codes", "Unrecognised outcome (%1)").arg(code);
}

QString outcomeHint(const QString& code) {
    for (const Text& t : kOutcomeHints) {
        if (code == QLatin1String(t.wire))
            return QCoreApplication::translate("Codes", t.source);
    }
    return {};
}

QString rating(const QString& wire) {
    return lookup(kRatings, wire);
}
QString workCategory(const QString& wire) {
    return lookup(kWorkCategories, wire);
}
QString skill(const QString& wire) {
    return lookup(kSkills, wire);
}
QString skillLevel(const QString& wire) {
    return lookup(kSkillLevels, wire);
}
QString projectType(const QString& wire) {
    return lookup(kProjectTypes, wire);
}

QString protection(const QString& vaultProtection) {
    if (vaultProtection.isEmpty() || vaultProtection.startsWith(QLatin1String("not set up")))
        return {};
    if (vaultProtection.startsWith(QLatin1String("PIN only"))) {
        return QCoreApplication::translate(
            "Codes",
            "Protected by your PIN only: this phone has no secure key store, so choose a "
            "longer PIN.");
    }
    if (vaultProtection.startsWith(QLatin1String("PIN and"))) {
        return QCoreApplication::translate(
            "Codes", "Protected by your PIN and by this phone's secure key store.");
    }
    return vaultProtection;
}

}  // namespace sitebook::ui::labels
