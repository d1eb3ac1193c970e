#include "storage/ReportRepository.h"

#include "core/cases/CaseState.h"
#include "storage/Sql.h"

#include <QSqlRecord>

namespace cnap::storage {
namespace {

/// Placeholders "?, ?, ?" for an IN list of bound values.
QString placeholders(qsizetype n)
{
    QStringList p;
    for (qsizetype i = 0; i < n; ++i)
        p << QStringLiteral("?");
    return p.join(QStringLiteral(", "));
}

/// The elements of a PostgreSQL bigint[] in its text form ("{1,2,NULL}"; NULL
/// reads as 0).  Waits over a year ship as a few arrays instead of a million
/// rows: QPSQL's per-row cost, not the server, was half the report.
QList<qint64> bigintArray(const QString &text)
{
    QList<qint64> out;
    out.reserve(text.size() / 14);
    qint64 v = 0;
    bool neg = false, inElement = false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9') {
            v = v * 10 + (u - u'0');
            inElement = true;
        } else if (u == u',' || u == u'}') {
            if (inElement)
                out << (neg ? -v : v);
            v = 0;
            neg = inElement = false;
        } else if (u != u'{') {
            neg = neg || u == u'-';
            inElement = true;  // a sign, or the letters of NULL
        }
    }
    return out;
}

/// What a queue filter applies to: an issue event (aliased `e`), an event at a
/// desk (`e`), or a ticket row (`t`).  Issues and tickets carry no desk or
/// clerk: for those the desk and clerk filters ask whether the ticket was
/// called at that desk / by that clerk.
enum class FilterOn { IssueEvent, DeskEvent, Ticket };

void queueFilter(const reports::ReportFilter &f, FilterOn on, QString &sql, QVariantList &binds)
{
    const bool ticket = on == FilterOn::Ticket;
    const QString service = ticket ? QStringLiteral("t.issued_service_code") : QStringLiteral("e.service_code");
    const QString ticketId = ticket ? QStringLiteral("t.id") : QStringLiteral("e.ticket_id");
    if (!f.serviceCode.isEmpty()) {
        sql += QStringLiteral(" AND ") + service + QStringLiteral(" = ?");
        binds << f.serviceCode;
    }
    if (!f.provider.isEmpty()) {
        sql += QStringLiteral(" AND ") + service + QStringLiteral(" IN (SELECT s.code FROM services s WHERE s.provider_name = ?)");
        binds << f.provider;
    }
    for (const auto &[value, column] : {std::pair{f.desk, QStringLiteral("desk_name")}, std::pair{f.clerk, QStringLiteral("clerk")}}) {
        if (value.isEmpty())
            continue;
        if (on == FilterOn::DeskEvent)
            sql += QStringLiteral(" AND e.") + column + QStringLiteral(" = ?");
        else
            sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM queue_events c2 WHERE c2.ticket_id = ") + ticketId
                   + QStringLiteral(" AND c2.kind = 'called' AND c2.") + column + QStringLiteral(" = ?)");
        binds << value;
    }
}

/// Filter clauses on a case row aliased `c`: desk where it was registered, clerk who registered it.
void caseFilter(const reports::ReportFilter &f, QString &sql, QVariantList &binds)
{
    if (!f.serviceCode.isEmpty()) {
        sql += QStringLiteral(" AND c.service_code = ?");
        binds << f.serviceCode;
    }
    if (!f.provider.isEmpty()) {
        sql += QStringLiteral(" AND c.provider_name = ?");
        binds << f.provider;
    }
    if (!f.desk.isEmpty()) {
        sql += QStringLiteral(" AND c.desk = ?");
        binds << f.desk;
    }
    if (!f.clerk.isEmpty()) {
        sql += QStringLiteral(" AND c.registered_by = ?");
        binds << f.clerk;
    }
}

/// Rows of (service_code, count): names and providers come from the catalogue,
/// so the count is answered from an index on (time, service_code) alone.
Result<QList<CaseCount>> readCaseCounts(Result<QSqlQuery> q)
{
    if (!q)
        return q.error();
    QList<CaseCount> out;
    while (q->next())
        out.append({{}, q->value(0).toString(), {}, q->value(1).toLongLong()});
    return out;
}

