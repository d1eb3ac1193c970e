// Pure parts of the reports: statistics, periods, suppression, deadline status,
// alerts and the CSV/JSON serialisation.
#include "core/reports/Report.h"
#include "core/reports/ReportFormat.h"
#include "core/reports/Supervision.h"

#include <QJsonArray>

#include <gtest/gtest.h>

namespace cnap::reports {
namespace {

TEST(ReportStats, MeanMedianP90OfThreeWaitsByHand)
{
    // 60, 120, 300: mean 160; median 120; p90 rank 0.9·2 = 1.8 → 120 + 0.8·180 = 264.
    const Summary s = summarize({300, 60, 120});
    EXPECT_EQ(s.count, 3);
    EXPECT_DOUBLE_EQ(s.mean, 160);
    EXPECT_DOUBLE_EQ(s.median, 120);
    EXPECT_DOUBLE_EQ(s.p90, 264);
}

TEST(ReportStats, PercentileEdges)
{
    EXPECT_DOUBLE_EQ(percentile({}, 0.5), 0);
    EXPECT_DOUBLE_EQ(percentile({42}, 0.9), 42);
    EXPECT_DOUBLE_EQ(percentile({10, 20}, 0.5), 15);
    EXPECT_DOUBLE_EQ(percentile({1, 2, 3, 4}, 0.0), 1);
    EXPECT_DOUBLE_EQ(percentile({1, 2, 3, 4}, 1.0), 4);
    // p90 of 1..10: rank 8.1 → 9 + 0.1 = 9.1 (PostgreSQL percentile_cont gives the same).
    EXPECT_DOUBLE_EQ(percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9), 9.1);
    const Summary empty = summarize({});
    EXPECT_EQ(empty.count, 0);
    EXPECT_DOUBLE_EQ(empty.mean, 0);
}

TEST(ReportPeriod, ValidatesEndsAndOrder)
{
    EXPECT_TRUE(makePeriod(QDate(2026, 3, 1), QDate(2026, 3, 1)).ok());
    EXPECT_EQ(makePeriod(QDate(2026, 3, 1), QDate(2026, 3, 31))->days(), 31);
    auto reversed = makePeriod(QDate(2026, 3, 2), QDate(2026, 3, 1));
    ASSERT_FALSE(reversed.ok());
    EXPECT_EQ(reversed.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(reversed.error().field, QStringLiteral("to"));
    EXPECT_EQ(makePeriod(QDate(), QDate(2026, 3, 1)).error().field, QStringLiteral("from"));
    EXPECT_EQ(makePeriod(QDate(2026, 3, 1), QDate()).error().field, QStringLiteral("to"));
    EXPECT_FALSE(makePeriod(QDate(2000, 1, 1), QDate(2026, 1, 1)).ok());
}

TEST(ReportPeriod, ParsesDatesAndMonthsStrictly)
{
    EXPECT_EQ(parseDate(QStringLiteral("2026-03-02"), QStringLiteral("--from")).value(), QDate(2026, 3, 2));
    for (const char *bad : {"", " ", "2026-3-2", "2026-02-30", "02.03.2026", "2026-03-02T10:00"}) {
        auto d = parseDate(QString::fromUtf8(bad), QStringLiteral("--from"));
        ASSERT_FALSE(d.ok()) << bad;
        EXPECT_EQ(d.error().field, QStringLiteral("--from"));
        EXPECT_FALSE(d.error().message.isEmpty());
    }
    auto feb = monthPeriod(QStringLiteral("2028-02"));
    ASSERT_TRUE(feb.ok());
    EXPECT_EQ(feb->from, QDate(2028, 2, 1));
    EXPECT_EQ(feb->to, QDate(2028, 2, 29));
    for (const char *bad : {"2026-13", "2026-1", "26-01", "", "2026-01-01"})
        EXPECT_EQ(monthPeriod(QString::fromUtf8(bad)).error().field, QStringLiteral("month")) << bad;
}

TEST(ReportKinds, KeysRoundTripAndUnknownIsNamed)
{
    for (ReportKind k : allReportKinds()) {
        EXPECT_EQ(reportFromKey(reportKey(k)).value(), k);
        EXPECT_FALSE(reportDisplayName(k).isEmpty());
    }
    auto bad = reportFromKey(QStringLiteral("sales"));
    EXPECT_EQ(bad.error().field, QStringLiteral("report"));
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("visits")));
}

TEST(OpenDataSuppression, SmallCountsAreHiddenZeroAndLargeArePublished)
{
    EXPECT_EQ(suppressSmall(0), std::optional<qint64>(0));
    for (int n = 1; n < kSuppressionThreshold; ++n)
        EXPECT_FALSE(suppressSmall(n).has_value()) << n;
    EXPECT_EQ(suppressSmall(5), std::optional<qint64>(5));
    EXPECT_EQ(suppressSmall(1234), std::optional<qint64>(1234));
    EXPECT_FALSE(suppressSmall(9, 10).has_value());
}

TEST(Deadlines, StatusByShareOfTermUsed)
{
    const QDate reg(2026, 3, 2), due(2026, 3, 12);  // 10 days
    EXPECT_EQ(deadlineStatus(reg, due, QDate(2026, 3, 5), 0.75), DeadlineStatus::OnTrack);
    EXPECT_EQ(deadlineStatus(reg, due, QDate(2026, 3, 9), 0.75), DeadlineStatus::OnTrack);  // 7/10 used
    EXPECT_EQ(deadlineStatus(reg, due, QDate(2026, 3, 9), 0.7), DeadlineStatus::AtRisk);
    EXPECT_EQ(deadlineStatus(reg, due, QDate(2026, 3, 12), 0.75), DeadlineStatus::AtRisk);  // due today, not yet late
    EXPECT_EQ(deadlineStatus(reg, due, QDate(2026, 3, 13), 0.75), DeadlineStatus::Overdue);
    EXPECT_EQ(deadlineStatus(reg, reg, reg, 0.9), DeadlineStatus::AtRisk);
    EXPECT_FALSE(validateAtRiskShare(0).ok());
    EXPECT_FALSE(validateAtRiskShare(1.5).ok());
    EXPECT_EQ(validateAtRiskShare(0.05).error().field, QStringLiteral("atRiskShare"));
    EXPECT_TRUE(validateAtRiskShare(0.75).ok());
}

