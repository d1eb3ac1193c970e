// Every report on seeded data with hand-computed answers, filters, bad input,
// exports, live view, deadline control and role checks, on both backends.
#include "ReportFixture.h"

#include "cases/CaseFixture.h"
#include "core/reports/ReportFormat.h"
#include "storage/Migrator.h"
#include "storage/Sql.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <unistd.h>

namespace cnap::test {
namespace {

using reports::Period;
using reports::ReportFilter;
using reports::ReportKind;
using reports::ReportTable;

class ReportServiceTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        db = std::make_unique<TestDatabase>(GetParam());
        ASSERT_TRUE(db->ok());
        seed = std::make_unique<ReportSeed>(db->database(), clock);
        seed->centre();
        seed->history();
        clock.set(QDateTime(reportDay(), QTime(12, 0)));
        service = std::make_unique<services::ReportService>(db->database(), clock);
    }

    ReportTable run(ReportKind kind, const ReportFilter &filter = {}, Period period = {reportDay(), reportDay()})
    {
        auto t = service->run(supervisor(), kind, period, filter);
        EXPECT_TRUE(t.ok()) << (t ? std::string() : t.error().describe().toStdString());
        return t ? t.value() : ReportTable{};
    }

    static QVariantList rowOf(const ReportTable &t, const QString &first)
    {
        for (const QVariantList &r : t.rows)
            if (r.value(0).toString() == first)
                return r;
        return {};
    }
    static QVariant cell(const ReportTable &t, const QString &first, const QString &column)
    {
        return rowOf(t, first).value(t.columnIndex(column));
    }

    ManualClock clock{reportStart()};
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<ReportSeed> seed;
    std::unique_ptr<services::ReportService> service;
};

TEST_P(ReportServiceTest, WaitsAreMeanMedianP90ByHand)
{
    const ReportTable t = run(ReportKind::Waits);
    EXPECT_EQ(cell(t, kSvcA1, QStringLiteral("waited")).toLongLong(), 3);
    EXPECT_DOUBLE_EQ(cell(t, kSvcA1, QStringLiteral("wait_mean_s")).toDouble(), 160.0);
    EXPECT_DOUBLE_EQ(cell(t, kSvcA1, QStringLiteral("wait_median_s")).toDouble(), 120.0);
    EXPECT_DOUBLE_EQ(cell(t, kSvcA1, QStringLiteral("wait_p90_s")).toDouble(), 264.0);
    EXPECT_EQ(cell(t, kSvcA1, QStringLiteral("served")).toLongLong(), 3);
    EXPECT_DOUBLE_EQ(cell(t, kSvcA1, QStringLiteral("service_mean_s")).toDouble(), 73.3);
    EXPECT_DOUBLE_EQ(cell(t, kSvcA1, QStringLiteral("service_median_s")).toDouble(), 80.0);
    EXPECT_DOUBLE_EQ(cell(t, kSvcA1, QStringLiteral("service_p90_s")).toDouble(), 96.0);
    // 10003: Б-001 waited 30 s, Б-002 45 s; nobody finished there.
    EXPECT_EQ(cell(t, kSvcB, QStringLiteral("waited")).toLongLong(), 2);
    EXPECT_DOUBLE_EQ(cell(t, kSvcB, QStringLiteral("wait_mean_s")).toDouble(), 37.5);
    EXPECT_EQ(cell(t, kSvcB, QStringLiteral("served")).toLongLong(), 0);
    EXPECT_TRUE(cell(t, kSvcB, QStringLiteral("service_mean_s")).isNull());
    // All: 30, 45, 60, 120, 300 → mean 111, median 60, p90 rank 3.6 → 120 + 0.6·180 = 228.
    EXPECT_EQ(cell(t, QStringLiteral("*"), QStringLiteral("waited")).toLongLong(), 5);
    EXPECT_DOUBLE_EQ(cell(t, QStringLiteral("*"), QStringLiteral("wait_mean_s")).toDouble(), 111.0);
    EXPECT_DOUBLE_EQ(cell(t, QStringLiteral("*"), QStringLiteral("wait_median_s")).toDouble(), 60.0);
    EXPECT_DOUBLE_EQ(cell(t, QStringLiteral("*"), QStringLiteral("wait_p90_s")).toDouble(), 228.0);
    ASSERT_TRUE(t.total.has_value());
    EXPECT_EQ(*t.total, 5);
}

