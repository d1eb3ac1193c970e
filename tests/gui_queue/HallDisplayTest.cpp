// The hall display with the display device account (QueueViewBoard only), on
// both backends: a call made through another QueueService reaches the board and
// rings the chime; the centre pause replaces the board with the notice.
#include "GuiQueueFixture.h"

#include "gui/display/BoardController.h"
#include "gui/display/Chime.h"
#include "gui/display/HallDisplay.h"

#include <QLabel>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>

#include <thread>

using namespace cnap;
using cnap::test::kS1;

class HallDisplayTest : public cnap::test::GuiQueueFixture {
protected:
    gui::HallDisplay *openDisplay()
    {
        auto *display = show(new gui::HallDisplay(contextFor(Role::Display, QStringLiteral("display")), nullptr, 100));
        EXPECT_TRUE(waitFor([display]() { return display->controller()->hasBoard(); }));
        return display;
    }

    /// A desk calls through a QueueService of its own, on another thread and connection.
    QString callElsewhere(const QString &desk)
    {
        QString number;
        std::thread t([&] {
            services::QueueService other(db->database(), clock);
            auto r = other.callNext(Actor::system(), desk);
            if (r.ok() && r.value())
                number = r.value()->number;
            db->database()->releaseThreadConnection();
        });
        t.join();
        return number;
    }

    static QAbstractItemModel *calls(gui::HallDisplay *d)
    {
        return d->findChild<QTableView *>(QStringLiteral("callsTableView"))->model();
    }
};

TEST_P(HallDisplayTest, ACallElsewhereAppearsHighlightedAndChimes)
{
    issue(kS1);
    issue(kS1);
    gui::HallDisplay *display = openDisplay();
    QSignalSpy chimed(display->chime(), &gui::Chime::rang);
    EXPECT_EQ(calls(display)->rowCount(), 0);
    auto *queues = display->findChild<QTableView *>(QStringLiteral("queuesTableView"))->model();
    ASSERT_GE(queues->rowCount(), 1);
    EXPECT_EQ(queues->index(0, 1).data().toInt(), 2);

    ASSERT_EQ(callElsewhere(QStringLiteral("1")), QStringLiteral("А-001"));
    ASSERT_TRUE(waitFor([&]() { return calls(display)->rowCount() == 1; }));
    EXPECT_EQ(calls(display)->index(0, 0).data().toString(), QStringLiteral("А-001"));
    EXPECT_EQ(calls(display)->index(0, 1).data().toString(), QStringLiteral("вікно 1"));
    ASSERT_TRUE(waitFor([&]() { return chimed.count() == 1; }));
    EXPECT_TRUE(waitFor([&]() { return queues->index(0, 1).data().toInt() == 1; }));

    ASSERT_EQ(callElsewhere(QStringLiteral("3")), QStringLiteral("А-002"));
    ASSERT_TRUE(waitFor([&]() { return calls(display)->rowCount() == 2; }));
    EXPECT_EQ(calls(display)->index(0, 0).data().toString(), QStringLiteral("А-002"));  // newest first
    EXPECT_TRUE(calls(display)->index(0, 0).data(Qt::UserRole + 1).toBool());
    EXPECT_FALSE(calls(display)->index(1, 0).data(Qt::UserRole + 1).toBool());
    EXPECT_TRUE(waitFor([&]() { return chimed.count() == 2; }));
}

TEST_P(HallDisplayTest, CallsOnTheBoardAtStartDoNotChime)
{
    issue(kS1);
    ASSERT_EQ(call(QStringLiteral("1")), QStringLiteral("А-001"));
    gui::HallDisplay *display = openDisplay();
    QSignalSpy chimed(display->chime(), &gui::Chime::rang);
    EXPECT_EQ(calls(display)->rowCount(), 1);
    display->controller()->refresh();
    QTest::qWait(300);
    EXPECT_EQ(chimed.count(), 0);
}

TEST_P(HallDisplayTest, CentrePauseShowsTheAirRaidNoticeUntilResumed)
{
    gui::HallDisplay *display = openDisplay();
    auto *stack = display->findChild<QStackedWidget *>(QStringLiteral("boardStack"));
    ASSERT_EQ(stack->currentIndex(), 0);
    ASSERT_TRUE(service->pauseCentre(Actor::system(), QStringLiteral("повітряна тривога")).ok());
    ASSERT_TRUE(waitFor([&]() { return stack->currentIndex() == 1; }));
    const QString notice = display->findChild<QLabel *>(QStringLiteral("pauseNoticeLabel"))->text();
    EXPECT_TRUE(notice.contains(QStringLiteral("ПОВІТРЯНА ТРИВОГА"))) << notice.toStdString();
    EXPECT_TRUE(notice.contains(QStringLiteral("укриття")));
    ASSERT_TRUE(service->resumeCentre(Actor::system()).ok());
    EXPECT_TRUE(waitFor([&]() { return stack->currentIndex() == 0; }));

    // Another reason is shown as given, without the alert wording.
    ASSERT_TRUE(service->pauseCentre(Actor::system(), QStringLiteral("технічна перерва")).ok());
    ASSERT_TRUE(waitFor([&]() { return stack->currentIndex() == 1; }));
    const QString other = display->findChild<QLabel *>(QStringLiteral("pauseNoticeLabel"))->text();
    EXPECT_TRUE(other.contains(QStringLiteral("технічна перерва")));
    EXPECT_FALSE(other.contains(QStringLiteral("ТРИВОГА")));
}

TEST_P(HallDisplayTest, ChimeCanBeSwitchedOffInSettings)
{
    settings->setValue(gui::Settings::Key::DisplayChime, false);
    issue(kS1);
    gui::HallDisplay *display = openDisplay();
    EXPECT_FALSE(display->chime()->isEnabled());
    QSignalSpy chimed(display->chime(), &gui::Chime::rang);
    ASSERT_EQ(callElsewhere(QStringLiteral("1")), QStringLiteral("А-001"));
    ASSERT_TRUE(waitFor([&]() { return calls(display)->rowCount() == 1; }));
    EXPECT_EQ(chimed.count(), 0);
}

CNAP_INSTANTIATE_FOR_BACKENDS(HallDisplayTest);
