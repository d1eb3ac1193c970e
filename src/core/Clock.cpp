#include "core/Clock.h"

namespace cnap {

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

} // namespace cnap
