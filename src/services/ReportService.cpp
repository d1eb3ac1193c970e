#include "services/ReportService.h"

#include "core/queue/QueuePolicy.h"
#include "core/reports/ReportFormat.h"
#include "services/QueueService.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QMap>
#include <QSaveFile>

#include <algorithm>

namespace cnap::services {

using namespace cnap::reports;
using storage::ReportRepository;
using storage::TimeRange;

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::services::ReportService", s); }

ReportColumn text(const char *key, const QString &title) { return {QString::fromLatin1(key), title, false}; }
ReportColumn num(const char *key, const QString &title) { return {QString::fromLatin1(key), title, true}; }

template <typename Body>
auto withRepo(const storage::DatabasePtr &db, Body &&body) -> decltype(body(std::declval<ReportRepository &>()))
{
    auto conn = db->connection();
    if (!conn)
        return conn.error();
    ReportRepository repo(conn.value());
    return body(repo);
}

QString labelName(const QHash<QString, storage::ServiceLabel> &labels, const QString &code)
{
    return labels.value(code).name;
}

/// Summary cells: count, mean, median, p90 in seconds, rounded; no data → nulls.
void appendSummary(QVariantList &row, const Summary &s)
{
    row << QVariant::fromValue<qint64>(s.count);
    if (s.count == 0) {
        row << QVariant() << QVariant() << QVariant();
        return;
    }
    row << round1(s.mean) << round1(s.median) << round1(s.p90);
}

/// Centre-pause time inside [from, to): the same rule as queue::effectiveWaitMs,
/// on pauses sorted by start and not overlapping (the queue allows one open
/// pause at a time), found by binary search — a year has a million waits.
qint64 pausedWithin(const QList<queue::PauseInterval> &pauses, qint64 from, qint64 to)
{
    auto it = std::lower_bound(pauses.cbegin(), pauses.cend(), from,
                               [](const queue::PauseInterval &p, qint64 t) { return p.endMs <= t; });
    qint64 paused = 0;
    for (; it != pauses.cend() && it->startMs < to; ++it)
        paused += std::max<qint64>(0, std::min(it->endMs, to) - std::max(it->startMs, from));
    return std::min(paused, to - from);
}

} // namespace

Result<ExportFormat> exportFormatFromKey(const QString &key)
{
    if (key == QStringLiteral("csv"))
        return ExportFormat::Csv;
    if (key == QStringLiteral("json"))
        return ExportFormat::Json;
    return Error::invalid(QStringLiteral("format"), tr("невідомий формат «%1»; можливі: csv, json").arg(key));
}

ReportService::ReportService(storage::DatabasePtr db, const Clock &clock)
    : m_db(std::move(db)), m_clock(clock), m_queue(std::make_unique<QueueService>(m_db, clock))
{
}

ReportService::~ReportService() = default;

TimeRange ReportService::timeRange(const Period &period)
{
    // Local midnights: a day of the report is a working day of the centre.
    const QDateTime from(period.from, QTime(0, 0));
    const QDateTime to(period.to.addDays(1), QTime(0, 0));
    return {from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch(), from.toUTC(), to.toUTC()};
}

Status ReportService::checkFilter(ReportRepository &repo, const ReportFilter &f)
{
    struct Check {
        const QString &value;
        const char *field;
        Result<bool> (ReportRepository::*exists)(const QString &);
        const char *message;
    };
    const Check checks[] = {
        {f.serviceCode, "service", &ReportRepository::serviceExists, "немає послуги з кодом «%1»"},
        {f.provider, "provider", &ReportRepository::providerExists, "у каталозі немає суб'єкта надання «%1»"},
        {f.desk, "desk", &ReportRepository::deskExists, "немає вікна «%1»"},
        {f.clerk, "clerk", &ReportRepository::clerkExists, "немає користувача «%1»"},
    };
    for (const Check &c : checks) {
        if (c.value.isEmpty())
            continue;
        auto found = (repo.*c.exists)(c.value);
        if (!found)
            return found.error();
        if (!found.value())
            return Error::invalid(QString::fromLatin1(c.field), tr(c.message).arg(c.value));
    }
    return {};
}

