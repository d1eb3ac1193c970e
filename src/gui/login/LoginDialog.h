#pragma once

#include "core/Result.h"
#include "security/Accounts.h"

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class LoginDialog;
}

namespace cnap::gui {

class TaskRunner;

using security::LoginOutcome;

/// Verifies credentials; runs on the worker thread (the KDF is deliberately slow).
using Authenticator = std::function<Result<LoginOutcome>(const QString &login, const QString &password, const QString &desk)>;

/// Log-in and unlock dialog.  Never blocks the UI thread: the check runs on
/// the TaskRunner and the dialog stays responsive (and disabled) meanwhile.
class LoginDialog final : public QDialog {
    Q_OBJECT
public:
    LoginDialog(Authenticator authenticator, TaskRunner *runner, QWidget *parent = nullptr);
    ~LoginDialog() override;

    void setLogin(const QString &login, bool locked);
    void setDesk(const QString &desk, bool editable);
    [[nodiscard]] const LoginOutcome &outcome() const { return m_outcome; }

public Q_SLOTS:
    void accept() override;

private:
    void setBusy(bool busy);

    std::unique_ptr<Ui::LoginDialog> m_ui;
    Authenticator m_authenticator;
    TaskRunner *m_runner;
    LoginOutcome m_outcome;
};

} // namespace cnap::gui
