// Exchange health for the supervisor's deadline page: outbox backlog, dead letters
// with their reasons, the last successful delivery per registry service; roles.
#include "OutboxFixture.h"

#include "services/ExchangeService.h"

#include <QDateTime>

#include <gtest/gtest.h>

namespace cnap::test::outbox {
namespace {

class ExchangeHealthTest : public ::testing::TestWithParam<Backend> {};

TEST_P(ExchangeHealthTest, BacklogDeadLettersAndLastDeliveryPerRegistry)
{
    OutboxFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    services::ExchangeService svc(f.database().database());
    const Actor supervisor{3, QStringLiteral("boss"), Role::Supervisor, {}};
    // Nothing sent yet: no registry has a last delivery.
    auto empty = svc.health(supervisor);
    ASSERT_TRUE(empty) << empty.error().describe().toStdString();
    EXPECT_TRUE(empty->lastDelivered.isEmpty());
    EXPECT_TRUE(empty->dead.isEmpty());

    for (int i = 0; i < 3; ++i)
        ASSERT_FALSE(f.registerCase(kResidence, 20 + i).isEmpty());
    for (int i = 0; i < 2; ++i)
        ASSERT_FALSE(f.registerCase(kSocial, 30 + i).isEmpty());
    storage::OutboxRepository repo(f.database().database());
    const qint64 now = QDateTime::currentMSecsSinceEpoch() + 1000;
    auto claim = repo.claim(10, now, 60'000, QStringLiteral("test"));
    ASSERT_TRUE(claim);
    ASSERT_EQ(claim->items.size(), 5);
    // Two residence items delivered (the later one counts), one social item dead, the rest in flight.
    QList<qint64> residence, social;
    for (const storage::OutboxItem &it : claim->items)
        (it.serviceCode == QStringLiteral("RegisterResidence") ? residence : social) << it.id;
    ASSERT_EQ(residence.size(), 3);
    ASSERT_EQ(social.size(), 2);
    EXPECT_TRUE(repo.markDone(residence[0], claim->token, now + 100, QStringLiteral("R-1"), {}).value());
    EXPECT_TRUE(repo.markDone(residence[1], claim->token, now + 900, QStringLiteral("R-2"), {}).value());
    EXPECT_TRUE(repo.markDead(social[0], claim->token, now + 500, QStringLiteral("Client.BadRequest: немає РНОКПП")).value());

    auto h = svc.health(supervisor);
    ASSERT_TRUE(h) << h.error().describe().toStdString();
    EXPECT_EQ(h->counts.done, 2);
    EXPECT_EQ(h->counts.dead, 1);
    EXPECT_EQ(h->counts.inFlight, 2);
    ASSERT_EQ(h->dead.size(), 1);
    EXPECT_EQ(h->dead.first().id, social[0]);
    EXPECT_TRUE(h->dead.first().lastError.contains(QStringLiteral("немає РНОКПП")));
    ASSERT_EQ(h->lastDelivered.size(), 1);  // the social registry has had no success yet
    EXPECT_EQ(h->lastDelivered.first().serviceCode, QStringLiteral("RegisterResidence"));
    EXPECT_EQ(h->lastDelivered.first().lastDoneMs, now + 900);
    EXPECT_EQ(h->lastDelivered.first().delivered, 2);

    EXPECT_TRUE(repo.markDone(social[1], claim->token, now + 1200, QStringLiteral("S-1"), {}).value());
    auto last = svc.lastDeliveries(supervisor);
    ASSERT_TRUE(last);
    ASSERT_EQ(last->size(), 2);
    EXPECT_EQ(last->at(1).serviceCode, QStringLiteral("SubmitSocialApplication"));
    EXPECT_EQ(last->at(1).lastDoneMs, now + 1200);
}

TEST_P(ExchangeHealthTest, OnlySupervisionMaySeeIt)
{
    OutboxFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    services::ExchangeService svc(f.database().database());
    const Actor clerk{2, QStringLiteral("clerk1"), Role::Clerk, {}};
    const Actor kiosk{4, QStringLiteral("kiosk"), Role::Kiosk, {}};
    const Actor admin{5, QStringLiteral("root"), Role::Admin, {}};
    EXPECT_EQ(svc.lastDeliveries(clerk).error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(svc.health(clerk).error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(svc.lastDeliveries(kiosk).error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(svc.health(kiosk).error().code, ErrorCode::PermissionDenied);
    // The administrator sees delivery times (no personal data) but not the dead
    // letters, which name cases.
    EXPECT_TRUE(svc.lastDeliveries(admin));
    EXPECT_EQ(svc.health(admin).error().code, ErrorCode::PermissionDenied);
}

} // namespace

CNAP_INSTANTIATE_FOR_BACKENDS(ExchangeHealthTest);

} // namespace cnap::test::outbox
