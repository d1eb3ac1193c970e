#include "core/applicant/Applicant.h"
#include "core/identifiers/IdentifierFactory.h"

#include <QTimeZone>

#include <gtest/gtest.h>

using namespace cnap;

namespace {

QString u8(const char *s) { return QString::fromUtf8(s); }

const QDate kToday(2025, 6, 16);
const QDate kBirth(1985, 3, 9);

Applicant validPerson()
{
    Applicant a;
    a.kind = ApplicantKind::Person;
    a.surname = u8("Шевченко");
    a.givenName = u8("Тарас");
    a.patronymic = u8("Григорович");
    a.birthDate = kBirth;
    a.sex = Sex::Male;
    a.rnokpp = makeRnokpp(kBirth, 123, Sex::Male);
    a.unzr = makeUnzr(kBirth, 4567);
    a.document = {IdentityDocumentType::IdCard, makeIdCard(123456789), QStringLiteral("8031"), QDate(2020, 5, 4)};
    a.address = {u8("м. Київ, вул. Хрещатик, 1"), QString()};
    a.phone = QStringLiteral("+380 67 123 45 67");
    a.email = QStringLiteral("taras@example.org");
    a.consentGiven = true;
    a.consentAt = QDateTime(kToday, QTime(9, 30), QTimeZone::utc());
    return a;
}

Applicant validEntity()
{
    Applicant a;
    a.kind = ApplicantKind::LegalEntity;
    a.edrpou = makeEdrpou(3214567);
    a.organisationName = u8("ТОВ «Зелений гай»");
    a.representative = {u8("Коваль Олена Петрівна"), u8("довіреність № 15 від 02.01.2025")};
    a.consentGiven = true;
    a.consentAt = QDateTime(kToday, QTime(9, 30), QTimeZone::utc());
    return a;
}

/// The field a failing validation names, or "" when it passed.
/// `valid` with its last (check) digit changed, so the check must fail.
QString withWrongCheckDigit(const QString &valid)
{
    QString s = valid;
    const int last = s.back().digitValue();
    s.back() = QChar(char16_t(u'0' + (last + 1) % 10));
    return s;
}

QString failingField(const Applicant &a)
{
    const Status st = a.validate(kToday);
    if (st.ok())
        return {};
    EXPECT_EQ(st.error().code, ErrorCode::InvalidArgument);
    EXPECT_FALSE(st.error().message.isEmpty());
    return st.error().field;
}

} // namespace

TEST(ApplicantValidate, ValidPersonAndEntityPass)
{
    const Status p = validPerson().validate(kToday);
    EXPECT_TRUE(p.ok()) << p.error().describe().toStdString();
    const Status e = validEntity().validate(kToday);
    EXPECT_TRUE(e.ok()) << e.error().describe().toStdString();
}

TEST(ApplicantValidate, MissingNamesAreNamed)
{
    Applicant a = validPerson();
    a.surname = QStringLiteral("   ");
    EXPECT_EQ(failingField(a), QStringLiteral("surname"));
    a = validPerson();
    a.givenName.clear();
    EXPECT_EQ(failingField(a), QStringLiteral("givenName"));
    a = validPerson();
    a.surname = u8("Шевченко2");
    EXPECT_EQ(failingField(a), QStringLiteral("surname"));
    a = validPerson();
    a.patronymic.clear();  // optional
    EXPECT_EQ(failingField(a), QString());
}

TEST(ApplicantValidate, BirthDateRules)
{
    Applicant a = validPerson();
    a.birthDate = {};
    EXPECT_EQ(failingField(a), QStringLiteral("birthDate"));
    a.birthDate = kToday.addDays(1);
    a.rnokpp.clear();
    a.rnokppRefused = true;
    a.unzr.clear();
    a.document.issueDate = {};
    EXPECT_EQ(failingField(a), QStringLiteral("birthDate"));
    const Status st = a.validate(kToday);
    EXPECT_TRUE(st.error().message.contains(u8("майбутньому")));
}

TEST(ApplicantValidate, RnokppMustBeValidAndAgreeWithBirthDate)
{
    Applicant a = validPerson();
    a.rnokpp = withWrongCheckDigit(makeRnokpp(kBirth, 123, Sex::Male));
    EXPECT_EQ(failingField(a), QStringLiteral("rnokpp"));
    a.rnokpp = QStringLiteral("12345");
    EXPECT_EQ(failingField(a), QStringLiteral("rnokpp"));
    a.rnokpp = makeRnokpp(kBirth.addDays(1), 5, Sex::Male);  // valid, but another birthday
    EXPECT_EQ(failingField(a), QStringLiteral("rnokpp"));
    EXPECT_TRUE(a.validate(kToday).error().message.contains(QStringLiteral("10.03.1985")));
}

TEST(ApplicantValidate, UnzrMustBeValidAndAgreeWithBirthDate)
{
    Applicant a = validPerson();
    a.unzr = makeUnzr(QDate(1990, 1, 1), 1);
    EXPECT_EQ(failingField(a), QStringLiteral("unzr"));
    a.unzr = withWrongCheckDigit(makeUnzr(kBirth, 0));
    EXPECT_EQ(failingField(a), QStringLiteral("unzr"));
    a.unzr = QStringLiteral("1985-03-09");
    EXPECT_EQ(failingField(a), QStringLiteral("unzr"));
    a.unzr.clear();  // optional
    EXPECT_EQ(failingField(a), QString());
}

