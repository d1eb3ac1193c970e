// The console on a real database: the report page and cnapctl give the same
// numbers, exports, the live page follows the queue within 2 s, the feedback
// screen's flow; on both backends, offscreen.
#include "ReportFixture.h"

#include "gui/common/TaskRunner.h"
#include "gui/feedback/FeedbackWindow.h"
#include "gui/supervisor/BarChart.h"
#include "gui/supervisor/SupervisorPages.h"
#include "support/TestEnv.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

namespace cnap::test {
namespace {

class SupervisorGuiTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        db = std::make_unique<TestDatabase>(GetParam());
        ASSERT_TRUE(db->ok());
        seed = std::make_unique<ReportSeed>(db->database(), clock);
        seed->centre();
        seed->history();
        clock.set(QDateTime(reportDay(), QTime(12, 0)));
        runner = std::make_unique<gui::TaskRunner>();
        auto database = db->database();
        runner->setThreadCleanup([database]() { database->releaseThreadConnection(); });
        context.database = database;
        context.actor = supervisor();
        context.runner = runner.get();
        context.clock = &clock;
    }
    void TearDown() override { runner.reset(); }

    ProcessResult cnapctl(const QStringList &args)
    {
        return runProcess(binDir() + QStringLiteral("/cnapctl"), QStringList{QStringLiteral("--db"), db->url()} + args);
    }

    ManualClock clock{reportStart()};
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<ReportSeed> seed;
    std::unique_ptr<gui::TaskRunner> runner;
    gui::AppContext context;
};

/// Runs the page's report and waits for the table.
bool runOnPage(gui::ReportsPage &page, reports::ReportKind kind, const reports::ReportFilter &filter = {})
{
    QSignalSpy done(page.controller(), &gui::ReportsController::finished);
    page.setRequest(kind, reportDay(), reportDay(), filter);
    page.runReport();
    return done.wait(10000);
}

TEST_P(SupervisorGuiTest, ReportPageAndCnapctlGiveTheSameNumbers)
{
    gui::ReportsPage page(context);
    const QString day = reportDay().toString(Qt::ISODate);
    for (reports::ReportKind kind : {reports::ReportKind::Visits, reports::ReportKind::Waits, reports::ReportKind::NoShows,
                                     reports::ReportKind::Cases, reports::ReportKind::Feedback}) {
        const QString key = reports::reportKey(kind);
        ASSERT_TRUE(runOnPage(page, kind)) << key.toStdString();
        auto cli = cnapctl({QStringLiteral("report"), key, QStringLiteral("--from"), day, QStringLiteral("--to"), day,
                            QStringLiteral("--format"), QStringLiteral("json")});
        ASSERT_EQ(cli.exitCode, 0) << cli.err.toStdString();
        const QJsonObject json = QJsonDocument::fromJson(cli.out.toUtf8()).object();
        const QJsonArray rows = json.value(QStringLiteral("rows")).toArray();
        gui::ReportTableModel *model = page.model();
        ASSERT_EQ(model->rowCount(), rows.size()) << key.toStdString();
        for (int r = 0; r < model->rowCount(); ++r) {
            for (int c = 0; c < model->columnCount(); ++c) {
                const QString column = model->headerData(c, Qt::Horizontal, Qt::UserRole).toString();
                const QVariant mine = model->data(model->index(r, c), Qt::UserRole);
                const QJsonValue theirs = rows[r].toObject().value(column);
                if (mine.isNull()) {
                    EXPECT_TRUE(theirs.isNull()) << key.toStdString() << " " << column.toStdString();
                } else if (theirs.isDouble()) {
                    EXPECT_DOUBLE_EQ(mine.toDouble(), theirs.toDouble()) << key.toStdString() << " " << column.toStdString();
                } else {
                    EXPECT_EQ(mine.toString(), theirs.toString()) << key.toStdString() << " " << column.toStdString();
                }
            }
        }
        if (json.contains(QStringLiteral("total"))) {
            EXPECT_EQ(model->table().total.value_or(-1), json.value(QStringLiteral("total")).toInteger());
        }
    }
}

