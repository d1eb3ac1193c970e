#include "storage/QueueRepository.h"

#include "storage/Sql.h"


#include <QSqlRecord>

namespace cnap::storage {

using namespace cnap::queue;

namespace {

// Columns read into a Ticket, in this order (SELECT lists and RETURNING).
const QString kTicketColumns = QStringLiteral(
    "id, service_day, queue_id, number, kind, category_key, service_code, services, state, issued_at, sort_at, "
    "callable_from, target_desk_id, desk_id, clerk, called_at, started_at, finished_at, recalls, outcome, booking_id");

Ticket readTicket(const QSqlQuery &q)
{
    Ticket t;
    t.id = q.value(0).toLongLong();
    t.serviceDay = q.value(1).toString();
    t.queueId = q.value(2).toLongLong();
    t.number = q.value(3).toString();
    t.kind = kindFromKey(q.value(4).toString()).valueOr(TicketKind::Regular);
    t.categoryKey = q.value(5).toString();
    t.serviceCode = q.value(6).toString();
    t.services = q.value(7).toString().split(u',', Qt::SkipEmptyParts);
    t.state = stateFromKey(q.value(8).toString()).valueOr(TicketState::Cancelled);
    t.issuedAtMs = q.value(9).toLongLong();
    t.sortAtMs = q.value(10).toLongLong();
    t.callableFromMs = q.value(11).toLongLong();
    t.targetDeskId = q.value(12).toLongLong();
    t.deskId = q.value(13).toLongLong();
    t.clerk = q.value(14).toString();
    t.calledAtMs = q.value(15).toLongLong();
    t.startedAtMs = q.value(16).toLongLong();
    t.finishedAtMs = q.value(17).toLongLong();
    t.recalls = q.value(18).toInt();
    if (!q.value(19).isNull()) {
        if (auto o = outcomeFromKey(q.value(19).toString()))
            t.outcome = o.value();
    }
    t.bookingId = q.value(20).toLongLong();
    return t;
}

// Qt binds a null QString as SQL NULL; NOT NULL text columns get '' instead.
QVariant text(const QString &s) { return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s); }

// The desk (SQL expression `desk`, used three times; no reference to t) serves
// the ticket's service on the ticket's day: by the supervisor's reassignment for
// that day if the desk has one (queue_desk_day_services, migration 0510), else by
// its usual set.  Uncorrelated IN lists, so PostgreSQL hashes each once per
// statement, as it did the usual set alone: a 20,000-ticket backlog the desk does
// not serve scans in 7.6 ms against 7.1 ms before (a correlated EXISTS form: 164 ms).
QString deskServesOnDay(const QString &desk)
{
    return QStringLiteral("((t.service_code IN (SELECT ds.service_code FROM queue_desk_services ds WHERE ds.desk_id = %1) "
                          "AND t.service_day NOT IN (SELECT o.service_day FROM queue_desk_day_services o WHERE o.desk_id = %1)) "
                          "OR (t.service_code, t.service_day) IN (SELECT o.service_code, o.service_day FROM queue_desk_day_services o "
                          "WHERE o.desk_id = %1))")
        .arg(desk);
}

// The desk may serve the ticket: redirected to it, or the ticket's service is one
// of the desk's that day.  Binds the desk id five times.
const QString kDeskMayServe = QStringLiteral(
    "(t.target_desk_id IS NULL OR t.target_desk_id = ?) "
    "AND (t.target_desk_id = ? OR ") + deskServesOnDay(QStringLiteral("?")) + QStringLiteral(")");
} // namespace

QueueRepository::QueueRepository(QSqlDatabase db) : m_db(std::move(db)), m_pg(isPostgres(m_db)) {}

// --- configuration -----------------------------------------------------------

Result<QList<QueueGroup>> QueueRepository::groups()
{
    auto q = exec(m_db, QStringLiteral("SELECT g.id, g.prefix, g.name, g.position, s.service_code FROM queue_groups g "
                                       "LEFT JOIN queue_group_services s ON s.queue_id = g.id ORDER BY g.position, g.prefix, s.service_code"));
    if (!q)
        return q.error();
    QList<QueueGroup> out;
    while (q->next()) {
        const qint64 id = q->value(0).toLongLong();
        if (out.isEmpty() || out.last().id != id) {
            QueueGroup g;
            g.id = id;
            g.prefix = q->value(1).toString();
            g.name = q->value(2).toString();
            g.position = q->value(3).toInt();
            out << g;
        }
        if (!q->value(4).isNull())
            out.last().serviceCodes << q->value(4).toString();
    }
    return out;
}

Result<std::optional<QueueGroup>> QueueRepository::groupByPrefix(const QString &prefix)
{
    auto all = groups();
    if (!all)
        return all.error();
    for (const QueueGroup &g : all.value()) {
        if (g.prefix == prefix)
            return std::optional<QueueGroup>(g);
    }
    return std::optional<QueueGroup>();
}

Result<qint64> QueueRepository::upsertGroup(const QString &prefix, const QString &name, int position)
{
    auto q = execOne(m_db, QStringLiteral("INSERT INTO queue_groups (prefix, name, position) VALUES (?, ?, ?) "
                                          "ON CONFLICT (prefix) DO UPDATE SET name = excluded.name, position = excluded.position "
                                          "RETURNING id"),
                     {prefix, name, position});
    if (!q)
        return q.error();
    return q->value(0).toLongLong();
}

namespace {
QueueServiceEntry readService(const QSqlQuery &q)
{
    QueueServiceEntry e;
    e.code = q.value(0).toString();
    e.queueId = q.value(1).toLongLong();
    e.name = q.value(2).toString();
    e.rules.slotMinutes = q.value(3).toInt();
    e.rules.opens = QTime::fromString(q.value(4).toString(), QStringLiteral("HH:mm"));
    e.rules.closes = QTime::fromString(q.value(5).toString(), QStringLiteral("HH:mm"));
    e.rules.horizonDays = q.value(6).toInt();
    e.rules.perPersonCap = q.value(7).toInt();
    e.rules.slotCapacity = q.value(8).toInt();
    return e;
}
const QString kServiceColumns = QStringLiteral(
    "service_code, queue_id, service_name, slot_minutes, opens, closes, horizon_days, per_person_cap, slot_capacity");
} // namespace

