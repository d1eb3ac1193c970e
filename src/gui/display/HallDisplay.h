#pragma once

#include "core/queue/QueueModel.h"
#include "gui/common/AppContext.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace cnap::gui {

class BoardController;
class CallBoardModel;
class Chime;
class NewestCallDelegate;
class QueueStatusModel;

/// The hall display (`--mode display`): the last calls (ticket → desk) with the
/// newest highlighted and flashing, waiting counts and estimated waits per queue,
/// the clock, and — while the centre is paused — the air-raid notice over
/// everything.  Sized from the window height so it reads across a hall.
class HallDisplay final : public QWidget {
    Q_OBJECT
public:
    explicit HallDisplay(const AppContext &context, QWidget *parent = nullptr, int pollMs = 0);
    ~HallDisplay() override;

    [[nodiscard]] BoardController *controller() const { return m_controller; }
    [[nodiscard]] Chime *chime() const { return m_chime; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateBoard();
    void announce(const queue::CallNotice &call);
    void updateClock();
    void applyScale();

    AppContext m_context;
    BoardController *m_controller = nullptr;
    CallBoardModel *m_calls = nullptr;
    QueueStatusModel *m_queues = nullptr;
    Chime *m_chime = nullptr;
    NewestCallDelegate *m_delegate = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_clock = nullptr;
    QLabel *m_callsTitle = nullptr;
    QLabel *m_queuesTitle = nullptr;
    QTableView *m_callView = nullptr;
    QTableView *m_queueView = nullptr;
    QLabel *m_pauseNotice = nullptr;
    QLabel *m_pauseClock = nullptr;
    QLabel *m_connection = nullptr;
    QTimer *m_clockTimer = nullptr;
    QTimer *m_flashTimer = nullptr;
    int m_flashesLeft = 0;
};

} // namespace cnap::gui
