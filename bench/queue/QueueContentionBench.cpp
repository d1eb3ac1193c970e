// Queue contention benchmark.
//
//   cnap_queue_bench --pg postgresql://user:pw@host:port/postgres [--desks 1,10,50]
//                    [--tickets 20000] [--seconds 10]
//
// For each D: a fresh database with one queue, D desks and `tickets` waiting
// tickets; D threads (one connection each) call and finish through QueueService
// for `seconds`; reports calls/s, p50/p99 call latency and the number of tickets
// called twice (from the event log; must be 0).  Then a second fresh database with
// the same tickets gets pgbench running only the claim statement (claim.sql,
// -c D -j 2 -t tickets/D): the bare limit; the ratio is ours / bare.  pgbench runs
// a fixed number of claims, not a fixed time: with -T it emptied the queue in a
// few seconds and then timed claims that find nothing (read-only, no commit
// flush), which inflated the "limit" several times over with fsync on.
// Prints one Markdown table row per D.

#include "services/QueueService.h"
#include "storage/Database.h"
#include "storage/QueueRepository.h"
#include "storage/DatabaseUrl.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <set>
#include <thread>

using namespace cnap;

namespace {

const QString kService = QStringLiteral("10001");

bool adminExec(const storage::DatabaseUrl &admin, const QString &sql)
{
    const QString name = QStringLiteral("bench-admin-") + QUuid::createUuid().toString(QUuid::Id128);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(admin.host());
        db.setPort(admin.port());
        db.setUserName(admin.user());
        db.setPassword(admin.password());
        db.setDatabaseName(admin.databaseName());
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                std::fprintf(stderr, "admin: %s\n", qPrintable(q.lastError().text()));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

/// A fresh migrated database with one queue, `desks` desks and `tickets` waiting tickets.
storage::DatabasePtr prepare(const storage::DatabaseUrl &admin, const QString &name, int desks, int tickets)
{
    if (!adminExec(admin, QStringLiteral("CREATE DATABASE ") + name + QStringLiteral(" TEMPLATE template0 ENCODING 'UTF8'")))
        return {};
    auto db = storage::Database::open(admin.withDatabaseName(name));
    if (!db || !db.value()->migrate().ok())
        return {};
    services::QueueService q(db.value());
    const Actor sys = Actor::system();
    if (!q.saveQueue(sys, QStringLiteral("А"), QStringLiteral("Бенчмарк")).ok()
        || !q.assignService(sys, QStringLiteral("А"), kService, QStringLiteral("Послуга")).ok())
        return {};
    // Desks open before the clock starts (a clerk opens the desk at log-in): the
    // run measures steady calling, not 50 first-of-the-day openings at once,
    // which queue behind each other's notifying commit and were >1 % of calls.
    for (int d = 1; d <= desks; ++d) {
        if (!q.saveDesk(sys, QString::number(d), {kService}).ok() || !q.openDesk(sys, QString::number(d)).ok())
            return {};
    }
    // Bulk-insert the waiting tickets (issuing 20,000 one by one through the
    // kiosk path would measure the kiosk, not the desks).
    auto groups = q.queues(sys);
    if (!groups || groups->isEmpty())
        return {};
    storage::QueueRepository repo(db.value()->db());
    if (auto st = repo.insertWaitingBulk(groups->first().id, QStringLiteral("А"), kService, QDate::currentDate().toString(Qt::ISODate),
                                         tickets, QDateTime::currentMSecsSinceEpoch() - 3600 * 1000);
        !st) {
        std::fprintf(stderr, "seed: %s\n", qPrintable(st.error().describe()));
        return {};
    }
    return db.value();
}

struct Run {
    double callsPerSec = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    qint64 calls = 0;
    qint64 calledTwice = -1;
    int errors = 0;
};

Run runDesks(const storage::DatabasePtr &db, int desks, int seconds)
{
    std::mutex mutex;
    std::vector<double> latencies;
    std::atomic<int> errors{0};
    std::atomic<bool> stop{false};
    std::atomic<int> running{desks};
    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> threads;
    for (int d = 1; d <= desks; ++d) {
        threads.emplace_back([&, d] {
            services::QueueService s(db);
            const QString desk = QString::number(d);
            std::vector<double> mine;
            QElapsedTimer t;
            while (!stop.load()) {
                t.start();
                auto c = s.callNext(Actor::system(), desk);
                const double ms = t.nsecsElapsed() / 1e6;
                if (!c) {
                    ++errors;
                    std::fprintf(stderr, "call: %s\n", qPrintable(c.error().describe()));
                    break;
                }
                if (!c.value())
                    break;  // queue empty
                mine.push_back(ms);
                if (!s.finish(Actor::system(), desk).ok()) {
                    ++errors;
                    break;
                }
            }
            db->releaseThreadConnection();
            --running;
            std::lock_guard lock(mutex);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
        });
    }
    while (wall.elapsed() < seconds * 1000LL && running.load() > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    stop = true;
    for (auto &t : threads)
        t.join();
    const double elapsed = wall.nsecsElapsed() / 1e9;
    Run r;
    r.errors = errors.load();
    r.calls = static_cast<qint64>(latencies.size());
    r.callsPerSec = r.calls / elapsed;
    std::sort(latencies.begin(), latencies.end());
    if (!latencies.empty()) {
        r.p50Ms = latencies[latencies.size() / 2];
        r.p99Ms = latencies[std::min(latencies.size() - 1, latencies.size() * 99 / 100)];
    }
    // Called twice: from the event log, not from our own bookkeeping.
    services::QueueService s(db);
    auto events = s.events(Actor::system(), 0, 100000);
    if (events) {
        std::set<qint64> seen;
        qint64 twice = 0;
        for (const auto &e : events.value()) {
            if (e.kind == QStringLiteral("called") && !seen.insert(e.ticketId).second)
                ++twice;
        }
        r.calledTwice = twice;
    }
    return r;
}

struct Bare {
    double tps = 0;
    double latencyMs = 0;  ///< pgbench's average claim latency at D clients
    double p99Ms = 0;      ///< from pgbench's per-transaction log (-l)
};

/// pgbench with the bare claim, `tickets` claims in all (each one finds a ticket);
/// returns transactions per second and average latency (0 on failure).
Bare runPgbench(const storage::DatabaseUrl &url, int desks, int tickets, int seconds, const QString &day)
{
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), url.password());
    p.setProcessEnvironment(env);
    QTemporaryDir logDir;
    p.setWorkingDirectory(logDir.path());
    p.start(QStringLiteral("pgbench"),
            {QStringLiteral("-n"), QStringLiteral("-l"), QStringLiteral("--log-prefix=claim"), QStringLiteral("-f"), QStringLiteral(CNAP_QUEUE_CLAIM_SQL), QStringLiteral("-c"), QString::number(desks),
             QStringLiteral("-j"), QStringLiteral("2"), QStringLiteral("-t"), QString::number(std::max(1, tickets / desks)), QStringLiteral("-D"),
             QStringLiteral("desks=%1").arg(desks), QStringLiteral("-D"), QStringLiteral("day='%1'").arg(day), QStringLiteral("-h"),
             url.host(), QStringLiteral("-p"), QString::number(url.port()), QStringLiteral("-U"), url.user(), url.databaseName()});
    if (!p.waitForFinished(seconds * 1000 + 120000))
        return {};
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const auto m = QRegularExpression(QStringLiteral("tps = ([0-9.]+)")).match(out);
    if (!m.hasMatch()) {
        std::fprintf(stderr, "pgbench: %s\n%s\n", qPrintable(out), p.readAllStandardError().constData());
        return {};
    }
    const auto lat = QRegularExpression(QStringLiteral("latency average = ([0-9.]+) ms")).match(out);
    // Log lines: client_id transaction_no latency_us script_no epoch_s epoch_us.
    std::vector<double> us;
    for (const QFileInfo &fi : QDir(logDir.path()).entryInfoList({QStringLiteral("claim*")}, QDir::Files)) {
        QFile f(fi.absoluteFilePath());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        while (!f.atEnd()) {
            const QList<QByteArray> parts = f.readLine().split(' ');
            if (parts.size() >= 3)
                us.push_back(parts.at(2).toDouble());
        }
    }
    std::sort(us.begin(), us.end());
    const double p99 = us.empty() ? 0.0 : us[std::min(us.size() - 1, us.size() * 99 / 100)] / 1000.0;
    return {m.captured(1).toDouble(), lat.hasMatch() ? lat.captured(1).toDouble() : 0.0, p99};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption pg(QStringLiteral("pg"), QStringLiteral("admin URL of the PostgreSQL server"), QStringLiteral("URL"));
    const QCommandLineOption desksOpt(QStringLiteral("desks"), QStringLiteral("comma-separated desk counts"), QStringLiteral("LIST"), QStringLiteral("1,10,50"));
    const QCommandLineOption ticketsOpt(QStringLiteral("tickets"), QStringLiteral("waiting tickets"), QStringLiteral("N"), QStringLiteral("20000"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("run length"), QStringLiteral("S"), QStringLiteral("10"));
    parser.addOptions({pg, desksOpt, ticketsOpt, secondsOpt});
    parser.process(app);
    auto admin = storage::DatabaseUrl::parse(parser.isSet(pg) ? parser.value(pg) : qEnvironmentVariable("CNAP_TEST_PG_URL"));
    if (!admin) {
        std::fprintf(stderr, "--pg: %s\n", qPrintable(admin.error().message));
        return 2;
    }
    const int tickets = parser.value(ticketsOpt).toInt();
    const int seconds = parser.value(secondsOpt).toInt();
    const QString day = QDate::currentDate().toString(Qt::ISODate);
    std::printf("| desks | calls/s | p50 call ms | p99 call ms | called twice | errors | bare claim tps (pgbench) | bare avg ms | bare p99 ms | ratio |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const QString &dText : parser.value(desksOpt).split(u',')) {
        const int desks = dText.toInt();
        const QString ours = QStringLiteral("cnap_qbench_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        const QString bare = QStringLiteral("cnap_qbare_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        Run r;
        {
            auto db = prepare(admin.value(), ours, desks, tickets);
            if (!db) {
                std::fprintf(stderr, "cannot prepare %s\n", qPrintable(ours));
                return 1;
            }
            r = runDesks(db, desks, seconds);
        }
        Bare bareRun;
        {
            auto db = prepare(admin.value(), bare, desks, tickets);
            if (!db)
                return 1;
            bareRun = runPgbench(admin->withDatabaseName(bare), desks, tickets, seconds, day);
        }
        adminExec(admin.value(), QStringLiteral("DROP DATABASE IF EXISTS ") + ours + QStringLiteral(" WITH (FORCE)"));
        adminExec(admin.value(), QStringLiteral("DROP DATABASE IF EXISTS ") + bare + QStringLiteral(" WITH (FORCE)"));
        const double tps = bareRun.tps;
        std::printf("| %d | %.0f | %.2f | %.2f | %lld | %d | %.0f | %.2f | %.2f | %.0f %% |\n", desks, r.callsPerSec, r.p50Ms, r.p99Ms,
                    static_cast<long long>(r.calledTwice), r.errors, tps, bareRun.latencyMs, bareRun.p99Ms, tps > 0 ? 100.0 * r.callsPerSec / tps : 0.0);
        std::fflush(stdout);
    }
    return 0;
}
