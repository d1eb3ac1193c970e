#pragma once

// All SQL of the electronic queue.  Works on the calling thread's connection; the
// caller (QueueService) owns the transaction, so several calls form one atomic
// change.  Both dialects run the same statements except where noted.

#include "core/Result.h"
#include "core/queue/QueueModel.h"

#include <QHash>
#include <QSqlDatabase>

#include <optional>

namespace cnap::storage {

class QueueRepository final {
public:
    explicit QueueRepository(QSqlDatabase db);

    // --- configuration -------------------------------------------------------
    [[nodiscard]] Result<QList<queue::QueueGroup>> groups();
    [[nodiscard]] Result<std::optional<queue::QueueGroup>> groupByPrefix(const QString &prefix);
    /// Creates the group or renames it (matched by prefix); returns its id.
    [[nodiscard]] Result<qint64> upsertGroup(const QString &prefix, const QString &name, int position);
    [[nodiscard]] Result<QList<queue::QueueServiceEntry>> services();
    [[nodiscard]] Result<std::optional<queue::QueueServiceEntry>> service(const QString &code);
    /// Puts a service into a group (moving it if it was elsewhere) with its booking rules.
    [[nodiscard]] Status upsertService(const queue::QueueServiceEntry &entry);

    [[nodiscard]] Result<QList<queue::Desk>> desks();
    /// The desk by name; on PostgreSQL `lock` takes its row lock for the transaction.
    [[nodiscard]] Result<std::optional<queue::Desk>> deskByName(const QString &name, bool lock = false);
    [[nodiscard]] Result<std::optional<queue::Desk>> deskById(qint64 id);
    /// Creates the desk or replaces its set of services; returns its id.
    [[nodiscard]] Result<qint64> upsertDesk(const QString &name, const QStringList &serviceCodes, qint64 nowMs);
    [[nodiscard]] Status setDeskState(qint64 deskId, queue::DeskState state, const QString &clerk, qint64 nowMs);
    [[nodiscard]] Status setDeskCurrent(qint64 deskId, qint64 ticketId, int priorityStreak, qint64 nowMs);

    [[nodiscard]] Result<QList<queue::PriorityCategory>> categories();
    [[nodiscard]] Status upsertCategory(const queue::PriorityCategory &category, int position);

    /// centre_settings rows whose key starts with `prefix`.
    [[nodiscard]] Result<QHash<QString, QString>> settings(const QString &prefix);
    [[nodiscard]] Status setSetting(const QString &key, const QString &value, const QString &updatedAt);
    /// Inserts the setting only if absent (first writer wins); returns the stored value.
    [[nodiscard]] Result<QString> ensureSetting(const QString &key, const QString &value, const QString &updatedAt);

    // --- tickets -------------------------------------------------------------
    /// Next number in a (queue, day, series) range, atomically.
    [[nodiscard]] Result<int> nextNumber(qint64 queueId, const QString &day, const QString &series);
    /// Inserts the ticket with its services; returns the id.
    [[nodiscard]] Result<qint64> insertTicket(const queue::Ticket &ticket, const QString &source);
    /// Load tests and data migration (PostgreSQL only): `count` waiting regular
    /// tickets of one service in one statement, issued one millisecond apart from
    /// `firstIssuedMs`, numbered on from the queue's counter, with "issued" events.
    [[nodiscard]] Status insertWaitingBulk(qint64 queueId, const QString &prefix, const QString &serviceCode, const QString &day,
                                           int count, qint64 firstIssuedMs);
    [[nodiscard]] Result<std::optional<queue::Ticket>> ticket(qint64 id);
    [[nodiscard]] Result<std::optional<queue::Ticket>> ticketByNumber(const QString &day, const QString &number);

    /// What a desk action needs, in one round trip: the desk (row-locked on
    /// PostgreSQL), its current ticket's number and state, and the open centre
    /// pause.  Desk services are not loaded.
    struct DeskContext {
        queue::Desk desk;
        QString currentNumber;
        std::optional<queue::TicketState> currentState;
        bool centrePaused = false;
        QString pauseReason;
    };
    [[nodiscard]] Result<std::optional<DeskContext>> deskContext(const QString &name);

