#include "storage/OutboxRepository.h"

#include "storage/Sql.h"

#include <QCoreApplication>
#include <QUuid>

namespace cnap::storage {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::storage::OutboxRepository", s); }

const QString kColumns = QStringLiteral(
    "id, message_id, case_id, case_number, service_code, service_version, user_id, payload, request, state, attempts, "
    "next_attempt_ms, claimed_by, claimed_until_ms, last_error, registry_reference, result_status, result_checked_ms, "
    "created_ms, updated_ms, done_ms");

OutboxItem readItem(const QSqlQuery &q)
{
    OutboxItem i;
    i.id = q.value(0).toLongLong();
    i.messageId = q.value(1).toString();
    i.caseId = q.value(2).isNull() ? 0 : q.value(2).toLongLong();
    i.caseNumber = q.value(3).toString();
    i.serviceCode = q.value(4).toString();
    i.serviceVersion = q.value(5).toString();
    i.userId = q.value(6).toString();
    i.payload = q.value(7).toByteArray();
    i.request = q.value(8).toByteArray();
    i.state = outboxStateFromKey(q.value(9).toString()).valueOr(OutboxState::Dead);
    i.attempts = q.value(10).toInt();
    i.nextAttemptMs = q.value(11).toLongLong();
    i.claimedBy = q.value(12).toString();
    i.claimedUntilMs = q.value(13).toLongLong();
    i.lastError = q.value(14).toString();
    i.registryReference = q.value(15).toString();
    i.resultStatus = q.value(16).toString();
    i.resultCheckedMs = q.value(17).toLongLong();
    i.createdMs = q.value(18).toLongLong();
    i.updatedMs = q.value(19).toLongLong();
    i.doneMs = q.value(20).toLongLong();
    return i;
}

// Qt binds a null QString as SQL NULL; NOT NULL text columns get ''.
QVariant text(const QString &s) { return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s); }

QVariant nullableBytes(const QByteArray &b) { return b.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(b); }

} // namespace

QString outboxStateKey(OutboxState s)
{
    switch (s) {
    case OutboxState::Pending: return QStringLiteral("pending");
    case OutboxState::InFlight: return QStringLiteral("in-flight");
    case OutboxState::Done: return QStringLiteral("done");
    case OutboxState::Dead: return QStringLiteral("dead");
    }
    return QStringLiteral("dead");
}

Result<OutboxState> outboxStateFromKey(const QString &key)
{
    for (OutboxState s : {OutboxState::Pending, OutboxState::InFlight, OutboxState::Done, OutboxState::Dead}) {
        if (outboxStateKey(s) == key)
            return s;
    }
    return Error::invalid(QStringLiteral("state"), tr("невідомий стан «%1»: pending, in-flight, done або dead").arg(key));
}

Result<qint64> OutboxRepository::enqueue(const OutboxItem &item)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    return insertReturningId(
        conn.value(),
        QStringLiteral("INSERT INTO exchange_outbox (message_id, case_id, case_number, service_code, service_version, user_id, payload, "
                       "request, state, attempts, next_attempt_ms, last_error, created_ms, updated_ms) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)"),
        {item.messageId, positiveOrNull(item.caseId), text(item.caseNumber),
         item.serviceCode, text(item.serviceVersion), text(item.userId), nullableBytes(item.payload), nullableBytes(item.request),
         outboxStateKey(item.state), item.nextAttemptMs, text(item.lastError), item.createdMs, item.createdMs});
}

