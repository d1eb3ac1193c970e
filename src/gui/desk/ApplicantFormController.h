#pragma once

#include "core/applicant/Applicant.h"
#include "gui/common/AppContext.h"
#include "gui/desk/DeskServices.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <vector>

namespace cnap::gui::desk {

/// The applicant form's state and rules: field checks as the clerk types, the
/// duplicate search, saving on the worker.  The dialog only binds fields.
class ApplicantFormController final : public QObject {
    Q_OBJECT
public:
    ApplicantFormController(AppContext context, DeskServicesPtr services, QObject *parent = nullptr);

    /// Problems of the fields typed so far (an empty field is not an error
    /// until save): identifiers by their own rules, and the birth date encoded
    /// in a РНОКПП and in a УНЗР against the one entered.  Keys are the
    /// Applicant::validate() field names; messages name the field.
    [[nodiscard]] static QHash<QString, QString> fieldProblems(const Applicant &a, QDate today);
    /// The label of a field as the form shows it ("РНОКПП", "Дата народження"…).
    [[nodiscard]] static QString fieldLabel(const QString &field);
    /// `message`, prefixed with the field's label unless it already names it.
    [[nodiscard]] static QString describe(const QString &field, const QString &message);

    /// Saves: full validation, then (for a new applicant, unless
    /// `notADuplicate`) the duplicate search, then create or update.
    void save(const Applicant &applicant, bool notADuplicate = false);
    [[nodiscard]] bool busy() const { return m_busy; }

Q_SIGNALS:
    void fieldError(const QString &field, const QString &message);
    void duplicatesFound(const std::vector<cnap::Applicant> &candidates);
    void saved(const cnap::Applicant &applicant);
    void failed(const cnap::Error &error);

private:
    AppContext m_context;
    DeskServicesPtr m_services;
    bool m_busy = false;
};

} // namespace cnap::gui::desk
