#include "QueueFixture.h"

#include "storage/Sql.h"

using namespace cnap;
using namespace cnap::queue;
using cnap::test::kS1;
using cnap::test::kS2;
using cnap::test::kS3;

class QueueServiceTest : public cnap::test::QueueFixture {};

TEST_P(QueueServiceTest, NumbersRunPerQueuePerDayAndResetNextDay)
{
    EXPECT_EQ(issue(kS1), QStringLiteral("А-001"));
    EXPECT_EQ(issue(kS2), QStringLiteral("А-002"));
    EXPECT_EQ(issue(kS3), QStringLiteral("Б-001"));
    EXPECT_EQ(issue(kS1, QStringLiteral("disability")), QStringLiteral("АП-001"));
    EXPECT_EQ(issue(kS1), QStringLiteral("А-003"));
    clock.advanceSecs(24 * 3600);
    EXPECT_EQ(issue(kS1), QStringLiteral("А-001"));
    EXPECT_EQ(issue(kS1, QStringLiteral("serviceman")), QStringLiteral("АП-001"));
    // Yesterday's leftovers are not called today.
    EXPECT_EQ(call(QStringLiteral("1")), QStringLiteral("АП-001"));
    finish(QStringLiteral("1"));
    EXPECT_EQ(call(QStringLiteral("1")), QStringLiteral("А-001"));
    finish(QStringLiteral("1"));
    EXPECT_EQ(call(QStringLiteral("1")), QString());
}

TEST_P(QueueServiceTest, CallOrderIsBookedNowThenPriorityThenLongestWaiting)
{
    // A booking for 10:30 made the week before.
    clock.set(QDateTime(QDate(2026, 2, 27), QTime(12, 0)));
    auto booking = service->book(Actor::system(), {kS1, QDateTime(QDate(2026, 3, 2), QTime(10, 30)), QStringLiteral("1234567890")});
    ASSERT_TRUE(booking.ok()) << booking.error().describe().toStdString();
    clock.set(QDateTime(QDate(2026, 3, 2), QTime(10, 0)));
    const QString r1 = issue(kS1);
    clock.advanceSecs(60);
    const QString r2 = issue(kS2);
    clock.advanceSecs(60);
    auto checked = service->checkIn(Actor::system(), booking->code);  // 10:02, early: waits for the slot
    ASSERT_TRUE(checked.ok()) << checked.error().describe().toStdString();
    EXPECT_EQ(checked->ticket.kind, TicketKind::Booked);
    const QString p1 = issue(kS1, QStringLiteral("disability"));
    EXPECT_EQ(call(QStringLiteral("1")), p1);        // priority first; the booking is not due yet
    finish(QStringLiteral("1"));
    EXPECT_EQ(call(QStringLiteral("1")), r1);        // then the longest-waiting regular
    finish(QStringLiteral("1"));
    clock.set(QDateTime(QDate(2026, 3, 2), QTime(10, 30)));
    EXPECT_EQ(call(QStringLiteral("1")), checked->ticket.number);  // at the slot: ahead of walk-ins
    finish(QStringLiteral("1"));
    EXPECT_EQ(call(QStringLiteral("1")), r2);
    finish(QStringLiteral("1"));
    EXPECT_EQ(call(QStringLiteral("1")), QString());
    // Desk 2 serves only Б: it never saw any of these.
    EXPECT_EQ(eventCount(QStringLiteral("called")), 4);
}

TEST_P(QueueServiceTest, AntiStarvationLetsARegularVisitorThroughAfterKPriorityCalls)
{
    services::QueueSettings s;
    s.antiStarvation.maxPriorityInRow = 2;
    s.antiStarvation.regularWaitThresholdSecs = 10 * 60;
    ASSERT_TRUE(service->saveSettings(Actor::system(), s).ok());
    const QString regular = issue(kS1);
    QStringList priority;
    for (int i = 0; i < 4; ++i)
        priority << issue(kS1, QStringLiteral("serviceman"));
    clock.advanceSecs(15 * 60);  // the regular visitor has waited longer than T
    EXPECT_EQ(call(QStringLiteral("1")), priority[0]);
    finish(QStringLiteral("1"));
    EXPECT_EQ(call(QStringLiteral("1")), priority[1]);
    finish(QStringLiteral("1"));
    EXPECT_EQ(call(QStringLiteral("1")), regular);   // K = 2 reached: the starving regular goes now
    finish(QStringLiteral("1"));
    EXPECT_EQ(call(QStringLiteral("1")), priority[2]);
    finish(QStringLiteral("1"));
}