TEST_P(SupervisorGuiTest, ReportPageFiltersErrorsAndExports)
{
    gui::ReportsPage page(context);
    QSignalSpy failed(page.controller(), &gui::ReportsController::failed);
    page.setRequest(reports::ReportKind::Visits, reportDay(), reportDay(), {{}, {}, QStringLiteral("99"), {}});
    page.runReport();
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_EQ(failed.takeFirst().at(0).value<Error>().field, QStringLiteral("desk"));
    page.setRequest(reports::ReportKind::Visits, reportDay(), reportDay().addDays(-3));
    page.runReport();
    ASSERT_EQ(failed.size(), 1);  // refused at once, before any database work
    EXPECT_EQ(failed.takeFirst().at(0).value<Error>().field, QStringLiteral("to"));

    ASSERT_TRUE(runOnPage(page, reports::ReportKind::Waits));
    EXPECT_FALSE(page.chart()->series().bars.isEmpty());
    QSignalSpy exported(page.controller(), &gui::ReportsController::exported);
    const QString csv = db->dir() + QStringLiteral("/waits.csv");
    page.exportTo(csv, QStringLiteral("csv"));
    ASSERT_TRUE(exported.wait(10000));
    const QString day = reportDay().toString(Qt::ISODate);
    auto cli = cnapctl({QStringLiteral("report"), QStringLiteral("waits"), QStringLiteral("--from"), day, QStringLiteral("--to"), day});
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(QString::fromUtf8(f.readAll()), cli.out);
    const QString pdf = db->dir() + QStringLiteral("/waits.pdf");
    ASSERT_TRUE(page.writePdf(pdf).ok());
    QFile p(pdf);
    ASSERT_TRUE(p.open(QIODevice::ReadOnly));
    EXPECT_TRUE(p.read(5).startsWith("%PDF"));
    EXPECT_FALSE(QFile::exists(pdf + QStringLiteral(".part")));
    page.exportTo(db->dir() + QStringLiteral("/no/such/dir/w.csv"), QStringLiteral("csv"));
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_EQ(failed.takeFirst().at(0).value<Error>().field, QStringLiteral("out"));
    EXPECT_FALSE(page.writePdf(db->dir() + QStringLiteral("/no/such/dir/w.pdf")).ok());
}

TEST_P(SupervisorGuiTest, LivePageFollowsTheQueueWithinTwoSeconds)
{
    gui::LiveCentrePage page(context);
    QSignalSpy updated(page.controller(), &gui::LiveCentreController::updated);
    ASSERT_TRUE(updated.wait(5000));
    auto waitingIn = [&](const QString &prefix) {
        for (const reports::QueueLive &q : page.queueModel()->rows())
            if (q.prefix == prefix)
                return q.waiting;
        return -1;
    };
    EXPECT_EQ(waitingIn(QStringLiteral("А")), 1);
    EXPECT_EQ(page.deskModel()->rowCount(), 2);
    EXPECT_GE(page.alertList()->count(), 1);
    // Another desk's kiosk issues a ticket: the page shows it within 2 s.
    seed->issue(kSvcB);
    QElapsedTimer timer;
    timer.start();
    while (waitingIn(QStringLiteral("Б")) != 1 && timer.elapsed() < 2000)
        QTest::qWait(50);
    EXPECT_EQ(waitingIn(QStringLiteral("Б")), 1) << "not updated within 2 s";
    // Pause and resume the centre from the console.
    QSignalSpy done(page.controller(), &gui::LiveCentreController::actionDone);
    page.controller()->pauseCentre(QStringLiteral("Повітряна тривога"));
    ASSERT_TRUE(done.wait(5000));
    auto live = services::ReportService(db->database(), clock).live(supervisor());
    ASSERT_TRUE(live.ok());
    EXPECT_TRUE(live->centrePaused);
    page.controller()->resumeCentre();
    ASSERT_TRUE(done.wait(5000));
    page.controller()->reassignDesk(QStringLiteral("2"), {kSvcB, kSvcA2});
    ASSERT_TRUE(done.wait(5000));
    auto desks = seed->queue.desks(Actor::system());
    ASSERT_TRUE(desks.ok());
    for (const queue::Desk &d : desks.value()) {
        if (d.name == QStringLiteral("2")) {
            EXPECT_EQ(QSet<QString>(d.serviceCodes.begin(), d.serviceCodes.end()), (QSet<QString>{kSvcB, kSvcA2}));
        }
    }
}

