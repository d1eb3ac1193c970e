// cnap-syncd and cnapctl as processes: --once under faults, the dry-run request,
// kill -9 and lease expiry, SIGTERM, mTLS end to end.  Both backends.
#include "OutboxFixture.h"

#include "ExchangeFixtures.h"

#include "exchange/sync/SyncEngine.h"
#include "storage/MessageLogRepository.h"
#include "support/TestEnv.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <thread>

namespace cnap::test::outbox {
namespace {

using storage::OutboxState;

QString syncd() { return QDir(binDir()).filePath(QStringLiteral("cnap-syncd")); }
QString cnapctl() { return QDir(binDir()).filePath(QStringLiteral("cnapctl")); }

class SyncdProcessTest : public ::testing::TestWithParam<Backend> {
protected:
    static bool settled(OutboxFixture &f)
    {
        for (const auto &i : f.items()) {
            if (i.state == OutboxState::Pending || i.state == OutboxState::InFlight)
                return false;
        }
        return true;
    }
    static ProcessResult once(OutboxFixture &f, const QString &server, const QString &conf)
    {
        return runProcess(syncd(), {QStringLiteral("--db"), f.database().url(), QStringLiteral("--security-server"), server,
                                    QStringLiteral("--config"), conf, QStringLiteral("--once")});
    }
};

TEST_P(SyncdProcessTest, OnceUnderFaultsDeliversEverythingExactlyOnce)
{
    OutboxFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    QTemporaryDir state;
    exchange::SimProcess sim({QStringLiteral("--state-dir"), state.path(), QStringLiteral("--fault"), QStringLiteral("drop"),
                              QStringLiteral("--fault"), QStringLiteral("http500"), QStringLiteral("--fault"), QStringLiteral("server-fault"),
                              QStringLiteral("--fault"), QStringLiteral("delay"), QStringLiteral("--fault"), QStringLiteral("duplicate"),
                              QStringLiteral("--fault-rate"), QStringLiteral("0.3"), QStringLiteral("--delay-ms"), QStringLiteral("100"),
                              QStringLiteral("--seed"), QStringLiteral("11")});
    ASSERT_TRUE(sim.started());
    for (int i = 0; i < 10; ++i)
        f.registerCase(kResidence, 400 + i);
    // The config names a server that does not exist: --security-server overrides it.
    // Portal polling off: every action the simulator records is then one of our items.
    const QString conf = writeConfigFile(f.database().dir(), syncConfig(QStringLiteral("http://127.0.0.1:9/")),
                                         QStringLiteral("poll_online = false\n"));
    for (int run = 0; run < 40 && !settled(f); ++run) {
        const ProcessResult r = once(f, sim.url(), conf);
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("cycle: claimed"))) << r.err.toStdString();
    }
    ASSERT_TRUE(settled(f));
    const auto acted = simActions(state.path());
    for (const auto &i : f.items()) {
        EXPECT_EQ(i.state, OutboxState::Done) << i.lastError.toStdString();
        EXPECT_EQ(acted.value(i.messageId), 1);
    }
    EXPECT_EQ(acted.size(), 10);

