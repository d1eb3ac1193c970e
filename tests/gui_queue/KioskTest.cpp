// The kiosk on both backends: a walk-in ticket through the button flow is issued
// and printed to a PDF; priority and booking check-in; a device account without
// the right to issue gets the service's refusal on screen; the kiosk returns to
// its start screen by itself.
#include "GuiQueueFixture.h"

#include "gui/kiosk/KioskController.h"
#include "gui/kiosk/KioskWindow.h"
#include "gui/kiosk/TicketPrinter.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>

using namespace cnap;
using cnap::test::kS1;
using Page = cnap::gui::KioskWindow::Page;

class KioskTest : public cnap::test::GuiQueueFixture {
protected:
    gui::KioskWindow *openKiosk(Role role = Role::Kiosk)
    {
        pdfDir = db->dir() + QStringLiteral("/tickets");
        settings->setValue(gui::Settings::Key::TicketPdfDir, pdfDir);
        settings->setValue(gui::Settings::Key::CentreName, QStringLiteral("ЦНАП тестової громади"));
        auto *kiosk = show(new gui::KioskWindow(contextFor(role, QStringLiteral("kiosk1"))));
        EXPECT_TRUE(waitFor([kiosk]() { return kiosk->findChild<QPushButton *>(QStringLiteral("queueButton0")) != nullptr; }));
        return kiosk;
    }
    static void click(QWidget *w, const QString &name)
    {
        auto *b = w->findChild<QPushButton *>(name);
        ASSERT_NE(b, nullptr) << name.toStdString();
        QTest::mouseClick(b, Qt::LeftButton);
    }
    static QString text(QWidget *w, const char *name) { return w->findChild<QLabel *>(QString::fromLatin1(name))->text(); }

    QString pdfDir;
};

TEST_P(KioskTest, WalkInTicketIsIssuedShownAndPrintedToPdf)
{
    issue(kS1);  // one visitor already waits
    gui::KioskWindow *kiosk = openKiosk();
    ASSERT_EQ(kiosk->page(), Page::StartPage);
    click(kiosk, QStringLiteral("queueButton0"));  // queue А has two services: pick one
    ASSERT_EQ(kiosk->page(), Page::ServicePage);
    click(kiosk, QStringLiteral("serviceButton0"));
    ASSERT_EQ(kiosk->page(), Page::PriorityPage);
    click(kiosk, QStringLiteral("regularButton"));
    ASSERT_TRUE(waitFor([&]() { return kiosk->page() == Page::ResultPage; }))
        << text(kiosk, "kioskMessageLabel").toStdString();
    EXPECT_EQ(text(kiosk, "ticketNumberLabel"), QStringLiteral("А-002"));
    EXPECT_EQ(text(kiosk, "aheadLabel"), QStringLiteral("Перед вами: 1"));
    EXPECT_TRUE(text(kiosk, "estimateLabel").startsWith(QStringLiteral("Орієнтовне очікування:")));

    const QString pdf = kiosk->findChild<QLabel *>(QStringLiteral("printStatusLabel"))->property("printedTo").toString();
    ASSERT_FALSE(pdf.isEmpty()) << text(kiosk, "printStatusLabel").toStdString();
    EXPECT_TRUE(pdf.startsWith(pdfDir));
    QFile file(pdf);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.read(4) == "%PDF");
    EXPECT_GT(file.size(), 500);

    auto info = service->ticketInfo(Actor::system(), QStringLiteral("А-002"));
    ASSERT_TRUE(info.ok());
    EXPECT_EQ(info->ticket.serviceCode, kS1);
    EXPECT_EQ(eventCount(QStringLiteral("issued")), 2);
}

TEST_P(KioskTest, PriorityTicketComesFromItsOwnRange)
{
    gui::KioskWindow *kiosk = openKiosk();
    click(kiosk, QStringLiteral("queueButton1"));  // queue Б: one service, straight to the priority choice
    ASSERT_EQ(kiosk->page(), Page::PriorityPage);
    click(kiosk, QStringLiteral("categoryButton0"));
    ASSERT_TRUE(waitFor([&]() { return kiosk->page() == Page::ResultPage; })) << text(kiosk, "kioskMessageLabel").toStdString();
    EXPECT_TRUE(text(kiosk, "ticketNumberLabel").startsWith(QStringLiteral("БП-"))) << text(kiosk, "ticketNumberLabel").toStdString();
    EXPECT_EQ(text(kiosk, "aheadLabel"), QStringLiteral("Перед вами нікого немає"));
}

