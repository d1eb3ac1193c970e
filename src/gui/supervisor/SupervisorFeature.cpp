// Registers the supervisor console's pages in supervisor mode: the live
// centre, deadline control and reports.
#include "gui/main/Features.h"
#include "gui/main/MainWindow.h"
#include "gui/supervisor/SupervisorPages.h"

#include <QCoreApplication>
#include <QKeySequence>

namespace cnap::gui {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::gui::SupervisorFeature", s); }

const FeatureRegistrar livePage(Mode::Supervisor, 10, QStringLiteral("supervisor-live"), [](MainWindow &window) {
    if (!allowed(window.context().actor.role, Permission::ReportsView))
        return;
    window.addPage(new LiveCentrePage(window.context(), &window), tr("Центр зараз"), QKeySequence(Qt::CTRL | Qt::Key_1));
});

const FeatureRegistrar deadlinePage(Mode::Supervisor, 20, QStringLiteral("supervisor-deadlines"), [](MainWindow &window) {
    if (!allowed(window.context().actor.role, Permission::ReportsView))
        return;
    window.addPage(new DeadlinePage(window.context(), &window), tr("Контроль строків"), QKeySequence(Qt::CTRL | Qt::Key_2));
});

const FeatureRegistrar reportsPage(Mode::Supervisor, 30, QStringLiteral("supervisor-reports"), [](MainWindow &window) {
    if (!allowed(window.context().actor.role, Permission::ReportsView))
        return;
    window.addPage(new ReportsPage(window.context(), &window), tr("Звіти"), QKeySequence(Qt::CTRL | Qt::Key_3));
});

} // namespace
} // namespace cnap::gui
