#include "CatalogueFixtures.h"

#include "core/Paths.h"
#include "core/catalogue/ServiceCard.h"

#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace cnap;
using cnap::test::sampleCard;

TEST(ServiceCode, AcceptsNationalAndLocalCodes)
{
    auto national = ServiceCode::parse(QStringLiteral(" 00049 "));
    ASSERT_TRUE(national.ok());
    EXPECT_EQ(national->value(), QStringLiteral("00049"));
    EXPECT_FALSE(national->isLocal());
    auto local = ServiceCode::parse(QStringLiteral("l0001"));
    ASSERT_TRUE(local.ok());
    EXPECT_EQ(local->value(), QStringLiteral("L0001"));
    EXPECT_TRUE(local->isLocal());
    EXPECT_LT(national.value(), local.value());
}

TEST(ServiceCode, RejectsEverythingElseNamingTheField)
{
    for (const QString &bad : {QString(), QStringLiteral("4900"), QStringLiteral("000490"), QStringLiteral("ABCDE"),
                               QStringLiteral("L000"), QStringLiteral("L00001"), QStringLiteral("X0001"),
                               QStringLiteral("00 49"), QString::fromUtf8("٠٠٠٤٩"), QString::fromUtf8("Л0001")}) {
        auto r = ServiceCode::parse(bad);
        ASSERT_FALSE(r.ok()) << bad.toStdString();
        EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
        EXPECT_EQ(r.error().field, QStringLiteral("code"));
        EXPECT_FALSE(r.error().message.isEmpty());
    }
}

TEST(ServiceCardKeys, RoundTripAndRejectUnknown)
{
    for (TermUnit u : {TermUnit::WorkingDays, TermUnit::CalendarDays, TermUnit::Hours, TermUnit::Auto})
        EXPECT_EQ(termUnitFromKey(termUnitKey(u)).value(), u);
    EXPECT_EQ(termUnitKey(TermUnit::WorkingDays), QStringLiteral("working-days"));
    EXPECT_EQ(termUnitKey(TermUnit::CalendarDays), QStringLiteral("calendar-days"));
    EXPECT_EQ(termUnitKey(TermUnit::Hours), QStringLiteral("hours"));
    EXPECT_EQ(termUnitKey(TermUnit::Auto), QStringLiteral("auto"));
    EXPECT_EQ(termUnitFromKey(QStringLiteral("weeks")).error().field, QStringLiteral("termUnit"));
    EXPECT_FALSE(termUnitFromKey(QStringLiteral("Working-Days")).ok());

    for (DocumentForm f : {DocumentForm::Original, DocumentForm::Copy, DocumentForm::OriginalAndCopy})
        EXPECT_EQ(documentFormFromKey(documentFormKey(f)).value(), f);
    EXPECT_FALSE(documentFormFromKey(QStringLiteral("scan")).ok());
    EXPECT_EQ(routeKindFromKey(QStringLiteral("registry")).value(), RouteKind::Registry);
    EXPECT_EQ(routeKindFromKey(QStringLiteral("paper")).value(), RouteKind::Paper);
    EXPECT_FALSE(routeKindFromKey(QStringLiteral("email")).ok());
}

TEST(ServiceCardValidation, ValidCardPasses)
{
    EXPECT_TRUE(validate(sampleCard(QStringLiteral("00049"))).ok());
    ServiceCard reg = sampleCard(QStringLiteral("01331"));
    reg.route = RouteKind::Registry;
    reg.registry = {QStringLiteral("RegisterResidence"), QStringLiteral("v1")};
    reg.termUnit = TermUnit::Auto;
    reg.term = 0;
    EXPECT_TRUE(validate(reg).ok());
}

