// The clerk's desk panel against a real database (both backends): shortcuts call
// and finish visitors, the panel follows changes made elsewhere, refuses what
// the desk cannot do and shows the centre pause.
#include "GuiQueueFixture.h"

#include "gui/queue/DeskController.h"
#include "gui/queue/DeskDialogs.h"
#include "gui/queue/DeskPanel.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>

using namespace cnap;
using cnap::test::kS1;
using cnap::test::kS3;

class DeskPanelTest : public cnap::test::GuiQueueFixture {
protected:
    gui::DeskPanel *openPanel(const QString &desk = QStringLiteral("1"), Role role = Role::Clerk)
    {
        auto *panel = show(new gui::DeskPanel(contextFor(role, QStringLiteral("clerk1"), desk), nullptr, 100));
        // Loaded once the board's time is known.
        EXPECT_TRUE(waitFor([panel]() { return panel->controller()->view().nowMs != 0; }));
        return panel;
    }
    static QString text(QWidget *panel, const char *name)
    {
        auto *label = panel->findChild<QLabel *>(QString::fromLatin1(name));
        return label ? label->text() : QStringLiteral("<no %1>").arg(QString::fromLatin1(name));
    }
};

TEST_P(DeskPanelTest, F5CallsTheLongestWaitingTicketAndF8FinishesWithTheChosenOutcome)
{
    issue(kS1);
    issue(kS1);
    issue(kS3);  // queue Б: desk 1 does not serve it
    gui::DeskPanel *panel = openPanel();
    EXPECT_EQ(text(panel, "deskLabel"), QStringLiteral("Вікно 1"));
    EXPECT_TRUE(waitFor([&]() { return text(panel, "waitingLabel") == QStringLiteral("Очікують на це вікно: 2"); }))
        << text(panel, "waitingLabel").toStdString();
    QSignalSpy called(panel, &gui::DeskPanel::ticketCalled);

    QTest::keyClick(panel, Qt::Key_F5);
    ASSERT_TRUE(waitFor([&]() { return text(panel, "ticketNumberLabel") == QStringLiteral("А-001"); }))
        << text(panel, "ticketNumberLabel").toStdString() << " / " << text(panel, "messageLabel").toStdString();
    ASSERT_EQ(called.count(), 1);
    EXPECT_EQ(called.first().first().value<queue::Ticket>().number, QStringLiteral("А-001"));
    EXPECT_TRUE(text(panel, "servicesLabel").contains(QStringLiteral("Послуга 1")));
    EXPECT_EQ(text(panel, "deskStateLabel"), QStringLiteral("працює"));
    auto current = service->currentTicket(Actor::system(), QStringLiteral("1"));
    ASSERT_TRUE(current.ok() && current.value());
    EXPECT_EQ(current.value()->state, queue::TicketState::Called);

    // While a visitor is at the desk, F5 is refused (disabled): nobody else is called.
    EXPECT_TRUE(waitFor([&]() { return !panel->findChild<QAction *>(QStringLiteral("callNextAction"))->isEnabled(); }));
    QTest::keyClick(panel, Qt::Key_F5);
    QTest::qWait(200);
    EXPECT_EQ(called.count(), 1);

    QTest::keyClick(panel, Qt::Key_F7);  // start service
    ASSERT_TRUE(waitFor([&]() { return text(panel, "ticketStateLabel") == QStringLiteral("обслуговується"); }));

    QTest::keyClick(panel, Qt::Key_F8);
    auto *dialog = panel->findChild<gui::OutcomeDialog *>();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitFor([dialog]() { return dialog->isVisible(); }));
    auto *refused = dialog->findChild<QPushButton *>(QStringLiteral("refusedButton"));
    ASSERT_NE(refused, nullptr);
    QTest::mouseClick(refused, Qt::LeftButton);
    ASSERT_TRUE(waitFor([&]() { return text(panel, "ticketNumberLabel") == QStringLiteral("—"); }))
        << text(panel, "messageLabel").toStdString();
    EXPECT_TRUE(text(panel, "messageLabel").contains(QStringLiteral("відмова")));
    EXPECT_EQ(eventCount(QStringLiteral("finished")), 1);
    EXPECT_TRUE(waitFor([&]() { return text(panel, "waitingLabel") == QStringLiteral("Очікують на це вікно: 1"); }));
}

TEST_P(DeskPanelTest, NobodyWaitingShowsAMessageAndTheQueueStaysEmpty)
{
    gui::DeskPanel *panel = openPanel();
    QSignalSpy called(panel, &gui::DeskPanel::ticketCalled);
    QTest::keyClick(panel, Qt::Key_F5);
    ASSERT_TRUE(waitFor([&]() { return text(panel, "messageLabel") == QStringLiteral("Ніхто не очікує на це вікно."); }))
        << text(panel, "messageLabel").toStdString();
    EXPECT_EQ(called.count(), 0);
    EXPECT_EQ(text(panel, "ticketNumberLabel"), QStringLiteral("—"));
}

TEST_P(DeskPanelTest, FollowsTicketsIssuedElsewhereAndRecallsThenMarksNoShow)
{
    gui::DeskPanel *panel = openPanel();
    EXPECT_EQ(text(panel, "waitingLabel"), QStringLiteral("Очікують на це вікно: 0"));
    issue(kS1);  // through another connection: only the watcher tells the panel
    ASSERT_TRUE(waitFor([&]() { return text(panel, "waitingLabel") == QStringLiteral("Очікують на це вікно: 1"); }));

    QTest::keyClick(panel, Qt::Key_F5);
    ASSERT_TRUE(waitFor([&]() { return text(panel, "ticketNumberLabel") == QStringLiteral("А-001"); }));
    QTest::keyClick(panel, Qt::Key_F6);
    ASSERT_TRUE(waitFor([&]() { return text(panel, "messageLabel").contains(QStringLiteral("Повторний виклик")); }));
    QTest::keyClick(panel, Qt::Key_F9);
    ASSERT_TRUE(waitFor([&]() { return text(panel, "ticketNumberLabel") == QStringLiteral("—"); }));
    EXPECT_TRUE(text(panel, "messageLabel").contains(QStringLiteral("не з'явився")));
    EXPECT_EQ(eventCount(QStringLiteral("no-show")), 1);
}

