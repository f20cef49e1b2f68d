#pragma once
// Keeps the secrets a process holds (data keys, tokens, PINs, passwords) out of core dumps.

#include "sitebook/common/result.h"

namespace sitebook {

// No core file is written (RLIMIT_CORE 0, soft and hard) and, on Linux, the process is not
// dumpable (PR_SET_DUMPABLE 0): no core, and other processes of the same user can neither
// attach a debugger nor read its memory through /proc. Call first thing in main(), before any
// secret is read. Returns an error naming the call the platform refused; elsewhere than
// Linux only the limit is set.
Status disableCoreDumps();

}  // namespace sitebook
