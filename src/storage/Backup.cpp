#include "storage/Backup.h"

#include "storage/DocumentStore.h"
#include "storage/Sql.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <system_error>

namespace cnap::storage {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::storage::Backup", s); }

const QString kManifest = QStringLiteral("manifest.json");
const QString kManifestSum = QStringLiteral("manifest.sha256");
const QString kDatabase = QStringLiteral("database.sqlite");
const QString kDocuments = QStringLiteral("documents");
const QString kFormat = QStringLiteral("cnap-backup");
constexpr qint64 kChunk = 1 << 20;

std::atomic<quint64> g_counter{0};

QString uniqueSuffix()
{
    return QStringLiteral("%1-%2").arg(QCoreApplication::applicationPid()).arg(g_counter++);
}

bool isSha(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(s).hasMatch();
}

// Personal data: owner-only.  QFile::setPermissions maps to chmod on POSIX and
// to the read-only attribute on Windows, where the ACL of the user's profile or
// of ProgramData keeps others out instead.
void ownerOnlyFile(const QString &path) { QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner); }
bool makeOwnerOnlyDir(const QString &path)
{
    if (!QFileInfo(path).isDir() && !QDir().mkpath(path))
        return false;
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return true;
}

/// Size and SHA-256 of a file, streamed.
Result<BackupFile> hashFile(const QString &path, const QString &relative)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorCode::Io, tr("не вдалося прочитати %1: %2").arg(path, f.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    BackupFile out{relative, 0, {}};
    while (!f.atEnd()) {
        const QByteArray chunk = f.read(kChunk);
        if (chunk.isEmpty() && f.error() != QFileDevice::NoError)
            return Error::make(ErrorCode::Io, tr("не вдалося прочитати %1: %2").arg(path, f.errorString()));
        hash.addData(chunk);
        out.size += chunk.size();
    }
    out.sha256 = QString::fromLatin1(hash.result().toHex());
    return out;
}

/// Copies `from` to `to` (which must not exist), durably (QSaveFile flushes to
/// disk before its rename), hashing the bytes as they pass.
Result<BackupFile> copyHashed(const QString &from, const QString &to, const QString &relative)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return Error::make(ErrorCode::Io, tr("не вдалося прочитати %1: %2").arg(from, in.errorString()));
    QSaveFile out(to);
    if (!out.open(QIODevice::WriteOnly))
        return Error::make(ErrorCode::Io, tr("не вдалося створити %1: %2").arg(to, out.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    BackupFile file{relative, 0, {}};
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(kChunk);
        if (chunk.isEmpty() && in.error() != QFileDevice::NoError)
            return Error::make(ErrorCode::Io, tr("не вдалося прочитати %1: %2").arg(from, in.errorString()));
        if (out.write(chunk) != chunk.size())
            return Error::make(ErrorCode::Io, tr("не вдалося записати %1: %2").arg(to, out.errorString()));
        hash.addData(chunk);
        file.size += chunk.size();
    }
    if (!out.commit())
        return Error::make(ErrorCode::Io, tr("не вдалося записати %1: %2").arg(to, out.errorString()));
    ownerOnlyFile(to);
    file.sha256 = QString::fromLatin1(hash.result().toHex());
    return file;
}

Status writeSmallFile(const QString &path, const QByteArray &content)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size() || !f.commit())
        return Error::make(ErrorCode::Io, tr("не вдалося записати %1: %2").arg(path, f.errorString()));
    ownerOnlyFile(path);
    return {};
}

/// std::filesystem::rename replaces an existing file in one step on POSIX and
/// on Windows (MoveFileEx with REPLACE_EXISTING); QFile::rename refuses to.
Status replaceFile(const QString &from, const QString &to)
{
    std::error_code ec;
    std::filesystem::rename(QFile::encodeName(from).toStdString(), QFile::encodeName(to).toStdString(), ec);
    if (ec)
        return Error::make(ErrorCode::Io, tr("не вдалося замінити %1: %2").arg(to, QString::fromLocal8Bit(ec.message().c_str())));
    return {};
}

/// A plain connection to one SQLite file, removed again when it goes out of
/// scope.  Used for files that are not (yet) the product's database: the
/// restored copy before it is renamed into place, the database it replaces.
class RawSqlite final {
public:
    explicit RawSqlite(const QString &path) : m_name(QStringLiteral("cnap-backup-%1").arg(uniqueSuffix()))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        m_ok = db.open();
        m_error = db.lastError().text();
    }
    ~RawSqlite()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawSqlite(const RawSqlite &) = delete;
    RawSqlite &operator=(const RawSqlite &) = delete;

    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_ok = false;
    QString m_error;
};