Result<ReportTable> ReportService::run(const Actor &actor, ReportKind kind, const Period &period, const ReportFilter &filter)
{
    CNAP_TRY(require(actor, Permission::ReportsView));
    CNAP_TRY(makePeriod(period.from, period.to));
    return withRepo(m_db, [&](ReportRepository &repo) -> Result<ReportTable> {
        CNAP_TRY(checkFilter(repo, filter));
        const TimeRange range = timeRange(period);
        Result<ReportTable> table = Error::make(ErrorCode::Internal, {});
        switch (kind) {
        case ReportKind::Visits: table = visits(repo, range, filter); break;
        case ReportKind::Waits: table = waits(repo, range, filter); break;
        case ReportKind::NoShows: table = noShows(repo, range, filter); break;
        case ReportKind::Cases: table = cases(repo, period, range, filter); break;
        case ReportKind::Exchange: table = exchange(repo, range, filter); break;
        case ReportKind::Feedback: table = feedback(repo, range, filter); break;
        }
        if (table) {
            table->kind = kind;
            table->period = period;
            table->filter = filter;
        }
        return table;
    });
}

Result<ReportTable> ReportService::visits(ReportRepository &repo, const TimeRange &range, const ReportFilter &filter)
{
    auto labels = repo.serviceLabels();
    if (!labels)
        return labels.error();
    auto counts = repo.issuedByHour(range, filter);
    if (!counts)
        return counts.error();
    // (service, local hour) → tickets; QMap keeps the rows in order.
    QMap<QPair<QString, int>, qint64> cells;
    qint64 total = 0;
    for (const storage::KeyedCount &c : counts.value()) {
        const int hour = QDateTime::fromMSecsSinceEpoch(c.key * 3'600'000).toLocalTime().time().hour();
        cells[{c.serviceCode, hour}] += c.count;
        total += c.count;
    }
    ReportTable t;
    t.columns = {text("service", tr("Послуга")), text("service_name", tr("Назва послуги")), num("hour", tr("Година")),
                 num("tickets", tr("Талонів"))};
    for (auto it = cells.cbegin(); it != cells.cend(); ++it)
        t.rows.append({it.key().first, labelName(labels.value(), it.key().first), it.key().second,
                       QVariant::fromValue<qint64>(it.value())});
    t.total = total;
    t.totalTitle = tr("Видано талонів");
    t.note = tr("Талони за послугою, з якою їх видано, і годиною видачі (місцевий час).");
    return t;
}

Result<ReportTable> ReportService::waits(ReportRepository &repo, const TimeRange &range, const ReportFilter &filter)
{
    auto labels = repo.serviceLabels();
    if (!labels)
        return labels.error();
    auto samples = repo.waitSamples(range, filter);
    if (!samples)
        return samples.error();
    if (samples->truncated)
        return Error::invalid(QStringLiteral("to"), tr("у періоді понад %1 талонів: звузьте період").arg(ReportRepository::kMaxSamples));
    auto pauses = repo.pauses(range.fromMs, range.toMs, m_clock.now().toMSecsSinceEpoch());
    if (!pauses)
        return pauses.error();
    const int services = static_cast<int>(samples->serviceCodes.size());
    QList<QList<double>> waitSecs(services), serviceSecs(services);
    QList<double> allWaits, allService;
    for (const storage::WaitSample &w : samples->waits) {
        if (w.calledMs <= 0)
            continue;  // never called: no wait to measure (a no-show before the call, or still waiting)
        // Centre pauses (air-raid alerts) freeze the wait, as the queue itself counts it.
        const double s = static_cast<double>(w.calledMs - w.issuedMs - pausedWithin(pauses.value(), w.issuedMs, w.calledMs)) / 1000.0;
        waitSecs[w.service].append(s);
        allWaits.append(s);
    }
    for (const auto &[service, ms] : samples->serviceDurationsMs) {
        const double s = static_cast<double>(ms) / 1000.0;
        serviceSecs[service].append(s);
        allService.append(s);
    }
    QList<int> order(services);
    for (int i = 0; i < services; ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](int a, int b) { return samples->serviceCodes.at(a) < samples->serviceCodes.at(b); });
    ReportTable t;
    t.columns = {text("service", tr("Послуга")), text("service_name", tr("Назва послуги")),
                 num("waited", tr("Викликано")), num("wait_mean_s", tr("Очікування, сер. с")),
                 num("wait_median_s", tr("Очікування, медіана с")), num("wait_p90_s", tr("Очікування, 90-й процентиль с")),
                 num("served", tr("Обслуговано")), num("service_mean_s", tr("Обслуговування, сер. с")),
                 num("service_median_s", tr("Обслуговування, медіана с")), num("service_p90_s", tr("Обслуговування, 90-й процентиль с"))};
    qint64 total = 0;
    for (int i : order) {
        if (waitSecs.at(i).isEmpty() && serviceSecs.at(i).isEmpty())
            continue;
        QVariantList row{samples->serviceCodes.at(i), labelName(labels.value(), samples->serviceCodes.at(i))};
        appendSummary(row, summarize(waitSecs.at(i)));
        appendSummary(row, summarize(serviceSecs.at(i)));
        t.rows.append(row);
        total += waitSecs.at(i).size();
    }
    QVariantList all{QStringLiteral("*"), tr("Усі послуги")};
    appendSummary(all, summarize(allWaits));
    appendSummary(all, summarize(allService));
    t.rows.append(all);
    t.total = total;
    t.totalTitle = tr("Викликано відвідувачів");
    t.note = tr("Очікування — від видачі талона до першого виклику, без часу тривог (пауз центру); "
                "обслуговування — від виклику чи початку до завершення. 90-й процентиль — лінійна інтерполяція.");
    return t;
}