TEST_P(ReportServiceTest, CentrePauseIsNotCountedAsWaiting)
{
    // A fresh ticket waits 200 s of which a 90-second air-raid alert: 110 s counted.
    clock.set(QDateTime(reportDay(), QTime(13, 0)));
    seed->issue(kSvcA2);
    clock.set(QDateTime(reportDay(), QTime(13, 0, 50)));
    ASSERT_TRUE(seed->queue.pauseCentre(Actor::system(), QStringLiteral("повітряна тривога")).ok());
    clock.set(QDateTime(reportDay(), QTime(13, 2, 20)));
    ASSERT_TRUE(seed->queue.resumeCentre(Actor::system()).ok());
    clock.set(QDateTime(reportDay(), QTime(13, 3, 20)));
    // Desk 1 calls: the redirected Б-002 comes first (earlier place in line), then ours.
    const Actor olena = clerkAt(QStringLiteral("olena"), QStringLiteral("1"));
    ASSERT_TRUE(seed->queue.callNext(olena, QStringLiteral("1"), kSvcA2).ok());
    const ReportTable t = run(ReportKind::Waits);
    EXPECT_EQ(cell(t, kSvcA2, QStringLiteral("waited")).toLongLong(), 1);
    EXPECT_DOUBLE_EQ(cell(t, kSvcA2, QStringLiteral("wait_mean_s")).toDouble(), 110.0);
}

/// The waits of the seeded day, as WaitsAreMeanMedianP90ByHand works them out.
void expectSeededWaits(const ReportTable &t)
{
    auto cell = [&](const QString &first, const char *column) {
        for (const QVariantList &r : t.rows)
            if (r.value(0).toString() == first)
                return r.value(t.columnIndex(QString::fromLatin1(column)));
        return QVariant();
    };
    EXPECT_EQ(cell(kSvcA1, "waited").toLongLong(), 3);
    EXPECT_DOUBLE_EQ(cell(kSvcA1, "wait_mean_s").toDouble(), 160.0);
    EXPECT_EQ(cell(kSvcB, "waited").toLongLong(), 2);
    EXPECT_DOUBLE_EQ(cell(kSvcB, "wait_mean_s").toDouble(), 37.5);
    EXPECT_DOUBLE_EQ(cell(kSvcB, "wait_p90_s").toDouble(), 43.5);
    EXPECT_EQ(cell(QStringLiteral("*"), "waited").toLongLong(), 5);
    ASSERT_TRUE(t.total.has_value());
    EXPECT_EQ(*t.total, 5);
}

TEST_P(ReportServiceTest, RedirectedTicketWaitsOnceForTheServiceItWasIssuedFor)
{
    // Б-002 was issued for 10003, called at desk 2 after 45 s and redirected to
    // 10001.  Desk 1 calls it again at 12:00: its wait stays the first one (45 s,
    // under 10003), and 10001 gains no wait.
    const Actor olena = clerkAt(QStringLiteral("olena"), QStringLiteral("1"));
    auto again = seed->queue.callNext(olena, QStringLiteral("1"));
    ASSERT_TRUE(again.ok()) << again.error().describe().toStdString();
    ASSERT_TRUE(again->has_value());
    EXPECT_EQ(again.value()->number, QStringLiteral("Б-002"));
    EXPECT_EQ(again.value()->serviceCode, kSvcA1);
    expectSeededWaits(run(ReportKind::Waits));
    ReportFilter byService;
    byService.serviceCode = kSvcB;
    EXPECT_EQ(*run(ReportKind::Waits, byService).total, 2);
    byService.serviceCode = kSvcA1;
    EXPECT_EQ(*run(ReportKind::Waits, byService).total, 3);
    // The desk filter looks at every call of a ticket: desk 1 called А-001..003 and now Б-002.
    ReportFilter byDesk;
    byDesk.desk = QStringLiteral("1");
    EXPECT_EQ(*run(ReportKind::Waits, byDesk).total, 4);
}