TEST_P(QueueServiceTest, AntiStarvationDoesNotApplyWhileRegularWaitIsShort)
{
    services::QueueSettings s;
    s.antiStarvation.maxPriorityInRow = 1;
    s.antiStarvation.regularWaitThresholdSecs = 30 * 60;
    ASSERT_TRUE(service->saveSettings(Actor::system(), s).ok());
    const QString regular = issue(kS1);
    const QString p1 = issue(kS1, QStringLiteral("serviceman"));
    const QString p2 = issue(kS1, QStringLiteral("disability"));
    clock.advanceSecs(5 * 60);
    EXPECT_EQ(call(QStringLiteral("1")), p1);
    finish(QStringLiteral("1"));
    EXPECT_EQ(call(QStringLiteral("1")), p2);        // regular waited only 5 min < T
    finish(QStringLiteral("1"));
    EXPECT_EQ(call(QStringLiteral("1")), regular);
}

TEST_P(QueueServiceTest, PriorityIsLimitedToOncePerDayPerServicePerPerson)
{
    const QString person = QStringLiteral("3012345678");
    EXPECT_EQ(issue(kS1, QStringLiteral("disability"), person), QStringLiteral("АП-001"));
    services::IssueRequest again;
    again.serviceCodes = {kS1};
    again.priority = true;
    again.priorityCategory = QStringLiteral("disability");
    again.personId = QStringLiteral("30 1234 5678");  // the same person, typed differently
    auto second = service->issueTicket(Actor::system(), again);
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().field, QStringLiteral("priority"));
    EXPECT_EQ(second.error().code, ErrorCode::Conflict);
    // Nothing changed: the number was not consumed, no ticket, no event.
    EXPECT_EQ(issue(kS1, QStringLiteral("disability"), QStringLiteral("other")), QStringLiteral("АП-002"));
    EXPECT_EQ(eventCount(QStringLiteral("issued")), 2);
    // Another service the same day is fine; the same service the next day too.
    EXPECT_EQ(issue(kS2, QStringLiteral("disability"), person), QStringLiteral("АП-003"));
    clock.advanceSecs(24 * 3600);
    EXPECT_EQ(issue(kS1, QStringLiteral("disability"), person), QStringLiteral("АП-001"));
    // The identifier itself is never stored in the queue tables.
    auto conn = db->database()->db();
    auto leak = storage::execOne(conn, QStringLiteral("SELECT COUNT(*) FROM queue_priority_uses WHERE person_hash LIKE ?"),
                                 {QStringLiteral("%3012345678%")});
    ASSERT_TRUE(leak.ok());
    EXPECT_EQ(leak->value(0).toInt(), 0);
}

TEST_P(QueueServiceTest, ConfirmPriorityAtTheDeskEnforcesTheDailyLimit)
{
    const QString person = QStringLiteral("AB123456");
    issue(kS1, QStringLiteral("disability"));
    issue(kS1, QStringLiteral("disability"));
    call(QStringLiteral("1"));
    ASSERT_TRUE(service->confirmPriority(Actor::system(), QStringLiteral("1"), person).ok());
    ASSERT_TRUE(service->confirmPriority(Actor::system(), QStringLiteral("1"), person).ok());  // idempotent
    finish(QStringLiteral("1"));
    call(QStringLiteral("1"));
    auto st = service->confirmPriority(Actor::system(), QStringLiteral("1"), person);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().field, QStringLiteral("priority"));
}

