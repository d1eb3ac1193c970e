#pragma once

#include "gui/common/AppContext.h"
#include "security/AuditLog.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace cnap::gui::admin {

class AuditController;

/// The read-only audit viewer (supervisors, administrators): filters by period,
/// login, action and object; pages as the table scrolls; verifies the chain and
/// exports its anchor.  Only binds fields: AuditController does the work.
class AuditPage final : public QWidget {
    Q_OBJECT
public:
    explicit AuditPage(AppContext context, QWidget *parent = nullptr);

    [[nodiscard]] AuditController *controller() const { return m_controller; }
    /// The filter the fields describe now.
    [[nodiscard]] security::AuditFilter currentFilter() const;

public Q_SLOTS:
    void applyFilter();
    void verifyChain();
    /// Asks for a file (a dialog) and exports the anchor there.
    void exportAnchor();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showError(const Error &error);

    AuditController *m_controller;
    QCheckBox *m_periodCheck = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLineEdit *m_login = nullptr;
    QComboBox *m_action = nullptr;
    QLineEdit *m_objectType = nullptr;
    QLineEdit *m_objectId = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_verify = nullptr;
    QPushButton *m_export = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_chain = nullptr;
    bool m_loadedOnce = false;
};

} // namespace cnap::gui::admin