Result<ReportTable> ReportService::noShows(ReportRepository &repo, const TimeRange &range, const ReportFilter &filter)
{
    auto labels = repo.serviceLabels();
    if (!labels)
        return labels.error();
    auto counts = repo.outcomeCounts(range, filter);
    if (!counts)
        return counts.error();
    struct Line { qint64 issued = 0, finished = 0, noShow = 0, redirected = 0, returned = 0; };
    QMap<QString, Line> lines;
    for (const storage::KeyedCount &c : counts.value()) {
        Line &l = lines[c.serviceCode];
        if (c.label == QStringLiteral("issued"))
            l.issued += c.count;
        else if (c.label == QStringLiteral("finished"))
            l.finished += c.count;
        else if (c.label == QStringLiteral("no-show"))
            l.noShow += c.count;
        else if (c.label == QStringLiteral("redirected"))
            l.redirected += c.count;
        else if (c.label == QStringLiteral("returned"))
            l.returned += c.count;
    }
    ReportTable t;
    t.columns = {text("service", tr("Послуга")), text("service_name", tr("Назва послуги")), num("issued", tr("Видано талонів")),
                 num("served", tr("Обслуговано")), num("no_shows", tr("Неявки")), num("no_show_pct", tr("Неявки, %")),
                 num("redirects", tr("Переадресації")), num("returned", tr("Повернуто в чергу"))};
    qint64 noShows = 0;
    for (auto it = lines.cbegin(); it != lines.cend(); ++it) {
        const Line &l = it.value();
        const QVariant pct = l.issued > 0 ? QVariant(round1(100.0 * static_cast<double>(l.noShow) / static_cast<double>(l.issued)))
                                          : QVariant();
        t.rows.append({it.key(), labelName(labels.value(), it.key()), QVariant::fromValue<qint64>(l.issued),
                       QVariant::fromValue<qint64>(l.finished), QVariant::fromValue<qint64>(l.noShow), pct,
                       QVariant::fromValue<qint64>(l.redirected), QVariant::fromValue<qint64>(l.returned)});
        noShows += l.noShow;
    }
    t.total = noShows;
    t.totalTitle = tr("Неявок");
    t.note = tr("Видані талони — за послугою видачі; неявки, переадресації й завершення — за вікном і адміністратором, де вони сталися.");
    return t;
}

