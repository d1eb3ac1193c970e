#include "core/applicant/Applicant.h"

#include "core/Clock.h"
#include "core/text/SearchKey.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace cnap {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::Applicant", s); }

/// Trimmed, inner whitespace runs collapsed to one space.
QString tidy(const QString &s) { return s.simplified(); }

bool containsDigit(const QString &s)
{
    for (const QChar ch : s) {
        if (ch.isDigit())
            return true;
    }
    return false;
}

/// Re-labels an identifier parser's error with the form's field name, keeping its message.
Error relabel(const Error &e, const QString &field) { return Error::invalid(field, e.message); }

QString isoDate(QDate d) { return d.toString(QStringLiteral("dd.MM.yyyy")); }

Status validateName(const QString &value, const QString &field, const QString &missing)
{
    if (value.isEmpty()) {
        if (!missing.isEmpty())
            return Error::invalid(field, missing);
        return {};
    }
    if (containsDigit(value))
        return Error::invalid(field, tr("ім'я та прізвище не можуть містити цифр"));
    return {};
}

Status validateDocument(const Applicant &a, QDate today)
{
    const IdentityDocument &d = a.document;
    if (d.type == IdentityDocumentType::None) {
        if (!d.number.isEmpty())
            return Error::invalid(QStringLiteral("document.type"), tr("вкажіть тип документа, що посвідчує особу"));
        return {};
    }
    const QString numberField = QStringLiteral("document.number");
    switch (d.type) {
    case IdentityDocumentType::Passport:
        if (auto p = PassportNumber::parse(d.number); !p)
            return relabel(p.error(), numberField);
        break;
    case IdentityDocumentType::IdCard:
        if (auto c = IdCardNumber::parse(d.number); !c)
            return relabel(c.error(), numberField);
        break;
    case IdentityDocumentType::Other:
    case IdentityDocumentType::None:
        if (d.number.isEmpty())
            return Error::invalid(numberField, tr("номер документа, що посвідчує особу, не вказано"));
        break;
    }
    if (d.issueDate.isValid()) {
        const QString dateField = QStringLiteral("document.issueDate");
        if (d.issueDate > today)
            return Error::invalid(dateField, tr("дата видачі документа не може бути в майбутньому"));
        if (a.birthDate.isValid() && d.issueDate < a.birthDate)
            return Error::invalid(dateField, tr("дата видачі документа раніша за дату народження"));
    }
    return {};
}

Status validatePerson(const Applicant &a, QDate today)
{
    CNAP_TRY(validateName(a.surname, QStringLiteral("surname"), tr("прізвище не вказано")));
    CNAP_TRY(validateName(a.givenName, QStringLiteral("givenName"), tr("ім'я не вказано")));
    CNAP_TRY(validateName(a.patronymic, QStringLiteral("patronymic"), {}));

    const QString birthField = QStringLiteral("birthDate");
    if (!a.birthDate.isValid())
        return Error::invalid(birthField, tr("дату народження не вказано"));
    if (a.birthDate > today)
        return Error::invalid(birthField, tr("дата народження не може бути в майбутньому"));
    // РНОКПП dates start at 1900-01-01; nobody older is alive to apply.
    if (a.birthDate < QDate(1900, 1, 1))
        return Error::invalid(birthField, tr("дата народження раніша за 01.01.1900 — перевірте рік"));

    const QString rnokppField = QStringLiteral("rnokpp");
    if (a.rnokppRefused) {
        if (!a.rnokpp.isEmpty())
            return Error::invalid(rnokppField, tr("вказано і РНОКПП, і відмову від нього — залиште щось одне"));
        // The refusal is proven by a mark in the passport (Tax Code of Ukraine, Art. 70),
        // so without passport data the person cannot be identified at all.
        if (a.document.type != IdentityDocumentType::Passport && a.document.type != IdentityDocumentType::IdCard)
            return Error::invalid(QStringLiteral("document.number"),
                                  tr("особа відмовилася від РНОКПП: потрібні дані паспорта з відміткою про відмову"));
    } else if (a.rnokpp.isEmpty()) {
        return Error::invalid(rnokppField,
                              tr("РНОКПП не вказано; якщо особа відмовилася від нього, позначте відмову і внесіть дані паспорта"));
    } else {
        auto r = Rnokpp::parse(a.rnokpp, today);
        if (!r)
            return relabel(r.error(), rnokppField);
        if (r->birthDate() != a.birthDate)
            return Error::invalid(rnokppField, tr("дата народження в РНОКПП (%1) не збігається з указаною (%2)")
                                                   .arg(isoDate(r->birthDate()), isoDate(a.birthDate)));
    }

    if (!a.unzr.isEmpty()) {
        const QString unzrField = QStringLiteral("unzr");
        auto u = Unzr::parse(a.unzr);
        if (!u)
            return relabel(u.error(), unzrField);
        if (u->birthDate() != a.birthDate)
            return Error::invalid(unzrField, tr("дата народження в УНЗР (%1) не збігається з указаною (%2)")
                                                 .arg(isoDate(u->birthDate()), isoDate(a.birthDate)));
    }
    return validateDocument(a, today);
}

