// sitebook-server: wiring only. Every command lives in Sitebook::Server (commands.h).
#include <iostream>
#include <string>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "sitebook/server/commands.h"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv, argv + argc);
    sitebook::server::CommandTable commands;
    sitebook::server::addBuiltinCommands(commands);
    // Further commands (demo-data, import, report) register here.
    return commands.run(args, std::cin, std::cout, std::cerr, sitebook::SystemClock::instance(),
                        sitebook::SecureRandom::instance());
}
