// The outbox write at registration, dead letters and re-queue, role checks,
// the daemon configuration — no network.
#include "OutboxFixture.h"

#include "ExchangeFixtures.h"

#include "exchange/sync/SyncEngine.h"
#include "services/ExchangeService.h"
#include "services/cases/OutboundMessageSink.h"
#include "storage/ApplicantRepository.h"
#include "storage/Sql.h"
#include "support/TestEnv.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace cnap::test::outbox {
namespace {

namespace xr = cnap::xml::xroad;
namespace reg = cnap::exchange::registry;

class OutboxTest : public ::testing::TestWithParam<Backend> {};

TEST_P(OutboxTest, RegistryCaseQueuesItsMessageWithTheCase)
{
    OutboxFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    const QString number = f.registerCase(kResidence, 1);
    const QString paper = f.registerCase(kPaper, 2);
    ASSERT_FALSE(number.isEmpty());
    ASSERT_FALSE(paper.isEmpty());
    const auto items = f.items();
    ASSERT_EQ(items.size(), 1) << "only the registry-routed case queues a message";
    const storage::OutboxItem &i = items.first();
    EXPECT_EQ(i.caseNumber, number);
    EXPECT_EQ(i.state, storage::OutboxState::Pending);
    EXPECT_EQ(i.serviceCode, QStringLiteral("RegisterResidence"));
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")).match(i.messageId).hasMatch())
        << i.messageId.toStdString();
    EXPECT_TRUE(i.request.isEmpty()) << "sealed only at the first claim";

    // The sealed request: valid X-Road header, the body valid against its schema,
    // the queued id and the case number in `issue`.
    auto bytes = ::cnap::exchange::sync::SyncEngine::seal(i, syncConfig(QStringLiteral("http://127.0.0.1:1")));
    ASSERT_TRUE(bytes) << bytes.error().describe().toStdString();
    auto doc = xml::Document::parse(bytes.value());
    ASSERT_TRUE(doc);
    EXPECT_TRUE(exchange::messageSchema().validate(doc.value())) << bytes->constData();
    auto msg = xr::parseMessage(bytes.value());
    ASSERT_TRUE(msg);
    EXPECT_EQ(msg->header.id.value_or(QString()), i.messageId);
    EXPECT_EQ(msg->header.issue.value_or(QString()), number);
    EXPECT_TRUE(exchange::bodySchema(reg::Service::RegisterResidence).validate(msg->body));
    // Sealing is deterministic: a retry after a crash sends the same bytes.
    EXPECT_EQ(::cnap::exchange::sync::SyncEngine::seal(i, syncConfig(QStringLiteral("http://127.0.0.1:1"))).value(), bytes.value());
}

class FailingSink final : public services::OutboundMessageSink {
public:
    Status enqueue(storage::Transaction &, const services::OutboundCaseMessage &) override
    {
        return Error::make(ErrorCode::Database, QStringLiteral("outbox unavailable"));
    }
};

TEST_P(OutboxTest, FailingOutboxRollsTheWholeRegistrationBack)
{
    OutboxFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    FailingSink sink;
    services::CaseServiceOptions o;
    o.outbound = &sink;
    services::CaseService cases(f.database().database(), std::make_shared<storage::DocumentStore>(f.database().dir() + QStringLiteral("/s2")), o);
    services::RegistrationRequest r;
    r.applicant.candidate = residentPerson(5);
    r.serviceCode = kResidence;
    r.allProvided = true;
    r.objectAddress = QStringLiteral("м. Харків, вул. Сумська, 25");
    auto res = cases.registerCase(Actor::system(), r);
    ASSERT_FALSE(res);
    auto n = storage::execOne(f.database().database()->db(), QStringLiteral("SELECT COUNT(*) FROM cases"));
    ASSERT_TRUE(n);
    EXPECT_EQ(n->value(0).toInt(), 0) << "no case without its message";
    EXPECT_TRUE(f.items().isEmpty());
}

TEST_P(OutboxTest, MissingRegistryDataIsADeadLetterNamingTheFieldAndRequeueRebuildsIt)
{
    OutboxFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    services::RegistrationRequest r;
    Applicant a = residentPerson(7);
    a.address.katottg.clear();
    r.applicant.candidate = a;
    r.serviceCode = kResidence;
    r.allProvided = true;
    r.objectAddress = QStringLiteral("м. Харків, вул. Сумська, 25");
    auto res = f.cases().registerCase(Actor::system(), r);
    ASSERT_TRUE(res) << res.error().describe().toStdString();
    auto items = f.items();
    ASSERT_EQ(items.size(), 1);
    EXPECT_EQ(items.first().state, storage::OutboxState::Dead);
    EXPECT_TRUE(items.first().lastError.startsWith(QStringLiteral("address.katottg: "))) << items.first().lastError.toStdString();
    EXPECT_TRUE(items.first().payload.isEmpty());

    services::ExchangeService svc(f.database().database());
    Actor clerk{2, QStringLiteral("clerk1"), Role::Clerk, {}};
    Actor boss{3, QStringLiteral("boss"), Role::Supervisor, {}};
    // A clerk sees the reason but may not re-queue.
    auto mine = svc.caseExchange(clerk, res->details.summary.number);
    ASSERT_TRUE(mine);
    EXPECT_EQ(mine->size(), 1);
    EXPECT_EQ(svc.requeue(clerk, items.first().id).error().code, ErrorCode::PermissionDenied);
    // Still missing: the re-queue is refused with the same field.
    auto again = svc.requeue(boss, items.first().id);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().field, QStringLiteral("address.katottg"));

