#include "storage/Sql.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlError>

namespace cnap::storage {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::storage::Sql", s); }

Error mapError(const QSqlError &e, const QString &context)
{
    const QString native = e.nativeErrorCode();
    const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    ErrorCode code = ErrorCode::Database;
    if (native == QStringLiteral("23505") || text.contains(QStringLiteral("UNIQUE constraint failed")))
        code = ErrorCode::AlreadyExists;
    else if (native == QStringLiteral("40001") || native == QStringLiteral("40P01")
             || text.contains(QStringLiteral("database is locked")))
        code = ErrorCode::Conflict;
    else if (e.type() == QSqlError::ConnectionError || native.startsWith(QStringLiteral("08"))
             || text.contains(QStringLiteral("server closed the connection"))
             || text.contains(QStringLiteral("no connection to the server")))
        code = ErrorCode::Network;
    return Error::make(code, context.isEmpty() ? text : context + QStringLiteral(": ") + text);
}
} // namespace

Error sqlError(const QSqlQuery &query, const QString &context) { return mapError(query.lastError(), context); }
Error sqlError(const QSqlDatabase &db, const QString &context) { return mapError(db.lastError(), context); }

bool isPostgres(const QSqlDatabase &db) { return db.driverName() == QStringLiteral("QPSQL"); }

Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    if (!db.isOpen())
        return Error::make(ErrorCode::Network, tr("немає з'єднання з базою даних"));
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (binds.isEmpty()) {
        // Nothing to bind (DDL cannot be PREPAREd on PostgreSQL).
        if (!q.exec(sql))
            return sqlError(q, tr("помилка виконання запиту"));
        return q;
    }
    if (!q.prepare(sql))
        return sqlError(q, tr("помилка підготовки запиту"));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(q, tr("помилка виконання запиту"));
    return q;
}

// --- statement cache ---------------------------------------------------------------

namespace {
// Enough for every hot statement of a desk; anything beyond runs uncached.
constexpr int kMaxCachedStatements = 32;

struct StatementCache {
    QHash<QString, std::shared_ptr<detail::CachedStatement>> statements;
    StatementCacheStats stats;
};

// Connection name -> cache.  Connections are per thread, so a cache is only ever
// used by the thread owning its connection; the mutex guards the map itself.
QMutex g_cachesMutex;
QHash<QString, std::shared_ptr<StatementCache>> g_caches;

std::shared_ptr<StatementCache> cacheOf(const QString &connectionName)
{
    QMutexLocker lock(&g_cachesMutex);
    return g_caches.value(connectionName);
}
} // namespace

CachedQuery::~CachedQuery()
{
    if (!m_st)
        return;  // moved from
    m_st->query.finish();
    m_st->busy = false;
}

Result<CachedQuery> execCached(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    if (!db.isOpen())
        return Error::make(ErrorCode::Network, tr("немає з'єднання з базою даних"));
    const std::shared_ptr<StatementCache> cache = cacheOf(db.connectionName());
    std::shared_ptr<detail::CachedStatement> st;
    bool prepared = false;
    if (cache) {
        const auto it = cache->statements.constFind(sql);
        if (it != cache->statements.cend()) {
            if (!it.value()->busy) {
                st = it.value();
                prepared = true;
                ++cache->stats.reuses;
            }
        } else if (cache->statements.size() < kMaxCachedStatements) {
            st = std::make_shared<detail::CachedStatement>();
            st->query = QSqlQuery(db);
            cache->statements.insert(sql, st);
            cache->stats.statements = static_cast<int>(cache->statements.size());
            ++cache->stats.prepares;
        }
        if (!st)
            ++cache->stats.oneOffs;
    }
    if (!st) {
        st = std::make_shared<detail::CachedStatement>();
        st->query = QSqlQuery(db);
        st->cached = false;
    }
    const auto evict = [&] {
        if (cache && st->cached && cache->statements.value(sql) == st) {
            cache->statements.remove(sql);
            cache->stats.statements = static_cast<int>(cache->statements.size());
        }
    };
    if (!prepared) {
        st->query.setForwardOnly(true);
        if (!st->query.prepare(sql)) {
            Error e = sqlError(st->query, tr("помилка підготовки запиту"));
            evict();
            return e;
        }
    }
    for (int i = 0; i < binds.size(); ++i)
        st->query.bindValue(i, binds.at(i));
    if (!st->query.exec()) {
        Error e = sqlError(st->query, tr("помилка виконання запиту"));
        st->query.finish();
        evict();
        return e;
    }
    st->busy = true;
    return CachedQuery(std::move(st));
}

Result<CachedQuery> execOneCached(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    auto r = execCached(db, sql, binds);
    if (!r)
        return r;
    if (!r->next())
        return Error::make(ErrorCode::NotFound, tr("запис не знайдено"));
    return r;
}

StatementCacheStats statementCacheStats(const QSqlDatabase &db)
{
    const std::shared_ptr<StatementCache> cache = cacheOf(db.connectionName());
    if (!cache)
        return {};
    StatementCacheStats s = cache->stats;
    s.enabled = true;
    return s;
}

void enableStatementCache(const QSqlDatabase &db)
{
    QMutexLocker lock(&g_cachesMutex);
    g_caches.insert(db.connectionName(), std::make_shared<StatementCache>());
}

void dropStatementCache(const QString &connectionName)
{
    std::shared_ptr<StatementCache> cache;
    {
        QMutexLocker lock(&g_cachesMutex);
        cache = g_caches.take(connectionName);
    }
    // Destroying the queries here, while the connection is still open, lets
    // QPSQL DEALLOCATE them; one still held by a CachedQuery dies with it.
    if (cache)
        cache->statements.clear();
}

Result<QSqlQuery> execOne(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    auto r = exec(db, sql, binds);
    if (!r)
        return r;
    if (!r->next())
        return Error::make(ErrorCode::NotFound, tr("запис не знайдено"));
    return r;
}

QVariant positiveOrNull(qint64 value) { return value > 0 ? QVariant(value) : QVariant(QMetaType(QMetaType::LongLong)); }

QVariant orNull(const std::optional<qint64> &value) { return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong)); }

Result<qint64> insertReturningId(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    auto q = execOne(db, sql + QStringLiteral(" RETURNING id"), binds);
    if (!q)
        return q.error();
    return q->value(0).toLongLong();
}

Result<Transaction> Transaction::begin(const QSqlDatabase &db)
{
    if (!db.isOpen())
        return Error::make(ErrorCode::Network, tr("немає з'єднання з базою даних"));
    QSqlQuery q(db);
    const QString stmt = isPostgres(db) ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
    if (!q.exec(stmt))
        return sqlError(q, tr("не вдалося почати транзакцію"));
    return Transaction(db);
}

Transaction::Transaction(Transaction &&other) noexcept : m_db(std::move(other.m_db)), m_active(other.m_active)
{
    other.m_active = false;
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

Status Transaction::commit()
{
    if (!m_active)
        return Error::make(ErrorCode::Internal, tr("транзакцію вже завершено"));
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        Error e = sqlError(q, tr("не вдалося зберегти зміни"));
        rollback();
        return e;
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
}

} // namespace cnap::storage
