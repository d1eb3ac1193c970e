#pragma once

#include "core/queue/QueueModel.h"
#include "gui/common/AppContext.h"

#include <QWidget>

class QAction;
class QGroupBox;
class QLabel;
class QTableView;
class QToolButton;

namespace cnap::gui {

class DeskController;
class QueueStatusModel;

/// The clerk's queue panel (docked left in workstation mode): the desk and its
/// state, the current visitor, waiting counts and every desk action with a
/// shortcut.  The actions are also offered for the main window's Queue menu.
///
/// Shortcuts: F5 call next, F6 recall, F7 start service, F8 finish (asks the
/// outcome), F9 no-show, Ctrl+R redirect, Ctrl+P postpone, F12 pause/resume (opens a closed) the
/// desk, Ctrl+Shift+R return a no-show to the queue.
class DeskPanel final : public QWidget {
    Q_OBJECT
public:
    /// `pollMs` overrides the live watcher's poll interval (tests); 0 = default.
    explicit DeskPanel(const AppContext &context, QWidget *parent = nullptr, int pollMs = 0);
    ~DeskPanel() override;

    [[nodiscard]] DeskController *controller() const { return m_controller; }
    /// Desk actions in menu order (for MainWindow::menu("queue")).
    [[nodiscard]] QList<QAction *> deskActions() const { return m_actions; }

Q_SIGNALS:
    /// A visitor was called to this desk.  Intended for the intake screen, which
    /// may connect it to start a case for the called visitor's services.
    void ticketCalled(const cnap::queue::Ticket &ticket);

private:
    QAction *makeAction(const char *name, const QString &text, const QKeySequence &key);
    QToolButton *makeButton(const char *name, QAction *action);
    void updateView();
    void updateEnabled();
    void showMessage(const QString &text, bool error);
    void askOutcome();
    void askRedirect();
    void askReturn();

    DeskController *m_controller = nullptr;
    QueueStatusModel *m_queueModel = nullptr;
    QList<QAction *> m_actions;
    QAction *m_callNext = nullptr;
    QAction *m_recall = nullptr;
    QAction *m_start = nullptr;
    QAction *m_finish = nullptr;
    QAction *m_noShow = nullptr;
    QAction *m_redirect = nullptr;
    QAction *m_postpone = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_return = nullptr;
    QLabel *m_deskLabel = nullptr;
    QLabel *m_deskStateLabel = nullptr;
    QLabel *m_centrePauseLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QGroupBox *m_visitorBox = nullptr;
    QLabel *m_ticketNumber = nullptr;
    QLabel *m_ticketState = nullptr;
    QLabel *m_services = nullptr;
    QLabel *m_waited = nullptr;
    QLabel *m_priority = nullptr;
    QLabel *m_waiting = nullptr;
    QTableView *m_queueView = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace cnap::gui
