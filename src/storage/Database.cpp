#include "storage/Database.h"

#include "storage/Migrator.h"
#include "storage/Sql.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <atomic>

namespace cnap::storage {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::storage::Database", s); }
std::atomic<quint64> g_nextId{1};
} // namespace

Database::Database(DatabaseUrl url) : m_url(std::move(url)), m_id(g_nextId++) {}

Database::~Database()
{
    QMutexLocker lock(&m_mutex);
    for (const QString &name : std::as_const(m_connections)) {
        dropStatementCache(name);
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

Result<std::shared_ptr<Database>> Database::open(const DatabaseUrl &url)
{
    if (url.dialect() == Dialect::Sqlite) {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
            return Error::make(ErrorCode::Unsupported, tr("драйвер SQLite (QSQLITE) не встановлено"));
        const QFileInfo fi(url.path());
        if (!fi.absoluteDir().exists())
            return Error::invalid(QStringLiteral("db"), tr("тека для файлу бази даних не існує: %1").arg(fi.absolutePath()));
        if (!fi.exists()) {
            // Personal data: the file is created readable by its owner only.
            QFile f(fi.absoluteFilePath());
            if (!f.open(QIODevice::WriteOnly))
                return Error::make(ErrorCode::Io, tr("не вдалося створити файл бази даних %1: %2").arg(fi.absoluteFilePath(), f.errorString()));
            f.close();
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
    } else if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return Error::make(ErrorCode::Unsupported, tr("драйвер PostgreSQL (QPSQL) не встановлено"));
    }
    std::shared_ptr<Database> database(new Database(url));
    auto conn = database->connection();
    if (!conn)
        return conn.error();
    return database;
}

QString Database::connectionName() const
{
    return QStringLiteral("cnap-%1-%2").arg(m_id).arg(reinterpret_cast<quintptr>(QThread::currentThread()));
}

Result<QSqlDatabase> Database::connection()
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
        // Reopening: statements prepared on the old session are gone with it.
        dropStatementCache(name);
        if (db.open()) {
            CNAP_TRY(configure(db));
            enableStatementCache(db);
            return db;
        }
        return Error::make(ErrorCode::Database, tr("не вдалося під'єднатися до бази даних %1: %2")
                                                    .arg(m_url.toDisplayString(), db.lastError().text()));
    }

    QSqlDatabase db;
    if (m_url.dialect() == Dialect::Sqlite) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_url.path());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_url.host());
        db.setPort(m_url.port());
        db.setUserName(m_url.user());
        db.setPassword(m_url.password());
        db.setDatabaseName(m_url.databaseName());
        QStringList opts;
        for (auto it = m_url.options().cbegin(); it != m_url.options().cend(); ++it)
            opts << it.key() + u'=' + it.value();
        if (!m_url.options().contains(QStringLiteral("connect_timeout")))
            opts << QStringLiteral("connect_timeout=5");
        db.setConnectOptions(opts.join(u';'));
    }
    {
        QMutexLocker lock(&m_mutex);
        m_connections << name;
    }
    if (!db.open())
        return Error::make(ErrorCode::Database, tr("не вдалося під'єднатися до бази даних %1: %2")
                                                    .arg(m_url.toDisplayString(), db.lastError().text()));
    CNAP_TRY(configure(db));
    enableStatementCache(db);
    return db;
}

QSqlDatabase Database::db()
{
    auto c = connection();
    return c ? c.value() : QSqlDatabase();
}

Status Database::configure(QSqlDatabase &db)
{
    QSqlQuery q(db);
    QStringList statements;
    if (m_url.dialect() == Dialect::Sqlite) {
        // WAL lets the display and the desks read while one writes; FULL sync so a
        // committed case survives a power cut; foreign keys are off by default in SQLite.
        statements = {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
                      QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA busy_timeout=10000")};
    } else {
        statements = {QStringLiteral("SET client_encoding TO 'UTF8'"), QStringLiteral("SET TIME ZONE 'UTC'")};
    }
    for (const QString &s : statements) {
        if (!q.exec(s))
            return Error::make(ErrorCode::Database, tr("не вдалося налаштувати з'єднання: %1").arg(q.lastError().text()));
    }
    return {};
}

void Database::releaseThreadConnection()
{
    const QString name = connectionName();
    {
        QMutexLocker lock(&m_mutex);
        if (!m_connections.removeOne(name))
            return;
    }
    dropStatementCache(name);
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

Status Database::migrate()
{
    Migrator migrator(*this);
    return migrator.migrate();
}

Result<int> Database::schemaVersion()
{
    Migrator migrator(*this);
    return migrator.currentVersion();
}

} // namespace cnap::storage
