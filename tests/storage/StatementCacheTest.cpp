// The per-connection statement cache behind execCached (the desk's hot call and
// finish statements): reuse across calls, a one-off on re-entry, a fresh cache
// after a reconnect, and a finished statement that never blocks DDL or writers.

#include "storage/Database.h"
#include "storage/Sql.h"
#include "support/TestDatabase.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

#include <thread>

using namespace cnap;
using namespace cnap::storage;
using cnap::test::Backend;
using cnap::test::TestDatabase;

namespace {

const QString kSelect = QStringLiteral("SELECT x FROM cache_probe WHERE x >= ? ORDER BY x");

class StatementCacheTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(t.ok());
        db = t.database()->db();
        ASSERT_TRUE(exec(db, QStringLiteral("CREATE TABLE cache_probe (x INTEGER NOT NULL)")).ok());
        for (int x = 1; x <= 3; ++x)
            ASSERT_TRUE(exec(db, QStringLiteral("INSERT INTO cache_probe (x) VALUES (?)"), {x}).ok());
    }

    /// Rows of cache_probe counted on another thread's connection (another session).
    int countElsewhere(const QString &insertFirst = {})
    {
        int n = -1;
        std::thread other([&] {
            {
                QSqlDatabase conn = t.database()->db();
                if (!insertFirst.isEmpty() && !exec(conn, insertFirst).ok())
                    return;
                auto q = execOne(conn, QStringLiteral("SELECT COUNT(*) FROM cache_probe"));
                if (q)
                    n = q->value(0).toInt();
            }
            t.database()->releaseThreadConnection();
        });
        other.join();
        return n;
    }

    /// Server-side prepared statements of this session that read cache_probe.
    int preparedOnServer()
    {
        auto q = execOne(db, QStringLiteral("SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE '%cache_probe WHERE x >=%'"));
        return q ? q->value(0).toInt() : -1;
    }

    TestDatabase t{GetParam()};
    QSqlDatabase db;
};

QList<int> readAll(CachedQuery &q)
{
    QList<int> out;
    while (q.next())
        out << q.value(0).toInt();
    return out;
}

} // namespace

TEST_P(StatementCacheTest, ReusesThePreparedStatementAcrossCalls)
{
    ASSERT_TRUE(statementCacheStats(db).enabled);
    {
        auto q = execCached(db, kSelect, {2});
        ASSERT_TRUE(q.ok()) << q.error().describe().toStdString();
        EXPECT_EQ(readAll(q.value()), (QList<int>{2, 3}));
    }
    for (int i = 0; i < 10; ++i) {
        auto q = execCached(db, kSelect, {3});
        ASSERT_TRUE(q.ok()) << q.error().describe().toStdString();
        EXPECT_EQ(readAll(q.value()), (QList<int>{3}));
    }
    const StatementCacheStats s = statementCacheStats(db);
    EXPECT_EQ(s.statements, 1);
    EXPECT_EQ(s.prepares, 1);
    EXPECT_EQ(s.reuses, 10);
    EXPECT_EQ(s.oneOffs, 0);
    if (GetParam() == Backend::Postgresql) {
        EXPECT_EQ(preparedOnServer(), 1);  // prepared once, kept, not re-prepared or leaked
    }
}

TEST_P(StatementCacheTest, ReentryWhileIteratingGetsAOneOffStatement)
{
    {
        auto outer = execCached(db, kSelect, {1});
        ASSERT_TRUE(outer.ok());
        ASSERT_TRUE(outer->next());
        EXPECT_EQ(outer->value(0).toInt(), 1);
        {
            // The same SQL while the cached statement is still being read.
            auto inner = execCached(db, kSelect, {3});
            ASSERT_TRUE(inner.ok()) << inner.error().describe().toStdString();
            EXPECT_EQ(readAll(inner.value()), (QList<int>{3}));
        }
        if (GetParam() == Backend::Sqlite) {
            // The outer iteration is untouched by the inner run.
            EXPECT_EQ(readAll(outer.value()), (QList<int>{2, 3}));
        }
        // (QPSQL reads forward-only results row by row: any second query on the
        // connection discards the rest of the first, cached or not.  Repositories
        // therefore never nest queries on PostgreSQL; the cache only has to keep the
        // busy statement out of the inner run.)
        EXPECT_EQ(statementCacheStats(db).oneOffs, 1);
        EXPECT_EQ(statementCacheStats(db).statements, 1);
    }
    auto again = execCached(db, kSelect, {2});  // the cached statement is free again and intact
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(readAll(again.value()), (QList<int>{2, 3}));
    EXPECT_EQ(statementCacheStats(db).reuses, 1);
}

TEST_P(StatementCacheTest, ReconnectStartsAnEmptyCache)
{
    ASSERT_TRUE(execCached(db, kSelect, {1}).ok());
    ASSERT_EQ(statementCacheStats(db).statements, 1);
    const QString name = db.connectionName();

    db = QSqlDatabase();
    t.database()->releaseThreadConnection();
    EXPECT_FALSE(statementCacheStats(QSqlDatabase::database(name, false)).enabled);

    db = t.database()->db();
    ASSERT_TRUE(db.isOpen());
    StatementCacheStats s = statementCacheStats(db);
    EXPECT_TRUE(s.enabled);
    EXPECT_EQ(s.statements, 0);
    auto again = execCached(db, kSelect, {2});
    ASSERT_TRUE(again.ok()) << again.error().describe().toStdString();
    EXPECT_EQ(readAll(again.value()), (QList<int>{2, 3}));
    EXPECT_EQ(statementCacheStats(db).prepares, 1);
}

