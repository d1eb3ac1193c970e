#include "gui/admin/AuditController.h"

#include "gui/admin/AuditModel.h"
#include "gui/common/TaskRunner.h"
#include "services/AuditService.h"

#include <QFileInfo>
#include <QSaveFile>

namespace cnap::gui::admin {

using security::AuditEntry;
using EntriesResult = Result<std::vector<AuditEntry>>;

AuditController::AuditController(AppContext context, QObject *parent)
    : QObject(parent), m_context(std::move(context)), m_model(new AuditModel(this))
{
    m_filter.limit = kPageSize;
    connect(m_model, &AuditModel::moreRequested, this, &AuditController::loadMore);
}

void AuditController::setFilter(const security::AuditFilter &filter)
{
    m_filter = filter;
    m_filter.limit = kPageSize;
    m_filter.beforeSeq = 0;
    reload();
}

void AuditController::setBusy(bool busy)
{
    const bool was = m_pending > 0;
    m_pending += busy ? 1 : -1;
    if (was != (m_pending > 0))
        Q_EMIT busyChanged(m_pending > 0);
}

void AuditController::reload()
{
    const quint64 generation = ++m_generation;
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    security::AuditFilter filter = m_filter;
    filter.beforeSeq = 0;
    setBusy(true);
    m_context.runner->run(this, [db, actor, clock, filter]() {
        return services::AuditService(db, *clock).list(actor, filter);
    }, [this, generation](EntriesResult result) {
        setBusy(false);
        if (generation != m_generation)
            return;  // a newer filter superseded this answer
        if (!result) {
            m_model->resetWith({}, false, generation);
            Q_EMIT failed(result.error());
            return;
        }
        const bool full = int(result->size()) >= kPageSize;
        m_model->resetWith(result.value(), full, generation);
        Q_EMIT loaded(m_model->rowCount());
    });
}

void AuditController::loadMore(qint64 beforeSeq, quint64 generation)
{
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    security::AuditFilter filter = m_filter;
    filter.beforeSeq = beforeSeq;
    setBusy(true);
    m_context.runner->run(this, [db, actor, clock, filter]() {
        return services::AuditService(db, *clock).list(actor, filter);
    }, [this, generation](EntriesResult result) {
        setBusy(false);
        if (!result) {
            m_model->pageFailed(generation);
            Q_EMIT failed(result.error());
            return;
        }
        const bool full = int(result->size()) >= kPageSize;
        m_model->appendPage(result.value(), full, generation);
        if (generation == m_generation)
            Q_EMIT loaded(m_model->rowCount());
    });
}

void AuditController::verify(const std::optional<security::AuditAnchor> &anchor)
{
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    setBusy(true);
    m_context.runner->run(this, [db, actor, clock, anchor]() {
        return services::AuditService(db, *clock).verify(actor, anchor);
    }, [this](Result<security::AuditVerification> result) {
        setBusy(false);
        if (!result) {
            Q_EMIT failed(result.error());
            return;
        }
        Q_EMIT verified(result.value());
    });
}

Status AuditController::writeAnchorFile(const QString &path, const security::AuditAnchor &anchor)
{
    const QString field = QStringLiteral("anchorFile");
    if (path.isEmpty())
        return Error::invalid(field, tr("не вказано файл для якоря журналу"));
    // QSaveFile: the old anchor stays intact until the new one is complete.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return Error::make(ErrorCode::Io, tr("не вдалося створити файл «%1»: %2").arg(QFileInfo(path).fileName(), file.errorString()));
    const QByteArray text = anchor.toText().toUtf8() + '\n';
    if (file.write(text) != text.size() || !file.commit())
        return Error::make(ErrorCode::Io, tr("не вдалося записати файл «%1»: %2").arg(QFileInfo(path).fileName(), file.errorString()));
    return {};
}

void AuditController::exportAnchor(const QString &path)
{
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    setBusy(true);
    // The file is written on the worker as well: a network share can be slow.
    m_context.runner->run(this, [db, actor, clock, path]() -> Result<security::AuditAnchor> {
        auto anchor = services::AuditService(db, *clock).anchor(actor);
        if (!anchor)
            return anchor.error();
        CNAP_TRY(writeAnchorFile(path, anchor.value()));
        return anchor.value();
    }, [this, path](Result<security::AuditAnchor> result) {
        setBusy(false);
        if (!result) {
            Q_EMIT failed(result.error());
            return;
        }
        Q_EMIT anchorExported(result.value(), path);
    });
}

QString AuditController::describe(const security::AuditVerification &v)
{
    if (v.ok())
        return tr("Ланцюжок журналу цілий: перевірено записів: %1.").arg(v.entries);
    // The service's message already names the entry; add the number for scanning.
    return tr("Ланцюжок журналу порушено, перший хибний запис № %1: %2").arg(v.seq).arg(v.message);
}

} // namespace cnap::gui::admin
