#include "sitebook/common/process_hardening.h"

#include <sys/resource.h>

#include <cerrno>
#include <cstring>
#include <string>

#if defined(__linux__)
#include <sys/prctl.h>
#endif

namespace sitebook {

Status disableCoreDumps() {
    const rlimit none{0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0) {
        return makeError(
            ErrorCode::Internal,
            std::string("core dumps could not be turned off: setrlimit: ") + std::strerror(errno));
    }
#if defined(__linux__)
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
        return makeError(
            ErrorCode::Internal,
            std::string("core dumps could not be turned off: prctl: ") + std::strerror(errno));
    }
#endif
    return okStatus();
}

}  // namespace sitebook
