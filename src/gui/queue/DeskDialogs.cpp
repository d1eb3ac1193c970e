#include "gui/queue/DeskDialogs.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cnap::gui {

OutcomeDialog::OutcomeDialog(const QString &ticketNumber, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("outcomeDialog"));
    setWindowTitle(tr("Завершення обслуговування"));
    auto *layout = new QVBoxLayout(this);
    auto *prompt = new QLabel(tr("Чим завершилося обслуговування талона %1?").arg(ticketNumber), this);
    prompt->setWordWrap(true);
    layout->addWidget(prompt);
    struct Choice {
        const char *name;
        QString text;
        queue::Outcome outcome;
    };
    const Choice choices[] = {
        {"caseRegisteredButton", tr("&1  Справу зареєстровано"), queue::Outcome::CaseRegistered},
        {"consultationButton", tr("&2  Консультація"), queue::Outcome::Consultation},
        {"refusedButton", tr("&3  Відмова в прийнятті"), queue::Outcome::Refused},
    };
    for (const auto &c : choices) {
        auto *button = new QPushButton(c.text, this);
        button->setObjectName(QString::fromLatin1(c.name));
        button->setMinimumHeight(36);
        const queue::Outcome outcome = c.outcome;
        connect(button, &QPushButton::clicked, this, [this, outcome]() {
            Q_EMIT outcomeChosen(outcome);
            QDialog::accept();
        });
        layout->addWidget(button);
    }
    auto *cancel = new QPushButton(tr("Скасувати"), this);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(cancel);
}

RedirectDialog::RedirectDialog(const QList<queue::QueueServiceEntry> &services, const QStringList &desks,
                               const QString &ownDesk, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("redirectDialog"));
    setWindowTitle(tr("Перенаправлення відвідувача"));
    auto *layout = new QVBoxLayout(this);
    auto *note = new QLabel(tr("Відвідувач зберігає своє місце в черзі."), this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *form = new QFormLayout;
    m_service = new QComboBox(this);
    m_service->setObjectName(QStringLiteral("redirectServiceComboBox"));
    m_service->addItem(tr("(та сама послуга)"), QString());
    for (const auto &s : services)
        m_service->addItem(tr("%1 — %2").arg(s.code, s.name), s.code);
    m_desk = new QComboBox(this);
    m_desk->setObjectName(QStringLiteral("redirectDeskComboBox"));
    m_desk->addItem(tr("(будь-яке вікно)"), QString());
    for (const auto &d : desks) {
        if (d != ownDesk)
            m_desk->addItem(tr("Вікно %1").arg(d), d);
    }
    form->addRow(tr("&Послуга:"), m_service);
    form->addRow(tr("&Вікно:"), m_desk);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Перенаправити"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Скасувати"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RedirectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void RedirectDialog::accept()
{
    services::RedirectTarget target;
    target.serviceCode = m_service->currentData().toString();
    target.deskName = m_desk->currentData().toString();
    if (target.serviceCode.isEmpty() && target.deskName.isEmpty()) {
        m_error->setText(tr("Оберіть послугу або вікно, куди перенаправити відвідувача."));
        m_error->show();
        return;
    }
    Q_EMIT targetChosen(target);
    QDialog::accept();
}

ReturnTicketDialog::ReturnTicketDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("returnTicketDialog"));
    setWindowTitle(tr("Повернення до черги"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_number = new QLineEdit(this);
    m_number->setObjectName(QStringLiteral("ticketNumberLineEdit"));
    m_number->setPlaceholderText(tr("напр. А-012"));
    form->addRow(tr("&Номер талона:"), m_number);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Повернути"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Скасувати"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ReturnTicketDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void ReturnTicketDialog::accept()
{
    const QString number = m_number->text().trimmed();
    if (number.isEmpty()) {
        m_error->setText(tr("Номер талона: введіть номер талона, наприклад А-012."));
        m_error->show();
        m_number->setFocus();
        return;
    }
    Q_EMIT numberChosen(number);
    QDialog::accept();
}

} // namespace cnap::gui