Result<QList<QueueServiceEntry>> QueueRepository::services()
{
    auto q = exec(m_db, QStringLiteral("SELECT ") + kServiceColumns + QStringLiteral(" FROM queue_group_services ORDER BY service_code"));
    if (!q)
        return q.error();
    QList<QueueServiceEntry> out;
    while (q->next())
        out << readService(q.value());
    return out;
}

Result<std::optional<QueueServiceEntry>> QueueRepository::service(const QString &code)
{
    auto q = exec(m_db, QStringLiteral("SELECT ") + kServiceColumns + QStringLiteral(" FROM queue_group_services WHERE service_code = ?"), {code});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<QueueServiceEntry>();
    return std::optional<QueueServiceEntry>(readService(q.value()));
}

Status QueueRepository::upsertService(const QueueServiceEntry &e)
{
    auto q = exec(m_db, QStringLiteral("INSERT INTO queue_group_services (") + kServiceColumns +
                            QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (service_code) DO UPDATE SET "
                                           "queue_id = excluded.queue_id, service_name = excluded.service_name, "
                                           "slot_minutes = excluded.slot_minutes, opens = excluded.opens, closes = excluded.closes, "
                                           "horizon_days = excluded.horizon_days, per_person_cap = excluded.per_person_cap, "
                                           "slot_capacity = excluded.slot_capacity"),
                  {e.code, e.queueId, text(e.name), e.rules.slotMinutes, e.rules.opens.toString(QStringLiteral("HH:mm")),
                   e.rules.closes.toString(QStringLiteral("HH:mm")), e.rules.horizonDays, e.rules.perPersonCap,
                   e.rules.slotCapacity});
    if (!q)
        return q.error();
    return {};
}

namespace {
const QString kDeskColumns = QStringLiteral("id, name, state, clerk, current_ticket_id, priority_streak");
Desk readDesk(const QSqlQuery &q)
{
    Desk d;
    d.id = q.value(0).toLongLong();
    d.name = q.value(1).toString();
    d.state = deskStateFromKey(q.value(2).toString()).valueOr(DeskState::Closed);
    d.clerk = q.value(3).toString();
    d.currentTicketId = q.value(4).toLongLong();
    d.priorityStreak = q.value(5).toInt();
    return d;
}
} // namespace

Result<QList<Desk>> QueueRepository::desks()
{
    auto q = exec(m_db, QStringLiteral("SELECT ") + kDeskColumns + QStringLiteral(" FROM queue_desks"));
    if (!q)
        return q.error();
    QList<Desk> out;
    QHash<qint64, qsizetype> index;
    while (q->next()) {
        index.insert(q->value(0).toLongLong(), out.size());
        out << readDesk(q.value());
    }
    auto s = exec(m_db, QStringLiteral("SELECT desk_id, service_code FROM queue_desk_services ORDER BY service_code"));
    if (!s)
        return s.error();
    while (s->next()) {
        const auto it = index.constFind(s->value(0).toLongLong());
        if (it != index.cend())
            out[it.value()].serviceCodes << s->value(1).toString();
    }
    // Desks are named "1", "2", … "10": order them as people count.
    std::sort(out.begin(), out.end(), [](const Desk &a, const Desk &b) {
        bool okA = false, okB = false;
        const int na = a.name.toInt(&okA), nb = b.name.toInt(&okB);
        if (okA && okB)
            return na < nb;
        if (okA != okB)
            return okA;
        return a.name < b.name;
    });
    return out;
}

Result<std::optional<Desk>> QueueRepository::deskByName(const QString &name, bool lock)
{
    QString sql = QStringLiteral("SELECT ") + kDeskColumns + QStringLiteral(" FROM queue_desks WHERE name = ?");
    if (lock && m_pg)
        sql += QStringLiteral(" FOR UPDATE");
    auto q = exec(m_db, sql, {name});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Desk>();
    Desk d = readDesk(q.value());
    auto s = exec(m_db, QStringLiteral("SELECT service_code FROM queue_desk_services WHERE desk_id = ? ORDER BY service_code"), {d.id});
    if (!s)
        return s.error();
    while (s->next())
        d.serviceCodes << s->value(0).toString();
    return std::optional<Desk>(d);
}

