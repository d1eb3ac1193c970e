#pragma once

#include "security/Accounts.h"

#include <QDialog>

#include <memory>

namespace Ui {
class AddUserDialog;
}

namespace cnap::gui::admin {

/// Collects a new account: login, name, role, and either "generate a temporary
/// password" (default) or one typed by the administrator.  Checks the login and
/// password rules before accepting, so the service rarely has to refuse.
class AddUserDialog final : public QDialog {
    Q_OBJECT
public:
    explicit AddUserDialog(QWidget *parent = nullptr);
    ~AddUserDialog() override;

    /// The account to create; password empty when one is to be generated.
    [[nodiscard]] security::NewAccount account() const;

    void accept() override;

private:
    std::unique_ptr<Ui::AddUserDialog> m_ui;
};

} // namespace cnap::gui::admin