Status validateLegalEntity(const Applicant &a)
{
    if (a.organisationName.isEmpty())
        return Error::invalid(QStringLiteral("organisationName"), tr("найменування юридичної особи не вказано"));
    if (auto e = Edrpou::parse(a.edrpou); !e)
        return relabel(e.error(), QStringLiteral("edrpou"));
    if (a.representative.fullName.isEmpty())
        return Error::invalid(QStringLiteral("representative.fullName"), tr("ПІБ представника юридичної особи не вказано"));
    if (containsDigit(a.representative.fullName))
        return Error::invalid(QStringLiteral("representative.fullName"), tr("ім'я та прізвище не можуть містити цифр"));
    if (a.representative.authority.isEmpty())
        return Error::invalid(QStringLiteral("representative.authority"),
                              tr("не вказано документ, що підтверджує повноваження представника (наприклад, довіреність № … від …)"));
    return {};
}

Status validateContacts(const Applicant &a)
{
    if (!a.address.katottg.isEmpty()) {
        if (auto k = Katottg::parse(a.address.katottg); !k)
            return relabel(k.error(), QStringLiteral("address.katottg"));
    }
    if (!a.phone.isEmpty()) {
        const QString key = phoneKey(a.phone);
        // E.164 allows at most 15 digits; a Ukrainian number is exactly 380 + 9.
        const bool ukrainian = key.startsWith(QStringLiteral("380"));
        if ((ukrainian && key.size() != 12) || key.size() < 10 || key.size() > 15)
            return Error::invalid(QStringLiteral("phone"),
                                  tr("номер телефону неправильний: очікується, наприклад, +380 67 123 45 67"));
    }
    if (!a.email.isEmpty()) {
        static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
        if (!re.match(a.email).hasMatch())
            return Error::invalid(QStringLiteral("email"), tr("адреса електронної пошти неправильна"));
    }
    if (!a.consentGiven)
        return Error::invalid(QStringLiteral("consent"),
                              tr("немає згоди на обробку персональних даних (Закон України «Про захист персональних даних»)"));
    if (!a.consentAt.isValid())
        return Error::invalid(QStringLiteral("consent"), tr("не вказано, коли надано згоду на обробку персональних даних"));
    return {};
}

} // namespace

QString Applicant::displayName() const
{
    if (isLegalEntity())
        return organisationName;
    QStringList parts;
    for (const QString &p : {surname, givenName, patronymic}) {
        if (!p.isEmpty())
            parts << p;
    }
    return parts.join(u' ');
}

Status Applicant::validate() const { return validate(Clock::system().today()); }

Status Applicant::validate(QDate today) const
{
    const Applicant a = normalized();
    if (a.isPerson())
        CNAP_TRY(validatePerson(a, today));
    else
        CNAP_TRY(validateLegalEntity(a));
    return validateContacts(a);
}

Applicant Applicant::normalized() const
{
    Applicant a = *this;
    a.surname = tidy(a.surname);
    a.givenName = tidy(a.givenName);
    a.patronymic = tidy(a.patronymic);
    a.rnokpp = a.rnokpp.trimmed();
    a.unzr = a.unzr.trimmed();
    a.document.number = a.document.number.trimmed();
    a.document.issuer = tidy(a.document.issuer);
    a.edrpou = a.edrpou.trimmed();
    a.organisationName = tidy(a.organisationName);
    a.representative.fullName = tidy(a.representative.fullName);
    a.representative.authority = tidy(a.representative.authority);
    a.address.text = tidy(a.address.text);
    a.address.katottg = a.address.katottg.trimmed().toUpper();
    a.phone = tidy(a.phone);
    a.email = a.email.trimmed();

    if (auto u = Unzr::parse(a.unzr))
        a.unzr = u->value();
    if (a.document.type == IdentityDocumentType::Passport) {
        if (auto p = PassportNumber::parse(a.document.number))
            a.document.number = p->value();
    } else if (a.document.type == IdentityDocumentType::Other) {
        a.document.number = tidy(a.document.number.toUpper());
    }

    if (a.isLegalEntity()) {
        // A legal entity has none of a person's identity fields; the person who acts
        // for it is described in `representative`.
        a.surname.clear();
        a.givenName.clear();
        a.patronymic.clear();
        a.birthDate = {};
        a.sex.reset();
        a.rnokpp.clear();
        a.rnokppRefused = false;
        a.unzr.clear();
        a.document = {};
    } else {
        a.edrpou.clear();
        a.organisationName.clear();
        a.representative = {};
    }
    return a;
}

QString toCode(ApplicantKind kind)
{
    return kind == ApplicantKind::LegalEntity ? QStringLiteral("legal_entity") : QStringLiteral("person");
}

std::optional<ApplicantKind> applicantKindFromCode(const QString &code)
{
    if (code == QStringLiteral("person"))
        return ApplicantKind::Person;
    if (code == QStringLiteral("legal_entity"))
        return ApplicantKind::LegalEntity;
    return std::nullopt;
}

QString toCode(IdentityDocumentType type)
{
    switch (type) {
    case IdentityDocumentType::Passport:
        return QStringLiteral("passport");
    case IdentityDocumentType::IdCard:
        return QStringLiteral("idcard");
    case IdentityDocumentType::Other:
        return QStringLiteral("other");
    case IdentityDocumentType::None:
        break;
    }
    return {};
}

std::optional<IdentityDocumentType> documentTypeFromCode(const QString &code)
{
    if (code.isEmpty())
        return IdentityDocumentType::None;
    if (code == QStringLiteral("passport"))
        return IdentityDocumentType::Passport;
    if (code == QStringLiteral("idcard"))
        return IdentityDocumentType::IdCard;
    if (code == QStringLiteral("other"))
        return IdentityDocumentType::Other;
    return std::nullopt;
}

} // namespace cnap
