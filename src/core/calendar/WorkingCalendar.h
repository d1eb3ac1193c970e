#pragma once

// Which days a ЦНАП works: weekends, the public holidays of Art. 73 of the
// Labour Code of Ukraine (КЗпП) with the weekend transfer of its Art. 67, the
// martial-law suspension of both, and per-year overrides set by the centre.

#include "core/Result.h"

#include <QDate>
#include <QList>
#include <QSet>

namespace cnap {

/// Orthodox Easter Sunday of `year` as a Gregorian date: the Julian computus,
/// converted to the Gregorian calendar.  Invalid for years before 326.
[[nodiscard]] QDate orthodoxEaster(int year);

/// Why a day is (not) worked, most specific reason first.
enum class DayKind {
    Working,            ///< an ordinary working day
    ExtraWorking,       ///< made working by an override (e.g. a Saturday worked off)
    Weekend,            ///< Saturday or Sunday
    Holiday,            ///< an Art. 73 holiday (not under martial law)
    TransferredDayOff,  ///< weekday off because a holiday fell on a weekend (Art. 67)
    Closure,            ///< closed by an override (local decision, emergency)
};

[[nodiscard]] inline bool isWorking(DayKind k) { return k == DayKind::Working || k == DayKind::ExtraWorking; }

/// A working-day calendar.  A value type: copy it freely; every const member is
/// safe to call from several threads.
class WorkingCalendar final {
public:
    /// Martial law is on by default: it has been in force since 24.02.2022.
    WorkingCalendar() = default;

    /// Under martial law (Law 2136-IX, Art. 6) Art. 73 holidays and the Art. 67
    /// transfer do not apply: only weekends and overrides are days off.
    void setMartialLaw(bool on) { m_martialLaw = on; }
    [[nodiscard]] bool martialLaw() const { return m_martialLaw; }

    /// Replaces the overrides of `year`: `closures` become days off, `workingDays`
    /// become working days whatever else they are.  Refused (nothing changed)
    /// when a date is invalid, outside `year`, or in both lists.
    [[nodiscard]] Status setYearOverrides(int year, const QList<QDate> &closures, const QList<QDate> &workingDays);
    /// The overrides currently set for `year`, sorted.
    [[nodiscard]] QList<QDate> closures(int year) const;
    [[nodiscard]] QList<QDate> extraWorkingDays(int year) const;

    /// The Art. 73 public holidays of `year` as they stand since 2023, sorted
    /// (listed whether or not martial law suspends them).
    [[nodiscard]] static QList<QDate> publicHolidays(int year);
    /// The weekdays given off in `year` because a holiday fell on a weekend
    /// (Art. 67 part 3), sorted; listed whether or not martial law suspends them.
    [[nodiscard]] static QList<QDate> transferredDaysOff(int year);

    [[nodiscard]] DayKind dayKind(QDate date) const;
    [[nodiscard]] bool isWorkingDay(QDate date) const { return isWorking(dayKind(date)); }

    /// `date` itself if it is a working day, else the first working day after it.
    [[nodiscard]] QDate workingDayOnOrAfter(QDate date) const;
    /// The first working day strictly after `date`.
    [[nodiscard]] QDate nextWorkingDay(QDate date) const { return workingDayOnOrAfter(date.addDays(1)); }
    /// The `n`-th working day after `date` (n ≥ 1; `date` itself never counts).
    [[nodiscard]] QDate addWorkingDays(QDate date, int n) const;
    /// Working days in the closed range [from, to]; 0 when to < from.
    [[nodiscard]] int workingDaysBetween(QDate from, QDate to) const;

private:
    bool m_martialLaw = true;
    QSet<QDate> m_closures;
    QSet<QDate> m_extraWorking;
};

} // namespace cnap
