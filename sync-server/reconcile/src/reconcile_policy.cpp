#include "sitebook/server/reconcile/reconcile_policy.h"

namespace sitebook::server::reconcile {

ReconcilePolicy ReconcilePolicy::defaults() {
    return ReconcilePolicy{};
}

}  // namespace sitebook::server::reconcile
