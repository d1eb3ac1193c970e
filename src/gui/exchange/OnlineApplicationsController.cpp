#include "gui/exchange/OnlineApplicationsController.h"

#include "gui/common/TaskRunner.h"
#include "gui/exchange/ExchangeModels.h"
#include "services/ExchangeService.h"

namespace cnap::gui::exchange {

using RowsResult = Result<QList<storage::OnlineApplicationRow>>;

OnlineApplicationsController::OnlineApplicationsController(AppContext context, QObject *parent)
    : QObject(parent), m_context(std::move(context)), m_model(new OnlineApplicationsModel(this))
{
}

void OnlineApplicationsController::setShowTaken(bool show)
{
    m_showTaken = show;
    reload();
}

void OnlineApplicationsController::reload()
{
    const quint64 generation = ++m_generation;
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    const bool onlyNew = !m_showTaken;
    m_context.runner->run(
        this, [db, actor, clock, onlyNew]() { return services::ExchangeService(db, {}, {}, *clock).onlineApplications(actor, onlyNew, 500); },
        [this, generation](RowsResult r) {
            if (generation != m_generation)
                return;
            if (!r) {
                m_model->setRows({});
                Q_EMIT failed(r.error());
                return;
            }
            m_model->setRows(r.value());
            Q_EMIT loaded(m_model->rowCount());
        });
}

void OnlineApplicationsController::take(qint64 id)
{
    storage::OnlineApplicationRow row;
    row.id = id;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->rowAt(r)->id == id)
            row = *m_model->rowAt(r);
    }
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    m_context.runner->run(
        this, [db, actor, clock, id]() { return services::ExchangeService(db, {}, {}, *clock).takeOnlineApplication(actor, id); },
        [this, id, row](Status s) {
            if (!s) {
                Q_EMIT failed(s.error());
                if (s.error().code == ErrorCode::Conflict)
                    reload();  // someone else was faster: show the list as it is now
                return;
            }
            if (m_showTaken)
                m_model->markTaken(id);
            else
                reload();
            Q_EMIT taken(row);
        });
}

} // namespace cnap::gui::exchange
