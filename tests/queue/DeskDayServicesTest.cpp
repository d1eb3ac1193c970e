// The supervisor's reassignment of a desk's services for the day (migration 0510):
// routing follows it today, the usual set is back tomorrow by itself (also after a
// restart), only a supervisor or an administrator may make it, bad input names its field.

#include "QueueFixture.h"

using namespace cnap;
using namespace cnap::queue;
using cnap::test::kS1;
using cnap::test::kS2;
using cnap::test::kS3;

namespace {

Actor supervisor()
{
    Actor a;
    a.login = QStringLiteral("boss");
    a.role = Role::Supervisor;
    return a;
}

QStringList servicesOf(services::QueueService &queue, const QString &desk)
{
    auto desks = queue.desks(Actor::system());
    EXPECT_TRUE(desks.ok());
    if (desks.ok()) {
        for (const Desk &d : desks.value()) {
            if (d.name == desk)
                return d.serviceCodes;
        }
    }
    return {};
}

} // namespace

class DeskDayServicesTest : public cnap::test::QueueFixture {};

TEST_P(DeskDayServicesTest, ReassignmentRoutesCallsTodayAndEndsTomorrow)
{
    const QString a1 = issue(kS1);  // А-001, queue А
    const QString b1 = issue(kS3);  // Б-001, queue Б
    // Desk 2 usually serves Б only; today the supervisor sends it to queue А's service 10001.
    auto r = service->reassignDeskForToday(supervisor(), QStringLiteral("2"), {kS1});
    ASSERT_TRUE(r.ok()) << r.error().describe().toStdString();
    EXPECT_EQ(servicesOf(*service, QStringLiteral("2")), QStringList{kS1});
    // The claim follows it (PostgreSQL: the one-statement fast path) …
    EXPECT_EQ(call(QStringLiteral("2")), a1);
    finish(QStringLiteral("2"));
    EXPECT_EQ(call(QStringLiteral("2")), QString());  // Б-001 is no longer desk 2's today
    // … and so does the transactional path and its "only this service" check.
    const QString a2 = issue(kS1);
    auto only = service->callNext(Actor::system(), QStringLiteral("2"), kS1);
    ASSERT_TRUE(only.ok()) << only.error().describe().toStdString();
    ASSERT_TRUE(only.value().has_value());
    EXPECT_EQ(only.value()->number, a2);
    finish(QStringLiteral("2"));
    auto notToday = service->callNext(Actor::system(), QStringLiteral("2"), kS3);
    ASSERT_FALSE(notToday.ok());
    EXPECT_EQ(notToday.error().field, QStringLiteral("service"));
    // Other desks are untouched; the live board shows today's set.
    EXPECT_EQ(servicesOf(*service, QStringLiteral("1")), (QStringList{kS1, kS2}));
    auto board = service->board(Actor::system());
    ASSERT_TRUE(board.ok());
    for (const DeskSnapshot &d : board->desks) {
        if (d.name == QStringLiteral("2")) {
            EXPECT_EQ(d.serviceCodes, QStringList{kS1});
        }
    }
    // The change is in the queue's log: who, which desk, what for which day.
    auto ev = service->events(Actor::system(), 0, 1000);
    ASSERT_TRUE(ev.ok());
    bool logged = false;
    for (const QueueEvent &e : ev.value())
        logged = logged
                 || (e.kind == QStringLiteral("configured") && e.deskName == QStringLiteral("2") && e.clerk == QStringLiteral("boss")
                     && e.detail.contains(QStringLiteral("2026-03-02")) && e.detail.contains(kS1));
    EXPECT_TRUE(logged);

    // The next working day: the usual set again, in this process and in a fresh one.
    clock.set(QDateTime(QDate(2026, 3, 3), QTime(9, 0)));
    EXPECT_EQ(servicesOf(*service, QStringLiteral("2")), QStringList{kS3});
    services::QueueService restarted(db->database(), clock);
    EXPECT_EQ(servicesOf(restarted, QStringLiteral("2")), QStringList{kS3});
    const QString a3 = issue(kS1);
    EXPECT_EQ(call(QStringLiteral("2")), QString());  // 10001 is not desk 2's any more
    const QString b2 = issue(kS3);
    auto next = restarted.callNext(Actor::system(), QStringLiteral("2"));
    ASSERT_TRUE(next.ok());
    ASSERT_TRUE(next.value().has_value());
    EXPECT_EQ(next.value()->number, b2);
    EXPECT_EQ(call(QStringLiteral("1")), a3);
    Q_UNUSED(b1);
}

TEST_P(DeskDayServicesTest, GivingTheUsualSetBackEndsTheReassignment)
{
    ASSERT_TRUE(service->reassignDeskForToday(supervisor(), QStringLiteral("1"), {kS3}).ok());
    EXPECT_EQ(servicesOf(*service, QStringLiteral("1")), QStringList{kS3});
    ASSERT_TRUE(service->reassignDeskForToday(supervisor(), QStringLiteral("1"), {kS2, kS1}).ok());
    EXPECT_EQ(servicesOf(*service, QStringLiteral("1")), (QStringList{kS1, kS2}));
    const QString a1 = issue(kS1);
    EXPECT_EQ(call(QStringLiteral("1")), a1);
    // The permanent setting stays the administrator's saveDesk.
    Actor admin;
    admin.login = QStringLiteral("admin");
    admin.role = Role::Admin;
    ASSERT_TRUE(service->reassignDeskForToday(admin, QStringLiteral("3"), {kS3}).ok());
    EXPECT_EQ(servicesOf(*service, QStringLiteral("3")), QStringList{kS3});
}

TEST_P(DeskDayServicesTest, ClerkIsRefusedAndBadInputNamesTheField)
{
    Actor clerk;
    clerk.login = QStringLiteral("clerk2");
    clerk.role = Role::Clerk;
    clerk.desk = QStringLiteral("2");
    auto refused = service->reassignDeskForToday(clerk, QStringLiteral("2"), {kS1});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(servicesOf(*service, QStringLiteral("2")), QStringList{kS3});

    auto unknownDesk = service->reassignDeskForToday(supervisor(), QStringLiteral("99"), {kS1});
    ASSERT_FALSE(unknownDesk.ok());
    EXPECT_EQ(unknownDesk.error().field, QStringLiteral("desk"));
    EXPECT_TRUE(unknownDesk.error().message.contains(QStringLiteral("99")));
    auto unknownService = service->reassignDeskForToday(supervisor(), QStringLiteral("2"), {kS1, QStringLiteral("77777")});
    ASSERT_FALSE(unknownService.ok());
    EXPECT_EQ(unknownService.error().field, QStringLiteral("service"));
    EXPECT_TRUE(unknownService.error().message.contains(QStringLiteral("77777")));
    auto none = service->reassignDeskForToday(supervisor(), QStringLiteral("2"), {});
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().field, QStringLiteral("services"));
    auto noDesk = service->reassignDeskForToday(supervisor(), QStringLiteral(" "), {kS1});
    ASSERT_FALSE(noDesk.ok());
    EXPECT_EQ(noDesk.error().field, QStringLiteral("desk"));
    // Nothing was half-applied.
    EXPECT_EQ(servicesOf(*service, QStringLiteral("2")), QStringList{kS3});
    EXPECT_EQ(eventCount(QStringLiteral("configured")) > 0, true);
}

CNAP_INSTANTIATE_FOR_BACKENDS(DeskDayServicesTest);