Result<std::optional<Desk>> QueueRepository::deskById(qint64 id)
{
    auto q = exec(m_db, QStringLiteral("SELECT name FROM queue_desks WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Desk>();
    return deskByName(q->value(0).toString());
}

Result<qint64> QueueRepository::upsertDesk(const QString &name, const QStringList &serviceCodes, qint64 nowMs)
{
    auto q = execOne(m_db, QStringLiteral("INSERT INTO queue_desks (name, updated_at) VALUES (?, ?) "
                                          "ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at RETURNING id"),
                     {name, nowMs});
    if (!q)
        return q.error();
    const qint64 id = q->value(0).toLongLong();
    if (auto d = exec(m_db, QStringLiteral("DELETE FROM queue_desk_services WHERE desk_id = ?"), {id}); !d)
        return d.error();
    for (const QString &code : serviceCodes) {
        if (auto i = exec(m_db, QStringLiteral("INSERT INTO queue_desk_services (desk_id, service_code) VALUES (?, ?)"), {id, code}); !i)
            return i.error();
    }
    return id;
}

Status QueueRepository::setDeskState(qint64 deskId, DeskState state, const QString &clerk, qint64 nowMs)
{
    auto q = exec(m_db, QStringLiteral("UPDATE queue_desks SET state = ?, clerk = ?, updated_at = ? WHERE id = ?"),
                  {deskStateKey(state), text(clerk), nowMs, deskId});
    if (!q)
        return q.error();
    return {};
}

Status QueueRepository::setDeskCurrent(qint64 deskId, qint64 ticketId, int priorityStreak, qint64 nowMs)
{
    auto q = execCached(m_db, QStringLiteral("UPDATE queue_desks SET current_ticket_id = ?, priority_streak = ?, updated_at = ? WHERE id = ?"),
                  {positiveOrNull(ticketId), priorityStreak, nowMs, deskId});
    if (!q)
        return q.error();
    return {};
}

Result<QList<PriorityCategory>> QueueRepository::categories()
{
    auto q = exec(m_db, QStringLiteral("SELECT key, name, proof FROM queue_priority_categories WHERE active = 1 ORDER BY position, key"));
    if (!q)
        return q.error();
    QList<PriorityCategory> out;
    while (q->next())
        out << PriorityCategory{q->value(0).toString(), q->value(1).toString(), q->value(2).toString()};
    return out;
}

Status QueueRepository::upsertCategory(const PriorityCategory &c, int position)
{
    auto q = exec(m_db, QStringLiteral("INSERT INTO queue_priority_categories (key, name, proof, position, active) VALUES (?, ?, ?, ?, 1) "
                                       "ON CONFLICT (key) DO UPDATE SET name = excluded.name, proof = excluded.proof, "
                                       "position = excluded.position, active = 1"),
                  {c.key, c.name, c.proof, position});
    if (!q)
        return q.error();
    return {};
}

Result<QHash<QString, QString>> QueueRepository::settings(const QString &prefix)
{
    auto q = exec(m_db, QStringLiteral("SELECT key, value FROM centre_settings WHERE substr(key, 1, ?) = ?"),
                  {prefix.size(), prefix});
    if (!q)
        return q.error();
    QHash<QString, QString> out;
    while (q->next())
        out.insert(q->value(0).toString(), q->value(1).toString());
    return out;
}

Status QueueRepository::setSetting(const QString &key, const QString &value, const QString &updatedAt)
{
    auto q = exec(m_db, QStringLiteral("INSERT INTO centre_settings (key, value, updated_at) VALUES (?, ?, ?) "
                                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"),
                  {key, value, updatedAt});
    if (!q)
        return q.error();
    return {};
}

Result<QString> QueueRepository::ensureSetting(const QString &key, const QString &value, const QString &updatedAt)
{
    auto q = exec(m_db, QStringLiteral("INSERT INTO centre_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING"),
                  {key, value, updatedAt});
    if (!q)
        return q.error();
    auto r = execOne(m_db, QStringLiteral("SELECT value FROM centre_settings WHERE key = ?"), {key});
    if (!r)
        return r.error();
    return r->value(0).toString();
}

// --- tickets -------------------------------------------------------------------

Result<int> QueueRepository::nextNumber(qint64 queueId, const QString &day, const QString &series)
{
    auto q = execOne(m_db, QStringLiteral("INSERT INTO queue_counters (queue_id, service_day, series, last_number) VALUES (?, ?, ?, 1) "
                                          "ON CONFLICT (queue_id, service_day, series) DO UPDATE SET last_number = queue_counters.last_number + 1 "
                                          "RETURNING last_number"),
                     {queueId, day, series});
    if (!q)
        return q.error();
    return q->value(0).toInt();
}

Result<qint64> QueueRepository::insertTicket(const Ticket &t, const QString &source)
{
    return insertReturningId(
        m_db,
        QStringLiteral("INSERT INTO queue_tickets (service_day, queue_id, number, kind, call_rank, category_key, service_code, "
                       "issued_service_code, services, state, issued_at, sort_at, callable_from, target_desk_id, booking_id, source) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?, ?, ?, ?)"),
        {t.serviceDay, t.queueId, t.number, kindKey(t.kind), callRank(t.kind),
         t.categoryKey.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(t.categoryKey), t.serviceCode, t.serviceCode,
         t.services.join(u','), t.issuedAtMs, t.sortAtMs, t.callableFromMs, positiveOrNull(t.targetDeskId),
         positiveOrNull(t.bookingId), text(source)});
}

Status QueueRepository::insertWaitingBulk(qint64 queueId, const QString &prefix, const QString &serviceCode, const QString &day,
                                          int count, qint64 firstIssuedMs)
{
    if (!m_pg)
        return Error::make(ErrorCode::Unsupported, QStringLiteral("bulk ticket insert needs PostgreSQL"));
    auto first = execOne(m_db, QStringLiteral("INSERT INTO queue_counters (queue_id, service_day, series, last_number) VALUES (?, ?, 'R', ?) "
                                              "ON CONFLICT (queue_id, service_day, series) DO UPDATE SET last_number = queue_counters.last_number + ? "
                                              "RETURNING last_number - ? + 1"),
                         {queueId, day, count, count, count});
    if (!first)
        return first.error();
    auto ins = exec(m_db, QStringLiteral("WITH t AS (INSERT INTO queue_tickets (service_day, queue_id, number, kind, call_rank, service_code, "
                                         "issued_service_code, services, state, issued_at, sort_at, callable_from, source) "
                                         "SELECT ?, ?, ? || '-' || lpad(s.n::text, greatest(3, length(s.n::text)), '0'), 'regular', 2, ?, ?, ?, "
                                         "'waiting', s.at, s.at, s.at, 'bulk' "
                                         "FROM (SELECT ?::bigint + g AS n, ?::bigint + g AS at FROM generate_series(0, ? - 1) AS g) AS s "
                                         "RETURNING id, number, issued_at) "
                                         "INSERT INTO queue_events (at, kind, ticket_id, ticket_number, queue_id, service_code, detail) "
                                         "SELECT issued_at, 'issued', id, number, ?, ?, 'bulk' FROM t"),
                    {day, queueId, prefix, serviceCode, serviceCode, serviceCode, first->value(0).toLongLong(), firstIssuedMs, count, queueId,
                     serviceCode});
    if (!ins)
        return ins.error();
    return {};
}

Result<std::optional<Ticket>> QueueRepository::ticket(qint64 id)
{
    auto q = execCached(m_db, QStringLiteral("SELECT ") + kTicketColumns + QStringLiteral(" FROM queue_tickets WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Ticket>();
    return std::optional<Ticket>(readTicket(q->query()));
}

Result<std::optional<Ticket>> QueueRepository::ticketByNumber(const QString &day, const QString &number)
{
    auto q = exec(m_db, QStringLiteral("SELECT ") + kTicketColumns + QStringLiteral(" FROM queue_tickets WHERE service_day = ? AND number = ?"),
                  {day, number});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Ticket>();
    return std::optional<Ticket>(readTicket(q.value()));
}

Result<std::optional<Ticket>> QueueRepository::claimNext(qint64 deskId, const QString &day, qint64 nowMs,
                                                         const QString &clerk, bool allowPriority,
                                                         const QString &onlyService)
{
    // One statement: pick (index walk over the waiting partial index) and mark in
    // the same UPDATE.  On PostgreSQL rows another desk is claiming right now are
    // skipped, not waited for; the outer "state = 'waiting'" re-check makes a row
    // that changed under us fall out rather than be taken twice.  SQLite has no
    // row locks: the caller's BEGIN IMMEDIATE serialises writers.
    const QString lockClause = m_pg ? QStringLiteral(" FOR UPDATE SKIP LOCKED") : QString();
    const QString sql =
        QStringLiteral("UPDATE queue_tickets SET state = 'called', desk_id = ?, clerk = ?, called_at = ?, "
                       "first_called_at = COALESCE(first_called_at, ?), recalls = 0, target_desk_id = NULL WHERE id = (SELECT t.id FROM queue_tickets t "
                       "WHERE t.state = 'waiting' AND t.service_day = ? AND t.callable_from <= ? "
                       "AND (t.call_rank <> 1 OR ? = 1) AND (? = '' OR t.service_code = ?) AND ")
        + kDeskMayServe + QStringLiteral(" ORDER BY t.call_rank, t.sort_at, t.id LIMIT 1") + lockClause
        + QStringLiteral(") AND state = 'waiting' RETURNING ") + kTicketColumns;
    auto q = execCached(m_db, sql, {deskId, text(clerk), nowMs, nowMs, day, nowMs, allowPriority ? 1 : 0, text(onlyService), text(onlyService), deskId, deskId, deskId, deskId, deskId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Ticket>();
    return std::optional<Ticket>(readTicket(q->query()));
}

Result<std::optional<QueueRepository::DeskContext>> QueueRepository::deskContext(const QString &name)
{
    QString sql = QStringLiteral("SELECT d.id, d.name, d.state, d.clerk, d.current_ticket_id, d.priority_streak, t.number, t.state, "
                                 "(SELECT p.reason FROM queue_centre_pauses p WHERE p.ended_at IS NULL) "
                                 "FROM queue_desks d LEFT JOIN queue_tickets t ON t.id = d.current_ticket_id AND t.desk_id = d.id "
                                 "WHERE d.name = ?");
    if (m_pg)
        sql += QStringLiteral(" FOR UPDATE OF d");
    auto q = execCached(m_db, sql, {name});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<DeskContext>();
    DeskContext c;
    c.desk = readDesk(q->query());
    c.currentNumber = q->value(6).toString();
    if (!q->value(7).isNull())
        c.currentState = stateFromKey(q->value(7).toString()).valueOr(TicketState::Cancelled);
    c.centrePaused = !q->value(8).isNull();
    c.pauseReason = q->value(8).toString();
    return std::optional<DeskContext>(c);
}

Result<std::optional<Ticket>> QueueRepository::claimAndRecord(const Desk &desk, const QString &day, qint64 nowMs, const QString &clerk,
                                                              bool allowPriority, const QString &onlyService)
{
    if (!m_pg) {
        auto t = claimNext(desk.id, day, nowMs, clerk, allowPriority, onlyService);
        if (!t || !t.value())
            return t;
        CNAP_TRY(setDeskCurrent(desk.id, t.value()->id, nextPriorityStreak(desk.priorityStreak, t.value()->kind), nowMs));
        QueueEvent e{0, nowMs, eventKey(EventKind::Called), t.value()->id, t.value()->number, t.value()->queueId,
                     t.value()->serviceCode, desk.id, desk.name, clerk, std::nullopt, {}};
        CNAP_TRY(appendEvent(e));
        return t;
    }
    // One round trip for the whole call: the claim, the desk and the log.  All
    // data-modifying CTEs run even though the outer SELECT reads only the claim.
    const QString sql =
        QStringLiteral("WITH c AS (UPDATE queue_tickets SET state = 'called', desk_id = ?, clerk = ?, called_at = ?, "
                       "first_called_at = COALESCE(first_called_at, ?), recalls = 0, target_desk_id = NULL WHERE id = (SELECT t.id FROM queue_tickets t "
                       "WHERE t.state = 'waiting' AND t.service_day = ? AND t.callable_from <= ? "
                       "AND (t.call_rank <> 1 OR ? = 1) AND (? = '' OR t.service_code = ?) AND ")
        + kDeskMayServe
        + QStringLiteral(" ORDER BY t.call_rank, t.sort_at, t.id LIMIT 1 FOR UPDATE SKIP LOCKED) AND state = 'waiting' RETURNING ")
        + kTicketColumns
        + QStringLiteral("), d AS (UPDATE queue_desks SET current_ticket_id = c.id, "
                         "priority_streak = CASE WHEN c.kind = 'priority' THEN ? ELSE 0 END, updated_at = ? FROM c WHERE queue_desks.id = ?), "
                         "e AS (INSERT INTO queue_events (at, kind, ticket_id, ticket_number, queue_id, service_code, desk_id, desk_name, clerk) "
                         "SELECT ?, 'called', c.id, c.number, c.queue_id, c.service_code, ?, ?, ? FROM c) "
                         "SELECT ") + kTicketColumns + QStringLiteral(" FROM c");
    auto q = execCached(m_db, sql,
                  {desk.id, text(clerk), nowMs, nowMs, day, nowMs, allowPriority ? 1 : 0, text(onlyService), text(onlyService), desk.id,
                   desk.id, desk.id, desk.id, desk.id, desk.priorityStreak + 1, nowMs, desk.id, nowMs, desk.id, text(desk.name), text(clerk)});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Ticket>();
    return std::optional<Ticket>(readTicket(q->query()));
}

Result<std::optional<Ticket>> QueueRepository::fastCall(const QString &deskName, const QString &day, qint64 nowMs,
                                                        const QString &clerk, int maxStreak)
{
    if (!m_pg)
        return std::optional<Ticket>();
    // dk locks the desk row first (a second session of the same desk waits here
    // and then finds it busy), c claims, d points the desk at the ticket, e logs.
    const QString sql =
        QStringLiteral("WITH dk AS (SELECT id, name, priority_streak FROM queue_desks WHERE name = ? AND state = 'open' "
                       "AND current_ticket_id IS NULL AND priority_streak < ? "
                       "AND NOT EXISTS (SELECT 1 FROM queue_centre_pauses WHERE ended_at IS NULL) FOR UPDATE), "
                       "c AS (UPDATE queue_tickets SET state = 'called', desk_id = (SELECT id FROM dk), clerk = ?, called_at = ?, "
                       "first_called_at = COALESCE(first_called_at, ?), recalls = 0, target_desk_id = NULL WHERE id = (SELECT t.id FROM queue_tickets t, dk "
                       "WHERE t.state = 'waiting' AND t.service_day = ? AND t.callable_from <= ? "
                       "AND (t.target_desk_id IS NULL OR t.target_desk_id = dk.id) "
                       "AND (t.target_desk_id = dk.id OR ") + deskServesOnDay(QStringLiteral("(SELECT id FROM dk)")) + QStringLiteral(") "
                       "ORDER BY t.call_rank, t.sort_at, t.id LIMIT 1 FOR UPDATE OF t SKIP LOCKED) AND state = 'waiting' RETURNING ")
        + kTicketColumns
        + QStringLiteral("), d AS (UPDATE queue_desks SET current_ticket_id = c.id, "
                         "priority_streak = CASE WHEN c.kind = 'priority' THEN dk.priority_streak + 1 ELSE 0 END, updated_at = ? "
                         "FROM c, dk WHERE queue_desks.id = dk.id), "
                         "e AS (INSERT INTO queue_events (at, kind, ticket_id, ticket_number, queue_id, service_code, desk_id, desk_name, clerk) "
                         "SELECT ?, 'called', c.id, c.number, c.queue_id, c.service_code, dk.id, dk.name, ? FROM c, dk) "
                         "SELECT ") + kTicketColumns + QStringLiteral(" FROM c");
    auto q = execCached(m_db, sql, {deskName, maxStreak, text(clerk), nowMs, nowMs, day, nowMs, nowMs, nowMs, text(clerk)});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Ticket>();
    return std::optional<Ticket>(readTicket(q->query()));
}

Result<std::optional<Ticket>> QueueRepository::fastFinish(const QString &deskName, qint64 nowMs, Outcome outcome, const QString &clerk)
{
    if (!m_pg)
        return std::optional<Ticket>();
    const QString sql =
        QStringLiteral("WITH dk AS (SELECT id, name, current_ticket_id FROM queue_desks WHERE name = ? AND current_ticket_id IS NOT NULL FOR UPDATE), "
                       "f AS (UPDATE queue_tickets SET state = 'finished', finished_at = ?, outcome = ?, "
                       "started_at = COALESCE(started_at, called_at) FROM dk WHERE queue_tickets.id = dk.current_ticket_id "
                       "AND queue_tickets.desk_id = dk.id AND queue_tickets.state IN ('called', 'serving') RETURNING ")
        + QString(kTicketColumns).replace(QStringLiteral("id, service_day"), QStringLiteral("queue_tickets.id, service_day"))
                                   .replace(QStringLiteral(", desk_id, clerk"), QStringLiteral(", queue_tickets.desk_id, queue_tickets.clerk"))
        + QStringLiteral("), d AS (UPDATE queue_desks SET current_ticket_id = NULL, updated_at = ? FROM f, dk WHERE queue_desks.id = dk.id), "
                         "e AS (INSERT INTO queue_events (at, kind, ticket_id, ticket_number, queue_id, service_code, desk_id, desk_name, "
                         "clerk, duration_ms, detail) SELECT ?, 'finished', f.id, f.number, f.queue_id, f.service_code, dk.id, dk.name, ?, "
                         "GREATEST(0, ? - f.started_at), ? FROM f, dk) SELECT ") + kTicketColumns + QStringLiteral(" FROM f");
    auto q = execCached(m_db, sql, {deskName, nowMs, outcomeKey(outcome), nowMs, nowMs, text(clerk), nowMs, outcomeKey(outcome)});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Ticket>();
    return std::optional<Ticket>(readTicket(q->query()));
}

Status QueueRepository::announceCall()
{
    if (!m_pg)
        return {};
    // set_config(..., true) lasts until the end of this implicit transaction, its commit included.
    auto q = execCached(m_db, QStringLiteral("SELECT set_config('synchronous_commit', 'off', true), pg_notify('cnap_queue', ?)"),
                        {QStringLiteral("called")});
    if (!q)
        return q.error();
    return {};
}

Result<std::optional<Ticket>> QueueRepository::finishAndRecord(const Desk &desk, qint64 nowMs, Outcome outcome, const QString &clerk)
{
    if (!m_pg) {
        auto t = ticket(desk.currentTicketId);
        if (!t || !t.value())
            return t;
        CNAP_TRY(markFinished(t.value()->id, nowMs, outcome));
        CNAP_TRY(setDeskCurrent(desk.id, 0, desk.priorityStreak, nowMs));
        const qint64 from = t.value()->startedAtMs > 0 ? t.value()->startedAtMs : t.value()->calledAtMs;
        QueueEvent e{0, nowMs, eventKey(EventKind::Finished), t.value()->id, t.value()->number, t.value()->queueId,
                     t.value()->serviceCode, desk.id, desk.name, clerk, std::max<qint64>(0, nowMs - from), outcomeKey(outcome)};
        CNAP_TRY(appendEvent(e));
        t.value()->state = TicketState::Finished;
        t.value()->finishedAtMs = nowMs;
        t.value()->outcome = outcome;
        return t;
    }
    const QString sql =
        QStringLiteral("WITH f AS (UPDATE queue_tickets SET state = 'finished', finished_at = ?, outcome = ?, "
                       "started_at = COALESCE(started_at, called_at) WHERE id = ? AND desk_id = ? AND state IN ('called', 'serving') "
                       "RETURNING ") + kTicketColumns
        + QStringLiteral("), d AS (UPDATE queue_desks SET current_ticket_id = NULL, updated_at = ? FROM f WHERE queue_desks.id = ?), "
                         "e AS (INSERT INTO queue_events (at, kind, ticket_id, ticket_number, queue_id, service_code, desk_id, desk_name, "
                         "clerk, duration_ms, detail) SELECT ?, 'finished', f.id, f.number, f.queue_id, f.service_code, ?, ?, ?, "
                         "GREATEST(0, ? - f.started_at), ? FROM f) SELECT ") + kTicketColumns + QStringLiteral(" FROM f");
    auto q = execCached(m_db, sql,
                  {nowMs, outcomeKey(outcome), desk.currentTicketId, desk.id, nowMs, desk.id, nowMs, desk.id, text(desk.name),
                   text(clerk), nowMs, outcomeKey(outcome)});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Ticket>();
    return std::optional<Ticket>(readTicket(q->query()));
}

Result<std::optional<qint64>> QueueRepository::oldestRegularSortAt(qint64 deskId, const QString &day, qint64 nowMs)
{
    auto q = exec(m_db, QStringLiteral("SELECT MIN(t.sort_at) FROM queue_tickets t WHERE t.state = 'waiting' AND t.service_day = ? "
                                       "AND t.call_rank = 2 AND t.callable_from <= ? AND ") + kDeskMayServe,
                  {day, nowMs, deskId, deskId, deskId, deskId, deskId});
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(q->value(0).toLongLong());
}

Status QueueRepository::markStarted(qint64 ticketId, qint64 nowMs)
{
    auto q = exec(m_db, QStringLiteral("UPDATE queue_tickets SET state = 'serving', started_at = ? WHERE id = ?"), {nowMs, ticketId});
    if (!q)
        return q.error();
    return {};
}

Status QueueRepository::markFinished(qint64 ticketId, qint64 nowMs, Outcome outcome)
{
    auto q = execCached(m_db, QStringLiteral("UPDATE queue_tickets SET state = 'finished', finished_at = ?, outcome = ?, "
                                       "started_at = COALESCE(started_at, called_at) WHERE id = ?"),
                  {nowMs, outcomeKey(outcome), ticketId});
    if (!q)
        return q.error();
    return {};
}

Status QueueRepository::markNoShow(qint64 ticketId, qint64 nowMs)
{
    auto q = exec(m_db, QStringLiteral("UPDATE queue_tickets SET state = 'no_show', finished_at = ? WHERE id = ?"), {nowMs, ticketId});
    if (!q)
        return q.error();
    return {};
}

Status QueueRepository::markRecalled(qint64 ticketId, qint64 nowMs)
{
    auto q = exec(m_db, QStringLiteral("UPDATE queue_tickets SET recalls = recalls + 1, called_at = ? WHERE id = ?"), {nowMs, ticketId});
    if (!q)
        return q.error();
    return {};
}

Status QueueRepository::requeue(qint64 ticketId, qint64 queueId, const QString &serviceCode, qint64 targetDeskId, qint64 callableFromMs)
{
    auto q = exec(m_db, QStringLiteral("UPDATE queue_tickets SET state = 'waiting', queue_id = ?, service_code = ?, target_desk_id = ?, "
                                       "callable_from = ?, desk_id = NULL, clerk = '', called_at = NULL, started_at = NULL, "
                                       "finished_at = NULL, recalls = 0, outcome = NULL WHERE id = ?"),
                  {queueId, serviceCode, positiveOrNull(targetDeskId), callableFromMs, ticketId});
    if (!q)
        return q.error();
    return {};
}

Status QueueRepository::demoteToRegular(qint64 ticketId)
{
    auto q = exec(m_db, QStringLiteral("UPDATE queue_tickets SET kind = 'regular', call_rank = 2, category_key = NULL WHERE id = ?"), {ticketId});
    if (!q)
        return q.error();
    return {};
}

Result<int> QueueRepository::ticketsAhead(const Ticket &t, qint64 nowMs)
{
    auto q = execOne(m_db, QStringLiteral("SELECT COUNT(*) FROM queue_tickets WHERE state = 'waiting' AND service_day = ? AND queue_id = ? "
                                          "AND callable_from <= ? AND id <> ? AND (call_rank < ? OR (call_rank = ? AND (sort_at < ? OR (sort_at = ? AND id < ?))))"),
                     {t.serviceDay, t.queueId, nowMs, t.id, callRank(t.kind), callRank(t.kind), t.sortAtMs, t.sortAtMs, t.id});
    if (!q)
        return q.error();
    return q->value(0).toInt();
}

// --- priority limit ------------------------------------------------------------

Result<bool> QueueRepository::priorityUsed(const QString &day, const QString &serviceCode, const QString &personHash)
{
    auto q = exec(m_db, QStringLiteral("SELECT 1 FROM queue_priority_uses WHERE service_day = ? AND service_code = ? AND person_hash = ?"),
                  {day, serviceCode, personHash});
    if (!q)
        return q.error();
    return q->next();
}

Result<qint64> QueueRepository::priorityUseTicket(const QString &day, const QString &serviceCode, const QString &personHash)
{
    auto q = exec(m_db, QStringLiteral("SELECT ticket_id FROM queue_priority_uses WHERE service_day = ? AND service_code = ? AND person_hash = ?"),
                  {day, serviceCode, personHash});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : qint64(0);
}

Status QueueRepository::recordPriorityUse(const QString &day, const QString &serviceCode, const QString &personHash,
                                          const QString &categoryKey, qint64 ticketId)
{
    auto q = exec(m_db, QStringLiteral("INSERT INTO queue_priority_uses (service_day, service_code, person_hash, category_key, ticket_id) "
                                       "VALUES (?, ?, ?, ?, ?)"),
                  {day, serviceCode, personHash, categoryKey, ticketId});
    if (!q)
        return q.error();
    return {};
}

// --- bookings --------------------------------------------------------------------

Status QueueRepository::lockServiceForBooking(const QString &serviceCode)
{
    if (!m_pg)
        return {};
    auto q = exec(m_db, QStringLiteral("SELECT 1 FROM queue_group_services WHERE service_code = ? FOR UPDATE"), {serviceCode});
    if (!q)
        return q.error();
    return {};
}

Result<int> QueueRepository::bookingsAtSlot(const QString &serviceCode, qint64 slotAtMs)
{
    auto q = execOne(m_db, QStringLiteral("SELECT COUNT(*) FROM queue_bookings WHERE service_code = ? AND slot_at = ? AND state <> 'cancelled'"),
                     {serviceCode, slotAtMs});
    if (!q)
        return q.error();
    return q->value(0).toInt();
}

Result<int> QueueRepository::activeBookingsOfPerson(const QString &serviceCode, const QString &personHash, qint64 nowMs)
{
    auto q = execOne(m_db, QStringLiteral("SELECT COUNT(*) FROM queue_bookings WHERE service_code = ? AND person_hash = ? "
                                          "AND state = 'booked' AND slot_at >= ?"),
                     {serviceCode, personHash, nowMs});
    if (!q)
        return q.error();
    return q->value(0).toInt();
}

Result<qint64> QueueRepository::insertBooking(const Booking &b, const QString &slotDay, const QString &personHash, qint64 nowMs)
{
    return insertReturningId(m_db,
                             QStringLiteral("INSERT INTO queue_bookings (code, service_code, slot_at, slot_day, person_hash, state, created_at) "
                                            "VALUES (?, ?, ?, ?, ?, 'booked', ?)"),
                             {b.code, b.serviceCode, b.slotAtMs, slotDay, personHash, nowMs});
}

Result<std::optional<Booking>> QueueRepository::bookingByCode(const QString &code, bool lock)
{
    QString sql = QStringLiteral("SELECT id, code, service_code, slot_at, state, ticket_id FROM queue_bookings WHERE code = ?");
    if (lock && m_pg)
        sql += QStringLiteral(" FOR UPDATE");
    auto q = exec(m_db, sql, {code});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Booking>();
    Booking b;
    b.id = q->value(0).toLongLong();
    b.code = q->value(1).toString();
    b.serviceCode = q->value(2).toString();
    b.slotAtMs = q->value(3).toLongLong();
    b.state = q->value(4).toString();
    b.ticketId = q->value(5).toLongLong();
    return std::optional<Booking>(b);
}

Result<QList<qint64>> QueueRepository::bookedSlots(const QString &serviceCode, qint64 fromMs, qint64 toMs)
{
    auto q = exec(m_db, QStringLiteral("SELECT slot_at FROM queue_bookings WHERE service_code = ? AND slot_at >= ? AND slot_at < ? "
                                       "AND state <> 'cancelled' ORDER BY slot_at"),
                  {serviceCode, fromMs, toMs});
    if (!q)
        return q.error();
    QList<qint64> out;
    while (q->next())
        out << q->value(0).toLongLong();
    return out;
}

Status QueueRepository::setBookingState(qint64 bookingId, const QString &state, qint64 ticketId)
{
    auto q = exec(m_db, QStringLiteral("UPDATE queue_bookings SET state = ?, ticket_id = ? WHERE id = ?"),
                  {state, positiveOrNull(ticketId), bookingId});
    if (!q)
        return q.error();
    return {};
}

// --- centre pauses ---------------------------------------------------------------

Result<std::optional<std::pair<PauseInterval, QString>>> QueueRepository::openPause()
{
    auto q = exec(m_db, QStringLiteral("SELECT started_at, reason FROM queue_centre_pauses WHERE ended_at IS NULL"));
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<std::pair<PauseInterval, QString>>();
    return std::optional<std::pair<PauseInterval, QString>>(std::pair{PauseInterval{q->value(0).toLongLong(), 0}, q->value(1).toString()});
}

Status QueueRepository::startPause(qint64 nowMs, const QString &reason, const QString &by)
{
    auto q = exec(m_db, QStringLiteral("INSERT INTO queue_centre_pauses (started_at, reason, started_by) VALUES (?, ?, ?)"), {nowMs, text(reason), text(by)});
    if (!q)
        return q.error();
    return {};
}

Status QueueRepository::endPause(qint64 nowMs, const QString &by)
{
    auto q = exec(m_db, QStringLiteral("UPDATE queue_centre_pauses SET ended_at = ?, ended_by = ? WHERE ended_at IS NULL"), {nowMs, text(by)});
    if (!q)
        return q.error();
    return {};
}

Result<QList<PauseInterval>> QueueRepository::pausesSince(qint64 sinceMs)
{
    auto q = exec(m_db, QStringLiteral("SELECT started_at, ended_at FROM queue_centre_pauses WHERE ended_at IS NULL OR ended_at > ? ORDER BY started_at"),
                  {sinceMs});
    if (!q)
        return q.error();
    QList<PauseInterval> out;
    while (q->next())
        out << PauseInterval{q->value(0).toLongLong(), q->value(1).toLongLong()};
    return out;
}

// --- events and statistics -------------------------------------------------------

Status QueueRepository::appendEvent(const QueueEvent &e)
{
    auto q = execCached(m_db, QStringLiteral("INSERT INTO queue_events (at, kind, ticket_id, ticket_number, queue_id, service_code, desk_id, "
                                       "desk_name, clerk, duration_ms, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                  {e.atMs, e.kind, positiveOrNull(e.ticketId), text(e.ticketNumber), positiveOrNull(e.queueId), text(e.serviceCode), positiveOrNull(e.deskId),
                   text(e.deskName), text(e.clerk), orNull(e.durationMs), text(e.detail)});
    if (!q)
        return q.error();
    return {};
}

Result<QList<QueueEvent>> QueueRepository::events(qint64 afterId, int limit)
{
    auto q = exec(m_db, QStringLiteral("SELECT id, at, kind, ticket_id, ticket_number, queue_id, service_code, desk_id, desk_name, clerk, "
                                       "duration_ms, detail FROM queue_events WHERE id > ? ORDER BY id LIMIT ?"),
                  {afterId, limit});
    if (!q)
        return q.error();
    QList<QueueEvent> out;
    while (q->next()) {
        QueueEvent e;
        e.id = q->value(0).toLongLong();
        e.atMs = q->value(1).toLongLong();
        e.kind = q->value(2).toString();
        e.ticketId = q->value(3).toLongLong();
        e.ticketNumber = q->value(4).toString();
        e.queueId = q->value(5).toLongLong();
        e.serviceCode = q->value(6).toString();
        e.deskId = q->value(7).toLongLong();
        e.deskName = q->value(8).toString();
        e.clerk = q->value(9).toString();
        if (!q->value(10).isNull())
            e.durationMs = q->value(10).toLongLong();
        e.detail = q->value(11).toString();
        out << e;
    }
    return out;
}

Result<qint64> QueueRepository::revision()
{
    auto q = execOne(m_db, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM queue_events"));
    if (!q)
        return q.error();
    return q->value(0).toLongLong();
}

Result<QList<QueueRepository::QueueCounts>> QueueRepository::queueCounts(const QString &day)
{
    auto q = exec(m_db,
                  QStringLiteral("SELECT g.id, g.prefix, g.name, "
                                 "(SELECT COUNT(*) FROM queue_tickets t WHERE t.queue_id = g.id AND t.service_day = ? AND t.state = 'waiting'), "
                                 "(SELECT MIN(t.sort_at) FROM queue_tickets t WHERE t.queue_id = g.id AND t.service_day = ? AND t.state = 'waiting'), "
                                 "(SELECT COUNT(*) FROM queue_tickets t WHERE t.queue_id = g.id AND t.service_day = ?), "
                                 "(SELECT COUNT(DISTINCT d.id) FROM queue_desks d JOIN (SELECT x.desk_id, x.service_code FROM queue_desk_services x "
                                 " WHERE NOT EXISTS (SELECT 1 FROM queue_desk_day_services o WHERE o.desk_id = x.desk_id AND o.service_day = ?) "
                                 " UNION ALL SELECT desk_id, service_code FROM queue_desk_day_services WHERE service_day = ?) ds ON ds.desk_id = d.id "
                                 " JOIN queue_group_services gs ON gs.service_code = ds.service_code WHERE gs.queue_id = g.id AND d.state = 'open') "
                                 "FROM queue_groups g ORDER BY g.position, g.prefix"),
                  {day, day, day, day, day});
    if (!q)
        return q.error();
    QList<QueueCounts> out;
    while (q->next()) {
        QueueCounts c;
        c.queueId = q->value(0).toLongLong();
        c.prefix = q->value(1).toString();
        c.name = q->value(2).toString();
        c.waiting = q->value(3).toInt();
        c.oldestSortAt = q->value(4).toLongLong();
        c.issued = q->value(5).toInt();
        c.openDesks = q->value(6).toInt();
        out << c;
    }
    return out;
}

Result<QList<qint64>> QueueRepository::recentServiceDurations(qint64 queueId, qint64 sinceMs, int limit)
{
    auto q = exec(m_db, QStringLiteral("SELECT duration_ms FROM queue_events WHERE queue_id = ? AND kind = 'finished' AND at >= ? "
                                       "AND duration_ms IS NOT NULL ORDER BY at DESC LIMIT ?"),
                  {queueId, sinceMs, limit});
    if (!q)
        return q.error();
    QList<qint64> out;
    while (q->next())
        out << q->value(0).toLongLong();
    return out;
}

Result<QList<CallNotice>> QueueRepository::recentCalls(qint64 sinceMs, int limit)
{
    auto q = exec(m_db, QStringLiteral("SELECT ticket_number, desk_name, at, kind FROM queue_events WHERE kind IN ('called', 'recalled') "
                                       "AND at >= ? ORDER BY id DESC LIMIT ?"),
                  {sinceMs, limit});
    if (!q)
        return q.error();
    QList<CallNotice> out;
    while (q->next())
        out << CallNotice{q->value(0).toString(), q->value(1).toString(), q->value(2).toLongLong(),
                          q->value(3).toString() == QStringLiteral("recalled")};
    return out;
}

Result<QHash<qint64, std::pair<QString, TicketState>>> QueueRepository::currentTickets()
{
    auto q = exec(m_db, QStringLiteral("SELECT d.id, t.number, t.state FROM queue_desks d JOIN queue_tickets t ON t.id = d.current_ticket_id"));
    if (!q)
        return q.error();
    QHash<qint64, std::pair<QString, TicketState>> out;
    while (q->next())
        out.insert(q->value(0).toLongLong(), {q->value(1).toString(), stateFromKey(q->value(2).toString()).valueOr(TicketState::Waiting)});
    return out;
}

// --- reassignment for a day ----------------------------------------------------

Result<QHash<qint64, QStringList>> QueueRepository::dayServices(const QString &day)
{
    auto q = exec(m_db, QStringLiteral("SELECT desk_id, service_code FROM queue_desk_day_services WHERE service_day = ? "
                                       "ORDER BY desk_id, service_code"),
                  {day});
    if (!q)
        return q.error();
    QHash<qint64, QStringList> out;
    while (q->next())
        out[q->value(0).toLongLong()] << q->value(1).toString();
    return out;
}

Status QueueRepository::setDayServices(qint64 deskId, const QString &day, const QStringList &serviceCodes, const QString &by,
                                       qint64 nowMs)
{
    // Earlier days' rows of the desk no longer apply; they go with the new set.
    if (auto d = exec(m_db, QStringLiteral("DELETE FROM queue_desk_day_services WHERE desk_id = ? AND service_day <= ?"), {deskId, day}); !d)
        return d.error();
    for (const QString &code : serviceCodes) {
        if (auto i = exec(m_db, QStringLiteral("INSERT INTO queue_desk_day_services (desk_id, service_day, service_code, set_by, set_at) "
                                               "VALUES (?, ?, ?, ?, ?)"),
                          {deskId, day, code, text(by), nowMs});
            !i)
            return i.error();
    }
    return {};
}

} // namespace cnap::storage
