#pragma once

#include "core/cases/CaseWorkflow.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace cnap::gui::desk {

/// Asks what a transition needs: a comment (grounds of a refusal, reason of a
/// suspension), and for issuance to whom the result was given and which
/// identity document was checked.
class TransitionDialog final : public QDialog {
    Q_OBJECT
public:
    TransitionDialog(CaseState from, CaseState to, QWidget *parent = nullptr);
    /// Restores what the clerk typed (after a conflict).
    void setRequest(const TransitionRequest &request);
    [[nodiscard]] TransitionRequest request() const;

private:
    void tryAccept();

    CaseState m_from;
    CaseState m_to;
    QPlainTextEdit *m_comment = nullptr;
    QLineEdit *m_issuedTo = nullptr;
    QLineEdit *m_issuedDocument = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace cnap::gui::desk
