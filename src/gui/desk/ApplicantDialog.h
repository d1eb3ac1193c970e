#pragma once

#include "core/applicant/Applicant.h"
#include "gui/desk/FieldFeedback.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace cnap::gui::desk {

class ApplicantFormController;

/// The applicant card: a person or a legal entity.  Binds fields to an
/// Applicant, shows the controller's findings at the fields, and offers the
/// duplicates it finds instead of creating a second record.
class ApplicantDialog final : public QDialog {
    Q_OBJECT
public:
    ApplicantDialog(ApplicantFormController *controller, QWidget *parent = nullptr);

    void setApplicant(const Applicant &applicant);
    /// The applicant as the fields say now.
    [[nodiscard]] Applicant applicant() const;
    [[nodiscard]] const Applicant &result() const { return m_result; }
    [[nodiscard]] FieldFeedback &feedback() { return m_feedback; }

Q_SIGNALS:
    /// The clerk chose an applicant (saved, or an existing duplicate).
    void applicantChosen(const cnap::Applicant &applicant);

private:
    void buildUi();
    void updateKind();
    void recheck();
    void showDuplicates(const std::vector<Applicant> &candidates);
    QLineEdit *addLine(QFormLayout *form, const QString &field, const QString &label, const QString &objectName);
    void finish(const Applicant &a);

    ApplicantFormController *m_controller;
    FieldFeedback m_feedback;
    Applicant m_base;
    Applicant m_result;
    QRadioButton *m_personRadio = nullptr;
    QRadioButton *m_entityRadio = nullptr;
    QWidget *m_personBox = nullptr;
    QWidget *m_entityBox = nullptr;
    QLineEdit *m_surname = nullptr, *m_givenName = nullptr, *m_patronymic = nullptr, *m_birthDate = nullptr;
    QLineEdit *m_rnokpp = nullptr, *m_unzr = nullptr;
    QCheckBox *m_rnokppRefused = nullptr;
    QComboBox *m_docType = nullptr;
    QLineEdit *m_docNumber = nullptr, *m_docIssuer = nullptr, *m_docIssueDate = nullptr;
    QLineEdit *m_edrpou = nullptr, *m_orgName = nullptr, *m_repName = nullptr, *m_repAuthority = nullptr;
    QLineEdit *m_address = nullptr, *m_katottg = nullptr, *m_phone = nullptr, *m_email = nullptr;
    QCheckBox *m_consent = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace cnap::gui::desk
