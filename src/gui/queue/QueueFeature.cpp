// Registers the clerk's desk queue panel in workstation mode: a panel docked on
// the left and the desk actions in the Queue menu.

#include "gui/main/Features.h"
#include "gui/main/MainWindow.h"
#include "gui/queue/DeskPanel.h"

#include <QCoreApplication>
#include <QMenu>

namespace cnap::gui {
namespace {

const FeatureRegistrar deskPanelFeature(Mode::Workstation, 10, QStringLiteral("queue"), [](MainWindow &window) {
    auto *panel = new DeskPanel(window.context(), &window);
    window.addPanel(panel, QCoreApplication::translate("cnap::gui::DeskPanel", "Черга"), Qt::LeftDockWidgetArea);
    if (QMenu *menu = window.menu(QStringLiteral("queue"))) {
        for (QAction *action : panel->deskActions())
            menu->addAction(action);
    }
});

} // namespace
} // namespace cnap::gui
