#pragma once

#include "gui/common/AppContext.h"
#include "gui/desk/DeskServices.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace cnap::gui::desk {

class CaseListController;

/// The case list (F3): filters by state, service and overdue, three orders,
/// a search box; rows coloured by due flag; Enter opens the case.
class CaseListPage final : public QWidget {
    Q_OBJECT
public:
    CaseListPage(AppContext context, DeskServicesPtr services, QWidget *parent = nullptr);
    [[nodiscard]] CaseListController *controller() const { return m_controller; }
    [[nodiscard]] QTableView *view() const { return m_view; }

public Q_SLOTS:
    void activate();

Q_SIGNALS:
    void caseOpenRequested(const QString &number);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilters();

    CaseListController *m_controller = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_state = nullptr;
    QLineEdit *m_service = nullptr;
    QCheckBox *m_overdue = nullptr;
    QComboBox *m_sort = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_status = nullptr;
    bool m_loadedOnce = false;
};

} // namespace cnap::gui::desk
