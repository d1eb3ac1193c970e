// The exchange page against cnap-registry-sim (a child process on loopback):
// Sync now delivers the outbox with the progress bar reaching 100 and the
// button disabled meanwhile; the keyboard shortcut; an unreachable security
// server, a missing or broken configuration; a dead letter re-queued by a
// supervisor and delivered, refused for a clerk, rebuilt after the data is
// fixed.  Both backends.
#include "ExchangeGuiFixture.h"

#include "ExchangeFixtures.h"

#include "gui/exchange/ExchangeModels.h"
#include "gui/exchange/ExchangePage.h"
#include "gui/exchange/OutboxController.h"
#include "gui/exchange/SyncController.h"
#include "gui/main/Features.h"
#include "gui/main/MainWindow.h"
#include "storage/OutboxRepository.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QScopeGuard>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>

using namespace cnap;
using namespace cnap::gui::exchange;
using cnap::test::Backend;
using cnap::test::ExchangeGuiFixture;
using cnap::test::closeMessageBoxes;
using cnap::test::presentedError;
using cnap::test::waitFor;
namespace outbox = cnap::test::outbox;
using cnap::test::exchange::SimProcess;
using storage::OutboxState;

namespace {

class ExchangePageTest : public ::testing::TestWithParam<Backend> {};

QList<storage::OutboxItem> allItems(ExchangeGuiFixture &f)
{
    auto l = storage::OutboxRepository(f.database()).list(std::nullopt, 0, 100000);
    return l ? l.value() : QList<storage::OutboxItem>{};
}

QString storeDir(ExchangeGuiFixture &f) { return QDir(f.dir()).filePath(QStringLiteral("store")); }

/// Selects the first row of `view` as a person would.
void selectFirstRow(QTableView *view)
{
    view->setCurrentIndex(view->model()->index(0, 0));
    view->selectRow(0);
}

} // namespace

TEST_P(ExchangePageTest, SyncNowDeliversTheOutboxWithTheProgressBarReaching100)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    for (int i = 0; i < 5; ++i)
        f.outbox().registerCase(outbox::kResidence, 100 + i);
    // Social applications carry their scans: read from the desk's store (the file names none).
    f.outbox().registerCase(outbox::kSocial, 120);
    f.outbox().registerCase(outbox::kSocial, 121);
    SimProcess sim({QStringLiteral("--decision-delay-ms"), QStringLiteral("0")});
    ASSERT_TRUE(sim.started()) << sim.output().toStdString();
    const QString config = f.writeSyncConfig(sim.url());

    ExchangePage page(f.contextAs(Role::Supervisor, QStringLiteral("head")), ExchangeSetup::fromFile(config, storeDir(f)));
    page.resize(1200, 700);
    page.show();
    ASSERT_TRUE(waitFor([&] { return page.countsLabel()->text().contains(QStringLiteral("<b>7</b>")); })) << page.countsLabel()->text().toStdString();
    ASSERT_TRUE(page.syncButton()->isEnabled()) << page.syncButton()->toolTip().toStdString();
    EXPECT_TRUE(page.syncButton()->toolTip().contains(config));

    QList<int> percents;
    bool offThread = false;
    QObject::connect(page.sync(), &SyncController::progressChanged, &page, [&](int percent, int, int) {
        percents << percent;
        offThread = offThread || QThread::currentThread() != qApp->thread();
    });
    QSignalSpy finished(page.sync(), &SyncController::finished);
    QSignalSpy failed(page.sync(), &SyncController::failed);
    QTest::mouseClick(page.syncButton(), Qt::LeftButton);
    // Disabled at once, so a second press cannot start a second cycle.
    EXPECT_FALSE(page.syncButton()->isEnabled());
    EXPECT_FALSE(page.syncAction()->isEnabled());
    EXPECT_TRUE(page.sync()->running());
    page.syncNow();  // ignored while running
    ASSERT_TRUE(waitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 60000));
    ASSERT_TRUE(failed.isEmpty()) << failed.at(0).at(0).value<Error>().describe().toStdString();
    ASSERT_EQ(finished.size(), 1);

    const auto report = finished.at(0).at(0).value<cnap::exchange::sync::CycleReport>();
    EXPECT_EQ(report.done, 7);
    EXPECT_EQ(report.dead, 0);
    EXPECT_EQ(page.progressBar()->value(), 100);
    EXPECT_EQ(page.progressBar()->maximum(), 100);
    ASSERT_FALSE(percents.isEmpty());
    EXPECT_EQ(percents.last(), 100);
    for (qsizetype i = 1; i < percents.size(); ++i)
        EXPECT_LE(percents[i - 1], percents[i]) << "the bar never goes back";
    EXPECT_GT(percents.size(), 3) << "progress came item by item, not only at the end";
    EXPECT_FALSE(offThread) << "progress is delivered on the UI thread";
    EXPECT_TRUE(page.syncButton()->isEnabled());
    EXPECT_TRUE(page.reportLabel()->text().contains(QStringLiteral("доставлено 7"))) << page.reportLabel()->text().toStdString();

    for (const auto &i : allItems(f))
        EXPECT_EQ(i.state, OutboxState::Done) << i.caseNumber.toStdString() << ": " << i.lastError.toStdString();
    // The page shows it too: counts and the list are read again after the cycle.
    ASSERT_TRUE(waitFor([&] { return page.countsLabel()->text().contains(QStringLiteral("Доставлено: <b>7</b>")); }))
        << page.countsLabel()->text().toStdString();
    ASSERT_TRUE(waitFor([&] {
        return page.outboxView()->model()->rowCount() == 7
               && page.outboxView()->model()->index(6, OutboxModel::StateColumn).data().toString() == QStringLiteral("Доставлено");
    }));
    EXPECT_TRUE(presentedError(&page).isEmpty());
}