QDate readDate(const QVariant &v)
{
    if (v.isNull())
        return {};
    if (v.typeId() == QMetaType::QDate)
        return v.toDate();
    return QDate::fromString(v.toString().left(10), Qt::ISODate);
}

Result<bool> exists(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    auto q = exec(db, sql, binds);
    if (!q)
        return q.error();
    return q->next();
}

} // namespace

ReportRepository::ReportRepository(QSqlDatabase db) : m_db(std::move(db)), m_pg(isPostgres(m_db)) {}

Result<bool> ReportRepository::serviceExists(const QString &code)
{
    return exists(m_db, QStringLiteral("SELECT 1 FROM services WHERE code = ? UNION ALL "
                                       "SELECT 1 FROM queue_group_services WHERE service_code = ?"), {code, code});
}

Result<bool> ReportRepository::providerExists(const QString &provider)
{
    return exists(m_db, QStringLiteral("SELECT 1 FROM services WHERE provider_name = ? LIMIT 1"), {provider});
}

Result<bool> ReportRepository::deskExists(const QString &name)
{
    return exists(m_db, QStringLiteral("SELECT 1 FROM queue_desks WHERE name = ?"), {name});
}

Result<bool> ReportRepository::clerkExists(const QString &login)
{
    return exists(m_db, QStringLiteral("SELECT 1 FROM users WHERE login = ?"), {login});
}

Result<bool> ReportRepository::tableExists(const QString &table)
{
    return m_db.tables().contains(table);
}

Result<QHash<QString, ServiceLabel>> ReportRepository::serviceLabels()
{
    QHash<QString, ServiceLabel> out;
    auto q = exec(m_db, QStringLiteral("SELECT service_code, service_name FROM queue_group_services"));
    if (!q)
        return q.error();
    while (q->next())
        out.insert(q->value(0).toString(), {q->value(1).toString(), {}});
    q = exec(m_db, QStringLiteral("SELECT code, name, provider_name FROM services"));
    if (!q)
        return q.error();
    while (q->next())
        out.insert(q->value(0).toString(), {q->value(1).toString(), q->value(2).toString()});
    return out;
}

Result<QList<KeyedCount>> ReportRepository::issuedByHour(const TimeRange &range, const reports::ReportFilter &filter)
{
    // Hour buckets in UTC: the local hour (with its summer time) is worked out
    // in C++ once, the same way for both backends.
    QString sql = QStringLiteral("SELECT e.service_code, e.at / 3600000, COUNT(*) FROM queue_events e "
                                 "WHERE e.kind = 'issued' AND e.at >= ? AND e.at < ?");
    QVariantList binds{range.fromMs, range.toMs};
    queueFilter(filter, FilterOn::IssueEvent, sql, binds);
    sql += QStringLiteral(" GROUP BY e.service_code, e.at / 3600000");
    auto q = exec(m_db, sql, binds);
    if (!q)
        return q.error();
    QList<KeyedCount> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toLongLong(), {}, q->value(2).toLongLong(), 0});
    return out;
}

Result<QList<KeyedCount>> ReportRepository::outcomeCounts(const TimeRange &range, const reports::ReportFilter &filter)
{
    QList<KeyedCount> out;
    // Issued tickets: desk and clerk through the call.
    {
        QString sql = QStringLiteral("SELECT e.service_code, COUNT(*) FROM queue_events e "
                                     "WHERE e.kind = 'issued' AND e.at >= ? AND e.at < ?");
        QVariantList binds{range.fromMs, range.toMs};
        queueFilter(filter, FilterOn::IssueEvent, sql, binds);
        sql += QStringLiteral(" GROUP BY e.service_code");
        auto q = exec(m_db, sql, binds);
        if (!q)
            return q.error();
        while (q->next())
            out.append({q->value(0).toString(), 0, QStringLiteral("issued"), q->value(1).toLongLong(), 0});
    }
    // What happened at the desk: the event's own desk and clerk.
    QString sql = QStringLiteral("SELECT e.service_code, e.kind, COUNT(*) FROM queue_events e "
                                 "WHERE e.kind IN ('no-show', 'redirected', 'returned', 'finished') AND e.at >= ? AND e.at < ?");
    QVariantList binds{range.fromMs, range.toMs};
    queueFilter(filter, FilterOn::DeskEvent, sql, binds);
    sql += QStringLiteral(" GROUP BY e.service_code, e.kind");
    auto q = exec(m_db, sql, binds);
    if (!q)
        return q.error();
    while (q->next())
        out.append({q->value(0).toString(), 0, q->value(1).toString(), q->value(2).toLongLong(), 0});
    return out;
}