TEST(Deadlines, AggregatesByProviderAndServiceWorstFirst)
{
    const QDate today(2026, 3, 20);
    const QList<DeadlineBucket> buckets{
        {QStringLiteral("ДМС"), QStringLiteral("00049"), QStringLiteral("Паспорт"), QDate(2026, 3, 1), QDate(2026, 3, 31), 4},
        {QStringLiteral("ДМС"), QStringLiteral("00049"), QStringLiteral("Паспорт"), QDate(2026, 3, 1), QDate(2026, 3, 10), 2},
        {QStringLiteral("Мін'юст"), QStringLiteral("00100"), QStringLiteral("Народження"), QDate(2026, 3, 1), QDate(2026, 3, 22), 3},
    };
    const auto rows = aggregateDeadlines(buckets, today, 0.75);
    ASSERT_EQ(rows.size(), 2);
    EXPECT_EQ(rows[0].serviceCode, QStringLiteral("00049"));
    EXPECT_EQ(rows[0].open, 6);
    EXPECT_EQ(rows[0].overdue, 2);
    EXPECT_EQ(rows[0].atRisk, 0);  // 19/30 used
    EXPECT_EQ(rows[1].atRisk, 3);  // 19/21 used
    EXPECT_EQ(rows[1].overdue, 0);
}

TEST(LiveAlerts, LongWaitAndIdleDeskWhilePeopleWait)
{
    LiveCentre c;
    c.queues.append({1, QStringLiteral("А"), QStringLiteral("Реєстрація"), 3, 25 * 60, std::nullopt, 10,
                     {QStringLiteral("10001"), QStringLiteral("10002")}});
    c.queues.append({2, QStringLiteral("Б"), QStringLiteral("Соціальні"), 0, 0, std::nullopt, 2, {QStringLiteral("10003")}});
    DeskLive idle;
    idle.name = QStringLiteral("1");
    idle.activity = DeskActivity::Free;
    idle.idleSecs = 300;
    idle.serviceCodes = {QStringLiteral("10001"), QStringLiteral("10002")};
    DeskLive idleNoWork = idle;
    idleNoWork.name = QStringLiteral("2");
    idleNoWork.serviceCodes = {QStringLiteral("10003")};
    DeskLive justFreed = idle;
    justFreed.name = QStringLiteral("3");
    justFreed.idleSecs = 10;
    c.desks = {idle, idleNoWork, justFreed};
    const auto alerts = computeAlerts(c, AlertRules{});
    ASSERT_EQ(alerts.size(), 2);
    EXPECT_EQ(alerts[0].kind, Alert::Kind::LongWait);
    EXPECT_EQ(alerts[0].subject, QStringLiteral("А"));
    EXPECT_EQ(alerts[1].kind, Alert::Kind::IdleDesk);
    EXPECT_EQ(alerts[1].subject, QStringLiteral("1"));
    // Two services of one queue: its 3 visitors are counted once.
    EXPECT_TRUE(alerts[1].message.contains(QStringLiteral(" 3 "))) << alerts[1].message.toStdString();
    c.centrePaused = true;
    EXPECT_TRUE(computeAlerts(c, AlertRules{}).isEmpty());
}

TEST(ReportFormat, CsvQuotesAndJsonCarriesTotal)
{
    ReportTable t;
    t.kind = ReportKind::Visits;
    t.period = {QDate(2026, 3, 1), QDate(2026, 3, 2)};
    t.columns = {{QStringLiteral("service"), QStringLiteral("Послуга"), false},
                 {QStringLiteral("name"), QStringLiteral("Назва"), false},
                 {QStringLiteral("mean"), QStringLiteral("Сер."), true}};
    t.rows = {{QStringLiteral("00049"), QStringLiteral("Паспорт, \"ID\""), 12.345},
              {QStringLiteral("00050"), QStringLiteral("Без коми"), QVariant()}};
    t.total = 7;
    EXPECT_EQ(QString::fromUtf8(toCsv(t)),
              QStringLiteral("service,name,mean\r\n00049,\"Паспорт, \"\"ID\"\"\",12.3\r\n00050,Без коми,\r\n"));
    const QJsonObject j = toJson(t);
    EXPECT_EQ(j.value(QStringLiteral("report")).toString(), QStringLiteral("visits"));
    EXPECT_EQ(j.value(QStringLiteral("total")).toInteger(), 7);
    EXPECT_EQ(j.value(QStringLiteral("from")).toString(), QStringLiteral("2026-03-01"));
    const QJsonArray rows = j.value(QStringLiteral("rows")).toArray();
    ASSERT_EQ(rows.size(), 2);
    EXPECT_DOUBLE_EQ(rows[0].toObject().value(QStringLiteral("mean")).toDouble(), 12.3);
    EXPECT_TRUE(rows[1].toObject().value(QStringLiteral("mean")).isNull());
    t.total.reset();
    EXPECT_FALSE(toJson(t).contains(QStringLiteral("total")));
}

} // namespace
} // namespace cnap::reports
