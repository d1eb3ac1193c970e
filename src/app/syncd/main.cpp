// cnap-syncd: drains the exchange outbox to the security server on a schedule,
// polls the registries for decisions and online applications, purges the
// message log.  Logs are English and carry ids and counts, never personal data.
//
//   cnap-syncd --config /etc/cnap/syncd.conf            (the systemd unit)
//   cnap-syncd --db URL --security-server URL [--config FILE] --once
//
// Command-line options override the configuration file.  SIGTERM/SIGINT: items
// on the wire finish, the rest return to the outbox, then the process exits 0.
#include "core/log/Categories.h"
#include "core/log/Log.h"
#include "exchange/sync/SyncEngine.h"
#include "storage/Database.h"
#include "storage/DatabaseUrl.h"
#include "storage/Migrator.h"

#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QSysInfo>

#include <condition_variable>
#include <csignal>
#include <iostream>
#include <mutex>
#include <thread>

#include <pthread.h>
#include <unistd.h>

using namespace cnap;
using Poco::Util::Option;
using Poco::Util::OptionSet;

namespace {

sigset_t g_stopSignals;

QString qs(const std::string &s) { return QString::fromStdString(s); }

class SyncDaemon final : public Poco::Util::ServerApplication {
protected:
    void defineOptions(OptionSet &options) override
    {
        ServerApplication::defineOptions(options);
        options.addOption(Option("help", "h", "Show this help and exit.").required(false).repeatable(false));
        options.addOption(Option("config", "c", "Configuration file (INI), default /etc/cnap/syncd.conf when it exists.")
                              .required(false).repeatable(false).argument("FILE"));
        options.addOption(Option("db", "", "Database URL (overrides [database] url).").required(false).repeatable(false).argument("URL"));
        options.addOption(Option("security-server", "", "Security server URL (overrides [security_server] url).")
                              .required(false).repeatable(false).argument("URL"));
        options.addOption(Option("once", "", "Run one cycle (send everything due, poll results and online applications) and exit.")
                              .required(false).repeatable(false));
        options.addOption(Option("name", "", "Engine name in claims (default: host name and process id).")
                              .required(false).repeatable(false).argument("NAME"));
    }

    void handleOption(const std::string &name, const std::string &value) override
    {
        ServerApplication::handleOption(name, value);
        if (name == "help") {
            m_help = true;
            stopOptionsProcessing();
        } else if (name == "config") {
            m_configFile = qs(value);
        } else if (name == "db") {
            m_db = qs(value);
        } else if (name == "security-server") {
            m_server = qs(value);
        } else if (name == "once") {
            m_once = true;
        } else if (name == "name") {
            m_name = qs(value);
        }
    }

