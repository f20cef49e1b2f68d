#include <chrono>

#include "sitebook/common/clock.h"

namespace sitebook {

UnixMillis SystemClock::nowMillis() const {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

SystemClock& SystemClock::instance() {
    static SystemClock clock;
    return clock;
}

}  // namespace sitebook
