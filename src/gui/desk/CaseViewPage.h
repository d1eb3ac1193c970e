#pragma once

#include "gui/common/AppContext.h"
#include "core/cases/CaseWorkflow.h"
#include "gui/desk/DeskServices.h"

#include <optional>

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QTableView;

namespace cnap::gui::desk {

class CaseViewController;
class IntakeController;

/// One case: header (number, state, due date with its flag, applicant,
/// service), history, documents, and one button per legal next state.
class CaseViewPage final : public QWidget {
    Q_OBJECT
public:
    CaseViewPage(AppContext context, DeskServicesPtr services, QWidget *parent = nullptr);
    [[nodiscard]] CaseViewController *controller() const { return m_controller; }
    /// The transition buttons currently shown (object names "transitionButton_<state-key>").
    [[nodiscard]] QList<QWidget *> transitionButtons() const;
    [[nodiscard]] QLabel *messageLabel() const { return m_message; }
    /// Adds a section under history and documents: other features (the
    /// registry exchange) extend the case view without the desk knowing them.
    void addSection(QWidget *section);

public Q_SLOTS:
    void openCase(const QString &number);

private:
    void showDetails();
    void rebuildActions();
    void askTransition(int targetState);
    void askExtendDueDate();
    void saveDocumentCopy();
    void reprint();
    void savePdf();

    AppContext m_context;
    CaseViewController *m_controller = nullptr;
    IntakeController *m_printer = nullptr;  ///< the опис is fetched, rendered and audited the intake's way
    QLabel *m_header = nullptr;
    QLabel *m_message = nullptr;
    QTableView *m_history = nullptr;
    QTableView *m_documents = nullptr;
    QWidget *m_actionsBox = nullptr;
    QHBoxLayout *m_actions = nullptr;
    std::optional<TransitionRequest> m_lastRequest;  ///< what the clerk typed last: survives a conflict
};

} // namespace cnap::gui::desk