TEST_P(ExchangePageTest, ClosingThePageStopsSyncNowAndReturnsTheUnsentToTheOutbox)
{
    // Every answer takes 400 ms: a dozen items at two at a time would keep the
    // window from closing for seconds.  Closing stops the cycle instead:
    // what is on the wire finishes, what was claimed but not sent goes back.
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    constexpr int kItems = 12;
    for (int i = 0; i < kItems; ++i)
        f.outbox().registerCase(outbox::kResidence, 200 + i);
    SimProcess sim({QStringLiteral("--decision-delay-ms"), QStringLiteral("0"), QStringLiteral("--fault"), QStringLiteral("delay"),
                    QStringLiteral("--delay-ms"), QStringLiteral("400")});
    ASSERT_TRUE(sim.started()) << sim.output().toStdString();
    // No status polls of the accepted (each would take 400 ms too).
    const QString config = f.writeSyncConfig(sim.url(), [](auto &c) { c.statusPollInterval = std::chrono::hours(1); });
    auto page = std::make_unique<ExchangePage>(f.contextAs(Role::Supervisor, QStringLiteral("head")),
                                               ExchangeSetup::fromFile(config, storeDir(f)));
    page->show();
    ASSERT_TRUE(waitFor([&] { return page->syncButton()->isEnabled(); })) << page->syncButton()->toolTip().toStdString();
    int finishedItems = 0;
    QObject::connect(page->sync(), &SyncController::progressChanged, page.get(),
                     [&](int, int finished, int) { finishedItems = std::max(finishedItems, finished); });
    page->syncNow();
    ASSERT_TRUE(waitFor([&] { return finishedItems >= 1; }, 30000));
    page.reset();  // the window closes mid-cycle; the destructor waits for the worker

    const auto items = allItems(f);
    ASSERT_EQ(items.size(), kItems);
    int done = 0, pending = 0;
    for (const auto &i : items) {
        done += i.state == OutboxState::Done;
        pending += i.state == OutboxState::Pending;
        EXPECT_TRUE(i.state == OutboxState::Done || i.state == OutboxState::Pending)
            << i.caseNumber.toStdString() << " left " << int(i.state);
    }
    EXPECT_GE(done, 1);
    EXPECT_GT(pending, 0) << "the cycle ran to its end instead of stopping";
    EXPECT_EQ(done + pending, kItems);

    // Nothing lost: the next Sync now delivers the rest, each once.
    ExchangePage again(f.contextAs(Role::Supervisor, QStringLiteral("head")), ExchangeSetup::fromFile(config, storeDir(f)));
    again.show();
    ASSERT_TRUE(waitFor([&] { return again.syncButton()->isEnabled(); }));
    QSignalSpy finished(again.sync(), &SyncController::finished);
    QSignalSpy failed(again.sync(), &SyncController::failed);
    again.syncNow();
    ASSERT_TRUE(waitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 60000));
    ASSERT_TRUE(failed.isEmpty()) << failed.at(0).at(0).value<Error>().describe().toStdString();
    EXPECT_EQ(finished.at(0).at(0).value<cnap::exchange::sync::CycleReport>().done, pending);
    for (const auto &i : allItems(f))
        EXPECT_EQ(i.state, OutboxState::Done) << i.caseNumber.toStdString();
}

