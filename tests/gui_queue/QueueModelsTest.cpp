// The queue screens' table models, checked by QAbstractItemModelTester while
// they are filled, updated in place, reset and emptied.
#include "gui/queue/CallBoardModel.h"
#include "gui/queue/QueueStatusModel.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

using namespace cnap;
using cnap::gui::CallBoardModel;
using cnap::gui::QueueStatusModel;

namespace {
queue::QueueSnapshot snapshot(qint64 id, const QString &prefix, int waiting, std::optional<qint64> estimate)
{
    queue::QueueSnapshot q;
    q.queueId = id;
    q.prefix = prefix;
    q.name = QStringLiteral("Черга ") + prefix;
    q.waiting = waiting;
    q.longestWaitSecs = waiting * 300;
    q.estimatedWaitSecs = estimate;
    return q;
}

queue::CallNotice call(const QString &number, const QString &desk, qint64 at)
{
    return {number, desk, at, false};
}
} // namespace

TEST(QueueStatusModelTest, ShowsQueuesAndSurvivesUpdatesUnderTheTester)
{
    QueueStatusModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(model.columnCount(), QueueStatusModel::ColumnCount);

    model.setQueues({snapshot(1, QStringLiteral("А"), 3, 900), snapshot(2, QStringLiteral("Б"), 0, std::nullopt)});
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.totalWaiting(), 3);
    EXPECT_EQ(model.index(0, QueueStatusModel::QueueColumn).data().toString(), QStringLiteral("А — Черга А"));
    EXPECT_EQ(model.index(0, QueueStatusModel::WaitingColumn).data().toInt(), 3);
    EXPECT_EQ(model.index(0, QueueStatusModel::LongestWaitColumn).data().toString(), QStringLiteral("15 хв"));
    EXPECT_EQ(model.index(0, QueueStatusModel::EstimateColumn).data().toString(), QStringLiteral("≈ 15 хв"));
    // Nobody waiting: no "longest wait"; no open desk: the estimate is unknown, with the reason as a tooltip.
    EXPECT_EQ(model.index(1, QueueStatusModel::LongestWaitColumn).data().toString(), QStringLiteral("—"));
    EXPECT_EQ(model.index(1, QueueStatusModel::EstimateColumn).data().toString(), QStringLiteral("невідомо"));
    EXPECT_FALSE(model.index(1, QueueStatusModel::EstimateColumn).data(Qt::ToolTipRole).toString().isEmpty());
    EXPECT_EQ(model.headerData(QueueStatusModel::WaitingColumn, Qt::Horizontal).toString(), QStringLiteral("Очікують"));

    // The same queues again: values change in place, no reset.
    int resets = 0;
    QObject::connect(&model, &QAbstractItemModel::modelReset, &model, [&resets]() { ++resets; });
    model.setQueues({snapshot(1, QStringLiteral("А"), 5, 3700), snapshot(2, QStringLiteral("Б"), 1, 60)});
    EXPECT_EQ(resets, 0);
    EXPECT_EQ(model.index(0, QueueStatusModel::WaitingColumn).data().toInt(), 5);
    EXPECT_EQ(model.index(0, QueueStatusModel::EstimateColumn).data().toString(), QStringLiteral("≈ 1 год 01 хв"));

    // Different queues: a reset; then empty.
    model.setQueues({snapshot(3, QStringLiteral("В"), 1, 0)});
    EXPECT_EQ(resets, 1);
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0, QueueStatusModel::EstimateColumn).data().toString(), QStringLiteral("≈ 1 хв"));
    model.setQueues({});
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(model.totalWaiting(), 0);
    EXPECT_FALSE(model.data(model.index(5, 0)).isValid());
}

TEST(CallBoardModelTest, NewestFirstMarkedAndCappedUnderTheTester)
{
    CallBoardModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_FALSE(model.newest().has_value());
    model.setMaxRows(3);
    model.setCalls({call(QStringLiteral("А-004"), QStringLiteral("2"), 40), call(QStringLiteral("Б-001"), QStringLiteral("5"), 30),
                    call(QStringLiteral("А-003"), QStringLiteral("1"), 20), call(QStringLiteral("А-002"), QStringLiteral("1"), 10)});
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.index(0, CallBoardModel::TicketColumn).data().toString(), QStringLiteral("А-004"));
    EXPECT_EQ(model.index(0, CallBoardModel::DeskColumn).data().toString(), QStringLiteral("вікно 2"));
    EXPECT_TRUE(model.index(0, 0).data(CallBoardModel::NewestRole).toBool());
    EXPECT_FALSE(model.index(1, 0).data(CallBoardModel::NewestRole).toBool());
    EXPECT_EQ(model.newest()->ticketNumber, QStringLiteral("А-004"));

    model.setMaxRows(2);  // shrinking removes the oldest rows
    EXPECT_EQ(model.rowCount(), 2);
    model.setMaxRows(0);  // at least one row is kept
    EXPECT_EQ(model.maxRows(), 1);
    EXPECT_EQ(model.rowCount(), 1);
    model.setCalls({});
    EXPECT_EQ(model.rowCount(), 0);
}
