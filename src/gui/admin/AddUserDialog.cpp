#include "gui/admin/AddUserDialog.h"

#include "security/PasswordPolicy.h"
#include "ui_AddUserDialog.h"

#include <QPushButton>

namespace cnap::gui::admin {

AddUserDialog::AddUserDialog(QWidget *parent) : QDialog(parent), m_ui(std::make_unique<Ui::AddUserDialog>())
{
    m_ui->setupUi(this);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Створити"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setText(tr("Скасувати"));
    // Device accounts (kiosk, display) are created here too; System is never an account.
    for (Role r : {Role::Clerk, Role::Supervisor, Role::Admin, Role::Kiosk, Role::Display})
        m_ui->roleComboBox->addItem(roleDisplayName(r), static_cast<int>(r));
    m_ui->rulesLabel->setText(security::PasswordPolicy::describe());
    m_ui->errorLabel->hide();
    connect(m_ui->generatePasswordCheckBox, &QCheckBox::toggled, this, [this](bool generate) {
        m_ui->passwordLineEdit->setEnabled(!generate);
        if (generate)
            m_ui->passwordLineEdit->clear();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AddUserDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &AddUserDialog::reject);
}

AddUserDialog::~AddUserDialog() = default;

security::NewAccount AddUserDialog::account() const
{
    security::NewAccount a;
    a.login = m_ui->loginLineEdit->text().trimmed();
    a.displayName = m_ui->nameLineEdit->text().trimmed();
    a.role = static_cast<Role>(m_ui->roleComboBox->currentData().toInt());
    a.password = m_ui->generatePasswordCheckBox->isChecked() ? QString() : m_ui->passwordLineEdit->text();
    a.mustChangePassword = true;
    return a;
}

void AddUserDialog::accept()
{
    const security::NewAccount a = account();
    Status check = security::Accounts::checkLogin(a.login);
    if (check && a.displayName.isEmpty())
        check = Error::invalid(QStringLiteral("displayName"), tr("вкажіть ім’я користувача"));
    if (check && !a.password.isEmpty())
        check = security::PasswordPolicy::check(a.login, a.password);
    if (check && !m_ui->generatePasswordCheckBox->isChecked() && a.password.isEmpty())
        check = Error::invalid(QStringLiteral("password"), tr("введіть тимчасовий пароль або оберіть генерацію"));
    if (!check) {
        m_ui->errorLabel->setText(check.error().message);
        m_ui->errorLabel->show();
        return;
    }
    QDialog::accept();
}

} // namespace cnap::gui::admin
