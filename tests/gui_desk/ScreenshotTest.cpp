// Documentation screenshots of the desk (docs/images/desk-*.png) on a demo
// database.  Runs only when asked:
//   CNAP_DESK_SHOT_DB=sqlite:/tmp/demo.db CNAP_DESK_SHOT_DIR=docs/images ctest -R DeskScreenshots
// (the workstation's own --screenshot cannot open a case or fill a form).

#include "DeskFixture.h"

#include "gui/desk/ApplicantPanel.h"
#include "gui/desk/CaseListController.h"
#include "gui/desk/CaseListModel.h"
#include "gui/desk/CaseListPage.h"
#include "gui/desk/CaseViewController.h"
#include "gui/desk/CaseViewPage.h"
#include "gui/desk/DeskFeature.h"
#include "gui/desk/IntakeController.h"
#include "gui/desk/IntakeModels.h"
#include "gui/desk/IntakePage.h"
#include "gui/main/Features.h"
#include "gui/main/MainWindow.h"
#include "storage/DatabaseUrl.h"

#include <QDir>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace cnap;
using namespace cnap::gui::desk;

TEST(DeskScreenshots, IntakeCaseListAndCaseView)
{
    const QString url = qEnvironmentVariable("CNAP_DESK_SHOT_DB");
    const QString dir = qEnvironmentVariable("CNAP_DESK_SHOT_DIR");
    if (url.isEmpty() || dir.isEmpty())
        GTEST_SKIP() << "set CNAP_DESK_SHOT_DB and CNAP_DESK_SHOT_DIR to write the screenshots";
    auto parsed = storage::DatabaseUrl::parse(url);
    ASSERT_TRUE(parsed.ok());
    auto db = storage::Database::open(parsed.value());
    ASSERT_TRUE(db.ok());
    QTemporaryDir tmp;
    gui::Settings settings(QDir(tmp.path()).filePath(QStringLiteral("shot.ini")));
    auto runner = std::make_unique<gui::TaskRunner>();
    auto database = db.value();
    runner->setThreadCleanup([database]() { database->releaseThreadConnection(); });
    gui::AppContext context;
    context.database = database;
    context.actor = Actor{0, QStringLiteral("clerk1"), Role::Clerk, QStringLiteral("1")};
    context.settings = &settings;
    context.runner = runner.get();
    {
        gui::MainWindow window(context);
        gui::FeatureRegistry::installInto(window, gui::Mode::Workstation);
        const DeskWidgets desk = deskOf(window);
        ASSERT_TRUE(desk.intake && desk.cases && desk.caseView);
        window.resize(1366, 800);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        DeskServicesPtr services = DeskServices::create(context);

        // Intake: an applicant on file, a service, the checklist, a scan; registered.
        Result<services::ApplicantSearchResult> found = Error::make(ErrorCode::Internal, QString());
        runner->runBlocking([&]() { found = services->applicants->search(context.actor, QStringLiteral("Ко")); });
        ASSERT_TRUE(found.ok() && !found->applicants.empty());
        IntakeController *intake = desk.intake->controller();
        desk.intake->startNew();
        desk.intake->setApplicant(found->applicants.front());
        Result<ServiceCard> card = Error::make(ErrorCode::Internal, QString());
        runner->runBlocking([&]() { card = services->catalogue->get(context.actor, ServiceCode::parse(QStringLiteral("01331")).value()); });
        ASSERT_TRUE(card.ok());
        window.findChild<QLineEdit *>(QStringLiteral("serviceSearchLineEdit"))->setText(QStringLiteral("місця проживання"));
        intake->selectService(card.value());
        intake->checklist()->markAllProvided();
        ASSERT_TRUE(intake->addFile(QStringLiteral("заява.pdf"), cnap::test::realPdf()));
        window.findChild<QLineEdit *>(QStringLiteral("objectAddressLineEdit"))->setText(QStringLiteral("м. Київ, вул. Січових Стрільців, 12, кв. 4"));
        window.findChild<QLineEdit *>(QStringLiteral("paymentEvidenceLineEdit"))->setText(QStringLiteral("квитанція № 0457812"));
        QSignalSpy registered(intake, &IntakeController::caseRegistered);
        window.findChild<QPushButton *>(QStringLiteral("registerCaseButton"))->click();
        const bool ok = registered.wait(15000);
        QStringList shown;
        for (QLabel *l : window.findChildren<QLabel *>())
            if (l->objectName().endsWith(QStringLiteral("Error")) && !l->isHidden())
                shown << l->text();
        ASSERT_TRUE(ok) << shown.join(u'|').toStdString()
                        << window.findChild<QLabel *>(QStringLiteral("intakeResultLabel"))->text().toStdString();
        QTest::qWait(300);
        ASSERT_TRUE(window.grab().save(QDir(dir).filePath(QStringLiteral("desk-intake.png"))));

        // Case list, due-date order so the flags show.
        showPageWidget(desk.cases);
        desk.cases->activate();
        ASSERT_TRUE(cnap::test::waitUntil([&]() { return desk.cases->controller()->model()->rowCount() > 20; }));
        QTest::qWait(300);
        ASSERT_TRUE(window.grab().save(QDir(dir).filePath(QStringLiteral("desk-cases.png"))));

        // The case just registered, sent on to the provider.
        const QString number = registered.at(0).at(0).value<CaseDetails>().summary.number;
        {
            TransitionRequest send;
            send.to = CaseState::SentToProvider;
            send.comment = QStringLiteral("передано кур'єром, реєстр № 118");
            Status moved = Error::make(ErrorCode::Internal, QString());
            runner->runBlocking([&]() { moved = services->cases->transition(context.actor, number, 0, send).ok() ? Status() : Status(Error::make(ErrorCode::Internal, QString())); });
            ASSERT_TRUE(moved.ok());
        }
        QSignalSpy loaded(desk.caseView->controller(), &CaseViewController::loaded);
        showPageWidget(desk.caseView);
        desk.caseView->openCase(number);
        ASSERT_TRUE(loaded.wait(15000));
        QTest::qWait(300);
        ASSERT_TRUE(window.grab().save(QDir(dir).filePath(QStringLiteral("desk-case-view.png"))));
    }
    runner.reset();
}
