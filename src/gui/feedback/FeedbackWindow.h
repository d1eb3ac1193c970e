#pragma once

// The applicant's feedback screen (`cnap-workstation --mode feedback`): a small
// touch screen at the desk or the kiosk.  Ticket → rating 1–5 with an optional
// comment → thank-you → back to the start.  Nothing identifies the applicant.

#include "gui/common/AppContext.h"
#include "services/FeedbackService.h"

#include <QObject>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace cnap::gui {

/// Submits ratings and looks up the visit just finished at this screen's desk,
/// on the TaskRunner's worker.
class FeedbackController final : public QObject {
    Q_OBJECT
public:
    explicit FeedbackController(AppContext context, QObject *parent = nullptr);
    void submit(const services::FeedbackSubmission &submission);
    void lookUpPending();
    [[nodiscard]] const AppContext &context() const { return m_context; }

Q_SIGNALS:
    void submitted();
    void failed(const cnap::Error &error);
    void pendingFound(const QString &ticketNumber);

private:
    AppContext m_context;
};

class FeedbackWindow final : public QWidget {
    Q_OBJECT
public:
    enum Page { StartPage, RatePage, ThanksPage };

    explicit FeedbackWindow(const AppContext &context, QWidget *parent = nullptr);
    [[nodiscard]] Page page() const;
    [[nodiscard]] FeedbackController *controller() const { return m_controller; }
    /// Seconds the thank-you page stays before returning to the start.
    void setThanksDelay(int ms);

private:
    void goToRating();
    void choose(int rating);
    void send();
    void reset();
    void showError(const Error &error);

    FeedbackController *m_controller;
    QStackedWidget *m_stack;
    QLineEdit *m_ticketEdit;
    QLabel *m_startError;
    QLabel *m_rateTitle;
    QList<QPushButton *> m_ratingButtons;
    QPlainTextEdit *m_commentEdit;
    QLabel *m_commentCount;
    QPushButton *m_sendButton;
    QLabel *m_rateError;
    QTimer *m_backTimer;
    QTimer *m_idleTimer;
    int m_rating = 0;
};

} // namespace cnap::gui
