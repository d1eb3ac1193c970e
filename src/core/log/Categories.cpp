#include "core/log/Categories.h"

namespace cnap {
// Debug is off by default everywhere: it is the level most likely to carry detail.
Q_LOGGING_CATEGORY(lcApp, "cnap.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "cnap.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecurity, "cnap.security", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudit, "cnap.audit", QtInfoMsg)
Q_LOGGING_CATEGORY(lcQueue, "cnap.queue", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCases, "cnap.cases", QtInfoMsg)
Q_LOGGING_CATEGORY(lcExchange, "cnap.exchange", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "cnap.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGui, "cnap.gui", QtInfoMsg)
} // namespace cnap
