#include "support/TestEnv.h"

#include <QProcess>
#include <QProcessEnvironment>

#include <gtest/gtest.h>

namespace cnap::test {

QString sourceDir()
{
    const QString dir = qEnvironmentVariable("CNAP_SOURCE_DIR");
    if (dir.isEmpty())
        ADD_FAILURE() << "CNAP_SOURCE_DIR is not set (run the tests through ctest)";
    return dir;
}

QString binDir()
{
    const QString dir = qEnvironmentVariable("CNAP_BIN_DIR");
    if (dir.isEmpty())
        ADD_FAILURE() << "CNAP_BIN_DIR is not set (run the tests through ctest)";
    return dir;
}

ProcessResult runProcess(const QString &program, const QStringList &args, const QByteArray &stdinData,
                         int timeoutMs, const QStringList &extraEnv)
{
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : extraEnv) {
        const auto eq = kv.indexOf(u'=');
        env.insert(kv.left(eq), kv.mid(eq + 1));
    }
    p.setProcessEnvironment(env);
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForStarted(10000)) {
        r.err = QStringLiteral("failed to start ") + program;
        return r;
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out: ") + program;
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace cnap::test