TEST_P(ReportServiceTest, TicketsFromBeforeMigration0520KeepTheirWaits)
{
    // A database written before tickets kept their issue service and first call:
    // take 0520 back (its index and columns), then migrate; the migration fills
    // both from the event log and the report gives the same numbers.
    const QSqlDatabase sql = db->database()->db();
    for (const char *statement : {"DROP INDEX queue_tickets_issued_cover", "ALTER TABLE queue_tickets DROP COLUMN first_called_at",
                                  "ALTER TABLE queue_tickets DROP COLUMN issued_service_code",
                                  "DELETE FROM schema_version WHERE version = 520"})
        ASSERT_TRUE(storage::exec(sql, QString::fromLatin1(statement)).ok()) << statement;
    storage::Migrator migrator(*db->database());
    auto migrated = migrator.migrate();
    ASSERT_TRUE(migrated.ok()) << migrated.error().describe().toStdString();
    auto filled = storage::execOne(sql, QStringLiteral("SELECT COUNT(*) FROM queue_tickets WHERE issued_service_code = '' "
                                                       "OR first_called_at IS NULL"));
    ASSERT_TRUE(filled.ok());
    EXPECT_EQ(filled->value(0).toInt(), 0);  // every seeded ticket was called
    expectSeededWaits(run(ReportKind::Waits));
}

TEST_P(ReportServiceTest, VisitsByServiceAndLocalHourWithTotal)
{
    const ReportTable t = run(ReportKind::Visits);
    ASSERT_TRUE(t.total.has_value());
    EXPECT_EQ(*t.total, 5);
    const int hour = t.columnIndex(QStringLiteral("hour"));
    const int tickets = t.columnIndex(QStringLiteral("tickets"));
    QMap<QPair<QString, int>, qint64> cells;
    for (const QVariantList &r : t.rows)
        cells[{r.at(0).toString(), r.at(hour).toInt()}] = r.at(tickets).toLongLong();
    EXPECT_EQ(cells.value({kSvcA1, 10}), 3);
    EXPECT_EQ(cells.value({kSvcB, 10}), 1);
    EXPECT_EQ(cells.value({kSvcB, 11}), 1);
    EXPECT_EQ(cells.size(), 3);
    EXPECT_EQ(cell(t, kSvcA1, QStringLiteral("service_name")).toString(), QStringLiteral("Послуга 1"));
}

TEST_P(ReportServiceTest, NoShowsAndRedirects)
{
    const ReportTable t = run(ReportKind::NoShows);
    EXPECT_EQ(cell(t, kSvcB, QStringLiteral("issued")).toLongLong(), 2);
    EXPECT_EQ(cell(t, kSvcB, QStringLiteral("no_shows")).toLongLong(), 1);
    EXPECT_DOUBLE_EQ(cell(t, kSvcB, QStringLiteral("no_show_pct")).toDouble(), 50.0);
    EXPECT_EQ(cell(t, kSvcB, QStringLiteral("redirects")).toLongLong(), 1);
    EXPECT_EQ(cell(t, kSvcA1, QStringLiteral("served")).toLongLong(), 3);
    EXPECT_EQ(cell(t, kSvcA1, QStringLiteral("no_shows")).toLongLong(), 0);
    EXPECT_EQ(*t.total, 1);
}

TEST_P(ReportServiceTest, FiltersNarrowTheNumbers)
{
    ReportFilter byDesk;
    byDesk.desk = QStringLiteral("2");
    const ReportTable visits = run(ReportKind::Visits, byDesk);
    EXPECT_EQ(*visits.total, 2);  // both Б tickets were called at desk 2
    ReportFilter byClerk;
    byClerk.clerk = QStringLiteral("olena");
    const ReportTable waits = run(ReportKind::Waits, byClerk);
    EXPECT_EQ(*waits.total, 3);
    EXPECT_TRUE(rowOf(waits, kSvcB).isEmpty());
    ReportFilter byService;
    byService.serviceCode = kSvcB;
    const ReportTable noShows = run(ReportKind::NoShows, byService);
    EXPECT_EQ(noShows.rows.size(), 1);
    EXPECT_EQ(*run(ReportKind::Visits, byService).total, 2);
    // Another day: nothing.
    EXPECT_EQ(*run(ReportKind::Visits, {}, {reportDay().addDays(1), reportDay().addDays(7)}).total, 0);
}