template <std::size_t N, typename Take>
Result<bool> ReportRepository::forEachSample(const QString &service, const std::array<QString, N> &values,
                                             const QString &fromWhere, QVariantList binds, int limit, Take take)
{
    QString sql = QStringLiteral("SELECT ") + service;
    if (!m_pg) {
        // SQLite: a row per sample, read as it steps.
        for (const QString &v : values)
            sql += QStringLiteral(", ") + v;
        sql += fromWhere + QStringLiteral(" LIMIT ?");
        binds << limit + 1;
        auto q = exec(m_db, sql, binds);
        if (!q)
            return q.error();
        int seen = 0;
        std::array<qint64, N> sample{};
        while (q->next()) {
            if (++seen > limit)
                return false;
            for (std::size_t i = 0; i < N; ++i)
                sample[i] = q->value(static_cast<int>(i) + 1).toLongLong();
            take(q->value(0).toString(), sample);
        }
        return true;
    }
    // PostgreSQL: a row per service, its samples as aligned arrays (every
    // aggregate of a group sees its rows in one order).  A year is a million
    // samples; through QPSQL a row each, the per-row cost was half the report.
    sql += QStringLiteral(", COUNT(*)");
    for (const QString &v : values)
        sql += QStringLiteral(", array_agg(") + v + QLatin1Char(')');
    sql += fromWhere + QStringLiteral(" GROUP BY ") + service;
    auto q = exec(m_db, sql, binds);
    if (!q)
        return q.error();
    qint64 seen = 0;
    std::array<QList<qint64>, N> arrays;
    std::array<qint64, N> sample{};
    while (q->next()) {
        const qint64 count = q->value(1).toLongLong();
        seen += count;
        if (seen > limit)
            return false;
        for (std::size_t i = 0; i < N; ++i) {
            arrays[i] = bigintArray(q->value(static_cast<int>(i) + 2).toString());
            if (arrays[i].size() != count)
                return Error::make(ErrorCode::Internal, QStringLiteral("report samples: malformed array"));
        }
        const QString code = q->value(0).toString();
        for (qsizetype row = 0; row < count; ++row) {
            for (std::size_t i = 0; i < N; ++i)
                sample[i] = arrays[i].at(row);
            take(code, sample);
        }
    }
    return true;
}

