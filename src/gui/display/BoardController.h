#pragma once

// Feeds the hall display: the board snapshot, kept live by a QueueWatcher on its
// own thread (NOTIFY + poll on PostgreSQL, a short poll on SQLite), read on the
// TaskRunner's worker.  Works with the display device role (QueueViewBoard only).

#include "core/queue/QueueModel.h"
#include "gui/common/AppContext.h"
#include "gui/queue/LiveLoader.h"

#include <QObject>

namespace cnap::gui {

class WatcherThread;

class BoardController final : public QObject {
    Q_OBJECT
public:
    /// `recentCalls`: how many calls the board lists; `pollMs` 0 = the watcher's default.
    BoardController(AppContext context, int recentCalls, int pollMs = 0, QObject *parent = nullptr);
    ~BoardController() override;

    void start();
    [[nodiscard]] const queue::BoardSnapshot &board() const { return m_board; }
    [[nodiscard]] bool hasBoard() const { return m_loaded; }
    [[nodiscard]] bool isOnline() const { return m_loader.isOnline(); }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void boardChanged();
    /// A call (or recall) newer than any seen before; not raised for the calls
    /// already on the board when the display starts.
    void newCall(const cnap::queue::CallNotice &call);
    void connectionChanged(bool online);
    void failed(const QString &message);

private:
    void deliver(const queue::BoardSnapshot &board);

    AppContext m_context;
    queue::BoardSnapshot m_board;
    bool m_loaded = false;
    qint64 m_lastCallMs = -1;
    QString m_lastCallKey;
    WatcherThread *m_watcher = nullptr;
    LiveLoader<queue::BoardSnapshot> m_loader;
};

} // namespace cnap::gui