Result<int> schemaVersionOf(const QSqlDatabase &db)
{
    auto has = execOne(db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?"),
                       {QStringLiteral("schema_version")});
    if (!has)
        return has.error();
    if (has->value(0).toInt() == 0)
        return 0;
    auto v = execOne(db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
    if (!v)
        return v.error();
    return v->value(0).toInt();
}

QString documentPath(const QString &sha) { return kDocuments + u'/' + sha.left(2) + u'/' + sha; }

QJsonObject toJson(const BackupManifest &m)
{
    QJsonArray files;
    for (const BackupFile &f : m.files)
        files.append(QJsonObject{{QStringLiteral("path"), f.path},
                                 {QStringLiteral("size"), double(f.size)},
                                 {QStringLiteral("sha256"), f.sha256}});
    return QJsonObject{{QStringLiteral("format"), kFormat},
                       {QStringLiteral("formatVersion"), m.formatVersion},
                       {QStringLiteral("program"), m.program},
                       {QStringLiteral("created"), m.created.toUTC().toString(Qt::ISODate)},
                       {QStringLiteral("schemaVersion"), m.schemaVersion},
                       {QStringLiteral("database"), kDatabase},
                       {QStringLiteral("files"), files}};
}

Error damaged(const QString &folder, const QString &why)
{
    return Error::invalid(QStringLiteral("backup"), tr("резервна копія %1 пошкоджена або неповна: %2").arg(folder, why));
}

Result<BackupManifest> parseManifest(const QString &folder, const QByteArray &bytes)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (doc.isNull() || !doc.isObject())
        return damaged(folder, tr("manifest.json не є коректним JSON (%1)").arg(pe.errorString()));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != kFormat)
        return damaged(folder, tr("це не резервна копія CNAP (поле format)"));
    BackupManifest m;
    m.formatVersion = o.value(QStringLiteral("formatVersion")).toInt(-1);
    if (m.formatVersion != BackupManifest::kFormatVersion)
        return Error::make(ErrorCode::Unsupported,
                           tr("резервну копію %1 записано у форматі версії %2, ця програма читає версію %3")
                               .arg(folder).arg(m.formatVersion).arg(BackupManifest::kFormatVersion));
    m.program = o.value(QStringLiteral("program")).toString();
    m.created = QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODate);
    m.schemaVersion = o.value(QStringLiteral("schemaVersion")).toInt(-1);
    if (!m.created.isValid() || m.schemaVersion <= 0)
        return damaged(folder, tr("у manifest.json немає дати створення або версії схеми"));
    QSet<QString> seen;
    bool hasDatabase = false;
    for (const QJsonValue &v : o.value(QStringLiteral("files")).toArray()) {
        const QJsonObject f = v.toObject();
        BackupFile file{f.value(QStringLiteral("path")).toString(), qint64(f.value(QStringLiteral("size")).toDouble(-1)),
                        f.value(QStringLiteral("sha256")).toString()};
        // Only the two kinds of file a backup has, with names that cannot reach
        // outside the folder (a manifest is input like any other).
        const QString sha = file.path.section(u'/', -1);
        const bool isDocument = isSha(sha) && file.path == documentPath(sha) && sha == file.sha256;
        if ((file.path != kDatabase && !isDocument) || !isSha(file.sha256) || file.size < 0)
            return damaged(folder, tr("неприпустимий запис у manifest.json: %1").arg(file.path));
        if (seen.contains(file.path))
            return damaged(folder, tr("файл двічі у manifest.json: %1").arg(file.path));
        seen.insert(file.path);
        hasDatabase = hasDatabase || file.path == kDatabase;
        m.files.push_back(std::move(file));
    }
    if (!hasDatabase)
        return damaged(folder, tr("у manifest.json немає файлу бази даних"));
    return m;
}

/// Removes store files whose hash is not in `keep`.
void pruneStore(const QString &storeRoot, const QSet<QString> &keep)
{
    QDirIterator it(storeRoot, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (isSha(it.fileName()) && !keep.contains(it.fileName()))
            QFile::remove(it.filePath());
    }
}

} // namespace

