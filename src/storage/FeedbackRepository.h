#pragma once

// Applicants' ratings of visits (migration 0500).  A rating is stored with the
// visit's ticket, service, desk and clerk and nothing that names a person.

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace cnap::storage {

/// The visit a rating is for: a ticket of the day as the queue stored it.
struct FeedbackVisit final {
    qint64 ticketId = 0;
    QString ticketNumber;
    QString serviceDay;
    QString state;          ///< queue ticket state key
    QString serviceCode;
    QString deskName;
    QString clerk;
    qint64 finishedAtMs = 0;
};

struct FeedbackRecord final {
    qint64 submittedAtMs = 0;
    FeedbackVisit visit;
    int rating = 0;
    QString comment;
};

class FeedbackRepository final {
public:
    explicit FeedbackRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// A ticket of `serviceDay` by its number.
    [[nodiscard]] Result<std::optional<FeedbackVisit>> visit(const QString &serviceDay, const QString &ticketNumber);
    /// The visit most recently finished at a desk since `sinceMs` (a screen at the desk offers it).
    [[nodiscard]] Result<std::optional<FeedbackVisit>> lastFinishedAtDesk(const QString &deskName, qint64 sinceMs);
    /// Stores a rating; AlreadyExists when the visit has one.
    [[nodiscard]] Result<qint64> insert(const FeedbackRecord &record);
    [[nodiscard]] Result<qint64> count();

private:
    QSqlDatabase m_db;
};

} // namespace cnap::storage
