#pragma once

// Runs a services::QueueWatcher on a thread of its own, so its polling SQL and,
// above all, its reconnect attempts (a PostgreSQL connect can wait seconds for a
// timeout) never stall the UI thread.  Its signals arrive on the owner's thread.

#include "storage/Database.h"

#include <QObject>
#include <QThread>

namespace cnap::services {
class QueueWatcher;
}

namespace cnap::gui {

class WatcherThread final : public QObject {
    Q_OBJECT
public:
    /// `pollMs` 0 keeps the watcher's own default (5 s PostgreSQL, 0.5 s SQLite).
    explicit WatcherThread(storage::DatabasePtr db, int pollMs = 0, QObject *parent = nullptr);
    ~WatcherThread() override;

    /// Starts watching (idempotent).
    void start();

Q_SIGNALS:
    void changed();
    void connectionLost(const QString &message);
    void reconnected();

private:
    storage::DatabasePtr m_db;
    int m_pollMs;
    bool m_started = false;
    QThread m_thread;
    QObject *m_anchor = nullptr;                    // lives in m_thread: target of invocations
    services::QueueWatcher *m_watcher = nullptr;    // created, used and deleted in m_thread only
};

} // namespace cnap::gui