int latestSqliteSchemaVersion()
{
    // The embedded migrations (see Migrator): NNNN_name.sql, the highest NNNN.
    static const QRegularExpression re(QStringLiteral("^(\\d{4})_[A-Za-z0-9_]+\\.sql$"));
    int latest = 0;
    for (const QString &file : QDir(QStringLiteral(":/migrations/sqlite")).entryList(QDir::Files)) {
        const auto m = re.match(file);
        if (m.hasMatch())
            latest = std::max(latest, m.captured(1).toInt());
    }
    return latest;
}

qint64 BackupManifest::documentCount() const
{
    qint64 n = 0;
    for (const BackupFile &f : files)
        n += f.path.startsWith(kDocuments + u'/') ? 1 : 0;
    return n;
}

qint64 BackupManifest::totalBytes() const
{
    qint64 n = 0;
    for (const BackupFile &f : files)
        n += f.size;
    return n;
}

Result<BackupManifest> writeSqliteBackup(Database &db, const QString &storeRoot, const QString &target,
                                         const QString &programVersion, const QDateTime &nowUtc)
{
    if (db.dialect() != Dialect::Sqlite)
        return Error::make(ErrorCode::Unsupported,
                           tr("резервне копіювання PostgreSQL робиться засобами сервера: pg_dump -Fc (див. docs/admin-guide.md)"));
    if (target.isEmpty())
        return Error::invalid(QStringLiteral("FILE"), tr("не вказано, куди записати резервну копію"));
    const QFileInfo targetInfo(target);
    if (targetInfo.exists())
        return Error::invalid(QStringLiteral("FILE"), tr("%1 уже існує; резервна копія пишеться лише в нову теку").arg(target));
    if (!targetInfo.absoluteDir().exists())
        return Error::invalid(QStringLiteral("FILE"), tr("тека %1 не існує").arg(targetInfo.absolutePath()));

    auto conn = db.connection();
    if (!conn)
        return conn.error();
    BackupManifest manifest;
    manifest.program = programVersion;
    manifest.created = nowUtc.toUTC();
    auto version = schemaVersionOf(conn.value());
    if (!version)
        return version.error();
    manifest.schemaVersion = version.value();
    if (manifest.schemaVersion <= 0)
        return Error::invalid(QStringLiteral("db"), tr("база даних порожня (схему не створено): копіювати нічого"));

    // Written under a temporary name next to the target; renamed when whole.
    const QString partial = targetInfo.absoluteFilePath() + QStringLiteral(".partial-") + uniqueSuffix();
    struct Cleanup {
        QString dir;
        ~Cleanup()
        {
            if (!dir.isEmpty())
                QDir(dir).removeRecursively();
        }
    } cleanup{partial};
    if (!makeOwnerOnlyDir(partial))
        return Error::make(ErrorCode::Io, tr("не вдалося створити теку %1").arg(partial));

    // One read transaction: a consistent copy while the desks keep working.
    const QString dbCopy = partial + u'/' + kDatabase;
    CNAP_TRY(exec(conn.value(), QStringLiteral("VACUUM INTO ?"), {QDir::toNativeSeparators(dbCopy)}));
    ownerOnlyFile(dbCopy);
    auto dbFile = hashFile(dbCopy, kDatabase);
    if (!dbFile)
        return dbFile.error();
    manifest.files.push_back(dbFile.value());

    // The store after the copy (see the header for why that order is safe).
    if (!storeRoot.isEmpty() && QFileInfo(storeRoot).isDir()) {
        const DocumentStore store(storeRoot);
        QStringList hashes = store.list();
        hashes.sort();
        if (!hashes.isEmpty() && !makeOwnerOnlyDir(partial + u'/' + kDocuments))
            return Error::make(ErrorCode::Io, tr("не вдалося створити теку %1").arg(partial + u'/' + kDocuments));
        for (const QString &sha : std::as_const(hashes)) {
            const QString relative = documentPath(sha);
            const QString dest = partial + u'/' + relative;
            if (!makeOwnerOnlyDir(QFileInfo(dest).absolutePath()))
                return Error::make(ErrorCode::Io, tr("не вдалося створити теку %1").arg(QFileInfo(dest).absolutePath()));
            auto copied = copyHashed(store.pathFor(sha), dest, relative);
            if (!copied)
                return copied.error();
            if (copied->sha256 != sha)
                return Error::make(ErrorCode::Io, tr("файл сховища документів %1 пошкоджений (вміст не відповідає імені); "
                                                     "перевірте сховище командою cnapctl check")
                                                      .arg(store.pathFor(sha)));
            manifest.files.push_back(copied.value());
        }
    }

    const QByteArray json = QJsonDocument(toJson(manifest)).toJson(QJsonDocument::Indented);
    CNAP_TRY(writeSmallFile(partial + u'/' + kManifest, json));
    const QByteArray sum = QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex() + "  " + kManifest.toUtf8() + '\n';
    CNAP_TRY(writeSmallFile(partial + u'/' + kManifestSum, sum));

    if (!QDir().rename(partial, targetInfo.absoluteFilePath()))
        return Error::make(ErrorCode::Io, tr("не вдалося перейменувати %1 на %2").arg(partial, target));
    cleanup.dir.clear();
    return manifest;
}

