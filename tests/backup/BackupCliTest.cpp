// cnapctl backup / backup verify / restore as an administrator runs them: a
// demo centre with cases and scanned documents, backed up, restored into an
// empty place, and `cnapctl check` passing on the result; the refusals with
// their exit codes.  PostgreSQL: both commands point at pg_dump / pg_restore.
#include "support/TestDatabase.h"
#include "support/TestEnv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

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

} // namespace
} // namespace cnap
