#pragma once

// Case use cases for every front end (the clerk desk screens, cnapctl, tests):
// registration, the lifecycle, the case list and search, the опис.  Every
// method takes the acting user and checks the permission first.

#include "core/Clock.h"
#include "core/Result.h"
#include "core/applicant/Applicant.h"
#include "core/calendar/WorkingCalendar.h"
#include "core/cases/Case.h"
#include "core/cases/CaseNumber.h"
#include "core/cases/CaseQuery.h"
#include "core/cases/CaseWorkflow.h"
#include "core/documents/FileType.h"
#include "core/security/Access.h"
#include "storage/CaseRepository.h"
#include "storage/Database.h"
#include "storage/DocumentStore.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace cnap::security {
class AuditLog;
}

namespace cnap::services {

class OutboundMessageSink;

/// Centre-wide settings of registration.
struct CaseServiceOptions final {
    QString journal = QStringLiteral("01");                       ///< registration journal key
    QString numberPattern = QString::fromUtf16(kDefaultCaseNumberPattern);
    qint64 maxAttachmentBytes = kDefaultMaxAttachmentBytes;
    int maxAttachments = 50;
    int nearDueWorkingDays = 2;                                    ///< DueFlag::NearDue window
    WorkingCalendar calendar;                                      ///< the centre's working days
    OutboundMessageSink *outbound = nullptr;                       ///< not owned; null: the exchange outbox (OutboxSink)
    bool audit = true;                                             ///< write the audit chain (AuditLog)
};

/// Who the case is for: an applicant on file, or one to find or create.
struct ApplicantChoice final {
    qint64 existingId = 0;                 ///< > 0: this applicant
    std::optional<Applicant> candidate;    ///< else: found by РНОКПП/ЄДРПОУ, or created (needs ApplicantWrite)
};

/// One attached file as the clerk picked it.
struct AttachmentInput final {
    QString fileName;
    QByteArray content;
};

struct RegistrationRequest final {
    ApplicantChoice applicant;
    QString serviceCode;
    /// The card's required documents, in the card's order, as handed in.  Empty:
    /// the card's list with nothing marked provided.  Names come from the card.
    QList<ChecklistItem> checklist;
    bool allProvided = false;              ///< with an empty checklist: every card document handed in, 1 sheet, the card's form
    QList<AttachmentInput> attachments;
    std::optional<qint64> feeKopecks;      ///< unset: the card's fee
    QString paymentEvidence;               ///< required when the fee is not 0
    DeliveryMethod delivery = DeliveryMethod::InPerson;
    QString contact;                       ///< postal address (Post) or e-mail (Email)
    IntakeChannel channel = IntakeChannel::InPerson;
    QString representative;                ///< required for IntakeChannel::Representative
    QString objectAddress;                 ///< address of the object the service concerns, if any
    QString administratorName;             ///< for the опис; defaults to the actor's login
};

struct RegistrationResult final {
    CaseDetails details;
    bool applicantCreated = false;
};

/// `cnapctl check`'s findings.
struct IntegrityReport final {
    QStringList problems;        ///< empty: sound
    qint64 cases = 0;
    qint64 filesReferenced = 0;
    qint64 filesUnreferenced = 0; ///< left by interrupted registrations: harmless, reported as a note
    [[nodiscard]] bool ok() const { return problems.isEmpty(); }
};

class CaseService final {
public:
    CaseService(storage::DatabasePtr db, std::shared_ptr<storage::DocumentStore> store, CaseServiceOptions options = {},
                const Clock &clock = Clock::system());
    ~CaseService();
    CaseService(const CaseService &) = delete;
    CaseService &operator=(const CaseService &) = delete;

    /// Registers a case (CaseRegister; ApplicantWrite when the applicant is new):
    /// validates everything, stores the files durably, then in ONE transaction
    /// takes the journal number and writes case, checklist, documents, history,
    /// audit entry and outbound message.  Bad input: InvalidArgument naming the
    /// field ("attachments[1]", "serviceCode", "paymentEvidence", ...), nothing written.
    [[nodiscard]] Result<RegistrationResult> registerCase(const Actor &actor, const RegistrationRequest &request);

    /// Moves a case to another state (CaseTransition; CaseIssueResult for issued
    /// and posted).  `expectedVersion` is the version the clerk saw (0: whatever is
    /// current — scripts); someone else's change in between gives Conflict.
    [[nodiscard]] Result<CaseDetails> transition(const Actor &actor, const QString &number, int expectedVersion,
                                                 const TransitionRequest &request);

    /// Extends the term (CaseTransition) to `newDue` for `legalReason` (the
    /// provision that allows it); recorded in the history.
    [[nodiscard]] Result<CaseDetails> extendDueDate(const Actor &actor, const QString &number, int expectedVersion,
                                                    QDate newDue, const QString &legalReason);

    /// The case with checklist, documents and history (CaseRead); audited as "case-open".
    [[nodiscard]] Result<CaseDetails> get(const Actor &actor, const QString &number);
    /// One page of the case list (CaseRead), rows flagged near/past due.
    [[nodiscard]] Result<CasePage> list(const Actor &actor, const CaseListQuery &query);
    /// Search (CaseRead): 10 digits → РНОКПП, 8 digits → ЄДРПОУ, something shaped
    /// like a case number → that case, otherwise a surname (or entity name) prefix.
    [[nodiscard]] Result<QList<CaseSummary>> search(const Actor &actor, const QString &text, int limit = 50);
    /// The опис вхідного пакета документів of a case (CaseRead).
    [[nodiscard]] Result<CaseInventory> inventory(const Actor &actor, const QString &number);
    /// The bytes of the case's `position`-th attached file (CaseRead).
    [[nodiscard]] Result<QByteArray> documentContent(const Actor &actor, const QString &number, int position);

    /// Verifies the case tables, the journals and the document store
    /// (SystemAdminister): every referenced file present with its SHA-256.
    [[nodiscard]] Result<IntegrityReport> check(const Actor &actor);

    [[nodiscard]] const CaseServiceOptions &options() const { return m_options; }
    [[nodiscard]] storage::DocumentStore &store() { return *m_store; }

private:
    [[nodiscard]] Result<Applicant> resolveApplicant(const Actor &actor, const ApplicantChoice &choice, bool *created);
    void flag(CaseSummary &row) const;

    storage::DatabasePtr m_db;
    std::shared_ptr<storage::DocumentStore> m_store;
    CaseServiceOptions m_options;
    const Clock &m_clock;
    storage::CaseRepository m_cases;
    std::unique_ptr<security::AuditLog> m_audit;
    std::unique_ptr<OutboundMessageSink> m_defaultOutbound;  ///< used when options.outbound is null
};

} // namespace cnap::services
