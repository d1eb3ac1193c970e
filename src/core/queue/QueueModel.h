#pragma once

// Plain records of the queue, shared by storage (rows), services (results) and the
// GUI (desk panel, hall display, kiosk).  Times are epoch milliseconds, UTC.

#include "core/queue/QueuePolicy.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cnap::queue {

/// A service group: one hall queue with its own ticket prefix.
struct QueueGroup final {
    qint64 id = 0;
    QString prefix;       ///< "А"
    QString name;         ///< shown on the kiosk and the display
    int position = 0;
    QStringList serviceCodes;
};

/// A catalogue service as the queue knows it: which group, booking rules.
struct QueueServiceEntry final {
    QString code;
    QString name;
    qint64 queueId = 0;
    AppointmentRules rules;
};

struct Desk final {
    qint64 id = 0;
    QString name;           ///< "1" … "10": what the display shows
    DeskState state = DeskState::Closed;
    QString clerk;          ///< login of the clerk working there now
    qint64 currentTicketId = 0;
    int priorityStreak = 0;
    QStringList serviceCodes;
};

struct Ticket final {
    qint64 id = 0;
    QString serviceDay;     ///< local date, "yyyy-MM-dd"
    qint64 queueId = 0;
    QString number;         ///< "А-001", "АП-003", "АЗ-002"
    TicketKind kind = TicketKind::Regular;
    QString categoryKey;    ///< priority category, empty otherwise
    QString serviceCode;    ///< the service it is queued for now
    QStringList services;   ///< all services of the visit, in order
    TicketState state = TicketState::Waiting;
    qint64 issuedAtMs = 0;
    qint64 sortAtMs = 0;    ///< place in line (kept on redirect, return and postpone)
    qint64 callableFromMs = 0;
    qint64 targetDeskId = 0;
    qint64 deskId = 0;
    QString deskName;
    QString clerk;
    qint64 calledAtMs = 0;
    qint64 startedAtMs = 0;
    qint64 finishedAtMs = 0;
    int recalls = 0;
    std::optional<Outcome> outcome;
    qint64 bookingId = 0;
};

struct Booking final {
    qint64 id = 0;
    QString code;           ///< what the visitor types at the kiosk
    QString serviceCode;
    qint64 slotAtMs = 0;
    QString state;          ///< "booked", "checked_in", "cancelled"
    qint64 ticketId = 0;
};

/// One event of the log.
struct QueueEvent final {
    qint64 id = 0;
    qint64 atMs = 0;
    QString kind;           ///< eventKey()
    qint64 ticketId = 0;
    QString ticketNumber;
    qint64 queueId = 0;
    QString serviceCode;
    qint64 deskId = 0;
    QString deskName;
    QString clerk;
    std::optional<qint64> durationMs;
    QString detail;
};

/// Live state of one queue for the board, kiosk and status.
struct QueueSnapshot final {
    qint64 queueId = 0;
    QString prefix;
    QString name;
    int waiting = 0;
    qint64 longestWaitSecs = 0;               ///< pause-adjusted
    std::optional<qint64> estimatedWaitSecs;  ///< for a ticket issued now; none if no desk is open
    int issuedToday = 0;
    int openDesks = 0;
    double averageServiceSecs = 0;
};

struct DeskSnapshot final {
    QString name;
    DeskState state = DeskState::Closed;
    QString clerk;
    QString currentTicket;                    ///< number, empty when free
    std::optional<TicketState> currentState;
    QStringList serviceCodes;
};

/// A call shown on the hall display (newest first).
struct CallNotice final {
    QString ticketNumber;
    QString deskName;
    qint64 atMs = 0;
    bool recall = false;
};

/// Everything a board or status screen shows, read in one go.
struct BoardSnapshot final {
    QString serviceDay;
    qint64 nowMs = 0;
    bool centrePaused = false;
    QString pauseReason;
    qint64 pausedSinceMs = 0;
    QList<QueueSnapshot> queues;
    QList<DeskSnapshot> desks;
    QList<CallNotice> recentCalls;
    qint64 revision = 0;                      ///< newest event id: changes with every change
};

} // namespace cnap::queue
