#pragma once

// Internal to cnap_net: process-wide Poco initialisation.

namespace cnap::net::detail {

/// Initialises Poco's SSL library once per process (never uninitialised: the
/// process ends first).
void ensurePocoInitialised();

} // namespace cnap::net::detail
