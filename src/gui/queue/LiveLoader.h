#pragma once

// Keeps one live screen's data fresh: loads on request on the TaskRunner's worker
// (never on the UI thread), coalesces requests that arrive while a load is
// running into one more load, and rides out a lost database connection: the
// worker's connection is dropped (Database::releaseThreadConnection), the screen
// is told it is offline, and the load is retried on a timer until it succeeds.
//
// Only reads are retried automatically.  A desk action that failed on a broken
// connection is never repeated behind the clerk's back: the call may have been
// committed before the connection died, and a second call would summon a second
// visitor.

#include "core/Result.h"
#include "gui/common/TaskRunner.h"
#include "storage/Database.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace cnap::gui {

/// True for errors that mean "the database is unreachable", not "the request was wrong".
[[nodiscard]] inline bool isConnectionError(const Error &error)
{
    return error.code == ErrorCode::Network || error.code == ErrorCode::Timeout;
}

template <typename T>
class LiveLoader final {
public:
    using Load = std::function<Result<T>()>;
    using Deliver = std::function<void(const T &)>;
    using Fail = std::function<void(const Error &)>;
    using Online = std::function<void(bool online)>;

    /// Callbacks run on `context`'s thread and are dropped once it is gone.
    LiveLoader(QObject *context, TaskRunner *runner, storage::DatabasePtr db, Load load, Deliver deliver, Fail fail,
               Online online)
        : m_context(context), m_runner(runner), m_db(std::move(db)), m_load(std::move(load)),
          m_deliver(std::move(deliver)), m_fail(std::move(fail)), m_online(std::move(online)),
          m_state(std::make_shared<State>())
    {
        m_retry = new QTimer(context);
        m_retry->setSingleShot(true);
        m_retry->setInterval(2000);
        QObject::connect(m_retry, &QTimer::timeout, context, [this]() { request(); });
    }

    void setRetryInterval(int ms) { m_retry->setInterval(ms); }
    [[nodiscard]] bool isOnline() const { return m_state->online; }
    [[nodiscard]] bool isLoading() const { return m_state->loading; }

    /// Loads now, or once more after the running load.
    void request()
    {
        if (m_state->loading) {
            m_state->again = true;
            return;
        }
        m_state->loading = true;
        m_state->again = false;
        const bool reconnect = !m_state->online;
        auto db = m_db;
        auto load = m_load;
        m_runner->run(
            m_context,
            [db, load, reconnect]() -> Result<T> {
                if (reconnect)
                    db->releaseThreadConnection();
                Result<T> r = load();
                if (!r && isConnectionError(r.error())) {
                    // A stale handle after a server restart: one fresh connection before giving up.
                    db->releaseThreadConnection();
                    r = load();
                }
                return r;
            },
            [this](Result<T> result) { finished(result); });
    }

    /// A write on the worker hit a dead connection: go offline and reconnect.
    void connectionFailed() { goOffline(); }

private:
    struct State {
        bool loading = false;
        bool again = false;
        bool online = true;
    };

    void finished(const Result<T> &result)
    {
        m_state->loading = false;
        if (!result) {
            if (isConnectionError(result.error())) {
                goOffline();
                return;
            }
            m_fail(result.error());
        } else {
            if (!m_state->online) {
                m_state->online = true;
                m_online(true);
            }
            m_deliver(result.value());
        }
        if (m_state->again)
            request();
    }

    void goOffline()
    {
        if (m_state->online) {
            m_state->online = false;
            m_online(false);
        }
        m_state->again = false;
        m_retry->start();
    }

    QObject *m_context;
    TaskRunner *m_runner;
    storage::DatabasePtr m_db;
    Load m_load;
    Deliver m_deliver;
    Fail m_fail;
    Online m_online;
    std::shared_ptr<State> m_state;
    QTimer *m_retry = nullptr;
};

} // namespace cnap::gui
