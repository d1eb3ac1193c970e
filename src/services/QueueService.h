#pragma once

// The electronic queue's use cases for every front end: the desk panel, the hall
// display, the kiosk, the supervisor's console and cnapctl.  Every method takes the
// acting user and checks the role first; a clerk acts only on their own desk.
// Live screens pair it with QueueWatcher (services/queue/QueueWatcher.h): refresh
// with board() whenever the watcher emits changed().

#include "core/Clock.h"
#include "core/Result.h"
#include "core/queue/QueueModel.h"
#include "core/security/Access.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMutex>
#include <QStringList>

#include <optional>

namespace cnap::storage {
class QueueRepository;
}

namespace cnap::services {

/// Centre-wide queue settings (stored in centre_settings under "queue.").
struct QueueSettings final {
    queue::AntiStarvationRule antiStarvation;
    int maxRecalls = 3;                 ///< repeat announcements before a no-show
    queue::LateArrivalRule lateArrival;
    int postponeMinutes = 10;           ///< default delay of "postpone"
    int defaultServiceMinutes = 10;     ///< estimate used until the log has durations
};

/// A walk-in ticket request (kiosk or desk).
struct IssueRequest final {
    QStringList serviceCodes;           ///< one or more services of one visit; the first decides the queue
    bool priority = false;
    QString priorityCategory;           ///< key, required when `priority`
    QString personId;                   ///< optional for priority: enforces once per day per service now
    QString source = QStringLiteral("desk");  ///< "kiosk", "desk", "cli" (statistics)
};

/// What the kiosk prints and shows.
struct IssuedTicket final {
    queue::Ticket ticket;
    QString queueName;
    QString serviceName;
    int ahead = 0;                            ///< waiting before this ticket now
    std::optional<qint64> estimatedWaitSecs;  ///< none when no open desk serves the queue
};

struct BookingRequest final {
    QString serviceCode;
    QDateTime slot;                     ///< local time of the slot start
    QString personId;                   ///< hashed for the per-person cap; never stored as is
};

/// Where a redirected visitor goes; at least one of the two.  The visitor keeps
/// their place in line (original issue time).
struct RedirectTarget final {
    QString serviceCode;                ///< another service (may move the ticket to another queue)
    QString deskName;                   ///< a particular desk: only it may call the ticket
};

class QueueService final {
public:
    explicit QueueService(storage::DatabasePtr db, const Clock &clock = Clock::system());

    // --- configuration (Permission::QueueConfigure) ----------------------------
    [[nodiscard]] Result<qint64> saveQueue(const Actor &actor, const QString &prefix, const QString &name, int position = 0);
    /// Puts a service into the queue with that prefix (moving it from another), with its booking rules.
    [[nodiscard]] Status assignService(const Actor &actor, const QString &prefix, const QString &serviceCode,
                                       const QString &serviceName, const queue::AppointmentRules &rules = {});
    /// Creates the desk or replaces the set of services it serves.
    [[nodiscard]] Status saveDesk(const Actor &actor, const QString &deskName, const QStringList &serviceCodes);
    /// Serves these services at the desk TODAY only, instead of its usual set (the
    /// supervisor's reassignment; supervisor or admin, never a clerk).  Stored per
    /// service day, so the next working day the usual set applies again by itself,
    /// whatever restarts in between and on every desk of the centre.  Giving the
    /// usual set back ends the reassignment.  Logged as a "configured" queue event.
    [[nodiscard]] Status reassignDeskForToday(const Actor &actor, const QString &deskName, const QStringList &serviceCodes);
    [[nodiscard]] Status saveCategory(const Actor &actor, const queue::PriorityCategory &category, int position = 0);
    [[nodiscard]] Status saveSettings(const Actor &actor, const QueueSettings &settings);

    // --- reads (Permission::QueueViewBoard) ------------------------------------
    [[nodiscard]] Result<QueueSettings> settings(const Actor &actor);
    [[nodiscard]] Result<QList<queue::QueueGroup>> queues(const Actor &actor);
    [[nodiscard]] Result<QList<queue::QueueServiceEntry>> services(const Actor &actor);
    [[nodiscard]] Result<QList<queue::Desk>> desks(const Actor &actor);
    [[nodiscard]] Result<QList<queue::PriorityCategory>> categories(const Actor &actor);
    /// Live state: queues (waiting, longest wait, estimate, issued today), desks,
    /// the last calls, the centre pause.  What the display, kiosk and panel show.
    [[nodiscard]] Result<queue::BoardSnapshot> board(const Actor &actor, int recentCalls = 10);
    /// The ticket the desk is serving or has called, if any.
    [[nodiscard]] Result<std::optional<queue::Ticket>> currentTicket(const Actor &actor, const QString &deskName);
    /// A ticket of today by number, with its place in line and estimate.
    [[nodiscard]] Result<IssuedTicket> ticketInfo(const Actor &actor, const QString &number);
    /// The event log after `afterId` (Permission::ReportsView): the statistics' source.
    [[nodiscard]] Result<QList<queue::QueueEvent>> events(const Actor &actor, qint64 afterId, int limit = 1000);

