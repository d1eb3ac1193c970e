// Deadlines per Art. 33 of Law 2073-IX on top of the working-day calendar.
#include "core/calendar/Deadline.h"

#include <QTimeZone>

#include <gtest/gtest.h>

using namespace cnap;

namespace {

QDate d(int y, int m, int day)
{
    return QDate(y, m, day);
}

WorkingCalendar peacetime()
{
    WorkingCalendar c;
    c.setMartialLaw(false);
    return c;
}

QDate due(const WorkingCalendar &c, QDate from, int n, TermUnit unit)
{
    auto r = dueDate(c, from, n, unit);
    EXPECT_TRUE(r.ok()) << r.error().describe().toStdString();
    return r.ok() ? r.value() : QDate();
}

} // namespace

TEST(TermUnit, ParsesTheFourNames)
{
    EXPECT_EQ(parseTermUnit(QStringLiteral("working-days")).value(), TermUnit::WorkingDays);
    EXPECT_EQ(parseTermUnit(QStringLiteral("calendar-days")).value(), TermUnit::CalendarDays);
    EXPECT_EQ(parseTermUnit(QStringLiteral("hours")).value(), TermUnit::Hours);
    EXPECT_EQ(parseTermUnit(QStringLiteral(" AUTO ")).value(), TermUnit::Auto);
    for (TermUnit u : {TermUnit::WorkingDays, TermUnit::CalendarDays, TermUnit::Hours, TermUnit::Auto})
        EXPECT_EQ(parseTermUnit(termUnitName(u)).value(), u);
}

TEST(TermUnit, RejectsAnythingElseNamingTheField)
{
    for (const char *bad : {"", "days", "working_days", "workingdays", "weeks", "months", "робочі"}) {
        auto r = parseTermUnit(QString::fromUtf8(bad));
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
        EXPECT_EQ(r.error().field, QStringLiteral("unit"));
        EXPECT_TRUE(r.error().message.contains(QStringLiteral("working-days"))) << "lists the allowed names";
    }
}

TEST(TermUnit, AutoSwitchesAfterTenDays)
{
    EXPECT_EQ(effectiveTermUnit(1, TermUnit::Auto), TermUnit::WorkingDays);
    EXPECT_EQ(effectiveTermUnit(10, TermUnit::Auto), TermUnit::WorkingDays);
    EXPECT_EQ(effectiveTermUnit(11, TermUnit::Auto), TermUnit::CalendarDays);
    EXPECT_EQ(effectiveTermUnit(5, TermUnit::CalendarDays), TermUnit::CalendarDays);
    EXPECT_EQ(effectiveTermUnit(30, TermUnit::WorkingDays), TermUnit::WorkingDays);
}

TEST(Deadline, TermStartsTheDayAfterTheEvent)
{
    const WorkingCalendar c;
    EXPECT_EQ(due(c, d(2025, 3, 3), 1, TermUnit::WorkingDays), d(2025, 3, 4));
    EXPECT_EQ(due(c, d(2025, 3, 3), 1, TermUnit::CalendarDays), d(2025, 3, 4));
    // An event on Saturday: Sunday is not a working day, Monday is the first.
    EXPECT_EQ(due(c, d(2025, 3, 8), 1, TermUnit::WorkingDays), d(2025, 3, 10));
}

TEST(Deadline, WorkingDaysSkipWeekends)
{
    const WorkingCalendar c;
    EXPECT_EQ(due(c, d(2025, 3, 7), 1, TermUnit::WorkingDays), d(2025, 3, 10));   // Fri → Mon
    EXPECT_EQ(due(c, d(2025, 3, 3), 5, TermUnit::WorkingDays), d(2025, 3, 10));
    EXPECT_EQ(due(c, d(2025, 3, 3), 10, TermUnit::WorkingDays), d(2025, 3, 17));
}

TEST(Deadline, WorkingDaysSkipHolidaysAndTransfersOnlyInPeacetime)
{
    // 8 Mar 2025 is a Saturday; its day off moves to Monday 10 March.
    EXPECT_EQ(due(peacetime(), d(2025, 3, 7), 1, TermUnit::WorkingDays), d(2025, 3, 11));
    EXPECT_EQ(due(WorkingCalendar(), d(2025, 3, 7), 1, TermUnit::WorkingDays), d(2025, 3, 10));
}

