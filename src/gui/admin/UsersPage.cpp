#include "gui/admin/UsersPage.h"

#include "gui/admin/AddUserDialog.h"
#include "gui/admin/UsersController.h"
#include "gui/admin/UsersModel.h"
#include "gui/common/ErrorPresenter.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace cnap::gui::admin {

UsersPage::UsersPage(AppContext context, crypto::ScryptParams params, QWidget *parent)
    : QWidget(parent), m_context(context), m_controller(new UsersController(std::move(context), params, this))
{
    setObjectName(QStringLiteral("usersPage"));
    auto *root = new QVBoxLayout(this);
    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("&Додати користувача…"), this);
    m_add->setObjectName(QStringLiteral("addUserButton"));
    buttons->addWidget(m_add);
    m_reset = new QPushButton(tr("Скинути &пароль"), this);
    m_reset->setObjectName(QStringLiteral("resetPasswordButton"));
    m_reset->setToolTip(tr("Видати тимчасовий пароль; користувач змінить його під час наступного входу"));
    buttons->addWidget(m_reset);
    m_disable = new QPushButton(tr("&Вимкнути"), this);
    m_disable->setObjectName(QStringLiteral("toggleDisabledButton"));
    buttons->addWidget(m_disable);
    buttons->addStretch(1);
    root->addLayout(buttons);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("usersView"));
    m_view->setModel(m_controller->model());
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(24);
    m_view->horizontalHeader()->setSectionResizeMode(UsersModel::NameColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(UsersModel::LoginColumn, 160);
    m_view->setColumnWidth(UsersModel::RoleColumn, 200);
    m_view->setColumnWidth(UsersModel::StateColumn, 280);
    m_view->setColumnWidth(UsersModel::LastLoginColumn, 140);
    root->addWidget(m_view, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("usersStatusLabel"));
    root->addWidget(m_status);

    connect(m_add, &QPushButton::clicked, this, &UsersPage::addUser);
    connect(m_reset, &QPushButton::clicked, this, &UsersPage::resetPassword);
    connect(m_disable, &QPushButton::clicked, this, &UsersPage::toggleDisabled);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &UsersPage::updateButtons);
    connect(m_controller->model(), &QAbstractItemModel::modelReset, this, &UsersPage::updateButtons);
    connect(m_controller, &UsersController::loaded, this, [this](int rows) {
        m_status->setText(tr("Облікових записів: %1").arg(rows));
    });
    connect(m_controller, &UsersController::userAdded, this, [this](const QString &login, const QString &password) {
        if (!password.isEmpty())
            showSecretOnce(tr("Користувача створено"), login, password);
        else
            m_status->setText(tr("Користувача %1 створено").arg(login));
    });
    connect(m_controller, &UsersController::passwordReset, this, [this](const QString &login, const QString &password) {
        showSecretOnce(tr("Пароль скинуто"), login, password);
    });
    connect(m_controller, &UsersController::failed, this, [this](const Error &error) {
        m_status->setText(ErrorPresenter::text(error));
        if (window()->isVisible())
            ErrorPresenter::show(this, error);
    });
    updateButtons();
}

QString UsersPage::selectedLogin() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(UsersModel::LoginRole).toString();
}

void UsersPage::updateButtons()
{
    const QString login = selectedLogin();
    const int row = m_controller->model()->rowOf(login);
    const auto *account = m_controller->model()->accountAt(row);
    // One's own account is not reset or disabled from here (the service refuses
    // disabling oneself anyway; a self-reset belongs to "change password").
    const bool self = account && account->login == m_context.actor.login;
    m_reset->setEnabled(account && !self);
    m_disable->setEnabled(account && !self);
    m_disable->setText(account && account->disabled ? tr("&Увімкнути") : tr("&Вимкнути"));
}

void UsersPage::addUser()
{
    AddUserDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_controller->addUser(dialog.account());
}

void UsersPage::resetPassword()
{
    const QString login = selectedLogin();
    if (login.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Скинути пароль"),
                              tr("Видати користувачу %1 тимчасовий пароль? Поточний пароль перестане діяти.").arg(login))
        != QMessageBox::Yes)
        return;
    m_controller->resetPassword(login);
}

void UsersPage::toggleDisabled()
{
    const QString login = selectedLogin();
    const auto *account = m_controller->model()->accountAt(m_controller->model()->rowOf(login));
    if (!account)
        return;
    m_controller->setDisabled(login, !account->disabled);
}

void UsersPage::showSecretOnce(const QString &title, const QString &login, const QString &password)
{
    // Shown once and never kept: the GUI holds no copy after the box closes.
    QMessageBox box(QMessageBox::Information, title,
                    tr("Тимчасовий пароль для %1:\n\n%2\n\nПередайте його користувачу особисто. "
                       "Під час першого входу він має встановити власний пароль. Цей пароль більше не буде показано.")
                        .arg(login, password),
                    QMessageBox::Ok, this);
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    box.exec();
}

void UsersPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce) {
        m_loadedOnce = true;
        m_controller->reload();
    }
}

} // namespace cnap::gui::admin
