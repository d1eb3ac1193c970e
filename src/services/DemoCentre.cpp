#include "services/DemoCentre.h"

#include "core/Paths.h"
#include "crypto/Hash.h"
#include "services/AuthService.h"
#include "services/CatalogueService.h"
#include "services/QueueService.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRandomGenerator>

#include <map>

namespace cnap::services {

using namespace cnap::queue;

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::services::DemoCentre", s); }

struct GroupDef {
    QString prefix;
    QString name;
};

// The demo's service groups.  A service goes to the first group whose keywords
// appear in its name or provider; everything else to the last group.
const GroupDef kGroups[] = {
    {QStringLiteral("А"), QStringLiteral("Реєстрація місця проживання")},
    {QStringLiteral("Б"), QStringLiteral("Паспортні послуги")},
    {QStringLiteral("В"), QStringLiteral("Реєстрація актів цивільного стану")},
    {QStringLiteral("Г"), QStringLiteral("Соціальні послуги")},
    {QStringLiteral("Д"), QStringLiteral("Земля, нерухомість, бізнес та інше")},
};

int groupFor(const QString &name, const QString &provider)
{
    const QString text = (name + u' ' + provider).toLower();
    if (text.contains(QStringLiteral("місця проживання")) || text.contains(QStringLiteral("територіальної громади")))
        return 0;
    if (text.contains(QStringLiteral("міграційн")) || text.contains(QStringLiteral("паспорт")))
        return 1;
    if (text.contains(QStringLiteral("цивільного стану")))
        return 2;
    if (text.contains(QStringLiteral("пенсійн")) || text.contains(QStringLiteral("соціальн")) || text.contains(QStringLiteral("допомог"))
        || text.contains(QStringLiteral("субсиді")))
        return 3;
    return 4;
}

struct BuiltIn {
    const char *code;
    const char *name;
};
// Used only when no catalogue is in the database and none is shipped.
const BuiltIn kBuiltInServices[] = {
    {"01331", "Реєстрація місця проживання особи"},
    {"01332", "Зняття із задекларованого/зареєстрованого місця проживання"},
    {"01333", "Надання витягу з реєстру територіальної громади"},
    {"00005", "Оформлення і видача паспорта громадянина України у формі картки"},
    {"00006", "Оформлення і видача паспорта громадянина України для виїзду за кордон"},
    {"00101", "Державна реєстрація народження (відділ державної реєстрації актів цивільного стану)"},
    {"00102", "Державна реєстрація шлюбу (відділ державної реєстрації актів цивільного стану)"},
    {"00201", "Призначення допомоги при народженні дитини"},
    {"00202", "Призначення житлової субсидії"},
    {"00301", "Державна реєстрація речових прав на нерухоме майно"},
    {"00302", "Державна реєстрація фізичної особи — підприємця"},
    {"00303", "Надання відомостей з Державного земельного кадастру"},
};
} // namespace