TEST_P(QueueServiceTest, BadInputNamesTheFieldAndChangesNothing)
{
    const Actor sys = Actor::system();
    auto unknown = service->issueTicket(sys, {{QStringLiteral("99999")}, false, {}, {}, QStringLiteral("desk")});
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().field, QStringLiteral("service"));
    EXPECT_TRUE(unknown.error().message.contains(QStringLiteral("99999")));
    auto noCategory = service->issueTicket(sys, {{kS1}, true, {}, {}, QStringLiteral("desk")});
    ASSERT_FALSE(noCategory.ok());
    EXPECT_EQ(noCategory.error().field, QStringLiteral("priority"));
    auto badCategory = service->issueTicket(sys, {{kS1}, true, QStringLiteral("vip"), {}, QStringLiteral("desk")});
    ASSERT_FALSE(badCategory.ok());
    EXPECT_EQ(badCategory.error().field, QStringLiteral("priority"));
    EXPECT_TRUE(badCategory.error().message.contains(QStringLiteral("disability")));
    auto unknownDesk = service->callNext(sys, QStringLiteral("99"));
    ASSERT_FALSE(unknownDesk.ok());
    EXPECT_EQ(unknownDesk.error().field, QStringLiteral("desk"));
    auto notServed = service->callNext(sys, QStringLiteral("2"), kS1);
    ASSERT_FALSE(notServed.ok());
    EXPECT_EQ(notServed.error().field, QStringLiteral("service"));
    auto badDesk = service->saveDesk(sys, QStringLiteral("4"), {QStringLiteral("nope")});
    ASSERT_FALSE(badDesk.ok());
    EXPECT_EQ(badDesk.error().field, QStringLiteral("service"));
    EXPECT_EQ(eventCount(QStringLiteral("issued")), 0);
    EXPECT_EQ(issue(kS1), QStringLiteral("А-001"));  // no number was consumed
    auto desks = service->desks(sys);
    ASSERT_TRUE(desks.ok());
    EXPECT_EQ(desks->size(), 3);
}

TEST_P(QueueServiceTest, BookingOutsideHoursOrPastTheCapIsRefused)
{
    const Actor sys = Actor::system();
    const QString person = QStringLiteral("1111111111");
    auto evening = service->book(sys, {kS1, QDateTime(QDate(2026, 3, 3), QTime(18, 0)), person});
    ASSERT_FALSE(evening.ok());
    EXPECT_EQ(evening.error().field, QStringLiteral("slot"));
    auto offGrid = service->book(sys, {kS1, QDateTime(QDate(2026, 3, 3), QTime(10, 7)), person});
    ASSERT_FALSE(offGrid.ok());
    auto weekend = service->book(sys, {kS1, QDateTime(QDate(2026, 3, 7), QTime(10, 0)), person});
    ASSERT_FALSE(weekend.ok());
    auto tooFar = service->book(sys, {kS1, QDateTime(QDate(2026, 4, 30), QTime(10, 0)), person});
    ASSERT_FALSE(tooFar.ok());
    auto ok = service->book(sys, {kS1, QDateTime(QDate(2026, 3, 3), QTime(10, 0)), person});
    ASSERT_TRUE(ok.ok()) << ok.error().describe().toStdString();
    auto overCap = service->book(sys, {kS1, QDateTime(QDate(2026, 3, 4), QTime(10, 0)), person});
    ASSERT_FALSE(overCap.ok());
    EXPECT_EQ(overCap.error().field, QStringLiteral("person"));
    auto taken = service->book(sys, {kS1, QDateTime(QDate(2026, 3, 3), QTime(10, 0)), QStringLiteral("2222222222")});
    ASSERT_FALSE(taken.ok());
    EXPECT_EQ(taken.error().field, QStringLiteral("slot"));
    auto slots = service->freeSlots(sys, kS1, QDate(2026, 3, 3));
    ASSERT_TRUE(slots.ok());
    EXPECT_EQ(slots->size(), 31);  // 09:00–16:45 by 15 min = 32, one taken
    EXPECT_FALSE(slots->contains(QDateTime(QDate(2026, 3, 3), QTime(10, 0))));
}

TEST_P(QueueServiceTest, LateArrivalBecomesWalkIn)
{
    clock.set(QDateTime(QDate(2026, 2, 27), QTime(12, 0)));
    auto b = service->book(Actor::system(), {kS1, QDateTime(QDate(2026, 3, 2), QTime(9, 30)), QStringLiteral("5555")});
    ASSERT_TRUE(b.ok());
    clock.set(QDateTime(QDate(2026, 3, 2), QTime(9, 45)));  // 15 min late > 10 min grace
    auto t = service->checkIn(Actor::system(), b->code);
    ASSERT_TRUE(t.ok()) << t.error().describe().toStdString();
    EXPECT_EQ(t->ticket.kind, TicketKind::Regular);
    EXPECT_EQ(t->ticket.number, QStringLiteral("А-001"));
    auto twice = service->checkIn(Actor::system(), b->code);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().field, QStringLiteral("code"));
}

