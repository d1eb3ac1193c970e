#pragma once

// Wakes live queue screens (hall display, desk panel, kiosk, supervisor) when the
// queue changes anywhere in the centre.
//
// On PostgreSQL it LISTENs to the `cnap_queue` channel (every queue change
// NOTIFYs inside its transaction) on a connection of its own.  Notifications are
// only wake-up hints: it also polls the newest event id on a timer, detects a
// dropped connection there, reconnects and subscribes again (Qt forgets
// subscriptions when a connection closes).  On SQLite there is no NOTIFY, so it
// polls more often.
//
// Threading: the watcher uses its connection only in the thread it lives in when
// start() runs.  A GUI may keep it on the UI thread (the poll is one indexed
// MAX(id)); to keep reconnect waits off the UI thread, move it to a worker thread
// and invoke start() there (QMetaObject::invokeMethod, queued).

#include "storage/Database.h"

#include <QObject>
#include <QSqlDriver>
#include <QTimer>

namespace cnap::services {

class QueueWatcher final : public QObject {
    Q_OBJECT
public:
    /// Poll interval defaults: 5 s on PostgreSQL (notifications do the work), 500 ms on SQLite.
    explicit QueueWatcher(storage::DatabasePtr db, QObject *parent = nullptr);
    ~QueueWatcher() override;

    void setPollInterval(int ms);
    [[nodiscard]] int pollInterval() const { return m_poll.interval(); }
    /// Subscribed to PostgreSQL notifications right now.
    [[nodiscard]] bool isSubscribed() const { return m_subscribed; }
    /// Connected to the database right now.
    [[nodiscard]] bool isConnected() const { return m_connected; }
    /// Newest event id seen (BoardSnapshot::revision compares with it).
    [[nodiscard]] qint64 revision() const { return m_revision; }

    /// PostgreSQL application_name of the watcher's connection (for monitoring).
    static QString applicationName();

public Q_SLOTS:
    /// Opens the connection, subscribes, starts polling.  Idempotent.
    void start();
    void stop();
    /// Polls now (also called by the timer).
    void poll();

Q_SIGNALS:
    /// Something in the queue changed (or may have): re-read the board.
    void changed();
    /// The connection broke; `message` is for people (Ukrainian).  Retries follow on the poll timer.
    void connectionLost(const QString &message);
    /// The connection is back (and re-subscribed); changed() follows.
    void reconnected();

private:
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    bool openConnection();
    void closeConnection();
    void signalChange();

    storage::DatabasePtr m_db;
    QString m_connectionName;
    QTimer m_poll;
    QTimer m_coalesce;   // many notifications of one transaction → one changed()
    qint64 m_revision = -1;
    bool m_started = false;
    bool m_connected = false;
    bool m_subscribed = false;
    bool m_lostReported = false;
};

} // namespace cnap::services
