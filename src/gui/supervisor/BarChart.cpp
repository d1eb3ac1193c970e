#include "gui/supervisor/BarChart.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMap>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace cnap::gui {

using reports::ReportKind;

namespace {

QString shortLabel(const QString &s)
{
    return s.size() > 14 ? QString(s.left(13) + QChar(0x2026)) : s;
}

} // namespace

ChartAxis chartAxis(double maxValue, bool wholeNumbers)
{
    ChartAxis axis;
    const double least = maxValue > 0 ? maxValue / ChartAxis::kSteps : 0.25;
    const double magnitude = std::pow(10.0, std::floor(std::log10(least)));
    axis.step = 10 * magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0}) {
        const double step = m * magnitude;
        if (wholeNumbers && step != std::floor(step))
            continue;  // a count axis never reads "2,5 талона"
        if (least <= step * (1 + 1e-9)) {
            axis.step = step;
            break;
        }
    }
    if (wholeNumbers)
        axis.step = std::max(axis.step, 1.0);
    axis.top = axis.step * ChartAxis::kSteps;
    return axis;
}

ChartSeries chartFor(const reports::ReportTable &t)
{
    ChartSeries s;
    auto col = [&](const char *key) { return t.columnIndex(QString::fromLatin1(key)); };
    switch (t.kind) {
    case ReportKind::Visits: {
        QMap<int, double> byHour;
        for (const QVariantList &r : t.rows)
            byHour[r.value(col("hour")).toInt()] += r.value(col("tickets")).toDouble();
        s.title = QCoreApplication::translate("cnap::gui::BarChart", "Талони за годинами");
        s.unit = QCoreApplication::translate("cnap::gui::BarChart", "талонів");
        for (auto it = byHour.cbegin(); it != byHour.cend(); ++it)
            s.bars.append({QStringLiteral("%1:00").arg(it.key(), 2, 10, QLatin1Char('0')), it.value()});
        break;
    }
    case ReportKind::Waits:
        s.title = QCoreApplication::translate("cnap::gui::BarChart", "Середнє очікування за послугами, хв");
        s.unit = QCoreApplication::translate("cnap::gui::BarChart", "хв");
        for (const QVariantList &r : t.rows) {
            if (r.value(0).toString() != QStringLiteral("*") && !r.value(col("wait_mean_s")).isNull())
                s.bars.append({r.value(0).toString(), r.value(col("wait_mean_s")).toDouble() / 60.0});
        }
        break;
    case ReportKind::NoShows:
        s.title = QCoreApplication::translate("cnap::gui::BarChart", "Неявки за послугами");
        for (const QVariantList &r : t.rows)
            s.bars.append({r.value(0).toString(), r.value(col("no_shows")).toDouble()});
        break;
    case ReportKind::Cases:
        s.title = QCoreApplication::translate("cnap::gui::BarChart", "Зареєстровані справи за послугами");
        for (const QVariantList &r : t.rows)
            s.bars.append({r.value(col("service")).toString(), r.value(col("registered")).toDouble()});
        break;
    case ReportKind::Exchange:
        s.title = QCoreApplication::translate("cnap::gui::BarChart", "Доставлені повідомлення за реєстрами");
        for (const QVariantList &r : t.rows)
            s.bars.append({r.value(0).toString(), r.value(col("sent")).toDouble()});
        break;
    case ReportKind::Feedback:
        s.title = QCoreApplication::translate("cnap::gui::BarChart", "Оцінки відвідувачів");
        if (!t.rows.isEmpty()) {
            const QVariantList &all = t.rows.constLast();
            for (int r = 1; r <= 5; ++r)
                s.bars.append({QString::number(r), all.value(col(QStringLiteral("r%1").arg(r).toLatin1().constData())).toDouble()});
        }
        break;
    }
    // Many services: the biggest dozen tell the story, the table has the rest.
    if (t.kind != ReportKind::Visits && t.kind != ReportKind::Feedback && s.bars.size() > 12) {
        std::stable_sort(s.bars.begin(), s.bars.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
        s.bars.resize(12);
    }
    return s;
}

BarChart::BarChart(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(200);
    setAccessibleName(tr("Діаграма звіту"));
}

void BarChart::setSeries(const ChartSeries &series)
{
    m_series = series;
    update();
}

void BarChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    render(p, rect().adjusted(8, 8, -8, -8));
}

void BarChart::render(QPainter &p, const QRect &area) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = p.fontMetrics();
    QFont bold = p.font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(area.left(), area.top() + fm.ascent(), m_series.title);
    bold.setBold(false);
    p.setFont(bold);
    if (m_series.bars.isEmpty()) {
        p.drawText(area, Qt::AlignCenter, tr("Немає даних за період"));
        p.restore();
        return;
    }
    double maxValue = 0;
    bool whole = true;
    for (const auto &b : m_series.bars) {
        maxValue = std::max(maxValue, b.second);
        whole = whole && b.second == std::floor(b.second);
    }
    const ChartAxis axis = chartAxis(maxValue, whole);
    const double top = axis.top;
    const QLocale locale;
    // As wide as the widest tick label ("37,5" is wider than the top's "50").
    QStringList tickLabels;
    int axisWidth = 0;
    for (int i = 0; i <= ChartAxis::kSteps; ++i) {
        tickLabels << locale.toString(axis.step * i, 'g', 6);
        axisWidth = std::max(axisWidth, fm.horizontalAdvance(tickLabels.last()) + 8);
    }
    const QRect plot(area.left() + axisWidth, area.top() + fm.height() + 10, area.width() - axisWidth,
                     area.height() - 2 * fm.height() - 18);
    if (plot.width() < 20 || plot.height() < 20) {
        p.restore();
        return;
    }
    const QColor grid = palette().color(QPalette::Mid);
    for (int i = 0; i <= ChartAxis::kSteps; ++i) {
        const int y = plot.bottom() - plot.height() * i / ChartAxis::kSteps;
        p.setPen(QPen(grid, 0, i == 0 ? Qt::SolidLine : Qt::DotLine));
        p.drawLine(plot.left(), y, plot.right(), y);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(area.left(), y - fm.height() / 2, axisWidth - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   tickLabels.at(i));
    }
    const int n = static_cast<int>(m_series.bars.size());
    const double slot = static_cast<double>(plot.width()) / n;
    const double barWidth = std::max(2.0, slot * 0.7);
    const QColor bar(0x1f, 0x6f, 0xb5);
    const bool everyLabel = fm.horizontalAdvance(QStringLiteral("00:00")) < slot;
    for (int i = 0; i < n; ++i) {
        const auto &[label, value] = m_series.bars.at(i);
        const double h = plot.height() * (value / top);
        const QRectF r(plot.left() + slot * i + (slot - barWidth) / 2, plot.bottom() - h, barWidth, h);
        p.fillRect(r, bar);
        if (value > 0 && barWidth > fm.horizontalAdvance(locale.toString(value, 'f', value < 10 ? 1 : 0))) {
            p.setPen(palette().color(QPalette::Text));
            p.drawText(QRectF(r.left(), r.top() - fm.height() - 2, r.width(), fm.height()), Qt::AlignCenter,
                       locale.toString(value, 'f', value < 10 && value != std::floor(value) ? 1 : 0));
        }
        if (everyLabel || i % std::max(1, n / 8) == 0) {
            p.setPen(palette().color(QPalette::Text));
            p.drawText(QRectF(plot.left() + slot * i - 10, plot.bottom() + 4, slot + 20, fm.height()), Qt::AlignHCenter | Qt::AlignTop,
                       shortLabel(label));
        }
    }
    p.restore();
}

} // namespace cnap::gui