Result<ReportTable> ReportService::cases(ReportRepository &repo, const Period &period, const TimeRange &range,
                                         const ReportFilter &filter)
{
    auto labels = repo.serviceLabels();
    if (!labels)
        return labels.error();
    auto registered = repo.casesRegistered(range, filter);
    if (!registered)
        return registered.error();
    auto issued = repo.casesIssued(range, filter);
    if (!issued)
        return issued.error();
    auto refused = repo.casesRefused(range, filter);
    if (!refused)
        return refused.error();
    // Overdue: due within the period, already past, still without a decision.
    const QDate today = m_clock.today();
    const QDate before = std::min(period.to.addDays(1), today);
    QList<storage::CaseCount> overdue;
    if (before > period.from) {
        auto o = repo.casesOverdue(period.from, before, filter);
        if (!o)
            return o.error();
        overdue = o.value();
    }
    struct Line { QString name; qint64 v[4] = {0, 0, 0, 0}; };
    QMap<QPair<QString, QString>, Line> lines;
    const QList<storage::CaseCount> *sets[] = {&registered.value(), &issued.value(), &refused.value(), &overdue};
    for (int k = 0; k < 4; ++k) {
        for (const storage::CaseCount &c : *sets[k]) {
            const storage::ServiceLabel label = labels->value(c.serviceCode);
            Line &l = lines[{label.provider, c.serviceCode}];
            l.name = label.name;
            l.v[k] += c.count;
        }
    }
    ReportTable t;
    t.columns = {text("provider", tr("Суб'єкт надання")), text("service", tr("Послуга")), text("service_name", tr("Назва послуги")),
                 num("registered", tr("Зареєстровано")), num("issued", tr("Видано результатів")), num("refused", tr("Відмов")),
                 num("overdue", tr("Прострочено"))};
    qint64 total = 0;
    for (auto it = lines.cbegin(); it != lines.cend(); ++it) {
        const Line &l = it.value();
        t.rows.append({it.key().first, it.key().second, l.name, QVariant::fromValue<qint64>(l.v[0]),
                       QVariant::fromValue<qint64>(l.v[1]), QVariant::fromValue<qint64>(l.v[2]), QVariant::fromValue<qint64>(l.v[3])});
        total += l.v[0];
    }
    t.total = total;
    t.totalTitle = tr("Зареєстровано справ");
    t.note = tr("Прострочено — справи, строк яких сплив у періоді, а рішення досі немає (стаття 10 Закону «Про адміністративні послуги»).");
    return t;
}

Result<ReportTable> ReportService::exchange(ReportRepository &repo, const TimeRange &range, const ReportFilter &filter)
{
    if (!filter.isEmpty())
        return Error::invalid(QStringLiteral("filter"), tr("звіт обміну ведеться за реєстрами: фільтри за послугою, "
                                                           "суб'єктом, вікном чи адміністратором до нього не застосовні"));
    auto has = repo.tableExists(QStringLiteral("exchange_outbox"));
    if (!has)
        return has.error();
    if (!has.value())
        return Error::make(ErrorCode::Unsupported, tr("обмін із реєстрами в цій базі ще не ведеться (немає черги вихідних "
                                                      "повідомлень): звіт обміну недоступний"));
    auto counts = repo.exchangeCounts(range);
    if (!counts)
        return counts.error();
    auto latencies = repo.exchangeLatencies(range);
    if (!latencies)
        return latencies.error();
    ReportTable t;
    t.columns = {text("registry", tr("Сервіс реєстру")), num("sent", tr("Доставлено")), num("failed", tr("З повторами")),
                 num("dead", tr("Недоставлені")), num("pending", tr("У черзі")), num("latency_mean_ms", tr("Затримка, сер. мс")),
                 num("latency_median_ms", tr("Затримка, медіана мс")), num("latency_p90_ms", tr("Затримка, 90-й процентиль мс"))};
    qint64 total = 0;
    for (const storage::ExchangeCount &c : counts.value()) {
        QVariantList row{c.registry, QVariant::fromValue<qint64>(c.sent), QVariant::fromValue<qint64>(c.failed),
                         QVariant::fromValue<qint64>(c.dead), QVariant::fromValue<qint64>(c.pending)};
        const Summary s = summarize(latencies->value(c.registry));
        if (s.count > 0)
            row << round1(s.mean) << round1(s.median) << round1(s.p90);
        else
            row << QVariant() << QVariant() << QVariant();
        t.rows.append(row);
        total += c.sent + c.dead + c.pending;  // "failed" (retried) overlaps the states
    }
    t.total = total;
    t.totalTitle = tr("Запитів до реєстрів");
    t.note = tr("Запити, поставлені в чергу обміну за період; затримка — від постановки в чергу до підтвердженої доставки.");
    return t;
}