TEST_P(DeskPanelTest, RedirectKeepsThePlaceAndMovesTheVisitorToAnotherService)
{
    issue(kS1);
    gui::DeskPanel *panel = openPanel(QStringLiteral("3"));
    QTest::keyClick(panel, Qt::Key_F5);
    ASSERT_TRUE(waitFor([&]() { return text(panel, "ticketNumberLabel") == QStringLiteral("А-001"); }));
    QTest::keyClick(panel, Qt::Key_R, Qt::ControlModifier);
    auto *dialog = panel->findChild<gui::RedirectDialog *>();
    ASSERT_NE(dialog, nullptr);
    // Neither service nor desk chosen: the dialog says so and stays open.
    dialog->accept();
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_FALSE(dialog->findChild<QLabel *>(QStringLiteral("errorLabel"))->isHidden());
    auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("redirectServiceComboBox"));
    ASSERT_NE(combo, nullptr);
    const int target = combo->findData(kS3);
    ASSERT_GE(target, 0);
    combo->setCurrentIndex(target);
    dialog->accept();
    ASSERT_TRUE(waitFor([&]() { return text(panel, "ticketNumberLabel") == QStringLiteral("—"); }))
        << text(panel, "messageLabel").toStdString();
    EXPECT_TRUE(text(panel, "messageLabel").contains(QStringLiteral("місце в черзі збережено")));
    EXPECT_EQ(call(QStringLiteral("2")), QStringLiteral("А-001"));  // desk 2 serves 10003 only
}

TEST_P(DeskPanelTest, CentrePauseShowsTheNoticeAndDisablesCalls)
{
    issue(kS1);
    gui::DeskPanel *panel = openPanel();
    auto *callNext = panel->findChild<QAction *>(QStringLiteral("callNextAction"));
    ASSERT_TRUE(waitFor([&]() { return callNext->isEnabled(); }));
    ASSERT_TRUE(service->pauseCentre(Actor::system(), QStringLiteral("повітряна тривога")).ok());
    auto *notice = panel->findChild<QLabel *>(QStringLiteral("centrePauseLabel"));
    ASSERT_TRUE(waitFor([&]() { return !notice->isHidden(); }));
    EXPECT_TRUE(notice->text().contains(QStringLiteral("повітряна тривога")));
    EXPECT_FALSE(callNext->isEnabled());
    ASSERT_TRUE(service->resumeCentre(Actor::system()).ok());
    ASSERT_TRUE(waitFor([&]() { return notice->isHidden() && callNext->isEnabled(); }));
}

TEST_P(DeskPanelTest, PauseKeyTogglesTheDeskAndAPausedDeskCannotCall)
{
    issue(kS1);
    gui::DeskPanel *panel = openPanel();
    EXPECT_EQ(text(panel, "deskStateLabel"), QStringLiteral("зачинено"));
    QTest::keyClick(panel, Qt::Key_F12);  // a closed desk opens
    ASSERT_TRUE(waitFor([&]() { return text(panel, "deskStateLabel") == QStringLiteral("працює"); }))
        << text(panel, "messageLabel").toStdString();
    QTest::keyClick(panel, Qt::Key_F12);
    ASSERT_TRUE(waitFor([&]() { return text(panel, "deskStateLabel") == QStringLiteral("на перерві"); }))
        << text(panel, "messageLabel").toStdString();
    EXPECT_FALSE(panel->findChild<QAction *>(QStringLiteral("callNextAction"))->isEnabled());
    // The controller refuses too (the service would): nothing is called.
    panel->controller()->callNext();
    EXPECT_TRUE(waitFor([&]() { return text(panel, "messageLabel").contains(QStringLiteral("відновіть роботу")); }))
        << text(panel, "messageLabel").toStdString();
    ASSERT_TRUE(waitFor([&]() { return !panel->controller()->isBusy(); }));
    EXPECT_EQ(eventCount(QStringLiteral("called")), 0);
    QTest::keyClick(panel, Qt::Key_F12);
    ASSERT_TRUE(waitFor([&]() { return text(panel, "deskStateLabel") == QStringLiteral("працює"); }));
    QTest::keyClick(panel, Qt::Key_F5);
    EXPECT_TRUE(waitFor([&]() { return text(panel, "ticketNumberLabel") == QStringLiteral("А-001"); }));
}

TEST_P(DeskPanelTest, ASessionWithoutADeskOrTheRightRoleCannotServe)
{
    issue(kS1);
    gui::DeskPanel *panel = openPanel(QString());
    EXPECT_EQ(text(panel, "deskLabel"), QStringLiteral("Вікно не вказано"));
    EXPECT_FALSE(panel->findChild<QAction *>(QStringLiteral("callNextAction"))->isEnabled());
    panel->controller()->callNext();
    EXPECT_TRUE(text(panel, "messageLabel").contains(QStringLiteral("не вказано вікно")));
    widget.reset();

    gui::DeskPanel *display = openPanel(QStringLiteral("1"), Role::Display);
    display->controller()->callNext();
    EXPECT_TRUE(text(display, "messageLabel").contains(QStringLiteral("роль")));
    EXPECT_EQ(eventCount(QStringLiteral("called")), 0);
}

CNAP_INSTANTIATE_FOR_BACKENDS(DeskPanelTest);
