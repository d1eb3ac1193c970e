#pragma once

// The registry exchange outbox (migration 0300): items a case transition queued
// for a registry, claimed by sync engines under a lease, and the applications
// that arrived online.  Writes that must join a caller's transaction (enqueue
// at case registration, recording an outcome together with the case change)
// run on this thread's connection inside the caller's storage::Transaction;
// claim() opens its own.  No role checks here: the services do them.

#include "core/Result.h"
#include "storage/Database.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace cnap::storage {

/// Where an outbox item is in its life.  Keys: "pending", "in-flight", "done", "dead".
enum class OutboxState { Pending, InFlight, Done, Dead };
[[nodiscard]] QString outboxStateKey(OutboxState s);
[[nodiscard]] Result<OutboxState> outboxStateFromKey(const QString &key);

struct OutboxItem final {
    qint64 id = 0;
    QString messageId;          ///< X-Road id: generated at enqueue, reused on every retry
    qint64 caseId = 0;          ///< 0 when the item belongs to no case
    QString caseNumber;         ///< rides in the `issue` header
    QString serviceCode;        ///< registry service ("RegisterResidence")
    QString serviceVersion;
    QString userId;             ///< who caused it (login), for the userId header
    QByteArray payload;         ///< the body element as XML; empty when it could not be built
    QByteArray request;         ///< the SOAP bytes as first sent; empty until sealed
    OutboxState state = OutboxState::Pending;
    int attempts = 0;
    qint64 nextAttemptMs = 0;
    QString claimedBy;
    qint64 claimedUntilMs = 0;
    QString lastError;
    QString registryReference;  ///< the registry's number of the application, once accepted
    QString resultStatus;       ///< "", "pending", "granted", "refused"
    qint64 resultCheckedMs = 0;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    qint64 doneMs = 0;
};

/// What claim() hands an engine: the items and the token that fences them.
struct Claim final {
    QString token;
    QList<OutboxItem> items;
};

/// Counts per state, for the GUI and the benchmark.
struct OutboxCounts final {
    qint64 pending = 0;
    qint64 inFlight = 0;
    qint64 done = 0;
    qint64 dead = 0;
};

/// The last successful delivery to one registry service (exchange health).
struct RegistryDelivery final {
    QString serviceCode;        ///< registry service ("RegisterResidence")
    qint64 lastDoneMs = 0;      ///< when its last item was delivered (epoch ms)
    qint64 delivered = 0;       ///< items delivered to it so far
};

/// An application submitted on the portal (FetchOnlineApplications).
struct OnlineApplicationRow final {
    qint64 id = 0;
    QString portalId;
    QString serviceCode;
    QString serviceTitle;
    QDateTime submittedAt;
    QString lastName;
    QString firstName;
    QString patronymic;
    QString rnokpp;
    QString phone;
    QString summary;
    qint64 receivedMs = 0;
    QString state;  ///< "new" | "taken"
};

class OutboxRepository final {
public:
    explicit OutboxRepository(DatabasePtr db) : m_db(std::move(db)) {}

    /// Inserts a new item (inside the caller's Transaction).  `item.id` ignored.
    [[nodiscard]] Result<qint64> enqueue(const OutboxItem &item);

    /// Takes up to `limit` items that are due (pending and next attempt reached)
    /// or whose lease ran out (a crashed engine's), marks them in-flight until
    /// `nowMs + leaseMs` under a fresh token and counts the attempt.  Its own
    /// transaction: PostgreSQL locks the chosen rows with FOR UPDATE SKIP LOCKED
    /// so concurrent engines never take the same item; SQLite's BEGIN IMMEDIATE
    /// serialises claimers.  `onClaimed` runs inside that transaction (the engine
    /// seals requests there); an error from it rolls the claim back.
    [[nodiscard]] Result<Claim> claim(int limit, qint64 nowMs, qint64 leaseMs, const QString &engine,
                                      const std::function<Status(Claim &)> &onClaimed = {});

    /// Stores the sealed request of a claimed item (inside a Transaction).
    [[nodiscard]] Status seal(qint64 id, const QString &token, const QByteArray &request);

    /// Outcome updates, each fenced by the claim token: false when the lease was
    /// lost meanwhile (another engine owns the item now) and nothing changed.
    [[nodiscard]] Result<bool> markDone(qint64 id, const QString &token, qint64 nowMs, const QString &reference,
                                        const QString &resultStatus);
    [[nodiscard]] Result<bool> markRetry(qint64 id, const QString &token, qint64 nowMs, qint64 nextAttemptMs,
                                         const QString &error);
    [[nodiscard]] Result<bool> markDead(qint64 id, const QString &token, qint64 nowMs, const QString &reason);
    /// Returns the still-unsent items of a claim to the outbox (shutdown): the
    /// attempt is not counted.
    [[nodiscard]] Result<int> release(const QString &token, const QList<qint64> &ids, qint64 nowMs);

    /// A dead item back to pending with its attempts reset; `payload` replaces a
    /// missing payload when given.  NotFound / Conflict (not dead).
    [[nodiscard]] Status requeue(qint64 id, qint64 nowMs, const std::optional<QByteArray> &payload = std::nullopt);

    /// Result polling: done items with a registry reference whose result is still
    /// "pending" and was last checked before `checkedBeforeMs`.
    [[nodiscard]] Result<QList<OutboxItem>> awaitingResult(qint64 checkedBeforeMs, int limit);
    [[nodiscard]] Status setResult(qint64 id, const QString &resultStatus, qint64 nowMs);

    [[nodiscard]] Result<OutboxItem> get(qint64 id);
    [[nodiscard]] Result<OutboxItem> getByMessageId(const QString &messageId);
    /// Items of a case, oldest first.
    [[nodiscard]] Result<QList<OutboxItem>> forCase(const QString &caseNumber);
    /// The outbox, oldest first; `state` filters when set; `afterId` pages.
    [[nodiscard]] Result<QList<OutboxItem>> list(std::optional<OutboxState> state, qint64 afterId, int limit);
    [[nodiscard]] Result<OutboxCounts> counts();
    /// Per registry service that has ever been delivered to: the last delivery and
    /// the number delivered, by service code.
    [[nodiscard]] Result<QList<RegistryDelivery>> lastDeliveries();

    // --- inbound
    /// Stores portal applications not seen before (by portal id); returns how many were new.
    [[nodiscard]] Result<int> addOnlineApplications(const QList<OnlineApplicationRow> &rows);
    [[nodiscard]] Result<QList<OnlineApplicationRow>> onlineApplications(bool onlyNew, int limit);
    [[nodiscard]] Status markOnlineApplicationTaken(qint64 id);
    [[nodiscard]] Result<QString> cursor(const QString &name);
    [[nodiscard]] Status setCursor(const QString &name, const QString &value);

private:
    [[nodiscard]] Result<QList<OutboxItem>> select(const QString &tail, const QVariantList &binds);
    DatabasePtr m_db;
};

} // namespace cnap::storage