Result<Claim> OutboxRepository::claim(int limit, qint64 nowMs, qint64 leaseMs, const QString &engine,
                                      const std::function<Status(Claim &)> &onClaimed)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto tx = Transaction::begin(conn.value());
    if (!tx)
        return tx.error();
    // Due items first by their schedule.  On PostgreSQL SKIP LOCKED lets a second
    // engine pass over rows the first one is claiming instead of waiting for them.
    QString sql = QStringLiteral("SELECT id FROM exchange_outbox WHERE (state = 'pending' AND next_attempt_ms <= ?) "
                                 "OR (state = 'in-flight' AND claimed_until_ms < ?) ORDER BY next_attempt_ms, id LIMIT ?");
    if (isPostgres(conn.value()))
        sql += QStringLiteral(" FOR UPDATE SKIP LOCKED");
    auto q = exec(conn.value(), sql, {nowMs, nowMs, limit});
    if (!q)
        return q.error();
    QList<qint64> ids;
    while (q->next())
        ids << q->value(0).toLongLong();

    Claim claim;
    claim.token = engine + u'/' + QUuid::createUuid().toString(QUuid::WithoutBraces);
    for (qint64 id : ids) {
        auto u = exec(conn.value(),
                      QStringLiteral("UPDATE exchange_outbox SET state = 'in-flight', claimed_by = ?, claimed_until_ms = ?, "
                                     "attempts = attempts + 1, updated_ms = ? WHERE id = ?"),
                      {claim.token, nowMs + leaseMs, nowMs, id});
        if (!u)
            return u.error();
    }
    if (!ids.isEmpty()) {
        auto items = select(QStringLiteral("WHERE claimed_by = ? ORDER BY next_attempt_ms, id"), {claim.token});
        if (!items)
            return items.error();
        claim.items = items.value();
    }
    if (onClaimed)
        CNAP_TRY(onClaimed(claim));
    CNAP_TRY(tx->commit());
    return claim;
}

Status OutboxRepository::seal(qint64 id, const QString &token, const QByteArray &request)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(), QStringLiteral("UPDATE exchange_outbox SET request = ? WHERE id = ? AND claimed_by = ? AND request IS NULL"),
                  {request, id, token});
    if (!q)
        return q.error();
    return {};
}

Result<bool> OutboxRepository::markDone(qint64 id, const QString &token, qint64 nowMs, const QString &reference,
                                        const QString &resultStatus)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(),
                  QStringLiteral("UPDATE exchange_outbox SET state = 'done', claimed_by = NULL, claimed_until_ms = NULL, last_error = '', "
                                 "registry_reference = ?, result_status = ?, result_checked_ms = ?, updated_ms = ?, done_ms = ? "
                                 "WHERE id = ? AND claimed_by = ? AND state = 'in-flight'"),
                  {text(reference), text(resultStatus), nowMs, nowMs, nowMs, id, token});
    if (!q)
        return q.error();
    return q->numRowsAffected() == 1;
}

Result<bool> OutboxRepository::markRetry(qint64 id, const QString &token, qint64 nowMs, qint64 nextAttemptMs, const QString &error)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(),
                  QStringLiteral("UPDATE exchange_outbox SET state = 'pending', claimed_by = NULL, claimed_until_ms = NULL, last_error = ?, "
                                 "next_attempt_ms = ?, updated_ms = ? WHERE id = ? AND claimed_by = ? AND state = 'in-flight'"),
                  {text(error), nextAttemptMs, nowMs, id, token});
    if (!q)
        return q.error();
    return q->numRowsAffected() == 1;
}

Result<bool> OutboxRepository::markDead(qint64 id, const QString &token, qint64 nowMs, const QString &reason)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(),
                  QStringLiteral("UPDATE exchange_outbox SET state = 'dead', claimed_by = NULL, claimed_until_ms = NULL, last_error = ?, "
                                 "updated_ms = ? WHERE id = ? AND claimed_by = ? AND state = 'in-flight'"),
                  {text(reason), nowMs, id, token});
    if (!q)
        return q.error();
    return q->numRowsAffected() == 1;
}

Result<int> OutboxRepository::release(const QString &token, const QList<qint64> &ids, qint64 nowMs)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    int released = 0;
    for (qint64 id : ids) {
        auto q = exec(conn.value(),
                      QStringLiteral("UPDATE exchange_outbox SET state = 'pending', claimed_by = NULL, claimed_until_ms = NULL, "
                                     "attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END, updated_ms = ? "
                                     "WHERE id = ? AND claimed_by = ? AND state = 'in-flight'"),
                      {nowMs, id, token});
        if (!q)
            return q.error();
        released += q->numRowsAffected() > 0 ? 1 : 0;
    }
    return released;
}