Result<WaitSamples> ReportRepository::waitSamples(const TimeRange &range, const reports::ReportFilter &filter, int limit)
{
    WaitSamples out;
    QHash<QString, int> index;
    auto serviceIndex = [&](const QString &code) {
        auto it = index.constFind(code);
        if (it != index.constEnd())
            return it.value();
        const int i = static_cast<int>(out.serviceCodes.size());
        out.serviceCodes << code;
        index.insert(code, i);
        return i;
    };
    // Waits: the tickets issued in the range, each with its first call, from the
    // ticket rows themselves (migration 0520) through one covering index — not a
    // join of the period's issue and call events, which took 2.3–3.4 s for a year
    // on PostgreSQL (docs/performance.md "## Reports").
    QString where = QStringLiteral(" FROM queue_tickets t WHERE t.issued_at >= ? AND t.issued_at < ?");
    QVariantList binds{range.fromMs, range.toMs};
    queueFilter(filter, FilterOn::Ticket, where, binds);
    auto waits = forEachSample<2>(QStringLiteral("t.issued_service_code"),
                                  {QStringLiteral("t.issued_at"), QStringLiteral("COALESCE(t.first_called_at, 0)")}, where, binds,
                                  limit, [&](const QString &code, const std::array<qint64, 2> &v) {
                                      out.waits.append({serviceIndex(code), v[0], v[1]});
                                  });
    if (!waits)
        return waits.error();
    if (!waits.value()) {
        out.truncated = true;
        return out;
    }
    // Service durations: finished services in the range, from the event log.
    where = QStringLiteral(" FROM queue_events e WHERE e.kind = 'finished' AND e.duration_ms IS NOT NULL "
                           "AND e.at >= ? AND e.at < ?");
    binds = {range.fromMs, range.toMs};
    queueFilter(filter, FilterOn::DeskEvent, where, binds);
    auto durations = forEachSample<1>(QStringLiteral("e.service_code"), {QStringLiteral("e.duration_ms")}, where, binds, limit,
                                      [&](const QString &code, const std::array<qint64, 1> &v) {
                                          out.serviceDurationsMs.append({serviceIndex(code), v[0]});
                                      });
    if (!durations)
        return durations.error();
    out.truncated = !durations.value();
    return out;
}

Result<QList<queue::PauseInterval>> ReportRepository::pauses(qint64 fromMs, qint64 toMs, qint64 nowMs)
{
    // A wait that started before the period may reach back a day; take pauses from then.
    auto q = exec(m_db, QStringLiteral("SELECT started_at, COALESCE(ended_at, ?) FROM queue_centre_pauses "
                                       "WHERE started_at < ? AND COALESCE(ended_at, ?) > ? ORDER BY started_at"),
                  {nowMs, toMs + 86'400'000, nowMs, fromMs - 86'400'000});
    if (!q)
        return q.error();
    QList<queue::PauseInterval> out;
    while (q->next())
        out.append({q->value(0).toLongLong(), q->value(1).toLongLong()});
    return out;
}

Result<QList<CaseCount>> ReportRepository::casesRegistered(const TimeRange &range, const reports::ReportFilter &filter)
{
    QString sql = QStringLiteral("SELECT c.service_code, COUNT(*) FROM cases c WHERE c.registered_at >= ? AND c.registered_at < ?");
    QVariantList binds{range.fromUtc, range.toUtc};
    caseFilter(filter, sql, binds);
    sql += QStringLiteral(" GROUP BY c.service_code");
    return readCaseCounts(exec(m_db, sql, binds));
}

Result<QList<CaseCount>> ReportRepository::casesIssued(const TimeRange &range, const reports::ReportFilter &filter)
{
    QString sql = QStringLiteral("SELECT c.service_code, COUNT(*) FROM cases c "
                                 "WHERE c.issued_at IS NOT NULL AND c.issued_at >= ? AND c.issued_at < ?");
    QVariantList binds{range.fromUtc, range.toUtc};
    caseFilter(filter, sql, binds);
    sql += QStringLiteral(" GROUP BY c.service_code");
    return readCaseCounts(exec(m_db, sql, binds));
}

Result<QList<CaseCount>> ReportRepository::casesRefused(const TimeRange &range, const reports::ReportFilter &filter)
{
    QString sql = QStringLiteral("SELECT c.service_code, COUNT(DISTINCT c.id) "
                                 "FROM case_history h JOIN cases c ON c.id = h.case_id "
                                 "WHERE h.to_state = 'refused' AND h.at >= ? AND h.at < ?");
    QVariantList binds{range.fromUtc, range.toUtc};
    caseFilter(filter, sql, binds);
    sql += QStringLiteral(" GROUP BY c.service_code");
    return readCaseCounts(exec(m_db, sql, binds));
}