TEST_P(ReportServiceTest, FilterNamingNothingIsAnErrorNamingTheField)
{
    const struct {
        ReportFilter filter;
        const char *field;
    } cases[] = {
        {{QStringLiteral("99999"), {}, {}, {}}, "service"},
        {{{}, QStringLiteral("Нема такого"), {}, {}}, "provider"},
        {{{}, {}, QStringLiteral("77"), {}}, "desk"},
        {{{}, {}, {}, QStringLiteral("nobody")}, "clerk"},
    };
    for (const auto &c : cases) {
        for (ReportKind k : {ReportKind::Visits, ReportKind::Waits, ReportKind::Cases, ReportKind::Feedback}) {
            auto t = service->run(supervisor(), k, {reportDay(), reportDay()}, c.filter);
            ASSERT_FALSE(t.ok()) << c.field;
            EXPECT_EQ(t.error().code, ErrorCode::InvalidArgument);
            EXPECT_EQ(t.error().field, QString::fromLatin1(c.field));
            EXPECT_FALSE(t.error().message.isEmpty());
        }
    }
}

TEST_P(ReportServiceTest, ReversedOrEmptyPeriodIsRefused)
{
    auto reversed = service->run(supervisor(), ReportKind::Visits, {reportDay(), reportDay().addDays(-1)});
    ASSERT_FALSE(reversed.ok());
    EXPECT_EQ(reversed.error().field, QStringLiteral("to"));
    auto empty = service->run(supervisor(), ReportKind::Waits, {QDate(), reportDay()});
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().field, QStringLiteral("from"));
}

TEST_P(ReportServiceTest, ExchangeReportFromTheOutbox)
{
    ReportFilter f;
    f.desk = QStringLiteral("1");
    EXPECT_EQ(service->run(supervisor(), ReportKind::Exchange, {reportDay(), reportDay()}, f).error().field, QStringLiteral("filter"));
    QSqlDatabase conn = db->database()->db();
    if (!conn.tables().contains(QStringLiteral("exchange_outbox"))) {
        auto t = service->run(supervisor(), ReportKind::Exchange, {reportDay(), reportDay()});
        ASSERT_FALSE(t.ok());
        EXPECT_EQ(t.error().code, ErrorCode::Unsupported);
        return;
    }
    // Behind the exchange layer's back: three requests to one registry service
    // (delivered after 2 s and 4 s — one of them on the second attempt — and a
    // dead letter) and one still pending to another.
    const qint64 t0 = reportStart().toMSecsSinceEpoch();
    const struct { const char *id; const char *service; const char *state; int attempts; qint64 doneAfter; } rows[] = {
        {"m1", "dracs-birth", "done", 1, 2000}, {"m2", "dracs-birth", "done", 2, 4000},
        {"m3", "dracs-birth", "dead", 5, -1},   {"m4", "edr-extract", "pending", 0, -1}};
    for (const auto &r : rows) {
        QSqlQuery q(conn);
        ASSERT_TRUE(q.prepare(QStringLiteral("INSERT INTO exchange_outbox (message_id, service_code, state, attempts, next_attempt_ms, "
                                             "created_ms, updated_ms, done_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")));
        q.addBindValue(QString::fromLatin1(r.id));
        q.addBindValue(QString::fromLatin1(r.service));
        q.addBindValue(QString::fromLatin1(r.state));
        q.addBindValue(r.attempts);
        q.addBindValue(t0);
        q.addBindValue(t0);
        q.addBindValue(t0);
        q.addBindValue(r.doneAfter >= 0 ? QVariant(t0 + r.doneAfter) : QVariant(QMetaType(QMetaType::LongLong)));
        ASSERT_TRUE(q.exec()) << q.lastError().text().toStdString();
    }
    const ReportTable t = run(ReportKind::Exchange);
    EXPECT_EQ(*t.total, 4);
    EXPECT_EQ(cell(t, QStringLiteral("dracs-birth"), QStringLiteral("sent")).toLongLong(), 2);
    EXPECT_EQ(cell(t, QStringLiteral("dracs-birth"), QStringLiteral("failed")).toLongLong(), 2);
    EXPECT_EQ(cell(t, QStringLiteral("dracs-birth"), QStringLiteral("dead")).toLongLong(), 1);
    EXPECT_DOUBLE_EQ(cell(t, QStringLiteral("dracs-birth"), QStringLiteral("latency_mean_ms")).toDouble(), 3000);
    EXPECT_DOUBLE_EQ(cell(t, QStringLiteral("dracs-birth"), QStringLiteral("latency_p90_ms")).toDouble(), 3800);
    EXPECT_EQ(cell(t, QStringLiteral("edr-extract"), QStringLiteral("pending")).toLongLong(), 1);
    EXPECT_TRUE(cell(t, QStringLiteral("edr-extract"), QStringLiteral("latency_mean_ms")).isNull());
    EXPECT_EQ(*run(ReportKind::Exchange, {}, {reportDay().addDays(1), reportDay().addDays(2)}).total, 0);
}

