#pragma once

#include "gui/common/AppContext.h"
#include "services/QueueService.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace cnap::gui {

class KioskController;

/// The self-service kiosk (`--mode kiosk`): touch-sized buttons to pick a queue
/// and service, optionally a priority category (its proof is shown at the desk),
/// or to check in a booking by its code on an on-screen keypad; then the number,
/// the people ahead and the estimated wait, and the printed ticket.  Returns to
/// the start screen after a timeout.
class KioskWindow final : public QWidget {
    Q_OBJECT
public:
    enum Page { StartPage, ServicePage, PriorityPage, BookingPage, ResultPage };

    explicit KioskWindow(const AppContext &context, QWidget *parent = nullptr);
    ~KioskWindow() override;

    [[nodiscard]] KioskController *controller() const { return m_controller; }
    [[nodiscard]] Page page() const;
    /// Back to the start screen after this much inactivity (ms).
    void setReturnTimeout(int ms);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showPage(Page page);
    void rebuildStart();
    void chooseQueue(qint64 queueId);
    void chooseService(const QString &code);
    void showResult(const services::IssuedTicket &ticket, const QString &printed, const QString &printError);
    void showError(const QString &message);
    [[nodiscard]] QPushButton *bigButton(const QString &text, const QString &objectName, QWidget *parent);
    static void clearGrid(QGridLayout *grid);

    KioskController *m_controller = nullptr;
    QStackedWidget *m_stack = nullptr;
    QGridLayout *m_queueGrid = nullptr;
    QGridLayout *m_serviceGrid = nullptr;
    QGridLayout *m_categoryGrid = nullptr;
    QLabel *m_serviceTitle = nullptr;
    QLabel *m_message = nullptr;
    QLineEdit *m_code = nullptr;
    QLabel *m_number = nullptr;
    QLabel *m_resultService = nullptr;
    QLabel *m_ahead = nullptr;
    QLabel *m_estimate = nullptr;
    QLabel *m_printStatus = nullptr;
    QTimer *m_idle = nullptr;
    QString m_service;
};

} // namespace cnap::gui
