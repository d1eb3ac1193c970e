#pragma once

// Logging categories of the whole product ("cnap.<area>"), so QT_LOGGING_RULES
// can switch areas on and off, e.g. QT_LOGGING_RULES="cnap.exchange.debug=true".
// Log text is English (daemon logs stay English); personal data never appears in
// it — the handler installed by installLogHandler() masks what slips through.

#include <QLoggingCategory>

namespace cnap {
Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcSecurity)
Q_DECLARE_LOGGING_CATEGORY(lcAudit)
Q_DECLARE_LOGGING_CATEGORY(lcQueue)
Q_DECLARE_LOGGING_CATEGORY(lcCases)
Q_DECLARE_LOGGING_CATEGORY(lcExchange)
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcGui)
} // namespace cnap
