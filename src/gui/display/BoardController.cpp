#include "gui/display/BoardController.h"

#include "gui/common/ErrorPresenter.h"
#include "gui/queue/WatcherThread.h"
#include "services/QueueService.h"

namespace cnap::gui {

BoardController::BoardController(AppContext context, int recentCalls, int pollMs, QObject *parent)
    : QObject(parent), m_context(std::move(context)),
      m_watcher(new WatcherThread(m_context.database, pollMs, this)),
      m_loader(
          this, m_context.runner, m_context.database,
          [db = m_context.database, clock = m_context.clock, actor = m_context.actor, recentCalls]() {
              return services::QueueService(db, *clock).board(actor, recentCalls);
          },
          [this](const queue::BoardSnapshot &b) { deliver(b); },
          [this](const Error &e) { Q_EMIT failed(ErrorPresenter::text(e)); },
          [this](bool online) { Q_EMIT connectionChanged(online); })
{
    connect(m_watcher, &WatcherThread::changed, this, &BoardController::refresh);
    connect(m_watcher, &WatcherThread::reconnected, this, &BoardController::refresh);
    connect(m_watcher, &WatcherThread::connectionLost, this, &BoardController::refresh);
}

BoardController::~BoardController() = default;

void BoardController::start()
{
    m_watcher->start();
    refresh();
}

void BoardController::refresh() { m_loader.request(); }

void BoardController::deliver(const queue::BoardSnapshot &board)
{
    const bool first = !m_loaded;
    m_board = board;
    m_loaded = true;
    // Calls newer than the last one seen, oldest first, so each is announced once.
    QList<queue::CallNotice> fresh;
    for (const auto &c : board.recentCalls) {
        const QString key = c.ticketNumber + u'|' + c.deskName + u'|' + QString::number(c.atMs);
        if (c.atMs < m_lastCallMs || (c.atMs == m_lastCallMs && key == m_lastCallKey))
            break;
        fresh.prepend(c);
    }
    if (!board.recentCalls.isEmpty()) {
        const auto &n = board.recentCalls.first();
        m_lastCallMs = n.atMs;
        m_lastCallKey = n.ticketNumber + u'|' + n.deskName + u'|' + QString::number(n.atMs);
    }
    Q_EMIT boardChanged();
    if (!first) {
        for (const auto &c : fresh)
            Q_EMIT newCall(c);
    }
}

} // namespace cnap::gui
