#pragma once

#include "crypto/Password.h"
#include "gui/common/AppContext.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace cnap::gui::admin {

class UsersController;

/// The administrator's user list: add (with a temporary password shown once),
/// reset to a temporary password, disable and enable.  Binds fields only; the
/// controller calls AuthService, which does the role check.
class UsersPage final : public QWidget {
    Q_OBJECT
public:
    explicit UsersPage(AppContext context, crypto::ScryptParams params = crypto::ScryptParams::production(),
                       QWidget *parent = nullptr);

    [[nodiscard]] UsersController *controller() const { return m_controller; }
    /// The login of the selected row, empty when none.
    [[nodiscard]] QString selectedLogin() const;

public Q_SLOTS:
    void addUser();
    void resetPassword();
    void toggleDisabled();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateButtons();
    void showSecretOnce(const QString &title, const QString &login, const QString &password);

    AppContext m_context;
    UsersController *m_controller;
    QTableView *m_view = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_reset = nullptr;
    QPushButton *m_disable = nullptr;
    QLabel *m_status = nullptr;
    bool m_loadedOnce = false;
};

} // namespace cnap::gui::admin
