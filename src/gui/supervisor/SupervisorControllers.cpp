#include "gui/supervisor/SupervisorControllers.h"

#include "gui/common/TaskRunner.h"
#include "services/QueueService.h"
#include "gui/queue/WatcherThread.h"

#include <QCoreApplication>

namespace cnap::gui {

using services::ReportService;

// --- live centre ----------------------------------------------------------------

LiveCentreController::LiveCentreController(AppContext context, QObject *parent)
    : QObject(parent), m_context(std::move(context))
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &LiveCentreController::refresh);
}

LiveCentreController::~LiveCentreController()
{
    m_tick.stop();
}

void LiveCentreController::start()
{
    if (m_watcher || !m_context.database)
        return;
    m_watcher = new WatcherThread(m_context.database, 0, this);
    connect(m_watcher, &WatcherThread::changed, this, &LiveCentreController::refresh);
    m_watcher->start();
    m_tick.start();
    refresh();
}

void LiveCentreController::setAlertRules(const reports::AlertRules &rules)
{
    m_rules = rules;
    refresh();
}

void LiveCentreController::refresh()
{
    if (m_loading) {
        m_again = true;
        return;
    }
    m_loading = true;
    const auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    const reports::AlertRules rules = m_rules;
    m_context.runner->run(
        this, [db, actor, clock, rules]() { return ReportService(db, *clock).live(actor, rules); },
        [this](Result<reports::LiveCentre> r) {
            m_loading = false;
            if (r)
                Q_EMIT updated(r.value());
            else
                Q_EMIT failed(r.error());
            if (m_again) {
                m_again = false;
                refresh();
            }
        });
}

void LiveCentreController::runAction(std::function<Status()> action, const QString &doneMessage)
{
    m_context.runner->run(this, std::move(action), [this, doneMessage](Status s) {
        if (s)
            Q_EMIT actionDone(doneMessage);
        else
            Q_EMIT failed(s.error());
        refresh();
    });
}

void LiveCentreController::pauseCentre(const QString &reason)
{
    const auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    runAction([db, actor, clock, reason]() { return services::QueueService(db, *clock).pauseCentre(actor, reason); },
              tr("Роботу центру призупинено: очікування зупинено, виклики неможливі."));
}

void LiveCentreController::resumeCentre()
{
    const auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    runAction([db, actor, clock]() { return services::QueueService(db, *clock).resumeCentre(actor); },
              tr("Роботу центру відновлено."));
}

void LiveCentreController::reassignDesk(const QString &desk, const QStringList &serviceCodes)
{
    const auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    // For today only: the desk's usual services come back tomorrow by themselves.
    runAction([db, actor, clock, desk, serviceCodes]() {
        return services::QueueService(db, *clock).reassignDeskForToday(actor, desk, serviceCodes);
    }, tr("Послуги вікна %1 змінено на сьогодні; завтра діятиме звичайний перелік.").arg(desk));
}

void LiveCentreController::loadServices()
{
    const auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    m_context.runner->run(
        this, [db, actor, clock]() { return services::QueueService(db, *clock).services(actor); },
        [this](Result<QList<queue::QueueServiceEntry>> r) {
            if (!r) {
                Q_EMIT failed(r.error());
                return;
            }
            QList<QPair<QString, QString>> out;
            for (const queue::QueueServiceEntry &e : r.value())
                out.append({e.code, e.name});
            Q_EMIT servicesLoaded(out);
        });
}

// --- deadlines ------------------------------------------------------------------

DeadlineController::DeadlineController(AppContext context, QObject *parent) : QObject(parent), m_context(std::move(context)) {}

void DeadlineController::load(double atRiskShare)
{
    const auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    m_context.runner->run(
        this, [db, actor, clock, atRiskShare]() { return ReportService(db, *clock).deadlines(actor, atRiskShare); },
        [this](Result<services::DeadlineControl> r) {
            if (r)
                Q_EMIT loaded(r.value());
            else
                Q_EMIT failed(r.error());
        });
}

void DeadlineController::drillDown(const QString &provider, const QString &serviceCode, double atRiskShare)
{
    const auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    const QDate today = clock->today();
    m_context.runner->run(
        this,
        [db, actor, clock, provider, serviceCode, atRiskShare]() {
            return ReportService(db, *clock).deadlineCases(actor, provider, serviceCode, services::DeadlineFilter::OverdueOrAtRisk,
                                                           atRiskShare);
        },
        [this, today](Result<QList<storage::DeadlineCase>> r) {
            if (r)
                Q_EMIT casesLoaded(r.value(), today);
            else
                Q_EMIT failed(r.error());
        });
}

void DeadlineController::loadExchange()
{
    const auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    m_context.runner->run(
        this, [db, actor, clock]() { return services::ExchangeService(db, {}, {}, *clock).health(actor); },
        [this](Result<services::ExchangeHealth> r) {
            if (r)
                Q_EMIT exchangeLoaded(r.value());
            else
                Q_EMIT exchangeFailed(r.error());
        });
}

// --- reports --------------------------------------------------------------------

ReportsController::ReportsController(AppContext context, QObject *parent) : QObject(parent), m_context(std::move(context)) {}

void ReportsController::run(reports::ReportKind kind, const QDate &from, const QDate &to, const reports::ReportFilter &filter)
{
    auto period = reports::makePeriod(from, to);
    if (!period) {
        Q_EMIT failed(period.error());
        return;
    }
    const auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    const reports::Period p = period.value();
    m_context.runner->run(
        this, [db, actor, clock, kind, p, filter]() { return ReportService(db, *clock).run(actor, kind, p, filter); },
        [this](Result<reports::ReportTable> r) {
            if (r)
                Q_EMIT finished(r.value());
            else
                Q_EMIT failed(r.error());
        });
}

void ReportsController::exportFile(const reports::ReportTable &table, services::ExportFormat format, const QString &path)
{
    const auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    m_context.runner->run(
        this, [db, actor, clock, table, format, path]() { return ReportService(db, *clock).exportTo(actor, table, format, path); },
        [this, path](Status s) {
            if (s)
                Q_EMIT exported(path);
            else
                Q_EMIT failed(s.error());
        });
}

Status ReportsController::mayExport() const
{
    return require(m_context.actor, Permission::ReportsExport);
}

} // namespace cnap::gui