TEST_P(QueueServiceTest, RedirectKeepsTheVisitorsPlace)
{
    const QString early = issue(kS1);             // 10:00, will be redirected to Б
    clock.advanceSecs(600);
    const QString laterB = issue(kS3);            // 10:10, already in Б
    EXPECT_EQ(call(QStringLiteral("1")), early);
    auto r = service->redirect(Actor::system(), QStringLiteral("1"), {kS3, {}});
    ASSERT_TRUE(r.ok()) << r.error().describe().toStdString();
    EXPECT_EQ(r->state, TicketState::Waiting);
    EXPECT_EQ(r->number, early);                  // the slip in the visitor's hand stays valid
    EXPECT_EQ(call(QStringLiteral("2")), early);  // ahead of the later Б ticket
    finish(QStringLiteral("2"));
    EXPECT_EQ(call(QStringLiteral("2")), laterB);
    finish(QStringLiteral("2"));
    // Redirect to a particular desk: only that desk may call it.
    const QString x = issue(kS1);
    EXPECT_EQ(call(QStringLiteral("1")), x);
    ASSERT_TRUE(service->redirect(Actor::system(), QStringLiteral("1"), {{}, QStringLiteral("2")}).ok());
    EXPECT_EQ(call(QStringLiteral("3")), QString());
    EXPECT_EQ(call(QStringLiteral("2")), x);
    EXPECT_EQ(eventCount(QStringLiteral("redirected")), 2);
}

TEST_P(QueueServiceTest, RecallsThenNoShowThenReturnToOriginalPlace)
{
    services::QueueSettings s;
    s.maxRecalls = 2;
    ASSERT_TRUE(service->saveSettings(Actor::system(), s).ok());
    const QString a = issue(kS1);
    clock.advanceSecs(60);
    const QString b = issue(kS1);
    EXPECT_EQ(call(QStringLiteral("1")), a);
    auto r1 = service->recall(Actor::system(), QStringLiteral("1"));
    ASSERT_TRUE(r1.ok());
    EXPECT_EQ(r1->state, TicketState::Called);
    EXPECT_EQ(r1->recalls, 1);
    ASSERT_TRUE(service->recall(Actor::system(), QStringLiteral("1")).ok());
    auto r3 = service->recall(Actor::system(), QStringLiteral("1"));
    ASSERT_TRUE(r3.ok());
    EXPECT_EQ(r3->state, TicketState::NoShow);
    // The visitor turns up: back to the original place, ahead of b.
    auto back = service->returnToQueue(Actor::system(), QStringLiteral("1"), a);
    ASSERT_TRUE(back.ok()) << back.error().describe().toStdString();
    EXPECT_EQ(call(QStringLiteral("1")), a);
    finish(QStringLiteral("1"));
    EXPECT_EQ(call(QStringLiteral("1")), b);
    auto notNoShow = service->returnToQueue(Actor::system(), QStringLiteral("1"), b);
    ASSERT_FALSE(notNoShow.ok());
    EXPECT_EQ(notNoShow.error().code, ErrorCode::IllegalTransition);
    EXPECT_EQ(eventCount(QStringLiteral("recalled")), 2);
    EXPECT_EQ(eventCount(QStringLiteral("no-show")), 1);
    EXPECT_EQ(eventCount(QStringLiteral("returned")), 1);
}

TEST_P(QueueServiceTest, PostponedTicketComesBackAfterTheDelayInItsPlace)
{
    const QString a = issue(kS1);
    clock.advanceSecs(60);
    const QString b = issue(kS1);
    clock.advanceSecs(60);
    const QString c = issue(kS1);
    EXPECT_EQ(call(QStringLiteral("1")), a);
    ASSERT_TRUE(service->postpone(Actor::system(), QStringLiteral("1"), 5).ok());
    EXPECT_EQ(call(QStringLiteral("1")), b);
    finish(QStringLiteral("1"));
    clock.advanceSecs(5 * 60);
    EXPECT_EQ(call(QStringLiteral("1")), a);
    finish(QStringLiteral("1"));
    EXPECT_EQ(call(QStringLiteral("1")), c);
}