    // cnapctl exchange outbox --json: one object per item.
    const ProcessResult out = runProcess(cnapctl(), {QStringLiteral("--db"), f.database().url(), QStringLiteral("exchange"),
                                                     QStringLiteral("outbox"), QStringLiteral("--json")});
    ASSERT_EQ(out.exitCode, 0) << out.err.toStdString();
    const QJsonArray arr = QJsonDocument::fromJson(out.out.toUtf8()).array();
    ASSERT_EQ(arr.size(), 10);
    for (const QJsonValue &v : arr) {
        const QJsonObject o = v.toObject();
        EXPECT_FALSE(o.value(QStringLiteral("caseNumber")).toString().isEmpty());
        EXPECT_EQ(o.value(QStringLiteral("id")).toString().size(), 36);
        EXPECT_EQ(o.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        EXPECT_GE(o.value(QStringLiteral("attempts")).toInt(), 1);
        EXPECT_TRUE(o.contains(QStringLiteral("lastError")));
    }
    // The daemon's log carries no personal data of the applicants.
    const ProcessResult last = once(f, sim.url(), conf);
    EXPECT_FALSE(last.err.contains(QStringLiteral("Коваленко")));
}

TEST_P(SyncdProcessTest, ExchangeRequestIsADryRunOfTheExactBytes)
{
    OutboxFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    const QString number = f.registerCase(kResidence, 9);
    exchange::SimProcess sim({});
    ASSERT_TRUE(sim.started());
    const auto config = syncConfig(sim.url());
    const QString conf = writeConfigFile(f.database().dir(), config);
    const QStringList args{QStringLiteral("--db"), f.database().url(), QStringLiteral("exchange"), QStringLiteral("request"), number,
                           QStringLiteral("--config"), conf};
    const ProcessResult dry = runProcess(cnapctl(), args);
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    const auto before = f.items().first();
    EXPECT_EQ(dry.out.toUtf8(), ::cnap::exchange::sync::SyncEngine::seal(before, config).value());
    EXPECT_TRUE(before.request.isEmpty()) << "nothing stored";
    EXPECT_EQ(before.attempts, 0);
    EXPECT_EQ(before.state, OutboxState::Pending);
    EXPECT_EQ(runProcess(cnapctl(), args).out, dry.out) << "repeatable";

    ASSERT_EQ(once(f, sim.url(), conf).exitCode, 0);
    const auto sent = f.items().first();
    EXPECT_EQ(sent.state, OutboxState::Done);
    EXPECT_EQ(sent.request, dry.out.toUtf8()) << "sent exactly what the dry run showed";
    auto logged = storage::MessageLogRepository(f.database().database()).list(0, 10, sent.messageId, true);
    ASSERT_TRUE(logged);
    bool found = false;
    for (const auto &e : logged.value())
        found = found || (e.direction == QStringLiteral("request") && e.body == sent.request);
    EXPECT_TRUE(found);

    const ProcessResult unknown = runProcess(cnapctl(), {QStringLiteral("--db"), f.database().url(), QStringLiteral("exchange"),
                                                         QStringLiteral("request"), QStringLiteral("01-2026-999999")});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_FALSE(unknown.err.isEmpty());
    EXPECT_EQ(runProcess(cnapctl(), {QStringLiteral("--db"), f.database().url(), QStringLiteral("exchange"), QStringLiteral("request")}).exitCode, 2);
}

TEST_P(SyncdProcessTest, KilledEngineLeaseExpiresAndAnotherFinishes)
{
    OutboxFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    QTemporaryDir state;
    for (int i = 0; i < 4; ++i)
        f.registerCase(kResidence, 500 + i);
    auto config = syncConfig(QStringLiteral("http://127.0.0.1:9/"));
    config.lease = std::chrono::milliseconds(2000);
    const QString conf = writeConfigFile(f.database().dir(), config);
    {
        exchange::SimProcess slow({QStringLiteral("--state-dir"), state.path(), QStringLiteral("--fault"), QStringLiteral("delay"),
                                   QStringLiteral("--delay-ms"), QStringLiteral("4000")});
        ASSERT_TRUE(slow.started());
        QProcess engine;
        engine.start(syncd(), {QStringLiteral("--db"), f.database().url(), QStringLiteral("--security-server"), slow.url(),
                               QStringLiteral("--config"), conf, QStringLiteral("--once")});
        ASSERT_TRUE(engine.waitForStarted());
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        engine.kill();  // SIGKILL mid-cycle
        engine.waitForFinished();
        int inFlight = 0;
        for (const auto &i : f.items())
            inFlight += i.state == OutboxState::InFlight ? 1 : 0;
        EXPECT_GT(inFlight, 0) << "the killed engine left claimed items";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));  // the lease runs out
    exchange::SimProcess healthy({QStringLiteral("--state-dir"), state.path()});
    ASSERT_TRUE(healthy.started());
    const ProcessResult r = once(f, healthy.url(), conf);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const auto acted = simActions(state.path());
    for (const auto &i : f.items()) {
        EXPECT_EQ(i.state, OutboxState::Done) << i.lastError.toStdString();
        EXPECT_EQ(acted.value(i.messageId), 1) << "acted once although sent twice";
    }
}

