#pragma once

// Reports, the supervisor's live view and deadline control, for cnapctl and the
// supervisor console alike (the same numbers reach both through here).
// Every method checks the role first: ReportsView to read, ReportsExport to
// write a report to a file.

#include "core/Clock.h"
#include "core/Result.h"
#include "core/reports/Report.h"
#include "core/reports/Supervision.h"
#include "core/security/Access.h"
#include "storage/Database.h"
#include "storage/ReportRepository.h"

#include <memory>

namespace cnap::services {

class QueueService;

/// File formats of a report export (PDF and print are the console's, through Qt's printing).
enum class ExportFormat { Csv, Json };
[[nodiscard]] Result<ExportFormat> exportFormatFromKey(const QString &key);  ///< "csv" | "json"; field "format"

/// Deadline control: rows by provider and service, with the share that counts as "at risk".
struct DeadlineControl final {
    QDate today;
    double atRiskShare = 0.75;
    QList<reports::DeadlineRow> rows;
    qint64 open = 0;
    qint64 atRisk = 0;
    qint64 overdue = 0;
};

/// Which cases a deadline drill-down lists.
enum class DeadlineFilter { Overdue, AtRisk, OverdueOrAtRisk };

class ReportService final {
public:
    explicit ReportService(storage::DatabasePtr db, const Clock &clock = Clock::system());
    ~ReportService();

    /// Runs one report.  Errors: an unknown service/provider/desk/clerk names its
    /// filter field; a period is validated by reports::makePeriod() before.
    [[nodiscard]] Result<reports::ReportTable> run(const Actor &actor, reports::ReportKind kind, const reports::Period &period,
                                                   const reports::ReportFilter &filter = {});
    /// Writes a report as CSV or JSON, atomically (QSaveFile): a failed export leaves no file.
    [[nodiscard]] Status exportTo(const Actor &actor, const reports::ReportTable &table, ExportFormat format,
                                  const QString &path);
    /// May this actor export (PDF and print in the console ask here first)?
    [[nodiscard]] Status mayExport(const Actor &actor) const;

    /// The centre right now: queues, desks, alerts.
    [[nodiscard]] Result<reports::LiveCentre> live(const Actor &actor, const reports::AlertRules &rules = {});
    [[nodiscard]] Result<DeadlineControl> deadlines(const Actor &actor, double atRiskShare);
    /// The open cases behind one line of deadline control (at most `limit`), most urgent first.
    [[nodiscard]] Result<QList<storage::DeadlineCase>> deadlineCases(const Actor &actor, const QString &provider,
                                                                      const QString &serviceCode, DeadlineFilter which,
                                                                      double atRiskShare, int limit = 500);

    /// Decisions in a period per service: (decided, decided on time).  For open data.
    [[nodiscard]] Result<QList<QPair<storage::CaseCount, qint64>>> decisionsOnTime(const Actor &actor,
                                                                                   const reports::Period &period);

    /// Epoch ms of local midnight starting `from` and ending `to` (exclusive).
    [[nodiscard]] static storage::TimeRange timeRange(const reports::Period &period);

private:
    [[nodiscard]] Status checkFilter(storage::ReportRepository &repo, const reports::ReportFilter &filter);
    [[nodiscard]] Result<reports::ReportTable> visits(storage::ReportRepository &repo, const storage::TimeRange &range,
                                                      const reports::ReportFilter &filter);
    [[nodiscard]] Result<reports::ReportTable> waits(storage::ReportRepository &repo, const storage::TimeRange &range,
                                                     const reports::ReportFilter &filter);
    [[nodiscard]] Result<reports::ReportTable> noShows(storage::ReportRepository &repo, const storage::TimeRange &range,
                                                       const reports::ReportFilter &filter);
    [[nodiscard]] Result<reports::ReportTable> cases(storage::ReportRepository &repo, const reports::Period &period,
                                                     const storage::TimeRange &range, const reports::ReportFilter &filter);
    [[nodiscard]] Result<reports::ReportTable> exchange(storage::ReportRepository &repo, const storage::TimeRange &range,
                                                        const reports::ReportFilter &filter);
    [[nodiscard]] Result<reports::ReportTable> feedback(storage::ReportRepository &repo, const storage::TimeRange &range,
                                                        const reports::ReportFilter &filter);

    storage::DatabasePtr m_db;
    const Clock &m_clock;
    std::unique_ptr<QueueService> m_queue;
};

} // namespace cnap::services
