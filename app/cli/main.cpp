#include <cstdlib>
#include <iostream>

#include "sitebook/cli/cli.h"
#include "sitebook/common/process_hardening.h"

int main(int argc, char** argv) {
    // The CLI holds the data key and tokens: no core dump may carry them.
    if (auto hardened = sitebook::disableCoreDumps(); !hardened.ok())
        std::cerr << "warning: " << hardened.error().message << "\n";
    std::vector<std::string> args(argv + 1, argv + argc);
    sitebook::cli::Environment env{std::cin,
                                   std::cout,
                                   std::cerr,
                                   sitebook::SystemClock::instance(),
                                   sitebook::SecureRandom::instance(),
                                   [](const std::string& name) -> std::optional<std::string> {
                                       const char* v = std::getenv(name.c_str());
                                       if (!v)
                                           return std::nullopt;
                                       return std::string(v);
                                   }};
    return sitebook::cli::run(args, env);
}