TEST_P(QueueServiceTest, CentrePauseBlocksCallsFreezesWaitsAndResumeRestoresOrder)
{
    const QString a = issue(kS1);
    clock.advanceSecs(60);
    const QString b = issue(kS1);
    clock.advanceSecs(4 * 60);  // a has waited 5 min
    ASSERT_TRUE(service->pauseCentre(Actor::system(), QStringLiteral("Повітряна тривога")).ok());
    auto blocked = service->callNext(Actor::system(), QStringLiteral("1"));
    ASSERT_FALSE(blocked.ok());
    EXPECT_EQ(blocked.error().code, ErrorCode::IllegalTransition);
    EXPECT_FALSE(service->pauseCentre(Actor::system(), {}).ok());  // already paused
    clock.advanceSecs(40 * 60);
    auto board = service->board(Actor::system());
    ASSERT_TRUE(board.ok());
    EXPECT_TRUE(board->centrePaused);
    EXPECT_EQ(board->pauseReason, QStringLiteral("Повітряна тривога"));
    EXPECT_EQ(board->queues.at(0).longestWaitSecs, 5 * 60);  // frozen
    EXPECT_EQ(board->queues.at(0).waiting, 2);
    ASSERT_TRUE(service->resumeCentre(Actor::system()).ok());
    clock.advanceSecs(60);
    board = service->board(Actor::system());
    EXPECT_FALSE(board->centrePaused);
    EXPECT_EQ(board->queues.at(0).longestWaitSecs, 6 * 60);
    EXPECT_EQ(call(QStringLiteral("1")), a);
    finish(QStringLiteral("1"));
    EXPECT_EQ(call(QStringLiteral("1")), b);
    EXPECT_EQ(eventCount(QStringLiteral("centre-paused")), 1);
    EXPECT_EQ(eventCount(QStringLiteral("centre-resumed")), 1);
}

TEST_P(QueueServiceTest, QueueSurvivesReopeningTheDatabase)
{
    const QString a = issue(kS1);
    ASSERT_TRUE(service->pauseDesk(Actor::system(), QStringLiteral("3")).ok() == false);  // closed desk cannot pause
    ASSERT_TRUE(service->openDesk(Actor::system(), QStringLiteral("3")).ok());
    // A new service object on a fresh connection (application restart).
    db->database()->releaseThreadConnection();
    services::QueueService restarted(db->database(), clock);
    auto board = restarted.board(Actor::system());
    ASSERT_TRUE(board.ok());
    EXPECT_EQ(board->queues.at(0).waiting, 1);
    auto t = restarted.callNext(Actor::system(), QStringLiteral("3"));
    ASSERT_TRUE(t.ok());
    ASSERT_TRUE(t.value());
    EXPECT_EQ(t.value()->number, a);
}

TEST_P(QueueServiceTest, DeskStateRulesAndOneTicketAtATime)
{
    issue(kS1);
    issue(kS1);
    EXPECT_FALSE(call(QStringLiteral("1")).isEmpty());
    auto second = service->callNext(Actor::system(), QStringLiteral("1"));
    ASSERT_FALSE(second.ok());  // finish the current visitor first
    EXPECT_EQ(second.error().code, ErrorCode::IllegalTransition);
    EXPECT_FALSE(service->closeDesk(Actor::system(), QStringLiteral("1")).ok());
    finish(QStringLiteral("1"));
    ASSERT_TRUE(service->pauseDesk(Actor::system(), QStringLiteral("1")).ok());
    auto paused = service->callNext(Actor::system(), QStringLiteral("1"));
    ASSERT_FALSE(paused.ok());
    ASSERT_TRUE(service->resumeDesk(Actor::system(), QStringLiteral("1")).ok());
    EXPECT_FALSE(call(QStringLiteral("1")).isEmpty());
    EXPECT_EQ(eventCount(QStringLiteral("paused")), 1);
    EXPECT_EQ(eventCount(QStringLiteral("resumed")), 1);
    auto f = service->finish(Actor::system(), QStringLiteral("1"), Outcome::CaseRegistered);
    ASSERT_TRUE(f.ok());
    EXPECT_EQ(f->outcome, Outcome::CaseRegistered);
    EXPECT_FALSE(service->finish(Actor::system(), QStringLiteral("1")).ok());  // nothing to finish
}

