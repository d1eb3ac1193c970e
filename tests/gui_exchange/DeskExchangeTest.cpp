// The exchange on the clerk's desk: the case view's "Обмін з реєстрами"
// section, refreshed with every (re)load of the case, and the online
// applications page feeding the intake.  A full workstation window (every
// feature installed), both backends, a simulator for the real answers.
#include "ExchangeGuiFixture.h"

#include "ExchangeFixtures.h"

#include "gui/desk/ApplicantPanel.h"
#include "gui/desk/CaseViewController.h"
#include "gui/desk/CaseViewPage.h"
#include "gui/desk/DeskFeature.h"
#include "gui/desk/IntakePage.h"
#include "gui/exchange/CaseExchangeSection.h"
#include "gui/exchange/ExchangeModels.h"
#include "gui/exchange/ExchangeSetup.h"
#include "gui/exchange/OnlineApplicationsController.h"
#include "gui/exchange/OnlineApplicationsPage.h"
#include "gui/exchange/SyncController.h"
#include "gui/main/Features.h"
#include "gui/main/MainWindow.h"
#include "storage/OutboxRepository.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>

using namespace cnap;
using namespace cnap::gui::exchange;
using cnap::test::Backend;
using cnap::test::ExchangeGuiFixture;
using cnap::test::closeMessageBoxes;
using cnap::test::presentedError;
using cnap::test::waitFor;
namespace outbox = cnap::test::outbox;
using cnap::test::exchange::SimProcess;

namespace {

class DeskExchangeTest : public ::testing::TestWithParam<Backend> {};

/// Runs one Sync now cycle as `role` with the file `config`.
bool syncOnce(ExchangeGuiFixture &f, const QString &config)
{
    SyncController sync(f.contextAs(Role::Supervisor), ExchangeSetup::fromFile(config, QDir(f.dir()).filePath(QStringLiteral("store"))));
    QSignalSpy finished(&sync, &SyncController::finished);
    QSignalSpy failed(&sync, &SyncController::failed);
    sync.syncNow();
    if (!waitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 60000))
        return false;
    EXPECT_TRUE(failed.isEmpty()) << (failed.isEmpty() ? std::string() : failed.at(0).at(0).value<Error>().describe().toStdString());
    return failed.isEmpty();
}

} // namespace

TEST_P(DeskExchangeTest, TheCaseViewShowsEachCasesExchangeStateAndFollowsReloads)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    const QString residence = f.outbox().registerCase(outbox::kResidence, 11);
    const QString paper = f.outbox().registerCase(outbox::kPaper, 12);
    const QString dead = f.registerDeadCase(13);

    gui::MainWindow window(f.contextAs(Role::Clerk, QStringLiteral("clerk1")));
    gui::FeatureRegistry::installInto(window, gui::Mode::Workstation);
    const gui::desk::DeskWidgets desk = gui::desk::deskOf(window);
    ASSERT_TRUE(desk.caseView);
    auto *section = desk.caseView->findChild<CaseExchangeSection *>();
    ASSERT_TRUE(section) << "installed into the case view";
    window.resize(1366, 800);
    window.show();
    gui::desk::showPageWidget(desk.caseView);
    QSignalSpy shown(section, &CaseExchangeSection::loaded);
    auto *view = section->findChild<QTableView *>(QStringLiteral("caseExchangeView"));
    ASSERT_TRUE(view);

    desk.caseView->openCase(residence);
    ASSERT_TRUE(waitFor([&] { return !shown.isEmpty() && section->caseNumber() == residence; }));
    ASSERT_EQ(section->model()->rowCount(), 1);
    EXPECT_TRUE(view->isVisible());
    EXPECT_EQ(section->model()->index(0, CaseExchangeModel::StateColumn).data().toString(), QStringLiteral("У черзі на надсилання"));
    EXPECT_EQ(section->model()->index(0, CaseExchangeModel::AttemptsColumn).data().toInt(), 0);
    EXPECT_TRUE(section->statusLabel()->text().isEmpty());

    // The registry accepts it (Sync now elsewhere); F5 on the case reloads the section too.
    SimProcess sim({QStringLiteral("--decision-delay-ms"), QStringLiteral("600000")});
    ASSERT_TRUE(sim.started()) << sim.output().toStdString();
    ASSERT_TRUE(syncOnce(f, f.writeSyncConfig(sim.url())));
    shown.clear();
    desk.caseView->controller()->reload();
    ASSERT_TRUE(waitFor([&] { return !shown.isEmpty(); }));
    EXPECT_EQ(section->model()->index(0, CaseExchangeModel::StateColumn).data().toString(),
              QStringLiteral("Прийнято реєстром, очікується рішення"));
    EXPECT_TRUE(section->model()->index(0, CaseExchangeModel::ReplyColumn).data().toString().startsWith(QStringLiteral("№ ")));
    EXPECT_EQ(section->model()->index(0, CaseExchangeModel::AttemptsColumn).data().toInt(), 1);

    // A case that goes through no registry.
    shown.clear();
    desk.caseView->openCase(paper);
    ASSERT_TRUE(waitFor([&] { return !shown.isEmpty() && section->caseNumber() == paper; }));
    EXPECT_EQ(section->model()->rowCount(), 0);
    EXPECT_FALSE(view->isVisible());
    EXPECT_EQ(section->statusLabel()->text(), QStringLiteral("Справа не потребує обміну з реєстрами."));

    // A dead letter: the reason the clerk can act on, and what to do.
    shown.clear();
    desk.caseView->openCase(dead);
    ASSERT_TRUE(waitFor([&] { return !shown.isEmpty() && section->caseNumber() == dead; }));
    ASSERT_EQ(section->model()->rowCount(), 1);
    EXPECT_EQ(section->model()->index(0, CaseExchangeModel::StateColumn).data().toString(), QStringLiteral("Не доставлено: потрібне втручання"));
    EXPECT_TRUE(section->model()->index(0, CaseExchangeModel::ProblemColumn).data().toString().contains(QStringLiteral("katottg")));
    EXPECT_TRUE(section->statusLabel()->text().contains(QStringLiteral("не доставлено"))) << section->statusLabel()->text().toStdString();

    // A case that does not exist: the case view says so, the section keeps the last case rather than guessing.
    QSignalSpy failed(desk.caseView->controller(), &gui::desk::CaseViewController::failed);
    desk.caseView->openCase(QStringLiteral("9-2099-999999"));
    ASSERT_TRUE(waitFor([&] { return !failed.isEmpty(); }));
    EXPECT_EQ(section->caseNumber(), dead);
}

