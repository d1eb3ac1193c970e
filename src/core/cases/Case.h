#pragma once

// The case (справа) aggregate as the service layer and the screens see it.

#include "core/Result.h"
#include "core/cases/CaseDeadlines.h"
#include "core/cases/CaseState.h"
#include "core/catalogue/ServiceCard.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace cnap {

/// How the result reaches the applicant.  Keys: "in-person", "post", "email".
enum class DeliveryMethod { InPerson, Post, Email };
/// How the application reached the centre.  Keys: "in-person", "representative", "post", "online".
enum class IntakeChannel { InPerson, Representative, Post, Online };

[[nodiscard]] QString deliveryMethodKey(DeliveryMethod m);
[[nodiscard]] Result<DeliveryMethod> deliveryMethodFromKey(const QString &key);  ///< error field "delivery"
[[nodiscard]] QString deliveryMethodDisplayName(DeliveryMethod m);
[[nodiscard]] QString intakeChannelKey(IntakeChannel c);
[[nodiscard]] Result<IntakeChannel> intakeChannelFromKey(const QString &key);    ///< error field "channel"
[[nodiscard]] QString intakeChannelDisplayName(IntakeChannel c);

/// One line of the checklist made from the card's required documents.
struct ChecklistItem final {
    QString name;
    bool mandatory = true;
    bool provided = false;
    DocumentForm form = DocumentForm::Original;
    int sheets = 0;          ///< number of sheets handed in (0 when not provided)
};

/// A file attached to the case, stored once by its SHA-256 in the document store.
struct CaseDocument final {
    qint64 id = 0;
    int position = 0;        ///< 1-based order in the case
    QString fileName;        ///< as the clerk attached it (display only)
    QString mimeType;        ///< detected from the content
    qint64 size = 0;
    QString sha256;          ///< lower-case hex
    QDateTime addedAt;
};

/// One line of the case history: a state change or another recorded event.
struct CaseHistoryEntry final {
    qint64 id = 0;
    QDateTime at;
    QString actor;           ///< login
    QString event;           ///< "registered", "transition", "due-extended"
    std::optional<CaseState> fromState;
    CaseState toState = CaseState::Registered;
    QString comment;
    QDate dueBefore;
    QDate dueAfter;
};

/// The case record (one row of the case list; the header of the case view).
struct CaseSummary final {
    qint64 id = 0;
    QString number;
    QString journal;
    int year = 0;
    qint64 seq = 0;
    CaseState state = CaseState::Registered;
    QDateTime registeredAt;
    QDate dueDate;
    DueFlag dueFlag = DueFlag::None;   ///< computed on read against the service's clock
    qint64 applicantId = 0;
    QString applicantName;             ///< "Прізвище Ім'я По батькові" or the entity's name, as at registration
    QString applicantCode;             ///< РНОКПП or ЄДРПОУ as at registration (may be empty)
    QString serviceCode;
    QString serviceName;
    int version = 0;                   ///< optimistic-lock counter
};

/// Everything about one case.
struct CaseDetails final {
    CaseSummary summary;
    QString applicantSurnameKey;       ///< surnameKey() of the applicant's surname (or entity name), for search
    QString providerName;
    QString objectAddress;
    DeliveryMethod delivery = DeliveryMethod::InPerson;
    IntakeChannel channel = IntakeChannel::InPerson;
    QString representative;            ///< channel Representative: who brought it, and the power of attorney
    QString contact;                   ///< e-mail or postal address for delivery
    qint64 feeKopecks = 0;
    QString paymentEvidence;           ///< receipt number / payment reference
    QString registeredBy;              ///< login of the administrator
    QString registeredByName;          ///< administrator's name for the опис
    QString desk;
    std::optional<QDate> suspendedSince;
    QString issuedTo;
    QString issuedDocument;
    std::optional<QDateTime> issuedAt;
    QList<ChecklistItem> checklist;
    QList<CaseDocument> documents;
    QList<CaseHistoryEntry> history;   ///< oldest first
};

/// The опис вхідного пакета документів: what the GUI prints for the applicant
/// and the file at registration (and on reprint).  Plain data: the renderer
/// decides the layout.
struct CaseInventory final {
    QString caseNumber;
    QDateTime registeredAt;
    QString applicantName;
    QString applicantCode;
    QString providerName;
    QString serviceCode;
    QString serviceName;
    QString objectAddress;
    QDate dueDate;
    struct Line final {
        int number = 0;                ///< 1-based
        QString name;
        DocumentForm form = DocumentForm::Original;
        int sheets = 0;
    };
    QList<Line> documents;             ///< provided checklist items, in order
    int totalSheets = 0;
    int attachedFiles = 0;             ///< scans attached electronically
    QString administratorName;         ///< signature line: адміністратор ЦНАП
    QString administratorLogin;
    DeliveryMethod delivery = DeliveryMethod::InPerson;
    QString deliveryContact;
    qint64 feeKopecks = 0;
    QString paymentEvidence;
};

/// Builds the опис from a case.
[[nodiscard]] CaseInventory makeInventory(const CaseDetails &details);

} // namespace cnap