TEST_P(ExchangePageTest, TheShortcutRunsSyncNowFromAnyPageOfTheSupervisorWindow)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    f.outbox().registerCase(outbox::kResidence, 7);
    SimProcess sim({});
    ASSERT_TRUE(sim.started()) << sim.output().toStdString();
    f.settings().setValue(gui::Settings::Key::ExchangeConfigFile, f.writeSyncConfig(sim.url()));

    gui::MainWindow window(f.contextAs(Role::Supervisor, QStringLiteral("head")));
    gui::FeatureRegistry::installInto(window, gui::Mode::Supervisor);
    auto *page = window.findChild<ExchangePage *>();
    ASSERT_TRUE(page);
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pagesTabWidget"));
    ASSERT_TRUE(tabs);
    window.resize(1280, 800);
    window.show();
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(page->syncAction()->isEnabled()) << page->syncAction()->toolTip().toStdString();
    tabs->setCurrentIndex(0);
    ASSERT_NE(tabs->currentWidget(), static_cast<QWidget *>(page));
    QSignalSpy finished(page->sync(), &SyncController::finished);
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(tabs->currentWidget(), static_cast<QWidget *>(page)) << "the page comes forward to show the progress";
    ASSERT_TRUE(waitFor([&] { return !finished.isEmpty(); }, 60000));
    EXPECT_EQ(finished.at(0).at(0).value<cnap::exchange::sync::CycleReport>().done, 1);
    EXPECT_EQ(page->progressBar()->value(), 100);
    // The Обмін menu offers the same action.
    QMenu *menu = window.menu(QStringLiteral("exchange"));
    ASSERT_TRUE(menu);
    EXPECT_TRUE(menu->actions().contains(page->syncAction()));
}

TEST_P(ExchangePageTest, AnUnreachableSecurityServerMeansRetryLaterNotAFailure)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    f.outbox().registerCase(outbox::kResidence, 1);
    f.outbox().registerCase(outbox::kResidence, 2);
    // A port bound but never listened on: connections are refused, and no other
    // process (a simulator of a test running beside this one) can take it meanwhile.
    const int holder = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(holder, 0);
    const auto release = qScopeGuard([holder] { ::close(holder); });
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(holder, reinterpret_cast<const sockaddr *>(&addr), sizeof addr), 0);
    socklen_t len = sizeof addr;
    ASSERT_EQ(::getsockname(holder, reinterpret_cast<sockaddr *>(&addr), &len), 0);
    const quint16 closedPort = ntohs(addr.sin_port);
    // A minute's backoff: the cycle tries each item once and leaves it for the next.
    const QString config = f.writeSyncConfig(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort), [](auto &c) {
        c.backoffBase = std::chrono::milliseconds(60000);
        c.backoffMax = std::chrono::milliseconds(60000);
    });
    ExchangePage page(f.contextAs(Role::Supervisor), ExchangeSetup::fromFile(config, storeDir(f)));
    page.show();
    QSignalSpy finished(page.sync(), &SyncController::finished);
    page.syncNow();
    ASSERT_TRUE(waitFor([&] { return !finished.isEmpty(); }, 60000));
    const auto report = finished.at(0).at(0).value<cnap::exchange::sync::CycleReport>();
    EXPECT_EQ(report.retried, 2);
    EXPECT_EQ(report.done, 0);
    EXPECT_EQ(page.progressBar()->value(), 100) << "the cycle ended; the items wait for the next one";
    EXPECT_TRUE(page.reportLabel()->text().contains(QStringLiteral("повтор пізніше 2"))) << page.reportLabel()->text().toStdString();
    for (const auto &i : allItems(f)) {
        EXPECT_EQ(i.state, OutboxState::Pending);
        EXPECT_EQ(i.attempts, 1);
        EXPECT_FALSE(i.lastError.isEmpty());
    }
    // The list is read again after the cycle: the attempt and its error show.
    ASSERT_TRUE(waitFor([&] {
        return page.outboxView()->model()->rowCount() == 2
               && page.outboxView()->model()->index(0, OutboxModel::AttemptsColumn).data().toInt() == 1;
    }));
    EXPECT_FALSE(page.outboxView()->model()->index(0, OutboxModel::LastErrorColumn).data().toString().isEmpty());
    EXPECT_TRUE(page.outboxView()->model()->index(0, OutboxModel::StateColumn).data(Qt::BackgroundRole).isValid())
        << "a retrying item is marked";
}

