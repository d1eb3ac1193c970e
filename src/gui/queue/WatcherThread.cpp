#include "gui/queue/WatcherThread.h"

#include "services/queue/QueueWatcher.h"

namespace cnap::gui {

WatcherThread::WatcherThread(storage::DatabasePtr db, int pollMs, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_pollMs(pollMs)
{
    m_thread.setObjectName(QStringLiteral("cnap-queue-watcher"));
    m_anchor = new QObject;
    m_anchor->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_anchor, &QObject::deleteLater);
    m_thread.start();
}

WatcherThread::~WatcherThread()
{
    // The watcher's timers and its Qt SQL connection belong to the thread: end them there.
    QMetaObject::invokeMethod(m_anchor, [this]() {
        delete m_watcher;
        m_watcher = nullptr;
    }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void WatcherThread::start()
{
    if (m_started)
        return;
    m_started = true;
    // Constructed inside the thread rather than moved there: QueueWatcher's
    // timers are plain members, which moveToThread() would leave behind.
    QMetaObject::invokeMethod(m_anchor, [this]() {
        m_watcher = new services::QueueWatcher(m_db);
        if (m_pollMs > 0)
            m_watcher->setPollInterval(m_pollMs);
        connect(m_watcher, &services::QueueWatcher::changed, this, &WatcherThread::changed);
        connect(m_watcher, &services::QueueWatcher::connectionLost, this, &WatcherThread::connectionLost);
        connect(m_watcher, &services::QueueWatcher::reconnected, this, &WatcherThread::reconnected);
        m_watcher->start();
    }, Qt::QueuedConnection);
}

} // namespace cnap::gui