TEST_P(DeskExchangeTest, AnOnlineApplicationIsTakenIntoTheIntake)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    SimProcess sim({});
    ASSERT_TRUE(sim.started()) << sim.output().toStdString();
    ASSERT_TRUE(syncOnce(f, f.writeSyncConfig(sim.url())));  // the cycle polls the portal

    gui::MainWindow window(f.contextAs(Role::Clerk, QStringLiteral("clerk1")));
    gui::FeatureRegistry::installInto(window, gui::Mode::Workstation);
    auto *page = window.findChild<OnlineApplicationsPage *>();
    ASSERT_TRUE(page);
    const gui::desk::DeskWidgets desk = gui::desk::deskOf(window);
    ASSERT_TRUE(desk.intake && desk.applicants);
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pagesTabWidget"));
    ASSERT_TRUE(tabs);
    window.resize(1366, 800);
    window.show();
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    gui::desk::showPageWidget(page);
    ASSERT_TRUE(waitFor([&] { return page->view()->model()->rowCount() == 6; })) << page->statusLabel()->text().toStdString();
    const auto *model = static_cast<OnlineApplicationsModel *>(page->view()->model());
    const storage::OnlineApplicationRow first = *model->rowAt(0);
    EXPECT_EQ(first.portalId, QStringLiteral("PORTAL-000001"));

    // Enter on the first row takes it: the intake opens for its service, the РНОКПП is in the applicant search.
    QSignalSpy taken(page, &OnlineApplicationsPage::applicationTaken);
    page->view()->setFocus();
    page->view()->setCurrentIndex(model->index(0, 0));
    QTest::keyClick(page->view(), Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return !taken.isEmpty(); }));
    EXPECT_EQ(tabs->currentWidget(), static_cast<QWidget *>(desk.intake.data()));
    EXPECT_EQ(desk.applicants->searchEdit()->text(), first.rnokpp);
    auto *serviceSearch = desk.intake->findChild<QLineEdit *>(QStringLiteral("serviceSearchLineEdit"));
    ASSERT_TRUE(serviceSearch);
    EXPECT_EQ(serviceSearch->text(), first.serviceCode);
    bool noted = false;
    for (QLabel *l : desk.intake->findChildren<QLabel *>())
        noted = noted || l->text().contains(first.portalId);
    EXPECT_TRUE(noted) << "the intake says which online application it is for";
    auto online = storage::OutboxRepository(f.database()).onlineApplications(false, 100);
    ASSERT_TRUE(online.ok());
    EXPECT_EQ(online->first().state, QStringLiteral("taken"));
    ASSERT_TRUE(waitFor([&] { return page->view()->model()->rowCount() == 5; }));

    // Another desk had the list open and is a moment late: refused with the reason.
    OnlineApplicationsController other(f.contextAs(Role::Clerk, QStringLiteral("clerk2")));
    QSignalSpy otherFailed(&other, &OnlineApplicationsController::failed);
    other.take(first.id);
    ASSERT_TRUE(waitFor([&] { return !otherFailed.isEmpty(); }));
    EXPECT_EQ(otherFailed.at(0).at(0).value<Error>().code, ErrorCode::Conflict);

    // And through the page: the same application once more (shown with the taken ones) is not taken twice.
    page->findChild<QWidget *>(QStringLiteral("showTakenCheckBox"))->setProperty("checked", true);
    ASSERT_TRUE(waitFor([&] { return page->view()->model()->rowCount() == 6; }));
    page->view()->setCurrentIndex(model->index(0, 0));
    page->takeSelected();
    EXPECT_TRUE(page->statusLabel()->text().contains(QStringLiteral("уже взято"))) << page->statusLabel()->text().toStdString();
    EXPECT_EQ(taken.size(), 1);
    closeMessageBoxes(page);
}

TEST_P(DeskExchangeTest, TheAdministratorGetsNoOnlineApplicationsPage)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    gui::MainWindow window(f.contextAs(Role::Admin, QStringLiteral("admin")));
    gui::FeatureRegistry::installInto(window, gui::Mode::Workstation);
    EXPECT_EQ(window.findChild<OnlineApplicationsPage *>(), nullptr);
    EXPECT_EQ(window.findChild<CaseExchangeSection *>(), nullptr);
}

CNAP_INSTANTIATE_FOR_BACKENDS(DeskExchangeTest);
