#pragma once

// Small choices the desk panel asks for.  Opened with open() (window-modal, no
// nested event loop); each emits its answer as a signal.

#include "core/queue/QueueModel.h"
#include "services/QueueService.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace cnap::gui {

/// How the visit ended: case registered, consultation, refused.
class OutcomeDialog final : public QDialog {
    Q_OBJECT
public:
    explicit OutcomeDialog(const QString &ticketNumber, QWidget *parent = nullptr);

Q_SIGNALS:
    void outcomeChosen(cnap::queue::Outcome outcome);
};

/// Where to send the visitor: another service and/or another desk.
class RedirectDialog final : public QDialog {
    Q_OBJECT
public:
    RedirectDialog(const QList<queue::QueueServiceEntry> &services, const QStringList &desks, const QString &ownDesk,
                   QWidget *parent = nullptr);

    void accept() override;

Q_SIGNALS:
    void targetChosen(const cnap::services::RedirectTarget &target);

private:
    QComboBox *m_service = nullptr;
    QComboBox *m_desk = nullptr;
    QLabel *m_error = nullptr;
};

/// The number of a no-show who came back.
class ReturnTicketDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ReturnTicketDialog(QWidget *parent = nullptr);

    void accept() override;

Q_SIGNALS:
    void numberChosen(const QString &number);

private:
    QLineEdit *m_number = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace cnap::gui
