#pragma once

// The clerk desk in the workstation window: applicant panel (order 20),
// intake page (25), case list (30) and case view (35), with the "Справи" menu.

#include <QPointer>

class QAction;
class QWidget;

namespace cnap::gui {
class MainWindow;
}

namespace cnap::gui::desk {

class ApplicantPanel;
class CaseListPage;
class CaseViewPage;
class IntakePage;

/// What the desk installed into a window (tests find the pieces here).
struct DeskWidgets final {
    QPointer<ApplicantPanel> applicants;
    QPointer<IntakePage> intake;
    QPointer<CaseListPage> cases;
    QPointer<CaseViewPage> caseView;
};

/// The desk of `window` (empty pointers when none was installed).
[[nodiscard]] DeskWidgets deskOf(const MainWindow &window);

/// Brings `page` to the front of the window's tab area.
void showPageWidget(QWidget *page);

} // namespace cnap::gui::desk