TEST_P(KioskTest, BookingCodeTypedOnTheKeypadChecksIn)
{
    services::BookingRequest request;
    request.serviceCode = kS1;
    request.slot = QDateTime(QDate(2026, 3, 2), QTime(10, 30));
    request.personId = QStringLiteral("1234567899");
    auto booking = service->book(Actor::system(), request);
    ASSERT_TRUE(booking.ok()) << booking.error().describe().toStdString();
    gui::KioskWindow *kiosk = openKiosk();
    click(kiosk, QStringLiteral("bookingButton"));
    ASSERT_EQ(kiosk->page(), Page::BookingPage);
    // A wrong key first, erased.
    click(kiosk, QStringLiteral("keyButton_A"));
    click(kiosk, QStringLiteral("eraseButton"));
    for (QChar c : booking->code)
        click(kiosk, QStringLiteral("keyButton_") + c);
    EXPECT_EQ(kiosk->findChild<QLineEdit *>(QStringLiteral("bookingCodeLineEdit"))->text(), booking->code);
    click(kiosk, QStringLiteral("checkInButton"));
    ASSERT_TRUE(waitFor([&]() { return kiosk->page() == Page::ResultPage; })) << text(kiosk, "kioskMessageLabel").toStdString();
    EXPECT_TRUE(text(kiosk, "ticketNumberLabel").startsWith(QStringLiteral("АЗ-"))) << text(kiosk, "ticketNumberLabel").toStdString();

    // The same code again: refused with the service's message, nothing issued.
    click(kiosk, QStringLiteral("doneButton"));
    click(kiosk, QStringLiteral("bookingButton"));
    for (QChar c : booking->code)
        click(kiosk, QStringLiteral("keyButton_") + c);
    click(kiosk, QStringLiteral("checkInButton"));
    auto *message = kiosk->findChild<QLabel *>(QStringLiteral("kioskMessageLabel"));
    ASSERT_TRUE(waitFor([&]() { return !message->isHidden(); }));
    EXPECT_TRUE(message->text().contains(booking->code)) << message->text().toStdString();
    EXPECT_EQ(kiosk->page(), Page::BookingPage);
    // An empty code is caught before the service.
    kiosk->findChild<QLineEdit *>(QStringLiteral("bookingCodeLineEdit"))->clear();
    click(kiosk, QStringLiteral("checkInButton"));
    EXPECT_TRUE(message->text().startsWith(QStringLiteral("Код запису")));
}

TEST_P(KioskTest, DisplayAccountCannotIssueAndSeesTheRefusal)
{
    gui::KioskWindow *kiosk = openKiosk(Role::Display);
    click(kiosk, QStringLiteral("queueButton1"));
    click(kiosk, QStringLiteral("regularButton"));
    auto *message = kiosk->findChild<QLabel *>(QStringLiteral("kioskMessageLabel"));
    ASSERT_TRUE(waitFor([&]() { return !message->isHidden(); }));
    EXPECT_TRUE(message->text().contains(QStringLiteral("недостатньо прав"))) << message->text().toStdString();
    EXPECT_NE(kiosk->page(), Page::ResultPage);
    EXPECT_EQ(eventCount(QStringLiteral("issued")), 0);
    EXPECT_TRUE(QDir(pdfDir).entryList(QDir::Files).isEmpty());
}

TEST_P(KioskTest, ReturnsToTheStartScreenAfterTheTimeout)
{
    gui::KioskWindow *kiosk = openKiosk();
    kiosk->setReturnTimeout(300);
    click(kiosk, QStringLiteral("queueButton1"));
    ASSERT_EQ(kiosk->page(), Page::PriorityPage);
    EXPECT_TRUE(waitFor([&]() { return kiosk->page() == Page::StartPage; }, 5000));
}

TEST(TicketPrinterTest, MissingPrinterIsAClearError)
{
    gui::TicketPrint t;
    t.number = QStringLiteral("А-001");
    auto r = gui::TicketPrinter(QStringLiteral("no-such-printer-xyz"), QString()).print(t);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Io);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("no-such-printer-xyz")));
}

CNAP_INSTANTIATE_FOR_BACKENDS(KioskTest);