TEST_P(ReportServiceTest, ExportWritesWholeFileOrNothing)
{
    const ReportTable t = run(ReportKind::Waits);
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("waits.csv"));
    ASSERT_TRUE(service->exportTo(supervisor(), t, services::ExportFormat::Csv, good).ok());
    QFile f(good);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), reports::toCsv(t));
    const QString json = dir.filePath(QStringLiteral("waits.json"));
    ASSERT_TRUE(service->exportTo(supervisor(), t, services::ExportFormat::Json, json).ok());
    QFile jf(json);
    ASSERT_TRUE(jf.open(QIODevice::ReadOnly));
    EXPECT_EQ(QJsonDocument::fromJson(jf.readAll()).object().value(QStringLiteral("total")).toInteger(), 5);

    // A folder where the file should be, and a file where a folder should be.
    auto isDir = service->exportTo(supervisor(), t, services::ExportFormat::Csv, dir.path());
    ASSERT_FALSE(isDir.ok());
    EXPECT_EQ(isDir.error().field, QStringLiteral("out"));
    auto underFile = service->exportTo(supervisor(), t, services::ExportFormat::Csv, good + QStringLiteral("/x.csv"));
    ASSERT_FALSE(underFile.ok());
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
    const QString nowhere = dir.filePath(QStringLiteral("no/such/folder/waits.csv"));
    auto bad = service->exportTo(supervisor(), t, services::ExportFormat::Csv, nowhere);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().field, QStringLiteral("out"));
    EXPECT_FALSE(QFile::exists(nowhere));
    QDir locked(dir.filePath(QStringLiteral("locked")));
    ASSERT_TRUE(QDir().mkpath(locked.path()));
    QFile::setPermissions(locked.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    auto denied = service->exportTo(supervisor(), t, services::ExportFormat::Csv, locked.filePath(QStringLiteral("w.csv")));
    QFile::setPermissions(locked.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (::geteuid() != 0) {  // root writes through permission bits
        EXPECT_FALSE(denied.ok());
        EXPECT_TRUE(locked.entryList(QDir::Files | QDir::Hidden).isEmpty());
    }
}

TEST_P(ReportServiceTest, LiveViewShowsQueuesDesksAndAlerts)
{
    // 12:00: Б-002 (redirected at 11:10:45) waits in queue А; desk 1 is free since 10:06:40.
    auto live = service->live(supervisor(), reports::AlertRules{20 * 60, 60});
    ASSERT_TRUE(live.ok()) << live.error().describe().toStdString();
    ASSERT_EQ(live->queues.size(), 2);
    const reports::QueueLive &a = live->queues[0].prefix == QStringLiteral("А") ? live->queues[0] : live->queues[1];
    EXPECT_EQ(a.waiting, 1);
    EXPECT_GE(a.issuedToday, 3);
    EXPECT_GT(a.longestWaitSecs, 20 * 60);
    ASSERT_EQ(live->desks.size(), 2);
    EXPECT_EQ(live->desks[0].name, QStringLiteral("1"));
    EXPECT_EQ(live->desks[0].activity, reports::DeskActivity::Free);
    EXPECT_EQ(live->desks[0].clerk, QStringLiteral("olena"));
    int longWait = 0, idle = 0;
    for (const reports::Alert &al : live->alerts) {
        longWait += al.kind == reports::Alert::Kind::LongWait;
        idle += al.kind == reports::Alert::Kind::IdleDesk && al.subject == QStringLiteral("1");
    }
    EXPECT_EQ(longWait, 1);
    EXPECT_EQ(idle, 1);
    // Desk 1 calls: it is serving, time in service counts from the call.
    ASSERT_TRUE(seed->queue.callNext(clerkAt(QStringLiteral("olena"), QStringLiteral("1")), QStringLiteral("1")).ok());
    clock.set(clock.now().addSecs(75));
    live = service->live(supervisor());
    ASSERT_TRUE(live.ok());
    EXPECT_EQ(live->desks[0].activity, reports::DeskActivity::Serving);
    EXPECT_EQ(live->desks[0].ticket, QStringLiteral("Б-002"));
    EXPECT_EQ(live->desks[0].inServiceSecs, 75);
    ASSERT_TRUE(seed->queue.closeDesk(clerkAt(QStringLiteral("petro"), QStringLiteral("2")), QStringLiteral("2")).ok());
    live = service->live(supervisor());
    EXPECT_EQ(live->desks[1].activity, reports::DeskActivity::Offline);
}

TEST_P(ReportServiceTest, EveryMethodRefusesRolesWithoutThePermission)
{
    const Period day{reportDay(), reportDay()};
    for (const Actor &who : {clerkAt(QStringLiteral("olena"), QStringLiteral("1")), kiosk(),
                             Actor{4, QStringLiteral("board"), Role::Display, {}}}) {
        for (ReportKind k : reports::allReportKinds())
            EXPECT_EQ(service->run(who, k, day).error().code, ErrorCode::PermissionDenied);
        EXPECT_EQ(service->live(who).error().code, ErrorCode::PermissionDenied);
        EXPECT_EQ(service->deadlines(who, 0.75).error().code, ErrorCode::PermissionDenied);
        EXPECT_EQ(service->deadlineCases(who, QStringLiteral("x"), {}, services::DeadlineFilter::Overdue, 0.75).error().code,
                  ErrorCode::PermissionDenied);
        EXPECT_EQ(service->decisionsOnTime(who, day).error().code, ErrorCode::PermissionDenied);
        EXPECT_EQ(service->exportTo(who, ReportTable{}, services::ExportFormat::Csv, QStringLiteral("/tmp/x.csv")).error().code,
                  ErrorCode::PermissionDenied);
        EXPECT_FALSE(service->mayExport(who).ok());
    }
    EXPECT_TRUE(service->mayExport(supervisor()).ok());
    EXPECT_TRUE(service->run(Actor{5, QStringLiteral("root"), Role::Admin, {}}, ReportKind::Visits, day).ok());
}

CNAP_INSTANTIATE_FOR_BACKENDS(ReportServiceTest);

// --- cases and deadline control ----------------------------------------------

class CaseReportTest : public ::testing::TestWithParam<Backend> {};

Actor caseClerk() { return Actor{11, QStringLiteral("clerk1"), Role::Clerk, QStringLiteral("3")}; }

TransitionRequest step(CaseState to, const QString &comment = {})
{
    TransitionRequest r;
    r.to = to;
    r.comment = comment;
    return r;
}

TEST_P(CaseReportTest, RegisteredIssuedRefusedOverdueAndDeadlines)
{
    CaseFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    QStringList numbers;
    for (int i = 1; i <= 3; ++i) {
        auto reg = f.service().registerCase(caseClerk(), sampleRequest(i));
        ASSERT_TRUE(reg.ok()) << reg.error().describe().toStdString();
        numbers << reg->details.summary.number;
    }
    const QDate due = [&] {
        auto c = f.service().get(caseClerk(), numbers[2]);
        return c ? c->summary.dueDate : QDate();
    }();
    ASSERT_TRUE(due.isValid());
    auto go = [&](const QString &n, const TransitionRequest &r) {
        auto d = f.service().transition(caseClerk(), n, 0, r);
        ASSERT_TRUE(d.ok()) << d.error().describe().toStdString();
    };
    // Case 1 refused, case 2 granted and issued, case 3 left under review past its term.
    go(numbers[0], step(CaseState::SentToProvider));
    go(numbers[0], step(CaseState::UnderReview));
    go(numbers[0], step(CaseState::Refused, QStringLiteral("подано не всі документи (ст. 19 Закону 5203-VI)")));
    go(numbers[1], step(CaseState::SentToProvider));
    go(numbers[1], step(CaseState::UnderReview));
    go(numbers[1], step(CaseState::Granted));
    go(numbers[1], step(CaseState::ResultReceived));
    TransitionRequest issue = step(CaseState::Issued);
    issue.issuedTo = QStringLiteral("заявник особисто");
    issue.issuedDocument = QStringLiteral("паспорт");
    go(numbers[1], issue);
    go(numbers[2], step(CaseState::SentToProvider));
    go(numbers[2], step(CaseState::UnderReview));

    const QDate registered = fixtureStart().toLocalTime().date();
    f.clock().set(QDateTime(due.addDays(3), QTime(9, 0)));
    services::ReportService reports(f.database().database(), f.clock());
    auto t = reports.run(supervisor(), ReportKind::Cases, {registered, due.addDays(1)});
    ASSERT_TRUE(t.ok()) << t.error().describe().toStdString();
    ASSERT_EQ(t->rows.size(), 1);
    const QVariantList row = t->rows[0];
    EXPECT_EQ(row.at(t->columnIndex(QStringLiteral("service"))).toString(), kFreeService);
    EXPECT_EQ(row.at(t->columnIndex(QStringLiteral("registered"))).toLongLong(), 3);
    EXPECT_EQ(row.at(t->columnIndex(QStringLiteral("issued"))).toLongLong(), 1);
    EXPECT_EQ(row.at(t->columnIndex(QStringLiteral("refused"))).toLongLong(), 1);
    EXPECT_EQ(row.at(t->columnIndex(QStringLiteral("overdue"))).toLongLong(), 1);
    EXPECT_EQ(*t->total, 3);
    // The period before the due date: no overdue case yet.
    auto early = reports.run(supervisor(), ReportKind::Cases, {registered, due.addDays(-1)});
    ASSERT_TRUE(early.ok());
    EXPECT_EQ(early->rows[0].at(early->columnIndex(QStringLiteral("overdue"))).toLongLong(), 0);
    // Filters: the clerk who registered, a provider.
    ReportFilter byService;
    byService.serviceCode = kPaidService;
    auto none = reports.run(supervisor(), ReportKind::Cases, {registered, due}, byService);
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(*none->total, 0);

    auto control = reports.deadlines(supervisor(), 0.75);
    ASSERT_TRUE(control.ok()) << control.error().describe().toStdString();
    EXPECT_EQ(control->open, 1);
    EXPECT_EQ(control->overdue, 1);
    ASSERT_EQ(control->rows.size(), 1);
    auto list = reports.deadlineCases(supervisor(), control->rows[0].provider, kFreeService, services::DeadlineFilter::Overdue, 0.75);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 1);
    EXPECT_EQ(list->at(0).number, numbers[2]);
    EXPECT_EQ(list->at(0).due, due);
    auto atRisk = reports.deadlineCases(supervisor(), control->rows[0].provider, kFreeService, services::DeadlineFilter::AtRisk, 0.75);
    ASSERT_TRUE(atRisk.ok());
    EXPECT_TRUE(atRisk->isEmpty());
    EXPECT_EQ(reports.deadlines(supervisor(), 0).error().field, QStringLiteral("atRiskShare"));
    // Back in time to 80 % of the term: at risk, not overdue.
    const qint64 term = registered.daysTo(due);
    f.clock().set(QDateTime(registered.addDays((term * 8 + 9) / 10), QTime(9, 0)));
    control = reports.deadlines(supervisor(), 0.75);
    ASSERT_TRUE(control.ok());
    EXPECT_EQ(control->overdue, 0);
    EXPECT_EQ(control->atRisk, 1);
    auto decided = reports.decisionsOnTime(supervisor(), {registered, due.addDays(3)});
    ASSERT_TRUE(decided.ok());
    ASSERT_EQ(decided->size(), 1);
    EXPECT_EQ(decided->at(0).first.count, 2);
    EXPECT_EQ(decided->at(0).second, 2);
}

CNAP_INSTANTIATE_FOR_BACKENDS(CaseReportTest);

// --- the same numbers on both backends ------------------------------------------

TEST(ReportBackends, SameNumbersOnSqliteAndPostgresql)
{
    QList<QByteArray> outputs;
    for (Backend b : {Backend::Sqlite, Backend::Postgresql}) {
        TestDatabase db(b);
        ASSERT_TRUE(db.ok());
        ManualClock clock(reportStart());
        ReportSeed seed(db.database(), clock);
        seed.centre();
        seed.history();
        clock.set(QDateTime(reportDay(), QTime(12, 0)));
        services::ReportService service(db.database(), clock);
        QByteArray all;
        for (ReportKind k : {ReportKind::Visits, ReportKind::Waits, ReportKind::NoShows, ReportKind::Cases, ReportKind::Feedback}) {
            auto t = service.run(supervisor(), k, {reportDay().addDays(-1), reportDay()});
            ASSERT_TRUE(t.ok()) << t.error().describe().toStdString();
            all += QJsonDocument(reports::toJson(t.value())).toJson(QJsonDocument::Compact);
        }
        outputs << all;
    }
    EXPECT_EQ(outputs[0], outputs[1]);
}

} // namespace
} // namespace cnap::test
