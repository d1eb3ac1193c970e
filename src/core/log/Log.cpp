#include "core/log/Log.h"

#include "core/log/Masking.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QMutex>

#include <cstdio>
#include <memory>

namespace cnap {

namespace {

struct HandlerState {
    QMutex mutex;
    LogOptions options;
    std::unique_ptr<QFile> file;
    bool installed = false;
};

HandlerState &state()
{
    static HandlerState s;
    return s;
}

int severity(QtMsgType t)
{
    switch (t) {
    case QtDebugMsg: return 0;
    case QtInfoMsg: return 1;
    case QtWarningMsg: return 2;
    case QtCriticalMsg: return 3;
    case QtFatalMsg: return 4;
    }
    return 4;
}

const char *levelName(QtMsgType t)
{
    switch (t) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "critical";
    case QtFatalMsg: return "fatal";
    }
    return "?";
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    HandlerState &s = state();
    const QByteArray line = (formatLogLine(type, context.category, message) + u'\n').toUtf8();
    QMutexLocker lock(&s.mutex);
    if (severity(type) < severity(s.options.minLevel))
        return;
    if (s.options.toStderr) {
        std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
        std::fflush(stderr);
    }
    if (s.file) {
        s.file->write(line);
        s.file->flush();
    }
}

} // namespace

QString formatLogLine(QtMsgType type, const char *category, const QString &message)
{
    const QString cat = category && *category ? QString::fromUtf8(category) : QStringLiteral("default");
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + u' ' + QString::fromLatin1(levelName(type))
           + u' ' + cat + QStringLiteral(": ") + log::maskPersonalData(message);
}

Status installLogHandler(const LogOptions &options)
{
    std::unique_ptr<QFile> file;
    if (!options.filePath.isEmpty()) {
        file = std::make_unique<QFile>(options.filePath);
        const bool existed = file->exists();
        if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
            return Error::make(ErrorCode::Io, QCoreApplication::translate("cnap::log", "не вдалося відкрити файл журналу %1: %2")
                                                  .arg(options.filePath, file->errorString()));
        if (!existed)
            file->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    HandlerState &s = state();
    {
        QMutexLocker lock(&s.mutex);
        s.options = options;
        s.file = std::move(file);
        s.installed = true;
    }
    qInstallMessageHandler(handler);
    return {};
}

void uninstallLogHandler()
{
    qInstallMessageHandler(nullptr);
    HandlerState &s = state();
    QMutexLocker lock(&s.mutex);
    s.file.reset();
    s.installed = false;
}

} // namespace cnap
