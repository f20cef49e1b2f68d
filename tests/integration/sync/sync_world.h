#pragma once
// A small region shared by the convergence and fault tests: supervisors and officers, each
// on a device with a real encrypted store and sync engine over TLS (directly or through a
// fault proxy), random offline work, server-side reassignments, and the final check that
// every device converged on the server's view of its user's scope with every acknowledged
// change applied exactly once.

#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "sitebook/server/reconcile/reconcile_policy.h"
#include "sync_fixture.h"

namespace sitebook::sync::testing {

// The seed for a randomised test: SITEBOOK_SEED if set, else from the system; printed so a
// failing run can be replayed.
std::uint64_t testSeed(const char* testName);

// A device whose transport can be rebuilt (a fresh channel after a fault, or a new target).
struct WorldDevice {
    sitebook::testing::TempDir dir;
    std::string username;
    std::string userId;
    std::string deviceId;
    domain::Role role = domain::Role::Supervisor;
    bool offline = false;
    std::unique_ptr<SyncTransport> transport;
    std::unique_ptr<store::LocalStore> store;
    std::unique_ptr<SyncEngine> engine;
    std::unique_ptr<ManualClock> ownClock;  // a skewed device clock, if any

    std::filesystem::path dbPath() const { return dir.path() / "device.db"; }
};

struct WorldCounts {
    std::int64_t operations = 0;  // local changes recorded
    std::int64_t refused = 0;     // local validation refused the change
    std::int64_t syncs = 0;
    std::int64_t failedSyncs = 0;
    std::int64_t reassignments = 0;
    std::int64_t conflictsForced = 0;
};

class SyncWorld : public SyncFixture {
protected:
    std::unique_ptr<server::Reconciler> makeReconciler() override {
        return std::make_unique<server::PersonReconciler>(
            clock_, server::reconcile::ReconcilePolicy::defaults());
    }

    // Users, projects (one shared by two supervisors), sessions, people and appointments.
    void buildRegion(std::mt19937_64& rng, int people = 8, int appointmentsPerPerson = 4);
    // One device per user, talking to 127.0.0.1:`port` (default: the server itself).
    void addDevices(int port = 0);
    WorldDevice& deviceOf(const std::string& username);

    // One random step: a local change, a sync, going offline/online, or a reassignment.
    void randomStep(std::mt19937_64& rng);
    // A local change on `d` chosen at random (outcome, work, skill, feedback, note, decision).
    bool randomChange(WorldDevice& d, std::mt19937_64& rng);
    // Two supervisors of the shared project record the same appointment.
    void conflictingOutcomes(std::mt19937_64& rng);
    // Moves a person to the other officer, or an appointment to another project's session.
    void reassign(std::mt19937_64& rng);

    // Syncs every device until a whole round moves nothing (bounded); rejected changes are
    // discarded by the user. Returns false if it did not settle.
    bool syncUntilQuiescent(int maxRounds = 12);
    // The convergence and exactly-once checks (gtest failures on any difference).
    void expectConverged();

    Result<SyncReport> syncOnce(WorldDevice& d);
    std::vector<std::string> ids(WorldDevice& d, const std::string& sql);

    std::vector<std::unique_ptr<WorldDevice>> devices_;
    std::map<std::string, std::string> userIds_;  // username -> id
    std::map<std::string, std::string> roles_;    // username -> "supervisor" | "officer"
    std::string sharedProject_;
    std::vector<std::string> sessions_;  // all sessions
    std::map<std::string, std::string> sessionProject_;
    std::map<std::string, std::string> projectSupervisors_;  // project -> json array text
    std::vector<std::string> people_;
    std::map<std::string, std::string> personOfficer_;
    std::map<std::string, std::string> orderOf_;  // person -> order
    std::vector<std::string> appointments_;
    std::map<std::string, std::string> appointmentPerson_;
    std::map<std::string, std::string> appointmentSession_;
    WorldCounts counts_;
    int target_ = 0;  // the port devices dial
};

}  // namespace sitebook::sync::testing
