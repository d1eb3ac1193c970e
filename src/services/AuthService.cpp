#include "services/AuthService.h"

#include "security/PasswordPolicy.h"

namespace cnap::services {

AuthService::AuthService(storage::DatabasePtr db, const Clock &clock, crypto::ScryptParams params)
    : m_accounts(std::move(db), clock, params)
{
}

Result<security::LoginOutcome> AuthService::login(const QString &login, const QString &password, const QString &desk)
{
    return m_accounts.login(login, password, desk);
}

Status AuthService::logout(const Actor &actor) { return m_accounts.logout(actor); }

Status AuthService::lockSession(const Actor &actor) { return m_accounts.lockSession(actor); }

Status AuthService::changeOwnPassword(const Actor &actor, const QString &oldPassword, const QString &newPassword)
{
    return m_accounts.changePassword(actor, oldPassword, newPassword);
}

Result<qint64> AuthService::addUser(const Actor &actor, const security::NewAccount &account)
{
    CNAP_TRY(require(actor, Permission::UsersManage));
    return m_accounts.addUser(actor, account);
}

Status AuthService::resetPassword(const Actor &actor, const QString &login, const QString &newPassword, bool mustChange)
{
    CNAP_TRY(require(actor, Permission::UsersManage));
    return m_accounts.resetPassword(actor, login, newPassword, mustChange);
}

Status AuthService::setDisabled(const Actor &actor, const QString &login, bool disabled)
{
    CNAP_TRY(require(actor, Permission::UsersManage));
    return m_accounts.setDisabled(actor, login, disabled);
}

Result<std::vector<security::AccountSummary>> AuthService::listUsers(const Actor &actor) const
{
    CNAP_TRY(require(actor, Permission::UsersManage));
    return m_accounts.list();
}

QString AuthService::passwordRules() { return security::PasswordPolicy::describe(); }

} // namespace cnap::services
