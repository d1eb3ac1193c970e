#include "gui/desk/CaseListController.h"

#include "gui/common/TaskRunner.h"
#include "gui/desk/CaseListModel.h"

namespace cnap::gui::desk {

CaseListController::CaseListController(AppContext context, DeskServicesPtr services, QObject *parent)
    : QObject(parent), m_context(std::move(context)), m_services(std::move(services)), m_model(new CaseListModel(this))
{
    m_query.limit = 100;
    connect(m_model, &CaseListModel::moreRequested, this,
            [this](const CasePageKey &after, quint64 generation) { loadPage(after, generation); });
}

void CaseListController::setQuery(const CaseListQuery &query)
{
    m_query = query;
    m_query.after.reset();
    reload();
}

void CaseListController::reload() { loadPage(std::nullopt, ++m_generation); }

void CaseListController::loadPage(std::optional<CasePageKey> after, quint64 generation)
{
    if (!m_services->cases) {
        Q_EMIT failed(Error::make(ErrorCode::Unsupported, m_services->storeProblem));
        return;
    }
    CaseListQuery q = m_query;
    q.after = after;
    auto cases = m_services->cases;
    const Actor actor = m_context.actor;
    const bool first = !after.has_value();
    m_context.runner->run(
        this, [cases, actor, q]() { return cases->list(actor, q); },
        [this, generation, first](Result<CasePage> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                m_model->pageFailed(generation);
                Q_EMIT failed(r.error());
                return;
            }
            if (first)
                m_model->resetWith(r.value(), generation);
            else
                m_model->appendPage(r.value(), generation);
            Q_EMIT loaded(m_model->rowCount());
        });
}

void CaseListController::search(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        reload();
        return;
    }
    if (!m_services->cases) {
        Q_EMIT failed(Error::make(ErrorCode::Unsupported, m_services->storeProblem));
        return;
    }
    const quint64 generation = ++m_generation;
    auto cases = m_services->cases;
    const Actor actor = m_context.actor;
    m_context.runner->run(
        this, [cases, actor, text]() { return cases->search(actor, text, 200); },
        [this, generation](Result<QList<CaseSummary>> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                Q_EMIT failed(r.error());
                return;
            }
            m_model->resetWithRows(r.value(), generation);
            Q_EMIT loaded(m_model->rowCount());
        });
}

} // namespace cnap::gui::desk
