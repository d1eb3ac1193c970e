// bench_applicants: how fast the applicant register loads and answers the two
// lookups a desk makes all day — by РНОКПП and by the first letters of a surname —
// at the size of a large city's register (1,000,000 applicants by default).
//
//   bench_applicants [--count N] [--lookups N] [--batch N] [--sqlite-only | --pg-only]
//                    [--pg postgresql://user:pw@host:port/db] [--keep]
//
// PostgreSQL: the server from --pg or CNAP_TEST_PG_URL; a database of its own is
// created there and dropped at the end (unless --keep).  SQLite: a temporary file.

#include "ApplicantGenerator.h"

#include "storage/ApplicantRepository.h"
#include "storage/Database.h"
#include "storage/DatabaseUrl.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace cnap;
using namespace cnap::storage;

namespace {

struct Options {
    int count = 1'000'000;
    int lookups = 2000;
    int batch = 50'000;
    bool sqlite = true;
    bool pg = true;
    bool keep = false;
    QString pgUrl;
};

struct Percentiles {
    double p50 = 0, p95 = 0, p99 = 0, max = 0;
};

Percentiles percentiles(std::vector<double> ms)
{
    Percentiles p;
    if (ms.empty())
        return p;
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))]; };
    p.p50 = at(0.50);
    p.p95 = at(0.95);
    p.p99 = at(0.99);
    p.max = ms.back();
    return p;
}

/// CPU time of this thread, ms.  Against the wall-clock figure it shows how much of
/// a lookup was work done here (all of it for SQLite, the client side for
/// PostgreSQL) and how much was waiting: for the server, the disk, or a CPU on a
/// machine whose other processes compete for its two cores.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