Result<BackupManifest> verifyBackup(const QString &folder)
{
    const QFileInfo info(folder);
    if (!info.isDir())
        return Error::invalid(QStringLiteral("FILE"), tr("резервної копії %1 не знайдено (очікується тека)").arg(folder));
    const QString root = info.absoluteFilePath();

    QFile manifestFile(root + u'/' + kManifest);
    if (!manifestFile.open(QIODevice::ReadOnly))
        return damaged(folder, tr("немає manifest.json"));
    const QByteArray json = manifestFile.readAll();
    QFile sumFile(root + u'/' + kManifestSum);
    if (!sumFile.open(QIODevice::ReadOnly))
        return damaged(folder, tr("немає manifest.sha256"));
    const QByteArray expected = sumFile.readAll().trimmed().left(64);
    if (QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex() != expected)
        return damaged(folder, tr("контрольна сума manifest.json не збігається"));

    auto manifest = parseManifest(folder, json);
    if (!manifest)
        return manifest.error();

    QSet<QString> listed{kManifest, kManifestSum};
    for (const BackupFile &f : manifest->files) {
        listed.insert(f.path);
        const QString path = root + u'/' + f.path;
        if (!QFileInfo(path).isFile())
            return damaged(folder, tr("бракує файлу %1").arg(f.path));
        auto actual = hashFile(path, f.path);
        if (!actual)
            return actual.error();
        if (actual->size != f.size)
            return damaged(folder, tr("файл %1 має розмір %2 замість %3").arg(f.path).arg(actual->size).arg(f.size));
        if (actual->sha256 != f.sha256)
            return damaged(folder, tr("контрольна сума SHA-256 файлу %1 не збігається").arg(f.path));
    }
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QString relative = QDir(root).relativeFilePath(it.filePath());
        if (!listed.contains(relative))
            return damaged(folder, tr("зайвий файл, якого немає в manifest.json: %1").arg(relative));
    }
    return manifest;
}

