#pragma once

#include "core/applicant/Applicant.h"
#include "gui/common/AppContext.h"
#include "gui/desk/DeskServices.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace cnap::gui::desk {

class ApplicantSearchController;

/// The applicant panel: one search box that understands every identifier
/// (kind shown next to it), the results, and buttons to open, create, or take
/// the applicant into a new case.
class ApplicantPanel final : public QWidget {
    Q_OBJECT
public:
    ApplicantPanel(AppContext context, DeskServicesPtr services, QWidget *parent = nullptr);

    [[nodiscard]] ApplicantSearchController *controller() const { return m_controller; }
    [[nodiscard]] QLineEdit *searchEdit() const { return m_search; }

public Q_SLOTS:
    /// Puts the cursor into the search box (F2).
    void focusSearch();
    /// Opens the applicant card for a new person or legal entity.
    void createApplicant(bool legalEntity = false);

Q_SIGNALS:
    /// The clerk took this applicant into a new case.
    void applicantChosen(const cnap::Applicant &applicant);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void editApplicant(const Applicant &applicant);
    [[nodiscard]] qint64 currentId() const;

    AppContext m_context;
    DeskServicesPtr m_services;
    ApplicantSearchController *m_controller = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_kind = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_results = nullptr;
    bool m_takeAfterOpen = false;
};

} // namespace cnap::gui::desk
