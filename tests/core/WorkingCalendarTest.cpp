// The working-day calendar: Easter, Art. 73 holidays, Art. 67 transfers,
// martial law and per-year overrides.
#include "core/calendar/WorkingCalendar.h"

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

} // namespace

TEST(OrthodoxEaster, KnownDates)
{
    EXPECT_EQ(orthodoxEaster(2023), d(2023, 4, 16));
    EXPECT_EQ(orthodoxEaster(2024), d(2024, 5, 5));
    EXPECT_EQ(orthodoxEaster(2025), d(2025, 4, 20));
    EXPECT_EQ(orthodoxEaster(2026), d(2026, 4, 12));
    EXPECT_EQ(orthodoxEaster(2021), d(2021, 5, 2));
    EXPECT_EQ(orthodoxEaster(2022), d(2022, 4, 24));
    EXPECT_EQ(orthodoxEaster(2027), d(2027, 5, 2));
    EXPECT_EQ(orthodoxEaster(2000), d(2000, 4, 30));
    EXPECT_EQ(orthodoxEaster(2010), d(2010, 4, 4)); // same day as the Western Easter
}

TEST(OrthodoxEaster, AlwaysASundayBetweenAprilFourthAndMayEighth)
{
    // In 1900–2099 the Julian calendar lags 13 days, so Julian 22 March – 25 April
    // becomes 4 April – 8 May.
    for (int y = 1900; y <= 2099; ++y) {
        const QDate e = orthodoxEaster(y);
        ASSERT_TRUE(e.isValid()) << y;
        EXPECT_EQ(e.dayOfWeek(), Qt::Sunday) << y;
        EXPECT_GE(e, d(y, 4, 4)) << y;
        EXPECT_LE(e, d(y, 5, 8)) << y;
    }
    EXPECT_FALSE(orthodoxEaster(100).isValid());
}

TEST(WorkingCalendar, PublicHolidaysOf2025)
{
    const QList<QDate> expected{d(2025, 1, 1),  d(2025, 3, 8),  d(2025, 4, 20), d(2025, 5, 1),
                                d(2025, 5, 8),  d(2025, 6, 8),  d(2025, 6, 28), d(2025, 7, 15),
                                d(2025, 8, 24), d(2025, 10, 1), d(2025, 12, 25)};
    EXPECT_EQ(WorkingCalendar::publicHolidays(2025), expected);
    // Gone since 2023: 7 January, 9 May, 14 October.
    const auto h2024 = WorkingCalendar::publicHolidays(2024);
    EXPECT_FALSE(h2024.contains(d(2024, 1, 7)));
    EXPECT_FALSE(h2024.contains(d(2024, 5, 9)));
    EXPECT_FALSE(h2024.contains(d(2024, 10, 14)));
    EXPECT_TRUE(h2024.contains(d(2024, 6, 23))); // Trinity = 5 May + 49
}

TEST(WorkingCalendar, TransfersOf2025)
{
    // 8 Mar Sat → 10 Mar; Easter → 21 Apr; Trinity 8 Jun → 9 Jun; 28 Jun Sat → 30 Jun; 24 Aug Sun → 25 Aug.
    const QList<QDate> expected{d(2025, 3, 10), d(2025, 4, 21), d(2025, 6, 9), d(2025, 6, 30), d(2025, 8, 25)};
    EXPECT_EQ(WorkingCalendar::transferredDaysOff(2025), expected);
}

TEST(WorkingCalendar, CollidingTransfersTakeTheNextFreeDay)
{
    // 2021: 1 May Sat and Easter 2 May Sun → Mon 3 and Tue 4 May; 8 May Sat → Mon 10 May.
    const auto t = WorkingCalendar::transferredDaysOff(2021);
    EXPECT_TRUE(t.contains(d(2021, 5, 3)));
    EXPECT_TRUE(t.contains(d(2021, 5, 4)));
    EXPECT_TRUE(t.contains(d(2021, 5, 10)));
    // 2022: 1 Jan Sat → 3 Jan; 25 Dec Sun → 26 Dec.  2027: 25 Dec Sat → 27 Dec.
    EXPECT_TRUE(WorkingCalendar::transferredDaysOff(2022).contains(d(2022, 1, 3)));
    EXPECT_TRUE(WorkingCalendar::transferredDaysOff(2022).contains(d(2022, 12, 26)));
    EXPECT_TRUE(WorkingCalendar::transferredDaysOff(2027).contains(d(2027, 12, 27)));
}