    /// claimNext, then points the desk at the ticket and appends the "called"
    /// event; on PostgreSQL all three in one statement (data-modifying CTEs).
    [[nodiscard]] Result<std::optional<queue::Ticket>> claimAndRecord(const queue::Desk &desk, const QString &day, qint64 nowMs,
                                                                      const QString &clerk, bool allowPriority,
                                                                      const QString &onlyService);
    /// Finishes the desk's current ticket, frees the desk and appends the
    /// "finished" event with the service duration; one statement on PostgreSQL.
    /// Returns the finished ticket, nullopt when the desk had none in hand.
    [[nodiscard]] Result<std::optional<queue::Ticket>> finishAndRecord(const queue::Desk &desk, qint64 nowMs, queue::Outcome outcome,
                                                                       const QString &clerk);

    /// PostgreSQL fast paths: the whole desk action as ONE autocommitted statement,
    /// desk row locked inside it.  They act only in the plain case (desk open and
    /// free, no centre pause, priority streak below `maxStreak`; for finish: a
    /// ticket in hand) and return nullopt otherwise, so the caller then takes the
    /// transactional path, which also produces the precise error.
    [[nodiscard]] Result<std::optional<queue::Ticket>> fastCall(const QString &deskName, const QString &day, qint64 nowMs,
                                                                const QString &clerk, int maxStreak);
    [[nodiscard]] Result<std::optional<queue::Ticket>> fastFinish(const QString &deskName, qint64 nowMs, queue::Outcome outcome,
                                                                  const QString &clerk);

    /// PostgreSQL: wakes the LISTENing displays and desks after a committed call.
    /// Calls do not notify from the queue_events trigger (migration 0101): a
    /// notifying commit holds the server's one notify lock until its WAL flush, so
    /// every desk's call queued behind every other's fsync.  This NOTIFY runs in a
    /// transaction of its own with synchronous_commit off: it holds the lock for
    /// microseconds, and a lost wake-up after a crash is caught by the poll.
    /// No-op on SQLite (its watchers poll).
    [[nodiscard]] Status announceCall();

    /// THE claim: in one statement, marks the first waiting ticket this desk may
    /// serve as called by it and returns it; skips rows other desks hold locked
    /// (PostgreSQL FOR UPDATE SKIP LOCKED), so no ticket is ever called twice.
    /// Order: booked-now, priority (only if `allowPriority`), regular; each by sort_at.
    [[nodiscard]] Result<std::optional<queue::Ticket>> claimNext(qint64 deskId, const QString &day, qint64 nowMs,
                                                                 const QString &clerk, bool allowPriority,
                                                                 const QString &onlyService = {});
    /// sort_at of the longest-waiting callable regular ticket the desk can serve.
    [[nodiscard]] Result<std::optional<qint64>> oldestRegularSortAt(qint64 deskId, const QString &day, qint64 nowMs);

    [[nodiscard]] Status markStarted(qint64 ticketId, qint64 nowMs);
    [[nodiscard]] Status markFinished(qint64 ticketId, qint64 nowMs, queue::Outcome outcome);
    [[nodiscard]] Status markNoShow(qint64 ticketId, qint64 nowMs);
    [[nodiscard]] Status markRecalled(qint64 ticketId, qint64 nowMs);
    /// Back to waiting, keeping sort_at (its place in line): redirect, return, postpone.
    [[nodiscard]] Status requeue(qint64 ticketId, qint64 queueId, const QString &serviceCode, qint64 targetDeskId,
                                 qint64 callableFromMs);
    [[nodiscard]] Status demoteToRegular(qint64 ticketId);
    /// Waiting tickets of the same queue and day called before this one.
    [[nodiscard]] Result<int> ticketsAhead(const queue::Ticket &ticket, qint64 nowMs);

