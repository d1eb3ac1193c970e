// cnapctl backup / backup verify / restore as an administrator runs them: a
// demo centre with cases and scanned documents, backed up, restored into an
// empty place, and `cnapctl check` passing on the result; the refusals with
// their exit codes.  PostgreSQL: both commands point at pg_dump / pg_restore.
#include "core/identifiers/IdentifierFactory.h"
#include "support/TestDatabase.h"
#include "support/TestEnv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>

#include <gtest/gtest.h>

namespace cnap {
namespace {

using test::Backend;
using test::ProcessResult;

class BackupCliTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override { ASSERT_TRUE(tdb.ok()); }

    ProcessResult ctl(const QString &db, QStringList args)
    {
        args.prepend(db);
        args.prepend(QStringLiteral("--db"));
        return test::runProcess(test::binDir() + QStringLiteral("/cnapctl"), args, {}, 180000,
                                {QStringLiteral("CNAP_STORE=")});
    }
    ProcessResult ctl(QStringList args) { return ctl(tdb.url(), std::move(args)); }

    /// "справ: N; файлів, на які є посилання: M; …" from `cnapctl check`.
    static QString checkCounts(const ProcessResult &r)
    {
        static const QRegularExpression re(QStringLiteral("справ: \\d+; файлів, на які є посилання: \\d+"));
        return re.match(r.out).captured(0);
    }

    test::TestDatabase tdb{GetParam()};
};

TEST_P(BackupCliTest, RoundTripThroughTheCommandLine)
{
    if (GetParam() == Backend::Postgresql) {
        const QString folder = tdb.dir() + QStringLiteral("/pg-backup");
        auto b = ctl({QStringLiteral("backup"), folder});
        EXPECT_EQ(b.exitCode, 1) << b.err.toStdString();
        EXPECT_TRUE(b.err.contains(QStringLiteral("pg_dump -Fc"))) << b.err.toStdString();
        EXPECT_FALSE(QFileInfo::exists(folder));
        auto r = ctl({QStringLiteral("restore"), folder});
        EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("pg_restore"))) << r.err.toStdString();
        return;
    }
    // A centre with cases, some carrying scans in the document store.
    auto demo = ctl({QStringLiteral("demo")});
    ASSERT_EQ(demo.exitCode, 0) << demo.err.toStdString();
    auto cases = ctl({QStringLiteral("demo"), QStringLiteral("--cases"), QStringLiteral("40")});
    ASSERT_EQ(cases.exitCode, 0) << cases.err.toStdString();
    auto before = ctl({QStringLiteral("check")});
    ASSERT_EQ(before.exitCode, 0) << before.out.toStdString();
    const QString counts = checkCounts(before);
    ASSERT_FALSE(counts.isEmpty()) << before.out.toStdString();
    ASSERT_FALSE(counts.contains(QStringLiteral("посилання: 0"))) << "the demo cases should carry documents";
    auto listBefore = ctl({QStringLiteral("case"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("500")});

    const QString folder = tdb.dir() + QStringLiteral("/backup-1");
    auto b = ctl({QStringLiteral("backup"), folder});
    ASSERT_EQ(b.exitCode, 0) << b.err.toStdString();
    EXPECT_TRUE(b.out.contains(QStringLiteral("документів:"))) << b.out.toStdString();
    auto again = ctl({QStringLiteral("backup"), folder});
    EXPECT_EQ(again.exitCode, 1) << "a backup never overwrites an existing folder";
    EXPECT_TRUE(again.err.contains(QStringLiteral("FILE"))) << again.err.toStdString();

    auto v = ctl({QStringLiteral("backup"), QStringLiteral("verify"), folder});
    ASSERT_EQ(v.exitCode, 0) << v.err.toStdString();

    const QString restoredDb = QStringLiteral("sqlite:") + tdb.dir() + QStringLiteral("/restored.sqlite");
    auto r = ctl(restoredDb, {QStringLiteral("restore"), folder});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    auto after = ctl(restoredDb, {QStringLiteral("check")});
    ASSERT_EQ(after.exitCode, 0) << after.out.toStdString();
    EXPECT_EQ(checkCounts(after), counts);
    auto listAfter = ctl(restoredDb, {QStringLiteral("case"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("500")});
    EXPECT_EQ(listAfter.exitCode, listBefore.exitCode);
    EXPECT_EQ(listAfter.out, listBefore.out);
    auto audit = ctl(restoredDb, {QStringLiteral("audit"), QStringLiteral("verify")});
    EXPECT_EQ(audit.exitCode, 0) << audit.out.toStdString() << audit.err.toStdString();

    // A second restore over the now non-empty database needs --force.
    auto refused = ctl(restoredDb, {QStringLiteral("restore"), folder});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("--force"))) << refused.err.toStdString();
    auto forced = ctl(restoredDb, {QStringLiteral("restore"), QStringLiteral("--force"), folder});
    EXPECT_EQ(forced.exitCode, 0) << forced.err.toStdString();
    auto afterForce = ctl(restoredDb, {QStringLiteral("check")});
    EXPECT_EQ(afterForce.exitCode, 0) << afterForce.out.toStdString();
    EXPECT_EQ(checkCounts(afterForce), counts);
}

/// SQLite only: the online copy is SQLite's VACUUM INTO (PostgreSQL's refusal
/// is checked on the real server by RoundTripThroughTheCommandLine).
class SqliteBackupCliTest : public BackupCliTest {};

