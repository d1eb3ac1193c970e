#pragma once

#include "crypto/Password.h"
#include "gui/common/AppContext.h"
#include "security/Accounts.h"

#include <QObject>

namespace cnap::gui::admin {

class UsersModel;

/// The user-management screen's logic: list, add, temporary password reset,
/// disable/enable.  Every call goes to services::AuthService on the worker
/// thread; the service checks Permission::UsersManage, so a window opened by
/// the wrong role still gets PermissionDenied.
class UsersController final : public QObject {
    Q_OBJECT
public:
    explicit UsersController(AppContext context, crypto::ScryptParams params = crypto::ScryptParams::production(),
                             QObject *parent = nullptr);

    [[nodiscard]] UsersModel *model() const { return m_model; }

    void reload();
    /// Adds the account; an empty password means "generate a temporary one".
    /// New accounts always change the password at first login.
    void addUser(security::NewAccount account);
    /// Sets a generated temporary password the user must change at next login.
    void resetPassword(const QString &login);
    void setDisabled(const QString &login, bool disabled);

    /// A random password that satisfies PasswordPolicy: 14 characters from an
    /// alphabet without look-alikes (0/O, 1/l/I), with lower and upper case,
    /// a digit and a sign, so it can be read out or copied by hand once.
    [[nodiscard]] static QString generateTemporaryPassword();

Q_SIGNALS:
    void loaded(int rows);
    /// `temporaryPassword` is shown once and never stored by the GUI.
    void userAdded(const QString &login, const QString &temporaryPassword);
    void passwordReset(const QString &login, const QString &temporaryPassword);
    void disabledChanged(const QString &login, bool disabled);
    void failed(const cnap::Error &error);

private:
    AppContext m_context;
    crypto::ScryptParams m_params;
    UsersModel *m_model;
};

} // namespace cnap::gui::admin