    // --- priority limit ------------------------------------------------------
    [[nodiscard]] Result<bool> priorityUsed(const QString &day, const QString &serviceCode, const QString &personHash);
    /// The ticket that used the priority (0 when unused).
    [[nodiscard]] Result<qint64> priorityUseTicket(const QString &day, const QString &serviceCode, const QString &personHash);
    [[nodiscard]] Status recordPriorityUse(const QString &day, const QString &serviceCode, const QString &personHash,
                                           const QString &categoryKey, qint64 ticketId);

    // --- bookings ------------------------------------------------------------
    /// Serialises bookings of one service (PostgreSQL row lock; SQLite holds the write lock anyway).
    [[nodiscard]] Status lockServiceForBooking(const QString &serviceCode);
    [[nodiscard]] Result<int> bookingsAtSlot(const QString &serviceCode, qint64 slotAtMs);
    [[nodiscard]] Result<int> activeBookingsOfPerson(const QString &serviceCode, const QString &personHash, qint64 nowMs);
    [[nodiscard]] Result<qint64> insertBooking(const queue::Booking &booking, const QString &slotDay,
                                               const QString &personHash, qint64 nowMs);
    [[nodiscard]] Result<std::optional<queue::Booking>> bookingByCode(const QString &code, bool lock);
    [[nodiscard]] Result<QList<qint64>> bookedSlots(const QString &serviceCode, qint64 fromMs, qint64 toMs);
    [[nodiscard]] Status setBookingState(qint64 bookingId, const QString &state, qint64 ticketId);

    // --- centre pauses -------------------------------------------------------
    [[nodiscard]] Result<std::optional<std::pair<queue::PauseInterval, QString>>> openPause();
    [[nodiscard]] Status startPause(qint64 nowMs, const QString &reason, const QString &by);
    [[nodiscard]] Status endPause(qint64 nowMs, const QString &by);
    /// Pause intervals that end after `sinceMs` (or still last).
    [[nodiscard]] Result<QList<queue::PauseInterval>> pausesSince(qint64 sinceMs);

    // --- events and statistics -----------------------------------------------
    [[nodiscard]] Status appendEvent(const queue::QueueEvent &event);
    [[nodiscard]] Result<QList<queue::QueueEvent>> events(qint64 afterId, int limit);
    [[nodiscard]] Result<qint64> revision();
    /// Per queue: waiting, oldest waiting sort_at, issued today, open desks.
    struct QueueCounts {
        qint64 queueId = 0;
        QString prefix;
        QString name;
        int waiting = 0;
        qint64 oldestSortAt = 0;
        int issued = 0;
        int openDesks = 0;
    };
    [[nodiscard]] Result<QList<QueueCounts>> queueCounts(const QString &day);
    /// Service durations (ms) of the queue's last `limit` finished visits since `sinceMs`, from the event log.
    [[nodiscard]] Result<QList<qint64>> recentServiceDurations(qint64 queueId, qint64 sinceMs, int limit);
    [[nodiscard]] Result<QList<queue::CallNotice>> recentCalls(qint64 sinceMs, int limit);
    /// Ticket number and state for desks' current tickets.
    [[nodiscard]] Result<QHash<qint64, std::pair<QString, queue::TicketState>>> currentTickets();

    // --- reassignment for a day (migration 0510) --------------------------------
    /// Desks reassigned for `day` and the services they serve that day instead of their usual set.
    [[nodiscard]] Result<QHash<qint64, QStringList>> dayServices(const QString &day);
    /// Replaces the desk's services for `day` (an empty list restores its usual set);
    /// rows of earlier days are dropped.  The claim reads these rows for tickets of that day.
    [[nodiscard]] Status setDayServices(qint64 deskId, const QString &day, const QStringList &serviceCodes, const QString &by,
                                        qint64 nowMs);

private:
    QSqlDatabase m_db;
    bool m_pg;
};

} // namespace cnap::storage