TEST(WorkingCalendar, PeacetimeDayKinds)
{
    const WorkingCalendar c = peacetime();
    EXPECT_FALSE(c.martialLaw());
    EXPECT_EQ(c.dayKind(d(2025, 12, 25)), DayKind::Holiday);       // Thursday
    EXPECT_EQ(c.dayKind(d(2025, 3, 8)), DayKind::Holiday);         // Saturday holiday is still a holiday
    EXPECT_EQ(c.dayKind(d(2025, 3, 10)), DayKind::TransferredDayOff);
    EXPECT_EQ(c.dayKind(d(2025, 3, 9)), DayKind::Weekend);
    EXPECT_EQ(c.dayKind(d(2025, 3, 11)), DayKind::Working);
    EXPECT_FALSE(c.isWorkingDay(d(2025, 4, 21)));
    EXPECT_FALSE(c.isWorkingDay(d(2025, 1, 1)));
    EXPECT_TRUE(c.isWorkingDay(d(2025, 1, 7)));                    // no longer Christmas
}

TEST(WorkingCalendar, MartialLawIsOnByDefaultAndSuspendsHolidays)
{
    const WorkingCalendar c;
    EXPECT_TRUE(c.martialLaw());
    EXPECT_EQ(c.dayKind(d(2025, 12, 25)), DayKind::Working);
    EXPECT_EQ(c.dayKind(d(2025, 3, 10)), DayKind::Working);
    EXPECT_EQ(c.dayKind(d(2025, 1, 1)), DayKind::Working);
    EXPECT_EQ(c.dayKind(d(2025, 3, 8)), DayKind::Weekend);
    EXPECT_EQ(c.dayKind(d(2025, 4, 20)), DayKind::Weekend);
}

TEST(WorkingCalendar, OverridesWinOverEveryRule)
{
    WorkingCalendar c = peacetime();
    ASSERT_TRUE(c.setYearOverrides(2025, {d(2025, 3, 3)}, {d(2025, 3, 8), d(2025, 3, 10), d(2025, 3, 15)}).ok());
    EXPECT_EQ(c.dayKind(d(2025, 3, 3)), DayKind::Closure);
    EXPECT_EQ(c.dayKind(d(2025, 3, 8)), DayKind::ExtraWorking);   // a holiday on a Saturday
    EXPECT_EQ(c.dayKind(d(2025, 3, 10)), DayKind::ExtraWorking);  // a transferred day off
    EXPECT_EQ(c.dayKind(d(2025, 3, 15)), DayKind::ExtraWorking);  // a plain Saturday
    EXPECT_TRUE(c.isWorkingDay(d(2025, 3, 15)));
    EXPECT_EQ(c.closures(2025), QList<QDate>{d(2025, 3, 3)});
    EXPECT_EQ(c.extraWorkingDays(2025), (QList<QDate>{d(2025, 3, 8), d(2025, 3, 10), d(2025, 3, 15)}));

    c.setMartialLaw(true);
    EXPECT_EQ(c.dayKind(d(2025, 3, 3)), DayKind::Closure);
    EXPECT_EQ(c.dayKind(d(2025, 3, 15)), DayKind::ExtraWorking);
}