    int main(const std::vector<std::string> &args) override
    {
        if (m_help) {
            Poco::Util::HelpFormatter help(options());
            help.setCommand(commandName());
            help.setUsage("[--config FILE] [--db URL] [--security-server URL] [--once]");
            help.setHeader("CNAP registry exchange daemon: sends the outbox to the X-Road security server.");
            help.format(std::cout);
            return EXIT_OK;
        }
        if (!args.empty()) {
            std::cerr << "cnap-syncd: unexpected argument '" << args.front() << "' (see --help)" << std::endl;
            return EXIT_USAGE;
        }

        exchange::sync::SyncConfig config;
        QString file = m_configFile;
        if (file.isEmpty() && QFileInfo::exists(QStringLiteral("/etc/cnap/syncd.conf")))
            file = QStringLiteral("/etc/cnap/syncd.conf");
        if (!file.isEmpty()) {
            auto loaded = exchange::sync::SyncConfig::load(file);
            if (!loaded)
                return fail(QStringLiteral("configuration: %1: %2").arg(loaded.error().field, loaded.error().message), EXIT_CONFIG);
            config = loaded.value();
        }
        if (!m_db.isEmpty())
            config.databaseUrl = m_db;
        if (!m_server.isEmpty())
            config.securityServerUrl = m_server;
        if (config.databaseUrl.isEmpty())
            return fail(QStringLiteral("no database: give --db URL or [database] url"), EXIT_CONFIG);
        if (auto st = config.validate(); !st)
            return fail(QStringLiteral("configuration: %1: %2").arg(st.error().field, st.error().message), EXIT_CONFIG);

        auto url = storage::DatabaseUrl::parse(config.databaseUrl);
        if (!url)
            return fail(QStringLiteral("database URL is not valid"), EXIT_CONFIG);
        auto db = storage::Database::open(url.value());
        if (!db)
            return fail(QStringLiteral("cannot open the database: %1").arg(db.error().message), EXIT_SOFTWARE);
        storage::Migrator migrator(*db.value());
        auto version = migrator.currentVersion();
        if (!version || version.value() != migrator.latestVersion())
            return fail(QStringLiteral("database schema is not current; run: cnapctl --db URL init"), EXIT_SOFTWARE);

        const QString name = m_name.isEmpty() ? QStringLiteral("%1:%2").arg(QSysInfo::machineHostName()).arg(::getpid()) : m_name;
        const net::TransportConfig transport = config.transport;
        exchange::sync::SyncEngine engine(db.value(), config,
                                          [transport] { return net::makeHttpTransport(transport); }, Clock::system(), name);

        // Stop signals are blocked in every thread (main() below); this thread
        // alone takes them and asks the engine to stop.
        std::mutex mutex;
        std::condition_variable wake;
        bool stopping = false;
        std::thread signals([&] {
            int sig = 0;
            sigwait(&g_stopSignals, &sig);
            if (sig == SIGUSR1)
                return;  // our own wake-up at normal exit
            qCInfo(lcExchange).noquote() << "signal" << sig << "received: finishing in-flight items, returning the rest";
            engine.requestStop();
            std::lock_guard lock(mutex);
            stopping = true;
            wake.notify_all();
        });

        int rc = EXIT_OK;
        qCInfo(lcExchange).noquote() << "cnap-syncd" << name << "started;" << (m_once ? "one cycle" : "daemon mode")
                                     << "; security server" << config.securityServerUrl;
        for (;;) {
            if (m_once || config.isWorkingTime(QDateTime::currentDateTime())) {
                auto report = engine.runCycle();
                if (!report) {
                    qCWarning(lcExchange).noquote() << "cycle failed:" << report.error().message;
                    rc = EXIT_SOFTWARE;
                } else {
                    const auto &r = report.value();
                    qCInfo(lcExchange).noquote()
                        << QStringLiteral("cycle: claimed %1, done %2, retried %3, dead %4, returned %5, lease lost %6, status checks %7, "
                                          "decisions %8, new online applications %9, log entries purged %10")
                               .arg(r.claimed).arg(r.done).arg(r.retried).arg(r.dead).arg(r.released).arg(r.leaseLost)
                               .arg(r.statusChecked).arg(r.decisions).arg(r.onlineNew).arg(r.logPurged);
                    for (const QString &p : r.problems)
                        qCWarning(lcExchange).noquote() << p;
                    rc = EXIT_OK;
                }
            }
            if (m_once)
                break;
            std::unique_lock lock(mutex);
            if (wake.wait_for(lock, config.interval, [&] { return stopping; }))
                break;
        }
        {
            std::lock_guard lock(mutex);
            if (!stopping)
                ::kill(::getpid(), SIGUSR1);
        }
        signals.join();
        qCInfo(lcExchange).noquote() << "cnap-syncd stopped";
        db.value()->releaseThreadConnection();
        return rc;
    }

private:
    int fail(const QString &message, int code)
    {
        qCCritical(lcExchange).noquote() << message;
        return code;
    }

    QString m_configFile;
    QString m_db;
    QString m_server;
    QString m_name;
    bool m_once = false;
    bool m_help = false;
};

} // namespace

int main(int argc, char **argv)
{
    // Before any thread exists: the stop signals go to the signal thread only.
    sigemptyset(&g_stopSignals);
    sigaddset(&g_stopSignals, SIGINT);
    sigaddset(&g_stopSignals, SIGTERM);
    sigaddset(&g_stopSignals, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &g_stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    QCoreApplication qapp(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cnap-syncd"));
    if (auto st = installLogHandler(); !st) {
        std::cerr << "cnap-syncd: cannot install the log handler" << std::endl;
        return 1;
    }
    SyncDaemon daemon;
    try {
        return daemon.run(argc, argv);
    } catch (const Poco::Exception &e) {
        std::cerr << "cnap-syncd: " << e.displayText() << " (see --help)" << std::endl;
        return 2;
    }
}