Status OutboxRepository::requeue(qint64 id, qint64 nowMs, const std::optional<QByteArray> &payload)
{
    auto cur = get(id);
    if (!cur)
        return cur.error();
    if (cur->state != OutboxState::Dead)
        return Error::make(ErrorCode::Conflict,
                           tr("повідомлення %1 у стані «%2»: повторно ставити в чергу можна лише недоставлені (dead)")
                               .arg(cur->messageId, outboxStateKey(cur->state)));
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    QString sql = QStringLiteral("UPDATE exchange_outbox SET state = 'pending', attempts = 0, next_attempt_ms = ?, updated_ms = ?");
    QVariantList binds{nowMs, nowMs};
    if (payload) {
        sql += QStringLiteral(", payload = ?");
        binds << *payload;
    }
    sql += QStringLiteral(" WHERE id = ? AND state = 'dead'");
    binds << id;
    auto q = exec(conn.value(), sql, binds);
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return Error::make(ErrorCode::Conflict, tr("повідомлення %1 щойно змінилося; оновіть список").arg(cur->messageId));
    return {};
}

Result<QList<OutboxItem>> OutboxRepository::awaitingResult(qint64 checkedBeforeMs, int limit)
{
    return select(QStringLiteral("WHERE state = 'done' AND result_status = 'pending' AND registry_reference <> '' "
                                 "AND result_checked_ms < ? ORDER BY result_checked_ms, id LIMIT ?"),
                  {checkedBeforeMs, limit});
}

Status OutboxRepository::setResult(qint64 id, const QString &resultStatus, qint64 nowMs)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(), QStringLiteral("UPDATE exchange_outbox SET result_status = ?, result_checked_ms = ?, updated_ms = ? WHERE id = ?"),
                  {text(resultStatus), nowMs, nowMs, id});
    if (!q)
        return q.error();
    return {};
}

Result<OutboxItem> OutboxRepository::get(qint64 id)
{
    auto r = select(QStringLiteral("WHERE id = ?"), {id});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error::make(ErrorCode::NotFound, tr("повідомлення №%1 у черзі обміну немає").arg(id));
    return r->first();
}

Result<OutboxItem> OutboxRepository::getByMessageId(const QString &messageId)
{
    auto r = select(QStringLiteral("WHERE message_id = ?"), {messageId});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error::make(ErrorCode::NotFound, tr("повідомлення %1 у черзі обміну немає").arg(messageId));
    return r->first();
}

Result<QList<OutboxItem>> OutboxRepository::forCase(const QString &caseNumber)
{
    return select(QStringLiteral("WHERE case_number = ? ORDER BY id"), {caseNumber});
}

Result<QList<OutboxItem>> OutboxRepository::list(std::optional<OutboxState> state, qint64 afterId, int limit)
{
    if (state)
        return select(QStringLiteral("WHERE state = ? AND id > ? ORDER BY id LIMIT ?"), {outboxStateKey(*state), afterId, limit});
    return select(QStringLiteral("WHERE id > ? ORDER BY id LIMIT ?"), {afterId, limit});
}

Result<OutboxCounts> OutboxRepository::counts()
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(), QStringLiteral("SELECT state, COUNT(*) FROM exchange_outbox GROUP BY state"));
    if (!q)
        return q.error();
    OutboxCounts c;
    while (q->next()) {
        const QString s = q->value(0).toString();
        const qint64 n = q->value(1).toLongLong();
        if (s == QStringLiteral("pending"))
            c.pending = n;
        else if (s == QStringLiteral("in-flight"))
            c.inFlight = n;
        else if (s == QStringLiteral("done"))
            c.done = n;
        else
            c.dead = n;
    }
    return c;
}

