#include "CatalogueFixtures.h"

#include "xml/CatalogueXml.h"
#include "xml/Xml.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <gtest/gtest.h>

using namespace cnap;
using namespace cnap::test;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
    return f.readAll();
}

// Asserts rejection with "рядок <line>" in the message; returns the message.
QString expectRejectedAt(const QByteArray &bytes, int line)
{
    auto r = xml::readCatalogue(bytes, catalogueXsd());
    EXPECT_FALSE(r.ok());
    if (r.ok())
        return {};
    const QString msg = r.error().message;
    EXPECT_TRUE(msg.contains(QStringLiteral("рядок %1").arg(line))) << msg.toStdString();
    return msg;
}

} // namespace

TEST(CatalogueXml, ShippedCatalogueValidatesAndIsComplete)
{
    const QByteArray bytes = readAll(shippedCatalogue());
    // Against the XSD on its own (what an external validator would do) ...
    auto doc = xml::Document::parse(bytes);
    ASSERT_TRUE(doc.ok()) << doc.error().message.toStdString();
    auto schema = xml::Schema::load(catalogueXsd());
    ASSERT_TRUE(schema.ok()) << schema.error().message.toStdString();
    EXPECT_TRUE(schema->validate(doc.value()).ok());
    // ... and through the reader with every domain rule.
    auto cards = xml::readCatalogue(bytes, catalogueXsd());
    ASSERT_TRUE(cards.ok()) << cards.error().message.toStdString();
    EXPECT_GE(cards->size(), 25u);

    QSet<QString> registryServices;
    QSet<QString> codes;
    for (const ServiceCard &c : cards.value()) {
        EXPECT_TRUE(validate(c).ok()) << c.code.value().toStdString();
        EXPECT_FALSE(c.code.isLocal()) << "the shipped catalogue uses register-style codes";
        codes.insert(c.code.value());
        if (c.route == RouteKind::Registry) {
            registryServices.insert(c.registry.serviceCode);
            EXPECT_EQ(c.registry.serviceVersion, QStringLiteral("v1"));
        }
    }
    EXPECT_EQ(codes.size(), static_cast<qsizetype>(cards->size()));
    EXPECT_TRUE(registryServices.contains(QStringLiteral("RegisterResidence")));
    EXPECT_TRUE(registryServices.contains(QStringLiteral("SubmitSocialApplication")));
    EXPECT_TRUE(registryServices.contains(QStringLiteral("LookupLegalEntity"))
                || registryServices.contains(QStringLiteral("VerifyPersonUnzr")));
    // Only the exchange module's fixed service codes may appear.
    const QSet<QString> known{QStringLiteral("RegisterResidence"), QStringLiteral("SubmitSocialApplication"),
                              QStringLiteral("LookupLegalEntity"), QStringLiteral("VerifyPersonUnzr")};
    EXPECT_TRUE(known.contains(registryServices)) << QStringList(registryServices.values()).join(u',').toStdString();
}

TEST(CatalogueXml, RoundTripKeepsEveryField)
{
    auto cards = xml::readCatalogue(readAll(shippedCatalogue()), catalogueXsd());
    ASSERT_TRUE(cards.ok());
    // Add a card with markup characters, an ЄДРПОУ, hours and every form.
    ServiceCard odd = sampleCard(QStringLiteral("L0001"), QStringLiteral("Довідка «A & B» <тест> \"лапки\" 'апостроф'"));
    odd.provider.edrpou = Edrpou::parse(QStringLiteral("37508470")).value();
    odd.documents.push_back({QStringLiteral("Копія & оригінал"), DocumentForm::OriginalAndCopy, false, QStringLiteral("Якщо <є>")});
    odd.documents.push_back({QStringLiteral("Копія"), DocumentForm::Copy, true, {}});
    odd.termUnit = TermUnit::Hours;
    odd.term = 24;
    odd.feeKopecks = 12345;
    odd.route = RouteKind::Registry;
    odd.registry = {QStringLiteral("VerifyPersonUnzr"), QStringLiteral("v1.2")};
    std::vector<ServiceCard> all = cards.value();
    all.push_back(odd);

    const QByteArray written = xml::writeCatalogue(all);
    auto back = xml::readCatalogue(written, catalogueXsd());
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    ASSERT_EQ(back->size(), all.size());
    for (size_t i = 0; i < all.size(); ++i)
        EXPECT_TRUE(back.value()[i].sameContent(all[i])) << all[i].code.value().toStdString();
    // A second write is byte-identical: the format is stable.
    EXPECT_EQ(xml::writeCatalogue(back.value()), written);
}

