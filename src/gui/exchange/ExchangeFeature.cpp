// The registry exchange in the main window (issue 5):
//  - "Обмін з реєстрами" (key "exchange") in supervisor and workstation modes,
//    with "Синхронізувати зараз" (Ctrl+Shift+S) in the Обмін menu;
//  - the exchange state on the clerk's case view (after the desk, order 35);
//  - "Онлайн-заяви" beside the case list, feeding the intake.
// Each installer checks the role; the services check again on every call.

#include "gui/desk/ApplicantPanel.h"
#include "gui/desk/CaseViewController.h"
#include "gui/desk/CaseViewPage.h"
#include "gui/desk/DeskFeature.h"
#include "gui/desk/IntakePage.h"
#include "gui/exchange/CaseExchangeSection.h"
#include "gui/exchange/ExchangePage.h"
#include "gui/exchange/OnlineApplicationsPage.h"
#include "gui/main/Features.h"
#include "gui/main/MainWindow.h"

#include <QAction>
#include <QCoreApplication>
#include <QLineEdit>
#include <QMenu>
#include <QTabWidget>

namespace cnap::gui::exchange {
namespace {

/// The translation context of this file (lupdate reads the macro's argument).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cnap::gui::exchange::ExchangeFeature)
};

/// Brings `page` to the front of the window's tab area.
void bringToFront(QWidget *page)
{
    for (QWidget *w = page ? page->parentWidget() : nullptr; w; w = w->parentWidget()) {
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            tabs->setCurrentWidget(page);
            return;
        }
    }
}

void installExchangePage(MainWindow &window, const QKeySequence &pageKey)
{
    const Role role = window.context().actor.role;
    if (!allowed(role, Permission::ExchangeRun) && !allowed(role, Permission::CaseRead) && !allowed(role, Permission::ExchangeViewLog))
        return;
    auto *page = new ExchangePage(window.context(), ExchangeSetup::fromSettings(window.context().settings), &window);
    window.addPage(page, Tr::tr("Обмін з реєстрами"), pageKey);
    QAction *sync = page->syncAction();
    window.addAction(sync);  // a window shortcut, live whichever page is in front
    if (QMenu *menu = window.menu(QStringLiteral("exchange")))
        menu->addAction(sync);
    QObject::connect(sync, &QAction::triggered, page, [page]() { bringToFront(page); });
    if (QMenu *menu = window.menu(QStringLiteral("exchange"))) {
        auto *show = new QAction(Tr::tr("&Черга і журнал обміну"), &window);
        show->setObjectName(QStringLiteral("exchangePageAction"));
        QObject::connect(show, &QAction::triggered, page, [page]() { bringToFront(page); });
        menu->addAction(show);
    }
}

const FeatureRegistrar supervisorPage(Mode::Supervisor, 40, QStringLiteral("exchange"),
                                      [](MainWindow &window) { installExchangePage(window, QKeySequence(Qt::CTRL | Qt::Key_4)); });
const FeatureRegistrar workstationPage(Mode::Workstation, 60, QStringLiteral("exchange"),
                                       [](MainWindow &window) { installExchangePage(window, {}); });

// After the case view (35): its section follows every (re)load of the case.
const FeatureRegistrar caseSection(Mode::Workstation, 36, QStringLiteral("exchange-case"), [](MainWindow &window) {
    desk::CaseViewPage *view = desk::deskOf(window).caseView;
    if (!view || !allowed(window.context().actor.role, Permission::CaseRead))
        return;
    auto *section = new CaseExchangeSection(window.context(), view);
    view->addSection(section);
    QObject::connect(view->controller(), &desk::CaseViewController::loaded, section,
                     [section](const CaseDetails &details) { section->showCase(details.summary.number); });
});

// Beside the case list (30) and the case view (35).
const FeatureRegistrar onlinePage(Mode::Workstation, 37, QStringLiteral("exchange-online"), [](MainWindow &window) {
    if (!allowed(window.context().actor.role, Permission::CaseRegister))
        return;
    auto *page = new OnlineApplicationsPage(window.context(), &window);
    window.addPage(page, Tr::tr("Онлайн-заяви"), {});
    const desk::DeskWidgets d = desk::deskOf(window);
    QPointer<desk::IntakePage> intake = d.intake;
    QPointer<desk::ApplicantPanel> applicants = d.applicants;
    QObject::connect(page, &OnlineApplicationsPage::applicationTaken, page,
                     [intake, applicants](const storage::OnlineApplicationRow &row) {
                         if (intake) {
                             bringToFront(intake);
                             intake->startForOnlineApplication(row.portalId, row.serviceCode);
                         }
                         if (applicants) {
                             // The search box understands a РНОКПП: the applicant on file shows up, or none and the clerk creates one.
                             applicants->searchEdit()->setText(row.rnokpp);
                             applicants->focusSearch();
                         }
                     });
});

} // namespace
} // namespace cnap::gui::exchange
