#pragma once

// The sync engine: drains the outbox to the security server and brings the
// registries' answers back.  The rules it keeps:
//  - never a database transaction across a network call: claim + commit, send,
//    then record the outcome (and move the case on) in a new transaction;
//  - a claim is a lease: an engine that dies leaves its items in-flight until
//    claimed_until passes, then any engine takes them again;
//  - every retry resends the bytes sealed at the first claim under the same
//    message id, so a provider that de-duplicates by id acts once;
//  - retry-later failures back off exponentially with jitter, give-up failures
//    and items past max_attempts go to `dead` with the reason.
// Several engines (threads or processes) may run at once against one database.

#include "core/Clock.h"
#include "core/Result.h"
#include "exchange/sync/SyncConfig.h"
#include "net/HttpTransport.h"
#include "storage/Database.h"
#include "storage/OutboxRepository.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace cnap::exchange::sync {

/// Creates one transport per worker (each worker talks over its own keep-alive connection).
using TransportFactory = std::function<Result<std::unique_ptr<net::HttpTransport>>()>;

/// What one cycle did.
struct CycleReport final {
    int claimed = 0;
    int done = 0;
    int retried = 0;
    int dead = 0;
    int released = 0;       ///< returned unsent at shutdown
    int leaseLost = 0;      ///< outcome dropped: the lease had passed to another engine
    int statusChecked = 0;
    int decisions = 0;      ///< registry decisions applied to cases
    int onlineNew = 0;      ///< new applications from the portal
    qint64 logPurged = 0;
    QStringList problems;   ///< English, no personal data (for the daemon log)
};

/// Progress of the outbound part: items finished so far of those due at the start.
using ProgressFn = std::function<void(int finished, int total)>;

class SyncEngine final {
public:
    SyncEngine(storage::DatabasePtr db, SyncConfig config, TransportFactory transports, const Clock &clock = Clock::system(),
               QString name = QStringLiteral("engine"));

    /// One full cycle: sends everything due (until nothing is due or a stop is
    /// requested), polls results of accepted applications, fetches online
    /// applications, purges the message log past retention.
    [[nodiscard]] Result<CycleReport> runCycle(const ProgressFn &progress = {});
    /// Only the outbound part of a cycle.
    [[nodiscard]] Result<CycleReport> sendDue(const ProgressFn &progress = {});
    /// GetApplicationStatus for accepted applications whose result is pending.
    [[nodiscard]] Status pollResults(CycleReport &report);
    /// FetchOnlineApplications from the stored marker on.
    [[nodiscard]] Status pollOnline(CycleReport &report);

    /// Asks running work to stop: items not yet sent return to the outbox,
    /// those on the wire finish.  Thread-safe, signal-safe (an atomic store).
    void requestStop() { m_stop->store(true); }
    [[nodiscard]] bool stopRequested() const { return m_stop->load(); }
    /// Makes `flag` this engine's stop request, so whoever holds it can stop a
    /// cycle the engine runs on another thread (the desk's Sync now when its
    /// window closes).  Before runCycle, not during it.
    void shareStopFlag(std::shared_ptr<std::atomic<bool>> flag)
    {
        if (flag)
            m_stop = std::move(flag);
    }

    [[nodiscard]] const SyncConfig &config() const { return m_config; }

    /// The exact SOAP bytes for an item: its header (our client, the provider
    /// from the config, the item's id, userId and case number in `issue`)
    /// around its stored payload.
    [[nodiscard]] static Result<QByteArray> seal(const storage::OutboxItem &item, const SyncConfig &config);
    /// Backoff before attempt `attempts + 1`: base·2^(attempts−1), capped, with
    /// "equal jitter" (half fixed, half random) so engines that failed together
    /// do not retry together.
    [[nodiscard]] static qint64 backoffMs(const SyncConfig &config, int attempts);

private:
    struct Worker;
    void workerLoop(Worker &w, std::atomic<int> &finished, int total, const ProgressFn &progress);
    void processItem(Worker &w, const storage::Claim &claim, const storage::OutboxItem &item);
    [[nodiscard]] qint64 nowMs() const { return m_clock.now().toMSecsSinceEpoch(); }

    storage::DatabasePtr m_db;
    SyncConfig m_config;
    TransportFactory m_transports;
    const Clock &m_clock;
    QString m_name;
    std::shared_ptr<std::atomic<bool>> m_stop = std::make_shared<std::atomic<bool>>(false);
};

} // namespace cnap::exchange::sync