TEST_P(SyncdProcessTest, SigtermFinishesInFlightAndReturnsTheRest)
{
    OutboxFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    for (int i = 0; i < 6; ++i)
        f.registerCase(kResidence, 600 + i);
    exchange::SimProcess slow({QStringLiteral("--fault"), QStringLiteral("delay"), QStringLiteral("--delay-ms"), QStringLiteral("700")});
    ASSERT_TRUE(slow.started());
    auto config = syncConfig(slow.url());
    config.concurrency = 1;
    const QString conf = writeConfigFile(f.database().dir(), config);
    QProcess daemon;
    daemon.start(syncd(), {QStringLiteral("--db"), f.database().url(), QStringLiteral("--config"), conf,
                           QStringLiteral("--security-server"), slow.url()});
    ASSERT_TRUE(daemon.waitForStarted());
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    daemon.terminate();  // SIGTERM
    ASSERT_TRUE(daemon.waitForFinished(15000));
    EXPECT_EQ(daemon.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(daemon.exitCode(), 0) << daemon.readAllStandardError().toStdString();
    int done = 0;
    int returned = 0;
    for (const auto &i : f.items()) {
        EXPECT_NE(i.state, OutboxState::InFlight) << "nothing left claimed";
        done += i.state == OutboxState::Done ? 1 : 0;
        if (i.state == OutboxState::Pending) {
            ++returned;
            EXPECT_EQ(i.attempts, 0) << "a returned item's attempt does not count";
        }
    }
    EXPECT_GE(done, 1) << "the item on the wire finished";
    EXPECT_GE(returned, 1) << "the rest went back to the outbox";
}

TEST_P(SyncdProcessTest, MutualTlsEndToEnd)
{
    const exchange::Certs &c = exchange::certs();
    ASSERT_TRUE(c.error.isEmpty()) << c.error.toStdString();
    OutboxFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    QTemporaryDir state;
    exchange::SimProcess sim({QStringLiteral("--state-dir"), state.path(), QStringLiteral("--tls-cert"), c.serverCert,
                              QStringLiteral("--tls-key"), c.serverKey, QStringLiteral("--client-ca"), c.caCert});
    ASSERT_TRUE(sim.started()) << sim.output().toStdString();
    const QString url = sim.url(true, QStringLiteral("localhost"));
    f.registerCase(kResidence, 700);

    // A client certificate the server does not trust: nothing is delivered.
    auto rogue = syncConfig(url);
    rogue.transport.tls.caFile = c.caCert;
    rogue.transport.tls.certFile = c.rogueClientCert;
    rogue.transport.tls.keyFile = c.rogueClientKey;
    QTemporaryDir rogueDir;
    ASSERT_EQ(once(f, url, writeConfigFile(rogueDir.path(), rogue)).exitCode, 0);
    EXPECT_NE(f.items().first().state, OutboxState::Done);
    EXPECT_TRUE(simActions(state.path()).isEmpty());

    auto good = rogue;
    good.transport.tls.certFile = c.clientCert;
    good.transport.tls.keyFile = c.clientKey;
    QTemporaryDir goodDir;
    const QString conf = writeConfigFile(goodDir.path(), good);
    if (f.items().first().state == OutboxState::Dead) {
        ASSERT_EQ(runProcess(cnapctl(), {QStringLiteral("--db"), f.database().url(), QStringLiteral("exchange"), QStringLiteral("requeue"),
                                         f.items().first().messageId}).exitCode, 0);
    }
    for (int i = 0; i < 10 && f.items().first().state != OutboxState::Done; ++i) {
        const ProcessResult r = once(f, url, conf);
        ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    }
    EXPECT_EQ(f.items().first().state, OutboxState::Done) << f.items().first().lastError.toStdString();
    EXPECT_EQ(simActions(state.path()).value(f.items().first().messageId), 1);
}

CNAP_INSTANTIATE_FOR_BACKENDS(SyncdProcessTest);

TEST(SyncdCliTest, UsageAndConfigurationErrors)
{
    EXPECT_EQ(runProcess(syncd(), {QStringLiteral("--help")}).exitCode, 0);
    const ProcessResult noDb = runProcess(syncd(), {QStringLiteral("--once"), QStringLiteral("--config"), QStringLiteral("/nonexistent.conf")});
    EXPECT_NE(noDb.exitCode, 0);
    EXPECT_TRUE(noDb.err.contains(QStringLiteral("cannot read configuration file"))) << noDb.err.toStdString();
}

} // namespace
} // namespace cnap::test::outbox