TEST(ApplicantValidate, RnokppOrLawfulRefusalWithPassport)
{
    Applicant a = validPerson();
    a.rnokpp.clear();
    EXPECT_EQ(failingField(a), QStringLiteral("rnokpp"));

    a.rnokppRefused = true;  // refusal, ID card present: fine
    EXPECT_EQ(failingField(a), QString());

    a.document = {};
    EXPECT_EQ(failingField(a), QStringLiteral("document.number"));
    a.document = {IdentityDocumentType::Other, QStringLiteral("AB 123"), {}, {}};
    EXPECT_EQ(failingField(a), QStringLiteral("document.number"));
    a.document = {IdentityDocumentType::Passport, u8("КА123456"), u8("Шевченківським РВ"), QDate(2001, 4, 5)};
    EXPECT_EQ(failingField(a), QString());

    a.rnokpp = makeRnokpp(kBirth, 123, Sex::Male);  // both at once is a contradiction
    EXPECT_EQ(failingField(a), QStringLiteral("rnokpp"));
}

TEST(ApplicantValidate, DocumentNumbers)
{
    Applicant a = validPerson();
    a.document.number = QStringLiteral("12345");
    EXPECT_EQ(failingField(a), QStringLiteral("document.number"));
    a.document = {IdentityDocumentType::Passport, QStringLiteral("KA123456"), {}, {}};  // Latin look-alikes
    EXPECT_EQ(failingField(a), QString());
    EXPECT_EQ(a.normalized().document.number, u8("КА123456"));
    a.document = {IdentityDocumentType::Passport, QStringLiteral("QQ12"), {}, {}};
    EXPECT_EQ(failingField(a), QStringLiteral("document.number"));
    a.document = {IdentityDocumentType::None, QStringLiteral("123456789"), {}, {}};
    EXPECT_EQ(failingField(a), QStringLiteral("document.type"));
    a.document = {IdentityDocumentType::IdCard, makeIdCard(5), {}, kToday.addDays(3)};
    EXPECT_EQ(failingField(a), QStringLiteral("document.issueDate"));
    a.document.issueDate = kBirth.addDays(-1);
    EXPECT_EQ(failingField(a), QStringLiteral("document.issueDate"));
}

TEST(ApplicantValidate, ConsentIsRequired)
{
    Applicant a = validPerson();
    a.consentGiven = false;
    EXPECT_EQ(failingField(a), QStringLiteral("consent"));
    a.consentGiven = true;
    a.consentAt = {};
    EXPECT_EQ(failingField(a), QStringLiteral("consent"));
    Applicant e = validEntity();
    e.consentGiven = false;
    EXPECT_EQ(failingField(e), QStringLiteral("consent"));
}

TEST(ApplicantValidate, ContactsAndAddress)
{
    Applicant a = validPerson();
    a.phone = QStringLiteral("067 123");
    EXPECT_EQ(failingField(a), QStringLiteral("phone"));
    a.phone = QStringLiteral("+380 67 123 45 6");
    EXPECT_EQ(failingField(a), QStringLiteral("phone"));
    a.phone = QStringLiteral("+48 601 234 567");
    EXPECT_EQ(failingField(a), QString());
    a.email = QStringLiteral("not-an-address");
    EXPECT_EQ(failingField(a), QStringLiteral("email"));
    a.email.clear();
    a.address.katottg = QStringLiteral("UA123");
    EXPECT_EQ(failingField(a), QStringLiteral("address.katottg"));
    a.address.katottg = QStringLiteral("UA80000000000093317");
    EXPECT_EQ(failingField(a), QString());
}

TEST(ApplicantValidate, LegalEntityRules)
{
    Applicant e = validEntity();
    e.edrpou = withWrongCheckDigit(makeEdrpou(1234567));
    EXPECT_EQ(failingField(e), QStringLiteral("edrpou"));
    e = validEntity();
    e.edrpou.clear();
    EXPECT_EQ(failingField(e), QStringLiteral("edrpou"));
    e = validEntity();
    e.organisationName = QStringLiteral(" ");
    EXPECT_EQ(failingField(e), QStringLiteral("organisationName"));
    e = validEntity();
    e.representative.fullName.clear();
    EXPECT_EQ(failingField(e), QStringLiteral("representative.fullName"));
    e = validEntity();
    e.representative.authority.clear();
    EXPECT_EQ(failingField(e), QStringLiteral("representative.authority"));
    // Person fields on an entity are cleared, not judged.
    e = validEntity();
    e.rnokpp = QStringLiteral("garbage");
    EXPECT_EQ(failingField(e), QString());
    EXPECT_TRUE(e.normalized().rnokpp.isEmpty());
}

TEST(ApplicantValidate, NormalizedTidiesText)
{
    Applicant a = validPerson();
    a.surname = u8("  Шевченко  ");
    a.givenName = u8("Тарас   Григорій");
    const Applicant n = a.normalized();
    EXPECT_EQ(n.surname, u8("Шевченко"));
    EXPECT_EQ(n.givenName, u8("Тарас Григорій"));
    EXPECT_EQ(n.displayName(), u8("Шевченко Тарас Григорій Григорович"));
    EXPECT_EQ(validEntity().displayName(), u8("ТОВ «Зелений гай»"));
}

TEST(ApplicantCodes, RoundTrip)
{
    for (auto k : {ApplicantKind::Person, ApplicantKind::LegalEntity})
        EXPECT_EQ(applicantKindFromCode(toCode(k)), k);
    for (auto t : {IdentityDocumentType::None, IdentityDocumentType::Passport, IdentityDocumentType::IdCard,
                   IdentityDocumentType::Other})
        EXPECT_EQ(documentTypeFromCode(toCode(t)), t);
    EXPECT_FALSE(applicantKindFromCode(QStringLiteral("alien")).has_value());
    EXPECT_FALSE(documentTypeFromCode(QStringLiteral("scroll")).has_value());
}