namespace {
void expectInvalid(const ServiceCard &card, const QString &field)
{
    auto st = validate(card);
    ASSERT_FALSE(st.ok()) << field.toStdString();
    EXPECT_EQ(st.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(st.error().field, field);
    EXPECT_FALSE(st.error().message.isEmpty());
}
} // namespace

TEST(ServiceCardValidation, EachRuleNamesItsField)
{
    const ServiceCard ok = sampleCard(QStringLiteral("00049"));
    {
        ServiceCard c = ok;
        c.name = QStringLiteral("   ");
        expectInvalid(c, QStringLiteral("name"));
        c.name = QString(catalogue_limits::kMaxName + 1, u'а');
        expectInvalid(c, QStringLiteral("name"));
        c.name = QStringLiteral("Назва\x01");
        expectInvalid(c, QStringLiteral("name"));
    }
    {
        ServiceCard c = ok;
        c.provider.name.clear();
        expectInvalid(c, QStringLiteral("provider.name"));
    }
    {
        ServiceCard c = ok;
        c.documents.clear();
        expectInvalid(c, QStringLiteral("documents"));
    }
    {
        ServiceCard c = ok;
        c.documents.push_back({QString(), DocumentForm::Copy, true, {}});
        expectInvalid(c, QStringLiteral("documents[2].name"));
    }
    {
        ServiceCard c = ok;
        c.documents.push_back({QStringLiteral("Довіреність"), DocumentForm::Original, false, {}});
        expectInvalid(c, QStringLiteral("documents[2].note"));
    }
    {
        ServiceCard c = ok;
        c.termUnit = TermUnit::Auto;
        c.term = 3;
        expectInvalid(c, QStringLiteral("term"));
        c.termUnit = TermUnit::WorkingDays;
        c.term = 0;
        expectInvalid(c, QStringLiteral("term"));
        c.term = catalogue_limits::kMaxTermDays + 1;
        expectInvalid(c, QStringLiteral("term"));
        c.termUnit = TermUnit::Hours;
        c.term = catalogue_limits::kMaxTermHours + 1;
        expectInvalid(c, QStringLiteral("term"));
        c.term = 24;
        EXPECT_TRUE(validate(c).ok());
    }
    {
        ServiceCard c = ok;
        c.feeKopecks = -1;
        expectInvalid(c, QStringLiteral("fee"));
        c.feeKopecks = catalogue_limits::kMaxFeeKopecks + 1;
        expectInvalid(c, QStringLiteral("fee"));
    }
    {
        ServiceCard c = ok;
        c.legalBasis.clear();
        expectInvalid(c, QStringLiteral("legalBasis"));
    }
    {
        ServiceCard c = ok;
        c.result.clear();
        expectInvalid(c, QStringLiteral("result"));
    }
    {
        ServiceCard c = ok;
        c.route = RouteKind::Registry;
        expectInvalid(c, QStringLiteral("registry.serviceCode"));
        c.registry = {QStringLiteral("Register Residence"), QStringLiteral("v1")};
        expectInvalid(c, QStringLiteral("registry.serviceCode"));
        c.registry = {QStringLiteral("RegisterResidence"), QString()};
        expectInvalid(c, QStringLiteral("registry.serviceVersion"));
        c.route = RouteKind::Paper;
        c.registry = {QStringLiteral("RegisterResidence"), QStringLiteral("v1")};
        expectInvalid(c, QStringLiteral("registry.serviceCode"));
    }
}

TEST(ServiceCardSearch, CaseInsensitiveForUkrainianAndApostrophes)
{
    EXPECT_EQ(normaliseForSearch(QStringLiteral("  ЇЖАК   Ґанок ")), QStringLiteral("їжак ґанок"));
    EXPECT_EQ(normaliseForSearch(QStringLiteral("об’єкт обʼєкт об`єкт")), QStringLiteral("об'єкт об'єкт об'єкт"));

    const ServiceCard c = sampleCard(QStringLiteral("00520"), QStringLiteral("Видача дозволу на порушення об'єктів благоустрою"));
    EXPECT_TRUE(matchesSearch(c, QStringLiteral("ДОЗВОЛУ благоустрою")));
    EXPECT_TRUE(matchesSearch(c, QStringLiteral("об’єктів")));
    EXPECT_TRUE(matchesSearch(c, QStringLiteral("00520")));
    EXPECT_TRUE(matchesSearch(c, QString()));
    EXPECT_FALSE(matchesSearch(c, QStringLiteral("дозвіл реклама")));
}

TEST(Paths, EnvironmentOverridesWinWhenTheyExist)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    qputenv("CNAP_SCHEMAS_DIR", QFile::encodeName(dir.path()));
    EXPECT_EQ(schemasDir(), QDir::cleanPath(dir.path()));
    EXPECT_EQ(schemasDirCandidates().first(), QDir::cleanPath(dir.path()));
    qunsetenv("CNAP_SCHEMAS_DIR");
    // From the build tree (tests/../../schemas) the source schemas are found.
    EXPECT_TRUE(QFileInfo::exists(QDir(schemasDir()).filePath(QStringLiteral("catalogue.xsd")))) << schemasDir().toStdString();

    const QString file = QDir(dir.path()).filePath(QStringLiteral("services.xml"));
    qputenv("CNAP_CATALOG_FILE", QFile::encodeName(file));
    EXPECT_NE(catalogueFile(), QDir::cleanPath(file));  // does not exist yet: skipped
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.close();
    EXPECT_EQ(catalogueFile(), QDir::cleanPath(file));
    qunsetenv("CNAP_CATALOG_FILE");
}
