// QueueWatcher wakes on changes made through another connection, and keeps doing
// so after its own connection is killed by the server.
#include "QueueFixture.h"

#include "services/queue/QueueWatcher.h"
#include "storage/DatabaseUrl.h"
#include "storage/Sql.h"

#include <QSignalSpy>
#include <QTest>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <thread>

using namespace cnap;
using cnap::test::Backend;
using cnap::test::kS1;

class QueueWatcherTest : public cnap::test::QueueFixture {
protected:
    /// Issues a ticket from another thread, i.e. another connection.
    void issueElsewhere()
    {
        std::thread t([&] {
            services::QueueService other(db->database(), clock);
            EXPECT_TRUE(other.issueTicket(Actor::system(), {{kS1}, false, {}, {}, QStringLiteral("kiosk")}).ok());
            db->database()->releaseThreadConnection();
        });
        t.join();
    }
};

TEST_P(QueueWatcherTest, ChangeThroughAnotherConnectionWakesTheWatcher)
{
    services::QueueWatcher watcher(db->database());
    if (GetParam() == Backend::Postgresql)
        watcher.setPollInterval(60000);  // only the notification can wake it in time
    QSignalSpy changed(&watcher, &services::QueueWatcher::changed);
    watcher.start();
    EXPECT_EQ(watcher.isSubscribed(), GetParam() == Backend::Postgresql);
    ASSERT_TRUE(changed.wait(2000));  // the first look: consumers refresh once it listens
    changed.clear();
    issueElsewhere();
    ASSERT_TRUE(changed.wait(5000));
    // A rolled-back change wakes nobody on PostgreSQL (NOTIFY is transactional).
    changed.clear();
    auto bad = service->issueTicket(Actor::system(), {{QStringLiteral("nope")}, false, {}, {}, QStringLiteral("x")});
    EXPECT_FALSE(bad.ok());
    EXPECT_FALSE(changed.wait(700));
    issueElsewhere();
    EXPECT_TRUE(changed.wait(5000));
}

TEST_P(QueueWatcherTest, AChangeMadeBeforeTheWatcherListensIsStillReported)
{
    // A desk loads its view, a kiosk issues a ticket, and only then does the
    // watcher's LISTEN start: the ticket is in the first baseline and its
    // NOTIFY went to nobody.  The first look must wake the consumer anyway.
    issueElsewhere();
    services::QueueWatcher watcher(db->database());
    watcher.setPollInterval(60000);
    QSignalSpy changed(&watcher, &services::QueueWatcher::changed);
    watcher.start();
    EXPECT_TRUE(changed.wait(2000));
}

// SQLite has no server connection to kill (the poll is its only channel), so
// this suite runs on PostgreSQL alone rather than skipping a SQLite variant.
class QueueWatcherPostgresTest : public QueueWatcherTest {};

TEST_P(QueueWatcherPostgresTest, ResubscribesAfterTheServerKillsItsConnection)
{
    services::QueueWatcher watcher(db->database());
    watcher.setPollInterval(200);
    QSignalSpy changed(&watcher, &services::QueueWatcher::changed);
    QSignalSpy lost(&watcher, &services::QueueWatcher::connectionLost);
    QSignalSpy back(&watcher, &services::QueueWatcher::reconnected);
    watcher.start();
    ASSERT_TRUE(watcher.isSubscribed());

    // An admin connection terminates the watcher's backend (found by application_name).
    auto conn = db->database()->db();
    auto killed = storage::execOne(conn, QStringLiteral("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                                        "WHERE application_name = ? AND datname = current_database()"),
                                   {services::QueueWatcher::applicationName()});
    ASSERT_TRUE(killed.ok()) << killed.error().describe().toStdString();
    ASSERT_EQ(killed->value(0).toInt(), 1);
    ASSERT_TRUE(back.wait(10000));
    EXPECT_GE(lost.count(), 1);
    EXPECT_TRUE(watcher.isSubscribed());

    // Now only the (re-made) subscription may wake it.
    watcher.setPollInterval(60000);
    QTest::qWait(300);
    changed.clear();
    issueElsewhere();
    EXPECT_TRUE(changed.wait(5000));
}

TEST_P(QueueWatcherPostgresTest, ACallWakesAtOnceAFinishOnlyByThePoll)
{
    // Migration 0101: a call (what the hall board shows) is announced right after
    // its commit (QueueService::announceCall); a finish changes nothing on the
    // board and no longer notifies (no notify lock held across its WAL flush).
    issue(kS1);
    services::QueueWatcher watcher(db->database());
    watcher.setPollInterval(60000);  // only a notification can wake it in time
    QSignalSpy changed(&watcher, &services::QueueWatcher::changed);
    watcher.start();
    ASSERT_TRUE(watcher.isSubscribed());
    QTest::qWait(100);
    changed.clear();
    std::thread caller([&] {
        services::QueueService other(db->database(), clock);
        auto c = other.callNext(Actor::system(), QStringLiteral("1"));
        EXPECT_TRUE(c.ok() && c.value());
        db->database()->releaseThreadConnection();
    });
    caller.join();
    EXPECT_TRUE(changed.wait(1000));  // the board's liveness: within a second
    changed.clear();
    std::thread finisher([&] {
        services::QueueService other(db->database(), clock);
        EXPECT_TRUE(other.finish(Actor::system(), QStringLiteral("1")).ok());
        db->database()->releaseThreadConnection();
    });
    finisher.join();
    EXPECT_FALSE(changed.wait(700));
    // The poll still sees it.
    watcher.setPollInterval(100);
    EXPECT_TRUE(changed.wait(5000));
}

CNAP_INSTANTIATE_FOR_BACKENDS(QueueWatcherTest);
INSTANTIATE_TEST_SUITE_P(Postgres, QueueWatcherPostgresTest, ::testing::Values(Backend::Postgresql),
                         [](const ::testing::TestParamInfo<Backend> &p) { return cnap::test::backendName(p.param); });
