#include "gui/desk/ExtendDueDialog.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cnap::gui::desk {

ExtendDueDialog::ExtendDueDialog(QDate currentDue, QWidget *parent) : QDialog(parent), m_currentDue(currentDue)
{
    setObjectName(QStringLiteral("extendDueDialog"));
    setWindowTitle(tr("Продовження строку розгляду"));
    auto *root = new QVBoxLayout(this);
    auto *current = new QLabel(tr("Чинний граничний строк: %1").arg(currentDue.toString(QStringLiteral("dd.MM.yyyy"))), this);
    root->addWidget(current);
    auto *form = new QFormLayout;
    m_date = new QDateEdit(this);
    m_date->setObjectName(QStringLiteral("newDueDateEdit"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("dd.MM.yyyy"));
    m_date->setDate(currentDue.addDays(1));
    form->addRow(tr("Новий строк*"), m_date);
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(QStringLiteral("extendReasonEdit"));
    m_reason->setTabChangesFocus(true);
    m_reason->setPlaceholderText(tr("правова підстава: стаття, частина, пункт акта"));
    form->addRow(tr("Підстава*"), m_reason);
    root->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("extendErrorLabel"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);
    root->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *ok = buttons->addButton(tr("Продовжити (Ctrl+Enter)"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("applyExtendButton"));
    ok->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    buttons->addButton(QDialogButtonBox::Cancel)->setText(tr("Скасувати"));
    connect(ok, &QPushButton::clicked, this, &ExtendDueDialog::tryAccept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    root->addWidget(buttons);
    resize(460, 240);
}

QDate ExtendDueDialog::newDueDate() const { return m_date->date(); }

QString ExtendDueDialog::legalReason() const { return m_reason->toPlainText().trimmed(); }

void ExtendDueDialog::setValues(QDate due, const QString &reason)
{
    if (due.isValid())
        m_date->setDate(due);
    m_reason->setPlainText(reason);
}

void ExtendDueDialog::tryAccept()
{
    if (newDueDate() <= m_currentDue) {
        m_error->setText(tr("Новий строк: має бути пізнішим за чинний (%1).").arg(m_currentDue.toString(QStringLiteral("dd.MM.yyyy"))));
        m_date->setFocus();
        return;
    }
    if (legalReason().isEmpty()) {
        m_error->setText(tr("Підстава: вкажіть правову підставу продовження строку."));
        m_reason->setFocus();
        return;
    }
    accept();
}

} // namespace cnap::gui::desk
