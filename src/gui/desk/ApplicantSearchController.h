#pragma once

#include "gui/common/AppContext.h"
#include "gui/desk/DeskServices.h"
#include "services/ApplicantService.h"

#include <QObject>
#include <QString>

class QTimer;

namespace cnap::gui::desk {

class ApplicantResultsModel;

/// Search as you type: each change restarts a short debounce timer; when it
/// fires the query runs on the worker.  Answers to queries the clerk has typed
/// past are dropped (a sequence number), so the list never jumps back.
class ApplicantSearchController final : public QObject {
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 250;

    ApplicantSearchController(AppContext context, DeskServicesPtr services, QObject *parent = nullptr);

    [[nodiscard]] ApplicantResultsModel *model() const { return m_model; }
    [[nodiscard]] services::ApplicantQueryKind kind() const { return m_kind; }
    [[nodiscard]] QString text() const { return m_text; }

public Q_SLOTS:
    /// The search text changed (debounced).
    void setText(const QString &text);
    /// Runs the current text now (Enter).
    void searchNow();
    /// Opens the applicant with audit ("applicant-open"); emits opened().
    void open(qint64 id);

Q_SIGNALS:
    void kindDetected(cnap::services::ApplicantQueryKind kind);
    void searching();
    void finished(int count);
    void opened(const cnap::Applicant &applicant);
    void failed(const cnap::Error &error);

private:
    AppContext m_context;
    DeskServicesPtr m_services;
    ApplicantResultsModel *m_model = nullptr;
    QTimer *m_debounce = nullptr;
    QString m_text;
    services::ApplicantQueryKind m_kind = services::ApplicantQueryKind::Empty;
    quint64 m_seq = 0;
};

} // namespace cnap::gui::desk
