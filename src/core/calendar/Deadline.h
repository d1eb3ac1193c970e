#pragma once

// Deadlines of an administrative procedure, Art. 33 of the Law of Ukraine
// "On Administrative Procedure" (2073-IX):
//  - a term starts the day after the event it is tied to (part 2);
//  - ten days or less count in working days, more in calendar days, unless a
//    law says otherwise (part 1) — TermUnit::Auto;
//  - a term in hours ends in the last minute of its last hour (part 3);
//  - when the last day is a weekend, holiday or other non-working day, the term
//    ends on the first working day after it (part 3).

#include "core/Result.h"
#include "core/calendar/WorkingCalendar.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace cnap {

enum class TermUnit {
    WorkingDays,   ///< "working-days"
    CalendarDays,  ///< "calendar-days"
    Hours,         ///< "hours"
    Auto,          ///< "auto": ≤ 10 → working days, > 10 → calendar days
};

/// Parses "working-days", "calendar-days", "hours" or "auto" (case and
/// surrounding blanks ignored).  Error field: "unit".
[[nodiscard]] Result<TermUnit> parseTermUnit(const QString &text);
/// The canonical name parseTermUnit() accepts.
[[nodiscard]] QString termUnitName(TermUnit unit);
/// What `unit` means for a term of `count`: Auto becomes WorkingDays or
/// CalendarDays; the other units stay as they are.
[[nodiscard]] TermUnit effectiveTermUnit(int count, TermUnit unit);

/// Longest terms accepted: ten years, in days or in hours.
inline constexpr int kMaxTermDays = 3660;
inline constexpr int kMaxTermHours = kMaxTermDays * 24;

/// The last day of a term of `count` `unit`s tied to an event on `event`.
/// For Hours the event counts from the start of the next day, as Art. 33 part 2
/// says, so 24 hours after a Monday event end on Tuesday.  Error fields:
/// "from" (invalid date), "term" (count < 1 or too long).
[[nodiscard]] Result<QDate> dueDate(const WorkingCalendar &calendar, QDate event, int count, TermUnit unit);

/// As dueDate(), to the minute: the start of the last minute still in time, in
/// the event's time zone.  Hours: the next day's 00:00 plus `count` hours, minus
/// one minute; when that falls on a non-working day, 23:59 of the first working
/// day after it.  Day units: 23:59 of the due date.
[[nodiscard]] Result<QDateTime> dueMoment(const WorkingCalendar &calendar, const QDateTime &event, int count, TermUnit unit);

} // namespace cnap