Result<BackupManifest> restoreSqliteBackup(const QString &folder, const DatabaseUrl &target, const QString &storeRoot,
                                           const RestoreOptions &options)
{
    if (target.dialect() != Dialect::Sqlite)
        return Error::make(ErrorCode::Unsupported,
                           tr("відновлення PostgreSQL робиться засобами сервера: pg_restore (див. docs/admin-guide.md)"));
    if (storeRoot.isEmpty())
        return Error::invalid(QStringLiteral("--store"), tr("не вказано теку сховища документів"));

    auto manifest = verifyBackup(folder);
    if (!manifest)
        return manifest.error();
    const int newestKnown = options.programSchemaVersion > 0 ? options.programSchemaVersion : latestSqliteSchemaVersion();
    if (manifest->schemaVersion > newestKnown)
        return Error::make(ErrorCode::SchemaTooNew,
                           tr("резервну копію зроблено новішою версією програми (схема %1, ця програма знає до %2); "
                              "оновіть програму перед відновленням")
                               .arg(manifest->schemaVersion).arg(newestKnown));

    const QFileInfo dbInfo(target.path());
    const QString dbPath = dbInfo.absoluteFilePath();
    if (!dbInfo.absoluteDir().exists())
        return Error::invalid(QStringLiteral("db"), tr("тека для файлу бази даних не існує: %1").arg(dbInfo.absolutePath()));

    // Is there anything to lose?
    bool dbHasData = false;
    if (dbInfo.exists() && dbInfo.size() > 0) {
        RawSqlite existing(dbPath);
        if (!existing.ok())
            return Error::make(ErrorCode::Database, tr("не вдалося відкрити наявну базу %1: %2").arg(dbPath, existing.error()));
        auto tables = execOne(existing.db(), QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"));
        if (!tables)
            return tables.error();
        dbHasData = tables->value(0).toInt() > 0;
    }
    const bool storeHasFiles = !DocumentStore(storeRoot).list().isEmpty();
    if ((dbHasData || storeHasFiles) && !options.force)
        return Error::make(ErrorCode::AlreadyExists,
                           tr("база %1 або сховище %2 не порожні; щоб замінити їх резервною копією, додайте --force")
                               .arg(dbPath, storeRoot));

    const QString root = QFileInfo(folder).absoluteFilePath();

    // 1. The database: a checked copy beside the target (renamed into place below).
    const QString temp = dbPath + QStringLiteral(".restore-") + uniqueSuffix();
    struct Cleanup {
        QString file;
        ~Cleanup()
        {
            if (!file.isEmpty()) {
                QFile::remove(file);
                QFile::remove(file + QStringLiteral("-wal"));
                QFile::remove(file + QStringLiteral("-shm"));
            }
        }
    } cleanup{temp};
    const BackupFile *dbEntry = nullptr;
    for (const BackupFile &f : manifest->files)
        dbEntry = f.path == kDatabase ? &f : dbEntry;
    auto copied = copyHashed(root + u'/' + kDatabase, temp, kDatabase);
    if (!copied)
        return copied.error();
    if (copied->sha256 != dbEntry->sha256)
        return damaged(folder, tr("файл %1 змінився під час відновлення").arg(kDatabase));
    {
        RawSqlite copy(temp);
        if (!copy.ok())
            return damaged(folder, tr("копію бази не вдалося відкрити: %1").arg(copy.error()));
        auto check = execOne(copy.db(), QStringLiteral("PRAGMA integrity_check"));
        if (!check)
            return damaged(folder, check.error().message);
        if (check->value(0).toString() != QStringLiteral("ok"))
            return damaged(folder, tr("перевірка цілісності бази: %1").arg(check->value(0).toString()));
        auto version = schemaVersionOf(copy.db());
        if (!version)
            return version.error();
        if (version.value() != manifest->schemaVersion)
            return damaged(folder, tr("версія схеми в базі (%1) не збігається з manifest.json (%2)")
                                       .arg(version.value()).arg(manifest->schemaVersion));
        // Leave the copy in rollback-journal mode with nothing pending: the
        // product's own connection switches it to WAL on first open.
        CNAP_TRY(exec(copy.db(), QStringLiteral("PRAGMA journal_mode=DELETE")));
    }

    // 2. Documents into the store, each checked against its name.
    DocumentStore store(storeRoot);
    QSet<QString> keep;
    for (const BackupFile &f : manifest->files) {
        if (f.path == kDatabase)
            continue;
        keep.insert(f.sha256);
        if (store.contains(f.sha256)) {
            auto same = store.verify(f.sha256);
            if (same && same.value())
                continue;
            QFile::remove(store.pathFor(f.sha256));  // damaged: replace with the good copy
        }
        QFile in(root + u'/' + f.path);
        if (!in.open(QIODevice::ReadOnly))
            return Error::make(ErrorCode::Io, tr("не вдалося прочитати %1: %2").arg(in.fileName(), in.errorString()));
        auto put = store.put(in.readAll());
        if (!put)
            return put.error();
        if (put->sha256 != f.sha256)
            return damaged(folder, tr("файл %1 змінився під час відновлення").arg(f.path));
    }

    // 3. The database in one rename.
    if (dbInfo.exists()) {
        // Fold the old database's WAL into it and drop it: a stale WAL next to
        // the new file would be replayed into it.
        RawSqlite existing(dbPath);
        if (existing.ok())
            (void)exec(existing.db(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    QFile::remove(dbPath + QStringLiteral("-wal"));
    QFile::remove(dbPath + QStringLiteral("-shm"));
    CNAP_TRY(replaceFile(temp, dbPath));
    cleanup.file.clear();
    ownerOnlyFile(dbPath);

    // 4. The store now holds exactly the backup's documents.
    pruneStore(storeRoot, keep);
    return manifest;
}

} // namespace cnap::storage
