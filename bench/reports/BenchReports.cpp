// bench_reports [--events N] [--cases N] [--sqlite-only | --pg-only] [--pg URL]
//               [--sqlite-file PATH] [--pg-db NAME] [--no-load]
//
// --sqlite-file / --pg-db keep the loaded databases (not dropped at the end);
// with --no-load the timings run again on them (after new migrations, say).
//
// Builds one year of a busy centre on each backend — the demo centre (catalogue,
// queues, desks), N cases through the cases module's bulk loader (CaseDemo), a
// queue history of N events (issue, call, finish: a third of N tickets, written
// as ticket rows too) with air-raid pauses — then times every report over the
// whole year and the supervisor's live refresh.  Goals: each report < 2 s, live refresh < 50 ms.

#include "core/queue/QueueModel.h"
#include "core/reports/Report.h"
#include "services/DemoCentre.h"
#include "services/QueueService.h"
#include "services/ReportService.h"
#include "services/cases/CaseDemo.h"
#include "storage/DocumentStore.h"
#include "storage/ReportRepository.h"
#include "storage/Sql.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace cnap;

namespace {

void say(const QString &line)
{
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

bool adminExec(const storage::DatabaseUrl &admin, const QString &sql)
{
    const QString name = QStringLiteral("bench-reports-admin");
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
                say(QStringLiteral("admin: ") + q.lastError().text());
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

struct Options {
    qint64 events = 3'000'000;
    qint64 cases = 1'000'000;
    bool sqlite = true;
    bool pg = true;
    QString pgUrl = qEnvironmentVariable("CNAP_TEST_PG_URL");
    QString sqliteFile;
    QString pgDb;
    bool load = true;
};

/// A year of queue history: working days, 08:00–18:00, about equal load per
/// service, waits around 9 minutes (longer at midday), services around 11.
Status loadEvents(const storage::DatabasePtr &db, qint64 events, const QDate &today)
{
    services::QueueService queue(db);
    auto groups = queue.queues(Actor::system());
    if (!groups)
        return groups.error();
    auto desks = queue.desks(Actor::system());
    if (!desks)
        return desks.error();
    QList<QPair<qint64, QString>> services;  // (queue id, code)
    for (const queue::QueueGroup &g : groups.value())
        for (const QString &code : g.serviceCodes)
            services.append({g.id, code});
    if (services.isEmpty() || desks->isEmpty())
        return Error::make(ErrorCode::Internal, QStringLiteral("demo centre has no services or desks"));
    QList<QDate> days;
    for (QDate d = today.addDays(-365); d < today; d = d.addDays(1))
        if (d.dayOfWeek() <= 5)
            days << d;
    const qint64 tickets = events / 3;
    const qint64 perDay = (tickets + days.size() - 1) / days.size();
    QRandomGenerator rng(20260302);
    auto conn = db->connection();
    if (!conn)
        return conn.error();
    storage::ReportRepository repo(conn.value());
    qint64 written = 0, ticketId = 10'000'000;
    QList<queue::QueueEvent> batch;
    QList<queue::Ticket> ticketBatch;
    batch.reserve(60'000);
    ticketBatch.reserve(20'000);
    auto flush = [&]() -> Status {
        auto tx = storage::Transaction::begin(conn.value());
        if (!tx)
            return tx.error();
        CNAP_TRY(repo.insertTicketsBulk(ticketBatch));
        CNAP_TRY(repo.insertEventsBulk(batch));
        CNAP_TRY(tx->commit());
        batch.clear();
        ticketBatch.clear();
        return {};
    };
    QElapsedTimer t;
    t.start();
    for (const QDate &day : days) {
        const qint64 open = QDateTime(day, QTime(8, 0)).toMSecsSinceEpoch();
        for (qint64 i = 0; i < perDay && written < events; ++i) {
            const auto &[queueId, code] = services.at(static_cast<int>(rng.bounded(static_cast<int>(services.size()))));
            const queue::Desk &desk = desks->at(static_cast<int>(rng.bounded(static_cast<int>(desks->size()))));
            const qint64 issued = open + static_cast<qint64>(rng.bounded(10 * 3600)) * 1000;
            const qint64 wait = static_cast<qint64>(-std::log(1.0 - rng.generateDouble() * 0.999) * 540'000);
            const qint64 service = 120'000 + static_cast<qint64>(rng.bounded(1'080'000));
            const QString number = QStringLiteral("А-%1").arg(i + 1, 3, 10, QLatin1Char('0'));
            ++ticketId;
            const qint64 called = issued + wait;
            const QString clerk = QStringLiteral("clerk%1").arg(desk.name);
            batch.append({0, issued, QStringLiteral("issued"), ticketId, number, queueId, code, 0, {}, {}, std::nullopt, {}});
            batch.append({0, called, QStringLiteral("called"), ticketId, number, queueId, code, desk.id, desk.name, clerk,
                          std::nullopt, {}});
            const bool noShow = rng.bounded(50) == 0;
            const qint64 ended = called + (noShow ? 180'000 : service);
            batch.append({0, ended, noShow ? QStringLiteral("no-show") : QStringLiteral("finished"), ticketId, number, queueId,
                          code, desk.id, desk.name, clerk, noShow ? std::nullopt : std::optional<qint64>(service),
                          noShow ? QString() : QStringLiteral("consultation")});
            queue::Ticket ticket;
            ticket.id = ticketId;
            ticket.serviceDay = day.toString(Qt::ISODate);
            ticket.queueId = queueId;
            ticket.number = number;
            ticket.serviceCode = code;
            ticket.services = {code};
            ticket.state = noShow ? queue::TicketState::NoShow : queue::TicketState::Finished;
            ticket.issuedAtMs = ticket.sortAtMs = ticket.callableFromMs = issued;
            ticket.deskId = desk.id;
            ticket.clerk = clerk;
            ticket.calledAtMs = called;
            ticket.startedAtMs = noShow ? 0 : called;
            ticket.finishedAtMs = ended;
            if (!noShow)
                ticket.outcome = queue::Outcome::Consultation;
            ticketBatch.append(ticket);
            written += 3;
        }
        if (batch.size() >= 50'000)
            CNAP_TRY(flush());
    }
    CNAP_TRY(flush());
    say(QStringLiteral("  queue events: %1 in %2 s").arg(written).arg(t.elapsed() / 1000.0, 0, 'f', 1));
    // About a hundred air-raid alerts over the year, 20–90 minutes each.
    ManualClock clock(QDateTime(days.first(), QTime(11, 0)));
    services::QueueService paused(db, clock);
    for (int i = 0; i < days.size(); i += 2) {
        clock.set(QDateTime(days.at(i), QTime(9 + i % 8, 15)));
        CNAP_TRY(paused.pauseCentre(Actor::system(), QStringLiteral("повітряна тривога")));
        clock.advanceSecs(60 * (20 + static_cast<int>(rng.bounded(70))));
        CNAP_TRY(paused.resumeCentre(Actor::system()));
    }
    return {};
}

/// Median of `runs` timings in ms.
template <typename F>
double timeIt(int runs, F &&f, bool *failed)
{
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        if (!f())
            *failed = true;
        ms << t.nsecsElapsed() / 1e6;
    }
    std::sort(ms.begin(), ms.end());
    return ms.at(ms.size() / 2);
}

bool runBackend(const QString &label, const storage::DatabaseUrl &url, const Options &opt)
{
    say(QStringLiteral("== %1").arg(label));
    auto db = storage::Database::open(url);
    if (!db || !db.value()->migrate()) {
        say(QStringLiteral("  cannot open or migrate"));
        return false;
    }
    QElapsedTimer load;
    load.start();
    const QDate today = QDate::currentDate();
    if (opt.load) {
    auto demo = services::DemoCentre(db.value()).setUp(Actor::system());
    if (!demo) {
        say(QStringLiteral("  demo: ") + demo.error().describe());
        return false;
    }
    QTemporaryDir storeDir;
    storage::DocumentStore store(storeDir.path());
    if (opt.cases > 0) {
        QElapsedTimer t;
        t.start();
        auto cases = services::CaseDemo::fill(db.value(), store, opt.cases, today);
        if (!cases) {
            say(QStringLiteral("  cases: ") + cases.error().describe());
            return false;
        }
        say(QStringLiteral("  cases: %1 (+%2 history rows) in %3 s").arg(cases->cases).arg(cases->historyRows).arg(t.elapsed() / 1000.0, 0, 'f', 1));
    }
    if (auto s = loadEvents(db.value(), opt.events, today); !s) {
        say(QStringLiteral("  events: ") + s.error().describe());
        return false;
    }
    }
    {
        auto conn = db.value()->connection();
        if (conn)
            static_cast<void>(storage::exec(conn.value(), QStringLiteral("ANALYZE")));
    }
    say(QStringLiteral("  load (and ANALYZE) %1 s").arg(load.elapsed() / 1000.0, 0, 'f', 1));

    services::ReportService reports(db.value());
    const reports::Period year{today.addDays(-365), today};
    const reports::Period month{today.addDays(-30), today};
    bool failed = false;
    say(QStringLiteral("  %1 %2 %3 %4").arg(QStringLiteral("report"), -10).arg(QStringLiteral("year ms"), 10).arg(QStringLiteral("month ms"), 10).arg(QStringLiteral("rows"), 6));
    for (reports::ReportKind k : reports::allReportKinds()) {
        if (k == reports::ReportKind::Exchange)
            continue;  // no outbox yet
        qsizetype rows = 0;
        const double y = timeIt(3, [&]() {
            auto t = reports.run(Actor::system(), k, year);
            if (!t)
                say(QStringLiteral("  %1: %2").arg(reports::reportKey(k), t.error().describe()));
            rows = t ? t->rows.size() : 0;
            return t.ok();
        }, &failed);
        const double m = timeIt(3, [&]() { return reports.run(Actor::system(), k, month).ok(); }, &failed);
        say(QStringLiteral("  %1 %2 %3 %4").arg(reports::reportKey(k), -10).arg(y, 10, 'f', 0).arg(m, 10, 'f', 0).arg(rows, 6));
    }
    reports::ReportFilter oneDesk;
    oneDesk.desk = QStringLiteral("3");
    const double filtered = timeIt(3, [&]() { return reports.run(Actor::system(), reports::ReportKind::Waits, year, oneDesk).ok(); }, &failed);
    say(QStringLiteral("  waits, year, desk 3: %1 ms").arg(filtered, 0, 'f', 0));
    const double deadlines = timeIt(3, [&]() { return reports.deadlines(Actor::system(), 0.75).ok(); }, &failed);
    say(QStringLiteral("  deadline control: %1 ms").arg(deadlines, 0, 'f', 1));
    const double live = timeIt(51, [&]() { return reports.live(Actor::system()).ok(); }, &failed);
    say(QStringLiteral("  live refresh (median of 51): %1 ms").arg(live, 0, 'f', 1));
    db.value()->releaseThreadConnection();
    return !failed;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options opt;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QStringLiteral("--events") && i + 1 < args.size())
            opt.events = args.at(++i).toLongLong();
        else if (a == QStringLiteral("--cases") && i + 1 < args.size())
            opt.cases = args.at(++i).toLongLong();
        else if (a == QStringLiteral("--pg") && i + 1 < args.size())
            opt.pgUrl = args.at(++i);
        else if (a == QStringLiteral("--sqlite-only"))
            opt.pg = false;
        else if (a == QStringLiteral("--pg-only"))
            opt.sqlite = false;
        else if (a == QStringLiteral("--sqlite-file") && i + 1 < args.size())
            opt.sqliteFile = args.at(++i);
        else if (a == QStringLiteral("--pg-db") && i + 1 < args.size())
            opt.pgDb = args.at(++i);
        else if (a == QStringLiteral("--no-load"))
            opt.load = false;
        else {
            say(QStringLiteral("usage: bench_reports [--events N] [--cases N] [--sqlite-only|--pg-only] [--pg URL]"));
            return 2;
        }
    }
    say(QStringLiteral("bench_reports: %1 queue events, %2 cases, one year").arg(opt.events).arg(opt.cases));
    bool ok = true;
    if (opt.sqlite) {
        QTemporaryDir dir;
        const QString file = opt.sqliteFile.isEmpty() ? dir.filePath(QStringLiteral("bench.db")) : opt.sqliteFile;
        auto url = storage::DatabaseUrl::parse(QStringLiteral("sqlite://") + file);
        ok = url && runBackend(QStringLiteral("SQLite"), url.value(), opt) && ok;
    }
    if (opt.pg) {
        auto admin = storage::DatabaseUrl::parse(opt.pgUrl);
        if (!admin) {
            say(QStringLiteral("PostgreSQL: no or bad URL (--pg or CNAP_TEST_PG_URL)"));
            return 1;
        }
        const QString name = opt.pgDb.isEmpty() ? QStringLiteral("cnap_bench_reports_%1").arg(QCoreApplication::applicationPid()) : opt.pgDb;
        if (opt.load
            && !adminExec(admin.value(), QStringLiteral("CREATE DATABASE ") + name + QStringLiteral(" TEMPLATE template0 ENCODING 'UTF8'")))
            return 1;
        ok = runBackend(QStringLiteral("PostgreSQL"), admin->withDatabaseName(name), opt) && ok;
        if (opt.pgDb.isEmpty())
            adminExec(admin.value(), QStringLiteral("DROP DATABASE IF EXISTS ") + name + QStringLiteral(" WITH (FORCE)"));
    }
    return ok ? 0 : 1;
}
