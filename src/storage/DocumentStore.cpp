#include "storage/DocumentStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <atomic>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cnap::storage {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::storage::DocumentStore", s); }

std::atomic<quint64> g_tempCounter{0};

bool isSha(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(s).hasMatch();
}

QString errnoText() { return QString::fromLocal8Bit(std::strerror(errno)); }

// Creates `path` and its parents owner-only (0700).
bool makeDirs(const QString &path)
{
    if (QFileInfo(path).isDir())
        return true;
    if (!QDir().mkpath(path))
        return false;
    return ::chmod(QFile::encodeName(path).constData(), S_IRWXU) == 0;
}

// fsync on a folder makes a rename in it durable (POSIX leaves it to the caller).
void syncDir(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

bool writeAll(int fd, const QByteArray &data)
{
    const char *p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += n;
        left -= n;
    }
    return true;
}
} // namespace

DocumentStore::DocumentStore(QString root) : m_root(root.isEmpty() ? QString() : QDir::cleanPath(root)) {}

Result<QString> DocumentStore::resolveRoot(const DatabaseUrl &url, const QString &explicitRoot)
{
    if (!explicitRoot.isEmpty())
        return QFileInfo(explicitRoot).absoluteFilePath();
    const QString env = qEnvironmentVariable("CNAP_STORE");
    if (!env.isEmpty())
        return QFileInfo(env).absoluteFilePath();
    if (url.dialect() == Dialect::Sqlite)
        return QString(QFileInfo(url.path()).absoluteFilePath() + QStringLiteral(".files"));
    return Error::invalid(QStringLiteral("--store"),
                          tr("для бази PostgreSQL вкажіть теку сховища документів (--store ТЕКА або змінна CNAP_STORE)"));
}

QString DocumentStore::pathFor(const QString &sha256) const
{
    return m_root + u'/' + sha256.left(2) + u'/' + sha256;
}

bool DocumentStore::contains(const QString &sha256) const
{
    return isSha(sha256) && QFileInfo::exists(pathFor(sha256));
}

Result<StoredFile> DocumentStore::put(const QByteArray &content)
{
    if (m_root.isEmpty())
        return Error::invalid(QStringLiteral("--store"), tr("сховище документів не налаштовано"));
    StoredFile out;
    out.sha256 = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    out.size = content.size();
    const QString target = pathFor(out.sha256);
    // Content-addressed: a file of that name already holds these bytes (a
    // damaged one is caught by `cnapctl check`, which re-hashes).
    const QFileInfo existing(target);
    if (existing.exists() && existing.size() == out.size)
        return out;

    const QString dir = QFileInfo(target).absolutePath();
    if (!makeDirs(m_root) || !makeDirs(dir))
        return Error::make(ErrorCode::Io, tr("не вдалося створити теку сховища документів %1").arg(dir));

    const QString temp = dir + QStringLiteral("/.tmp-%1-%2-%3").arg(out.sha256.left(16)).arg(::getpid()).arg(g_tempCounter++);
    const QByteArray tempName = QFile::encodeName(temp);
    const int fd = ::open(tempName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0)
        return Error::make(ErrorCode::Io, tr("не вдалося створити файл у сховищі документів: %1").arg(errnoText()));
    const bool ok = writeAll(fd, content) && ::fsync(fd) == 0;
    const QString why = ok ? QString() : errnoText();
    ::close(fd);
    if (!ok) {
        ::unlink(tempName.constData());
        return Error::make(ErrorCode::Io, tr("не вдалося записати файл у сховище документів: %1").arg(why));
    }
    if (::rename(tempName.constData(), QFile::encodeName(target).constData()) != 0) {
        const QString renameWhy = errnoText();
        ::unlink(tempName.constData());
        return Error::make(ErrorCode::Io, tr("не вдалося зберегти файл у сховищі документів: %1").arg(renameWhy));
    }
    syncDir(dir);
    out.written = true;
    return out;
}

Result<QByteArray> DocumentStore::read(const QString &sha256) const
{
    if (!isSha(sha256))
        return Error::invalid(QStringLiteral("sha256"), tr("некоректний хеш SHA-256"));
    if (m_root.isEmpty())
        return Error::invalid(QStringLiteral("--store"), tr("сховище документів не налаштовано"));
    QFile f(pathFor(sha256));
    if (!f.exists())
        return Error::make(ErrorCode::NotFound, tr("файл %1 відсутній у сховищі документів").arg(sha256));
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorCode::Io, tr("не вдалося прочитати файл %1: %2").arg(sha256, f.errorString()));
    return f.readAll();
}

Result<bool> DocumentStore::verify(const QString &sha256) const
{
    if (m_root.isEmpty())
        return Error::invalid(QStringLiteral("--store"), tr("сховище документів не налаштовано"));
    if (!isSha(sha256))
        return false;
    QFile f(pathFor(sha256));
    if (!f.exists())
        return false;
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorCode::Io, tr("не вдалося прочитати файл %1: %2").arg(sha256, f.errorString()));
    QCryptographicHash h(QCryptographicHash::Sha256);
    if (!h.addData(&f))
        return Error::make(ErrorCode::Io, tr("не вдалося прочитати файл %1: %2").arg(sha256, f.errorString()));
    return QString::fromLatin1(h.result().toHex()) == sha256;
}

QStringList DocumentStore::list() const
{
    QStringList out;
    if (m_root.isEmpty())
        return out;
    QDirIterator it(m_root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QString name = it.fileName();
        if (isSha(name))
            out << name;
    }
    return out;
}

} // namespace cnap::storage
