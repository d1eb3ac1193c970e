#pragma once

#include "gui/common/AppContext.h"
#include "storage/OutboxRepository.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace cnap::gui::exchange {

class OnlineApplicationsController;

/// "Онлайн-заяви": applications that arrived from the portal, oldest first;
/// the clerk takes one into work (Enter) and the intake opens for it.
class OnlineApplicationsPage final : public QWidget {
    Q_OBJECT
public:
    explicit OnlineApplicationsPage(AppContext context, QWidget *parent = nullptr);

    [[nodiscard]] OnlineApplicationsController *controller() const { return m_controller; }
    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    [[nodiscard]] QPushButton *takeButton() const { return m_take; }

public Q_SLOTS:
    void reload();
    /// Takes the selected application into work.
    void takeSelected();

Q_SIGNALS:
    /// Taken by this clerk: the desk opens the intake for it.
    void applicationTaken(const cnap::storage::OnlineApplicationRow &application);

protected:
    void showEvent(QShowEvent *event) override;

private:
    AppContext m_context;
    OnlineApplicationsController *m_controller;
    QCheckBox *m_showTaken = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_take = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace cnap::gui::exchange
