#pragma once

#include "core/Result.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;

namespace cnap::gui {

class TaskRunner;

/// Changes the user's own password (forced on first login and after a reset).
class ChangePasswordDialog final : public QDialog {
    Q_OBJECT
public:
    using Changer = std::function<Status(const QString &oldPassword, const QString &newPassword)>;
    ChangePasswordDialog(Changer changer, const QString &rules, TaskRunner *runner, QWidget *parent = nullptr);

public Q_SLOTS:
    void accept() override;

private:
    Changer m_changer;
    TaskRunner *m_runner;
    QLineEdit *m_oldPasswordLineEdit;
    QLineEdit *m_newPasswordLineEdit;
    QLineEdit *m_repeatPasswordLineEdit;
    QLabel *m_errorLabel;
};

} // namespace cnap::gui