TEST_P(ExchangePageTest, WithoutAConfigurationSyncNowIsOffAndSaysHowToConfigureIt)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    ExchangePage page(f.contextAs(Role::Supervisor), ExchangeSetup::fromSettings(&f.settings()));
    page.show();
    EXPECT_FALSE(page.syncButton()->isEnabled());
    EXPECT_FALSE(page.syncAction()->isEnabled());
    EXPECT_TRUE(page.syncButton()->toolTip().contains(QStringLiteral("exchange/configFile"))) << page.syncButton()->toolTip().toStdString();
    EXPECT_TRUE(page.syncButton()->toolTip().contains(QStringLiteral("cnap-syncd")));
    QSignalSpy failed(page.sync(), &SyncController::failed);
    page.syncNow();  // a programmatic call is refused the same way
    ASSERT_EQ(failed.size(), 1);
    EXPECT_EQ(failed.at(0).at(0).value<Error>().code, ErrorCode::Unsupported);
    ASSERT_TRUE(waitFor([&] { return !presentedError(&page).isEmpty(); }));
    closeMessageBoxes(&page);
    EXPECT_FALSE(page.sync()->running());
}

TEST_P(ExchangePageTest, AConfigurationBrokenAfterTheStartIsReportedAndTheButtonComesBack)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    f.outbox().registerCase(outbox::kResidence, 1);
    const QString config = f.writeSyncConfig(QStringLiteral("http://127.0.0.1:9/"));
    ExchangePage page(f.contextAs(Role::Supervisor), ExchangeSetup::fromFile(config, storeDir(f)));
    page.show();
    ASSERT_TRUE(page.syncButton()->isEnabled());
    // The administrator breaks the file while the page is open: the cycle reads it again.
    {
        QFile file(config);
        ASSERT_TRUE(file.open(QIODevice::Append));
        file.write("\n[sync]\nconcurrency = many\n");
    }
    QSignalSpy failed(page.sync(), &SyncController::failed);
    page.syncNow();
    ASSERT_TRUE(waitFor([&] { return !failed.isEmpty(); }, 30000));
    const Error e = failed.at(0).at(0).value<Error>();
    EXPECT_TRUE(e.message.contains(QStringLiteral("sync/concurrency"))) << e.message.toStdString();
    EXPECT_TRUE(page.reportLabel()->text().startsWith(QStringLiteral("Синхронізацію не виконано"))) << page.reportLabel()->text().toStdString();
    EXPECT_EQ(page.progressBar()->value(), 0);
    ASSERT_TRUE(waitFor([&] { return presentedError(&page).contains(QStringLiteral("sync/concurrency")); }));
    closeMessageBoxes(&page);
    EXPECT_FALSE(page.sync()->running());
    EXPECT_EQ(f.item(allItems(f).first().caseNumber).state, OutboxState::Pending) << "nothing was sent";
    EXPECT_EQ(allItems(f).first().attempts, 0);
}

