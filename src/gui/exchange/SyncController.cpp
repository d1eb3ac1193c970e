#include "gui/exchange/SyncController.h"

#include "core/log/Categories.h"
#include "gui/common/TaskRunner.h"
#include "services/ExchangeService.h"

namespace cnap::gui::exchange {

SyncController::SyncController(AppContext context, ExchangeSetup setup, QObject *parent)
    : QObject(parent), m_context(std::move(context)), m_setup(std::move(setup)), m_runner(std::make_unique<TaskRunner>())
{
    auto db = m_context.database;
    m_runner->setThreadCleanup([db]() {
        if (db)
            db->releaseThreadConnection();
    });
}

SyncController::~SyncController()
{
    // m_runner's destructor (after this body) waits for the worker; ask the
    // cycle to stop first so closing the window does not wait for the outbox.
    if (m_stop)
        m_stop->store(true);
}

void SyncController::setSetup(ExchangeSetup setup) { m_setup = std::move(setup); }

bool SyncController::available() const { return unavailableReason().isEmpty(); }

QString SyncController::unavailableReason() const
{
    if (!allowed(m_context.actor.role, Permission::ExchangeRun))
        return tr("Недостатньо прав для синхронізації з реєстрами.");
    if (!m_setup.usable())
        return m_setup.config().error().message;
    return {};
}

void SyncController::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    Q_EMIT runningChanged(running);
}

void SyncController::onProgress(int finished, int total)
{
    if (!m_running)
        return;
    // Several engine workers report at once: their callbacks may overtake each other.
    m_finished = std::max(m_finished, finished);
    // The outbound part may end before its total (items not yet due); the
    // cycle then polls the registries: 100 only when the whole cycle is over.
    const int percent = total > 0 ? std::min(99, int(qint64(m_finished) * 100 / total)) : m_percent;
    m_percent = std::max(m_percent, percent);
    Q_EMIT progressChanged(m_percent, m_finished, total);
}

void SyncController::syncNow()
{
    if (m_running)
        return;
    if (!available()) {
        // The service would refuse as well; say why without a round trip.
        const ErrorCode code = allowed(m_context.actor.role, Permission::ExchangeRun) ? ErrorCode::Unsupported : ErrorCode::PermissionDenied;
        Q_EMIT failed(Error::make(code, unavailableReason()));
        return;
    }
    m_percent = 0;
    m_finished = 0;
    setRunning(true);
    Q_EMIT progressChanged(0, 0, 0);

    std::shared_ptr<SyncProgressRelay> relay(new SyncProgressRelay, [](SyncProgressRelay *r) { r->deleteLater(); });
    connect(relay.get(), &SyncProgressRelay::progressed, this, &SyncController::onProgress, Qt::QueuedConnection);
    auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    const ExchangeSetup known = m_setup;
    m_stop = std::make_shared<std::atomic<bool>>(false);
    auto stop = m_stop;
    m_runner->run(
        this,
        [db, actor, clock, known, relay, stop]() -> Result<cnap::exchange::sync::CycleReport> {
            // Read on the worker: the file may sit on a slow share, and an
            // administrator's fix since the page opened is taken up.
            const ExchangeSetup setup = known.reloaded();
            if (!setup.usable())
                return setup.config().error();
            const auto &config = setup.config().value();
            services::ExchangeService service(db, config, ExchangeSetup::transportsFor(config), *clock);
            return service.syncNow(
                actor, [relay](int finished, int total) { Q_EMIT relay->progressed(finished, total); }, stop);
        },
        [this](Result<cnap::exchange::sync::CycleReport> r) {
            setRunning(false);
            if (!r) {
                m_percent = 0;
                Q_EMIT progressChanged(0, 0, 0);
                Q_EMIT failed(r.error());
                return;
            }
            for (const QString &p : r->problems)
                qCWarning(lcExchange).noquote() << "sync now:" << p;
            m_percent = 100;
            Q_EMIT progressChanged(100, m_finished, m_finished);
            Q_EMIT finished(r.value());
        });
}

} // namespace cnap::gui::exchange
