#include "core/reports/Report.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace cnap::reports {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::reports", s); }

} // namespace

const QList<ReportKind> &allReportKinds()
{
    static const QList<ReportKind> kinds{ReportKind::Visits, ReportKind::Waits, ReportKind::NoShows,
                                         ReportKind::Cases, ReportKind::Exchange, ReportKind::Feedback};
    return kinds;
}

QString reportKey(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Visits: return QStringLiteral("visits");
    case ReportKind::Waits: return QStringLiteral("waits");
    case ReportKind::NoShows: return QStringLiteral("noshows");
    case ReportKind::Cases: return QStringLiteral("cases");
    case ReportKind::Exchange: return QStringLiteral("exchange");
    case ReportKind::Feedback: return QStringLiteral("feedback");
    }
    return {};
}

Result<ReportKind> reportFromKey(const QString &key)
{
    QStringList keys;
    for (ReportKind k : allReportKinds()) {
        if (reportKey(k) == key)
            return k;
        keys << reportKey(k);
    }
    return Error::invalid(QStringLiteral("report"),
                          tr("невідомий звіт «%1»; можливі: %2").arg(key, keys.join(QStringLiteral(", "))));
}

QString reportDisplayName(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Visits: return tr("Відвідувачі й талони");
    case ReportKind::Waits: return tr("Час очікування й обслуговування");
    case ReportKind::NoShows: return tr("Неявки й переадресації");
    case ReportKind::Cases: return tr("Справи");
    case ReportKind::Exchange: return tr("Обмін із реєстрами");
    case ReportKind::Feedback: return tr("Оцінки відвідувачів");
    }
    return {};
}

Result<QDate> parseDate(const QString &text, const QString &field)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QString t = text.trimmed();
    if (t.isEmpty())
        return Error::invalid(field, tr("дату не вказано (формат РРРР-ММ-ДД)"));
    const QDate d = QDate::fromString(t, QStringLiteral("yyyy-MM-dd"));
    if (!shape.match(t).hasMatch() || !d.isValid())
        return Error::invalid(field, tr("«%1» — не дата у форматі РРРР-ММ-ДД").arg(t));
    return d;
}

Result<Period> makePeriod(const QDate &from, const QDate &to)
{
    if (!from.isValid())
        return Error::invalid(QStringLiteral("from"), tr("не вказано початок періоду"));
    if (!to.isValid())
        return Error::invalid(QStringLiteral("to"), tr("не вказано кінець періоду"));
    if (from > to)
        return Error::invalid(QStringLiteral("to"), tr("кінець періоду (%1) раніше за початок (%2)")
                                                        .arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate)));
    if (from.daysTo(to) + 1 > kMaxPeriodDays)
        return Error::invalid(QStringLiteral("to"), tr("період довший за %1 днів").arg(kMaxPeriodDays));
    return Period{from, to};
}

Result<Period> monthPeriod(const QString &yyyyMm)
{
    static const QRegularExpression shape(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const auto m = shape.match(yyyyMm.trimmed());
    const QDate first = m.hasMatch() ? QDate(m.captured(1).toInt(), m.captured(2).toInt(), 1) : QDate();
    if (!first.isValid())
        return Error::invalid(QStringLiteral("month"), tr("«%1» — не місяць у форматі РРРР-ММ").arg(yyyyMm));
    return Period{first, first.addMonths(1).addDays(-1)};
}

int ReportTable::columnIndex(const QString &key) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).key == key)
            return i;
    }
    return -1;
}

double percentile(const QList<double> &sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    p = std::clamp(p, 0.0, 1.0);
    const double rank = p * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<qsizetype>(std::floor(rank));
    const auto hi = static_cast<qsizetype>(std::ceil(rank));
    const double frac = rank - static_cast<double>(lo);
    return sorted.at(lo) + (sorted.at(hi) - sorted.at(lo)) * frac;
}

Summary summarize(QList<double> values)
{
    Summary s;
    s.count = values.size();
    if (values.isEmpty())
        return s;
    std::sort(values.begin(), values.end());
    double sum = 0;
    for (double v : values)
        sum += v;
    s.mean = sum / static_cast<double>(values.size());
    s.median = percentile(values, 0.5);
    s.p90 = percentile(values, 0.9);
    return s;
}

double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

std::optional<qint64> suppressSmall(qint64 count, int threshold)
{
    // Zero is published: "nobody" identifies nobody, and an empty month must
    // read as empty rather than as hidden.
    if (count > 0 && count < threshold)
        return std::nullopt;
    return count;
}

} // namespace cnap::reports
