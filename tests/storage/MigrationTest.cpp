#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/Sql.h"
#include "support/TestDatabase.h"

#include <QFile>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace cnap;
using namespace cnap::storage;
using cnap::test::Backend;
using cnap::test::TestDatabase;

class MigrationTest : public ::testing::TestWithParam<Backend> {};

TEST_P(MigrationTest, FreshDatabaseReachesLatestVersionAndSecondRunIsNoop)
{
    TestDatabase t(GetParam(), /*migrate=*/false);
    ASSERT_TRUE(t.ok());
    Migrator m(*t.database());
    ASSERT_GT(m.latestVersion(), 0);
    EXPECT_EQ(m.currentVersion().value(), 0);
    ASSERT_TRUE(m.migrate().ok());
    EXPECT_EQ(m.currentVersion().value(), m.latestVersion());
    auto rows = execOne(t.database()->db(), QStringLiteral("SELECT COUNT(*) FROM schema_version"));
    ASSERT_TRUE(rows.ok());
    const int count = rows->value(0).toInt();
    ASSERT_TRUE(m.migrate().ok());
    auto again = execOne(t.database()->db(), QStringLiteral("SELECT COUNT(*) FROM schema_version"));
    EXPECT_EQ(again->value(0).toInt(), count);
}

TEST_P(MigrationTest, RefusesDatabaseNewerThanProgram)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    Migrator m(*t.database());
    ASSERT_TRUE(exec(t.database()->db(), QStringLiteral("INSERT INTO schema_version (version, name, applied_at) VALUES (?, 'future', 'x')"),
                     {m.latestVersion() + 100}).ok());
    auto st = m.migrate();
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, ErrorCode::SchemaTooNew);
    EXPECT_TRUE(st.error().message.contains(QString::number(m.latestVersion() + 100)));
}

TEST_P(MigrationTest, AppliesAMissingMigrationBelowTheHighestApplied)
{
    // Modules number migrations in their own ranges, so a database can lack a
    // lower-numbered step (here 0201, an index) while holding higher ones.
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    Migrator m(*t.database());
    const QSqlDatabase db = t.database()->db();
    ASSERT_TRUE(exec(db, QStringLiteral("DROP INDEX cases_running_due_idx")).ok());
    ASSERT_TRUE(exec(db, QStringLiteral("DELETE FROM schema_version WHERE version = ?"), {201}).ok());
    EXPECT_EQ(m.currentVersion().value(), m.latestVersion());  // the highest is still there

    ASSERT_TRUE(m.migrate().ok());
    auto back = execOne(db, QStringLiteral("SELECT COUNT(*) FROM schema_version WHERE version = ?"), {201});
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->value(0).toInt(), 1);
    // The index exists again: creating it a second time must fail.
    EXPECT_FALSE(exec(db, QStringLiteral("CREATE INDEX cases_running_due_idx ON cases (due_date, id)")).ok());
}

TEST_P(MigrationTest, TransactionRollsBackUnlessCommitted)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    auto db = t.database()->db();
    {
        auto tx = Transaction::begin(db);
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE(exec(db, QStringLiteral("INSERT INTO centre_settings (key, value, updated_at) VALUES ('a', '1', 'now')")).ok());
    }  // no commit: rolled back
    EXPECT_EQ(execOne(db, QStringLiteral("SELECT COUNT(*) FROM centre_settings")).value().value(0).toInt(), 0);
    {
        auto tx = Transaction::begin(db);
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE(exec(db, QStringLiteral("INSERT INTO centre_settings (key, value, updated_at) VALUES ('a', '1', 'now')")).ok());
        ASSERT_TRUE(tx->commit().ok());
    }
    EXPECT_EQ(execOne(db, QStringLiteral("SELECT COUNT(*) FROM centre_settings")).value().value(0).toInt(), 1);
}

TEST_P(MigrationTest, UniqueViolationMapsToAlreadyExists)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    auto db = t.database()->db();
    const QString sql = QStringLiteral("INSERT INTO centre_settings (key, value, updated_at) VALUES (?, ?, ?)");
    ASSERT_TRUE(exec(db, sql, {QStringLiteral("k"), QStringLiteral("v"), QStringLiteral("t")}).ok());
    auto dup = exec(db, sql, {QStringLiteral("k"), QStringLiteral("v"), QStringLiteral("t")});
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().code, ErrorCode::AlreadyExists);
}

TEST_P(MigrationTest, BoundValuesAreNeverSpliced)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    auto db = t.database()->db();
    const QString evil = QStringLiteral("x'); DROP TABLE centre_settings; --");
    ASSERT_TRUE(exec(db, QStringLiteral("INSERT INTO centre_settings (key, value, updated_at) VALUES (?, ?, 'now')"), {evil, evil}).ok());
    auto back = execOne(db, QStringLiteral("SELECT value FROM centre_settings WHERE key = ?"), {evil});
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->value(0).toString(), evil);
}

TEST(MigrationSqlite, FileIsOwnerOnlyAndWalIsOn)
{
    TestDatabase t(Backend::Sqlite);
    ASSERT_TRUE(t.ok());
    const QString path = t.url().mid(7);
    const auto perms = QFile::permissions(path);
    EXPECT_TRUE(perms & QFileDevice::ReadOwner);
    EXPECT_FALSE(perms & QFileDevice::ReadGroup);
    EXPECT_FALSE(perms & QFileDevice::ReadOther);
    auto mode = execOne(t.database()->db(), QStringLiteral("PRAGMA journal_mode"));
    ASSERT_TRUE(mode.ok());
    EXPECT_EQ(mode->value(0).toString(), QStringLiteral("wal"));
    auto fk = execOne(t.database()->db(), QStringLiteral("PRAGMA foreign_keys"));
    EXPECT_EQ(fk->value(0).toInt(), 1);
}

TEST(MigrationSplit, KeepsTriggerBodiesAndDollarQuotesWhole)
{
    const QString script = QStringLiteral(
        "CREATE TABLE a (x TEXT DEFAULT 'a;b'); -- comment; here\n"
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; SELECT 2; END;\n"
        "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'no;'; END; $$ LANGUAGE plpgsql;\n");
    const QStringList parts = Migrator::splitStatements(script);
    ASSERT_EQ(parts.size(), 3);
    EXPECT_TRUE(parts[0].contains(QStringLiteral("'a;b'")));
    EXPECT_TRUE(parts[1].endsWith(QStringLiteral("END")));
    EXPECT_TRUE(parts[2].contains(QStringLiteral("LANGUAGE plpgsql")));
}

TEST(MigrationSplit, PostgresTriggerWithoutBodyEndsAtItsSemicolon)
{
    const QString script = QStringLiteral(
        "CREATE TRIGGER t BEFORE UPDATE ON a FOR EACH ROW EXECUTE FUNCTION f();\n"
        "CREATE TABLE b (x INTEGER);\n"
        "create trigger u after insert on b begin select 1; end;\n");
    const QStringList parts = Migrator::splitStatements(script);
    ASSERT_EQ(parts.size(), 3);
    EXPECT_TRUE(parts[0].endsWith(QStringLiteral("f()")));
    EXPECT_TRUE(parts[1].startsWith(QStringLiteral("CREATE TABLE b")));
    EXPECT_TRUE(parts[2].endsWith(QStringLiteral("end")));
}

CNAP_INSTANTIATE_FOR_BACKENDS(MigrationTest);
