#include "sitebook/server/reconcile/ro_item.h"

#include <tuple>

namespace sitebook::server::reconcile {

std::string_view itemKindText(RoItemKind kind) {
    switch (kind) {
        case RoItemKind::EnforcementDue:
            return "enforcement_due";
        case RoItemKind::FeedbackGap:
            return "feedback_gap";
        case RoItemKind::OverdueOutcome:
            return "overdue_outcome";
        case RoItemKind::ReviewDue:
            return "review_due";
        case RoItemKind::Conflict:
            return "conflict";
        case RoItemKind::SupervisorAlert:
            return "supervisor_alert";
    }
    return "unknown";
}

bool inboxOrder(const RoItem& a, const RoItem& b) {
    return std::tie(a.due_on, a.kind, a.id) < std::tie(b.due_on, b.kind, b.id);
}

}  // namespace sitebook::server::reconcile
