#include <cstdlib>
#include <iostream>

#include "sitebook/cli/cli.h"

int main(int argc, char** argv) {
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
