#pragma once

// Login and account management for every front end (workstation, kiosk, cnapctl).

#include "core/Clock.h"
#include "core/Result.h"
#include "core/security/Access.h"
#include "crypto/Password.h"
#include "security/Accounts.h"
#include "storage/Database.h"

#include <vector>

namespace cnap::services {

/// Role-checked account use cases.  login() needs no actor (it makes one); the
/// management calls need Permission::UsersManage; password change needs a
/// logged-in user.
class AuthService final {
public:
    explicit AuthService(storage::DatabasePtr db, const Clock &clock = Clock::system(),
                         crypto::ScryptParams params = crypto::ScryptParams::production());

    /// The session's Actor, or Unauthenticated.  When `mustChangePassword` is set
    /// the UI lets the user do nothing but changeOwnPassword() first.
    [[nodiscard]] Result<security::LoginOutcome> login(const QString &login, const QString &password, const QString &desk);
    [[nodiscard]] Status logout(const Actor &actor);
    /// Screen lock (audited).  To unlock, call login() again with the same login.
    [[nodiscard]] Status lockSession(const Actor &actor);
    [[nodiscard]] Status changeOwnPassword(const Actor &actor, const QString &oldPassword, const QString &newPassword);

    [[nodiscard]] Result<qint64> addUser(const Actor &actor, const security::NewAccount &account);
    /// Administrator reset: the user must change the password at next login.
    [[nodiscard]] Status resetPassword(const Actor &actor, const QString &login, const QString &newPassword, bool mustChange = true);
    [[nodiscard]] Status setDisabled(const Actor &actor, const QString &login, bool disabled);
    [[nodiscard]] Result<std::vector<security::AccountSummary>> listUsers(const Actor &actor) const;

    /// The password rules as one sentence for forms.
    [[nodiscard]] static QString passwordRules();

private:
    security::Accounts m_accounts;
};

} // namespace cnap::services
