#pragma once
// Child processes for tests that run the real executables (sitebook-cli, sitebook-server) and
// kill them at random moments: tests/integration/sync/fault_test.cpp and the soak.

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace sitebook::testing {

struct Child {
    pid_t pid = -1;
};

// Starts `argv` (argv[0] is a path) with this process's environment plus `extraEnv`
// ("NAME=value"); stdin from `stdinPath`, stdout and stderr appended to `logPath`. pid -1 if it
// could not start.
Child spawnChild(const std::vector<std::string>& argv, const std::vector<std::string>& extraEnv,
                 const std::string& logPath, const std::string& stdinPath = "/dev/null");

// Waits up to `limit` for the child to exit: its exit code (128 + signal if killed), or
// nullopt if it is still running.
std::optional<int> waitFor(Child& c, std::chrono::milliseconds limit);

// SIGKILL, then reaps it. Does nothing for a child that already ended.
void killChild(Child& c);

// A port on 127.0.0.1 that was free a moment ago; -1 if none could be found.
int freeLoopbackPort();

}  // namespace sitebook::testing
