#pragma once

// The electronic queue's rules, free of storage and UI: who is called next, how
// ticket numbers look, how long a visitor waits, when a booking is valid and when
// a late visitor becomes a walk-in.  The storage layer implements the call order
// as an index walk (see QueueRepository::claimNext); the decisions that need
// judgement (may a priority ticket jump ahead now?) are made here.

#include "core/Result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>

#include <optional>

namespace cnap::queue {

enum class TicketKind { Regular, Priority, Booked };
enum class TicketState { Waiting, Called, Serving, NoShow, Finished, Cancelled };
enum class DeskState { Open, Paused, Closed };
/// How a visit ended at the desk.
enum class Outcome { CaseRegistered, Consultation, Refused };

/// Every kind of queue event written to the event log (the statistics' source).
enum class EventKind {
    Issued, Called, Recalled, Started, Redirected, NoShow, Returned, Postponed, Finished,
    DeskOpened, DeskPaused, DeskResumed, DeskClosed, CentrePaused, CentreResumed,
    Booked, BookingCancelled, CheckedIn, PriorityConfirmed, Configured,
};

[[nodiscard]] QString kindKey(TicketKind k);            ///< "regular", "priority", "booked"
[[nodiscard]] QString stateKey(TicketState s);          ///< "waiting", "called", ... "no_show"
[[nodiscard]] Result<TicketState> stateFromKey(const QString &key);
[[nodiscard]] Result<TicketKind> kindFromKey(const QString &key);
[[nodiscard]] QString deskStateKey(DeskState s);        ///< "open", "paused", "closed"
[[nodiscard]] Result<DeskState> deskStateFromKey(const QString &key);
[[nodiscard]] QString outcomeKey(Outcome o);            ///< "case-registered", "consultation", "refused"
[[nodiscard]] Result<Outcome> outcomeFromKey(const QString &key);  ///< field "outcome"
[[nodiscard]] QString outcomeDisplayName(Outcome o);    ///< translated
[[nodiscard]] QString eventKey(EventKind k);            ///< "issued", "called", ... "centre-paused"

/// The claim order: lower is called first (booked-now, then priority, then regular).
[[nodiscard]] int callRank(TicketKind k);

/// A priority category (configurable; defaults are seeded by the queue migration).
struct PriorityCategory final {
    QString key;
    QString name;
    QString proof;   ///< the document the visitor shows at the desk
};

/// Anti-starvation: a desk calls at most `maxPriorityInRow` priority tickets in a
/// row while a regular visitor it could serve has waited longer than the threshold.
struct AntiStarvationRule final {
    int maxPriorityInRow = 3;
    qint64 regularWaitThresholdSecs = 20 * 60;
};

/// May the desk's next call take a priority ticket ahead of regular ones?
/// `oldestRegularWaitSecs` is the (pause-adjusted) wait of the longest-waiting
/// regular ticket this desk can serve, or nullopt when none waits.
[[nodiscard]] bool priorityMayJumpAhead(const AntiStarvationRule &rule, int priorityStreak,
                                        std::optional<qint64> oldestRegularWaitSecs);
/// The desk's streak of consecutive priority calls after calling a ticket of `called` kind.
[[nodiscard]] int nextPriorityStreak(int streak, TicketKind called);

/// A centre-wide pause (air-raid alert); endMs 0 while it lasts.
struct PauseInterval final {
    qint64 startMs = 0;
    qint64 endMs = 0;
};

/// Time waited between `sinceMs` and `nowMs`, not counting centre pauses: waits
/// freeze while the centre is paused.
[[nodiscard]] qint64 effectiveWaitMs(qint64 sinceMs, qint64 nowMs, const QList<PauseInterval> &pauses);

/// "А-001", priority "АП-001", booked "АЗ-001": own number range per kind, per queue, per day.
[[nodiscard]] QString formatTicketNumber(const QString &prefix, TicketKind kind, int seq);
/// The extra letter that marks a kind's range ("" for regular).
[[nodiscard]] QString seriesLetter(TicketKind kind);
/// A valid queue prefix: 1–3 capital letters (Cyrillic or Latin), no digits.
[[nodiscard]] Status validatePrefix(const QString &prefix);

/// Estimated wait for a visitor with `ahead` people before them: those are shared
/// among the open desks serving the queue at the average service time; nullopt when no
/// open desk serves it (the wait cannot be estimated).
[[nodiscard]] std::optional<qint64> estimateWaitSecs(int ahead, double averageServiceSecs, int openDesks);

/// After `maxRecalls` repeat announcements the next recall marks the visitor a no-show.
[[nodiscard]] bool recallsExhausted(int recallsSoFar, int maxRecalls);

/// Booking rules of one service.
struct AppointmentRules final {
    int slotMinutes = 15;
    QTime opens{9, 0};
    QTime closes{17, 0};
    int horizonDays = 14;
    int perPersonCap = 1;     ///< active (future) bookings per person per service
    int slotCapacity = 1;     ///< visitors per slot
};

/// Slot start times of one day (local time), last slot ends by `closes`.
[[nodiscard]] QList<QTime> slotTimes(const AppointmentRules &rules);
/// Is a working day for bookings (Monday–Friday)?
[[nodiscard]] bool isBookingDay(const QDate &day);
/// A slot is bookable: a working day from today to the horizon, on the slot grid,
/// within opening hours, not in the past.  Errors name the field "slot".
[[nodiscard]] Status validateSlot(const AppointmentRules &rules, const QDateTime &nowLocal, const QDateTime &slotLocal);

/// What a booked visitor's check-in means.
enum class CheckIn {
    OnTime,      ///< called at the slot time ahead of walk-ins
    LateWalkIn,  ///< more than the grace late: joins the walk-in queue
    TooEarly,    ///< before the check-in window opens
    WrongDay,
};
struct LateArrivalRule final {
    qint64 graceSecs = 10 * 60;         ///< more than this late → walk-in
    qint64 earlyWindowSecs = 60 * 60;   ///< check-in opens this long before the slot
};
[[nodiscard]] CheckIn checkInVerdict(const LateArrivalRule &rule, const QDateTime &slotLocal, const QDateTime &nowLocal);

} // namespace cnap::queue