TEST_P(ExchangePageTest, ADeadLetterIsRequeuedFromThePageAndThenDelivered)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    const QString number = f.outbox().registerCase(outbox::kResidence, 31);
    const QString config = [&] {
        SimProcess refusing({QStringLiteral("--fault"), QStringLiteral("client-fault")});
        EXPECT_TRUE(refusing.started());
        const QString path = f.writeSyncConfig(refusing.url());
        ExchangePage first(f.contextAs(Role::Supervisor), ExchangeSetup::fromFile(path, storeDir(f)));
        QSignalSpy done(first.sync(), &SyncController::finished);
        first.syncNow();
        EXPECT_TRUE(waitFor([&] { return !done.isEmpty(); }, 60000));
        return path;
    }();
    const storage::OutboxItem dead = f.item(number);
    ASSERT_EQ(dead.state, OutboxState::Dead) << "a Client fault is ours to fix: no retry";
    ASSERT_TRUE(dead.lastError.contains(QStringLiteral("Client"))) << dead.lastError.toStdString();
    ASSERT_FALSE(dead.request.isEmpty());

    ExchangePage page(f.contextAs(Role::Supervisor, QStringLiteral("head")), ExchangeSetup::fromFile(config, storeDir(f)));
    page.show();
    page.sections()->setCurrentIndex(1);
    ASSERT_TRUE(waitFor([&] { return !page.outbox()->busy() && page.deadView()->model()->rowCount() == 1; }));
    EXPECT_EQ(page.sections()->tabText(1), QStringLiteral("Не доставлено (1)"));
    EXPECT_TRUE(page.deadView()->isColumnHidden(OutboxModel::NextAttemptColumn));
    EXPECT_EQ(page.deadView()->model()->index(0, OutboxModel::LastErrorColumn).data().toString(), dead.lastError);
    ASSERT_TRUE(page.requeueButton()->isEnabled());
    selectFirstRow(page.deadView());
    QSignalSpy requeued(page.outbox(), &OutboxController::requeued);
    QTest::mouseClick(page.requeueButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !requeued.isEmpty(); }));
    const storage::OutboxItem back = f.item(number);
    EXPECT_EQ(back.state, OutboxState::Pending);
    EXPECT_EQ(back.attempts, 0);
    EXPECT_EQ(back.messageId, dead.messageId) << "the same id: a registry that acted once will not act again";
    EXPECT_EQ(back.request, dead.request) << "the sealed bytes are sent again as they were";
    ASSERT_TRUE(waitFor([&] { return page.deadView()->model()->rowCount() == 0; }));
    EXPECT_EQ(page.sections()->tabText(1), QStringLiteral("Не доставлено"));
    EXPECT_FALSE(page.requeueButton()->isEnabled());
    EXPECT_TRUE(presentedError(&page).isEmpty());

    // The registry is fine again: the next Sync now delivers it.
    SimProcess good({});
    ASSERT_TRUE(good.started());
    f.writeSyncConfig(good.url());  // the same file, a new address: read again by the cycle
    QSignalSpy finished(page.sync(), &SyncController::finished);
    page.syncNow();
    ASSERT_TRUE(waitFor([&] { return !finished.isEmpty(); }, 60000));
    EXPECT_EQ(f.item(number).state, OutboxState::Done) << f.item(number).lastError.toStdString();
}

TEST_P(ExchangePageTest, AClerkIsRefusedTheRequeueAndTheLetterStaysDead)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    const QString number = f.registerDeadCase(5);
    ASSERT_EQ(f.item(number).state, OutboxState::Dead);
    ExchangePage page(f.contextAs(Role::Clerk, QStringLiteral("clerk1")), ExchangeSetup::fromSettings(&f.settings()));
    page.show();
    EXPECT_EQ(page.messageLog(), nullptr) << "clerks do not read the message log";
    ASSERT_TRUE(waitFor([&] { return !page.outbox()->busy() && page.deadView()->model()->rowCount() == 1; }))
        << "clerks may see what did not go";
    EXPECT_FALSE(page.requeueButton()->isEnabled());
    EXPECT_TRUE(page.requeueButton()->toolTip().contains(QStringLiteral("керівник")));
    // Hiding a button is not a check: asked anyway, the service refuses.
    selectFirstRow(page.deadView());
    QSignalSpy refused(page.outbox(), &OutboxController::requeueFailed);
    page.requeueSelected();
    ASSERT_TRUE(waitFor([&] { return !refused.isEmpty(); }));
    EXPECT_EQ(refused.at(0).at(0).value<Error>().code, ErrorCode::PermissionDenied);
    ASSERT_TRUE(waitFor([&] { return !presentedError(&page).isEmpty(); }));
    EXPECT_TRUE(presentedError(&page).startsWith(QStringLiteral("Недостатньо прав"))) << presentedError(&page).toStdString();
    closeMessageBoxes(&page);
    EXPECT_EQ(f.item(number).state, OutboxState::Dead);
}

