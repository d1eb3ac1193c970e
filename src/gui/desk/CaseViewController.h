#pragma once

#include "core/cases/Case.h"
#include "core/cases/CaseWorkflow.h"
#include "gui/common/AppContext.h"
#include "gui/desk/DeskServices.h"

#include <QObject>

#include <optional>

namespace cnap::gui::desk {

class CaseDocumentsModel;
class CaseHistoryModel;

/// One open case: loads it, offers only the transitions the workflow allows
/// from its state, applies one with the version the clerk saw, and on a
/// conflict (another clerk was faster) says so and reloads — the clerk's
/// comment is handed back so nothing typed is lost.
class CaseViewController final : public QObject {
    Q_OBJECT
public:
    CaseViewController(AppContext context, DeskServicesPtr services, QObject *parent = nullptr);

    [[nodiscard]] CaseHistoryModel *history() const { return m_history; }
    [[nodiscard]] CaseDocumentsModel *documents() const { return m_documents; }
    [[nodiscard]] const std::optional<CaseDetails> &details() const { return m_details; }
    /// The targets the buttons offer: allowedTransitions() of the current state.
    [[nodiscard]] QList<CaseState> availableTransitions() const;

    void open(const QString &number);
    void reload();
    void transition(const TransitionRequest &request);
    /// Extends the term to `newDue` for `legalReason` with the version the clerk saw.
    void extendDueDate(QDate newDue, const QString &legalReason);
    /// Whether the term may still be extended (it runs, or the case is suspended).
    [[nodiscard]] bool canExtendDueDate() const;
    /// Saves a copy of the `position`-th file to `path`.
    void saveDocument(int position, const QString &path);

Q_SIGNALS:
    void loaded(const cnap::CaseDetails &details);
    void transitioned(const cnap::CaseDetails &details);
    void dueDateExtended(const cnap::CaseDetails &details);
    /// Someone else changed the case; it is reloaded, `request` is what the clerk asked for.
    void conflict(const QString &message, const cnap::TransitionRequest &request);
    void documentSaved(const QString &path);
    void failed(const cnap::Error &error);

private:
    void apply(const CaseDetails &details);

    AppContext m_context;
    DeskServicesPtr m_services;
    CaseHistoryModel *m_history = nullptr;
    CaseDocumentsModel *m_documents = nullptr;
    std::optional<CaseDetails> m_details;
    QString m_number;
    bool m_busy = false;
};

} // namespace cnap::gui::desk
