#pragma once

// The process-wide Qt message handler: every qDebug/qInfo/qWarning/qCritical of
// every layer (and of Qt itself) passes through maskPersonalData() before it is
// written anywhere.

#include "core/Result.h"

#include <QString>

namespace cnap {

struct LogOptions final {
    bool toStderr = true;
    QString filePath{};            ///< appended to, created owner-only; empty: no file
    QtMsgType minLevel = QtInfoMsg;  ///< lower levels are dropped (order: debug < info < warning < critical < fatal)
};

/// Installs the masking handler; replaces any earlier one installed by this function.
/// Fails (and installs nothing) when the log file cannot be opened.
[[nodiscard]] Status installLogHandler(const LogOptions &options = {});

/// Restores Qt's default handler and closes the log file.
void uninstallLogHandler();

/// One formatted, masked log line (no trailing newline), as the handler writes it:
/// "2024-05-01T09:30:00.123Z warning cnap.security: text".  Exposed for tests.
[[nodiscard]] QString formatLogLine(QtMsgType type, const char *category, const QString &message);

} // namespace cnap
