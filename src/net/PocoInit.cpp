#include "net/PocoInit.h"

#include <Poco/Net/NetSSL.h>

#include <mutex>

namespace cnap::net::detail {

void ensurePocoInitialised()
{
    static std::once_flag once;
    std::call_once(once, [] { Poco::Net::initializeSSL(); });
}

} // namespace cnap::net::detail
