// sitebook-server: wiring only. Every command lives in Sitebook::Server (commands.h); this
// file chooses the clock, the randomness and the reconciliation policy they run with.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/common/process_hardening.h"
#include "sitebook/common/random.h"
#include "sitebook/server/commands.h"
#include "sitebook/server/derived/person_reconciler.h"
#include "sitebook/server/reconcile/reconcile_policy.h"

int main(int argc, char** argv) {
    // The server holds the token signing key and passwords in flight: no core dumps.
    if (auto hardened = sitebook::disableCoreDumps(); !hardened.ok())
        std::cerr << "warning: " << hardened.error().message << "\n";
    using namespace sitebook::server;
    std::vector<std::string> args(argv, argv + argc);
    CommandTable commands;
    addBuiltinCommands(commands);
    addDataCommands(commands);
    addDeviceCommands(commands);
    addTokenKeyCommands(commands);
    addAuditCommands(commands);
    commands.setReconcilerFactory([](const sitebook::Clock& clock) -> std::unique_ptr<Reconciler> {
        return std::make_unique<PersonReconciler>(clock, reconcile::ReconcilePolicy::defaults());
    });
    return commands.run(args, std::cin, std::cout, std::cerr, sitebook::SystemClock::instance(),
                        sitebook::SecureRandom::instance());
}