TEST(Deadline, CalendarDayEndingOnWeekendMovesToNextWorkingDay)
{
    const WorkingCalendar c;
    EXPECT_EQ(due(c, d(2025, 3, 3), 12, TermUnit::CalendarDays), d(2025, 3, 17)); // Sat 15 → Mon 17
    EXPECT_EQ(due(c, d(2025, 3, 3), 13, TermUnit::CalendarDays), d(2025, 3, 17)); // Sun 16 → Mon 17
    EXPECT_EQ(due(c, d(2025, 3, 3), 11, TermUnit::CalendarDays), d(2025, 3, 14)); // Fri stays
}

TEST(Deadline, CalendarDayEndingOnHolidayInPeacetime)
{
    // 24 Aug 2025 is a Sunday holiday: its day off is Monday 25 Aug, so the first
    // working day is Tuesday 26.  Under martial law only the weekend counts.
    EXPECT_EQ(due(peacetime(), d(2025, 8, 12), 12, TermUnit::CalendarDays), d(2025, 8, 26));
    EXPECT_EQ(due(WorkingCalendar(), d(2025, 8, 12), 12, TermUnit::CalendarDays), d(2025, 8, 25));
    // 25 Dec 2025 (Thursday).
    EXPECT_EQ(due(peacetime(), d(2025, 12, 10), 15, TermUnit::CalendarDays), d(2025, 12, 26));
    EXPECT_EQ(due(WorkingCalendar(), d(2025, 12, 10), 15, TermUnit::CalendarDays), d(2025, 12, 25));
}

TEST(Deadline, AcrossTheYearEnd)
{
    // 10 working days from 24 Dec 2025: in peacetime 25 Dec and 1 Jan are off.
    EXPECT_EQ(due(WorkingCalendar(), d(2025, 12, 24), 10, TermUnit::Auto), d(2026, 1, 7));
    EXPECT_EQ(due(peacetime(), d(2025, 12, 24), 10, TermUnit::Auto), d(2026, 1, 9));
    // 12 calendar days from 20 Dec 2025 end on 1 Jan 2026 (Thursday).
    EXPECT_EQ(due(WorkingCalendar(), d(2025, 12, 20), 12, TermUnit::CalendarDays), d(2026, 1, 1));
    EXPECT_EQ(due(peacetime(), d(2025, 12, 20), 12, TermUnit::CalendarDays), d(2026, 1, 2));
    // 31 Dec 2027 is a Friday and 1 Jan 2028 a Saturday: in peacetime Monday 3 Jan
    // is its transferred day off, so one working day later is Tuesday 4 Jan.
    EXPECT_EQ(due(peacetime(), d(2027, 12, 31), 1, TermUnit::WorkingDays), d(2028, 1, 4));
    EXPECT_EQ(due(WorkingCalendar(), d(2027, 12, 31), 1, TermUnit::WorkingDays), d(2028, 1, 3));
}

TEST(Deadline, AutoBoundaryTenVersusEleven)
{
    const WorkingCalendar c;
    // From Monday 3 Mar 2025: 10 → working days → Mon 17 Mar; 11 → calendar days → Fri 14 Mar.
    EXPECT_EQ(due(c, d(2025, 3, 3), 10, TermUnit::Auto), d(2025, 3, 17));
    EXPECT_EQ(due(c, d(2025, 3, 3), 11, TermUnit::Auto), d(2025, 3, 14));
    EXPECT_EQ(due(c, d(2025, 3, 3), 10, TermUnit::Auto), due(c, d(2025, 3, 3), 10, TermUnit::WorkingDays));
    EXPECT_EQ(due(c, d(2025, 3, 3), 11, TermUnit::Auto), due(c, d(2025, 3, 3), 11, TermUnit::CalendarDays));
    EXPECT_EQ(due(c, d(2025, 3, 3), 30, TermUnit::Auto), d(2025, 4, 2));
}

TEST(Deadline, OverridesShiftTheDueDate)
{
    WorkingCalendar c;
    ASSERT_TRUE(c.setYearOverrides(2025, {d(2025, 3, 14)}, {}).ok());
    EXPECT_EQ(due(c, d(2025, 3, 3), 11, TermUnit::CalendarDays), d(2025, 3, 17));
    ASSERT_TRUE(c.setYearOverrides(2025, {}, {d(2025, 3, 8)}).ok());
    EXPECT_EQ(due(c, d(2025, 3, 7), 1, TermUnit::WorkingDays), d(2025, 3, 8));
}

