// The console's models under QAbstractItemModelTester, with their display rules.
#include "gui/supervisor/BarChart.h"
#include "gui/supervisor/SupervisorModels.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

namespace cnap::gui {
namespace {

TEST(SupervisorModels, QueueLiveModelRowsAndAlertColour)
{
    QueueLiveModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRows({{1, QStringLiteral("А"), QStringLiteral("Реєстрація"), 4, 1500, 600, 20, {}},
                   {2, QStringLiteral("Б"), QStringLiteral("Соціальні"), 0, 0, std::nullopt, 3, {}}},
                  20 * 60);
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.columnCount(), QueueLiveModel::ColumnCount);
    EXPECT_EQ(model.data(model.index(0, QueueLiveModel::WaitingColumn)).toInt(), 4);
    EXPECT_EQ(model.data(model.index(0, QueueLiveModel::LongestWaitColumn)).toString(), QStringLiteral("25 хв 00 с"));
    EXPECT_EQ(model.data(model.index(0, QueueLiveModel::EstimateColumn), Qt::UserRole).toLongLong(), 600);
    EXPECT_TRUE(model.data(model.index(0, QueueLiveModel::WaitingColumn), Qt::BackgroundRole).isValid());
    EXPECT_FALSE(model.data(model.index(1, QueueLiveModel::WaitingColumn), Qt::BackgroundRole).isValid());
    EXPECT_EQ(model.data(model.index(1, QueueLiveModel::LongestWaitColumn)).toString(), QStringLiteral("—"));
    EXPECT_FALSE(model.headerData(QueueLiveModel::IssuedTodayColumn, Qt::Horizontal).toString().isEmpty());
    model.setRows({}, 0);
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(SupervisorModels, DeskLiveModelStates)
{
    DeskLiveModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    reports::DeskLive serving{QStringLiteral("1"), reports::DeskActivity::Serving, QStringLiteral("olena"), QStringLiteral("А-004"), 95, 0, {QStringLiteral("10001")}};
    reports::DeskLive closed{QStringLiteral("2"), reports::DeskActivity::Offline, QStringLiteral("petro"), {}, 0, 0, {}};
    model.setRows({serving, closed});
    EXPECT_EQ(model.data(model.index(0, DeskLiveModel::TicketColumn)).toString(), QStringLiteral("А-004"));
    EXPECT_EQ(model.data(model.index(0, DeskLiveModel::InServiceColumn)).toString(), QStringLiteral("1 хв 35 с"));
    EXPECT_EQ(model.data(model.index(0, DeskLiveModel::StateColumn)).toString(), reports::deskActivityName(reports::DeskActivity::Serving));
    EXPECT_TRUE(model.data(model.index(1, DeskLiveModel::ClerkColumn)).toString().isEmpty());  // closed: nobody there
}

TEST(SupervisorModels, DeadlineModelsAndDrillDown)
{
    DeadlineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRows({{QStringLiteral("ДМС"), QStringLiteral("00049"), QStringLiteral("Паспорт"), 10, 3, 2}});
    EXPECT_EQ(model.data(model.index(0, DeadlineModel::OverdueColumn)).toLongLong(), 2);
    EXPECT_EQ(model.data(model.index(0, DeadlineModel::ServiceColumn), Qt::UserRole).toString(), QStringLiteral("00049"));
    EXPECT_TRUE(model.data(model.index(0, DeadlineModel::OverdueColumn), Qt::BackgroundRole).isValid());
    DeadlineCaseModel cases;
    QAbstractItemModelTester caseTester(&cases, QAbstractItemModelTester::FailureReportingMode::Fatal);
    cases.setRows({{QStringLiteral("01-2026-000007"), QStringLiteral("00049"), QStringLiteral("Паспорт"), QStringLiteral("ДМС"),
                    QStringLiteral("under-review"), QDate(2026, 3, 2), QDate(2026, 3, 16)}},
                  QDate(2026, 3, 20));
    EXPECT_EQ(cases.data(cases.index(0, DeadlineCaseModel::NumberColumn)).toString(), QStringLiteral("01-2026-000007"));
    EXPECT_TRUE(cases.data(cases.index(0, DeadlineCaseModel::DueColumn), Qt::BackgroundRole).isValid());
    EXPECT_NE(cases.data(cases.index(0, DeadlineCaseModel::StateColumn)).toString(), QStringLiteral("under-review"));
}

TEST(SupervisorModels, ReportTableModelShowsWhatTheExportWrites)
{
    ReportTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    reports::ReportTable t;
    t.kind = reports::ReportKind::Visits;
    t.columns = {{QStringLiteral("service"), QStringLiteral("Послуга"), false}, {QStringLiteral("hour"), QStringLiteral("Година"), true},
                 {QStringLiteral("tickets"), QStringLiteral("Талонів"), true}};
    t.rows = {{QStringLiteral("10001"), 10, QVariant::fromValue<qint64>(3)}, {QStringLiteral("10003"), 11, QVariant::fromValue<qint64>(1)},
              {QStringLiteral("10003"), 10, QVariant::fromValue<qint64>(1)}};
    model.setTable(t);
    EXPECT_EQ(model.columnCount(), 3);
    EXPECT_EQ(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Година"));
    EXPECT_EQ(model.headerData(1, Qt::Horizontal, Qt::UserRole).toString(), QStringLiteral("hour"));
    EXPECT_EQ(model.data(model.index(0, 2), Qt::UserRole).toLongLong(), 3);
    const ChartSeries s = chartFor(t);
    ASSERT_EQ(s.bars.size(), 2);
    EXPECT_EQ(s.bars[0].first, QStringLiteral("10:00"));
    EXPECT_DOUBLE_EQ(s.bars[0].second, 4);
    EXPECT_DOUBLE_EQ(s.bars[1].second, 1);
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(model.columnCount(), 0);
}

TEST(BarChartAxisTest, FourRoundStepsAndWholeOnesForCounts)
{
    // 27 tickets in the busiest hour: 0, 10, 20, 30, 40 — not 12,5-steps up to 50.
    ChartAxis a = chartAxis(27, true);
    EXPECT_DOUBLE_EQ(a.step, 10);
    EXPECT_DOUBLE_EQ(a.top, 40);
    a = chartAxis(4, true);
    EXPECT_DOUBLE_EQ(a.step, 1);
    EXPECT_DOUBLE_EQ(a.top, 4);
    // One ticket or none: still whole steps.
    EXPECT_DOUBLE_EQ(chartAxis(1, true).step, 1);
    EXPECT_DOUBLE_EQ(chartAxis(0, true).top, 4);
    // Counts skip 2.5 (a quarter of a ticket) where times may use it.
    EXPECT_DOUBLE_EQ(chartAxis(9, true).step, 5);
    EXPECT_DOUBLE_EQ(chartAxis(9.3, false).step, 2.5);
    EXPECT_DOUBLE_EQ(chartAxis(9.3, false).top, 10);
    // Exactly on a step: no extra headroom.
    EXPECT_DOUBLE_EQ(chartAxis(20, true).top, 20);
    EXPECT_DOUBLE_EQ(chartAxis(0.3, false).step, 0.1);
    for (double v : {0.7, 3.0, 13.0, 57.0, 101.0, 2400.0}) {
        const ChartAxis x = chartAxis(v, true);
        EXPECT_GE(x.top, v) << v;
        EXPECT_LT(x.top, v * 4 + 4) << v;
        EXPECT_EQ(x.step, std::floor(x.step)) << v;
    }
}

} // namespace
} // namespace cnap::gui
