#include "gui/queue/DeskController.h"

#include "gui/common/ErrorPresenter.h"
#include "gui/queue/QueueFormat.h"
#include "gui/queue/WatcherThread.h"

namespace cnap::gui {

namespace {

/// Reads the desk's view on the worker.  Reference data (services, categories,
/// desks, queue groups) changes rarely and is read only on the first load.
Result<DeskView> loadDeskView(const storage::DatabasePtr &db, const Clock &clock, const Actor &actor,
                              const std::shared_ptr<bool> &referenceLoaded)
{
    services::QueueService qs(db, clock);
    DeskView v;
    v.deskName = actor.desk;
    auto board = qs.board(actor, 0);
    if (!board)
        return board.error();
    v.centrePaused = board->centrePaused;
    v.pauseReason = board->pauseReason;
    v.nowMs = board->nowMs;
    v.deskQueues = board->queues;  // filtered on the UI side once the groups are known
    for (const auto &d : board->desks) {
        if (d.name == actor.desk) {
            v.deskKnown = true;
            v.deskState = d.state;
            v.deskServices = d.serviceCodes;
        }
    }
    if (v.deskKnown) {
        auto current = qs.currentTicket(actor, actor.desk);
        if (!current)
            return current.error();
        v.current = current.value();
    }
    if (!*referenceLoaded) {
        auto services = qs.services(actor);
        if (!services)
            return services.error();
        v.services = services.value();
        for (const auto &s : v.services)
            v.serviceNames.insert(s.code, s.name);
        auto categories = qs.categories(actor);
        if (!categories)
            return categories.error();
        v.categories = categories.value();
        auto groups = qs.queues(actor);
        if (!groups)
            return groups.error();
        v.groups = groups.value();
        for (const auto &d : board->desks)
            v.deskNames << d.name;
        *referenceLoaded = true;
    }
    return v;
}

} // namespace

DeskController::DeskController(AppContext context, int pollMs, QObject *parent)
    : QObject(parent), m_context(std::move(context)), m_referenceLoaded(std::make_shared<bool>(false)),
      m_watcher(new WatcherThread(m_context.database, pollMs, this)),
      m_loader(
          this, m_context.runner, m_context.database,
          [db = m_context.database, clock = m_context.clock, actor = m_context.actor, ref = m_referenceLoaded]() {
              return loadDeskView(db, *clock, actor, ref);
          },
          [this](const DeskView &v) {
              DeskView next = v;
              if (m_haveReference && v.groups.isEmpty()) {
                  next.serviceNames = m_view.serviceNames;
                  next.categories = m_view.categories;
                  next.services = m_view.services;
                  next.deskNames = m_view.deskNames;
                  next.groups = m_view.groups;
              }
              m_haveReference = m_haveReference || !v.groups.isEmpty();
              // Keep the queues holding at least one service this desk serves.
              QList<queue::QueueSnapshot> mine;
              for (const auto &q : next.deskQueues) {
                  for (const auto &g : next.groups) {
                      if (g.id != q.queueId)
                          continue;
                      for (const auto &code : g.serviceCodes) {
                          if (next.deskServices.contains(code)) {
                              mine << q;
                              break;
                          }
                      }
                  }
              }
              next.deskQueues = mine;
              m_view = std::move(next);
              Q_EMIT viewChanged();
          },
          [this](const Error &e) { Q_EMIT message(ErrorPresenter::text(e), true); },
          [this](bool online) {
              if (!online)
                  Q_EMIT message(connectionLostText(), true);
              else
                  Q_EMIT message(tr("З'єднання з базою даних відновлено."), false);
              Q_EMIT connectionChanged(online);
          })
{
    m_view.deskName = m_context.actor.desk;
    connect(m_watcher, &WatcherThread::changed, this, &DeskController::refresh);
    connect(m_watcher, &WatcherThread::reconnected, this, &DeskController::refresh);
    // The watcher has a connection of its own: when it loses it, the worker's is
    // most likely gone too; probing with a load shows the notice and starts retries.
    connect(m_watcher, &WatcherThread::connectionLost, this, &DeskController::refresh);
}

DeskController::~DeskController() = default;

void DeskController::start()
{
    m_watcher->start();
    refresh();
}

bool DeskController::canServe() const
{
    return allowed(m_context.actor.role, Permission::QueueServeDesk) && !m_context.actor.desk.isEmpty();
}

QString DeskController::serviceName(const QString &code) const { return m_view.serviceNames.value(code, code); }

std::optional<queue::PriorityCategory> DeskController::category(const QString &key) const
{
    for (const auto &c : m_view.categories) {
        if (c.key == key)
            return c;
    }
    return std::nullopt;
}

int DeskController::waitingForDesk() const
{
    int n = 0;
    for (const auto &q : m_view.deskQueues)
        n += q.waiting;
    return n;
}

void DeskController::refresh() { m_loader.request(); }

void DeskController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

bool DeskController::ready()
{
    // A second F5 while the first call is on its way would summon a second visitor.
    if (m_busy)
        return false;
    if (!canServe()) {
        Q_EMIT message(m_context.actor.desk.isEmpty() ? tr("Для цього сеансу не вказано вікно: увійдіть із номером вікна.")
                                                      : tr("Ваша роль не дозволяє обслуговувати відвідувачів у вікні."),
                       true);
        return false;
    }
    if (!m_loader.isOnline()) {
        Q_EMIT message(connectionLostText(), true);
        return false;
    }
    return true;
}

void DeskController::actionFailed(const Error &error)
{
    if (isConnectionError(error)) {
        m_loader.connectionFailed();
        Q_EMIT message(connectionLostText() + u' ' + tr("Перевірте результат дії після відновлення з'єднання."), true);
        return;
    }
    Q_EMIT message(ErrorPresenter::text(error), true);
}

void DeskController::runTicketAction(TicketJob job, std::function<QString(const queue::Ticket &)> describe)
{
    if (!ready())
        return;
    setBusy(true);
    auto db = m_context.database;
    const Clock *clock = m_context.clock;
    m_context.runner->run(
        this,
        [db, clock, job = std::move(job)]() {
            services::QueueService qs(db, *clock);
            return job(qs);
        },
        [this, describe = std::move(describe)](Result<queue::Ticket> r) {
            setBusy(false);
            if (!r)
                actionFailed(r.error());
            else
                Q_EMIT message(describe(r.value()), false);
            refresh();
        });
}

void DeskController::callNext()
{
    if (!ready())
        return;
    setBusy(true);
    auto db = m_context.database;
    const Clock *clock = m_context.clock;
    const Actor actor = m_context.actor;
    m_context.runner->run(
        this,
        [db, clock, actor]() { return services::QueueService(db, *clock).callNext(actor, actor.desk); },
        [this](Result<std::optional<queue::Ticket>> r) {
            setBusy(false);
            if (!r) {
                actionFailed(r.error());
            } else if (!r.value()) {
                Q_EMIT message(tr("Ніхто не очікує на це вікно."), false);
            } else {
                Q_EMIT message(tr("Викликано талон %1.").arg(r.value()->number), false);
                Q_EMIT ticketCalled(*r.value());
            }
            refresh();
        });
}

void DeskController::recall()
{
    const Actor actor = m_context.actor;
    runTicketAction([actor](services::QueueService &qs) { return qs.recall(actor, actor.desk); },
                    [](const queue::Ticket &t) {
                        if (t.state == queue::TicketState::NoShow)
                            return tr("Талон %1: вичерпано повторні виклики, відвідувача позначено як такого, що не з'явився.").arg(t.number);
                        return tr("Повторний виклик талона %1 (%2-й).").arg(t.number).arg(t.recalls);
                    });
}

void DeskController::startService()
{
    const Actor actor = m_context.actor;
    runTicketAction([actor](services::QueueService &qs) { return qs.startService(actor, actor.desk); },
                    [](const queue::Ticket &t) { return tr("Розпочато обслуговування талона %1.").arg(t.number); });
}

void DeskController::finish(queue::Outcome outcome)
{
    const Actor actor = m_context.actor;
    runTicketAction([actor, outcome](services::QueueService &qs) { return qs.finish(actor, actor.desk, outcome); },
                    [](const queue::Ticket &t) {
                        return tr("Талон %1 завершено: %2.")
                            .arg(t.number, t.outcome ? queue::outcomeDisplayName(*t.outcome) : QString());
                    });
}

void DeskController::markNoShow()
{
    const Actor actor = m_context.actor;
    runTicketAction([actor](services::QueueService &qs) { return qs.markNoShow(actor, actor.desk); },
                    [](const queue::Ticket &t) { return tr("Талон %1: відвідувач не з'явився.").arg(t.number); });
}

void DeskController::redirect(const services::RedirectTarget &target)
{
    const Actor actor = m_context.actor;
    runTicketAction([actor, target](services::QueueService &qs) { return qs.redirect(actor, actor.desk, target); },
                    [](const queue::Ticket &t) {
                        return t.targetDeskId != 0 ? tr("Талон %1 перенаправлено до іншого вікна; місце в черзі збережено.").arg(t.number)
                                                   : tr("Талон %1 перенаправлено на іншу послугу; місце в черзі збережено.").arg(t.number);
                    });
}

void DeskController::postpone(int minutes)
{
    const Actor actor = m_context.actor;
    runTicketAction([actor, minutes](services::QueueService &qs) { return qs.postpone(actor, actor.desk, minutes); },
                    [](const queue::Ticket &t) { return tr("Талон %1 відкладено; відвідувача можна буде викликати пізніше.").arg(t.number); });
}

void DeskController::returnToQueue(const QString &ticketNumber)
{
    const Actor actor = m_context.actor;
    const QString number = ticketNumber.trimmed().toUpper();
    runTicketAction([actor, number](services::QueueService &qs) { return qs.returnToQueue(actor, actor.desk, number); },
                    [](const queue::Ticket &t) { return tr("Талон %1 повернуто до черги на своє місце.").arg(t.number); });
}

void DeskController::togglePause()
{
    if (!ready())
        return;
    setBusy(true);
    auto db = m_context.database;
    const Clock *clock = m_context.clock;
    const Actor actor = m_context.actor;
    const queue::DeskState state = m_view.deskState;
    m_context.runner->run(
        this,
        [db, clock, actor, state]() {
            services::QueueService qs(db, *clock);
            switch (state) {
            case queue::DeskState::Paused: return qs.resumeDesk(actor, actor.desk);
            case queue::DeskState::Closed: return qs.openDesk(actor, actor.desk);
            case queue::DeskState::Open: break;
            }
            return qs.pauseDesk(actor, actor.desk);
        },
        [this](Result<queue::Desk> r) {
            setBusy(false);
            if (!r)
                actionFailed(r.error());
            else
                Q_EMIT message(r->state == queue::DeskState::Paused ? tr("Вікно на перерві: виклики призупинено.")
                                                                    : tr("Вікно знову працює."),
                               false);
            refresh();
        });
}

} // namespace cnap::gui
