#include "storage/FeedbackRepository.h"

#include "storage/Sql.h"

namespace cnap::storage {
namespace {

const QString kVisitColumns = QStringLiteral(
    "t.id, t.number, t.service_day, t.state, t.service_code, COALESCE(d.name, ''), t.clerk, COALESCE(t.finished_at, 0) "
    "FROM queue_tickets t LEFT JOIN queue_desks d ON d.id = t.desk_id ");

FeedbackVisit readVisit(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(),   q.value(5).toString(), q.value(6).toString(), q.value(7).toLongLong()};
}

} // namespace

Result<std::optional<FeedbackVisit>> FeedbackRepository::visit(const QString &serviceDay, const QString &ticketNumber)
{
    auto q = exec(m_db, QStringLiteral("SELECT ") + kVisitColumns + QStringLiteral("WHERE t.service_day = ? AND t.number = ?"),
                  {serviceDay, ticketNumber});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<FeedbackVisit>();
    return std::optional<FeedbackVisit>(readVisit(q.value()));
}

Result<std::optional<FeedbackVisit>> FeedbackRepository::lastFinishedAtDesk(const QString &deskName, qint64 sinceMs)
{
    auto q = exec(m_db, QStringLiteral("SELECT ") + kVisitColumns
                            + QStringLiteral("WHERE d.name = ? AND t.state = 'finished' AND t.finished_at >= ? "
                                             "AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.ticket_id = t.id) "
                                             "ORDER BY t.finished_at DESC, t.id DESC LIMIT 1"),
                  {deskName, sinceMs});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<FeedbackVisit>();
    return std::optional<FeedbackVisit>(readVisit(q.value()));
}

Result<qint64> FeedbackRepository::insert(const FeedbackRecord &r)
{
    return insertReturningId(m_db,
                             QStringLiteral("INSERT INTO feedback (submitted_at, service_day, ticket_id, ticket_number, service_code, "
                                            "desk_name, clerk, rating, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                             {r.submittedAtMs, r.visit.serviceDay, r.visit.ticketId, r.visit.ticketNumber, r.visit.serviceCode,
                              r.visit.deskName, r.visit.clerk, r.rating, r.comment.isNull() ? QStringLiteral("") : r.comment});
}

Result<qint64> FeedbackRepository::count()
{
    auto q = execOne(m_db, QStringLiteral("SELECT COUNT(*) FROM feedback"));
    if (!q)
        return q.error();
    return q->value(0).toLongLong();
}

} // namespace cnap::storage
