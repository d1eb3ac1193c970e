#include "storage/Sql.h"

#include <QCoreApplication>
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

Result<QSqlQuery> execOne(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    auto r = exec(db, sql, binds);
    if (!r)
        return r;
    if (!r->next())
        return Error::make(ErrorCode::NotFound, tr("запис не знайдено"));
    return r;
}

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