    // --- tickets and bookings (Permission::QueueIssueTicket) -------------------
    [[nodiscard]] Result<IssuedTicket> issueTicket(const Actor &actor, const IssueRequest &request);
    /// Free slot starts (local time) of a service on a day.
    [[nodiscard]] Result<QList<QDateTime>> freeSlots(const Actor &actor, const QString &serviceCode, const QDate &day);
    [[nodiscard]] Result<queue::Booking> book(const Actor &actor, const BookingRequest &request);
    [[nodiscard]] Status cancelBooking(const Actor &actor, const QString &code);
    /// Check-in of a booked visitor: on time → a booked ticket called at the slot
    /// time ahead of walk-ins; later than the grace → an ordinary walk-in ticket.
    [[nodiscard]] Result<IssuedTicket> checkIn(const Actor &actor, const QString &code);

    // --- desk actions (Permission::QueueServeDesk; a clerk only at actor.desk) --
    [[nodiscard]] Result<queue::Desk> openDesk(const Actor &actor, const QString &deskName);
    [[nodiscard]] Result<queue::Desk> pauseDesk(const Actor &actor, const QString &deskName);
    [[nodiscard]] Result<queue::Desk> resumeDesk(const Actor &actor, const QString &deskName);
    [[nodiscard]] Result<queue::Desk> closeDesk(const Actor &actor, const QString &deskName);
    /// Calls the next visitor: booked-now, then priority (anti-starvation permitting),
    /// then the longest-waiting regular ticket the desk serves.  Nullopt when nobody
    /// waits for the desk.  `onlyService` restricts the call to one of the desk's services.
    [[nodiscard]] Result<std::optional<queue::Ticket>> callNext(const Actor &actor, const QString &deskName,
                                                                const QString &onlyService = {});
    /// Repeats the announcement; after maxRecalls the visitor becomes a no-show
    /// (the returned ticket's state says which happened).
    [[nodiscard]] Result<queue::Ticket> recall(const Actor &actor, const QString &deskName);
    [[nodiscard]] Result<queue::Ticket> startService(const Actor &actor, const QString &deskName);
    [[nodiscard]] Result<queue::Ticket> finish(const Actor &actor, const QString &deskName,
                                               queue::Outcome outcome = queue::Outcome::Consultation);
    [[nodiscard]] Result<queue::Ticket> markNoShow(const Actor &actor, const QString &deskName);
    /// A no-show who turned up after all goes back to their original place.
    [[nodiscard]] Result<queue::Ticket> returnToQueue(const Actor &actor, const QString &deskName, const QString &ticketNumber);
    [[nodiscard]] Result<queue::Ticket> redirect(const Actor &actor, const QString &deskName, const RedirectTarget &target);
    /// The visitor steps aside (e.g. to fetch a document) and is callable again after `minutes` (0 = default).
    [[nodiscard]] Result<queue::Ticket> postpone(const Actor &actor, const QString &deskName, int minutes = 0);
    /// The clerk has seen the proof document: records the once-per-day use of the
    /// priority for the current ticket's service by this person (only a hash is kept).
    [[nodiscard]] Status confirmPriority(const Actor &actor, const QString &deskName, const QString &personId);

    // --- centre (Permission::QueuePauseCentre) ----------------------------------
    /// Air-raid alert: no calls, waits freeze, tickets are kept.
    [[nodiscard]] Status pauseCentre(const Actor &actor, const QString &reason);
    [[nodiscard]] Status resumeCentre(const Actor &actor);

private:
    template <typename F>
    auto inTransaction(F &&body) -> decltype(body(std::declval<storage::QueueRepository &>()));
    template <typename F>
    auto reading(F &&body) -> decltype(body(std::declval<storage::QueueRepository &>()));

    [[nodiscard]] Status checkDesk(const Actor &actor, const QString &deskName) const;
    /// Replaces the services of desks reassigned for today (what they serve now).
    [[nodiscard]] Status applyDayServices(storage::QueueRepository &repo, QList<queue::Desk> &desks);
    [[nodiscard]] Result<queue::Desk> lockDesk(storage::QueueRepository &repo, const QString &deskName);
    [[nodiscard]] Result<queue::Ticket> activeTicket(storage::QueueRepository &repo, const queue::Desk &desk);
    [[nodiscard]] Result<QueueSettings> loadSettings(storage::QueueRepository &repo);
    [[nodiscard]] Result<QueueSettings> cachedSettings(storage::QueueRepository &repo);
    /// Wakes the PostgreSQL watchers after a committed call (best effort).
    void announceCall();
    [[nodiscard]] Result<QString> personHash(storage::QueueRepository &repo, const QString &personId);
    [[nodiscard]] Result<IssuedTicket> describe(storage::QueueRepository &repo, const queue::Ticket &ticket);
    [[nodiscard]] Result<double> averageServiceSecs(storage::QueueRepository &repo, qint64 queueId, const QueueSettings &s);
    [[nodiscard]] Result<queue::Desk> setDeskState(const Actor &actor, const QString &deskName, queue::DeskState state);
    [[nodiscard]] queue::QueueEvent event(queue::EventKind kind, const Actor &actor, const queue::Ticket *ticket,
                                          const queue::Desk *desk) const;
    [[nodiscard]] QString today() const;
    [[nodiscard]] qint64 nowMs() const;

    storage::DatabasePtr m_db;
    const Clock &m_clock;
    QMutex m_settingsMutex;
    std::optional<QueueSettings> m_settingsCache;
    QElapsedTimer m_settingsAge;
};

} // namespace cnap::services
