#include "core/cases/CaseDeadlines.h"

#include "core/calendar/Deadline.h"
#include "core/calendar/WorkingCalendar.h"

#include <QCoreApplication>

namespace cnap {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::CaseDeadlines", s); }
} // namespace

QString dueFlagKey(DueFlag flag)
{
    switch (flag) {
    case DueFlag::None: return QStringLiteral("none");
    case DueFlag::NearDue: return QStringLiteral("near-due");
    case DueFlag::Overdue: return QStringLiteral("overdue");
    }
    return {};
}

QString dueFlagDisplayName(DueFlag flag)
{
    switch (flag) {
    case DueFlag::None: return {};
    case DueFlag::NearDue: return tr("строк спливає");
    case DueFlag::Overdue: return tr("прострочено");
    }
    return {};
}

Result<QDate> registrationDueDate(const WorkingCalendar &calendar, QDate registered, int term, const QString &unitKey)
{
    if (!registered.isValid())
        return Error::invalid(QStringLiteral("registered"), tr("некоректна дата реєстрації"));
    if (term < 0)
        return Error::invalid(QStringLiteral("term"), tr("строк надання послуги не може бути від'ємним"));
    // The catalogue's "auto" means the result is produced at once (term 0); the
    // calendar's "auto" is Art. 33's ≤10-working-days rule, so it is not passed on.
    if (term == 0 || unitKey.trimmed().toLower() == QStringLiteral("auto"))
        return registered;
    auto unit = parseTermUnit(unitKey);
    if (!unit)
        return unit.error();
    return dueDate(calendar, registered, term, unit.value());
}

DueFlag dueFlag(const WorkingCalendar &calendar, CaseState state, QDate due, QDate today, int nearWorkingDays)
{
    if (!termRuns(state) || !due.isValid() || !today.isValid())
        return DueFlag::None;
    if (today > due)
        return DueFlag::Overdue;
    if (calendar.workingDaysBetween(today, due) <= nearWorkingDays)
        return DueFlag::NearDue;
    return DueFlag::None;
}

QDate dueDateAfterSuspension(const WorkingCalendar &calendar, QDate due, QDate suspendedOn, QDate resumedOn)
{
    if (!due.isValid() || !suspendedOn.isValid() || !resumedOn.isValid() || resumedOn <= suspendedOn)
        return due;
    return calendar.workingDayOnOrAfter(due.addDays(suspendedOn.daysTo(resumedOn)));
}

} // namespace cnap
