// storage/Backup and services::BackupService: a consistent copy of a SQLite
// database and its document store with a SHA-256 manifest, and a restore that
// verifies everything before it replaces anything.  PostgreSQL is refused with
// a pointer to pg_dump / pg_restore.
#include "services/BackupService.h"
#include "security/AuditLog.h"
#include "storage/Backup.h"
#include "storage/DocumentStore.h"
#include "storage/Sql.h"
#include "support/TestDatabase.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QCryptographicHash>

#include <gtest/gtest.h>

namespace cnap {
namespace {

using test::Backend;

class BackupTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(tdb.ok());
        storeRoot = tdb.dir() + QStringLiteral("/store");
        backupDir = tdb.dir() + QStringLiteral("/backup");
    }
    bool sqlite() const { return GetParam() == Backend::Sqlite; }

    /// Some audit rows (data in the database) and three documents in the store.
    void fill()
    {
        security::AuditLog audit(tdb.database());
        for (int i = 0; i < 5; ++i)
            ASSERT_TRUE(audit.append(Actor::system(), security::AuditAction::Print, QStringLiteral("case"),
                                     QString::number(i)).ok());
        storage::DocumentStore store(storeRoot);
        for (const char *content : {"scan one", "scan two", "a third scan, a little longer"}) {
            auto put = store.put(QByteArray(content));
            ASSERT_TRUE(put.ok()) << put.error().message.toStdString();
            documents << put->sha256;
        }
    }

    qint64 auditCount(const storage::DatabasePtr &db)
    {
        auto q = storage::execOne(db->db(), QStringLiteral("SELECT COUNT(*) FROM audit_log"));
        EXPECT_TRUE(q.ok());
        return q ? q->value(0).toLongLong() : -1;
    }

    Result<storage::BackupManifest> backup()
    {
        return services::BackupService().backup(Actor::system(), tdb.database(), storeRoot, backupDir, QStringLiteral("9.9.9"));
    }

    /// A second, empty place to restore into.
    QString freshDbPath() const { return tdb.dir() + QStringLiteral("/restored/centre.sqlite"); }
    storage::DatabaseUrl urlOf(const QString &path) const
    {
        return storage::DatabaseUrl::parse(QStringLiteral("sqlite:") + path).value();
    }

    Result<storage::BackupManifest> restoreTo(const QString &path, bool force = false)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        return services::BackupService().restore(Actor::system(), backupDir, urlOf(path), path + QStringLiteral(".files"), force);
    }

    static void overwrite(const QString &path, const QByteArray &content)
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
    }

    /// Rewrites manifest.json through `edit` and re-signs it with a valid
    /// manifest.sha256, so only the deeper checks can catch the change.
    void editManifest(const std::function<void(QJsonObject &)> &edit)
    {
        QFile f(backupDir + QStringLiteral("/manifest.json"));
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        edit(o);
        const QByteArray json = QJsonDocument(o).toJson();
        overwrite(backupDir + QStringLiteral("/manifest.json"), json);
        overwrite(backupDir + QStringLiteral("/manifest.sha256"),
                  QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex() + "  manifest.json\n");
    }

    void expectRejected(const Result<storage::BackupManifest> &r, const char *needle)
    {
        ASSERT_FALSE(r.ok()) << "expected a rejection containing: " << needle;
        EXPECT_TRUE(r.error().message.contains(QString::fromUtf8(needle))) << r.error().message.toStdString();
        // Nothing was written where the restore would have gone.
        EXPECT_FALSE(QFileInfo::exists(freshDbPath()));
        EXPECT_FALSE(QFileInfo::exists(freshDbPath() + QStringLiteral(".files")));
    }

    test::TestDatabase tdb{GetParam()};
    QString storeRoot;
    QString backupDir;
    QStringList documents;
};

TEST_P(BackupTest, RoundTripPreservesDatabaseAndDocuments)
{
    fill();
    if (!sqlite()) {
        auto r = backup();
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, ErrorCode::Unsupported);
        EXPECT_TRUE(r.error().message.contains(QStringLiteral("pg_dump"))) << r.error().message.toStdString();
        EXPECT_FALSE(QFileInfo::exists(backupDir));
        return;
    }
    const qint64 rows = auditCount(tdb.database());
    auto made = backup();
    ASSERT_TRUE(made.ok()) << made.error().message.toStdString();
    EXPECT_EQ(made->documentCount(), 3);
    EXPECT_EQ(made->program, QStringLiteral("9.9.9"));
    EXPECT_GT(made->schemaVersion, 0);
    // Owner-only: personal data.
    EXPECT_EQ(QFileInfo(backupDir).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    EXPECT_EQ(QFileInfo(backupDir + QStringLiteral("/database.sqlite")).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
              QFileDevice::Permissions());
    // No temporary folder left beside the backup.
    EXPECT_EQ(QDir(tdb.dir()).entryList({QStringLiteral("backup.partial-*")}, QDir::AllEntries).size(), 0);

    auto verified = services::BackupService().verify(Actor::system(), backupDir);
    ASSERT_TRUE(verified.ok()) << verified.error().message.toStdString();
    EXPECT_EQ(verified->files.size(), made->files.size());

    auto restored = restoreTo(freshDbPath());
    ASSERT_TRUE(restored.ok()) << restored.error().message.toStdString();
    auto db = storage::Database::open(urlOf(freshDbPath()));
    ASSERT_TRUE(db.ok());
    // The backup's own audit record plus the restore's.
    EXPECT_EQ(auditCount(db.value()), rows + 2);
    const storage::DocumentStore store(freshDbPath() + QStringLiteral(".files"));
    for (const QString &sha : std::as_const(documents)) {
        auto ok = store.verify(sha);
        ASSERT_TRUE(ok.ok());
        EXPECT_TRUE(ok.value()) << sha.toStdString();
    }
    EXPECT_EQ(store.list().size(), documents.size());
    // The audit chain survives the trip.
    auto chain = security::AuditLog(db.value()).verify();
    ASSERT_TRUE(chain.ok());
    EXPECT_TRUE(chain->ok());
}

