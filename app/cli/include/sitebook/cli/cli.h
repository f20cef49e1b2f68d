#pragma once
// sitebook-cli: the headless client (docs/CLI.md). Everything is in this library so tests
// drive it in-process; the executable is a thin main().

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"

namespace sitebook::cli {

// Exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;         // the command failed; the message says why
inline constexpr int kExitUsage = 2;           // bad command line
inline constexpr int kExitNeedsAttention = 3;  // sync finished; some changes were rejected

struct Environment {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    const Clock& clock;
    RandomSource& random;
    // Environment variables (SITEBOOK_PASSWORD, SITEBOOK_PIN, SITEBOOK_DATA_DIR).
    std::function<std::optional<std::string>(const std::string&)> getenv;
    // Argon2id cost for a new vault: {opsLimit, memLimitBytes}; 0 means the production default.
    unsigned long long kdfOpsLimit = 0;
    std::size_t kdfMemLimitBytes = 0;
};

// Runs one command; `args` excludes the program name.
int run(const std::vector<std::string>& args, Environment& env);

}  // namespace sitebook::cli
