#pragma once

// The supervisor's live picture of the centre and its deadline control, as plain
// records, with the rules that turn them into alerts and risk counts.  Pure.

#include "core/Result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cnap::reports {

/// What a desk is doing, as the supervisor reads it.
enum class DeskActivity { Free, Serving, Paused, Offline };
[[nodiscard]] QString deskActivityName(DeskActivity a);   ///< translated

struct QueueLive final {
    qint64 queueId = 0;
    QString prefix;
    QString name;
    int waiting = 0;
    qint64 longestWaitSecs = 0;               ///< pause-adjusted
    std::optional<qint64> estimatedWaitSecs;  ///< none when no open desk serves the queue
    int issuedToday = 0;
    QStringList serviceCodes;
};

struct DeskLive final {
    QString name;
    DeskActivity activity = DeskActivity::Offline;
    QString clerk;
    QString ticket;               ///< current ticket number, empty when none
    qint64 inServiceSecs = 0;     ///< since the current ticket was called
    qint64 idleSecs = 0;          ///< free since (open, no ticket)
    QStringList serviceCodes;
};

struct Alert final {
    enum class Kind { LongWait, IdleDesk };
    Kind kind = Kind::LongWait;
    QString subject;   ///< queue prefix or desk name
    QString message;   ///< translated
};

struct AlertRules final {
    qint64 waitThresholdSecs = 20 * 60;  ///< a wait longer than this raises an alert
    qint64 idleGraceSecs = 60;           ///< a free desk may take this long to call the next visitor
};

struct LiveCentre final {
    QString serviceDay;
    qint64 nowMs = 0;
    bool centrePaused = false;
    QString pauseReason;
    QList<QueueLive> queues;
    QList<DeskLive> desks;
    QList<Alert> alerts;
    qint64 revision = 0;
};

/// Alerts: a queue whose longest wait passed the threshold; an open desk left
/// free past the grace while someone waits in a queue it serves.  None while the
/// centre is paused (nobody is called during an air-raid alert by design).
[[nodiscard]] QList<Alert> computeAlerts(const LiveCentre &centre, const AlertRules &rules);

/// Deadline standing of an open case.
enum class DeadlineStatus { OnTrack, AtRisk, Overdue };

/// Overdue once the due date has passed; at risk when at least `atRiskShare`
/// (0–1) of the term, counted in calendar days from registration, is used.
[[nodiscard]] DeadlineStatus deadlineStatus(const QDate &registered, const QDate &due, const QDate &today,
                                            double atRiskShare);
/// Validates the at-risk share (field "atRiskShare": between 0.1 and 1).
[[nodiscard]] Status validateAtRiskShare(double share);

/// Open cases grouped by what the database can count cheaply.
struct DeadlineBucket final {
    QString provider;
    QString serviceCode;
    QString serviceName;
    QDate registered;
    QDate due;
    qint64 count = 0;
};

/// One line of the deadline control table.
struct DeadlineRow final {
    QString provider;
    QString serviceCode;   ///< empty on a provider's subtotal line
    QString serviceName;
    qint64 open = 0;
    qint64 atRisk = 0;
    qint64 overdue = 0;
};

/// Rows by provider and service (worst first: overdue, then at risk).
[[nodiscard]] QList<DeadlineRow> aggregateDeadlines(const QList<DeadlineBucket> &buckets, const QDate &today,
                                                    double atRiskShare);

} // namespace cnap::reports
