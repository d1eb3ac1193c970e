// The sync engine in process against cnap-registry-sim: injected faults, exactly
// one action per message id, dead letters, result polling, online applications,
// two engines at once.  Both backends.
#include "OutboxFixture.h"

#include "ExchangeFixtures.h"

#include "crypto/Hash.h"
#include "exchange/sync/SyncEngine.h"
#include "services/ExchangeService.h"
#include "storage/CaseRepository.h"
#include "storage/MessageLogRepository.h"

#include <QSet>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <thread>

namespace cnap::test::outbox {
namespace {

using ::cnap::exchange::sync::SyncEngine;
using storage::OutboxState;

::cnap::exchange::sync::TransportFactory plainTransport(const ::cnap::exchange::sync::SyncConfig &c)
{
    const net::TransportConfig t = c.transport;
    return [t] { return net::makeHttpTransport(t); };
}

class SyncSimTest : public ::testing::TestWithParam<Backend> {
protected:
    static bool settled(OutboxFixture &f)
    {
        for (const auto &i : f.items()) {
            if (i.state == OutboxState::Pending || i.state == OutboxState::InFlight)
                return false;
        }
        return true;
    }
    static void runUntilSettled(OutboxFixture &f, SyncEngine &engine, int maxCycles = 80)
    {
        for (int i = 0; i < maxCycles && !settled(f); ++i) {
            auto r = engine.sendDue();
            ASSERT_TRUE(r) << r.error().describe().toStdString();
            if (!settled(f))
                std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
        ASSERT_TRUE(settled(f));
    }
};

TEST_P(SyncSimTest, EveryItemDeliveredOnceUnderInjectedFaults)
{
    OutboxFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    QTemporaryDir state;
    exchange::SimProcess sim({QStringLiteral("--state-dir"), state.path(), QStringLiteral("--fault"), QStringLiteral("drop"),
                              QStringLiteral("--fault"), QStringLiteral("http500"), QStringLiteral("--fault"), QStringLiteral("server-fault"),
                              QStringLiteral("--fault"), QStringLiteral("delay"), QStringLiteral("--fault"), QStringLiteral("duplicate"),
                              QStringLiteral("--fault-rate"), QStringLiteral("0.3"), QStringLiteral("--delay-ms"), QStringLiteral("150"),
                              QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--decision-delay-ms"), QStringLiteral("0")});
    ASSERT_TRUE(sim.started()) << sim.output().toStdString();
    QStringList numbers;
    for (int i = 0; i < 16; ++i)
        numbers << f.registerCase(i % 4 == 3 ? kSocial : kResidence, 100 + i);
    // One social application without documents: the simulated register refuses it later.
    numbers << f.registerCase(kSocial, 200, false);
    const auto queued = f.items();
    ASSERT_EQ(queued.size(), numbers.size());

    auto config = syncConfig(sim.url());
    config.documentStore = f.database().dir() + QStringLiteral("/store");
    SyncEngine engine(f.database().database(), config, plainTransport(config));
    runUntilSettled(f, engine);

    const auto items = f.items();
    int retried = 0;
    QSet<QString> ids;
    for (const auto &i : items) {
        EXPECT_EQ(i.state, OutboxState::Done) << i.caseNumber.toStdString() << ": " << i.lastError.toStdString();
        EXPECT_FALSE(i.registryReference.isEmpty());
        ids.insert(i.messageId);
        retried += i.attempts > 1 ? 1 : 0;
    }
    EXPECT_EQ(ids.size(), numbers.size()) << "none lost, none merged";
    EXPECT_GT(retried, 0) << "the fault rate should have forced some retries";
    // The same id on every retry, and the registry acted exactly once per id.
    for (const auto &i : queued)
        EXPECT_TRUE(ids.contains(i.messageId));
    const auto acted = simActions(state.path());
    for (const QString &id : ids)
        EXPECT_EQ(acted.value(id), 1) << id.toStdString();
    EXPECT_EQ(acted.size(), ids.size());

    // Every attempt is in the message log under the item's id; for messages
    // without attachments the bytes sent were identical on every attempt.
    storage::MessageLogRepository log(f.database().database());
    for (const auto &i : items) {
        auto entries = log.list(0, 1000, i.messageId, true);
        ASSERT_TRUE(entries);
        QSet<QString> requestHashes;
        int requests = 0;
        for (const auto &e : entries.value()) {
            if (e.direction == QStringLiteral("request")) {
                ++requests;
                requestHashes.insert(e.sha256);
                EXPECT_EQ(crypto::sha256Hex(e.body), e.sha256);
            }
        }
        EXPECT_EQ(requests, i.attempts);
        if (i.serviceCode == QStringLiteral("RegisterResidence")) {
            EXPECT_EQ(requestHashes.size(), 1);
        }
    }

    // Registry confirmed: the cases moved on; then the decisions come in.
    for (const QString &n : numbers)
        EXPECT_EQ(f.caseState(n), CaseState::SentToProvider) << n.toStdString();
    ::cnap::exchange::sync::CycleReport report;
    for (int round = 0; round < 10; ++round) {
        ASSERT_TRUE(engine.pollResults(report));
        auto pending = storage::OutboxRepository(f.database().database()).awaitingResult(QDateTime::currentMSecsSinceEpoch() + 1, 100);
        ASSERT_TRUE(pending);
        if (pending->isEmpty())
            break;
    }
    for (qsizetype k = 0; k + 1 < numbers.size(); ++k)
        EXPECT_EQ(f.caseState(numbers[k]), CaseState::Granted) << numbers[k].toStdString();
    // Refused: the clerk sees why, in the case history.
    EXPECT_EQ(f.caseState(numbers.last()), CaseState::Refused);
    auto refused = storage::CaseRepository(f.database().database()).getByNumber(numbers.last());
    ASSERT_TRUE(refused);
    EXPECT_TRUE(refused->history.last().comment.contains(QStringLiteral("довідки про доходи"))) << refused->history.last().comment.toStdString();
    EXPECT_EQ(refused->history.last().actor, QStringLiteral("cnap-syncd"));
}

TEST_P(SyncSimTest, ClientFaultsGoDeadWithTheReasonAndRequeueDelivers)
{
    OutboxFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    QTemporaryDir state;
    QString number;
    {
        exchange::SimProcess sim({QStringLiteral("--state-dir"), state.path(), QStringLiteral("--fault"), QStringLiteral("client-fault")});
        ASSERT_TRUE(sim.started());
        number = f.registerCase(kResidence, 1);
        auto config = syncConfig(sim.url());
        SyncEngine engine(f.database().database(), config, plainTransport(config));
        auto r = engine.sendDue();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->dead, 1);
        const auto item = f.items().first();
        EXPECT_EQ(item.state, OutboxState::Dead);
        EXPECT_EQ(item.attempts, 1) << "a Client fault is not retried";
        EXPECT_TRUE(item.lastError.startsWith(QStringLiteral("Client.InvalidRequest"))) << item.lastError.toStdString();
        EXPECT_EQ(f.caseState(number), CaseState::Registered) << "refused by the exchange: the case stays for the clerk";
    }
    exchange::SimProcess healthy({QStringLiteral("--state-dir"), state.path()});
    ASSERT_TRUE(healthy.started());
    services::ExchangeService svc(f.database().database());
    const auto before = f.items().first();
    ASSERT_TRUE(svc.requeue(Actor{1, QStringLiteral("boss"), Role::Supervisor, {}}, before.id));
    auto config = syncConfig(healthy.url());
    SyncEngine engine(f.database().database(), config, plainTransport(config));
    ASSERT_TRUE(engine.sendDue());
    const auto after = f.items().first();
    EXPECT_EQ(after.state, OutboxState::Done);
    EXPECT_EQ(after.messageId, before.messageId);
    EXPECT_EQ(f.caseState(number), CaseState::SentToProvider);
}

TEST_P(SyncSimTest, UnreachableServerBacksOffThenGivesUpAfterMaxAttempts)
{
    OutboxFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    f.registerCase(kResidence, 3);
    QString url;
    {
        exchange::SimProcess sim({});
        ASSERT_TRUE(sim.started());
        url = sim.url();
    }  // stopped: connections are refused now
    auto config = syncConfig(url);
    config.maxAttempts = 3;
    config.backoffBase = std::chrono::milliseconds(200);
    config.backoffMax = std::chrono::milliseconds(200);
    SyncEngine engine(f.database().database(), config, plainTransport(config));
    ASSERT_EQ(engine.sendDue()->retried, 1);
    auto item = f.items().first();
    EXPECT_EQ(item.state, OutboxState::Pending);
    EXPECT_GE(item.nextAttemptMs - item.updatedMs, 100) << "backed off, with jitter in [base/2, base]";
    EXPECT_EQ(engine.sendDue()->claimed, 0) << "not due yet";
    for (int i = 0; i < 10 && f.items().first().state != OutboxState::Dead; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(210));
        ASSERT_TRUE(engine.sendDue());
    }
    item = f.items().first();
    EXPECT_EQ(item.state, OutboxState::Dead);
    EXPECT_EQ(item.attempts, 3);
    EXPECT_TRUE(item.lastError.startsWith(QStringLiteral("після 3 спроб"))) << item.lastError.toStdString();
}

TEST_P(SyncSimTest, TwoEnginesAtOnceNeverSendTheSameItem)
{
    OutboxFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    QTemporaryDir state;
    exchange::SimProcess sim({QStringLiteral("--state-dir"), state.path()});
    ASSERT_TRUE(sim.started());
    for (int i = 0; i < 40; ++i)
        f.registerCase(kResidence, 300 + i);
    auto config = syncConfig(sim.url());
    config.batchSize = 3;
    SyncEngine a(f.database().database(), config, plainTransport(config), Clock::system(), QStringLiteral("a"));
    SyncEngine b(f.database().database(), config, plainTransport(config), Clock::system(), QStringLiteral("b"));
    ::cnap::exchange::sync::CycleReport ra;
    ::cnap::exchange::sync::CycleReport rb;
    std::thread ta([&] { ra = a.sendDue().valueOr(::cnap::exchange::sync::CycleReport{}); });
    std::thread tb([&] { rb = b.sendDue().valueOr(::cnap::exchange::sync::CycleReport{}); });
    ta.join();
    tb.join();
    EXPECT_EQ(ra.claimed + rb.claimed, 40) << "each item claimed once";
    EXPECT_EQ(ra.done + rb.done, 40);
    EXPECT_GT(ra.claimed, 0);
    EXPECT_GT(rb.claimed, 0);
    const auto acted = simActions(state.path());
    EXPECT_EQ(acted.size(), 40);
    for (auto it = acted.constBegin(); it != acted.constEnd(); ++it)
        EXPECT_EQ(it.value(), 1);
    for (const auto &i : f.items())
        EXPECT_EQ(i.attempts, 1) << "no item was sent twice";
}

TEST_P(SyncSimTest, OnlineApplicationsReachTheIntakeListOnce)
{
    OutboxFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    exchange::SimProcess sim({});
    ASSERT_TRUE(sim.started());
    auto config = syncConfig(sim.url());
    SyncEngine engine(f.database().database(), config, plainTransport(config));
    auto r = engine.runCycle();
    ASSERT_TRUE(r) << r.error().describe().toStdString();
    EXPECT_EQ(r->onlineNew, 6);
    EXPECT_EQ(engine.runCycle()->onlineNew, 0) << "the marker moves on; nothing is stored twice";
    services::ExchangeService svc(f.database().database());
    const Actor clerk{2, QStringLiteral("clerk1"), Role::Clerk, {}};
    auto list = svc.onlineApplications(clerk);
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 6);
    EXPECT_EQ(list->first().lastName, QStringLiteral("Шевченко"));
    ASSERT_TRUE(svc.takeOnlineApplication(clerk, list->first().id));
    EXPECT_EQ(svc.takeOnlineApplication(clerk, list->first().id).error().code, ErrorCode::Conflict);
    EXPECT_EQ(svc.onlineApplications(clerk)->size(), 5);
    EXPECT_EQ(svc.onlineApplications(Actor{3, QStringLiteral("tv"), Role::Display, {}}).error().code, ErrorCode::PermissionDenied);
}

CNAP_INSTANTIATE_FOR_BACKENDS(SyncSimTest);

} // namespace
} // namespace cnap::test::outbox