TEST_P(SupervisorGuiTest, DeadlinePageLoads)
{
    gui::DeadlinePage page(context);
    QSignalSpy loaded(page.controller(), &gui::DeadlineController::loaded);
    QSignalSpy exchange(page.controller(), &gui::DeadlineController::exchangeLoaded);
    ASSERT_TRUE(loaded.wait(5000));
    EXPECT_EQ(page.model()->rowCount(), 0);  // no cases in this centre
    // The compact exchange health: an empty outbox, no dead letters, no delivery yet.
    if (exchange.isEmpty()) {
        ASSERT_TRUE(exchange.wait(5000));
    }
    auto *summary = page.findChild<QLabel *>(QStringLiteral("exchangeSummaryLabel"));
    ASSERT_NE(summary, nullptr);
    EXPECT_TRUE(summary->text().contains(QStringLiteral("мертвих листів: 0"))) << summary->text().toStdString();
    auto *dead = page.findChild<QListWidget *>(QStringLiteral("deadLettersList"));
    ASSERT_NE(dead, nullptr);
    ASSERT_EQ(dead->count(), 1);
    EXPECT_EQ(dead->item(0)->text(), QStringLiteral("Мертвих листів немає."));
    auto *deliveries = page.findChild<QListWidget *>(QStringLiteral("lastDeliveryList"));
    ASSERT_NE(deliveries, nullptr);
    EXPECT_EQ(deliveries->count(), 1);
}

TEST_P(SupervisorGuiTest, FeedbackScreenFlow)
{
    context.actor = kiosk();
    context.actor.desk = QStringLiteral("1");
    clock.set(QDateTime(reportDay(), QTime(10, 10)));
    gui::FeedbackWindow window(context);
    window.setThanksDelay(100);
    auto *ticket = window.findChild<QLineEdit *>(QStringLiteral("ticketLineEdit"));
    ASSERT_NE(ticket, nullptr);
    // The screen at desk 1 offers the visit just finished there.
    QTRY_COMPARE_WITH_TIMEOUT(ticket->text(), QStringLiteral("А-003"), 5000);
    ticket->clear();
    ticket->insert(QStringLiteral("А-099"));  // QTest::keyClicks types ASCII only
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("nextButton")), Qt::LeftButton);
    EXPECT_EQ(window.page(), gui::FeedbackWindow::RatePage);
    auto *send = window.findChild<QPushButton *>(QStringLiteral("sendButton"));
    EXPECT_FALSE(send->isEnabled());  // no rating chosen yet
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("rating4Button")), Qt::LeftButton);
    ASSERT_TRUE(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    // A ticket never issued: back to the start, with the reason.
    QTRY_COMPARE_WITH_TIMEOUT(window.page(), gui::FeedbackWindow::StartPage, 5000);
    EXPECT_FALSE(window.findChild<QLabel *>(QStringLiteral("startErrorLabel"))->text().isEmpty());
    ticket->setText(QStringLiteral("А-003"));
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("nextButton")), Qt::LeftButton);
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("rating5Button")), Qt::LeftButton);
    window.findChild<QPlainTextEdit *>(QStringLiteral("commentTextEdit"))->insertPlainText(QStringLiteral("Дуже швидко"));
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.page(), gui::FeedbackWindow::ThanksPage, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(window.page(), gui::FeedbackWindow::StartPage, 5000);  // back to the start
    QSqlQuery q = db->database()->db().exec(QStringLiteral("SELECT ticket_number, rating, comment FROM feedback"));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("А-003"));
    EXPECT_EQ(q.value(1).toInt(), 5);
    EXPECT_EQ(q.value(2).toString(), QStringLiteral("Дуже швидко"));
}

CNAP_INSTANTIATE_FOR_BACKENDS(SupervisorGuiTest);

} // namespace
} // namespace cnap::test