TEST(WorkingCalendar, OverridesReplacePerYearOnly)
{
    WorkingCalendar c;
    ASSERT_TRUE(c.setYearOverrides(2025, {d(2025, 5, 5)}, {}).ok());
    ASSERT_TRUE(c.setYearOverrides(2026, {d(2026, 5, 5)}, {}).ok());
    ASSERT_TRUE(c.setYearOverrides(2025, {d(2025, 6, 6)}, {d(2025, 6, 7)}).ok());
    EXPECT_EQ(c.closures(2025), QList<QDate>{d(2025, 6, 6)});
    EXPECT_EQ(c.closures(2026), QList<QDate>{d(2026, 5, 5)});
    EXPECT_TRUE(c.isWorkingDay(d(2025, 5, 5)));
    EXPECT_FALSE(c.isWorkingDay(d(2026, 5, 5)));
    ASSERT_TRUE(c.setYearOverrides(2025, {}, {}).ok());
    EXPECT_TRUE(c.closures(2025).isEmpty());
    EXPECT_TRUE(c.extraWorkingDays(2025).isEmpty());
}

TEST(WorkingCalendar, BadOverridesAreRefusedAndChangeNothing)
{
    WorkingCalendar c;
    ASSERT_TRUE(c.setYearOverrides(2025, {d(2025, 5, 5)}, {d(2025, 5, 10)}).ok());

    auto wrongYear = c.setYearOverrides(2025, {d(2025, 6, 6), d(2024, 6, 6)}, {});
    ASSERT_FALSE(wrongYear.ok());
    EXPECT_EQ(wrongYear.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(wrongYear.error().field, QStringLiteral("closures"));
    EXPECT_TRUE(wrongYear.error().message.contains(QStringLiteral("2024-06-06")));

    auto both = c.setYearOverrides(2025, {d(2025, 6, 6)}, {d(2025, 6, 6)});
    ASSERT_FALSE(both.ok());
    EXPECT_EQ(both.error().field, QStringLiteral("working-days"));

    auto invalid = c.setYearOverrides(2025, {}, {QDate()});
    ASSERT_FALSE(invalid.ok());
    EXPECT_EQ(invalid.error().field, QStringLiteral("working-days"));

    EXPECT_EQ(c.closures(2025), QList<QDate>{d(2025, 5, 5)});
    EXPECT_EQ(c.extraWorkingDays(2025), QList<QDate>{d(2025, 5, 10)});
}

TEST(WorkingCalendar, WorkingDayArithmetic)
{
    const WorkingCalendar war;
    EXPECT_EQ(war.workingDayOnOrAfter(d(2025, 3, 7)), d(2025, 3, 7));
    EXPECT_EQ(war.workingDayOnOrAfter(d(2025, 3, 8)), d(2025, 3, 10));
    EXPECT_EQ(war.nextWorkingDay(d(2025, 3, 7)), d(2025, 3, 10));
    EXPECT_EQ(war.addWorkingDays(d(2025, 3, 7), 1), d(2025, 3, 10));
    EXPECT_EQ(war.addWorkingDays(d(2025, 3, 3), 5), d(2025, 3, 10));
    EXPECT_FALSE(war.addWorkingDays(d(2025, 3, 3), 0).isValid());
    EXPECT_FALSE(war.workingDayOnOrAfter(QDate()).isValid());
    EXPECT_EQ(war.workingDaysBetween(d(2025, 3, 1), d(2025, 3, 31)), 21);
    EXPECT_EQ(war.workingDaysBetween(d(2025, 3, 31), d(2025, 3, 1)), 0);

    const WorkingCalendar peace = peacetime();
    EXPECT_EQ(peace.workingDayOnOrAfter(d(2025, 3, 8)), d(2025, 3, 11));
    EXPECT_EQ(peace.workingDaysBetween(d(2025, 3, 1), d(2025, 3, 31)), 20);
    // Year end: 25 Dec (Thu) and 1 Jan (Thu) are off.
    EXPECT_EQ(peace.addWorkingDays(d(2025, 12, 24), 5), d(2026, 1, 2));
    EXPECT_EQ(war.addWorkingDays(d(2025, 12, 24), 5), d(2025, 12, 31));
}
