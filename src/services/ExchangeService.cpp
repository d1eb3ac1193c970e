#include "services/ExchangeService.h"

#include "exchange/outbox/CasePayload.h"
#include "storage/ApplicantRepository.h"
#include "storage/CaseRepository.h"

#include <QCoreApplication>

namespace cnap::services {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::services::ExchangeService", s); }
} // namespace

ExchangeService::ExchangeService(storage::DatabasePtr db, exchange::sync::SyncConfig config, exchange::sync::TransportFactory transports,
                                 const Clock &clock)
    : m_db(std::move(db)), m_config(std::move(config)), m_transports(std::move(transports)), m_clock(clock), m_outbox(m_db), m_log(m_db)
{
}

Result<exchange::sync::CycleReport> ExchangeService::syncNow(const Actor &actor, const exchange::sync::ProgressFn &progress,
                                                             std::shared_ptr<std::atomic<bool>> stop)
{
    CNAP_TRY(require(actor, Permission::ExchangeRun));
    if (!m_transports)
        return Error::make(ErrorCode::Unsupported, tr("обмін з реєстрами на цьому робочому місці не налаштовано"));
    CNAP_TRY(m_config.validate());
    exchange::sync::SyncEngine engine(m_db, m_config, m_transports, m_clock, QStringLiteral("desk-") + actor.login);
    engine.shareStopFlag(std::move(stop));
    return engine.runCycle(progress);
}

Result<QList<storage::OutboxItem>> ExchangeService::outbox(const Actor &actor, std::optional<storage::OutboxState> state, qint64 afterId,
                                                           int limit)
{
    CNAP_TRY(require(actor, Permission::CaseRead));
    return m_outbox.list(state, afterId, std::clamp(limit, 1, 10000));
}

Result<storage::OutboxCounts> ExchangeService::counts(const Actor &actor)
{
    CNAP_TRY(require(actor, Permission::CaseRead));
    return m_outbox.counts();
}

Result<QList<storage::RegistryDelivery>> ExchangeService::lastDeliveries(const Actor &actor)
{
    CNAP_TRY(require(actor, Permission::ReportsView));
    return m_outbox.lastDeliveries();
}

Result<ExchangeHealth> ExchangeService::health(const Actor &actor, int deadLimit)
{
    ExchangeHealth h;
    auto c = counts(actor);
    if (!c)
        return c.error();
    h.counts = c.value();
    auto dead = outbox(actor, storage::OutboxState::Dead, 0, deadLimit);
    if (!dead)
        return dead.error();
    h.dead = dead.value();
    auto last = lastDeliveries(actor);
    if (!last)
        return last.error();
    h.lastDelivered = last.value();
    return h;
}

Result<QList<storage::OutboxItem>> ExchangeService::caseExchange(const Actor &actor, const QString &caseNumber)
{
    CNAP_TRY(require(actor, Permission::CaseRead));
    return m_outbox.forCase(caseNumber.trimmed());
}

Result<QByteArray> ExchangeService::dryRunRequest(const Actor &actor, const QString &caseNumber)
{
    CNAP_TRY(require(actor, Permission::CaseRead));
    auto items = m_outbox.forCase(caseNumber.trimmed());
    if (!items)
        return items.error();
    if (items->isEmpty())
        return Error::make(ErrorCode::NotFound, tr("справа %1 не має повідомлень до реєстрів").arg(caseNumber.trimmed()));
    // The next message to go: the oldest one not yet delivered; when all are
    // delivered, the last one (what was sent).
    storage::OutboxItem item = items->last();
    for (const storage::OutboxItem &i : items.value()) {
        if (i.state != storage::OutboxState::Done) {
            item = i;
            break;
        }
    }
    if (!item.request.isEmpty())
        return item.request;
    return exchange::sync::SyncEngine::seal(item, m_config);
}

Status ExchangeService::requeue(const Actor &actor, qint64 itemId)
{
    CNAP_TRY(require(actor, Permission::ExchangeRequeue));
    auto item = m_outbox.get(itemId);
    if (!item)
        return item.error();
    std::optional<QByteArray> payload;
    if (item->request.isEmpty() && item->caseId > 0) {
        // Never sent under this id: the payload may follow the corrected data.
        auto details = storage::CaseRepository(m_db).getById(item->caseId);
        if (!details)
            return details.error();
        auto applicant = storage::ApplicantRepository(m_db, m_clock).get(details->summary.applicantId);
        if (!applicant)
            return applicant.error();
        auto built = exchange::outbox::buildCasePayload(item->serviceCode, details.value(), applicant.value());
        if (!built)
            return built.error();
        payload = built.value();
    }
    return m_outbox.requeue(itemId, m_clock.now().toMSecsSinceEpoch(), payload);
}

Status ExchangeService::requeueMessage(const Actor &actor, const QString &messageId)
{
    CNAP_TRY(require(actor, Permission::ExchangeRequeue));
    auto item = m_outbox.getByMessageId(messageId.trimmed());
    if (!item)
        return item.error();
    return requeue(actor, item->id);
}

Result<QList<storage::MessageLogEntry>> ExchangeService::messageLog(const Actor &actor, qint64 beforeId, int limit, const QString &messageId)
{
    CNAP_TRY(require(actor, Permission::ExchangeViewLog));
    return m_log.list(beforeId, std::clamp(limit, 1, 10000), messageId);
}

Result<storage::MessageLogEntry> ExchangeService::messageLogEntry(const Actor &actor, qint64 id)
{
    CNAP_TRY(require(actor, Permission::ExchangeViewLog));
    return m_log.get(id);
}

Result<qint64> ExchangeService::purgeLog(const Actor &actor, int days)
{
    CNAP_TRY(require(actor, Permission::SystemAdminister));
    if (days < 0 || days > 36500)
        return Error::invalid(QStringLiteral("days"), tr("кількість днів — від 0 до 36500"));
    return m_log.purge(m_clock.now().toMSecsSinceEpoch() - qint64(days) * 86400 * 1000);
}

Result<QList<storage::OnlineApplicationRow>> ExchangeService::onlineApplications(const Actor &actor, bool onlyNew, int limit)
{
    CNAP_TRY(require(actor, Permission::CaseRegister));
    return m_outbox.onlineApplications(onlyNew, std::clamp(limit, 1, 10000));
}

Status ExchangeService::takeOnlineApplication(const Actor &actor, qint64 id)
{
    CNAP_TRY(require(actor, Permission::CaseRegister));
    return m_outbox.markOnlineApplicationTaken(id);
}

} // namespace cnap::services