TEST_P(ExchangePageTest, ANeverSentLetterIsRebuiltFromTheFixedDataOnRequeue)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    const QString number = f.registerDeadCase(6);
    const storage::OutboxItem dead = f.item(number);
    ASSERT_EQ(dead.state, OutboxState::Dead);
    ASSERT_TRUE(dead.payload.isEmpty());
    ExchangePage page(f.contextAs(Role::Supervisor), ExchangeSetup::fromSettings(&f.settings()));
    page.show();
    ASSERT_TRUE(waitFor([&] { return !page.outbox()->busy() && page.deadView()->model()->rowCount() == 1; }));
    selectFirstRow(page.deadView());
    // Not fixed yet: the service says what is missing, the letter stays.
    QSignalSpy refused(page.outbox(), &OutboxController::requeueFailed);
    page.requeueSelected();
    ASSERT_TRUE(waitFor([&] { return !refused.isEmpty(); }));
    EXPECT_EQ(refused.at(0).at(0).value<Error>().field, QStringLiteral("address.katottg"));
    ASSERT_TRUE(waitFor([&] { return !presentedError(&page).isEmpty(); }));
    closeMessageBoxes(&page);
    EXPECT_EQ(f.item(number).state, OutboxState::Dead);

    ASSERT_TRUE(f.fixApplicantOf(number));
    QSignalSpy requeued(page.outbox(), &OutboxController::requeued);
    // The refusal reloaded the lists: select once they are back.
    ASSERT_TRUE(waitFor([&] { return !page.outbox()->busy() && page.deadView()->model()->rowCount() == 1; }));
    selectFirstRow(page.deadView());
    page.requeueSelected();
    ASSERT_TRUE(waitFor([&] { return !requeued.isEmpty(); }));
    const storage::OutboxItem back = f.item(number);
    EXPECT_EQ(back.state, OutboxState::Pending);
    EXPECT_FALSE(back.payload.isEmpty());
    EXPECT_TRUE(back.payload.contains("UA63120270010096107"));
    EXPECT_EQ(back.messageId, dead.messageId);

    // Nothing selected: a hint, no call.
    ASSERT_TRUE(waitFor([&] { return page.deadView()->model()->rowCount() == 0; }));
    page.requeueSelected();
    EXPECT_TRUE(presentedError(&page).isEmpty());
}

TEST_P(ExchangePageTest, TheAdministratorSeesSyncAndTheLogButNoCases)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    gui::MainWindow window(f.contextAs(Role::Admin, QStringLiteral("admin")));
    gui::FeatureRegistry::installInto(window, gui::Mode::Supervisor);
    auto *page = window.findChild<ExchangePage *>();
    ASSERT_TRUE(page);
    EXPECT_NE(page->messageLog(), nullptr);
    EXPECT_EQ(page->outboxView(), nullptr);
    EXPECT_EQ(page->deadView(), nullptr);
    EXPECT_FALSE(page->countsLabel()->isVisibleTo(page));
    EXPECT_EQ(page->sections()->count(), 1);

    // The clerk's workstation: the page with the queue, no log; online applications and the case section too.
    gui::MainWindow desk(f.contextAs(Role::Clerk, QStringLiteral("clerk1")));
    gui::FeatureRegistry::installInto(desk, gui::Mode::Workstation);
    auto *deskPage = desk.findChild<ExchangePage *>();
    ASSERT_TRUE(deskPage);
    EXPECT_EQ(deskPage->messageLog(), nullptr);
    EXPECT_EQ(deskPage->sections()->count(), 2);
}

CNAP_INSTANTIATE_FOR_BACKENDS(ExchangePageTest);