TEST(CatalogueXml, EmptyListWritesAValidFile)
{
    auto back = xml::readCatalogue(xml::writeCatalogue({}), catalogueXsd());
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    EXPECT_TRUE(back->empty());
}

TEST(CatalogueXml, RejectsNotXml)
{
    expectRejectedAt("this is not XML at all\n", 1);
    expectRejectedAt("<?xml version=\"1.0\"?>\n<catalogue xmlns=\"urn:cnap:catalogue:1\" version=\"1\">\n<service>\n", 4);
    expectRejectedAt(QByteArray(), 1);
}

TEST(CatalogueXml, RejectsWrongRoot)
{
    const QString msg = expectRejectedAt("<?xml version=\"1.0\"?>\n<services xmlns=\"urn:cnap:catalogue:1\" version=\"1\"/>\n", 2);
    EXPECT_TRUE(msg.contains(QStringLiteral("catalogue")));
    expectRejectedAt("<?xml version=\"1.0\"?>\n\n<catalogue version=\"1\"/>\n", 3);  // right name, no namespace
}

TEST(CatalogueXml, RejectsMissingRequiredElement)
{
    QByteArray body = serviceBody();
    body.replace("    <legalBasis>Закон № 5203-VI</legalBasis>\n", "");
    const QString msg = expectRejectedAt(catalogueFile(body), 15);  // <result> stands where legalBasis should
    EXPECT_TRUE(msg.contains(QStringLiteral("legalBasis"))) << msg.toStdString();
}

TEST(CatalogueXml, RejectsBadCode)
{
    expectRejectedAt(catalogueFile(serviceBody("4900")), 3);
    expectRejectedAt(catalogueFile(serviceBody("AB123")), 3);
}

TEST(CatalogueXml, RejectsDuplicateCodeNamingBothLines)
{
    const QByteArray bytes = catalogueFile(serviceBody("00049") + serviceBody("00050") + serviceBody("00049"));
    auto r = xml::readCatalogue(bytes, catalogueXsd());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, QStringLiteral("code"));
    // Each service body is 18 lines; the third starts on line 3 + 36.
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("рядок 39"))) << r.error().message.toStdString();
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("00049")));
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("3"))) << "names the first occurrence";
}

TEST(CatalogueXml, RejectsBadUnit)
{
    QByteArray body = serviceBody();
    body.replace("unit=\"working-days\"", "unit=\"weeks\"");
    expectRejectedAt(catalogueFile(body), 13);
}

TEST(CatalogueXml, RejectsDtdAndExternalEntities)
{
    const QByteArray xxe =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE catalogue [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
        "<catalogue xmlns=\"urn:cnap:catalogue:1\" version=\"1\">\n"
        + serviceBody().replace("Виконком", "&xxe;") + "</catalogue>\n";
    const QString msg = expectRejectedAt(xxe, 2);
    EXPECT_FALSE(msg.contains(QStringLiteral("root:")));
    // An entity declaration smuggled without a DOCTYPE line is refused too.
    expectRejectedAt("<?xml version=\"1.0\"?>\n<catalogue xmlns=\"urn:cnap:catalogue:1\" version=\"1\">\n<!ENTITY a \"b\">\n</catalogue>\n", 3);
}

TEST(CatalogueXml, DomainRulesReportTheElementLine)
{
    {
        QByteArray body = serviceBody();
        body.replace("      <name>Виконком</name>\n", "      <name>Виконком</name>\n      <edrpou>37508471</edrpou>\n");
        auto r = xml::readCatalogue(catalogueFile(body), catalogueXsd());
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().field, QStringLiteral("provider.edrpou"));
        EXPECT_TRUE(r.error().message.contains(QStringLiteral("рядок 7"))) << r.error().message.toStdString();
    }
    {
        QByteArray body = serviceBody();
        body.replace("<term unit=\"working-days\">5</term>", "<term unit=\"auto\">5</term>");
        auto r = xml::readCatalogue(catalogueFile(body), catalogueXsd());
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().field, QStringLiteral("term"));
        EXPECT_TRUE(r.error().message.contains(QStringLiteral("рядок 13"))) << r.error().message.toStdString();
    }
    {
        QByteArray body = serviceBody();
        body.replace("mandatory=\"true\"", "mandatory=\"false\"");
        auto r = xml::readCatalogue(catalogueFile(body), catalogueXsd());
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().field, QStringLiteral("documents[1].note"));
        EXPECT_TRUE(r.error().message.contains(QStringLiteral("рядок 9"))) << r.error().message.toStdString();
    }
}

TEST(CatalogueXml, MissingSchemaIsAnError)
{
    auto r = xml::readCatalogue(catalogueFile(serviceBody()), QStringLiteral("/nonexistent/catalogue.xsd"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Io);
}