Result<QList<CaseCount>> ReportRepository::casesOverdue(const QDate &from, const QDate &before, const reports::ReportFilter &filter)
{
    const QStringList running = termRunningStateKeys();
    QString sql = QStringLiteral("SELECT c.service_code, COUNT(*) FROM cases c WHERE c.state IN (") + placeholders(running.size())
                  + QStringLiteral(") AND c.due_date >= ? AND c.due_date < ?");
    QVariantList binds;
    for (const QString &s : running)
        binds << s;
    binds << from << before;
    caseFilter(filter, sql, binds);
    sql += QStringLiteral(" GROUP BY c.service_code");
    return readCaseCounts(exec(m_db, sql, binds));
}

Result<QList<QPair<CaseCount, qint64>>> ReportRepository::decisionsOnTime(const TimeRange &range)
{
    // A decision is on time when it was taken on or before the due date (Art. 10
    // of Law 5203-IX: the term runs from registration to the decision).  The
    // history line's date in UTC, compared with the due date: both backends
    // cut the moment to its date the same way.
    const QString decisionDay = m_pg ? QStringLiteral("(h.at AT TIME ZONE 'UTC')::date")
                                     : QStringLiteral("substr(h.at, 1, 10)");
    const QString sql =
        QStringLiteral("SELECT c.service_code, COUNT(DISTINCT c.id), "
                       "COUNT(DISTINCT CASE WHEN ") + decisionDay + QStringLiteral(" <= c.due_date THEN c.id END) "
                       "FROM case_history h JOIN cases c ON c.id = h.case_id "
                       "WHERE h.to_state IN ('granted', 'refused', 'left-without-consideration') AND h.at >= ? AND h.at < ? "
                       "GROUP BY c.service_code");
    auto q = exec(m_db, sql, {range.fromUtc, range.toUtc});
    if (!q)
        return q.error();
    QList<QPair<CaseCount, qint64>> out;
    while (q->next())
        out.append({{{}, q->value(0).toString(), {}, q->value(1).toLongLong()}, q->value(2).toLongLong()});
    return out;
}

Result<QList<reports::DeadlineBucket>> ReportRepository::openCaseBuckets()
{
    const QStringList running = termRunningStateKeys();
    const QString regDay = m_pg ? QStringLiteral("(c.registered_at AT TIME ZONE 'UTC')::date")
                                : QStringLiteral("substr(c.registered_at, 1, 10)");
    const QString sql = QStringLiteral("SELECT c.provider_name, c.service_code, c.service_name, ") + regDay
                        + QStringLiteral(", c.due_date, COUNT(*) FROM cases c WHERE c.state IN (") + placeholders(running.size())
                        + QStringLiteral(") GROUP BY c.provider_name, c.service_code, c.service_name, ") + regDay
                        + QStringLiteral(", c.due_date");
    QVariantList binds;
    for (const QString &s : running)
        binds << s;
    auto q = exec(m_db, sql, binds);
    if (!q)
        return q.error();
    QList<reports::DeadlineBucket> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), readDate(q->value(3)),
                    readDate(q->value(4)), q->value(5).toLongLong()});
    return out;
}

Result<QList<DeadlineCase>> ReportRepository::openCases(const QString &provider, const QString &serviceCode, int limit)
{
    const QStringList running = termRunningStateKeys();
    QString sql = QStringLiteral("SELECT c.number, c.service_code, c.service_name, c.provider_name, c.state, c.registered_at, "
                                 "c.due_date FROM cases c WHERE c.state IN (") + placeholders(running.size())
                  + QStringLiteral(") AND c.provider_name = ?");
    QVariantList binds;
    for (const QString &s : running)
        binds << s;
    binds << provider;
    if (!serviceCode.isEmpty()) {
        sql += QStringLiteral(" AND c.service_code = ?");
        binds << serviceCode;
    }
    sql += QStringLiteral(" ORDER BY c.due_date, c.id LIMIT ?");
    binds << limit;
    auto q = exec(m_db, sql, binds);
    if (!q)
        return q.error();
    QList<DeadlineCase> out;
    while (q->next()) {
        QDateTime reg = q->value(5).toDateTime();
        if (!reg.isValid())
            reg = QDateTime::fromString(q->value(5).toString(), Qt::ISODateWithMs);
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
                    q->value(4).toString(), reg.toUTC().date(), readDate(q->value(6))});
    }
    return out;
}

