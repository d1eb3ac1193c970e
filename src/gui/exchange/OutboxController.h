#pragma once

#include "gui/common/AppContext.h"
#include "storage/OutboxRepository.h"

#include <QObject>

#include <optional>

namespace cnap::gui::exchange {

class OutboxModel;

/// The outbox part of the exchange page: counts per state, the item list
/// filtered by state, the dead letters with their reasons, and re-queueing a
/// dead letter (ExchangeService::requeue — the service checks the role; a
/// refusal comes back through failed()).  Database work runs on the
/// TaskRunner's worker; answers of a superseded filter are dropped.
class OutboxController final : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultPageSize = 200;

    explicit OutboxController(AppContext context, QObject *parent = nullptr);

    /// Items of the chosen state (all states when none).
    [[nodiscard]] OutboxModel *model() const { return m_items; }
    /// Dead letters only.
    [[nodiscard]] OutboxModel *deadModel() const { return m_dead; }
    [[nodiscard]] const storage::OutboxCounts &counts() const { return m_counts; }
    [[nodiscard]] std::optional<storage::OutboxState> stateFilter() const { return m_state; }
    [[nodiscard]] bool busy() const { return m_pending > 0; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }

    void setStateFilter(std::optional<storage::OutboxState> state);
    /// Counts, the list and the dead letters again.
    void refresh();
    void refreshCounts();
    /// Back to the outbox: attempts reset, the message id kept.
    void requeue(qint64 itemId);

Q_SIGNALS:
    void countsChanged(const cnap::storage::OutboxCounts &counts);
    void loaded(int rows);
    void deadLoaded(int rows);
    void requeued(qint64 itemId);
    /// The re-queue was refused (role, state) or failed; loading errors go to failed().
    void requeueFailed(const cnap::Error &error);
    void failed(const cnap::Error &error);
    void busyChanged(bool busy);

private:
    enum class List { Items, Dead };
    void reloadList(List list);
    void loadMore(List list, qint64 afterId, quint64 generation);
    void setBusy(bool busy);

    AppContext m_context;
    OutboxModel *m_items;
    OutboxModel *m_dead;
    storage::OutboxCounts m_counts;
    std::optional<storage::OutboxState> m_state;
    quint64 m_itemsGeneration = 0;
    quint64 m_deadGeneration = 0;
    int m_pageSize = kDefaultPageSize;
    int m_pending = 0;
};

} // namespace cnap::gui::exchange
