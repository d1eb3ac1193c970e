#include "core/calendar/WorkingCalendar.h"

#include <QCalendar>
#include <QCoreApplication>

#include <algorithm>
#include <bitset>
#include <vector>

namespace cnap {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cnap::WorkingCalendar", text);
}

bool isWeekend(QDate d)
{
    return d.dayOfWeek() >= Qt::Saturday;
}

QList<QDate> sorted(const QSet<QDate> &set, int year)
{
    QList<QDate> out;
    for (const QDate &d : set) {
        if (d.year() == year)
            out.append(d);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The holidays and transferred days off of one year as day-of-year bits, so a
// peacetime lookup is two bit tests instead of recomputing Easter and the
// transfers (bench_core, peacetime isWorkingDay: ~850 ns → ~100 ns).
struct YearDays {
    std::bitset<367> holiday;
    std::bitset<367> transfer;
};

YearDays computeYear(int year)
{
    YearDays y;
    for (const QDate &h : WorkingCalendar::publicHolidays(year))
        y.holiday.set(static_cast<size_t>(h.dayOfYear()));
    for (const QDate &t : WorkingCalendar::transferredDaysOff(year)) {
        if (t.year() == year)
            y.transfer.set(static_cast<size_t>(t.dayOfYear()));
    }
    return y;
}

constexpr int kFirstCachedYear = 1990;
constexpr int kLastCachedYear = 2100;

// Built once, on first use, thread-safely (a function-local static); years
// outside the range are computed on each call.
YearDays yearDays(int year)
{
    static const std::vector<YearDays> table = [] {
        std::vector<YearDays> t;
        t.reserve(kLastCachedYear - kFirstCachedYear + 1);
        for (int y = kFirstCachedYear; y <= kLastCachedYear; ++y)
            t.push_back(computeYear(y));
        return t;
    }();
    if (year >= kFirstCachedYear && year <= kLastCachedYear)
        return table[static_cast<size_t>(year - kFirstCachedYear)];
    return computeYear(year);
}

} // namespace

QDate orthodoxEaster(int year)
{
    // The Julian-calendar Paschal computus (the lunar cycle of 19 years and the
    // weekday cycle of 7), which the Orthodox Church of Ukraine still uses for
    // Easter; QCalendar converts the Julian date to the civil (Gregorian) one.
    if (year < 326)
        return {};
    const int a = year % 4;
    const int b = year % 7;
    const int c = year % 19;
    const int d = (19 * c + 15) % 30;
    const int e = (2 * a + 4 * b - d + 34) % 7;
    const int month = (d + e + 114) / 31;
    const int day = (d + e + 114) % 31 + 1;
    return QDate(year, month, day, QCalendar(QCalendar::System::Julian));
}

QList<QDate> WorkingCalendar::publicHolidays(int year)
{
    // Art. 73 КЗпП as amended by Law 3028-IX (2023): Christmas on 25 December,
    // Statehood Day on 15 July, Defenders' Day on 1 October; 7 January, 9 May
    // and 14 October are no longer holidays.
    const QDate easter = orthodoxEaster(year);
    if (!easter.isValid())
        return {};
    QList<QDate> days{
        QDate(year, 1, 1),   // New Year
        QDate(year, 3, 8),   // International Women's Day
        easter,              // Easter (Великдень)
        QDate(year, 5, 1),   // Labour Day
        QDate(year, 5, 8),   // Day of Remembrance and Victory over Nazism
        easter.addDays(49),  // Trinity (Трійця)
        QDate(year, 6, 28),  // Constitution Day
        QDate(year, 7, 15),  // Statehood Day
        QDate(year, 8, 24),  // Independence Day
        QDate(year, 10, 1),  // Defenders' Day
        QDate(year, 12, 25), // Christmas
    };
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

QList<QDate> WorkingCalendar::transferredDaysOff(int year)
{
    // Art. 67 part 3: a holiday on a weekend moves the day off to the next day
    // after it that is neither a weekend, a holiday nor already a moved day off
    // (Easter and Trinity, always Sundays, give the following Monday).
    const QList<QDate> holidays = publicHolidays(year);
    QList<QDate> out;
    for (const QDate &h : holidays) {
        if (!isWeekend(h))
            continue;
        QDate d = h.addDays(1);
        while (isWeekend(d) || holidays.contains(d) || out.contains(d))
            d = d.addDays(1);
        out.append(d);
    }
    std::sort(out.begin(), out.end());
    return out;
}

Status WorkingCalendar::setYearOverrides(int year, const QList<QDate> &closures, const QList<QDate> &workingDays)
{
    auto check = [year](const QList<QDate> &dates, const QString &field) -> Status {
        for (const QDate &d : dates) {
            if (!d.isValid())
                return Error::invalid(field, tr("недійсна дата"));
            if (d.year() != year)
                return Error::invalid(field, tr("дата %1 не належить до %2 року").arg(d.toString(Qt::ISODate)).arg(year));
        }
        return {};
    };
    CNAP_TRY(check(closures, QStringLiteral("closures")));
    CNAP_TRY(check(workingDays, QStringLiteral("working-days")));
    for (const QDate &d : closures) {
        if (workingDays.contains(d))
            return Error::invalid(QStringLiteral("working-days"),
                                  tr("дата %1 не може бути одночасно неробочою і робочою").arg(d.toString(Qt::ISODate)));
    }
    auto dropYear = [year](QSet<QDate> &set) {
        for (auto it = set.begin(); it != set.end();) {
            if (it->year() == year)
                it = set.erase(it);
            else
                ++it;
        }
    };
    dropYear(m_closures);
    dropYear(m_extraWorking);
    for (const QDate &d : closures)
        m_closures.insert(d);
    for (const QDate &d : workingDays)
        m_extraWorking.insert(d);
    return {};
}

QList<QDate> WorkingCalendar::closures(int year) const
{
    return sorted(m_closures, year);
}

QList<QDate> WorkingCalendar::extraWorkingDays(int year) const
{
    return sorted(m_extraWorking, year);
}

DayKind WorkingCalendar::dayKind(QDate date) const
{
    // Overrides are the centre's own decision for that very date and win over
    // every general rule.
    if (m_extraWorking.contains(date))
        return DayKind::ExtraWorking;
    if (m_closures.contains(date))
        return DayKind::Closure;
    if (!m_martialLaw && date.isValid()) {
        const YearDays y = yearDays(date.year());
        const auto day = static_cast<size_t>(date.dayOfYear());
        if (y.holiday.test(day))
            return DayKind::Holiday;
        if (y.transfer.test(day))
            return DayKind::TransferredDayOff;
    }
    return isWeekend(date) ? DayKind::Weekend : DayKind::Working;
}

QDate WorkingCalendar::workingDayOnOrAfter(QDate date) const
{
    if (!date.isValid())
        return {};
    // Terminates: overrides are finite and at most two days a week are weekends.
    while (!isWorkingDay(date))
        date = date.addDays(1);
    return date;
}

QDate WorkingCalendar::addWorkingDays(QDate date, int n) const
{
    if (!date.isValid() || n < 1)
        return {};
    for (int i = 0; i < n; ++i)
        date = nextWorkingDay(date);
    return date;
}

int WorkingCalendar::workingDaysBetween(QDate from, QDate to) const
{
    if (!from.isValid() || !to.isValid())
        return 0;
    int count = 0;
    for (QDate d = from; d <= to; d = d.addDays(1)) {
        if (isWorkingDay(d))
            ++count;
    }
    return count;
}

} // namespace cnap