Result<QList<KeyedCount>> ReportRepository::feedbackCounts(const TimeRange &range, const reports::ReportFilter &filter)
{
    QString sql = QStringLiteral("SELECT e.service_code, e.rating, COUNT(*), SUM(CASE WHEN e.comment <> '' THEN 1 ELSE 0 END) "
                                 "FROM feedback e WHERE e.submitted_at >= ? AND e.submitted_at < ?");
    QVariantList binds{range.fromMs, range.toMs};
    queueFilter(filter, FilterOn::DeskEvent, sql, binds);
    sql += QStringLiteral(" GROUP BY e.service_code, e.rating");
    auto q = exec(m_db, sql, binds);
    if (!q)
        return q.error();
    QList<KeyedCount> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toLongLong(), {}, q->value(2).toLongLong(), q->value(3).toLongLong()});
    return out;
}

Result<QList<ExchangeCount>> ReportRepository::exchangeCounts(const TimeRange &range)
{
    // The exchange layer's outbox (migration 0300): one row per registry
    // request, grouped by the registry service it goes to.  Retried: needed
    // more than one attempt; failed: still carries the last error.
    auto q = exec(m_db, QStringLiteral("SELECT service_code, state, COUNT(*), SUM(CASE WHEN attempts > 1 THEN 1 ELSE 0 END) "
                                       "FROM exchange_outbox WHERE created_ms >= ? AND created_ms < ? GROUP BY service_code, state"),
                  {range.fromMs, range.toMs});
    if (!q)
        return q.error();
    QHash<QString, int> index;
    QList<ExchangeCount> out;
    while (q->next()) {
        const QString registry = q->value(0).toString();
        if (!index.contains(registry)) {
            index.insert(registry, static_cast<int>(out.size()));
            out.append({registry, 0, 0, 0, 0});
        }
        ExchangeCount &c = out[index.value(registry)];
        const QString state = q->value(1).toString();
        const qint64 n = q->value(2).toLongLong();
        c.failed += q->value(3).toLongLong();
        if (state == QStringLiteral("done"))
            c.sent += n;
        else if (state == QStringLiteral("dead"))
            c.dead += n;
        else
            c.pending += n;
    }
    return out;
}

Result<QHash<QString, QList<double>>> ReportRepository::exchangeLatencies(const TimeRange &range)
{
    auto q = exec(m_db, QStringLiteral("SELECT service_code, done_ms - created_ms FROM exchange_outbox WHERE state = 'done' "
                                       "AND done_ms IS NOT NULL AND created_ms >= ? AND created_ms < ? LIMIT ?"),
                  {range.fromMs, range.toMs, kMaxSamples});
    if (!q)
        return q.error();
    QHash<QString, QList<double>> out;
    while (q->next())
        out[q->value(0).toString()].append(q->value(1).toDouble());
    return out;
}

Result<QList<DeskTiming>> ReportRepository::deskTimings()
{
    auto q = exec(m_db, QStringLiteral("SELECT d.name, d.state, d.clerk, d.updated_at, t.number, t.called_at FROM queue_desks d "
                                       "LEFT JOIN queue_tickets t ON t.id = d.current_ticket_id ORDER BY d.id"));
    if (!q)
        return q.error();
    QList<DeskTiming> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toLongLong(),
                    q->value(4).toString(), q->value(5).toLongLong()});
    return out;
}

