#include "gui/login/LoginDialog.h"

#include "gui/common/TaskRunner.h"
#include "ui_LoginDialog.h"

#include <QPushButton>

namespace cnap::gui {

LoginDialog::LoginDialog(Authenticator authenticator, TaskRunner *runner, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::LoginDialog>()), m_authenticator(std::move(authenticator)), m_runner(runner)
{
    m_ui->setupUi(this);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Увійти"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setText(tr("Скасувати"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    m_ui->errorLabel->hide();
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::setLogin(const QString &login, bool locked)
{
    m_ui->loginLineEdit->setText(login);
    m_ui->loginLineEdit->setReadOnly(locked);
    if (!login.isEmpty())
        m_ui->passwordLineEdit->setFocus();
}

void LoginDialog::setDesk(const QString &desk, bool editable)
{
    m_ui->deskLineEdit->setText(desk);
    m_ui->deskLineEdit->setReadOnly(!editable);
}

void LoginDialog::setBusy(bool busy)
{
    m_ui->buttonBox->setEnabled(!busy);
    m_ui->loginLineEdit->setEnabled(!busy);
    m_ui->passwordLineEdit->setEnabled(!busy);
    m_ui->deskLineEdit->setEnabled(!busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void LoginDialog::accept()
{
    const QString login = m_ui->loginLineEdit->text().trimmed();
    const QString password = m_ui->passwordLineEdit->text();
    const QString desk = m_ui->deskLineEdit->text().trimmed();
    if (login.isEmpty() || password.isEmpty()) {
        m_ui->errorLabel->setText(tr("Введіть логін і пароль."));
        m_ui->errorLabel->show();
        (login.isEmpty() ? m_ui->loginLineEdit : m_ui->passwordLineEdit)->setFocus();
        return;
    }
    setBusy(true);
    m_ui->errorLabel->hide();
    auto auth = m_authenticator;
    m_runner->run(
        this, [auth, login, password, desk]() { return auth(login, password, desk); },
        [this](Result<LoginOutcome> result) {
            setBusy(false);
            m_ui->passwordLineEdit->clear();
            if (!result) {
                m_ui->errorLabel->setText(result.error().message);
                m_ui->errorLabel->show();
                m_ui->passwordLineEdit->setFocus();
                return;
            }
            m_outcome = result.value();
            QDialog::accept();
        });
}

} // namespace cnap::gui
