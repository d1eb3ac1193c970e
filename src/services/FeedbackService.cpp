#include "services/FeedbackService.h"

#include "storage/FeedbackRepository.h"
#include "storage/Sql.h"

#include <QCoreApplication>

namespace cnap::services {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::services::FeedbackService", s); }

} // namespace

FeedbackService::FeedbackService(storage::DatabasePtr db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

Status FeedbackService::validate(const FeedbackSubmission &s)
{
    if (s.ticketNumber.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("ticket"), tr("вкажіть номер талона з вашого візиту"));
    if (s.rating < 1 || s.rating > 5)
        return Error::invalid(QStringLiteral("rating"), tr("оцінка має бути від 1 до 5"));
    if (s.comment.size() > kMaxCommentLength)
        return Error::invalid(QStringLiteral("comment"), tr("коментар довший за %1 символів").arg(kMaxCommentLength));
    return {};
}

Status FeedbackService::submit(const Actor &actor, const FeedbackSubmission &submission)
{
    CNAP_TRY(require(actor, Permission::FeedbackSubmit));
    CNAP_TRY(validate(submission));
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    storage::FeedbackRepository repo(conn.value());
    const QString day = m_clock.today().toString(Qt::ISODate);
    const QString number = submission.ticketNumber.trimmed().toUpper();
    auto visit = repo.visit(day, number);
    if (!visit)
        return visit.error();
    if (!visit.value())
        return Error::invalid(QStringLiteral("ticket"), tr("талона %1 сьогодні не видавали").arg(number));
    if (visit.value()->state != QStringLiteral("finished"))
        return Error::invalid(QStringLiteral("ticket"), tr("візит за талоном %1 ще не завершено: оцінити можна після обслуговування").arg(number));
    storage::FeedbackRecord record;
    record.submittedAtMs = m_clock.now().toMSecsSinceEpoch();
    record.visit = *visit.value();
    record.rating = submission.rating;
    record.comment = submission.comment.trimmed();
    auto id = repo.insert(record);
    if (!id) {
        if (id.error().code == ErrorCode::AlreadyExists)
            return Error{ErrorCode::AlreadyExists, tr("цей візит уже оцінено — дякуємо!"), QStringLiteral("ticket")};
        return id.error();
    }
    return {};
}

Result<std::optional<FeedbackVisitInfo>> FeedbackService::pendingAtDesk(const Actor &actor, const QString &deskName)
{
    CNAP_TRY(require(actor, Permission::FeedbackSubmit));
    if (deskName.isEmpty())
        return std::optional<FeedbackVisitInfo>();
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    storage::FeedbackRepository repo(conn.value());
    auto v = repo.lastFinishedAtDesk(deskName, m_clock.now().toMSecsSinceEpoch() - kDeskOfferSecs * 1000);
    if (!v)
        return v.error();
    if (!v.value())
        return std::optional<FeedbackVisitInfo>();
    return std::optional<FeedbackVisitInfo>(FeedbackVisitInfo{v.value()->ticketNumber, v.value()->serviceCode, v.value()->deskName});
}

} // namespace cnap::services
