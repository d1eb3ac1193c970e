#include "CatalogueFixtures.h"

#include "services/CatalogueService.h"
#include "storage/Sql.h"
#include "support/TestDatabase.h"
#include "xml/CatalogueXml.h"

#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

using namespace cnap;
using namespace cnap::services;
using namespace cnap::test;

namespace {

Actor as(Role role)
{
    Actor a;
    a.userId = 7;
    a.login = QStringLiteral("tester");
    a.role = role;
    return a;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Everything that identifies the stored state: code, version, active.
QStringList snapshot(CatalogueService &s)
{
    QStringList out;
    auto cards = s.list(Actor::system(), false);
    EXPECT_TRUE(cards.ok());
    for (const ServiceCard &c : cards.value())
        out << QStringLiteral("%1/%2/%3").arg(c.code.value()).arg(c.version).arg(c.active);
    return out;
}

} // namespace

class CatalogueServiceTest : public ::testing::TestWithParam<Backend> {};

TEST_P(CatalogueServiceTest, AdminImportsShippedCatalogueAndEveryReaderSeesIt)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    CatalogueService s(t.database(), Clock::system(), catalogueXsd());
    auto r = s.importFile(as(Role::Admin), shippedCatalogue());
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_GE(r->added, 25);
    for (Role role : {Role::Clerk, Role::Supervisor, Role::Admin, Role::Kiosk}) {
        auto list = s.list(as(role));
        ASSERT_TRUE(list.ok()) << roleKey(role).toStdString();
        EXPECT_EQ(static_cast<int>(list->size()), r->added);
    }
    auto card = s.get(as(Role::Clerk), ServiceCode::parse(QStringLiteral("01331")).value());
    ASSERT_TRUE(card.ok());
    EXPECT_EQ(card->registry.serviceCode, QStringLiteral("RegisterResidence"));
    EXPECT_FALSE(s.search(as(Role::Kiosk), QStringLiteral("субсидії"))->empty());
}

TEST_P(CatalogueServiceTest, RoleChecksComeFirst)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    CatalogueService s(t.database(), Clock::system(), catalogueXsd());
    for (Role role : {Role::Clerk, Role::Supervisor, Role::Kiosk, Role::Display}) {
        auto r = s.importFile(as(role), shippedCatalogue());
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, ErrorCode::PermissionDenied) << roleKey(role).toStdString();
    }
    EXPECT_TRUE(snapshot(s).isEmpty()) << "nothing written by a denied import";

    const QString out = QDir(t.dir()).filePath(QStringLiteral("out.xml"));
    EXPECT_EQ(s.list(as(Role::Display)).error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(s.search(as(Role::Display), QStringLiteral("x")).error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(s.exportFile(as(Role::Display), out).error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(s.get(as(Role::Display), ServiceCode::parse(QStringLiteral("00049")).value()).error().code,
              ErrorCode::PermissionDenied);
    EXPECT_FALSE(QFile::exists(out));
}

TEST_P(CatalogueServiceTest, BadFileLeavesTheDatabaseUnchanged)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    CatalogueService s(t.database(), Clock::system(), catalogueXsd());
    ASSERT_TRUE(s.importFile(Actor::system(), shippedCatalogue()).ok());
    const QStringList before = snapshot(s);

    // Valid first services, a duplicate at the end: the whole file is refused.
    const QString bad = QDir(t.dir()).filePath(QStringLiteral("bad.xml"));
    ASSERT_TRUE(writeFile(bad, catalogueFile(serviceBody("00049") + serviceBody("00050") + serviceBody("00049"))));
    auto r = s.importFile(Actor::system(), bad);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("рядок 39"))) << r.error().message.toStdString();
    EXPECT_EQ(snapshot(s), before);

    // A valid but empty catalogue would withdraw everything: refused.
    ASSERT_TRUE(writeFile(bad, catalogueFile({})));
    auto empty = s.importFile(Actor::system(), bad);
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(snapshot(s), before);

    auto missing = s.importFile(Actor::system(), QDir(t.dir()).filePath(QStringLiteral("nope.xml")));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::Io);
}

TEST_P(CatalogueServiceTest, ExportWritesActiveServicesAtomicallyAndReimportsUnchanged)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    CatalogueService s(t.database(), Clock::system(), catalogueXsd());
    const int total = s.importFile(Actor::system(), shippedCatalogue())->total;
    // Withdraw one service: the export leaves it out.
    const QString smaller = QDir(t.dir()).filePath(QStringLiteral("smaller.xml"));
    {
        auto cards = s.list(Actor::system()).value();
        cards.pop_back();
        ASSERT_TRUE(writeFile(smaller, xml::writeCatalogue(cards)));
    }
    ASSERT_EQ(s.importFile(Actor::system(), smaller)->deactivated, 1);

    const QDir exportDir(QDir(t.dir()).filePath(QStringLiteral("export")));
    ASSERT_TRUE(QDir().mkpath(exportDir.path()));
    const QString out = exportDir.filePath(QStringLiteral("catalogue.xml"));
    ASSERT_TRUE(writeFile(out, "old contents"));
    auto written = s.exportFile(as(Role::Clerk), out);
    ASSERT_TRUE(written.ok()) << written.error().message.toStdString();
    EXPECT_EQ(written.value(), total - 1);
    EXPECT_EQ(exportDir.entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("catalogue.xml")})
        << "no temporary file left behind";

    const QStringList before = snapshot(s);
    auto again = s.importFile(Actor::system(), out);
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_EQ(again->unchanged, total - 1);
    EXPECT_EQ(again->added + again->updated + again->deactivated, 0);
    EXPECT_EQ(snapshot(s), before);

    // An unwritable target fails cleanly and creates nothing.
    const QString nowhere = QDir(t.dir()).filePath(QStringLiteral("no/such/dir/c.xml"));
    auto failed = s.exportFile(Actor::system(), nowhere);
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().code, ErrorCode::Io);
    EXPECT_FALSE(QFile::exists(nowhere));
}

TEST_P(CatalogueServiceTest, FindsTheSchemaThroughSchemasDir)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    CatalogueService s(t.database());  // no explicit path: <tests>/../../schemas
    EXPECT_TRUE(QFile::exists(s.schemaPath())) << s.schemaPath().toStdString();
    ASSERT_TRUE(s.importFile(Actor::system(), shippedCatalogue()).ok());
}

CNAP_INSTANTIATE_FOR_BACKENDS(CatalogueServiceTest);
