// The content-addressed store: one file per SHA-256, owner-only, durable rename.
#include "storage/DocumentStore.h"

#include "CaseFixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace cnap;
using namespace cnap::storage;

TEST(DocumentStoreTest, WritesEachContentOnceOwnerOnly)
{
    QTemporaryDir tmp;
    DocumentStore store(tmp.filePath(QStringLiteral("files")));
    const QByteArray pdf = test::samplePdf(7);
    auto first = store.put(pdf);
    ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
    EXPECT_TRUE(first->written);
    EXPECT_EQ(first->sha256, QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex()));
    EXPECT_EQ(first->size, pdf.size());
    const QFileInfo fi(store.pathFor(first->sha256));
    ASSERT_TRUE(fi.exists());
    EXPECT_EQ(fi.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther), 0);
    const QFileInfo root(store.root());
    EXPECT_EQ(root.permissions() & (QFileDevice::ReadOther | QFileDevice::ExeOther | QFileDevice::ReadGroup), 0);

    auto second = store.put(pdf);
    ASSERT_TRUE(second.ok());
    EXPECT_FALSE(second->written);
    EXPECT_EQ(second->sha256, first->sha256);
    EXPECT_EQ(store.list(), QStringList{first->sha256});
    // No temporary files are left behind.
    QDir dir(fi.absolutePath());
    EXPECT_EQ(dir.entryList(QDir::Files | QDir::Hidden).size(), 1);

    EXPECT_EQ(store.read(first->sha256).value(), pdf);
    EXPECT_TRUE(store.verify(first->sha256).value());
}

TEST(DocumentStoreTest, VerifyCatchesMissingAndDamagedFiles)
{
    QTemporaryDir tmp;
    DocumentStore store(tmp.path());
    auto a = store.put(test::samplePng());
    ASSERT_TRUE(a.ok());
    {
        QFile f(store.pathFor(a->sha256));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("tampered");
    }
    EXPECT_FALSE(store.verify(a->sha256).value());
    QFile::remove(store.pathFor(a->sha256));
    EXPECT_FALSE(store.verify(a->sha256).value());
    EXPECT_EQ(store.read(a->sha256).error().code, ErrorCode::NotFound);
    EXPECT_FALSE(store.verify(QStringLiteral("../../etc/passwd")).value());
}

TEST(DocumentStoreTest, ResolvesItsRoot)
{
    auto sqlite = DatabaseUrl::parse(QStringLiteral("sqlite:/var/lib/cnap/cnap.db"));
    ASSERT_TRUE(sqlite.ok());
    qunsetenv("CNAP_STORE");
    EXPECT_EQ(DocumentStore::resolveRoot(sqlite.value()).value(), QStringLiteral("/var/lib/cnap/cnap.db.files"));
    EXPECT_EQ(DocumentStore::resolveRoot(sqlite.value(), QStringLiteral("/srv/files")).value(), QStringLiteral("/srv/files"));
    auto pg = DatabaseUrl::parse(QStringLiteral("postgresql://u:p@localhost/cnap"));
    ASSERT_TRUE(pg.ok());
    auto none = DocumentStore::resolveRoot(pg.value());
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().field, QStringLiteral("--store"));
    qputenv("CNAP_STORE", "/srv/env-files");
    EXPECT_EQ(DocumentStore::resolveRoot(pg.value()).value(), QStringLiteral("/srv/env-files"));
    qunsetenv("CNAP_STORE");
}
