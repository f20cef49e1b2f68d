#pragma once
// Demonstration data for a new device (the --demo option): one supervisor's projects, sessions,
// people and orders, written with the put*() calls a sync would use, so nothing is queued for
// upload. Uses the region generator of Sitebook::Demo when the build has it, otherwise a small
// fixed seed defined here. All names and details are invented.

#include <string>

#include "sitebook/common/result.h"
#include "sitebook/domain/civil_date.h"
#include "sitebook/store/local_store.h"

namespace sitebook::ui {

// Writes the supervisor's region around `today` (sessions on past days carry recorded outcomes;
// today's and later ones do not). Deterministic for a given `today`.
Status seedDemoData(store::LocalStore& store, domain::CivilDate today);

// Demonstration data for the responsible officer's screens: for the people on the sessions of
// `today`, the server-derived progress and RO items (docs/PROTOCOL.md "Derived records"), applied
// as one downloaded batch, as a sync would. Deterministic for a given store and `today`.
Status seedDemoOfficerView(store::LocalStore& store, domain::CivilDate today);

// True if the region generator of Sitebook::Demo is linked (false: the built-in small seed).
bool demoUsesRegionGenerator();

}  // namespace sitebook::ui
