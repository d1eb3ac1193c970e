// SQLite database files and the document store hold personal data: they are
// created readable by their owner only (0600 files, 0700 folders).

#include "core/identifiers/IdentifierFactory.h"
#include "storage/Database.h"
#include "storage/DocumentStore.h"
#include "support/TestEnv.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sys/stat.h>

using namespace cnap;

namespace {

/// The permission bits (rwx for user, group, other) of `path`.
int modeOf(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

} // namespace

TEST(FilePermissions, SqliteDatabaseFilesAreOwnerOnly)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("cnap.db"));
    const mode_t old = ::umask(022);  // a usual, permissive umask: the code must not rely on it
    auto url = storage::DatabaseUrl::parse(QStringLiteral("sqlite:") + file);
    ASSERT_TRUE(url.ok());
    {
        auto db = storage::Database::open(url.value());
        ASSERT_TRUE(db.ok()) << db.error().message.toStdString();
        ASSERT_TRUE(db.value()->migrate().ok());
        ASSERT_TRUE(QFileInfo::exists(file));
        EXPECT_EQ(modeOf(file), 0600) << std::oct << modeOf(file);
        // The WAL and shared-memory files, when SQLite keeps them, carry the same data.
        for (const char *suffix : {"-wal", "-shm", "-journal"}) {
            const QString side = file + QString::fromLatin1(suffix);
            if (QFileInfo::exists(side)) {
                EXPECT_EQ(modeOf(side) & 0077, 0) << side.toStdString() << " " << std::oct << modeOf(side);
            }
        }
    }
    ::umask(old);
}

TEST(FilePermissions, DocumentStoreFoldersAndFilesAreOwnerOnly)
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("store"));
    const mode_t old = ::umask(022);
    storage::DocumentStore store(root);
    auto a = store.put(QByteArrayLiteral("%PDF-1.4 scan of a passport"));
    auto b = store.put(QByteArrayLiteral("%PDF-1.4 another scan"));
    ::umask(old);
    ASSERT_TRUE(a.ok()) << a.error().message.toStdString();
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(modeOf(root), 0700) << std::oct << modeOf(root);
    int files = 0;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const int mode = modeOf(path);
        if (QFileInfo(path).isDir()) {
            EXPECT_EQ(mode, 0700) << path.toStdString() << " " << std::oct << mode;
        } else {
            ++files;
            EXPECT_EQ(mode, 0600) << path.toStdString() << " " << std::oct << mode;
        }
    }
    EXPECT_EQ(files, 2);
    EXPECT_EQ(modeOf(store.pathFor(a->sha256)), 0600);
}

TEST(FilePermissions, CnapctlCreatesAnOwnerOnlyDatabaseAndStore)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("centre.db"));
    const QString db = QStringLiteral("sqlite:") + file;
    const QString cnapctl = test::binDir() + QStringLiteral("/cnapctl");
    auto init = test::runProcess(cnapctl, {QStringLiteral("--db"), db, QStringLiteral("init")});
    ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
    auto import = test::runProcess(cnapctl, {QStringLiteral("--db"), db, QStringLiteral("catalog"), QStringLiteral("import"),
                                             test::sourceDir() + QStringLiteral("/resources/catalog/services.xml")});
    ASSERT_EQ(import.exitCode, 0) << import.err.toStdString();
    const QString pdf = dir.filePath(QStringLiteral("scan.pdf"));
    {
        QFile f(pdf);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    }
    auto reg = test::runProcess(cnapctl, {QStringLiteral("--db"), db, QStringLiteral("case"), QStringLiteral("register"),
                                          QStringLiteral("--service"), QStringLiteral("00049"), QStringLiteral("--rnokpp"),
                                          makeRnokpp(QDate(1980, 3, 4), 123, Sex::Male), QStringLiteral("--surname"),
                                          QStringLiteral("Бондар"), QStringLiteral("--name"), QStringLiteral("Іван"),
                                          QStringLiteral("--doc"), pdf});
    ASSERT_EQ(reg.exitCode, 0) << reg.err.toStdString();
    EXPECT_EQ(modeOf(file), 0600) << std::oct << modeOf(file);
    const QString store = file + QStringLiteral(".files");
    ASSERT_TRUE(QFileInfo(store).isDir()) << "the store next to the SQLite file";
    EXPECT_EQ(modeOf(store), 0700) << std::oct << modeOf(store);
    QDirIterator it(store, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        ++files;
        EXPECT_EQ(modeOf(path), 0600) << path.toStdString();
    }
    EXPECT_GE(files, 1);
}