TEST_P(QueueServiceTest, RolesAndOwnDeskAreEnforced)
{
    issue(kS1);
    Actor display;
    display.login = QStringLiteral("hall");
    display.role = Role::Display;
    Actor kiosk;
    kiosk.login = QStringLiteral("kiosk1");
    kiosk.role = Role::Kiosk;
    for (const Actor &a : {display, kiosk}) {
        auto c = service->callNext(a, QStringLiteral("1"));
        ASSERT_FALSE(c.ok());
        EXPECT_EQ(c.error().code, ErrorCode::PermissionDenied);
        EXPECT_FALSE(service->pauseCentre(a, {}).ok());
    }
    EXPECT_TRUE(service->board(display).ok());
    EXPECT_FALSE(service->issueTicket(display, {{kS1}, false, {}, {}, QStringLiteral("x")}).ok());
    EXPECT_TRUE(service->issueTicket(kiosk, {{kS1}, false, {}, {}, QStringLiteral("kiosk")}).ok());
    Actor clerk;
    clerk.login = QStringLiteral("clerk3");
    clerk.role = Role::Clerk;
    clerk.desk = QStringLiteral("3");
    auto other = service->callNext(clerk, QStringLiteral("1"));
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().code, ErrorCode::PermissionDenied);
    EXPECT_FALSE(service->saveDesk(clerk, QStringLiteral("3"), {kS1}).ok());
    auto own = service->callNext(clerk, QStringLiteral("3"));
    ASSERT_TRUE(own.ok());
    ASSERT_TRUE(own.value());
    EXPECT_EQ(own.value()->clerk, QStringLiteral("clerk3"));
    Actor supervisor;
    supervisor.login = QStringLiteral("boss");
    supervisor.role = Role::Supervisor;
    EXPECT_TRUE(service->pauseCentre(supervisor, {}).ok());
    EXPECT_TRUE(service->resumeCentre(supervisor).ok());
}

TEST_P(QueueServiceTest, EstimatedWaitUsesServiceTimesAndOpenDesks)
{
    // Two visits of 10 min each at desk 1 give the average.
    for (int i = 0; i < 2; ++i) {
        issue(kS1);
        call(QStringLiteral("1"));
        clock.advanceSecs(600);
        finish(QStringLiteral("1"));
    }
    for (int i = 0; i < 4; ++i)
        issue(kS1);
    auto board = service->board(Actor::system());
    ASSERT_TRUE(board.ok());
    const auto &qa = board->queues.at(0);
    EXPECT_EQ(qa.waiting, 4);
    EXPECT_EQ(qa.openDesks, 1);
    EXPECT_EQ(qa.issuedToday, 6);
    ASSERT_TRUE(qa.estimatedWaitSecs.has_value());
    EXPECT_EQ(*qa.estimatedWaitSecs, 4 * 600);
    ASSERT_TRUE(service->openDesk(Actor::system(), QStringLiteral("3")).ok());
    board = service->board(Actor::system());
    EXPECT_EQ(*board->queues.at(0).estimatedWaitSecs, 2 * 600);
    EXPECT_FALSE(board->queues.at(1).estimatedWaitSecs.has_value() && board->queues.at(1).openDesks == 0);
    auto info = service->ticketInfo(Actor::system(), QStringLiteral("А-006"));
    ASSERT_TRUE(info.ok());
    EXPECT_EQ(info->ahead, 3);
    EXPECT_EQ(*info->estimatedWaitSecs, 3 * 600 / 2);
}

TEST_P(QueueServiceTest, EstimateAveragesTheLatestTwentyServicesOfTheLastWeek)
{
    // Eight days ago a one-hour visit (outside the week); today first a 30-minute
    // visit, then twenty of 10 minutes: only the latest twenty count.
    const QDateTime start = clock.now();
    clock.set(start.addDays(-8));
    issue(kS1);
    call(QStringLiteral("1"));
    clock.advanceSecs(3600);
    finish(QStringLiteral("1"));
    clock.set(start);
    for (int i = 0; i < 21; ++i) {
        issue(kS1);
        call(QStringLiteral("1"));
        clock.advanceSecs(i == 0 ? 1800 : 600);
        finish(QStringLiteral("1"));
    }
    issue(kS1);
    issue(kS1);
    auto board = service->board(Actor::system());
    ASSERT_TRUE(board.ok());
    ASSERT_EQ(board->queues.at(0).waiting, 2);
    ASSERT_TRUE(board->queues.at(0).estimatedWaitSecs.has_value());
    EXPECT_EQ(*board->queues.at(0).estimatedWaitSecs, 2 * 600);
    // A week later the estimate has no recent visits and falls back to the setting.
    clock.set(start.addDays(8));
    issue(kS1);
    board = service->board(Actor::system());
    ASSERT_TRUE(board.ok());
    ASSERT_EQ(board->queues.at(0).waiting, 1);
    EXPECT_EQ(*board->queues.at(0).estimatedWaitSecs, services::QueueSettings{}.defaultServiceMinutes * 60);
}

CNAP_INSTANTIATE_FOR_BACKENDS(QueueServiceTest);