Result<ReportTable> ReportService::feedback(ReportRepository &repo, const TimeRange &range, const ReportFilter &filter)
{
    auto labels = repo.serviceLabels();
    if (!labels)
        return labels.error();
    auto counts = repo.feedbackCounts(range, filter);
    if (!counts)
        return counts.error();
    struct Line { qint64 byRating[5] = {0, 0, 0, 0, 0}; qint64 comments = 0; };
    QMap<QString, Line> lines;
    Line all;
    for (const storage::KeyedCount &c : counts.value()) {
        if (c.key < 1 || c.key > 5)
            continue;
        for (Line *l : {&lines[c.serviceCode], &all}) {
            l->byRating[c.key - 1] += c.count;
            l->comments += c.extra;
        }
    }
    ReportTable t;
    t.columns = {text("service", tr("Послуга")), text("service_name", tr("Назва послуги")), num("responses", tr("Оцінок")),
                 num("rating_mean", tr("Середня оцінка")), num("r1", tr("1")), num("r2", tr("2")), num("r3", tr("3")),
                 num("r4", tr("4")), num("r5", tr("5")), num("with_comment", tr("З коментарем"))};
    auto rowOf = [](const QString &code, const QString &name, const Line &l) {
        qint64 n = 0, sum = 0;
        for (int r = 0; r < 5; ++r) {
            n += l.byRating[r];
            sum += (r + 1) * l.byRating[r];
        }
        QVariantList row{code, name, QVariant::fromValue<qint64>(n),
                         n > 0 ? QVariant(round1(static_cast<double>(sum) / static_cast<double>(n))) : QVariant()};
        for (int r = 0; r < 5; ++r)
            row << QVariant::fromValue<qint64>(l.byRating[r]);
        row << QVariant::fromValue<qint64>(l.comments);
        return std::make_pair(row, n);
    };
    qint64 total = 0;
    for (auto it = lines.cbegin(); it != lines.cend(); ++it)
        t.rows.append(rowOf(it.key(), labelName(labels.value(), it.key()), it.value()).first);
    auto [allRow, n] = rowOf(QStringLiteral("*"), tr("Усі послуги"), all);
    t.rows.append(allRow);
    total = n;
    t.total = total;
    t.totalTitle = tr("Оцінок");
    return t;
}

Status ReportService::mayExport(const Actor &actor) const
{
    return require(actor, Permission::ReportsExport);
}

Status ReportService::exportTo(const Actor &actor, const ReportTable &table, ExportFormat format, const QString &path)
{
    CNAP_TRY(require(actor, Permission::ReportsExport));
    if (path.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("out"), tr("не вказано файл для експорту"));
    const QByteArray bytes = format == ExportFormat::Csv ? toCsv(table)
                                                         : QJsonDocument(toJson(table)).toJson(QJsonDocument::Indented);
    // QSaveFile writes beside the target and renames on commit: a failed export leaves nothing behind.
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error::invalid(QStringLiteral("out"), tr("не вдалося створити файл %1: %2").arg(path, f.errorString()));
    if (f.write(bytes) != bytes.size() || !f.commit())
        return Error::invalid(QStringLiteral("out"), tr("не вдалося записати файл %1: %2").arg(path, f.errorString()));
    return {};
}