TEST_P(BackupTest, RefusesAnExistingTarget)
{
    fill();
    QDir().mkpath(backupDir);
    auto r = backup();
    ASSERT_FALSE(r.ok());
    // PostgreSQL is refused before the target is looked at.
    if (sqlite())
        EXPECT_EQ(r.error().field, QStringLiteral("FILE"));
    else
        EXPECT_EQ(r.error().code, ErrorCode::Unsupported);
    EXPECT_TRUE(QDir(backupDir).isEmpty());
}

TEST_P(BackupTest, OnlyAdministratorsMayBackUpOrRestore)
{
    Actor clerk;
    clerk.login = QStringLiteral("clerk1");
    clerk.role = Role::Clerk;
    auto r = services::BackupService().backup(clerk, tdb.database(), storeRoot, backupDir, QStringLiteral("1"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::PermissionDenied);
    auto v = services::BackupService().verify(clerk, backupDir);
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.error().code, ErrorCode::PermissionDenied);
    auto s = services::BackupService().restore(clerk, backupDir, urlOf(freshDbPath()), storeRoot, true);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::PermissionDenied);
    EXPECT_FALSE(QFileInfo::exists(backupDir));
}

TEST_P(BackupTest, PostgresRestoreIsRefusedWithPointerToPgRestore)
{
    auto url = storage::DatabaseUrl::parse(QStringLiteral("postgresql://cnap@127.0.0.1/centre")).value();
    auto r = services::BackupService().restore(Actor::system(), backupDir, url, storeRoot, false);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Unsupported);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("pg_restore"))) << r.error().message.toStdString();
}

/// What a SQLite backup must survive.  SQLite only by nature: a PostgreSQL
/// database never gets this far (BackupTest and BackupCliTest check its
/// refusal on the real server).
class SqliteBackupTest : public BackupTest {
protected:
    void SetUp() override
    {
        BackupTest::SetUp();
        fill();
        auto made = backup();
        ASSERT_TRUE(made.ok()) << made.error().message.toStdString();
    }
    QString documentFile(int i) const
    {
        return backupDir + QStringLiteral("/documents/") + documents[i].left(2) + u'/' + documents[i];
    }
};

TEST_P(SqliteBackupTest, CorruptDocumentIsRejected)
{
    overwrite(documentFile(1), "scan TWO");  // same size, other bytes
    expectRejected(restoreTo(freshDbPath()), "SHA-256");
}

TEST_P(SqliteBackupTest, TruncatedDatabaseIsRejected)
{
    QFile f(backupDir + QStringLiteral("/database.sqlite"));
    ASSERT_TRUE(f.resize(f.size() / 2));
    expectRejected(restoreTo(freshDbPath()), "database.sqlite");
}