Result<QList<RegistryDelivery>> OutboxRepository::lastDeliveries()
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(), QStringLiteral("SELECT service_code, MAX(done_ms), COUNT(*) FROM exchange_outbox "
                                               "WHERE state = ? AND done_ms IS NOT NULL GROUP BY service_code ORDER BY service_code"),
                  {outboxStateKey(OutboxState::Done)});
    if (!q)
        return q.error();
    QList<RegistryDelivery> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toLongLong()});
    return out;
}

Result<QList<OutboxItem>> OutboxRepository::select(const QString &tail, const QVariantList &binds)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(), QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM exchange_outbox ") + tail, binds);
    if (!q)
        return q.error();
    QList<OutboxItem> out;
    while (q->next())
        out << readItem(q.value());
    return out;
}

// --- inbound ------------------------------------------------------------------

Result<int> OutboxRepository::addOnlineApplications(const QList<OnlineApplicationRow> &rows)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto tx = Transaction::begin(conn.value());
    if (!tx)
        return tx.error();
    int added = 0;
    for (const OnlineApplicationRow &r : rows) {
        // ON CONFLICT DO NOTHING: the same portal application fetched twice (a
        // lost answer, a replayed marker) is stored once.
        auto q = exec(conn.value(),
                      QStringLiteral("INSERT INTO online_applications (portal_id, service_code, service_title, submitted_at, last_name, "
                                     "first_name, patronymic, rnokpp, phone, summary, received_ms, state) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new') ON CONFLICT (portal_id) DO NOTHING"),
                      {r.portalId, r.serviceCode, text(r.serviceTitle), r.submittedAt.toUTC().toString(Qt::ISODateWithMs), text(r.lastName),
                       text(r.firstName), text(r.patronymic), text(r.rnokpp), text(r.phone), text(r.summary), r.receivedMs});
        if (!q)
            return q.error();
        added += q->numRowsAffected() > 0 ? 1 : 0;
    }
    CNAP_TRY(tx->commit());
    return added;
}

Result<QList<OnlineApplicationRow>> OutboxRepository::onlineApplications(bool onlyNew, int limit)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(),
                  QStringLiteral("SELECT id, portal_id, service_code, service_title, submitted_at, last_name, first_name, patronymic, rnokpp, "
                                 "phone, summary, received_ms, state FROM online_applications ")
                      + (onlyNew ? QStringLiteral("WHERE state = 'new' ") : QString())
                      + QStringLiteral("ORDER BY submitted_at, id LIMIT ?"),
                  {limit});
    if (!q)
        return q.error();
    QList<OnlineApplicationRow> out;
    while (q->next()) {
        OnlineApplicationRow r;
        r.id = q->value(0).toLongLong();
        r.portalId = q->value(1).toString();
        r.serviceCode = q->value(2).toString();
        r.serviceTitle = q->value(3).toString();
        r.submittedAt = QDateTime::fromString(q->value(4).toString(), Qt::ISODateWithMs);
        r.lastName = q->value(5).toString();
        r.firstName = q->value(6).toString();
        r.patronymic = q->value(7).toString();
        r.rnokpp = q->value(8).toString();
        r.phone = q->value(9).toString();
        r.summary = q->value(10).toString();
        r.receivedMs = q->value(11).toLongLong();
        r.state = q->value(12).toString();
        out << r;
    }
    return out;
}

Status OutboxRepository::markOnlineApplicationTaken(qint64 id)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(), QStringLiteral("UPDATE online_applications SET state = 'taken' WHERE id = ? AND state = 'new'"), {id});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return Error::make(ErrorCode::Conflict, tr("онлайн-заяву №%1 уже взято в роботу або її немає").arg(id));
    return {};
}

Result<QString> OutboxRepository::cursor(const QString &name)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(), QStringLiteral("SELECT value FROM exchange_cursors WHERE name = ?"), {name});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}

Status OutboxRepository::setCursor(const QString &name, const QString &value)
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(),
                  QStringLiteral("INSERT INTO exchange_cursors (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value"),
                  {name, value});
    if (!q)
        return q.error();
    return {};
}

} // namespace cnap::storage
