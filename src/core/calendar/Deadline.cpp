#include "core/calendar/Deadline.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace cnap {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cnap::Deadline", text);
}

// Art. 33 part 1: "ten days and less" count in working days.
constexpr int kAutoWorkingDaysLimit = 10;

Status checkTerm(int count, TermUnit unit)
{
    const int max = unit == TermUnit::Hours ? kMaxTermHours : kMaxTermDays;
    if (count < 1)
        return Error::invalid(QStringLiteral("term"), tr("строк має бути цілим числом не менше 1"));
    if (count > max)
        return Error::invalid(QStringLiteral("term"), tr("строк не може перевищувати %1 (%2)").arg(max).arg(termUnitName(unit)));
    return {};
}

// The same time representation (local, UTC, offset or zone) as `like`, on
// another date and time of day.
QDateTime sameZone(const QDateTime &like, QDate date, QTime time)
{
    QDateTime t = like;
    t.setDate(date);
    t.setTime(time);
    return t;
}

// The last minute of the hour-based term, before any move off a non-working day.
// addSecs() counts real elapsed hours, so a DST change shifts the wall clock.
QDateTime hoursEnd(const QDateTime &event, int count)
{
    const QDateTime start = sameZone(event, event.date().addDays(1), QTime(0, 0));
    return start.addSecs(qint64(count) * 3600 - 60);
}

} // namespace

Result<TermUnit> parseTermUnit(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QStringLiteral("working-days"))
        return TermUnit::WorkingDays;
    if (t == QStringLiteral("calendar-days"))
        return TermUnit::CalendarDays;
    if (t == QStringLiteral("hours"))
        return TermUnit::Hours;
    if (t == QStringLiteral("auto"))
        return TermUnit::Auto;
    return Error::invalid(QStringLiteral("unit"),
                          tr("невідома одиниця строку «%1»; допустимі: working-days, calendar-days, hours, auto").arg(text));
}

QString termUnitName(TermUnit unit)
{
    switch (unit) {
    case TermUnit::WorkingDays: return QStringLiteral("working-days");
    case TermUnit::CalendarDays: return QStringLiteral("calendar-days");
    case TermUnit::Hours: return QStringLiteral("hours");
    case TermUnit::Auto: return QStringLiteral("auto");
    }
    return {};
}

TermUnit effectiveTermUnit(int count, TermUnit unit)
{
    if (unit != TermUnit::Auto)
        return unit;
    return count <= kAutoWorkingDaysLimit ? TermUnit::WorkingDays : TermUnit::CalendarDays;
}

Result<QDate> dueDate(const WorkingCalendar &calendar, QDate event, int count, TermUnit unit)
{
    if (!event.isValid())
        return Error::invalid(QStringLiteral("from"), tr("недійсна дата події"));
    CNAP_TRY(checkTerm(count, unit));
    switch (effectiveTermUnit(count, unit)) {
    case TermUnit::WorkingDays:
        // Counting starts the next day and only working days count, so the
        // last one is a working day by construction.
        return calendar.addWorkingDays(event, count);
    case TermUnit::CalendarDays:
        return calendar.workingDayOnOrAfter(event.addDays(count));
    case TermUnit::Hours:
        return calendar.workingDayOnOrAfter(hoursEnd(QDateTime(event, QTime(0, 0), Qt::UTC), count).date());
    case TermUnit::Auto:
        break;
    }
    return Error::make(ErrorCode::Internal, tr("невідома одиниця строку"));
}

Result<QDateTime> dueMoment(const WorkingCalendar &calendar, const QDateTime &event, int count, TermUnit unit)
{
    if (!event.isValid())
        return Error::invalid(QStringLiteral("from"), tr("недійсний час події"));
    CNAP_TRY(checkTerm(count, unit));
    const QTime lastMinute(23, 59);
    if (effectiveTermUnit(count, unit) == TermUnit::Hours) {
        const QDateTime end = hoursEnd(event, count);
        if (calendar.isWorkingDay(end.date()))
            return end;
        return sameZone(event, calendar.workingDayOnOrAfter(end.date()), lastMinute);
    }
    auto day = dueDate(calendar, event.date(), count, unit);
    if (!day)
        return day.error();
    return sameZone(event, day.value(), lastMinute);
}

} // namespace cnap