void say(const QString &line)
{
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

/// Runs one administrative statement (CREATE/DROP DATABASE) on its own short connection.
bool adminExec(const DatabaseUrl &admin, const QString &sql, QString *error)
{
    const QString name = QStringLiteral("bench-admin");
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
                *error = q.lastError().text();
            db.close();
        } else {
            *error = db.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

/// Loads, then times the lookups, on one backend.  Returns false on any failure.
bool runBackend(const QString &label, const DatabaseUrl &url, const Options &opt)
{
    auto opened = Database::open(url);
    if (!opened) {
        say(label + QStringLiteral(": cannot open: ") + opened.error().describe());
        return false;
    }
    DatabasePtr db = opened.value();
    if (auto st = db->migrate(); !st) {
        say(label + QStringLiteral(": migration failed: ") + st.error().describe());
        return false;
    }
    ApplicantRepository repo(db);

    // ---- load: generation is not timed, insertBatch (validation + insert) is.
    bench::ApplicantGenerator gen(20250616);
    std::vector<QString> rnokpps;
    rnokpps.reserve(static_cast<std::size_t>(opt.count));
    qint64 insertNs = 0;
    for (int from = 0; from < opt.count; from += opt.batch) {
        const int to = std::min(opt.count, from + opt.batch);
        std::vector<Applicant> chunk;
        chunk.reserve(static_cast<std::size_t>(to - from));
        for (int i = from; i < to; ++i) {
            chunk.push_back(gen.make(i));
            if (chunk.back().isPerson())
                rnokpps.push_back(chunk.back().rnokpp);
        }
        QElapsedTimer t;
        t.start();
        auto n = repo.insertBatch(chunk);
        insertNs += t.nsecsElapsed();
        if (!n) {
            say(label + QStringLiteral(": load failed at row %1: ").arg(from) + n.error().describe());
            return false;
        }
        if ((to / opt.batch) % 5 == 0 || to == opt.count)
            say(label + QStringLiteral(": loaded %1 rows, %2 s").arg(to).arg(double(insertNs) / 1e9, 0, 'f', 1));
    }
    QElapsedTimer analyze;
    analyze.start();
    if (auto st = repo.refreshStatistics(); !st) {
        say(label + QStringLiteral(": ANALYZE failed: ") + st.error().describe());
        return false;
    }
    const double analyzeS = double(analyze.nsecsElapsed()) / 1e9;
    const double loadS = double(insertNs) / 1e9;

    // ---- lookups: a short warm-up (first statement preparation, cold cache pages), then timed.
    QRandomGenerator &rnd = gen.random();
    std::vector<double> cpuMs;
    auto timeLookups = [&](auto &&lookup, int n) {
        std::vector<double> ms;
        ms.reserve(static_cast<std::size_t>(n));
        cpuMs.clear();
        for (int k = 0; k < n; ++k) {
            const double cpu0 = threadCpuMs();
            QElapsedTimer t;
            t.start();
            if (!lookup())
                return std::vector<double>{};
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
            cpuMs.push_back(threadCpuMs() - cpu0);
        }
        return ms;
    };

    int misses = 0;
    auto byRnokpp = [&]() {
        const QString &key = rnokpps[static_cast<std::size_t>(rnd.bounded(static_cast<int>(rnokpps.size())))];
        auto r = repo.findByRnokpp(key);
        if (!r) {
            say(label + QStringLiteral(": lookup failed: ") + r.error().describe());
            return false;
        }
        if (!r->has_value())
            ++misses;
        return true;
    };
    qint64 prefixRows = 0;
    int emptyPrefixes = 0;
    auto byPrefix = [&]() {
        const QString prefix = gen.typedPrefix(gen.randomSurname());
        auto r = repo.searchBySurnamePrefix(prefix, 20);
        if (!r) {
            say(label + QStringLiteral(": search failed: ") + r.error().describe());
            return false;
        }
        prefixRows += static_cast<qint64>(r->size());
        if (r->empty())
            ++emptyPrefixes;
        return true;
    };
    timeLookups(byRnokpp, 200);
    timeLookups(byPrefix, 200);
    misses = 0;
    prefixRows = 0;
    emptyPrefixes = 0;
    const std::vector<double> rnokppMs = timeLookups(byRnokpp, opt.lookups);
    const Percentiles cr = percentiles(cpuMs);
    const std::vector<double> prefixMs = timeLookups(byPrefix, opt.lookups);
    const Percentiles cp = percentiles(cpuMs);
    if (rnokppMs.empty() || prefixMs.empty())
        return false;
    const Percentiles pr = percentiles(rnokppMs);
    const Percentiles pp = percentiles(prefixMs);

    const qint64 stored = repo.count().valueOr(-1);
    say(QStringLiteral("== %1: %2 applicants stored").arg(label).arg(stored));
    say(QStringLiteral("   load: %1 s (%2 rows/s, batches of %3, one transaction each); ANALYZE %4 s")
            .arg(loadS, 0, 'f', 1)
            .arg(double(opt.count) / loadS, 0, 'f', 0)
            .arg(opt.batch)
            .arg(analyzeS, 0, 'f', 1));
    if (url.dialect() == Dialect::Sqlite)
        say(QStringLiteral("   file: %1 MiB").arg(double(QFileInfo(url.path()).size()) / 1048576.0, 0, 'f', 0));
    say(QStringLiteral("   by РНОКПП      (%1 lookups, %2 misses): p50 %3 ms  p95 %4 ms  p99 %5 ms  max %6 ms")
            .arg(opt.lookups).arg(misses)
            .arg(pr.p50, 0, 'f', 3).arg(pr.p95, 0, 'f', 3).arg(pr.p99, 0, 'f', 3).arg(pr.max, 0, 'f', 3));
    say(QStringLiteral("   surname prefix (%1 lookups, limit 20, %2 rows avg, %3 empty): p50 %4 ms  p95 %5 ms  p99 %6 ms  max %7 ms")
            .arg(opt.lookups)
            .arg(double(prefixRows) / opt.lookups, 0, 'f', 1)
            .arg(emptyPrefixes)
            .arg(pp.p50, 0, 'f', 3).arg(pp.p95, 0, 'f', 3).arg(pp.p99, 0, 'f', 3).arg(pp.max, 0, 'f', 3));
    say(QStringLiteral("   this thread's CPU time: by РНОКПП p50 %1 ms  p95 %2 ms;  prefix p50 %3 ms  p95 %4 ms")
            .arg(cr.p50, 0, 'f', 3).arg(cr.p95, 0, 'f', 3).arg(cp.p50, 0, 'f', 3).arg(cp.p95, 0, 'f', 3));
    return stored == opt.count && misses == 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Applicant register load and lookup benchmark"));
    parser.addHelpOption();
    const QCommandLineOption countOpt(QStringLiteral("count"), QStringLiteral("Applicants to load."), QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption lookupsOpt(QStringLiteral("lookups"), QStringLiteral("Timed lookups of each kind."), QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption batchOpt(QStringLiteral("batch"), QStringLiteral("Rows per insertBatch call."), QStringLiteral("N"), QStringLiteral("50000"));
    const QCommandLineOption sqliteOnly(QStringLiteral("sqlite-only"), QStringLiteral("Only SQLite."));
    const QCommandLineOption pgOnly(QStringLiteral("pg-only"), QStringLiteral("Only PostgreSQL."));
    const QCommandLineOption pgOpt(QStringLiteral("pg"), QStringLiteral("PostgreSQL admin URL (default: CNAP_TEST_PG_URL)."), QStringLiteral("URL"));
    const QCommandLineOption keepOpt(QStringLiteral("keep"), QStringLiteral("Keep the PostgreSQL database and SQLite file."));
    parser.addOptions({countOpt, lookupsOpt, batchOpt, sqliteOnly, pgOnly, pgOpt, keepOpt});
    parser.process(app);

    Options opt;
    bool ok1 = false, ok2 = false, ok3 = false;
    opt.count = parser.value(countOpt).toInt(&ok1);
    opt.lookups = parser.value(lookupsOpt).toInt(&ok2);
    opt.batch = parser.value(batchOpt).toInt(&ok3);
    if (!ok1 || !ok2 || !ok3 || opt.count < 1 || opt.count > 2'000'000 || opt.lookups < 1 || opt.batch < 1
        || (parser.isSet(sqliteOnly) && parser.isSet(pgOnly))) {
        std::fputs("bench_applicants: --count 1..2000000, --lookups and --batch positive, "
                   "at most one of --sqlite-only/--pg-only\n", stderr);
        return 2;
    }
    opt.sqlite = !parser.isSet(pgOnly);
    opt.pg = !parser.isSet(sqliteOnly);
    opt.keep = parser.isSet(keepOpt);
    opt.pgUrl = parser.isSet(pgOpt) ? parser.value(pgOpt) : qEnvironmentVariable("CNAP_TEST_PG_URL");

    say(QStringLiteral("bench_applicants: %1 applicants, %2 timed lookups of each kind, %3 threads available")
            .arg(opt.count).arg(opt.lookups).arg(QThread::idealThreadCount()));
    bool allOk = true;

    if (opt.sqlite) {
        QTemporaryDir dir;
        dir.setAutoRemove(!opt.keep);
        const QString path = dir.filePath(QStringLiteral("applicants-bench.sqlite"));
        auto url = DatabaseUrl::parse(QStringLiteral("sqlite:") + path);
        allOk = url && runBackend(QStringLiteral("SQLite"), url.value(), opt) && allOk;
        if (opt.keep)
            say(QStringLiteral("kept ") + path);
    }

    if (opt.pg) {
        if (opt.pgUrl.isEmpty()) {
            say(QStringLiteral("PostgreSQL: no URL (--pg or CNAP_TEST_PG_URL); skipped"));
            return 1;
        }
        auto admin = DatabaseUrl::parse(opt.pgUrl);
        if (!admin) {
            say(QStringLiteral("PostgreSQL: bad URL: ") + admin.error().describe());
            return 2;
        }
        const QString name = QStringLiteral("cnap_bench_applicants_%1").arg(QCoreApplication::applicationPid());
        QString error;
        if (!adminExec(admin.value(), QStringLiteral("CREATE DATABASE ") + name + QStringLiteral(" TEMPLATE template0 ENCODING 'UTF8'"), &error)) {
            say(QStringLiteral("PostgreSQL: cannot create database: ") + error);
            return 1;
        }
        {
            const bool ok = runBackend(QStringLiteral("PostgreSQL"), admin->withDatabaseName(name), opt);
            allOk = ok && allOk;
        }  // the Database (and its connection) is gone before the drop
        if (opt.keep)
            say(QStringLiteral("kept database ") + name);
        else if (!adminExec(admin.value(), QStringLiteral("DROP DATABASE ") + name, &error))
            say(QStringLiteral("PostgreSQL: could not drop %1: %2").arg(name, error));
    }
    return allOk ? 0 : 1;
}