TEST_P(SqliteBackupCliTest, OnlineBackupWhileCasesAreBeingRegistered)
{
    ASSERT_EQ(ctl({QStringLiteral("demo")}).exitCode, 0);
    // A writer registering cases one by one, each with its own scan (file into
    // the store first, then the transaction), while backups are taken.
    constexpr int kCases = 40;
    QString script = QStringLiteral("set -e\n");
    for (int i = 0; i < kCases; ++i) {
        const QString pdf = tdb.dir() + QStringLiteral("/scan-%1.pdf").arg(i);
        QFile f(pdf);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% online " + QByteArray::number(i) + "\n%%EOF\n");
        f.close();
        script += QStringLiteral("'%1' --db '%2' case register --service 01336 --rnokpp %3 --surname Коваленко --name Олена --doc '%4' >/dev/null\n")
                      .arg(test::binDir() + QStringLiteral("/cnapctl"), tdb.url(),
                           makeRnokpp(QDate(1980, 1, 1).addDays(i * 37), 100 + i, i % 2 ? Sex::Male : Sex::Female), pdf);
    }
    QProcess writer;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CNAP_STORE"), QString());
    writer.setProcessEnvironment(env);
    writer.start(QStringLiteral("bash"), {QStringLiteral("-c"), script});
    ASSERT_TRUE(writer.waitForStarted());
    QStringList folders;
    while (writer.state() == QProcess::Running && folders.size() < 6) {
        const QString folder = tdb.dir() + QStringLiteral("/online-%1").arg(folders.size());
        auto b = ctl({QStringLiteral("backup"), folder});
        ASSERT_EQ(b.exitCode, 0) << b.err.toStdString();
        folders << folder;
    }
    ASSERT_TRUE(writer.waitForFinished(180000));
    ASSERT_EQ(writer.exitCode(), 0) << writer.readAllStandardError().toStdString();
    ASSERT_GE(folders.size(), 2) << "the writer finished before the backups could overlap it";
    // Every copy is a consistent state: complete cases, gap-free journals,
    // every referenced file present with its hash, an unbroken audit chain.
    QSet<QString> distinct;
    for (int i = 0; i < folders.size(); ++i) {
        const QString db = QStringLiteral("sqlite:") + tdb.dir() + QStringLiteral("/online-restored-%1.sqlite").arg(i);
        auto r = ctl(db, {QStringLiteral("restore"), folders[i]});
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
        auto check = ctl(db, {QStringLiteral("check")});
        EXPECT_EQ(check.exitCode, 0) << check.out.toStdString();
        distinct.insert(checkCounts(check));
        auto audit = ctl(db, {QStringLiteral("audit"), QStringLiteral("verify")});
        EXPECT_EQ(audit.exitCode, 0) << audit.out.toStdString();
    }
    EXPECT_GE(distinct.size(), 2) << "the copies should catch the writer at different points";
}

TEST_P(BackupCliTest, DamagedBackupIsRejectedAndNothingIsWritten)
{
    if (GetParam() == Backend::Postgresql) {
        // Refused before the backup is even read: no folder needed, nothing touched.
        auto r = ctl({QStringLiteral("restore"), QStringLiteral("--force"), tdb.dir() + QStringLiteral("/no-such-backup")});
        EXPECT_EQ(r.exitCode, 1);
        EXPECT_TRUE(r.err.contains(QStringLiteral("pg_restore"))) << r.err.toStdString();
        return;
    }
    const QString folder = tdb.dir() + QStringLiteral("/backup");
    ASSERT_EQ(ctl({QStringLiteral("backup"), folder}).exitCode, 0);
    QFile db(folder + QStringLiteral("/database.sqlite"));
    ASSERT_TRUE(db.open(QIODevice::ReadWrite));
    db.seek(db.size() / 2);
    db.write("garbage");
    db.close();

    auto v = ctl({QStringLiteral("backup"), QStringLiteral("verify"), folder});
    EXPECT_EQ(v.exitCode, 1);
    EXPECT_TRUE(v.err.contains(QStringLiteral("database.sqlite"))) << v.err.toStdString();
    const QString target = tdb.dir() + QStringLiteral("/target.sqlite");
    auto r = ctl(QStringLiteral("sqlite:") + target, {QStringLiteral("restore"), folder});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_FALSE(QFileInfo::exists(target));
    EXPECT_FALSE(QFileInfo::exists(target + QStringLiteral(".files")));
}

TEST_P(BackupCliTest, UsageErrors)
{
    auto none = ctl({QStringLiteral("backup")});
    EXPECT_EQ(none.exitCode, 2);
    auto two = ctl({QStringLiteral("restore"), QStringLiteral("a"), QStringLiteral("b")});
    EXPECT_EQ(two.exitCode, 2);
    auto missing = test::runProcess(test::binDir() + QStringLiteral("/cnapctl"),
                                    {QStringLiteral("restore"), tdb.dir() + QStringLiteral("/x")}, {}, 60000,
                                    {QStringLiteral("CNAP_DB=")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("--db"))) << missing.err.toStdString();
}

CNAP_INSTANTIATE_FOR_BACKENDS(BackupCliTest);
INSTANTIATE_TEST_SUITE_P(SqliteOnly, SqliteBackupCliTest, ::testing::Values(Backend::Sqlite),
                         [](const ::testing::TestParamInfo<Backend> &p) { return test::backendName(p.param); });

} // namespace
} // namespace cnap