    // Fixed on the applicant's record: the re-queue rebuilds the payload.
    storage::ApplicantRepository applicants(f.database().database());
    auto stored = applicants.get(res->details.summary.applicantId);
    ASSERT_TRUE(stored);
    Applicant fixed = stored.value();
    fixed.address.katottg = QStringLiteral("UA63120270010096107");
    ASSERT_TRUE(applicants.update(fixed));
    ASSERT_TRUE(svc.requeue(boss, items.first().id));
    items = f.items();
    EXPECT_EQ(items.first().state, storage::OutboxState::Pending);
    EXPECT_EQ(items.first().attempts, 0);
    EXPECT_FALSE(items.first().payload.isEmpty());
    // Re-queueing a pending item is a conflict, not a silent success.
    EXPECT_EQ(svc.requeue(boss, items.first().id).error().code, ErrorCode::Conflict);
    EXPECT_EQ(svc.requeue(boss, 999999).error().code, ErrorCode::NotFound);
}

TEST_P(OutboxTest, RoleChecks)
{
    OutboxFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    services::ExchangeService svc(f.database().database());
    const Actor clerk{2, QStringLiteral("clerk1"), Role::Clerk, {}};
    const Actor kiosk{4, QStringLiteral("kiosk"), Role::Kiosk, {}};
    const Actor admin{5, QStringLiteral("root"), Role::Admin, {}};
    EXPECT_EQ(svc.messageLog(clerk).error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(svc.outbox(kiosk).error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(svc.purgeLog(clerk, 1).error().code, ErrorCode::PermissionDenied);
    EXPECT_TRUE(svc.messageLog(admin));
    EXPECT_EQ(svc.purgeLog(admin, -1).error().field, QStringLiteral("days"));
    // Sync now without a configured exchange says so instead of failing later.
    EXPECT_EQ(svc.syncNow(clerk).error().code, ErrorCode::Unsupported);
    EXPECT_EQ(svc.syncNow(kiosk).error().code, ErrorCode::PermissionDenied);
}

TEST_P(OutboxTest, ClaimsNeverOverlapAndLeasesExpire)
{
    OutboxFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    for (int i = 0; i < 6; ++i)
        ASSERT_FALSE(f.registerCase(kResidence, 10 + i).isEmpty());
    storage::OutboxRepository repo(f.database().database());
    const qint64 now = QDateTime::currentMSecsSinceEpoch() + 1000;
    auto a = repo.claim(4, now, 5000, QStringLiteral("a"));
    auto b = repo.claim(4, now, 5000, QStringLiteral("b"));
    ASSERT_TRUE(a);
    ASSERT_TRUE(b);
    EXPECT_EQ(a->items.size(), 4);
    EXPECT_EQ(b->items.size(), 2);
    for (const auto &x : a->items)
        for (const auto &y : b->items)
            EXPECT_NE(x.id, y.id);
    // Nothing left until the leases run out; then engine c takes all six back.
    EXPECT_TRUE(repo.claim(10, now + 4000, 5000, QStringLiteral("c"))->items.isEmpty());
    auto c = repo.claim(10, now + 5001, 5000, QStringLiteral("c"));
    ASSERT_TRUE(c);
    EXPECT_EQ(c->items.size(), 6);
    // The crashed engine's late outcome is fenced off.
    EXPECT_FALSE(repo.markDone(a->items.first().id, a->token, now + 6000, {}, {}).value());
    EXPECT_TRUE(repo.markDone(a->items.first().id, c->token, now + 6000, {}, {}).value());
    EXPECT_EQ(repo.get(a->items.first().id)->attempts, 2);
    // Returned at shutdown: the attempt does not count.
    auto released = repo.release(c->token, {c->items[1].id}, now + 6000);
    ASSERT_TRUE(released);
    EXPECT_EQ(released.value(), 1);
    EXPECT_EQ(repo.get(c->items[1].id)->state, storage::OutboxState::Pending);
    EXPECT_EQ(repo.get(c->items[1].id)->attempts, 1);
}

CNAP_INSTANTIATE_FOR_BACKENDS(OutboxTest);

TEST(SyncConfigTest, ReadsTheShippedConfigAndNamesBadKeys)
{
    auto shipped = ::cnap::exchange::sync::SyncConfig::load(sourceDir() + QStringLiteral("/installer/linux/syncd.conf"));
    ASSERT_TRUE(shipped) << shipped.error().describe().toStdString();
    EXPECT_EQ(shipped->client.instance, QStringLiteral("SEVDEIR-TEST"));
    EXPECT_EQ(shipped->client.memberClass, QStringLiteral("GOV"));
    EXPECT_TRUE(shipped->providers.contains(QStringLiteral("RegisterResidence")));
    EXPECT_EQ(shipped->workDays, (QList<int>{1, 2, 3, 4, 5}));

    QTemporaryDir dir;
    const auto write = [&dir](const QByteArray &text) {
        QFile f(dir.filePath(QStringLiteral("c.conf")));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        return f.fileName();
    };
    EXPECT_EQ(::cnap::exchange::sync::SyncConfig::load(write("[sync]\nconcurrency = 0\n")).error().field, QStringLiteral("sync/concurrency"));
    EXPECT_EQ(::cnap::exchange::sync::SyncConfig::load(write("[schedule]\nworking_hours = 20:00-08:00\n")).error().field,
              QStringLiteral("schedule/working_hours"));
    EXPECT_EQ(::cnap::exchange::sync::SyncConfig::load(write("[security_server]\nverify_hostname = maybe\n")).error().field,
              QStringLiteral("security_server/verify_hostname"));
    auto ok = ::cnap::exchange::sync::SyncConfig::load(write("[security_server]\nurl = https://ss.local/\n[client]\nmember_code = 12345678\n"));
    ASSERT_TRUE(ok);
    // https without a CA, and a member code that is no ЄДРПОУ: refused before running.
    EXPECT_EQ(ok->validate().error().field, QStringLiteral("security_server/ca_file"));
    auto c = syncConfig(QStringLiteral("http://x/"));
    c.client.memberCode = QStringLiteral("1234567");
    EXPECT_EQ(c.validate().error().field, QStringLiteral("client/member_code"));
    EXPECT_TRUE(syncConfig(QStringLiteral("http://x/")).validate());
}

TEST(SyncConfigTest, BackoffGrowsWithJitterAndIsCapped)
{
    ::cnap::exchange::sync::SyncConfig c;
    c.backoffBase = std::chrono::milliseconds(1000);
    c.backoffMax = std::chrono::milliseconds(8000);
    for (int i = 0; i < 50; ++i) {
        const qint64 first = ::cnap::exchange::sync::SyncEngine::backoffMs(c, 1);
        EXPECT_GE(first, 500);
        EXPECT_LE(first, 1000);
        const qint64 third = ::cnap::exchange::sync::SyncEngine::backoffMs(c, 3);
        EXPECT_GE(third, 2000);
        EXPECT_LE(third, 4000);
        const qint64 late = ::cnap::exchange::sync::SyncEngine::backoffMs(c, 30);
        EXPECT_GE(late, 4000);
        EXPECT_LE(late, 8000);
    }
}

} // namespace
} // namespace cnap::test::outbox
