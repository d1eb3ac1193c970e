#include "gui/exchange/OutboxController.h"

#include "gui/common/TaskRunner.h"
#include "gui/exchange/ExchangeModels.h"
#include "services/ExchangeService.h"

namespace cnap::gui::exchange {

using ItemsResult = Result<QList<storage::OutboxItem>>;

namespace {

/// The list shows states and errors; payload and request bytes stay in the database.
ItemsResult withoutBytes(ItemsResult r)
{
    if (r) {
        for (storage::OutboxItem &i : r.value()) {
            i.payload.clear();
            i.request.clear();
        }
    }
    return r;
}

} // namespace

OutboxController::OutboxController(AppContext context, QObject *parent)
    : QObject(parent), m_context(std::move(context)), m_items(new OutboxModel(this)), m_dead(new OutboxModel(this))
{
    connect(m_items, &OutboxModel::moreRequested, this,
            [this](qint64 afterId, quint64 generation) { loadMore(List::Items, afterId, generation); });
    connect(m_dead, &OutboxModel::moreRequested, this,
            [this](qint64 afterId, quint64 generation) { loadMore(List::Dead, afterId, generation); });
}

void OutboxController::setBusy(bool busy)
{
    const bool was = m_pending > 0;
    m_pending += busy ? 1 : -1;
    if (was != (m_pending > 0))
        Q_EMIT busyChanged(m_pending > 0);
}

void OutboxController::setStateFilter(std::optional<storage::OutboxState> state)
{
    m_state = state;
    reloadList(List::Items);
}

void OutboxController::refresh()
{
    refreshCounts();
    reloadList(List::Items);
    reloadList(List::Dead);
}

void OutboxController::refreshCounts()
{
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    setBusy(true);
    m_context.runner->run(
        this, [db, actor, clock]() { return services::ExchangeService(db, {}, {}, *clock).counts(actor); },
        [this](Result<storage::OutboxCounts> r) {
            setBusy(false);
            if (!r) {
                Q_EMIT failed(r.error());
                return;
            }
            m_counts = r.value();
            Q_EMIT countsChanged(m_counts);
        });
}

void OutboxController::reloadList(List list)
{
    const quint64 generation = list == List::Items ? ++m_itemsGeneration : ++m_deadGeneration;
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    const auto state = list == List::Items ? m_state : std::optional<storage::OutboxState>(storage::OutboxState::Dead);
    const int limit = m_pageSize;
    setBusy(true);
    m_context.runner->run(
        this,
        [db, actor, clock, state, limit]() { return withoutBytes(services::ExchangeService(db, {}, {}, *clock).outbox(actor, state, 0, limit)); },
        [this, list, generation, limit](ItemsResult r) {
            setBusy(false);
            OutboxModel *model = list == List::Items ? m_items : m_dead;
            if (generation != (list == List::Items ? m_itemsGeneration : m_deadGeneration))
                return;  // a newer filter superseded this answer
            if (!r) {
                model->resetWith({}, false, generation);
                Q_EMIT failed(r.error());
                return;
            }
            model->resetWith(r.value(), r->size() >= limit, generation);
            if (list == List::Items)
                Q_EMIT loaded(model->rowCount());
            else
                Q_EMIT deadLoaded(model->rowCount());
        });
}

void OutboxController::loadMore(List list, qint64 afterId, quint64 generation)
{
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    const auto state = list == List::Items ? m_state : std::optional<storage::OutboxState>(storage::OutboxState::Dead);
    const int limit = m_pageSize;
    setBusy(true);
    m_context.runner->run(
        this,
        [db, actor, clock, state, afterId, limit]() {
            return withoutBytes(services::ExchangeService(db, {}, {}, *clock).outbox(actor, state, afterId, limit));
        },
        [this, list, generation, limit](ItemsResult r) {
            setBusy(false);
            OutboxModel *model = list == List::Items ? m_items : m_dead;
            if (!r) {
                model->pageFailed(generation);
                Q_EMIT failed(r.error());
                return;
            }
            model->appendPage(r.value(), r->size() >= limit, generation);
            if (generation != (list == List::Items ? m_itemsGeneration : m_deadGeneration))
                return;
            if (list == List::Items)
                Q_EMIT loaded(model->rowCount());
            else
                Q_EMIT deadLoaded(model->rowCount());
        });
}

void OutboxController::requeue(qint64 itemId)
{
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    setBusy(true);
    m_context.runner->run(
        this, [db, actor, clock, itemId]() { return services::ExchangeService(db, {}, {}, *clock).requeue(actor, itemId); },
        [this, itemId](Status s) {
            setBusy(false);
            if (!s) {
                Q_EMIT requeueFailed(s.error());
                refresh();  // the item may have changed meanwhile (another supervisor)
                return;
            }
            Q_EMIT requeued(itemId);
            refresh();
        });
}

} // namespace cnap::gui::exchange