DemoCentre::DemoCentre(storage::DatabasePtr db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

Result<DemoReport> DemoCentre::setUp(const Actor &actor)
{
    CNAP_TRY(require(actor, Permission::SystemAdminister));
    DemoReport report;

    // 1. Services: the catalogue in the database, else the shipped one, else a built-in list.
    struct Svc {
        QString code;
        QString name;
        int group = 4;
    };
    std::vector<Svc> services;
    CatalogueService catalogue(m_db, m_clock);
    auto cards = catalogue.list(actor);
    if (cards && cards->empty()) {
        const QString file = cnap::catalogueFile();
        if (!file.isEmpty() && QFileInfo::exists(file)) {
            auto imported = catalogue.importFile(actor, file);
            if (imported) {
                report.catalogueImported = true;
                cards = catalogue.list(actor);
            } else {
                report.notes << tr("каталог %1 не імпортовано: %2").arg(file, imported.error().describe());
            }
        }
    }
    if (cards && !cards->empty()) {
        for (const ServiceCard &c : cards.value())
            services.push_back({c.code.value(), c.name, groupFor(c.name, c.provider.name)});
    } else {
        report.builtInServices = true;
        report.notes << tr("каталог послуг недоступний: використано вбудований перелік із %1 послуг").arg(std::size(kBuiltInServices));
        for (const BuiltIn &b : kBuiltInServices) {
            const QString name = QString::fromUtf8(b.name);
            services.push_back({QString::fromLatin1(b.code), name, groupFor(name, {})});
        }
    }

    // 2. Queues and services.  Groups left without services are not created.
    QueueService queue(m_db, m_clock);
    std::map<int, QStringList> byGroup;
    for (const Svc &s : services)
        byGroup[s.group] << s.code;
    int position = 0;
    for (const auto &[group, codes] : byGroup) {
        auto id = queue.saveQueue(actor, kGroups[group].prefix, kGroups[group].name, ++position);
        if (!id)
            return id.error();
        ++report.queues;
    }
    for (const Svc &s : services) {
        CNAP_TRY(queue.assignService(actor, kGroups[s.group].prefix, s.code, s.name));
        ++report.services;
    }

    // 3. Ten desks: two per group in turn, desk 10 universal, so every queue is served.
    QList<QStringList> groupCodes;
    for (const auto &[group, codes] : byGroup)
        groupCodes << codes;
    QStringList all;
    for (const QStringList &c : std::as_const(groupCodes))
        all << c;
    for (int n = 1; n <= 10; ++n) {
        const QStringList codes = n == 10 ? all : groupCodes.at(((n - 1) / 2) % groupCodes.size());
        CNAP_TRY(queue.saveDesk(actor, QString::number(n), codes));
        ++report.desks;
    }

    // 4. Clerk accounts, one per desk, through the account service.
    AuthService auth(m_db, m_clock);
    // The audit log keeps the desk as NOT NULL text: give the tool actor an empty, not a null, desk.
    Actor accountsActor = actor;
    if (accountsActor.desk.isNull())
        accountsActor.desk = QStringLiteral("");
    auto users = auth.listUsers(accountsActor);
    if (!users)
        return users.error();
    for (int n = 1; n <= 10; ++n) {
        const QString login = QStringLiteral("clerk%1").arg(n);
        const bool exists = std::any_of(users->cbegin(), users->cend(), [&](const auto &u) { return u.login == login; });
        if (exists) {
            ++report.clerksExisting;
            continue;
        }
        // A random first password, shown once; the clerk must change it at first login.
        const QString password = QStringLiteral("Demo-") + QString::fromLatin1(crypto::randomBytes(6).toHex()) + QStringLiteral("-Ц");
        security::NewAccount account{login, tr("Адміністратор вікна %1").arg(n), Role::Clerk, password, true};
        auto id = auth.addUser(accountsActor, account);
        if (!id)
            return id.error();
        report.clerksCreated << login + u' ' + password;
    }

    // 5. A day of history, only if nothing was issued today yet.
    auto board = queue.board(actor, 0);
    if (!board)
        return board.error();
    int issuedToday = 0;
    for (const QueueSnapshot &q : board->queues)
        issuedToday += q.issuedToday;
    if (issuedToday > 0) {
        report.notes << tr("сьогодні вже видано %1 талонів: історію дня не додано").arg(issuedToday);
        for (const QueueSnapshot &q : board->queues)
            report.waitingNow += q.waiting;
        return report;
    }
    const QDateTime now = m_clock.now();
    const QDateTime midnight(now.toLocalTime().date(), QTime(0, 0));
    const QDateTime start = std::max(midnight.addSecs(60), now.addSecs(-3 * 3600));
    ManualClock simClock(start);
    QueueService sim(m_db, simClock);
    QRandomGenerator rng(20240901);  // the same history on every fresh database
    const QStringList historyDesks = {QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("5"), QStringLiteral("7"), QStringLiteral("10")};
    QHash<QString, qint64> busyUntil;
    for (const QString &d : historyDesks) {
        auto opened = sim.openDesk(actor, d);
        if (!opened)
            return opened.error();
    }
    const int tickets = 80;
    const int lateArrivals = 9;   // the last ones came in the last quarter hour and wait now
    const qint64 span = std::max<qint64>(start.secsTo(now) - 16 * 60, tickets);
    auto serveDue = [&](bool finishAll) -> Status {
        for (const QString &d : historyDesks) {
            const qint64 nowMs = simClock.now().toMSecsSinceEpoch();
            if (busyUntil.contains(d) && (finishAll || busyUntil.value(d) <= nowMs)) {
                const Outcome o = rng.bounded(10) < 7 ? Outcome::CaseRegistered : (rng.bounded(2) ? Outcome::Consultation : Outcome::Refused);
                auto f = sim.finish(actor, d, o);
                if (!f)
                    return f.error();
                busyUntil.remove(d);
            }
            if (!busyUntil.contains(d) && !finishAll) {
                auto c = sim.callNext(actor, d);
                if (!c)
                    return c.error();
                if (c.value()) {
                    CNAP_TRY(sim.startService(actor, d));
                    busyUntil.insert(d, nowMs + (4 + rng.bounded(9)) * 60000LL + rng.bounded(60) * 1000LL);
                }
            }
        }
        return {};
    };
    // The desks look up every half minute, as a clerk finishing a visit would,
    // so every visitor waits a little and more when the desks are busy: the
    // waits report and the hall board show a real morning, not zeros.
    constexpr qint64 kTickSecs = 30;
    QDateTime clockAt = start;
    auto runUntil = [&](const QDateTime &until) -> Status {
        while (clockAt.addSecs(kTickSecs) <= until) {
            clockAt = clockAt.addSecs(kTickSecs);
            simClock.set(clockAt);
            CNAP_TRY(serveDue(false));
        }
        return {};
    };
    // Visitors come a little faster than five desks serve them at times, so
    // queues form and clear; the last ones arrive in the last quarter hour and
    // are still waiting when the demo opens.
    const qint64 slot = span / (tickets - lateArrivals);
    for (int i = 0; i < tickets; ++i) {
        const bool late = i >= tickets - lateArrivals;
        const QDateTime at = late ? now.addSecs(-15 * 60 + (i - (tickets - lateArrivals)) * 90)
                                  : start.addSecs(slot * i + static_cast<qint64>(rng.bounded(static_cast<int>(std::max<qint64>(slot, 1)))));
        if (!late)
            CNAP_TRY(runUntil(at));
        simClock.set(at);
        IssueRequest req;
        req.serviceCodes << services.at(rng.bounded(static_cast<int>(services.size()))).code;
        req.source = QStringLiteral("kiosk");
        if (rng.bounded(10) == 0) {
            req.priority = true;
            req.priorityCategory = QStringLiteral("disability");
        }
        auto t = sim.issueTicket(actor, req);
        if (!t)
            return t.error();
        ++report.ticketsIssued;
    }
    simClock.set(now);
    CNAP_TRY(serveDue(true));
    auto after = queue.board(actor, 0);
    if (!after)
        return after.error();
    for (const QueueSnapshot &q : after->queues)
        report.waitingNow += q.waiting;
    return report;
}

} // namespace cnap::services
