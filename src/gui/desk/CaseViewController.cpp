#include "gui/desk/CaseViewController.h"

#include "gui/common/TaskRunner.h"
#include "gui/desk/CaseViewModels.h"

#include <QSaveFile>

namespace cnap::gui::desk {

CaseViewController::CaseViewController(AppContext context, DeskServicesPtr services, QObject *parent)
    : QObject(parent), m_context(std::move(context)), m_services(std::move(services)),
      m_history(new CaseHistoryModel(this)), m_documents(new CaseDocumentsModel(this))
{
}

QList<CaseState> CaseViewController::availableTransitions() const
{
    return m_details ? allowedTransitions(m_details->summary.state) : QList<CaseState>{};
}

void CaseViewController::apply(const CaseDetails &details)
{
    m_details = details;
    m_number = details.summary.number;
    m_history->setEntries(details.history);
    m_documents->setDocuments(details.documents);
}

void CaseViewController::open(const QString &number)
{
    m_number = number.trimmed();
    reload();
}

void CaseViewController::reload()
{
    if (!m_services->cases) {
        Q_EMIT failed(Error::make(ErrorCode::Unsupported, m_services->storeProblem));
        return;
    }
    auto cases = m_services->cases;
    const Actor actor = m_context.actor;
    const QString number = m_number;
    m_context.runner->run(
        this, [cases, actor, number]() { return cases->get(actor, number); },
        [this](Result<CaseDetails> r) {
            if (!r) {
                Q_EMIT failed(r.error());
                return;
            }
            apply(r.value());
            Q_EMIT loaded(r.value());
        });
}

void CaseViewController::transition(const TransitionRequest &request)
{
    if (!m_details || m_busy || !m_services->cases)
        return;
    // The workflow's own check first: a clear message without a round trip.
    if (auto s = checkTransition(m_details->summary.state, request); !s) {
        Q_EMIT failed(s.error());
        return;
    }
    m_busy = true;
    auto cases = m_services->cases;
    const Actor actor = m_context.actor;
    const QString number = m_details->summary.number;
    const int version = m_details->summary.version;
    m_context.runner->run(
        this, [cases, actor, number, version, request]() { return cases->transition(actor, number, version, request); },
        [this, request](Result<CaseDetails> r) {
            m_busy = false;
            if (!r) {
                if (r.error().code == ErrorCode::Conflict) {
                    Q_EMIT conflict(tr("Справу щойно змінив інший адміністратор. Її перечитано — перевірте стан і "
                                       "повторіть дію, якщо вона ще потрібна. Ваш коментар збережено у формі."),
                                    request);
                    reload();
                    return;
                }
                Q_EMIT failed(r.error());
                return;
            }
            apply(r.value());
            Q_EMIT transitioned(r.value());
            Q_EMIT loaded(r.value());
        });
}

bool CaseViewController::canExtendDueDate() const
{
    return m_details && (termRuns(m_details->summary.state) || m_details->summary.state == CaseState::Suspended);
}

void CaseViewController::extendDueDate(QDate newDue, const QString &legalReason)
{
    if (!m_details || m_busy || !m_services->cases)
        return;
    m_busy = true;
    auto cases = m_services->cases;
    const Actor actor = m_context.actor;
    const QString number = m_details->summary.number;
    const int version = m_details->summary.version;
    m_context.runner->run(
        this, [cases, actor, number, version, newDue, legalReason]() { return cases->extendDueDate(actor, number, version, newDue, legalReason); },
        [this](Result<CaseDetails> r) {
            m_busy = false;
            if (!r) {
                Q_EMIT failed(r.error());
                if (r.error().code == ErrorCode::Conflict)
                    reload();
                return;
            }
            apply(r.value());
            Q_EMIT dueDateExtended(r.value());
            Q_EMIT loaded(r.value());
        });
}

void CaseViewController::saveDocument(int position, const QString &path)
{
    if (!m_details || !m_services->cases)
        return;
    auto cases = m_services->cases;
    const Actor actor = m_context.actor;
    const QString number = m_details->summary.number;
    m_context.runner->run(
        this,
        [cases, actor, number, position, path]() -> Status {
            auto bytes = cases->documentContent(actor, number, position);
            if (!bytes)
                return bytes.error();
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes.value()) != bytes->size() || !file.commit())
                return Error::make(ErrorCode::Io, tr("не вдалося записати файл %1: %2").arg(path, file.errorString()));
            return {};
        },
        [this, path](Status s) {
            if (!s)
                Q_EMIT failed(s.error());
            else
                Q_EMIT documentSaved(path);
        });
}

} // namespace cnap::gui::desk
