#pragma once

#include "core/applicant/Applicant.h"
#include "gui/common/AppContext.h"
#include "gui/desk/DeskServices.h"
#include "gui/desk/FieldFeedback.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTableView;
class QTimer;

namespace cnap::gui::desk {

class IntakeController;

/// The intake form: applicant, service, checklist, files (dialog or drop),
/// fee, delivery, channel, object address; Ctrl+Enter registers, then the опис
/// is printed (Ctrl+P) or saved as PDF.
class IntakePage final : public QWidget {
    Q_OBJECT
public:
    IntakePage(AppContext context, DeskServicesPtr services, QWidget *parent = nullptr);

    [[nodiscard]] IntakeController *controller() const { return m_controller; }
    [[nodiscard]] FieldFeedback &feedback() { return m_feedback; }

public Q_SLOTS:
    /// A new intake (Ctrl+N): clears the form, focuses the service search.
    void startNew();
    void setApplicant(const cnap::Applicant &applicant);
    /// A visitor was called from the queue: a new intake for the ticket's service.
    void startForTicket(const QString &ticketNumber, const QString &serviceCode);
    /// An application from the portal was taken into work: a new intake for its service.
    void startForOnlineApplication(const QString &portalId, const QString &serviceCode);
    void printInventory();
    void saveInventoryPdf();

Q_SIGNALS:
    /// The clerk wants to find or create the applicant (focus the applicant panel).
    void applicantSearchRequested();
    void caseRegistered(const QString &number);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildUi();
    void pushDetails();
    void showCard();
    void addFilesFromDialog();
    QWidget *withError(QWidget *field, const QString &key, const QString &objectName);

    AppContext m_context;
    DeskServicesPtr m_services;
    IntakeController *m_controller = nullptr;
    FieldFeedback m_feedback;
    QTimer *m_serviceDebounce = nullptr;
    QLabel *m_applicantLabel = nullptr;
    QLineEdit *m_serviceSearch = nullptr;
    QListView *m_serviceList = nullptr;
    QLabel *m_cardLabel = nullptr;
    QTableView *m_checklist = nullptr;
    QTableView *m_files = nullptr;
    QLineEdit *m_fee = nullptr;
    QLineEdit *m_payment = nullptr;
    QComboBox *m_delivery = nullptr;
    QLineEdit *m_contact = nullptr;
    QComboBox *m_channel = nullptr;
    QLineEdit *m_representative = nullptr;
    QLineEdit *m_objectAddress = nullptr;
    QPushButton *m_register = nullptr;
    QPushButton *m_print = nullptr;
    QPushButton *m_savePdf = nullptr;
    QLabel *m_result = nullptr;
    QString m_pendingServiceCode;  ///< chosen as soon as the catalogue search returns it
};

} // namespace cnap::gui::desk
