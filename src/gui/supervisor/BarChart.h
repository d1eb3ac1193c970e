#pragma once

// A plain bar chart drawn with QPainter.  Reports need one kind of chart
// (one series of counts or times by category); Qt Charts would add a library
// to every workstation install for that, and its data must be exportable
// anyway — the chart draws the same ReportTable the CSV export writes.

#include "core/reports/Report.h"

#include <QWidget>

namespace cnap::gui {

struct ChartSeries final {
    QString title;
    QString unit;
    QList<QPair<QString, double>> bars;
};

/// The series a report is best looked at as (empty when a chart would not help).
[[nodiscard]] ChartSeries chartFor(const reports::ReportTable &table);

/// The value axis: four equal steps from 0 to `top`, each a round number
/// (1, 2, 2.5 or 5 times a power of ten) and whole when every bar is a count.
struct ChartAxis final {
    double step = 1;
    double top = 4;
    static constexpr int kSteps = 4;
};
[[nodiscard]] ChartAxis chartAxis(double maxValue, bool wholeNumbers);

class BarChart final : public QWidget {
    Q_OBJECT
public:
    explicit BarChart(QWidget *parent = nullptr);
    void setSeries(const ChartSeries &series);
    [[nodiscard]] const ChartSeries &series() const { return m_series; }
    /// Draws into any paint device (the PDF export uses it too).
    void render(QPainter &painter, const QRect &area) const;
    QSize sizeHint() const override { return {520, 260}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    ChartSeries m_series;
};

} // namespace cnap::gui
