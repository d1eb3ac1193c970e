#pragma once

// Reports of the centre: what a report is (kind, period, filters), its result as
// a plain table shared by cnapctl, the supervisor console and the exports, and
// the statistics every report uses.  Pure: no storage, no widgets.

#include "core/Result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace cnap::reports {

/// The reports `cnapctl report NAME` and the supervisor's Reports page offer.
enum class ReportKind { Visits, Waits, NoShows, Cases, Exchange, Feedback };

[[nodiscard]] const QList<ReportKind> &allReportKinds();
[[nodiscard]] QString reportKey(ReportKind kind);              ///< "visits", "waits", "noshows", "cases", "exchange", "feedback"
[[nodiscard]] Result<ReportKind> reportFromKey(const QString &key);  ///< field "report"
[[nodiscard]] QString reportDisplayName(ReportKind kind);      ///< translated

/// A period of whole local days, both ends included.
struct Period final {
    QDate from;
    QDate to;
    [[nodiscard]] int days() const { return static_cast<int>(from.daysTo(to)) + 1; }
};

/// The longest period one report covers: ten years is more than any question a
/// supervisor asks and keeps a mistyped year from scanning the whole log.
inline constexpr int kMaxPeriodDays = 3660;

/// Parses "yyyy-MM-dd" strictly; the error names `field`.
[[nodiscard]] Result<QDate> parseDate(const QString &text, const QString &field);
/// Validates a period: both ends given, `from` not after `to`, at most kMaxPeriodDays.
[[nodiscard]] Result<Period> makePeriod(const QDate &from, const QDate &to);
/// The calendar month "yyyy-MM" as a period; field "month".
[[nodiscard]] Result<Period> monthPeriod(const QString &yyyyMm);

/// Narrows a report; empty members do not filter.  A filter naming nothing
/// (an unknown service, desk or clerk) is an error, never an empty report.
struct ReportFilter final {
    QString serviceCode;
    QString provider;   ///< суб'єкт надання, as the catalogue names it
    QString desk;       ///< desk (вікно) name
    QString clerk;      ///< clerk login
    [[nodiscard]] bool isEmpty() const
    {
        return serviceCode.isEmpty() && provider.isEmpty() && desk.isEmpty() && clerk.isEmpty();
    }
};

/// One column of a report table: a stable key (CSV header, JSON member) and a
/// translated title (screen, PDF).
struct ReportColumn final {
    QString key;
    QString title;
    bool numeric = false;
};

/// A report's result.  Cells are QVariant: qint64 counts, double statistics
/// (rounded to one decimal), QString labels; a null QVariant is "no data".
struct ReportTable final {
    ReportKind kind = ReportKind::Visits;
    Period period;
    ReportFilter filter;
    QList<ReportColumn> columns;
    QList<QVariantList> rows;
    std::optional<qint64> total;   ///< where a total makes sense (e.g. tickets issued)
    QString totalTitle;            ///< translated label of the total
    QString note;                  ///< how the numbers were computed (translated)

    [[nodiscard]] int columnIndex(const QString &key) const;
};

/// Mean, median and 90th percentile of a set of durations (seconds).
struct Summary final {
    qint64 count = 0;
    double mean = 0;
    double median = 0;
    double p90 = 0;
};

/// Percentile by linear interpolation between closest ranks over a sorted
/// sample: the definition of PostgreSQL's percentile_cont, so the numbers are
/// the same whichever backend stores the data.  `p` in [0, 1]; 0 for an empty sample.
[[nodiscard]] double percentile(const QList<double> &sorted, double p);
/// Sorts a copy and summarises it.
[[nodiscard]] Summary summarize(QList<double> values);
/// Rounds to one decimal (what reports show and export).
[[nodiscard]] double round1(double v);

/// Open data: counts below `threshold` are suppressed (published as null), so a
/// published cell never points at one or two identifiable visitors.
inline constexpr int kSuppressionThreshold = 5;
[[nodiscard]] std::optional<qint64> suppressSmall(qint64 count, int threshold = kSuppressionThreshold);

} // namespace cnap::reports