TEST(Deadline, HoursByDate)
{
    const WorkingCalendar c;
    // The term starts at 00:00 of the next day: 24 h after a Monday event end on Tuesday.
    EXPECT_EQ(due(c, d(2025, 3, 3), 24, TermUnit::Hours), d(2025, 3, 4));
    EXPECT_EQ(due(c, d(2025, 3, 3), 1, TermUnit::Hours), d(2025, 3, 4));
    EXPECT_EQ(due(c, d(2025, 3, 3), 25, TermUnit::Hours), d(2025, 3, 5));
    EXPECT_EQ(due(c, d(2025, 3, 3), 48, TermUnit::Hours), d(2025, 3, 5));
    // Ending on Saturday → Monday.
    EXPECT_EQ(due(c, d(2025, 3, 7), 24, TermUnit::Hours), d(2025, 3, 10));
    // 72 hours from Friday would end on Monday 10 March: in peacetime that is the
    // transferred day off of 8 March, so Tuesday.
    EXPECT_EQ(due(peacetime(), d(2025, 3, 6), 72, TermUnit::Hours), d(2025, 3, 11));
}

TEST(Deadline, HoursToTheMinute)
{
    const WorkingCalendar c;
    const QDateTime event(d(2025, 3, 3), QTime(14, 20), Qt::UTC);
    auto r = dueMoment(c, event, 24, TermUnit::Hours);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value(), QDateTime(d(2025, 3, 4), QTime(23, 59), Qt::UTC));
    EXPECT_EQ(r->timeSpec(), Qt::UTC);

    auto one = dueMoment(c, event, 1, TermUnit::Hours);
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(one.value(), QDateTime(d(2025, 3, 4), QTime(0, 59), Qt::UTC));

    // Ends Saturday 00:59 → the whole of Monday.
    auto weekend = dueMoment(c, QDateTime(d(2025, 3, 7), QTime(9, 0), Qt::UTC), 1, TermUnit::Hours);
    ASSERT_TRUE(weekend.ok());
    EXPECT_EQ(weekend.value(), QDateTime(d(2025, 3, 10), QTime(23, 59), Qt::UTC));
}

TEST(Deadline, HoursKeepTheEventsZoneAcrossDst)
{
    const QTimeZone kyiv("Europe/Kyiv");
    // tzdata is one of the packages scripts/test installs; without it this must fail.
    ASSERT_TRUE(kyiv.isValid()) << "no Europe/Kyiv in the time-zone database (install tzdata)";
    // The term starts on Sun 30 Mar 2025 00:00 local; summer time begins at 03:00
    // that day, so 24 real hours later the wall clock shows 01:00 on Monday.
    const QDateTime event(d(2025, 3, 29), QTime(10, 0), kyiv);
    auto r = dueMoment(WorkingCalendar(), event, 24, TermUnit::Hours);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->timeZone(), kyiv);
    EXPECT_EQ(r->date(), d(2025, 3, 31));
    EXPECT_EQ(r->time(), QTime(0, 59));
}

TEST(Deadline, DayTermsToTheMinuteEndAtTheLastMinuteOfTheDueDay)
{
    const WorkingCalendar c;
    const QDateTime event(d(2025, 3, 3), QTime(16, 45), Qt::UTC);
    auto r = dueMoment(c, event, 10, TermUnit::Auto);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value(), QDateTime(d(2025, 3, 17), QTime(23, 59), Qt::UTC));
}

TEST(Deadline, RejectsBadTermsAndDatesNamingTheField)
{
    const WorkingCalendar c;
    for (int bad : {0, -1, -100, kMaxTermDays + 1}) {
        auto r = dueDate(c, d(2025, 3, 3), bad, TermUnit::Auto);
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
        EXPECT_EQ(r.error().field, QStringLiteral("term"));
    }
    EXPECT_TRUE(dueDate(c, d(2025, 3, 3), kMaxTermDays, TermUnit::CalendarDays).ok());
    EXPECT_TRUE(dueDate(c, d(2025, 3, 3), kMaxTermHours, TermUnit::Hours).ok());
    EXPECT_FALSE(dueDate(c, d(2025, 3, 3), kMaxTermHours + 1, TermUnit::Hours).ok());
    EXPECT_FALSE(dueDate(c, d(2025, 3, 3), kMaxTermDays + 1, TermUnit::WorkingDays).ok());

    auto noDate = dueDate(c, QDate(), 5, TermUnit::Auto);
    ASSERT_FALSE(noDate.ok());
    EXPECT_EQ(noDate.error().field, QStringLiteral("from"));
    auto noMoment = dueMoment(c, QDateTime(), 5, TermUnit::Hours);
    ASSERT_FALSE(noMoment.ok());
    EXPECT_EQ(noMoment.error().field, QStringLiteral("from"));
    auto badHours = dueMoment(c, QDateTime(d(2025, 3, 3), QTime(9, 0), Qt::UTC), 0, TermUnit::Hours);
    ASSERT_FALSE(badHours.ok());
    EXPECT_EQ(badHours.error().field, QStringLiteral("term"));
}
