#include "storage/JournalRepository.h"

#include "storage/Sql.h"

#include <QCoreApplication>

namespace cnap::storage {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::storage::JournalRepository", s); }
} // namespace

Result<qint64> JournalRepository::reserve(const QString &journal, int year, qint64 count)
{
    if (count < 1)
        return Error::invalid(QStringLiteral("count"), tr("кількість номерів має бути додатною"));
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = execOne(conn.value(),
                     QStringLiteral("INSERT INTO case_journals (journal, year, last_seq) VALUES (?, ?, ?) "
                                    "ON CONFLICT (journal, year) DO UPDATE SET last_seq = case_journals.last_seq + excluded.last_seq "
                                    "RETURNING last_seq"),
                     {journal, year, count});
    if (!q)
        return q.error();
    return q->value(0).toLongLong() - count + 1;
}

Result<QList<JournalRepository::Counter>> JournalRepository::counters()
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto q = exec(conn.value(), QStringLiteral("SELECT journal, year, last_seq FROM case_journals ORDER BY journal, year"));
    if (!q)
        return q.error();
    QList<Counter> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toInt(), q->value(2).toLongLong()});
    return out;
}

Result<QStringList> JournalRepository::verify()
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    // Both sides of the comparison in one statement, so a registration
    // committing in between cannot produce a false alarm.
    auto q = exec(conn.value(), QStringLiteral(
        "SELECT j.journal, j.year, j.last_seq, COALESCE(c.n, 0), COALESCE(c.lo, 0), COALESCE(c.hi, 0) "
        "FROM case_journals j LEFT JOIN ("
        "  SELECT journal, year, COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi FROM cases GROUP BY journal, year"
        ") c ON c.journal = j.journal AND c.year = j.year "
        "UNION ALL "
        "SELECT c.journal, c.year, -1, COUNT(*), MIN(c.seq), MAX(c.seq) FROM cases c "
        "WHERE NOT EXISTS (SELECT 1 FROM case_journals j WHERE j.journal = c.journal AND j.year = c.year) "
        "GROUP BY c.journal, c.year"));
    if (!q)
        return q.error();
    QStringList problems;
    while (q->next()) {
        const QString journal = q->value(0).toString();
        const int year = q->value(1).toInt();
        const qint64 last = q->value(2).toLongLong();
        const qint64 n = q->value(3).toLongLong();
        const qint64 lo = q->value(4).toLongLong();
        const qint64 hi = q->value(5).toLongLong();
        if (last < 0) {
            problems << tr("журнал %1/%2: %3 справ без лічильника журналу").arg(journal).arg(year).arg(n);
            continue;
        }
        // seq is unique per journal and year, so count == last and max == last
        // together mean exactly 1..last are used.
        if (n != last || (n > 0 && (lo != 1 || hi != last)))
            problems << tr("журнал %1/%2: лічильник %3, а справ %4 (номери %5–%6) — у нумерації є пропуски")
                            .arg(journal).arg(year).arg(last).arg(n).arg(lo).arg(hi);
    }
    return problems;
}

} // namespace cnap::storage
