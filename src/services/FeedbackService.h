#pragma once

// Applicants rate a visit 1–5 on the feedback screen or the kiosk.  The rating
// is tied to the visit (the ticket), never to the person: nothing that
// identifies the applicant is asked for or stored.

#include "core/Clock.h"
#include "core/Result.h"
#include "core/security/Access.h"
#include "storage/Database.h"

namespace cnap::services {

struct FeedbackSubmission final {
    QString ticketNumber;   ///< today's ticket, e.g. "А-012"
    int rating = 0;         ///< 1 (bad) … 5 (excellent)
    QString comment;        ///< optional, at most kMaxCommentLength characters
};

/// The visit a feedback screen offers to rate.
struct FeedbackVisitInfo final {
    QString ticketNumber;
    QString serviceCode;
    QString deskName;
};

class FeedbackService final {
public:
    static constexpr int kMaxCommentLength = 500;
    /// How long after the visit the screen at its desk still offers it.
    static constexpr qint64 kDeskOfferSecs = 15 * 60;

    explicit FeedbackService(storage::DatabasePtr db, const Clock &clock = Clock::system());

    /// Rating and comment are well-formed (fields "rating", "comment", "ticket").
    [[nodiscard]] static Status validate(const FeedbackSubmission &submission);
    /// Stores the rating of a finished visit of today (Permission::FeedbackSubmit).
    /// One rating per visit; a visit not yet finished cannot be rated.
    [[nodiscard]] Status submit(const Actor &actor, const FeedbackSubmission &submission);
    /// The visit just finished at `deskName` and not yet rated, for a screen at that desk.
    [[nodiscard]] Result<std::optional<FeedbackVisitInfo>> pendingAtDesk(const Actor &actor, const QString &deskName);

private:
    storage::DatabasePtr m_db;
    const Clock &m_clock;
};

} // namespace cnap::services
