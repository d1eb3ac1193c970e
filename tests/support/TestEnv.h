#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cnap::test {

/// The source tree (for schemas/, resources/, tests/data/).
QString sourceDir();
/// Where the built executables are (cnapctl, cnap-syncd, ...).
QString binDir();
/// Runs a program to completion; returns exit code, captures stdout/stderr.
struct ProcessResult {
    int exitCode = -1;
    QString out;
    QString err;
};
ProcessResult runProcess(const QString &program, const QStringList &args,
                         const QByteArray &stdinData = {}, int timeoutMs = 60000,
                         const QStringList &extraEnv = {});

} // namespace cnap::test
