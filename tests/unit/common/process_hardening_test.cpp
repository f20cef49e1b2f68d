// Core dumps are off once disableCoreDumps() has run: no core file limit, not dumpable.

#include <gtest/gtest.h>
#include <sys/resource.h>

#include "sitebook/common/process_hardening.h"

#if defined(__linux__)
#include <sys/prctl.h>
#endif

namespace sitebook {
namespace {

TEST(ProcessHardeningTest, CoreDumpsAreOff) {
    ASSERT_TRUE(disableCoreDumps().ok());
    rlimit limit{};
    ASSERT_EQ(getrlimit(RLIMIT_CORE, &limit), 0);
    EXPECT_EQ(limit.rlim_cur, 0U);
    EXPECT_EQ(limit.rlim_max, 0U);
#if defined(__linux__)
    EXPECT_EQ(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
#endif
    // Calling it again is harmless.
    EXPECT_TRUE(disableCoreDumps().ok());
}

}  // namespace
}  // namespace sitebook