namespace {

/// Multi-row INSERTs of `head` "(c1, .., cN) VALUES", 500 rows a statement (at
/// most 24 columns: 12,000 values, below both backends' limits), the full-size
/// statement prepared once.  `row(i, values)` fills row i's N values.
template <int N, typename Row>
Status insertBulk(const QSqlDatabase &db, const QString &head, qsizetype rows, Row row)
{
    static_assert(N <= 24);
    constexpr int kRows = 500;
    auto statement = [&](qsizetype n) {
        QString one = QStringLiteral("(?");
        for (int c = 1; c < N; ++c)
            one += QStringLiteral(", ?");
        one += QLatin1Char(')');
        QString sql = head;
        for (qsizetype i = 0; i < n; ++i)
            sql += (i ? QStringLiteral(", ") : QStringLiteral(" ")) + one;
        return sql;
    };
    QSqlQuery full(db);
    bool fullPrepared = false;
    std::array<QVariant, N> values;
    for (qsizetype start = 0; start < rows; start += kRows) {
        const qsizetype n = std::min<qsizetype>(kRows, rows - start);
        QSqlQuery tail(db);
        QSqlQuery *q = &full;
        if (n == kRows) {
            if (!fullPrepared) {
                if (!full.prepare(statement(kRows)))
                    return sqlError(full, QStringLiteral("bulk insert"));
                fullPrepared = true;
            }
        } else {
            if (!tail.prepare(statement(n)))
                return sqlError(tail, QStringLiteral("bulk insert"));
            q = &tail;
        }
        int pos = 0;
        for (qsizetype i = start; i < start + n; ++i) {
            row(i, values);
            for (const QVariant &v : values) {
                // An empty QString is '' (the text columns are NOT NULL); a null variant stays NULL.
                const bool emptyText = !v.isNull() && v.typeId() == QMetaType::QString && v.toString().isNull();
                q->bindValue(pos++, emptyText ? QVariant(QStringLiteral("")) : v);
            }
        }
        if (!q->exec())
            return sqlError(*q, QStringLiteral("bulk insert"));
    }
    return {};
}

} // namespace

Status ReportRepository::insertEventsBulk(const QList<queue::QueueEvent> &events)
{
    return insertBulk<11>(m_db, QStringLiteral("INSERT INTO queue_events (at, kind, ticket_id, ticket_number, queue_id, service_code, "
                                               "desk_id, desk_name, clerk, duration_ms, detail) VALUES"),
                          events.size(), [&](qsizetype i, std::array<QVariant, 11> &v) {
                              const queue::QueueEvent &e = events.at(i);
                              v = {e.atMs, e.kind, positiveOrNull(e.ticketId), e.ticketNumber, positiveOrNull(e.queueId), e.serviceCode,
                                   positiveOrNull(e.deskId), e.deskName, e.clerk,
                                   orNull(e.durationMs), e.detail};
                          });
}

Status ReportRepository::insertTicketsBulk(const QList<queue::Ticket> &tickets)
{
    // Explicit ids: PostgreSQL's identity column takes them only when told to.
    const QString head = QStringLiteral("INSERT INTO queue_tickets (id, service_day, queue_id, number, kind, call_rank, service_code, "
                                        "issued_service_code, services, state, issued_at, sort_at, callable_from, desk_id, clerk, "
                                        "called_at, first_called_at, started_at, finished_at, outcome) ")
                         + (m_pg ? QStringLiteral("OVERRIDING SYSTEM VALUE VALUES") : QStringLiteral("VALUES"));
    CNAP_TRY(insertBulk<20>(m_db, head, tickets.size(), [&](qsizetype i, std::array<QVariant, 20> &v) {
        const queue::Ticket &t = tickets.at(i);
        v = {t.id, t.serviceDay, t.queueId, t.number, queue::kindKey(t.kind), queue::callRank(t.kind), t.serviceCode,
             t.serviceCode, t.services.join(u','), queue::stateKey(t.state), t.issuedAtMs, t.sortAtMs, t.callableFromMs,
             positiveOrNull(t.deskId), t.clerk, positiveOrNull(t.calledAtMs), positiveOrNull(t.calledAtMs), positiveOrNull(t.startedAtMs),
             positiveOrNull(t.finishedAtMs), t.outcome ? QVariant(queue::outcomeKey(*t.outcome)) : QVariant(QMetaType(QMetaType::QString))};
    }));
    if (!m_pg)
        return {};
    auto q = exec(m_db, QStringLiteral("SELECT setval(pg_get_serial_sequence('queue_tickets', 'id'), "
                                       "(SELECT COALESCE(MAX(id), 1) FROM queue_tickets))"));
    if (!q)
        return q.error();
    return {};
}

} // namespace cnap::storage
