#include "gui/desk/DeskFeature.h"

#include "gui/desk/ApplicantPanel.h"
#include "gui/desk/CaseListPage.h"
#include "gui/desk/CaseViewPage.h"
#include "gui/desk/DeskServices.h"
#include "gui/desk/IntakePage.h"
#include "gui/main/Features.h"
#include "gui/main/MainWindow.h"
#include "gui/queue/DeskController.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QTabWidget>

namespace cnap::gui::desk {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::gui::desk::DeskFeature", s); }

/// The desk's services are shared by its four screens; kept on the window.
DeskServicesPtr servicesFor(MainWindow &window)
{
    const QVariant v = window.property("cnapDeskServices");
    if (v.isValid())
        return *static_cast<DeskServicesPtr *>(v.value<void *>());
    auto *holder = new DeskServicesPtr(DeskServices::create(window.context()));
    window.setProperty("cnapDeskServices", QVariant::fromValue(static_cast<void *>(holder)));
    QObject::connect(&window, &QObject::destroyed, [holder]() { delete holder; });
    return *holder;
}

QAction *addAction(MainWindow &window, const QString &objectName, const QString &text, const QKeySequence &key)
{
    QMenu *menu = window.menu(QStringLiteral("cases"));
    auto *action = new QAction(text, &window);
    action->setObjectName(objectName);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WindowShortcut);
    if (menu)
        menu->addAction(action);
    window.addAction(action);
    return action;
}

const FeatureRegistrar applicantFeature(Mode::Workstation, 20, QStringLiteral("desk-applicants"), [](MainWindow &window) {
    auto *panel = new ApplicantPanel(window.context(), servicesFor(window), &window);
    window.addPanel(panel, tr("Заявник"), Qt::LeftDockWidgetArea);
    QAction *find = addAction(window, QStringLiteral("findApplicantAction"), tr("Знайти &заявника"), QKeySequence(Qt::Key_F2));
    QObject::connect(find, &QAction::triggered, panel, &ApplicantPanel::focusSearch);
    QAction *create = addAction(window, QStringLiteral("newApplicantAction"), tr("Новий з&аявник"),
                                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QObject::connect(create, &QAction::triggered, panel, [panel]() { panel->createApplicant(false); });
});

const FeatureRegistrar intakeFeature(Mode::Workstation, 25, QStringLiteral("desk-intake"), [](MainWindow &window) {
    auto *page = new IntakePage(window.context(), servicesFor(window), &window);
    window.addPage(page, tr("Прийом"), {});
    QAction *start = addAction(window, QStringLiteral("newCaseAction"), tr("&Нова справа"), QKeySequence(Qt::CTRL | Qt::Key_N));
    QObject::connect(start, &QAction::triggered, page, [page]() {
        showPageWidget(page);
        page->startNew();
    });
    DeskWidgets d = deskOf(window);
    if (d.applicants) {
        QObject::connect(d.applicants, &ApplicantPanel::applicantChosen, page, [page](const Applicant &a) {
            showPageWidget(page);
            page->setApplicant(a);
        });
        ApplicantPanel *panel = d.applicants;
        QObject::connect(page, &IntakePage::applicantSearchRequested, panel, &ApplicantPanel::focusSearch);
    }
    // The queue panel (installed earlier, when present): a called visitor opens the intake.
    if (auto *queueDesk = window.findChild<gui::DeskController *>()) {
        QObject::connect(queueDesk, &gui::DeskController::ticketCalled, page, [page, panel = d.applicants](const queue::Ticket &t) {
            showPageWidget(page);
            page->startForTicket(t.number, t.serviceCode);
            if (panel)
                panel->focusSearch();
        });
    }
});

const FeatureRegistrar caseListFeature(Mode::Workstation, 30, QStringLiteral("desk-cases"), [](MainWindow &window) {
    auto *page = new CaseListPage(window.context(), servicesFor(window), &window);
    window.addPage(page, tr("Справи"), {});
    QAction *show = addAction(window, QStringLiteral("caseListAction"), tr("&Список справ"), QKeySequence(Qt::Key_F3));
    QObject::connect(show, &QAction::triggered, page, [page]() {
        showPageWidget(page);
        page->activate();
    });
});

const FeatureRegistrar caseViewFeature(Mode::Workstation, 35, QStringLiteral("desk-case-view"), [](MainWindow &window) {
    auto *page = new CaseViewPage(window.context(), servicesFor(window), &window);
    window.addPage(page, tr("Справа"), {});
    QAction *show = addAction(window, QStringLiteral("caseViewAction"), tr("Відкрита &справа"), QKeySequence(Qt::Key_F4));
    QObject::connect(show, &QAction::triggered, page, [page]() { showPageWidget(page); });
    DeskWidgets d = deskOf(window);
    if (d.cases) {
        QObject::connect(d.cases, &CaseListPage::caseOpenRequested, page, [page](const QString &number) {
            showPageWidget(page);
            page->openCase(number);
        });
    }
    if (d.intake) {
        QObject::connect(d.intake, &IntakePage::caseRegistered, page, [page](const QString &number) { page->openCase(number); });
    }
});

} // namespace

DeskWidgets deskOf(const MainWindow &window)
{
    DeskWidgets d;
    d.applicants = window.findChild<ApplicantPanel *>();
    d.intake = window.findChild<IntakePage *>();
    d.cases = window.findChild<CaseListPage *>();
    d.caseView = window.findChild<CaseViewPage *>();
    return d;
}

void showPageWidget(QWidget *page)
{
    // MainWindow::addPage() puts pages into a QTabWidget (inside its stack).
    for (QWidget *w = page ? page->parentWidget() : nullptr; w; w = w->parentWidget()) {
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            tabs->setCurrentWidget(page);
            return;
        }
    }
}

} // namespace cnap::gui::desk
