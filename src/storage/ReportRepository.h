#pragma once

// All SQL of the reports, the supervisor's live view and deadline control.
// Counts are grouped in the database; what must be the same on both backends
// and cannot be written the same way in both dialects (local hours, percentiles,
// shares of a term) comes back as small grouped sets or bounded samples and is
// finished in C++ (services/ReportService.cpp, core/reports/).  Read-only.

#include "core/Result.h"
#include "core/queue/QueueModel.h"
#include "core/queue/QueuePolicy.h"
#include "core/reports/Report.h"
#include "core/reports/Supervision.h"

#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>

#include <array>

namespace cnap::storage {

/// A period as the database stores time: epoch ms for the queue, UTC moments
/// for cases, dates for due dates.  End exclusive.
struct TimeRange final {
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QDateTime fromUtc;
    QDateTime toUtc;
};

struct ServiceLabel final {
    QString name;
    QString provider;
};

/// A count keyed by service and one more label (hour bucket, event kind, rating …).
struct KeyedCount final {
    QString serviceCode;
    qint64 key = 0;        ///< UTC hour bucket (epoch ms / 3 600 000) or rating
    QString label;         ///< event kind, or empty
    qint64 count = 0;
    qint64 extra = 0;      ///< e.g. ratings with a comment
};

/// Issue and first call of one ticket (epoch ms); calledMs 0 when never called.
struct WaitSample final {
    int service = 0;       ///< index into the sample set's service codes
    qint64 issuedMs = 0;
    qint64 calledMs = 0;
};

struct WaitSamples final {
    QStringList serviceCodes;
    QList<WaitSample> waits;
    QList<QPair<int, qint64>> serviceDurationsMs;  ///< (service index, duration) of finished services
    bool truncated = false;
};

/// A count of cases per service (provider and name filled in by the service from the catalogue).
struct CaseCount final {
    QString provider;
    QString serviceCode;
    QString serviceName;
    qint64 count = 0;
};

/// A case in the deadline drill-down: no applicant data.
struct DeadlineCase final {
    QString number;
    QString serviceCode;
    QString serviceName;
    QString provider;
    QString state;
    QDate registered;
    QDate due;
};

struct DeskTiming final {
    QString name;
    QString state;          ///< "open", "paused", "closed"
    QString clerk;
    qint64 updatedAtMs = 0;
    QString ticket;
    qint64 calledAtMs = 0;
};

/// One line of the exchange report, per registry service.
struct ExchangeCount final {
    QString registry;
    qint64 sent = 0;      ///< delivered (state done)
    qint64 failed = 0;    ///< needed more than one attempt
    qint64 dead = 0;      ///< dead letters
    qint64 pending = 0;   ///< pending or in flight
};

class ReportRepository final {
public:
    explicit ReportRepository(QSqlDatabase db);

    /// Most samples one waits report fetches; beyond it the report is refused
    /// (narrow the period) rather than silently computed on a part.
    static constexpr int kMaxSamples = 3'000'000;

    // --- filters: does the name exist? ------------------------------------------
    [[nodiscard]] Result<bool> serviceExists(const QString &code);
    [[nodiscard]] Result<bool> providerExists(const QString &provider);
    [[nodiscard]] Result<bool> deskExists(const QString &name);
    [[nodiscard]] Result<bool> clerkExists(const QString &login);
    [[nodiscard]] Result<bool> tableExists(const QString &table);

    /// Service names and providers: the catalogue, then the queue's own names.
    [[nodiscard]] Result<QHash<QString, ServiceLabel>> serviceLabels();

    // --- queue ------------------------------------------------------------------
    /// Tickets issued per service and UTC hour bucket.
    [[nodiscard]] Result<QList<KeyedCount>> issuedByHour(const TimeRange &range, const reports::ReportFilter &filter);
    /// Per service and kind: issued, no-show, redirected, returned.
    [[nodiscard]] Result<QList<KeyedCount>> outcomeCounts(const TimeRange &range, const reports::ReportFilter &filter);
    /// Waits (issue → first call) of tickets issued in the range and service
    /// durations of services finished in it.
    [[nodiscard]] Result<WaitSamples> waitSamples(const TimeRange &range, const reports::ReportFilter &filter,
                                                  int limit = kMaxSamples);
    /// Centre pauses overlapping the range (open ones end at `nowMs`).
    [[nodiscard]] Result<QList<queue::PauseInterval>> pauses(qint64 fromMs, qint64 toMs, qint64 nowMs);

    // --- cases ------------------------------------------------------------------
    [[nodiscard]] Result<QList<CaseCount>> casesRegistered(const TimeRange &range, const reports::ReportFilter &filter);
    [[nodiscard]] Result<QList<CaseCount>> casesIssued(const TimeRange &range, const reports::ReportFilter &filter);
    [[nodiscard]] Result<QList<CaseCount>> casesRefused(const TimeRange &range, const reports::ReportFilter &filter);
    /// Cases still open (term running) whose due date fell in [from, before) and has passed.
    [[nodiscard]] Result<QList<CaseCount>> casesOverdue(const QDate &from, const QDate &before,
                                                        const reports::ReportFilter &filter);
    /// Cases decided (granted/refused/left without consideration, per history)
    /// in the range, split into on time and late against their due date.
    [[nodiscard]] Result<QList<QPair<CaseCount, qint64>>> decisionsOnTime(const TimeRange &range);
    /// Open cases (term running) grouped by provider, service, registration (UTC) day and due date.
    [[nodiscard]] Result<QList<reports::DeadlineBucket>> openCaseBuckets();
    /// Open cases of a provider (and service) for the drill-down, by due date.
    [[nodiscard]] Result<QList<DeadlineCase>> openCases(const QString &provider, const QString &serviceCode, int limit);

    // --- feedback, exchange, live -------------------------------------------------
    /// Per service and rating: count and how many carry a comment.
    [[nodiscard]] Result<QList<KeyedCount>> feedbackCounts(const TimeRange &range, const reports::ReportFilter &filter);
    /// Per registry service from the exchange outbox (exchange_outbox, migration 0300).
    [[nodiscard]] Result<QList<ExchangeCount>> exchangeCounts(const TimeRange &range);
    /// Latencies (ms) of delivered outbox messages in the range.
    [[nodiscard]] Result<QHash<QString, QList<double>>> exchangeLatencies(const TimeRange &range);
    [[nodiscard]] Result<QList<DeskTiming>> deskTimings();

    /// Benchmarks and demo loading only: appends queue events with multi-row
    /// statements prepared once per batch size.  Inside a Transaction.
    [[nodiscard]] Status insertEventsBulk(const QList<queue::QueueEvent> &events);

    /// Benchmarks and demo loading only: writes finished tickets of past days
    /// with their ids as given (the events written by insertEventsBulk refer to
    /// them), then moves the id sequence past them.  Inside a Transaction.
    [[nodiscard]] Status insertTicketsBulk(const QList<queue::Ticket> &tickets);

private:
    /// Selects `service` and the N `values` of every sample `fromWhere` (" FROM …
    /// WHERE …" with `binds`) matches and hands each to `take(code, values)`:
    /// row by row on SQLite, grouped by service as arrays on PostgreSQL.
    /// False when more than `limit` samples matched (the caller refuses the
    /// report rather than computing it on a part).
    template <std::size_t N, typename Take>
    [[nodiscard]] Result<bool> forEachSample(const QString &service, const std::array<QString, N> &values,
                                             const QString &fromWhere, QVariantList binds, int limit, Take take);

    QSqlDatabase m_db;
    bool m_pg = false;
};

} // namespace cnap::storage
