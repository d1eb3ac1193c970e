// cnap-workstation: the Qt Widgets front end.  Thin: everything lives in cnap_gui.
#include "core/log/Log.h"
#include "gui/app/WorkstationApp.h"

#include <QApplication>

int main(int argc, char **argv)
{
    if (const int code = cnap::gui::WorkstationApp::checkDisplay(); code != 0)
        return code;
    QApplication app(argc, argv);
    (void)cnap::installLogHandler({});  // masks personal data in every diagnostic
    QApplication::setApplicationName(QStringLiteral("cnap-workstation"));
    QApplication::setOrganizationName(QStringLiteral("CNAP"));
    QApplication::setApplicationVersion(QStringLiteral(CNAP_VERSION));
    cnap::gui::WorkstationApp workstation;
    if (const int code = workstation.start(QApplication::arguments()); code >= 0)
        return code;
    return QApplication::exec();
}
