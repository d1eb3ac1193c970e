#pragma once

#include "core/applicant/Applicant.h"
#include "core/cases/Case.h"
#include "gui/common/AppContext.h"
#include "gui/desk/DeskServices.h"

#include <QObject>
#include <QString>

#include <optional>

namespace cnap::gui::desk {

class AttachmentModel;
class ChecklistModel;
class ServiceListModel;

/// What the intake form holds besides the applicant, the card and the lists.
struct IntakeDetails final {
    std::optional<qint64> feeKopecks;   ///< unset: the card's fee
    QString paymentEvidence;
    DeliveryMethod delivery = DeliveryMethod::InPerson;
    QString contact;
    IntakeChannel channel = IntakeChannel::InPerson;
    QString representative;
    QString objectAddress;
};

/// The intake screen's state and rules: the applicant, the service and its
/// checklist, the files (checked by content and size as they are added), the
/// details; registration on the worker; the опис after it.
class IntakeController final : public QObject {
    Q_OBJECT
public:
    IntakeController(AppContext context, DeskServicesPtr services, QObject *parent = nullptr);

    [[nodiscard]] ServiceListModel *services() const { return m_serviceModel; }
    [[nodiscard]] ChecklistModel *checklist() const { return m_checklist; }
    [[nodiscard]] AttachmentModel *attachments() const { return m_attachments; }
    [[nodiscard]] const std::optional<Applicant> &applicant() const { return m_applicant; }
    [[nodiscard]] const std::optional<ServiceCard> &card() const { return m_card; }
    [[nodiscard]] const std::optional<CaseDetails> &registered() const { return m_registered; }
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] qint64 maxAttachmentBytes() const;

    /// Starts a new intake: everything cleared (Ctrl+N).
    void reset();
    /// The applicant: one on file (id > 0) or a new one to be created with the case.
    void setApplicant(const Applicant &applicant);
    /// Searches the catalogue (words or code) on the worker; fills services().
    void searchServices(const QString &query);
    /// Chooses a card: its required documents become the checklist.
    void selectService(const ServiceCard &card);
    /// Adds a file: type by content, size limit, extension must agree.  A bad
    /// file: fieldError("attachments", message naming the file), nothing added.
    bool addFile(const QString &fileName, const QByteArray &content);
    /// Reads and adds a file from disk (size checked before reading).
    bool addFilePath(const QString &path);
    void removeFile(int row);
    void setDetails(const IntakeDetails &details) { m_details = details; }
    [[nodiscard]] const IntakeDetails &details() const { return m_details; }

    /// Validates and registers on the worker (Ctrl+Enter).  Bad input:
    /// fieldError(field, message) and nothing is registered.
    void registerCase();
    /// Writes the опис of `caseNumber` to `path` (PDF); audited as "print".
    void writeInventoryPdf(const QString &caseNumber, const QString &path);
    /// Fetches the опис of `caseNumber` (for the printer); inventoryReady() follows.
    void fetchInventory(const QString &caseNumber);
    /// Records in the audit that the опис was sent to a printer.
    void recordPrinted(const QString &caseNumber);

Q_SIGNALS:
    void applicantChanged();
    void cardChanged();
    void fieldError(const QString &field, const QString &message);
    void fieldsCleared();
    void caseRegistered(const cnap::CaseDetails &details);
    void inventoryReady(const cnap::CaseInventory &inventory);
    void inventoryWritten(const QString &path);
    void failed(const cnap::Error &error);

private:
    void fail(const Error &error);

    AppContext m_context;
    DeskServicesPtr m_services;
    ServiceListModel *m_serviceModel = nullptr;
    ChecklistModel *m_checklist = nullptr;
    AttachmentModel *m_attachments = nullptr;
    std::optional<Applicant> m_applicant;
    std::optional<ServiceCard> m_card;
    std::optional<CaseDetails> m_registered;
    IntakeDetails m_details;
    bool m_busy = false;
    quint64 m_searchSeq = 0;
};

} // namespace cnap::gui::desk