Result<reports::LiveCentre> ReportService::live(const Actor &actor, const AlertRules &rules)
{
    CNAP_TRY(require(actor, Permission::ReportsView));
    auto board = m_queue->board(actor, 0);
    if (!board)
        return board.error();
    auto timings = withRepo(m_db, [](ReportRepository &repo) { return repo.deskTimings(); });
    if (!timings)
        return timings.error();
    LiveCentre c;
    c.serviceDay = board->serviceDay;
    c.nowMs = board->nowMs;
    c.centrePaused = board->centrePaused;
    c.pauseReason = board->pauseReason;
    c.revision = board->revision;
    QHash<qint64, QStringList> servicesOfQueue;
    auto groups = m_queue->queues(actor);
    if (groups) {
        for (const queue::QueueGroup &g : groups.value())
            servicesOfQueue.insert(g.id, g.serviceCodes);
    }
    for (const queue::QueueSnapshot &q : board->queues)
        c.queues.append({q.queueId, q.prefix, q.name, q.waiting, q.longestWaitSecs, q.estimatedWaitSecs, q.issuedToday,
                         servicesOfQueue.value(q.queueId)});
    QHash<QString, QStringList> servicesOfDesk;
    for (const queue::DeskSnapshot &d : board->desks)
        servicesOfDesk.insert(d.name, d.serviceCodes);
    for (const storage::DeskTiming &d : timings.value()) {
        DeskLive l;
        l.name = d.name;
        l.clerk = d.clerk;
        l.ticket = d.ticket;
        l.serviceCodes = servicesOfDesk.value(d.name);
        if (d.state == QStringLiteral("closed"))
            l.activity = DeskActivity::Offline;
        else if (d.state == QStringLiteral("paused"))
            l.activity = DeskActivity::Paused;
        else if (!d.ticket.isEmpty())
            l.activity = DeskActivity::Serving;
        else
            l.activity = DeskActivity::Free;
        if (l.activity == DeskActivity::Serving && d.calledAtMs > 0)
            l.inServiceSecs = std::max<qint64>(0, (c.nowMs - d.calledAtMs) / 1000);
        if (l.activity == DeskActivity::Free && d.updatedAtMs > 0)
            l.idleSecs = std::max<qint64>(0, (c.nowMs - d.updatedAtMs) / 1000);
        c.desks.append(l);
    }
    c.alerts = computeAlerts(c, rules);
    return c;
}

Result<DeadlineControl> ReportService::deadlines(const Actor &actor, double atRiskShare)
{
    CNAP_TRY(require(actor, Permission::ReportsView));
    CNAP_TRY(validateAtRiskShare(atRiskShare));
    auto buckets = withRepo(m_db, [](ReportRepository &repo) { return repo.openCaseBuckets(); });
    if (!buckets)
        return buckets.error();
    DeadlineControl d;
    d.today = m_clock.today();
    d.atRiskShare = atRiskShare;
    d.rows = aggregateDeadlines(buckets.value(), d.today, atRiskShare);
    for (const DeadlineRow &r : d.rows) {
        d.open += r.open;
        d.atRisk += r.atRisk;
        d.overdue += r.overdue;
    }
    return d;
}

Result<QList<storage::DeadlineCase>> ReportService::deadlineCases(const Actor &actor, const QString &provider,
                                                                  const QString &serviceCode, DeadlineFilter which,
                                                                  double atRiskShare, int limit)
{
    CNAP_TRY(require(actor, Permission::ReportsView));
    CNAP_TRY(validateAtRiskShare(atRiskShare));
    if (provider.isEmpty())
        return Error::invalid(QStringLiteral("provider"), tr("не вказано суб'єкта надання"));
    // Open cases come by due date, so the overdue and at-risk ones come first:
    // a bounded read is enough for a list a person reads.
    auto rows = withRepo(m_db, [&](ReportRepository &repo) { return repo.openCases(provider, serviceCode, limit * 4); });
    if (!rows)
        return rows.error();
    const QDate today = m_clock.today();
    QList<storage::DeadlineCase> out;
    for (const storage::DeadlineCase &c : rows.value()) {
        const DeadlineStatus s = deadlineStatus(c.registered, c.due, today, atRiskShare);
        const bool take = (which == DeadlineFilter::Overdue && s == DeadlineStatus::Overdue)
                          || (which == DeadlineFilter::AtRisk && s == DeadlineStatus::AtRisk)
                          || (which == DeadlineFilter::OverdueOrAtRisk && s != DeadlineStatus::OnTrack);
        if (take)
            out.append(c);
        if (out.size() >= limit)
            break;
    }
    return out;
}

Result<QList<QPair<storage::CaseCount, qint64>>> ReportService::decisionsOnTime(const Actor &actor, const Period &period)
{
    CNAP_TRY(require(actor, Permission::ReportsView));
    CNAP_TRY(makePeriod(period.from, period.to));
    const TimeRange range = timeRange(period);
    return withRepo(m_db, [&](ReportRepository &repo) -> Result<QList<QPair<storage::CaseCount, qint64>>> {
        auto labels = repo.serviceLabels();
        if (!labels)
            return labels.error();
        auto rows = repo.decisionsOnTime(range);
        if (!rows)
            return rows.error();
        for (auto &row : rows.value()) {
            row.first.provider = labels->value(row.first.serviceCode).provider;
            row.first.serviceName = labels->value(row.first.serviceCode).name;
        }
        return rows;
    });
}

} // namespace cnap::services
