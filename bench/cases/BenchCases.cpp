// bench_cases --db URL --store DIR [--cases N] [--samples K]
//
// Brings the database up to N cases (CaseDemo, timed), then measures with the
// real CaseService: registration latency (one PDF attached, audit on), search
// by РНОКПП, by case number and by surname prefix, and the time until the case
// list returns its first page (default order, most urgent first, overdue only,
// one state).  Prints p50/p95 in milliseconds.
#include "core/identifiers/IdentifierFactory.h"
#include "services/CaseService.h"
#include "services/cases/CaseDemo.h"
#include "storage/JournalRepository.h"
#include "storage/Migrator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace cnap;

namespace {
struct Stats {
    double p50 = 0;
    double p95 = 0;
    double max = 0;
};

Stats stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    if (v.empty())
        return {};
    return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 95 / 100)], v.back()};
}

Stats measure(int samples, const std::function<bool(int)> &op)
{
    std::vector<double> times;
    QElapsedTimer t;
    for (int i = 0; i < samples; ++i) {
        t.start();
        if (!op(i)) {
            std::fprintf(stderr, "operation failed\n");
            std::exit(1);
        }
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return stats(times);
}

void print(const char *what, const Stats &s)
{
    std::printf("%-44s p50 %8.2f ms   p95 %8.2f ms   max %8.2f ms\n", what, s.p50, s.p95, s.max);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    const QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("database URL"), QStringLiteral("URL"));
    const QCommandLineOption storeOpt(QStringLiteral("store"), QStringLiteral("document store folder"), QStringLiteral("DIR"));
    const QCommandLineOption casesOpt(QStringLiteral("cases"), QStringLiteral("cases wanted (default 1000000)"), QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption samplesOpt(QStringLiteral("samples"), QStringLiteral("samples per figure (default 300)"), QStringLiteral("K"), QStringLiteral("300"));
    p.addOptions({dbOpt, storeOpt, casesOpt, samplesOpt});
    p.process(app);
    auto url = storage::DatabaseUrl::parse(p.value(dbOpt));
    if (!url) {
        std::fprintf(stderr, "%s\n", qPrintable(url.error().describe()));
        return 2;
    }
    auto db = storage::Database::open(url.value());
    if (!db || !db.value()->migrate()) {
        std::fprintf(stderr, "cannot open or migrate the database\n");
        return 1;
    }
    auto root = storage::DocumentStore::resolveRoot(url.value(), p.value(storeOpt));
    if (!root) {
        std::fprintf(stderr, "%s\n", qPrintable(root.error().describe()));
        return 2;
    }
    auto store = std::make_shared<storage::DocumentStore>(root.value());
    services::CaseService cases(db.value(), store);
    const Actor clerk{1, QStringLiteral("bench"), Role::Clerk, QStringLiteral("1")};
    const int samples = p.value(samplesOpt).toInt();

    storage::CaseRepository repo(db.value());
    const qint64 want = p.value(casesOpt).toLongLong();
    const qint64 have = repo.count().valueOr(0);
    std::printf("backend %s, cases present %lld, wanted %lld\n", db.value()->isPostgres() ? "PostgreSQL" : "SQLite",
                static_cast<long long>(have), static_cast<long long>(want));
    if (have < want) {
        auto filled = services::CaseDemo::fill(db.value(), *store, want - have, QDate::currentDate(), [](qint64 done, qint64 total) {
            if (done % 200000 == 0 || done == total)
                std::fprintf(stderr, "  filled %lld / %lld\n", static_cast<long long>(done), static_cast<long long>(total));
        });
        if (!filled) {
            std::fprintf(stderr, "%s\n", qPrintable(filled.error().describe()));
            return 1;
        }
        std::printf("demo fill: %lld cases, %lld applicants, %lld history rows in %.1f s\n",
                    static_cast<long long>(filled->cases), static_cast<long long>(filled->applicants),
                    static_cast<long long>(filled->historyRows), double(filled->elapsedMs) / 1000.0);
    }

    // Samples of existing numbers, codes and surname prefixes.
    auto counters = storage::JournalRepository(db.value()).counters();
    if (!counters || counters->isEmpty())
        return 1;
    auto *rng = QRandomGenerator::global();
    QStringList numbers;
    QStringList codes;
    for (int i = 0; i < samples; ++i) {
        const auto &c = (*counters)[int(rng->bounded(counters->size()))];
        const QString n = formatCaseNumber(QString::fromUtf16(kDefaultCaseNumberPattern), c.journal, c.year,
                                           1 + rng->bounded(qint64(c.lastSeq))).valueOr(QString());
        numbers << n;
        auto s = repo.summaryByNumber(n);
        codes << (s ? s->applicantCode : QString());
    }
    const QStringList prefixes = {QStringLiteral("шевч"), QStringLiteral("коваленко"), QStringLiteral("бон"), QStringLiteral("ткач"),
                                  QStringLiteral("мельник"), QStringLiteral("дем'ян"), QStringLiteral("гонч"), QStringLiteral("лит")};

    auto searchBy = [&](const QStringList &keys) {
        return [&cases, &clerk, keys](int i) { return cases.search(clerk, keys[i % keys.size()], 50).ok(); };
    };
    print("search by РНОКПП (50 rows max)", measure(samples, searchBy(codes)));
    print("search by case number", measure(samples, searchBy(numbers)));
    print("search by surname prefix (50 rows)", measure(samples, searchBy(prefixes)));

    auto firstPage = [&](CaseListQuery q) {
        return [&cases, &clerk, q](int) {
            auto page = cases.list(clerk, q);
            return page.ok() && !page->rows.isEmpty();
        };
    };
    CaseListQuery newest;
    newest.limit = 50;
    CaseListQuery urgent = newest;
    urgent.sort = CaseSort::DueAsc;
    CaseListQuery overdue = newest;
    overdue.overdueOnly = true;
    overdue.sort = CaseSort::DueAsc;
    CaseListQuery underReview = newest;
    underReview.states = {CaseState::UnderReview};
    // The very first call, on a connection that has never run the query.
    {
        QElapsedTimer t;
        t.start();
        if (!cases.list(clerk, newest))
            return 1;
        std::printf("%-44s %8.2f ms\n", "case list first page, first call", double(t.nsecsElapsed()) / 1e6);
    }
    print("case list first page (newest first)", measure(samples, firstPage(newest)));
    print("case list first page (due date)", measure(samples, firstPage(urgent)));
    print("case list first page (overdue only)", measure(samples, firstPage(overdue)));
    print("case list first page (under review)", measure(samples, firstPage(underReview)));
    {
        // Ten pages deep by key: the cost must not grow with the depth.
        std::vector<double> times;
        CaseListQuery q = newest;
        QElapsedTimer t;
        for (int i = 0; i < 10; ++i) {
            t.start();
            auto page = cases.list(clerk, q);
            times.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!page || !page->next)
                break;
            q.after = page->next;
        }
        print("case list, next pages by key", stats(times));
    }

    const QByteArray pdf = QByteArrayLiteral("%PDF-1.4\n% bench scan\n%%EOF\n");
    const int regSamples = std::min(samples, 200);
    const qint64 salt = QDateTime::currentSecsSinceEpoch() % 100000;
    print("registration (1 PDF, new applicant, audit)", measure(regSamples, [&](int i) {
        services::RegistrationRequest r;
        Applicant a;
        a.kind = ApplicantKind::Person;
        a.surname = QStringLiteral("Бенчмарко");
        a.givenName = QStringLiteral("Олена");
        a.birthDate = QDate(2003, 1, 1).addDays((salt * 200 + i) % 7000);
        a.sex = Sex::Female;
        a.rnokpp = makeRnokpp(a.birthDate, int((salt + i) % 1000), Sex::Female);
        a.consentGiven = true;
        a.consentAt = QDateTime::currentDateTimeUtc();
        r.applicant.candidate = a;
        r.serviceCode = QStringLiteral("00049");
        r.paymentEvidence = QStringLiteral("квитанція 1");
        r.attachments = {{QStringLiteral("заява.pdf"), pdf + QByteArray::number(salt * 1000 + i)}};
        auto res = cases.registerCase(clerk, r);
        if (!res)
            std::fprintf(stderr, "%s\n", qPrintable(res.error().describe()));
        return res.ok();
    }));
    return 0;
}
