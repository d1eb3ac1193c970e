#include "gui/login/ChangePasswordDialog.h"

#include "gui/common/TaskRunner.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cnap::gui {

ChangePasswordDialog::ChangePasswordDialog(Changer changer, const QString &rules, TaskRunner *runner, QWidget *parent)
    : QDialog(parent), m_changer(std::move(changer)), m_runner(runner)
{
    setObjectName(QStringLiteral("changePasswordDialog"));
    setWindowTitle(tr("Зміна пароля"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Потрібно встановити новий пароль.") + u' ' + rules, this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_oldPasswordLineEdit = new QLineEdit(this);
    m_oldPasswordLineEdit->setObjectName(QStringLiteral("oldPasswordLineEdit"));
    m_newPasswordLineEdit = new QLineEdit(this);
    m_newPasswordLineEdit->setObjectName(QStringLiteral("newPasswordLineEdit"));
    m_repeatPasswordLineEdit = new QLineEdit(this);
    m_repeatPasswordLineEdit->setObjectName(QStringLiteral("repeatPasswordLineEdit"));
    for (QLineEdit *e : {m_oldPasswordLineEdit, m_newPasswordLineEdit, m_repeatPasswordLineEdit})
        e->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Поточний пароль:"), m_oldPasswordLineEdit);
    form->addRow(tr("&Новий пароль:"), m_newPasswordLineEdit);
    form->addRow(tr("Повторіть &новий пароль:"), m_repeatPasswordLineEdit);
    layout->addLayout(form);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Змінити пароль"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Скасувати"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChangePasswordDialog::reject);
    layout->addWidget(buttons);
}

void ChangePasswordDialog::accept()
{
    if (m_newPasswordLineEdit->text() != m_repeatPasswordLineEdit->text()) {
        m_errorLabel->setText(tr("Новий пароль і повтор не збігаються."));
        m_errorLabel->show();
        m_repeatPasswordLineEdit->setFocus();
        return;
    }
    setEnabled(false);
    auto changer = m_changer;
    const QString oldPw = m_oldPasswordLineEdit->text();
    const QString newPw = m_newPasswordLineEdit->text();
    m_runner->run(this, [changer, oldPw, newPw]() { return changer(oldPw, newPw); }, [this](Status st) {
        setEnabled(true);
        if (!st) {
            m_errorLabel->setText(st.error().message);
            m_errorLabel->show();
            return;
        }
        QDialog::accept();
    });
}

} // namespace cnap::gui
