#pragma once
// The reconciliation engine (Sitebook::Reconcile) wired to the store. For one person it reads
// everything the rules need from the person's partition (person, orders, appointments, outcome
// versions from the operation log, supervisor records, enforcement decisions) plus the sessions
// and projects the appointments name, runs reconcile::reconcilePerson as of the clock's UTC
// date, and writes the result through EntityWriter into `person/<id>`:
//
//   PROGRESS  one per order, entity id = the order id (progressBody below);
//   RO_ITEM   one per open inbox item, entity id = itemEntityId(person, item key)
//             (roItemBody below); an item whose cause went away is removed.
//
// Only the responsible officer downloads `person/` partitions: supervisors never see progress
// or RO items. Writing the same result again changes nothing (EntityWriter compares bodies), so
// recomputing is cheap to repeat and never churns the change log.
//
// Outcome versions: every accepted operation on the outcome is a version; a plain acceptance
// (based on the current version) supersedes the versions before it, a conflicting one is kept
// beside them. So a device correcting its own outcome is no conflict, two devices racing are,
// and a later plain update of the outcome settles the conflict. An outcome the server wrote
// itself (import, demo data) with no operation is the single version.

#include <string>
#include <string_view>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/domain/civil_date.h"
#include "sitebook/server/derived/reconciler.h"
#include "sitebook/server/reconcile/reconcile_policy.h"
#include "sitebook/server/reconcile/reconciler.h"

namespace sitebook::server {

// Thread-safe: holds only the clock and the policy.
class PersonReconciler final : public Reconciler {
public:
    PersonReconciler(const Clock& clock, reconcile::ReconcilePolicy policy);

    Result<std::vector<std::string>> affectedPeople(
        UnitOfWork& uow, const std::vector<AcceptedOperation>& ops) override;
    Result<std::int64_t> reconcilePeople(UnitOfWork& uow,
                                         const std::vector<std::string>& personIds) override;
    Result<ReconcileRun> reconcileAll(Store& store) override;

    // Recomputes one person as of `today` inside `uow`; returns how many derived records
    // changed. A person who does not exist (or was deleted) has every derived record removed.
    Result<std::int64_t> reconcilePerson(UnitOfWork& uow, std::string_view personId,
                                         domain::CivilDate today) const;

    // The UTC calendar day of the clock.
    domain::CivilDate today() const;

private:
    // The person whose derived records `op` can change, or empty.
    std::string personAffectedBy(UnitOfWork& uow, const AcceptedOperation& op);

    const Clock& clock_;
    reconcile::ReconcilePolicy policy_;
};

// Entity id of an RO item: a name-based UUID (RFC 9562 version 8, from SHA-256) of the person
// and the item's stable key, so the same cause always maps to the same record.
std::string itemEntityId(std::string_view personId, std::string_view itemKey);

// JSON bodies of the derived records (documented in docs/PROTOCOL.md).
std::string progressBody(std::string_view personId, const reconcile::OrderProgress& progress);
std::string roItemBody(const reconcile::RoItem& item);

// The outcome versions of one appointment as the operation log holds them (the rule above),
// given the appointment's stored body. Empty when no operation wrote the outcome.
Result<std::vector<reconcile::OutcomeVersion>> storedOutcomeVersions(
    UnitOfWork& uow, const std::string& appointmentId, const std::string& appointmentBody);

// All person ids that have a partition, in id order.
Result<std::vector<std::string>> allPersonIds(UnitOfWork& uow);

}  // namespace sitebook::server