TEST_P(SqliteBackupTest, DatabaseFailingTheIntegrityCheckIsRejected)
{
    // A page of garbage, with the manifest re-signed to match: only SQLite's
    // own check can catch it.  (VACUUM INTO leaves no free pages, so every page
    // is in use.)
    const QString dbFile = backupDir + QStringLiteral("/database.sqlite");
    QFile f(dbFile);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    const qint64 pageSize = 4096;
    ASSERT_GE(f.size(), 4 * pageSize);
    f.seek((f.size() / pageSize / 2) * pageSize);
    f.write(QByteArray(int(pageSize), char(0xff)));
    f.close();
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    f.close();
    editManifest([&](QJsonObject &o) {
        QJsonArray files = o.value(QStringLiteral("files")).toArray();
        QJsonObject db = files[0].toObject();
        db.insert(QStringLiteral("sha256"), QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        db.insert(QStringLiteral("size"), double(bytes.size()));
        files[0] = db;
        o.insert(QStringLiteral("files"), files);
    });
    ASSERT_TRUE(services::BackupService().verify(Actor::system(), backupDir).ok()) << "checksums match: the damage is inside";
    expectRejected(restoreTo(freshDbPath()), "пошкоджена");
    EXPECT_EQ(QDir(QFileInfo(freshDbPath()).absolutePath()).entryList(QDir::Files).size(), 0) << "no temporary copy left";
}

TEST_P(SqliteBackupTest, EditedManifestFailsItsChecksum)
{
    QFile f(backupDir + QStringLiteral("/manifest.json"));
    ASSERT_TRUE(f.open(QIODevice::Append));
    f.write(" ");
    f.close();
    expectRejected(restoreTo(freshDbPath()), "manifest.json");
}

TEST_P(SqliteBackupTest, WrongChecksumInManifestIsRejected)
{
    editManifest([](QJsonObject &o) {
        QJsonArray files = o.value(QStringLiteral("files")).toArray();
        QJsonObject db = files[0].toObject();
        ASSERT_EQ(db.value(QStringLiteral("path")).toString(), QStringLiteral("database.sqlite"));
        db.insert(QStringLiteral("sha256"), QString(64, u'0'));
        files[0] = db;
        o.insert(QStringLiteral("files"), files);
    });
    expectRejected(restoreTo(freshDbPath()), "SHA-256");
}

TEST_P(SqliteBackupTest, MissingFileIsRejected)
{
    ASSERT_TRUE(QFile::remove(documentFile(0)));
    expectRejected(restoreTo(freshDbPath()), "бракує");
}

TEST_P(SqliteBackupTest, UnlistedFileIsRejected)
{
    overwrite(backupDir + QStringLiteral("/documents/stray.txt"), "not from the backup");
    expectRejected(restoreTo(freshDbPath()), "stray.txt");
}

TEST_P(SqliteBackupTest, PathOutsideTheBackupIsRejected)
{
    editManifest([](QJsonObject &o) {
        QJsonArray files = o.value(QStringLiteral("files")).toArray();
        QJsonObject doc = files[1].toObject();
        doc.insert(QStringLiteral("path"), QString(QStringLiteral("../../etc/") + doc.value(QStringLiteral("sha256")).toString()));
        files[1] = doc;
        o.insert(QStringLiteral("files"), files);
    });
    expectRejected(restoreTo(freshDbPath()), "../../etc/");
}

TEST_P(SqliteBackupTest, BackupFromANewerSchemaIsRefused)
{
    editManifest([](QJsonObject &o) { o.insert(QStringLiteral("schemaVersion"), 99999); });
    auto r = restoreTo(freshDbPath());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::SchemaTooNew);
    EXPECT_FALSE(QFileInfo::exists(freshDbPath()));
}

TEST_P(SqliteBackupTest, NotABackupIsRejected)
{
    const QString other = tdb.dir() + QStringLiteral("/not-a-backup");
    QDir().mkpath(other);
    auto r = services::BackupService().verify(Actor::system(), other);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("manifest.json")));
    auto missing = services::BackupService().verify(Actor::system(), tdb.dir() + QStringLiteral("/nowhere"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().field, QStringLiteral("FILE"));
}

TEST_P(SqliteBackupTest, RestoreOverDataNeedsForceAndThenReplacesEverything)
{
    // The source database itself holds data: a restore over it is refused...
    const QString path = tdb.database()->url().path();
    const qint64 before = auditCount(tdb.database());
    security::AuditLog audit(tdb.database());
    ASSERT_TRUE(audit.append(Actor::system(), security::AuditAction::Print, QStringLiteral("after-backup")).ok());
    storage::DocumentStore store(storeRoot);
    auto extra = store.put(QByteArray("a scan added after the backup"));
    ASSERT_TRUE(extra.ok());

    auto refused = services::BackupService().restore(Actor::system(), backupDir, urlOf(path), storeRoot, false);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::AlreadyExists);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("--force")));
    EXPECT_EQ(auditCount(tdb.database()), before + 1);  // untouched
    EXPECT_TRUE(store.contains(extra->sha256));

    // ...and with --force the database and the store are the backup's.
    auto replaced = services::BackupService().restore(Actor::system(), backupDir, urlOf(path), storeRoot, true);
    ASSERT_TRUE(replaced.ok()) << replaced.error().message.toStdString();
    tdb.database()->releaseThreadConnection();  // the old connection saw the old file
    EXPECT_EQ(auditCount(tdb.database()), before + 1);  // backup's rows (incl. its own record) + the restore record
    EXPECT_FALSE(store.contains(extra->sha256));
    for (const QString &sha : std::as_const(documents))
        EXPECT_TRUE(store.contains(sha));
    // No temporary files left beside the database.
    EXPECT_EQ(QDir(QFileInfo(path).absolutePath()).entryList({QStringLiteral("*.restore-*")}, QDir::AllEntries).size(), 0);
}

TEST_P(SqliteBackupTest, EmptyTargetFileCountsAsEmpty)
{
    QDir().mkpath(QFileInfo(freshDbPath()).absolutePath());
    overwrite(freshDbPath(), {});
    auto r = restoreTo(freshDbPath());
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
}

CNAP_INSTANTIATE_FOR_BACKENDS(BackupTest);
INSTANTIATE_TEST_SUITE_P(SqliteOnly, SqliteBackupTest, ::testing::Values(Backend::Sqlite),
                         [](const ::testing::TestParamInfo<Backend> &p) { return test::backendName(p.param); });

} // namespace
} // namespace cnap
