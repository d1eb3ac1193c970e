#pragma once

// Due dates of a case: set at registration from the information card's term,
// moved by suspensions and extensions, watched for "near" and "past".
//
// This header deliberately takes the card's term unit as its key string
// ("working-days", "calendar-days", "hours", "auto"), so that the case code
// does not depend on the catalogue's and the calendar's enums at once.

#include "core/Result.h"
#include "core/cases/CaseState.h"

#include <QDate>
#include <QString>

namespace cnap {

class WorkingCalendar;

/// How a case stands against its due date.
enum class DueFlag {
    None,     ///< in time, or the term does not run (decided, suspended, closed)
    NearDue,  ///< the term runs and ends within the warning window
    Overdue,  ///< the term runs and its last day has passed
};

[[nodiscard]] QString dueFlagKey(DueFlag flag);          ///< "none", "near-due", "overdue"
[[nodiscard]] QString dueFlagDisplayName(DueFlag flag);  ///< translated

/// The due date of a case registered on `registered` under a card with `term`
/// `unitKey`s, by Art. 33 of Law 2073-IX (see core/calendar/Deadline.h).  A
/// card term of 0 ("auto", provided on the spot) gives the registration day.
/// Error fields: "term", "unit".
[[nodiscard]] Result<QDate> registrationDueDate(const WorkingCalendar &calendar, QDate registered, int term,
                                                const QString &unitKey);

/// Flags the case: Overdue when `today` is after `due`, NearDue when at most
/// `nearWorkingDays` working days are left (today included); None when the
/// term does not run in `state`.
[[nodiscard]] DueFlag dueFlag(const WorkingCalendar &calendar, CaseState state, QDate due, QDate today,
                              int nearWorkingDays = 2);

/// The due date after a suspension from `suspendedOn` until `resumedOn`: the
/// term does not run while the procedure is suspended (Law 2073-IX), so the
/// days it stood still are added back, and a due date falling on a day off
/// moves to the next working day (Art. 33 part 3).
[[nodiscard]] QDate dueDateAfterSuspension(const WorkingCalendar &calendar, QDate due, QDate suspendedOn,
                                           QDate resumedOn);

} // namespace cnap