TEST_P(StatementCacheTest, ReopenedConnectionDoesNotUseStatementsOfTheOldSession)
{
    ASSERT_TRUE(execCached(db, kSelect, {1}).ok());
    // Closed behind Database's back (as a dropped link looks): the next
    // connection() reopens it, and statements of the old session must be gone.
    db.close();
    db = t.database()->db();
    ASSERT_TRUE(db.isOpen());
    EXPECT_EQ(statementCacheStats(db).statements, 0);
    auto q = execCached(db, kSelect, {3});
    ASSERT_TRUE(q.ok()) << q.error().describe().toStdString();
    EXPECT_EQ(readAll(q.value()), (QList<int>{3}));
}

TEST_P(StatementCacheTest, AFailedStatementIsEvictedAndPreparedAfresh)
{
    ASSERT_TRUE(execCached(db, kSelect, {1}).ok());
    ASSERT_TRUE(exec(db, QStringLiteral("ALTER TABLE cache_probe RENAME TO cache_probe_away")).ok());
    EXPECT_FALSE(execCached(db, kSelect, {1}).ok());
    EXPECT_EQ(statementCacheStats(db).statements, 0);
    ASSERT_TRUE(exec(db, QStringLiteral("ALTER TABLE cache_probe_away RENAME TO cache_probe")).ok());
    auto q = execCached(db, kSelect, {2});
    ASSERT_TRUE(q.ok()) << q.error().describe().toStdString();
    EXPECT_EQ(readAll(q.value()), (QList<int>{2, 3}));
}

TEST_P(StatementCacheTest, AFinishedCachedStatementBlocksNeitherDdlNorWriters)
{
    {
        // Read one row of three and let go: the cache must finish the statement.
        auto q = execCached(db, kSelect, {1});
        ASSERT_TRUE(q.ok());
        ASSERT_TRUE(q->next());
    }
    // DDL on the same connection (SQLite: "database table is locked" while a
    // statement on the table is still stepping).
    auto ddl = exec(db, QStringLiteral("ALTER TABLE cache_probe ADD COLUMN y INTEGER"));
    EXPECT_TRUE(ddl.ok()) << ddl.error().describe().toStdString();
    auto idx = exec(db, QStringLiteral("CREATE INDEX cache_probe_x ON cache_probe (x)"));
    EXPECT_TRUE(idx.ok()) << idx.error().describe().toStdString();
    // A writer in another session, and a writer on this one inside a transaction.
    EXPECT_EQ(countElsewhere(QStringLiteral("INSERT INTO cache_probe (x) VALUES (4)")), 4);
    {
        auto tx = Transaction::begin(db);
        ASSERT_TRUE(tx.ok()) << tx.error().describe().toStdString();
        ASSERT_TRUE(exec(db, QStringLiteral("INSERT INTO cache_probe (x) VALUES (5)")).ok());
        auto st = tx->commit();
        EXPECT_TRUE(st.ok()) << st.error().describe().toStdString();
    }
    // The cached statement still runs after the schema change and sees the new rows.
    {
        auto q = execCached(db, kSelect, {4});
        ASSERT_TRUE(q.ok()) << q.error().describe().toStdString();
        EXPECT_EQ(readAll(q.value()), (QList<int>{4, 5}));
    }
    auto drop = exec(db, QStringLiteral("DROP TABLE cache_probe"));
    EXPECT_TRUE(drop.ok()) << drop.error().describe().toStdString();
}

TEST(StatementCacheSqliteControl, AnUnfinishedStatementDoesBlockDdl)
{
    // The hazard the cache guards against, shown without it.
    TestDatabase t(Backend::Sqlite);
    ASSERT_TRUE(t.ok());
    QSqlDatabase db = t.database()->db();
    ASSERT_TRUE(exec(db, QStringLiteral("CREATE TABLE cache_probe (x INTEGER NOT NULL)")).ok());
    ASSERT_TRUE(exec(db, QStringLiteral("INSERT INTO cache_probe (x) VALUES (1), (2), (3)")).ok());
    QSqlQuery q(db);
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT x FROM cache_probe")));
    ASSERT_TRUE(q.next());
    EXPECT_FALSE(exec(db, QStringLiteral("DROP TABLE cache_probe")).ok());
    q.finish();
    EXPECT_TRUE(exec(db, QStringLiteral("DROP TABLE cache_probe")).ok());
}

TEST(StatementCacheOtherConnections, AConnectionNotFromDatabaseRunsUncached)
{
    TestDatabase t(Backend::Sqlite);
    ASSERT_TRUE(t.ok());
    const QString name = QStringLiteral("cnap-statement-cache-foreign");
    {
        QSqlDatabase foreign = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        foreign.setDatabaseName(QStringLiteral(":memory:"));
        ASSERT_TRUE(foreign.open());
        EXPECT_FALSE(statementCacheStats(foreign).enabled);
        for (int i = 0; i < 2; ++i) {
            auto q = execOneCached(foreign, QStringLiteral("SELECT ? + 1"), {i});
            ASSERT_TRUE(q.ok()) << q.error().describe().toStdString();
            EXPECT_EQ(q->value(0).toInt(), i + 1);
        }
        EXPECT_FALSE(statementCacheStats(foreign).enabled);
        foreign.close();
    }
    QSqlDatabase::removeDatabase(name);
}

CNAP_INSTANTIATE_FOR_BACKENDS(StatementCacheTest);
