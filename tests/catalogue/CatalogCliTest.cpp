#include "CatalogueFixtures.h"

#include "support/TestDatabase.h"
#include "support/TestEnv.h"
#include "xml/CatalogueXml.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace cnap;
using namespace cnap::test;

namespace {

QString cnapctl() { return QDir(binDir()).filePath(QStringLiteral("cnapctl")); }

ProcessResult run(const TestDatabase &t, QStringList args)
{
    args.prepend(t.url());
    args.prepend(QStringLiteral("--db"));
    return runProcess(cnapctl(), args, {}, 60000, {QStringLiteral("CNAP_LANG=uk")});
}

int shippedCount()
{
    QFile f(shippedCatalogue());
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    auto cards = xml::readCatalogue(f.readAll(), catalogueXsd());
    return cards.ok() ? static_cast<int>(cards->size()) : -1;
}

QStringList lines(const QString &text) { return text.split(u'\n', Qt::SkipEmptyParts); }

} // namespace

class CatalogCliTest : public ::testing::TestWithParam<Backend> {};

TEST_P(CatalogCliTest, InitImportListExportReimport)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    const int total = shippedCount();
    ASSERT_GE(total, 25);

    auto init = run(t, {QStringLiteral("init")});
    ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();

    auto imported = run(t, {QStringLiteral("catalog"), QStringLiteral("import"), shippedCatalogue()});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_TRUE(imported.out.contains(QStringLiteral("імпортовано послуг: %1").arg(total))) << imported.out.toStdString();

    auto list = run(t, {QStringLiteral("catalog"), QStringLiteral("list")});
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    const QStringList rows = lines(list.out);
    EXPECT_EQ(rows.size(), total);
    static const QRegularExpression row(QStringLiteral("^\\d{5}[\\t ]\\S"));
    for (const QString &r : rows)
        EXPECT_TRUE(row.match(r).hasMatch()) << r.toStdString();
    EXPECT_TRUE(list.out.contains(QStringLiteral("01331\tРеєстрація місця проживання особи")));

    auto json = run(t, {QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--json")});
    ASSERT_EQ(json.exitCode, 0);
    const QJsonArray arr = QJsonDocument::fromJson(json.out.toUtf8()).array();
    ASSERT_EQ(arr.size(), total);
    EXPECT_EQ(arr.first().toObject().value(QStringLiteral("code")).toString().size(), 5);

    const QString exported = QDir(t.dir()).filePath(QStringLiteral("exported.xml"));
    auto exp = run(t, {QStringLiteral("catalog"), QStringLiteral("export"), exported});
    ASSERT_EQ(exp.exitCode, 0) << exp.err.toStdString();
    ASSERT_TRUE(QFile::exists(exported));
    auto reimport = run(t, {QStringLiteral("catalog"), QStringLiteral("import"), exported});
    ASSERT_EQ(reimport.exitCode, 0) << reimport.err.toStdString();
    EXPECT_TRUE(reimport.out.contains(QStringLiteral("без змін: %1").arg(total))) << reimport.out.toStdString();

    // Export to stdout is the same document.
    auto toStdout = run(t, {QStringLiteral("catalog"), QStringLiteral("export"), QStringLiteral("-")});
    ASSERT_EQ(toStdout.exitCode, 0);
    QFile f(exported);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(toStdout.out.toUtf8(), f.readAll());

    auto show = run(t, {QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("01331")});
    ASSERT_EQ(show.exitCode, 0) << show.err.toStdString();
    EXPECT_TRUE(show.out.contains(QStringLiteral("RegisterResidence")));

    auto search = run(t, {QStringLiteral("catalog"), QStringLiteral("search"), QStringLiteral("ЗЕМЕЛЬНОЇ"), QStringLiteral("ділянки")});
    ASSERT_EQ(search.exitCode, 0) << search.err.toStdString();
    EXPECT_GE(lines(search.out).size(), 2);
    auto nothing = run(t, {QStringLiteral("catalog"), QStringLiteral("search"), QStringLiteral("космодром")});
    EXPECT_EQ(nothing.exitCode, 3);
}

TEST_P(CatalogCliTest, BadFileExitsOneWithLineAndChangesNothing)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    ASSERT_EQ(run(t, {QStringLiteral("catalog"), QStringLiteral("import"), shippedCatalogue()}).exitCode, 0);
    const QString before = run(t, {QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--all")}).out;

    const QString bad = QDir(t.dir()).filePath(QStringLiteral("bad.xml"));
    QByteArray body = serviceBody("01331");
    body.replace("unit=\"working-days\"", "unit=\"weeks\"");
    {
        QFile f(bad);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(catalogueFile(body));
    }
    auto r = run(t, {QStringLiteral("catalog"), QStringLiteral("import"), bad});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("рядок 13"))) << r.err.toStdString();
    EXPECT_EQ(run(t, {QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--all")}).out, before);

    EXPECT_EQ(run(t, {QStringLiteral("catalog"), QStringLiteral("export")}).exitCode, 2);
    EXPECT_EQ(run(t, {QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("12")}).exitCode, 1);
    EXPECT_EQ(run(t, {QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("99999")}).exitCode, 1);
}

TEST_P(CatalogCliTest, ListOnAnEmptyCatalogueSaysNothingToDo)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    auto r = run(t, {QStringLiteral("catalog"), QStringLiteral("list")});
    EXPECT_EQ(r.exitCode, 3) << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty());
}

CNAP_INSTANTIATE_FOR_BACKENDS(CatalogCliTest);
