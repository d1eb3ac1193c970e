#include "storage/MessageLogRepository.h"

#include "storage/Sql.h"

#include <QCoreApplication>

namespace cnap::storage {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::storage::MessageLogRepository", s); }

QVariant text(const QString &s) { return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s); }

MessageLogEntry readEntry(const QSqlQuery &q, bool withBody)
{
    MessageLogEntry e;
    e.id = q.value(0).toLongLong();
    e.messageId = q.value(1).toString();
    e.caseNumber = q.value(2).toString();
    e.serviceCode = q.value(3).toString();
    e.direction = q.value(4).toString();
    e.atMs = q.value(5).toLongLong();
    e.httpStatus = q.value(6).toInt();
    e.contentType = q.value(7).toString();
    e.sha256 = q.value(8).toString();
    e.outcome = q.value(9).toString();
    if (withBody)
        e.body = q.value(10).toByteArray();
    return e;
}
} // namespace

Result<qint64> MessageLogRepository::append(const MessageLogEntry &e)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    return insertReturningId(conn.value(),
                             QStringLiteral("INSERT INTO exchange_message_log (message_id, case_number, service_code, direction, at_ms, "
                                            "http_status, content_type, body, sha256, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                             {e.messageId, text(e.caseNumber), e.serviceCode, e.direction, e.atMs, e.httpStatus, text(e.contentType),
                              e.body.isNull() ? QByteArray("") : e.body, e.sha256, text(e.outcome)});
}

Result<QList<MessageLogEntry>> MessageLogRepository::list(qint64 beforeId, int limit, const QString &messageId, bool withBodies)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    QString sql = QStringLiteral("SELECT id, message_id, case_number, service_code, direction, at_ms, http_status, content_type, sha256, outcome")
                + (withBodies ? QStringLiteral(", body") : QString()) + QStringLiteral(" FROM exchange_message_log WHERE 1 = 1");
    QVariantList binds;
    if (beforeId > 0) {
        sql += QStringLiteral(" AND id < ?");
        binds << beforeId;
    }
    if (!messageId.isEmpty()) {
        sql += QStringLiteral(" AND message_id = ?");
        binds << messageId;
    }
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    binds << limit;
    auto q = exec(conn.value(), sql, binds);
    if (!q)
        return q.error();
    QList<MessageLogEntry> out;
    while (q->next())
        out << readEntry(q.value(), withBodies);
    return out;
}

Result<MessageLogEntry> MessageLogRepository::get(qint64 id)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(),
                  QStringLiteral("SELECT id, message_id, case_number, service_code, direction, at_ms, http_status, content_type, sha256, "
                                 "outcome, body FROM exchange_message_log WHERE id = ?"),
                  {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::make(ErrorCode::NotFound, tr("запису журналу обміну №%1 немає").arg(id));
    return readEntry(q.value(), true);
}

Result<qint64> MessageLogRepository::purge(qint64 olderThanMs)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(), QStringLiteral("DELETE FROM exchange_message_log WHERE at_ms < ?"), {olderThanMs});
    if (!q)
        return q.error();
    return qint64(q->numRowsAffected());
}

Result<qint64> MessageLogRepository::count()
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = execOne(conn.value(), QStringLiteral("SELECT COUNT(*) FROM exchange_message_log"));
    if (!q)
        return q.error();
    return q->value(0).toLongLong();
}

} // namespace cnap::storage
