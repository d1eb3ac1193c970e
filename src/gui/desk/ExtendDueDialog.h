#pragma once

#include <QDate>
#include <QDialog>

class QDateEdit;
class QLabel;
class QPlainTextEdit;

namespace cnap::gui::desk {

/// Asks for a later due date and the legal provision that allows the
/// extension (Art. 33 of Law 2073-IX: an extension always has its reason).
/// Checks what it can before the round trip: the date must be later than the
/// current one, the reason must be given; the service checks again.
class ExtendDueDialog final : public QDialog {
    Q_OBJECT
public:
    ExtendDueDialog(QDate currentDue, QWidget *parent = nullptr);

    [[nodiscard]] QDate newDueDate() const;
    [[nodiscard]] QString legalReason() const;
    /// Restores what the clerk typed (after a conflict or a refusal).
    void setValues(QDate due, const QString &reason);

private:
    void tryAccept();

    QDate m_currentDue;
    QDateEdit *m_date = nullptr;
    QPlainTextEdit *m_reason = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace cnap::gui::desk
