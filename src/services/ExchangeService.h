#pragma once

// Registry exchange use cases for every front end (GUI, cnapctl, the daemon's
// tests): sync now, the outbox and each case's exchange state, dead letters and
// re-queueing, the message log and its retention, online applications for the
// intake list.  Every method takes the acting user and checks the permission.

#include "core/Clock.h"
#include "core/Result.h"
#include "core/security/Access.h"
#include "exchange/sync/SyncEngine.h"
#include "storage/Database.h"
#include "storage/MessageLogRepository.h"
#include "storage/OutboxRepository.h"

#include <atomic>
#include <memory>
#include <optional>

namespace cnap::services {

/// What the supervisor's deadline page shows of the exchange (ExchangeService::health).
struct ExchangeHealth final {
    storage::OutboxCounts counts;
    QList<storage::OutboxItem> dead;                 ///< oldest first, with `lastError` as the reason
    QList<storage::RegistryDelivery> lastDelivered;  ///< by service code
};

class ExchangeService final {
public:
    /// `config` and `transports` are needed only by syncNow() and the dry run
    /// (the dry run seals with `config`).
    ExchangeService(storage::DatabasePtr db, exchange::sync::SyncConfig config = {},
                    exchange::sync::TransportFactory transports = {}, const Clock &clock = Clock::system());

    /// One sync cycle now (ExchangeRun), with progress.  Safe beside a running
    /// daemon: claims are leases, engines never take the same item.  Setting
    /// `stop` (from any thread) ends the cycle early: messages on the wire
    /// finish, claimed ones not yet sent go back to the outbox.
    [[nodiscard]] Result<exchange::sync::CycleReport> syncNow(const Actor &actor, const exchange::sync::ProgressFn &progress = {},
                                                              std::shared_ptr<std::atomic<bool>> stop = {});

    /// The outbox, oldest first (CaseRead).
    [[nodiscard]] Result<QList<storage::OutboxItem>> outbox(const Actor &actor, std::optional<storage::OutboxState> state = std::nullopt,
                                                            qint64 afterId = 0, int limit = 500);
    [[nodiscard]] Result<storage::OutboxCounts> counts(const Actor &actor);
    /// The last successful delivery per registry service (ReportsView): no
    /// personal data, for the supervisor's exchange health.
    [[nodiscard]] Result<QList<storage::RegistryDelivery>> lastDeliveries(const Actor &actor);
    /// Exchange health at a glance (CaseRead and ReportsView): the outbox counts,
    /// the oldest `deadLimit` dead letters with their reasons, the last delivery
    /// per registry service.
    [[nodiscard]] Result<ExchangeHealth> health(const Actor &actor, int deadLimit = 20);
    /// The exchange items of one case (CaseRead): what the clerk sees on the case.
    [[nodiscard]] Result<QList<storage::OutboxItem>> caseExchange(const Actor &actor, const QString &caseNumber);
    /// The request the case's next (or last) message is/was sent as (CaseRead):
    /// the stored bytes once sealed, else sealed now with the configuration —
    /// nothing is stored or sent.
    [[nodiscard]] Result<QByteArray> dryRunRequest(const Actor &actor, const QString &caseNumber);

    /// Dead letter back to the outbox (ExchangeRequeue).  A message never sent
    /// gets its payload rebuilt from the case's current data (so a fixed
    /// applicant record takes effect); a sent one keeps its bytes and id.
    [[nodiscard]] Status requeue(const Actor &actor, qint64 itemId);
    [[nodiscard]] Status requeueMessage(const Actor &actor, const QString &messageId);

    /// The message log, newest first (ExchangeViewLog).
    [[nodiscard]] Result<QList<storage::MessageLogEntry>> messageLog(const Actor &actor, qint64 beforeId = 0, int limit = 200,
                                                                     const QString &messageId = {});
    [[nodiscard]] Result<storage::MessageLogEntry> messageLogEntry(const Actor &actor, qint64 id);
    /// Deletes log entries older than `days` days (SystemAdminister); returns how many.
    [[nodiscard]] Result<qint64> purgeLog(const Actor &actor, int days);

    /// Applications that arrived online, for the intake list (CaseRegister).
    [[nodiscard]] Result<QList<storage::OnlineApplicationRow>> onlineApplications(const Actor &actor, bool onlyNew = true, int limit = 200);
    [[nodiscard]] Status takeOnlineApplication(const Actor &actor, qint64 id);

private:
    storage::DatabasePtr m_db;
    exchange::sync::SyncConfig m_config;
    exchange::sync::TransportFactory m_transports;
    const Clock &m_clock;
    storage::OutboxRepository m_outbox;
    storage::MessageLogRepository m_log;
};

} // namespace cnap::services
