#include "core/queue/QueuePolicy.h"

#include <gtest/gtest.h>

using namespace cnap::queue;

TEST(QueuePolicyTest, TicketNumbersHaveOwnRangesPerKind)
{
    EXPECT_EQ(formatTicketNumber(QStringLiteral("А"), TicketKind::Regular, 1), QStringLiteral("А-001"));
    EXPECT_EQ(formatTicketNumber(QStringLiteral("Б"), TicketKind::Priority, 12), QStringLiteral("БП-012"));
    EXPECT_EQ(formatTicketNumber(QStringLiteral("В"), TicketKind::Booked, 1234), QStringLiteral("ВЗ-1234"));
    EXPECT_TRUE(validatePrefix(QStringLiteral("А")).ok());
    EXPECT_FALSE(validatePrefix(QStringLiteral("а")).ok());
    EXPECT_FALSE(validatePrefix(QStringLiteral("А1")).ok());
    EXPECT_FALSE(validatePrefix(QStringLiteral("АП")).ok());
    EXPECT_EQ(validatePrefix({}).error().field, QStringLiteral("prefix"));
}

TEST(QueuePolicyTest, AntiStarvation)
{
    const AntiStarvationRule rule{2, 600};
    EXPECT_TRUE(priorityMayJumpAhead(rule, 0, 10000));
    EXPECT_TRUE(priorityMayJumpAhead(rule, 1, 10000));
    EXPECT_FALSE(priorityMayJumpAhead(rule, 2, 601));
    EXPECT_TRUE(priorityMayJumpAhead(rule, 2, 600));
    EXPECT_TRUE(priorityMayJumpAhead(rule, 5, std::nullopt));
    EXPECT_EQ(nextPriorityStreak(1, TicketKind::Priority), 2);
    EXPECT_EQ(nextPriorityStreak(3, TicketKind::Regular), 0);
    EXPECT_EQ(nextPriorityStreak(3, TicketKind::Booked), 0);
}

TEST(QueuePolicyTest, PausesAreNotCountedAsWaiting)
{
    EXPECT_EQ(effectiveWaitMs(0, 1000, {}), 1000);
    EXPECT_EQ(effectiveWaitMs(0, 1000, {{200, 500}}), 700);
    EXPECT_EQ(effectiveWaitMs(300, 1000, {{200, 500}}), 500);   // paused before the ticket was issued
    EXPECT_EQ(effectiveWaitMs(0, 1000, {{800, 0}}), 800);       // still paused: frozen
    EXPECT_EQ(effectiveWaitMs(0, 1000, {{100, 200}, {300, 400}}), 800);
    EXPECT_EQ(effectiveWaitMs(500, 400, {}), 0);
}

TEST(QueuePolicyTest, EstimatedWait)
{
    EXPECT_EQ(estimateWaitSecs(4, 600, 2), 1200);
    EXPECT_EQ(estimateWaitSecs(0, 600, 1), 0);
    EXPECT_FALSE(estimateWaitSecs(3, 600, 0).has_value());
    EXPECT_TRUE(recallsExhausted(3, 3));
    EXPECT_FALSE(recallsExhausted(2, 3));
}

TEST(QueuePolicyTest, SlotsAndLateArrival)
{
    AppointmentRules r;
    r.slotMinutes = 30;
    r.opens = QTime(9, 0);
    r.closes = QTime(11, 0);
    EXPECT_EQ(slotTimes(r), (QList<QTime>{QTime(9, 0), QTime(9, 30), QTime(10, 0), QTime(10, 30)}));
    const QDateTime now(QDate(2026, 3, 2), QTime(8, 0));  // Monday
    EXPECT_TRUE(validateSlot(r, now, QDateTime(QDate(2026, 3, 2), QTime(9, 30))).ok());
    EXPECT_EQ(validateSlot(r, now, QDateTime(QDate(2026, 3, 2), QTime(11, 0))).error().field, QStringLiteral("slot"));
    EXPECT_FALSE(validateSlot(r, now, QDateTime(QDate(2026, 3, 1), QTime(9, 0))).ok());
    EXPECT_FALSE(validateSlot(r, now, QDateTime(QDate(2026, 3, 7), QTime(9, 0))).ok());
    const LateArrivalRule late{600, 3600};
    const QDateTime slot(QDate(2026, 3, 2), QTime(10, 0));
    EXPECT_EQ(checkInVerdict(late, slot, slot.addSecs(600)), CheckIn::OnTime);
    EXPECT_EQ(checkInVerdict(late, slot, slot.addSecs(601)), CheckIn::LateWalkIn);
    EXPECT_EQ(checkInVerdict(late, slot, slot.addSecs(-3601)), CheckIn::TooEarly);
    EXPECT_EQ(checkInVerdict(late, slot, slot.addDays(1)), CheckIn::WrongDay);
}

TEST(QueuePolicyTest, KeysRoundTrip)
{
    for (Outcome o : {Outcome::CaseRegistered, Outcome::Consultation, Outcome::Refused})
        EXPECT_EQ(outcomeFromKey(outcomeKey(o)).value(), o);
    EXPECT_EQ(outcomeFromKey(QStringLiteral("done")).error().field, QStringLiteral("outcome"));
    EXPECT_EQ(stateFromKey(QStringLiteral("no_show")).value(), TicketState::NoShow);
}
