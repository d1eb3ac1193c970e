#pragma once

// The applicant (заявник / суб'єкт звернення): the person or legal entity a ЦНАП
// case is opened for.  A plain record as the intake form fills it in: strings as
// typed, checked by validate() and brought to stored form by normalized().  The
// repository refuses anything validate() rejects, so a stored applicant is valid.

#include "core/Result.h"
#include "core/identifiers/Identifiers.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace cnap {

enum class ApplicantKind { Person, LegalEntity };

enum class IdentityDocumentType {
    None,
    Passport, ///< passport booklet (паспорт-книжечка): series + 6 digits
    IdCard,   ///< паспорт у формі ID-картки: 9 digits
    Other,    ///< residence permit, birth certificate, foreign passport … (free-form number)
};

/// The document that proves who the person is.
struct IdentityDocument {
    IdentityDocumentType type = IdentityDocumentType::None;
    QString number;  ///< for a passport normalised to Cyrillic series, e.g. "КА123456"
    QString issuer;  ///< "орган, що видав" (a text or the 4-digit authority code of an ID card)
    QDate issueDate;

    [[nodiscard]] bool isEmpty() const { return type == IdentityDocumentType::None && number.trimmed().isEmpty(); }
    bool operator==(const IdentityDocument &) const = default;
};

/// Registered address (зареєстроване місце проживання / місцезнаходження).
struct RegisteredAddress {
    QString text;     ///< as printed on documents
    QString katottg;  ///< КАТОТТГ code of the settlement, "UA" + 17 digits; optional
    bool operator==(const RegisteredAddress &) const = default;
};

/// Who acts for a legal entity, and on what authority (Civil Code of Ukraine,
/// Arts. 237–250: representation by a power of attorney; a director acts under the charter).
struct Representative {
    QString fullName;
    QString authority;  ///< "довіреність № 15 від 02.01.2025", "статут (директор)"
    bool operator==(const Representative &) const = default;
};

/// A natural person or a legal entity, as stored in `applicants`.
struct Applicant {
    qint64 id = 0;     ///< 0 until stored
    int version = 0;   ///< optimistic lock: the stored version this copy was read at
    ApplicantKind kind = ApplicantKind::Person;

    // --- natural person
    QString surname;
    QString givenName;
    QString patronymic;  ///< optional (not everyone has one)
    QDate birthDate;
    std::optional<Sex> sex;
    QString rnokpp;
    /// The person refused a РНОКПП for religious reasons and has the mark in the
    /// passport (Tax Code of Ukraine, Art. 70): the passport then identifies them.
    bool rnokppRefused = false;
    QString unzr;  ///< УНЗР from the ID card; optional
    IdentityDocument document;

    // --- legal entity
    QString edrpou;
    QString organisationName;
    Representative representative;

    // --- both
    RegisteredAddress address;
    QString phone;
    QString email;
    /// Consent to personal-data processing (Law of Ukraine 2297-VI "On personal
    /// data protection", Arts. 2 and 11): the date it was given is kept with it.
    bool consentGiven = false;
    QDateTime consentAt;

    QDateTime createdAt;  ///< set by the repository
    QDateTime updatedAt;  ///< set by the repository

    [[nodiscard]] bool isPerson() const { return kind == ApplicantKind::Person; }
    [[nodiscard]] bool isLegalEntity() const { return kind == ApplicantKind::LegalEntity; }

    /// "Шевченко Тарас Григорович" for a person, the organisation name for an entity.
    [[nodiscard]] QString displayName() const;

    /// Checks everything a record must satisfy before it is stored; the first
    /// problem comes back as Error::invalid(field, Ukrainian message).
    /// Field names: surname, givenName, patronymic, birthDate, rnokpp, unzr, document.type,
    /// document.number, document.issueDate, address.katottg, phone, email, consent,
    /// edrpou, organisationName, representative.fullName, representative.authority.
    [[nodiscard]] Status validate() const;
    /// As validate(), judging dates against `today` (tests, injected clocks).
    [[nodiscard]] Status validate(QDate today) const;

    /// A copy in stored form: text trimmed, whitespace collapsed, identifiers in
    /// their canonical spelling (passport series in Cyrillic capitals, УНЗР with
    /// its hyphen), and the fields of the other kind cleared.
    [[nodiscard]] Applicant normalized() const;

    bool operator==(const Applicant &) const = default;
};

/// Stable text codes used in storage and exchange ("person", "legal_entity", …).
[[nodiscard]] QString toCode(ApplicantKind kind);
[[nodiscard]] std::optional<ApplicantKind> applicantKindFromCode(const QString &code);
[[nodiscard]] QString toCode(IdentityDocumentType type);
[[nodiscard]] std::optional<IdentityDocumentType> documentTypeFromCode(const QString &code);

} // namespace cnap
