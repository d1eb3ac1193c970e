#include "storage/Migrator.h"

#include "storage/Database.h"
#include "storage/Sql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace cnap::storage {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::storage::Migrator", s); }

QString dialectDir(Dialect d)
{
    return d == Dialect::Sqlite ? QStringLiteral(":/migrations/sqlite") : QStringLiteral(":/migrations/postgresql");
}

// Any number; serialises concurrent `init` runs of several desks on one server.
constexpr qint64 kMigrationLockKey = 0x434e4150;  // "CNAP"
} // namespace

std::vector<Migration> Migrator::migrations() const
{
    std::vector<Migration> out;
    const QDir dir(dialectDir(m_db.dialect()));
    static const QRegularExpression re(QStringLiteral("^(\\d{4})_([A-Za-z0-9_]+)\\.sql$"));
    for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
        const auto m = re.match(file);
        if (!m.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        out.push_back({m.captured(1).toInt(), m.captured(2), QString::fromUtf8(f.readAll())});
    }
    std::sort(out.begin(), out.end(), [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return out;
}

int Migrator::latestVersion() const
{
    const auto all = migrations();
    return all.empty() ? 0 : all.back().version;
}

Result<int> Migrator::currentVersion()
{
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    const QSqlDatabase db = conn.value();
    if (!db.tables().contains(QStringLiteral("schema_version")))
        return 0;
    auto q = execOne(db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
    if (!q)
        return q.error();
    return q->value(0).toInt();
}

Status Migrator::migrate()
{
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    const QSqlDatabase db = conn.value();
    const auto all = migrations();
    if (all.empty())
        return Error::make(ErrorCode::Internal, tr("у програмі немає міграцій схеми"));

    const QString createVersionTable = QStringLiteral(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    if (m_db.isPostgres()) {
        // Concurrent first starts of many desks: only one creates the table.
        auto tx = Transaction::begin(db);
        if (!tx)
            return tx.error();
        CNAP_TRY(exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {kMigrationLockKey}));
        CNAP_TRY(exec(db, createVersionTable));
        CNAP_TRY(tx->commit());
    } else {
        CNAP_TRY(exec(db, createVersionTable));
    }

    auto current = currentVersion();
    if (!current)
        return current.error();
    if (current.value() > all.back().version) {
        return Error::make(ErrorCode::SchemaTooNew,
                           tr("база даних має новішу схему (версія %1), ніж знає ця програма (версія %2); "
                              "оновіть програму")
                               .arg(current.value())
                               .arg(all.back().version));
    }

    // Every migration the database lacks is applied, not only those above its
    // highest version: modules number their migrations in their own ranges
    // (0100 queue, 0200 cases, ...), so a later module's lower number can
    // arrive after a higher one has been applied.
    QSet<int> applied;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT version FROM schema_version")))
            return sqlError(q, tr("не вдалося прочитати версії схеми"));
        while (q.next())
            applied.insert(q.value(0).toInt());
    }

    for (const Migration &m : all) {
        if (applied.contains(m.version))
            continue;
        auto tx = Transaction::begin(db);
        if (!tx)
            return tx.error();
        if (m_db.isPostgres())
            CNAP_TRY(exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {kMigrationLockKey}));
        // Another process may have applied it while we waited for the lock
        // (PostgreSQL advisory lock, SQLite BEGIN IMMEDIATE).
        bool alreadyApplied = false;
        {
            // Scoped: an open statement on SQLite would lock the table against the DDL below.
            auto done = execOne(db, QStringLiteral("SELECT COUNT(*) FROM schema_version WHERE version = ?"), {m.version});
            if (!done)
                return done.error();
            alreadyApplied = done->value(0).toInt() > 0;
        }
        if (alreadyApplied)
            continue;  // tx rolls back
        for (const QString &stmt : splitStatements(m.sql)) {
            QSqlQuery q(db);
            if (!q.exec(stmt)) {
                return sqlError(q, tr("міграція %1 (%2) не вдалася").arg(m.version).arg(m.name));
            }
        }
        CNAP_TRY(exec(db, QStringLiteral("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)"),
                      {m.version, m.name, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}));
        CNAP_TRY(tx->commit());
    }
    return {};
}

QStringList Migrator::splitStatements(const QString &script)
{
    QStringList out;
    QString cur;
    bool inSingle = false;
    bool inDollar = false;
    bool inTrigger = false;
    const qsizetype n = script.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = script[i];
        if (!inSingle && !inDollar && c == u'-' && i + 1 < n && script[i + 1] == u'-') {
            while (i < n && script[i] != u'\n')
                ++i;
            cur += u'\n';
            continue;
        }
        if (!inDollar && c == u'\'') {
            inSingle = !inSingle;
        } else if (!inSingle && c == u'$' && i + 1 < n && script[i + 1] == u'$') {
            inDollar = !inDollar;
            cur += QStringLiteral("$$");
            ++i;
            continue;
        }
        if (!inSingle && !inDollar && c == u';') {
            const QString trimmed = cur.trimmed();
            // SQLite triggers carry a BEGIN ... END body with inner semicolons;
            // PostgreSQL triggers (EXECUTE FUNCTION f()) end at their first one.
            static const QRegularExpression triggerRe(QStringLiteral("^CREATE\\s+(OR\\s+REPLACE\\s+)?(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b"),
                                                      QRegularExpression::CaseInsensitiveOption);
            static const QRegularExpression beginRe(QStringLiteral("\\bBEGIN\\b"), QRegularExpression::CaseInsensitiveOption);
            if (!inTrigger && triggerRe.match(trimmed).hasMatch() && beginRe.match(trimmed).hasMatch())
                inTrigger = true;
            if (inTrigger) {
                // A trigger body ends with END;
                static const QRegularExpression endRe(QStringLiteral("\\bEND\\s*$"), QRegularExpression::CaseInsensitiveOption);
                if (!endRe.match(trimmed).hasMatch()) {
                    cur += c;
                    continue;
                }
                inTrigger = false;
            }
            if (!trimmed.isEmpty())
                out << trimmed;
            cur.clear();
            continue;
        }
        cur += c;
    }
    if (!cur.trimmed().isEmpty())
        out << cur.trimmed();
    return out;
}

} // namespace cnap::storage
