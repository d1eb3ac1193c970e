#include "gui/desk/ApplicantSearchController.h"

#include "gui/common/TaskRunner.h"
#include "gui/desk/ApplicantResultsModel.h"

#include <QTimer>

namespace cnap::gui::desk {

ApplicantSearchController::ApplicantSearchController(AppContext context, DeskServicesPtr services, QObject *parent)
    : QObject(parent), m_context(std::move(context)), m_services(std::move(services)),
      m_model(new ApplicantResultsModel(this)), m_debounce(new QTimer(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &ApplicantSearchController::searchNow);
}

void ApplicantSearchController::setText(const QString &text)
{
    m_text = text;
    const auto kind = services::detectApplicantQueryKind(text);
    if (kind != m_kind) {
        m_kind = kind;
        Q_EMIT kindDetected(kind);
    }
    if (kind == services::ApplicantQueryKind::Empty) {
        m_debounce->stop();
        ++m_seq;  // a late answer must not refill a cleared list
        m_model->setApplicants({});
        Q_EMIT finished(0);
        return;
    }
    m_debounce->start();
}

void ApplicantSearchController::searchNow()
{
    m_debounce->stop();
    const QString text = m_text;
    if (services::detectApplicantQueryKind(text) == services::ApplicantQueryKind::Empty)
        return;
    const quint64 seq = ++m_seq;
    auto service = m_services->applicants;
    const Actor actor = m_context.actor;
    Q_EMIT searching();
    m_context.runner->run(
        this, [service, actor, text]() { return service->search(actor, text); },
        [this, seq](Result<services::ApplicantSearchResult> r) {
            if (seq != m_seq)
                return;  // the clerk typed on meanwhile
            if (!r) {
                m_model->setApplicants({});
                Q_EMIT failed(r.error());
                return;
            }
            const int n = static_cast<int>(r->applicants.size());
            m_model->setApplicants(std::move(r->applicants));
            Q_EMIT finished(n);
        });
}

void ApplicantSearchController::open(qint64 id)
{
    auto service = m_services->applicants;
    const Actor actor = m_context.actor;
    m_context.runner->run(
        this, [service, actor, id]() { return service->open(actor, id); },
        [this](Result<Applicant> r) {
            if (!r)
                Q_EMIT failed(r.error());
            else
                Q_EMIT opened(r.value());
        });
}

} // namespace cnap::gui::desk
