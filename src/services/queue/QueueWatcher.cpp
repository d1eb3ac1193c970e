#include "services/queue/QueueWatcher.h"

#include "storage/QueueRepository.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QUuid>

namespace cnap::services {

namespace {
const QString kChannel = QStringLiteral("cnap_queue");
} // namespace

QueueWatcher::QueueWatcher(storage::DatabasePtr db, QObject *parent)
    : QObject(parent), m_db(std::move(db)),
      m_connectionName(QStringLiteral("cnap-queue-watcher-") + QUuid::createUuid().toString(QUuid::Id128))
{
    m_poll.setInterval(m_db->isPostgres() ? 5000 : 500);
    connect(&m_poll, &QTimer::timeout, this, &QueueWatcher::poll);
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(20);
    connect(&m_coalesce, &QTimer::timeout, this, &QueueWatcher::changed);
}

QueueWatcher::~QueueWatcher()
{
    stop();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString QueueWatcher::applicationName() { return QStringLiteral("cnap-queue-watcher"); }

void QueueWatcher::setPollInterval(int ms) { m_poll.setInterval(std::max(ms, 50)); }

void QueueWatcher::start()
{
    if (m_started)
        return;
    m_started = true;
    if (openConnection())
        poll();
    m_poll.start();
}

void QueueWatcher::stop()
{
    m_started = false;
    m_poll.stop();
    m_coalesce.stop();
    closeConnection();
}

bool QueueWatcher::openConnection()
{
    const storage::DatabaseUrl &url = m_db->url();
    QSqlDatabase db = QSqlDatabase::contains(m_connectionName) ? QSqlDatabase::database(m_connectionName, false) : QSqlDatabase();
    if (!db.isValid()) {
        if (url.dialect() == storage::Dialect::Sqlite) {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
            db.setDatabaseName(url.path());
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY"));
        } else {
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
            db.setHostName(url.host());
            db.setPort(url.port());
            db.setUserName(url.user());
            db.setPassword(url.password());
            db.setDatabaseName(url.databaseName());
            QStringList opts;
            for (auto it = url.options().cbegin(); it != url.options().cend(); ++it) {
                if (it.key() != QStringLiteral("application_name"))
                    opts << it.key() + u'=' + it.value();
            }
            if (!url.options().contains(QStringLiteral("connect_timeout")))
                opts << QStringLiteral("connect_timeout=5");
            opts << QStringLiteral("application_name=") + applicationName();
            db.setConnectOptions(opts.join(u';'));
        }
    }
    if (!db.open()) {
        m_connected = false;
        if (!m_lostReported) {
            m_lostReported = true;
            Q_EMIT connectionLost(tr("немає з'єднання з базою даних черги: %1").arg(db.lastError().text()));
        }
        return false;
    }
    m_connected = true;
    m_subscribed = false;
    // QSQLITE reports the feature too, but only for changes made on this very
    // connection: useless across processes, so SQLite relies on the poll.
    if (m_db->isPostgres() && db.driver()->hasFeature(QSqlDriver::EventNotifications)) {
        // Qt drops the subscription with the connection: subscribe on every open.
        connect(db.driver(), &QSqlDriver::notification, this, &QueueWatcher::onNotification, Qt::UniqueConnection);
        m_subscribed = db.driver()->subscribeToNotification(kChannel);
    }
    return true;
}

void QueueWatcher::closeConnection()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (db.isOpen()) {
        if (m_subscribed)
            db.driver()->unsubscribeFromNotification(kChannel);
        db.close();
    }
    m_connected = false;
    m_subscribed = false;
}

void QueueWatcher::poll()
{
    if (!m_started)
        return;
    const bool wasDown = !m_connected;
    if (!m_connected && !openConnection())
        return;
    storage::QueueRepository repo(QSqlDatabase::database(m_connectionName, false));
    auto rev = repo.revision();
    if (!rev) {
        // The server went away (restart, terminated backend, network): reconnect now,
        // and if that fails keep trying on the timer.
        closeConnection();
        if (!m_lostReported) {
            m_lostReported = true;
            Q_EMIT connectionLost(tr("з'єднання з базою даних черги втрачено; відновлюю…"));
        }
        if (openConnection())
            poll();
        return;
    }
    if (wasDown || m_lostReported) {
        m_lostReported = false;
        Q_EMIT reconnected();
        m_revision = rev.value();
        signalChange();  // notifications may have been missed while down
        return;
    }
    if (rev.value() != m_revision) {
        // The first look reports a change too: whatever happened between the
        // consumer's own load and this watcher's LISTEN would otherwise be
        // missed (its NOTIFY came too early, and it is already in the baseline).
        m_revision = rev.value();
        signalChange();
    }
}

void QueueWatcher::onNotification(const QString &name, QSqlDriver::NotificationSource, const QVariant &)
{
    if (name != kChannel)
        return;
    signalChange();
}

void QueueWatcher::signalChange()
{
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

} // namespace cnap::services
