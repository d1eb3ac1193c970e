#include "services/QueueService.h"

#include "crypto/Hash.h"
#include "storage/QueueRepository.h"
#include "storage/Sql.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <numeric>

namespace cnap::services {

using namespace cnap::queue;
using storage::QueueRepository;

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::services::QueueService", s); }

constexpr qint64 kStatsWindowDays = 7;       // how far back the estimate looks
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr int kDurationSample = 20;          // recent finished visits the estimate averages

Error illegal(const QString &message) { return Error::make(ErrorCode::IllegalTransition, message); }

/// The queue's entry for a service, or a refusal naming the field when no queue serves it.
Result<QueueServiceEntry> knownService(QueueRepository &repo, const QString &code)
{
    auto s = repo.service(code);
    if (!s)
        return s.error();
    if (!s.value())
        return Error::invalid(QStringLiteral("service"), tr("невідома послуга «%1»: її не віднесено до жодної черги").arg(code));
    return *s.value();
}

// Normalises what the visitor shows (РНОКПП, document number) before hashing, so
// "ab 123" and "AB123" count as one person.
QString normalisePersonId(const QString &id)
{
    QString s = id.toUpper();
    s.remove(QRegularExpression(QStringLiteral("[\\s\\-]")));
    return s;
}

int settingInt(const QHash<QString, QString> &h, const char *key, int fallback, int min, int max)
{
    bool ok = false;
    const int v = h.value(QString::fromLatin1(key)).toInt(&ok);
    return ok && v >= min && v <= max ? v : fallback;
}
} // namespace

QueueService::QueueService(storage::DatabasePtr db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

QString QueueService::today() const { return m_clock.now().toLocalTime().date().toString(Qt::ISODate); }
qint64 QueueService::nowMs() const { return m_clock.now().toMSecsSinceEpoch(); }

template <typename F>
auto QueueService::inTransaction(F &&body) -> decltype(body(std::declval<QueueRepository &>()))
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto tx = storage::Transaction::begin(conn.value());
    if (!tx) {
        // A dropped connection: forget it so the next call reconnects.
        if (tx.error().code == ErrorCode::Network)
            m_db->releaseThreadConnection();
        return tx.error();
    }
    QueueRepository repo(conn.value());
    auto result = body(repo);
    if (!result) {
        tx->rollback();
        if (result.error().code == ErrorCode::Network)
            m_db->releaseThreadConnection();
        return result;
    }
    if (auto st = tx->commit(); !st)
        return st.error();
    return result;
}

template <typename F>
auto QueueService::reading(F &&body) -> decltype(body(std::declval<QueueRepository &>()))
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    QueueRepository repo(conn.value());
    auto result = body(repo);
    if (!result && result.error().code == ErrorCode::Network)
        m_db->releaseThreadConnection();
    return result;
}

QueueEvent QueueService::event(EventKind kind, const Actor &actor, const Ticket *ticket, const Desk *desk) const
{
    QueueEvent e;
    e.atMs = nowMs();
    e.kind = eventKey(kind);
    e.clerk = actor.login;
    if (ticket) {
        e.ticketId = ticket->id;
        e.ticketNumber = ticket->number;
        e.queueId = ticket->queueId;
        e.serviceCode = ticket->serviceCode;
    }
    if (desk) {
        e.deskId = desk->id;
        e.deskName = desk->name;
    }
    return e;
}

Result<QueueSettings> QueueService::loadSettings(QueueRepository &repo)
{
    auto h = repo.settings(QStringLiteral("queue."));
    if (!h)
        return h.error();
    QueueSettings s;
    s.antiStarvation.maxPriorityInRow = settingInt(h.value(), "queue.priority.maxInRow", s.antiStarvation.maxPriorityInRow, 1, 100);
    s.antiStarvation.regularWaitThresholdSecs =
        60LL * settingInt(h.value(), "queue.priority.regularWaitMinutes", int(s.antiStarvation.regularWaitThresholdSecs / 60), 0, 24 * 60);
    s.maxRecalls = settingInt(h.value(), "queue.maxRecalls", s.maxRecalls, 0, 20);
    s.lateArrival.graceSecs = 60LL * settingInt(h.value(), "queue.booking.lateGraceMinutes", int(s.lateArrival.graceSecs / 60), 0, 240);
    s.lateArrival.earlyWindowSecs =
        60LL * settingInt(h.value(), "queue.booking.earlyCheckInMinutes", int(s.lateArrival.earlyWindowSecs / 60), 0, 24 * 60);
    s.postponeMinutes = settingInt(h.value(), "queue.postponeMinutes", s.postponeMinutes, 1, 240);
    s.defaultServiceMinutes = settingInt(h.value(), "queue.defaultServiceMinutes", s.defaultServiceMinutes, 1, 240);
    return s;
}

Result<QueueSettings> QueueService::cachedSettings(QueueRepository &repo)
{
    // Settings change a few times a year; the hot path re-reads them every few seconds.
    {
        QMutexLocker lock(&m_settingsMutex);
        if (m_settingsCache && m_settingsAge.isValid() && m_settingsAge.elapsed() < 5000)
            return *m_settingsCache;
    }
    auto s = loadSettings(repo);
    if (!s)
        return s;
    QMutexLocker lock(&m_settingsMutex);
    m_settingsCache = s.value();
    m_settingsAge.start();
    return s;
}

Result<QString> QueueService::personHash(QueueRepository &repo, const QString &personId)
{
    // A keyed hash: the salt is the centre's own, made once, so the hashes cannot
    // be matched against a list of all РНОКПП computed elsewhere.
    auto salt = repo.ensureSetting(QStringLiteral("queue.personSalt"), QString::fromLatin1(crypto::randomBytes(32).toHex()),
                                   m_clock.now().toString(Qt::ISODate));
    if (!salt)
        return salt.error();
    return crypto::sha256Hex(salt.value().toUtf8() + ':' + normalisePersonId(personId).toUtf8());
}

Status QueueService::checkDesk(const Actor &actor, const QString &deskName) const
{
    CNAP_TRY(require(actor, Permission::QueueServeDesk));
    if (deskName.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("desk"), tr("не вказано вікно"));
    if (actor.role == Role::Clerk && actor.desk != deskName)
        return Error::make(ErrorCode::PermissionDenied,
                           tr("адміністратор ЦНАП може працювати лише зі своїм вікном («%1»), а не з вікном «%2»").arg(actor.desk, deskName));
    return {};
}

Result<Desk> QueueService::lockDesk(QueueRepository &repo, const QString &deskName)
{
    auto d = repo.deskByName(deskName, /*lock=*/true);
    if (!d)
        return d.error();
    if (!d.value())
        return Error::invalid(QStringLiteral("desk"), tr("невідоме вікно «%1»").arg(deskName));
    return *d.value();
}

Result<Ticket> QueueService::activeTicket(QueueRepository &repo, const Desk &desk)
{
    if (desk.currentTicketId > 0) {
        auto t = repo.ticket(desk.currentTicketId);
        if (!t)
            return t.error();
        if (t.value() && (t.value()->state == TicketState::Called || t.value()->state == TicketState::Serving)
            && t.value()->deskId == desk.id)
            return *t.value();
    }
    return illegal(tr("у вікні «%1» зараз немає викликаного відвідувача").arg(desk.name));
}

Result<double> QueueService::averageServiceSecs(QueueRepository &repo, qint64 queueId, const QueueSettings &s)
{
    auto d = repo.recentServiceDurations(queueId, nowMs() - kStatsWindowDays * kDayMs, kDurationSample);
    if (!d)
        return d.error();
    if (d->isEmpty())
        return s.defaultServiceMinutes * 60.0;
    const qint64 sum = std::accumulate(d->cbegin(), d->cend(), qint64(0));
    return static_cast<double>(sum) / d->size() / 1000.0;
}

Result<IssuedTicket> QueueService::describe(QueueRepository &repo, const Ticket &ticket)
{
    IssuedTicket out;
    out.ticket = ticket;
    auto s = loadSettings(repo);
    if (!s)
        return s.error();
    auto counts = repo.queueCounts(ticket.serviceDay);
    if (!counts)
        return counts.error();
    int openDesks = 0;
    for (const auto &c : counts.value()) {
        if (c.queueId == ticket.queueId) {
            out.queueName = c.name;
            openDesks = c.openDesks;
        }
    }
    if (auto svc = repo.service(ticket.serviceCode); svc && svc.value())
        out.serviceName = svc.value()->name;
    auto ahead = repo.ticketsAhead(ticket, std::max(nowMs(), ticket.callableFromMs));
    if (!ahead)
        return ahead.error();
    out.ahead = ahead.value();
    auto avg = averageServiceSecs(repo, ticket.queueId, s.value());
    if (!avg)
        return avg.error();
    out.estimatedWaitSecs = estimateWaitSecs(out.ahead, avg.value(), openDesks);
    if (out.estimatedWaitSecs && ticket.callableFromMs > nowMs())
        // A booked visitor is not called before the slot.
        *out.estimatedWaitSecs = std::max(*out.estimatedWaitSecs, (ticket.callableFromMs - nowMs()) / 1000);
    return out;
}

// --- configuration ---------------------------------------------------------------

Result<qint64> QueueService::saveQueue(const Actor &actor, const QString &prefix, const QString &name, int position)
{
    CNAP_TRY(require(actor, Permission::QueueConfigure));
    CNAP_TRY(validatePrefix(prefix));
    if (name.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("name"), tr("вкажіть назву черги"));
    return inTransaction([&](QueueRepository &repo) -> Result<qint64> {
        auto id = repo.upsertGroup(prefix, name.trimmed(), position);
        if (!id)
            return id.error();
        QueueEvent e = event(EventKind::Configured, actor, nullptr, nullptr);
        e.queueId = id.value();
        e.detail = QStringLiteral("queue ") + prefix;
        CNAP_TRY(repo.appendEvent(e));
        return id;
    });
}

Status QueueService::assignService(const Actor &actor, const QString &prefix, const QString &serviceCode,
                                   const QString &serviceName, const AppointmentRules &rules)
{
    CNAP_TRY(require(actor, Permission::QueueConfigure));
    static const QRegularExpression codeRe(QStringLiteral("^[^,\\s]{1,64}$"));
    if (!codeRe.match(serviceCode).hasMatch())
        return Error::invalid(QStringLiteral("service"), tr("код послуги має бути непорожнім, без пробілів і ком, до 64 символів"));
    if (rules.slotMinutes < 5 || rules.slotMinutes > 240)
        return Error::invalid(QStringLiteral("slotMinutes"), tr("тривалість слоту має бути від 5 до 240 хвилин"));
    if (!rules.opens.isValid() || !rules.closes.isValid() || rules.opens >= rules.closes)
        return Error::invalid(QStringLiteral("opens"), tr("години прийому задано неправильно: початок має бути раніше кінця"));
    if (rules.horizonDays < 0 || rules.horizonDays > 90)
        return Error::invalid(QStringLiteral("horizonDays"), tr("горизонт запису має бути від 0 до 90 днів"));
    if (rules.perPersonCap < 1 || rules.slotCapacity < 1)
        return Error::invalid(QStringLiteral("perPersonCap"), tr("ліміт записів і місткість слоту мають бути не менше 1"));
    return inTransaction([&](QueueRepository &repo) -> Status {
        auto g = repo.groupByPrefix(prefix);
        if (!g)
            return g.error();
        if (!g.value())
            return Error::invalid(QStringLiteral("queue"), tr("немає черги з префіксом «%1»").arg(prefix));
        QueueServiceEntry e{serviceCode, serviceName.trimmed(), g.value()->id, rules};
        CNAP_TRY(repo.upsertService(e));
        QueueEvent ev = event(EventKind::Configured, actor, nullptr, nullptr);
        ev.queueId = e.queueId;
        ev.serviceCode = serviceCode;
        ev.detail = QStringLiteral("service");
        return repo.appendEvent(ev);
    });
}

Status QueueService::saveDesk(const Actor &actor, const QString &deskName, const QStringList &serviceCodes)
{
    CNAP_TRY(require(actor, Permission::QueueConfigure));
    if (deskName.trimmed().isEmpty() || deskName.size() > 32)
        return Error::invalid(QStringLiteral("desk"), tr("назва вікна має бути непорожньою, до 32 символів"));
    if (serviceCodes.isEmpty())
        return Error::invalid(QStringLiteral("services"), tr("вікно має обслуговувати хоча б одну послугу"));
    return inTransaction([&](QueueRepository &repo) -> Status {
        for (const QString &code : serviceCodes) {
            auto s = knownService(repo, code);
            if (!s)
                return s.error();
        }
        auto id = repo.upsertDesk(deskName.trimmed(), serviceCodes, nowMs());
        if (!id)
            return id.error();
        QueueEvent ev = event(EventKind::Configured, actor, nullptr, nullptr);
        ev.deskId = id.value();
        ev.deskName = deskName.trimmed();
        ev.detail = QStringLiteral("desk");
        return repo.appendEvent(ev);
    });
}

Status QueueService::reassignDeskForToday(const Actor &actor, const QString &deskName, const QStringList &serviceCodes)
{
    // The same right as the desk's permanent set: a clerk may not pick their own services.
    CNAP_TRY(require(actor, Permission::QueueConfigure));
    const QString name = deskName.trimmed();
    if (name.isEmpty())
        return Error::invalid(QStringLiteral("desk"), tr("не вказано вікно"));
    if (serviceCodes.isEmpty())
        return Error::invalid(QStringLiteral("services"), tr("вікно має обслуговувати хоча б одну послугу"));
    QStringList codes = serviceCodes;
    codes.sort();
    codes.removeDuplicates();
    return inTransaction([&](QueueRepository &repo) -> Status {
        auto desk = lockDesk(repo, name);
        if (!desk)
            return desk.error();
        for (const QString &code : codes) {
            auto s = knownService(repo, code);
            if (!s)
                return s.error();
        }
        QStringList usual = desk->serviceCodes;
        usual.sort();
        // Back to the usual set: no override left for today.
        const bool restore = codes == usual;
        CNAP_TRY(repo.setDayServices(desk->id, today(), restore ? QStringList() : codes, actor.login, nowMs()));
        QueueEvent ev = event(EventKind::Configured, actor, nullptr, &desk.value());
        ev.detail = (restore ? QStringLiteral("desk services restored for ") : QStringLiteral("desk services for "))
                    + today() + QStringLiteral(": ") + codes.join(u',');
        return repo.appendEvent(ev);
    });
}

Status QueueService::applyDayServices(QueueRepository &repo, QList<Desk> &desks)
{
    auto day = repo.dayServices(today());
    if (!day)
        return day.error();
    if (day->isEmpty())
        return {};
    for (Desk &d : desks) {
        const auto it = day->constFind(d.id);
        if (it != day->cend())
            d.serviceCodes = it.value();
    }
    return {};
}

Status QueueService::saveCategory(const Actor &actor, const PriorityCategory &category, int position)
{
    CNAP_TRY(require(actor, Permission::QueueConfigure));
    static const QRegularExpression keyRe(QStringLiteral("^[a-z][a-z0-9-]{1,40}$"));
    if (!keyRe.match(category.key).hasMatch())
        return Error::invalid(QStringLiteral("key"), tr("ключ категорії: латинські малі літери, цифри й дефіс, 2–41 символ"));
    if (category.name.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("name"), tr("вкажіть назву пільгової категорії"));
    if (category.proof.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("proof"), tr("вкажіть документ, що підтверджує право на позачергове обслуговування"));
    return inTransaction([&](QueueRepository &repo) -> Status {
        CNAP_TRY(repo.upsertCategory(category, position));
        QueueEvent ev = event(EventKind::Configured, actor, nullptr, nullptr);
        ev.detail = QStringLiteral("category ") + category.key;
        return repo.appendEvent(ev);
    });
}

Status QueueService::saveSettings(const Actor &actor, const QueueSettings &s)
{
    CNAP_TRY(require(actor, Permission::QueueConfigure));
    if (s.antiStarvation.maxPriorityInRow < 1)
        return Error::invalid(QStringLiteral("maxPriorityInRow"), tr("кількість пільгових викликів поспіль має бути не менше 1"));
    if (s.maxRecalls < 0 || s.postponeMinutes < 1 || s.defaultServiceMinutes < 1)
        return Error::invalid(QStringLiteral("maxRecalls"), tr("неправильні параметри черги"));
    return inTransaction([&](QueueRepository &repo) -> Status {
        const QString at = m_clock.now().toString(Qt::ISODate);
        const std::pair<const char *, qint64> values[] = {
            {"queue.priority.maxInRow", s.antiStarvation.maxPriorityInRow},
            {"queue.priority.regularWaitMinutes", s.antiStarvation.regularWaitThresholdSecs / 60},
            {"queue.maxRecalls", s.maxRecalls},
            {"queue.booking.lateGraceMinutes", s.lateArrival.graceSecs / 60},
            {"queue.booking.earlyCheckInMinutes", s.lateArrival.earlyWindowSecs / 60},
            {"queue.postponeMinutes", s.postponeMinutes},
            {"queue.defaultServiceMinutes", s.defaultServiceMinutes},
        };
        for (const auto &[key, value] : values)
            CNAP_TRY(repo.setSetting(QString::fromLatin1(key), QString::number(value), at));
        QueueEvent ev = event(EventKind::Configured, actor, nullptr, nullptr);
        ev.detail = QStringLiteral("settings");
        CNAP_TRY(repo.appendEvent(ev));
        QMutexLocker lock(&m_settingsMutex);
        m_settingsCache.reset();
        return Status();
    });
}

// --- reads -------------------------------------------------------------------------

Result<QueueSettings> QueueService::settings(const Actor &actor)
{
    CNAP_TRY(require(actor, Permission::QueueViewBoard));
    return reading([&](QueueRepository &repo) { return loadSettings(repo); });
}

Result<QList<QueueGroup>> QueueService::queues(const Actor &actor)
{
    CNAP_TRY(require(actor, Permission::QueueViewBoard));
    return reading([&](QueueRepository &repo) { return repo.groups(); });
}

Result<QList<QueueServiceEntry>> QueueService::services(const Actor &actor)
{
    CNAP_TRY(require(actor, Permission::QueueViewBoard));
    return reading([&](QueueRepository &repo) { return repo.services(); });
}

Result<QList<Desk>> QueueService::desks(const Actor &actor)
{
    CNAP_TRY(require(actor, Permission::QueueViewBoard));
    return reading([&](QueueRepository &repo) -> Result<QList<Desk>> {
        auto desks = repo.desks();
        if (!desks)
            return desks;
        CNAP_TRY(applyDayServices(repo, desks.value()));
        return desks;
    });
}

Result<QList<PriorityCategory>> QueueService::categories(const Actor &actor)
{
    CNAP_TRY(require(actor, Permission::QueueViewBoard));
    return reading([&](QueueRepository &repo) { return repo.categories(); });
}

Result<BoardSnapshot> QueueService::board(const Actor &actor, int recentCalls)
{
    CNAP_TRY(require(actor, Permission::QueueViewBoard));
    return reading([&](QueueRepository &repo) -> Result<BoardSnapshot> {
        BoardSnapshot b;
        b.serviceDay = today();
        b.nowMs = nowMs();
        // Revision first: a change racing with this read makes the watcher fire again.
        auto rev = repo.revision();
        if (!rev)
            return rev.error();
        b.revision = rev.value();
        auto s = loadSettings(repo);
        if (!s)
            return s.error();
        auto pause = repo.openPause();
        if (!pause)
            return pause.error();
        if (pause.value()) {
            b.centrePaused = true;
            b.pausedSinceMs = pause.value()->first.startMs;
            b.pauseReason = pause.value()->second;
        }
        auto counts = repo.queueCounts(b.serviceDay);
        if (!counts)
            return counts.error();
        qint64 oldest = b.nowMs;
        for (const auto &c : counts.value()) {
            if (c.waiting > 0)
                oldest = std::min(oldest, c.oldestSortAt);
        }
        auto pauses = repo.pausesSince(oldest);
        if (!pauses)
            return pauses.error();
        for (const auto &c : counts.value()) {
            QueueSnapshot q;
            q.queueId = c.queueId;
            q.prefix = c.prefix;
            q.name = c.name;
            q.waiting = c.waiting;
            q.issuedToday = c.issued;
            q.openDesks = c.openDesks;
            q.longestWaitSecs = c.waiting > 0 ? effectiveWaitMs(c.oldestSortAt, b.nowMs, pauses.value()) / 1000 : 0;
            auto avg = averageServiceSecs(repo, c.queueId, s.value());
            if (!avg)
                return avg.error();
            q.averageServiceSecs = avg.value();
            q.estimatedWaitSecs = estimateWaitSecs(c.waiting, avg.value(), c.openDesks);
            b.queues << q;
        }
        auto desks = repo.desks();
        if (!desks)
            return desks.error();
        CNAP_TRY(applyDayServices(repo, desks.value()));
        auto current = repo.currentTickets();
        if (!current)
            return current.error();
        for (const Desk &d : desks.value()) {
            DeskSnapshot ds;
            ds.name = d.name;
            ds.state = d.state;
            ds.clerk = d.clerk;
            ds.serviceCodes = d.serviceCodes;
            const auto it = current->constFind(d.id);
            if (it != current->cend() && (it->second == TicketState::Called || it->second == TicketState::Serving)) {
                ds.currentTicket = it->first;
                ds.currentState = it->second;
            }
            b.desks << ds;
        }
        const QDateTime midnight(m_clock.now().toLocalTime().date(), QTime(0, 0));
        auto calls = repo.recentCalls(midnight.toMSecsSinceEpoch(), std::max(recentCalls, 0));
        if (!calls)
            return calls.error();
        b.recentCalls = calls.value();
        return b;
    });
}

Result<std::optional<Ticket>> QueueService::currentTicket(const Actor &actor, const QString &deskName)
{
    CNAP_TRY(require(actor, Permission::QueueViewBoard));
    return reading([&](QueueRepository &repo) -> Result<std::optional<Ticket>> {
        auto d = repo.deskByName(deskName);
        if (!d)
            return d.error();
        if (!d.value())
            return Error::invalid(QStringLiteral("desk"), tr("невідоме вікно «%1»").arg(deskName));
        auto t = activeTicket(repo, *d.value());
        if (!t)
            return std::optional<Ticket>();
        Ticket ticket = t.value();
        ticket.deskName = deskName;
        return std::optional<Ticket>(ticket);
    });
}

Result<IssuedTicket> QueueService::ticketInfo(const Actor &actor, const QString &number)
{
    CNAP_TRY(require(actor, Permission::QueueViewBoard));
    return reading([&](QueueRepository &repo) -> Result<IssuedTicket> {
        auto t = repo.ticketByNumber(today(), number.trimmed());
        if (!t)
            return t.error();
        if (!t.value())
            return Error::invalid(QStringLiteral("ticket"), tr("талона «%1» сьогодні не видавали").arg(number));
        return describe(repo, *t.value());
    });
}

Result<QList<QueueEvent>> QueueService::events(const Actor &actor, qint64 afterId, int limit)
{
    CNAP_TRY(require(actor, Permission::ReportsView));
    return reading([&](QueueRepository &repo) { return repo.events(afterId, std::clamp(limit, 1, 100000)); });
}

// --- tickets and bookings --------------------------------------------------------------

Result<IssuedTicket> QueueService::issueTicket(const Actor &actor, const IssueRequest &request)
{
    CNAP_TRY(require(actor, Permission::QueueIssueTicket));
    QStringList codes;
    for (const QString &c : request.serviceCodes) {
        if (!c.trimmed().isEmpty() && !codes.contains(c.trimmed()))
            codes << c.trimmed();
    }
    if (codes.isEmpty())
        return Error::invalid(QStringLiteral("service"), tr("оберіть послугу"));
    if (request.priority && request.priorityCategory.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("priority"), tr("для позачергового талона вкажіть пільгову категорію"));
    const bool priority = request.priority || !request.priorityCategory.trimmed().isEmpty();
    if (!priority && !request.personId.isEmpty())
        return Error::invalid(QStringLiteral("person"), tr("ідентифікатор особи потрібен лише для позачергового талона"));

    auto issued = inTransaction([&](QueueRepository &repo) -> Result<Ticket> {
        QList<QueueServiceEntry> entries;
        for (const QString &code : codes) {
            auto s = knownService(repo, code);
            if (!s)
                return s.error();
            entries << s.value();
        }
        if (priority) {
            auto cats = repo.categories();
            if (!cats)
                return cats.error();
            QStringList keys;
            bool known = false;
            for (const PriorityCategory &c : cats.value()) {
                keys << c.key;
                known = known || c.key == request.priorityCategory.trimmed();
            }
            if (!known)
                return Error::invalid(QStringLiteral("priority"), tr("невідома пільгова категорія «%1»; можливі: %2")
                                                                       .arg(request.priorityCategory, keys.join(QStringLiteral(", "))));
        }
        auto groups = repo.groups();
        if (!groups)
            return groups.error();
        QString prefix;
        for (const QueueGroup &g : groups.value()) {
            if (g.id == entries.first().queueId)
                prefix = g.prefix;
        }
        const TicketKind kind = priority ? TicketKind::Priority : TicketKind::Regular;
        const QString day = today();
        auto seq = repo.nextNumber(entries.first().queueId, day, seriesLetter(kind).isEmpty() ? QStringLiteral("R") : seriesLetter(kind));
        if (!seq)
            return seq.error();
        Ticket t;
        t.serviceDay = day;
        t.queueId = entries.first().queueId;
        t.number = formatTicketNumber(prefix, kind, seq.value());
        t.kind = kind;
        t.categoryKey = priority ? request.priorityCategory.trimmed() : QString();
        t.serviceCode = codes.first();
        t.services = codes;
        t.issuedAtMs = t.sortAtMs = t.callableFromMs = nowMs();
        auto id = repo.insertTicket(t, request.source);
        if (!id)
            return id.error();
        t.id = id.value();
        if (priority && !request.personId.trimmed().isEmpty()) {
            auto hash = personHash(repo, request.personId);
            if (!hash)
                return hash.error();
            // Law: priority service is a once-per-day-per-service right (centre regulations).
            for (const QString &code : codes) {
                auto used = repo.priorityUsed(day, code, hash.value());
                if (!used)
                    return used.error();
                if (used.value())
                    return Error{ErrorCode::Conflict,
                                 tr("цій особі сьогодні вже надавали позачергове обслуговування з послуги «%1»: повторно — лише в загальній черзі").arg(code),
                                 QStringLiteral("priority")};
                CNAP_TRY(repo.recordPriorityUse(day, code, hash.value(), t.categoryKey, t.id));
            }
        }
        QueueEvent e = event(EventKind::Issued, actor, &t, nullptr);
        e.atMs = t.issuedAtMs;  // the log and the ticket agree on the moment of issue (the waits report reads the ticket)
        e.detail = request.source;
        CNAP_TRY(repo.appendEvent(e));
        return t;
    });
    if (!issued)
        return issued.error();
    return reading([&](QueueRepository &repo) { return describe(repo, issued.value()); });
}

Result<QList<QDateTime>> QueueService::freeSlots(const Actor &actor, const QString &serviceCode, const QDate &day)
{
    CNAP_TRY(require(actor, Permission::QueueIssueTicket));
    return reading([&](QueueRepository &repo) -> Result<QList<QDateTime>> {
        auto s = knownService(repo, serviceCode);
        if (!s)
            return s.error();
        const AppointmentRules rules = s->rules;
        const QDateTime dayStart(day, QTime(0, 0));
        auto taken = repo.bookedSlots(serviceCode, dayStart.toMSecsSinceEpoch(), dayStart.addDays(1).toMSecsSinceEpoch());
        if (!taken)
            return taken.error();
        QList<QDateTime> out;
        const QDateTime nowLocal = m_clock.now().toLocalTime();
        for (const QTime &t : slotTimes(rules)) {
            const QDateTime slot(day, t);
            if (!validateSlot(rules, nowLocal, slot).ok())
                continue;
            if (taken->count(slot.toMSecsSinceEpoch()) < rules.slotCapacity)
                out << slot;
        }
        return out;
    });
}

Result<Booking> QueueService::book(const Actor &actor, const BookingRequest &request)
{
    CNAP_TRY(require(actor, Permission::QueueIssueTicket));
    if (request.personId.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("person"), tr("для запису вкажіть ідентифікатор особи (РНОКПП або номер документа)"));
    return inTransaction([&](QueueRepository &repo) -> Result<Booking> {
        auto s = knownService(repo, request.serviceCode);
        if (!s)
            return s.error();
        const AppointmentRules rules = s->rules;
        const QDateTime slot = request.slot.toLocalTime();
        CNAP_TRY(validateSlot(rules, m_clock.now().toLocalTime(), slot));
        CNAP_TRY(repo.lockServiceForBooking(request.serviceCode));
        auto taken = repo.bookingsAtSlot(request.serviceCode, slot.toMSecsSinceEpoch());
        if (!taken)
            return taken.error();
        if (taken.value() >= rules.slotCapacity)
            return Error::invalid(QStringLiteral("slot"), tr("на %1 вільних місць уже немає").arg(slot.toString(QStringLiteral("dd.MM.yyyy HH:mm"))));
        auto hash = personHash(repo, request.personId);
        if (!hash)
            return hash.error();
        auto mine = repo.activeBookingsOfPerson(request.serviceCode, hash.value(), nowMs());
        if (!mine)
            return mine.error();
        if (mine.value() >= rules.perPersonCap)
            return Error::invalid(QStringLiteral("person"), tr("перевищено ліміт: не більше %1 активних записів на цю послугу для однієї особи").arg(rules.perPersonCap));
        Booking b;
        b.serviceCode = request.serviceCode;
        b.slotAtMs = slot.toMSecsSinceEpoch();
        b.state = QStringLiteral("booked");
        // Codes avoid look-alike letters and digits: people read them off a phone.
        // 24^6 codes make a collision negligible; one would fail the unique index
        // and roll back, and the visitor simply books again.
        static const QString alphabet = QStringLiteral("ACDEFHJKLMNPRTUVWXY34679");
        for (char c : crypto::randomBytes(6))
            b.code += alphabet.at(static_cast<unsigned char>(c) % alphabet.size());
        auto id = repo.insertBooking(b, slot.date().toString(Qt::ISODate), hash.value(), nowMs());
        if (!id)
            return id.error();
        b.id = id.value();
        QueueEvent e = event(EventKind::Booked, actor, nullptr, nullptr);
        e.serviceCode = b.serviceCode;
        e.queueId = s->queueId;
        e.detail = slot.toString(Qt::ISODate);
        CNAP_TRY(repo.appendEvent(e));
        return b;
    });
}

Status QueueService::cancelBooking(const Actor &actor, const QString &code)
{
    CNAP_TRY(require(actor, Permission::QueueIssueTicket));
    return inTransaction([&](QueueRepository &repo) -> Status {
        auto b = repo.bookingByCode(code.trimmed().toUpper(), true);
        if (!b)
            return b.error();
        if (!b.value())
            return Error::invalid(QStringLiteral("code"), tr("запис з кодом «%1» не знайдено").arg(code));
        if (b.value()->state != QStringLiteral("booked"))
            return Error::invalid(QStringLiteral("code"), tr("запис «%1» уже використано або скасовано").arg(code));
        CNAP_TRY(repo.setBookingState(b.value()->id, QStringLiteral("cancelled"), 0));
        QueueEvent e = event(EventKind::BookingCancelled, actor, nullptr, nullptr);
        e.serviceCode = b.value()->serviceCode;
        return repo.appendEvent(e);
    });
}

Result<IssuedTicket> QueueService::checkIn(const Actor &actor, const QString &code)
{
    CNAP_TRY(require(actor, Permission::QueueIssueTicket));
    auto issued = inTransaction([&](QueueRepository &repo) -> Result<Ticket> {
        auto settings = loadSettings(repo);
        if (!settings)
            return settings.error();
        auto b = repo.bookingByCode(code.trimmed().toUpper(), true);
        if (!b)
            return b.error();
        if (!b.value())
            return Error::invalid(QStringLiteral("code"), tr("запис з кодом «%1» не знайдено").arg(code));
        const Booking booking = *b.value();
        if (booking.state != QStringLiteral("booked"))
            return Error::invalid(QStringLiteral("code"), tr("запис «%1» уже використано або скасовано").arg(code));
        const QDateTime slot = QDateTime::fromMSecsSinceEpoch(booking.slotAtMs).toLocalTime();
        const CheckIn verdict = checkInVerdict(settings->lateArrival, slot, m_clock.now().toLocalTime());
        if (verdict == CheckIn::WrongDay)
            return Error::invalid(QStringLiteral("code"), tr("запис «%1» призначено на інший день: %2").arg(code, slot.toString(QStringLiteral("dd.MM.yyyy HH:mm"))));
        if (verdict == CheckIn::TooEarly)
            return Error::invalid(QStringLiteral("code"), tr("реєстрація за записом відкривається за %1 хв до призначеного часу (%2)")
                                                              .arg(settings->lateArrival.earlyWindowSecs / 60)
                                                              .arg(slot.toString(QStringLiteral("HH:mm"))));
        auto s = knownService(repo, booking.serviceCode);
        if (!s)
            return s.error();
        auto groups = repo.groups();
        if (!groups)
            return groups.error();
        QString prefix;
        for (const QueueGroup &g : groups.value()) {
            if (g.id == s->queueId)
                prefix = g.prefix;
        }
        // On time: called at the slot ahead of walk-ins.  Too late: an ordinary
        // walk-in from now, so latecomers do not push out those who came on time.
        const TicketKind kind = verdict == CheckIn::OnTime ? TicketKind::Booked : TicketKind::Regular;
        const QString day = today();
        auto seq = repo.nextNumber(s->queueId, day, kind == TicketKind::Booked ? seriesLetter(kind) : QStringLiteral("R"));
        if (!seq)
            return seq.error();
        Ticket t;
        t.serviceDay = day;
        t.queueId = s->queueId;
        t.number = formatTicketNumber(prefix, kind, seq.value());
        t.kind = kind;
        t.serviceCode = booking.serviceCode;
        t.services = {booking.serviceCode};
        t.issuedAtMs = nowMs();
        t.sortAtMs = kind == TicketKind::Booked ? booking.slotAtMs : t.issuedAtMs;
        t.callableFromMs = kind == TicketKind::Booked ? booking.slotAtMs : t.issuedAtMs;
        t.bookingId = booking.id;
        auto id = repo.insertTicket(t, QStringLiteral("booking"));
        if (!id)
            return id.error();
        t.id = id.value();
        CNAP_TRY(repo.setBookingState(booking.id, QStringLiteral("checked_in"), t.id));
        QueueEvent e = event(EventKind::CheckedIn, actor, &t, nullptr);
        e.detail = kind == TicketKind::Booked ? QStringLiteral("on-time") : QStringLiteral("late-walk-in");
        CNAP_TRY(repo.appendEvent(e));
        QueueEvent issuedEvent = event(EventKind::Issued, actor, &t, nullptr);
        issuedEvent.atMs = t.issuedAtMs;
        CNAP_TRY(repo.appendEvent(issuedEvent));
        return t;
    });
    if (!issued)
        return issued.error();
    return reading([&](QueueRepository &repo) { return describe(repo, issued.value()); });
}

// --- desk actions ------------------------------------------------------------------------

Result<Desk> QueueService::setDeskState(const Actor &actor, const QString &deskName, DeskState state)
{
    CNAP_TRY(checkDesk(actor, deskName));
    return inTransaction([&](QueueRepository &repo) -> Result<Desk> {
        auto d = lockDesk(repo, deskName);
        if (!d)
            return d.error();
        Desk desk = d.value();
        if (desk.state == state)
            return desk;
        EventKind kind = EventKind::DeskOpened;
        if (state == DeskState::Paused) {
            if (desk.state != DeskState::Open)
                return illegal(tr("вікно «%1» не працює: поставити на перерву можна лише відкрите вікно").arg(deskName));
            kind = EventKind::DeskPaused;
        } else if (state == DeskState::Open) {
            kind = desk.state == DeskState::Paused ? EventKind::DeskResumed : EventKind::DeskOpened;
        } else {
            auto active = activeTicket(repo, desk);
            if (active)
                return illegal(tr("спершу завершіть обслуговування талона %1").arg(active->number));
            kind = EventKind::DeskClosed;
        }
        const QString clerk = state == DeskState::Closed ? QString() : (actor.role == Role::System && !desk.clerk.isEmpty() ? desk.clerk : actor.login);
        CNAP_TRY(repo.setDeskState(desk.id, state, clerk, nowMs()));
        CNAP_TRY(repo.appendEvent(event(kind, actor, nullptr, &desk)));
        desk.state = state;
        desk.clerk = clerk;
        return desk;
    });
}

Result<Desk> QueueService::openDesk(const Actor &actor, const QString &deskName) { return setDeskState(actor, deskName, DeskState::Open); }
Result<Desk> QueueService::pauseDesk(const Actor &actor, const QString &deskName) { return setDeskState(actor, deskName, DeskState::Paused); }
Result<Desk> QueueService::closeDesk(const Actor &actor, const QString &deskName) { return setDeskState(actor, deskName, DeskState::Closed); }

Result<Desk> QueueService::resumeDesk(const Actor &actor, const QString &deskName)
{
    return setDeskState(actor, deskName, DeskState::Open);
}

Result<std::optional<Ticket>> QueueService::callNext(const Actor &actor, const QString &deskName, const QString &onlyService)
{
    CNAP_TRY(checkDesk(actor, deskName));
    if (m_db->isPostgres() && onlyService.isEmpty()) {
        // The plain case as one statement; anything unusual falls through below.
        auto fast = reading([&](QueueRepository &repo) -> Result<std::optional<Ticket>> {
            auto s = cachedSettings(repo);
            if (!s)
                return s.error();
            return repo.fastCall(deskName, today(), nowMs(), actor.login, s->antiStarvation.maxPriorityInRow);
        });
        if (!fast)
            return fast.error();
        if (fast.value()) {
            fast.value()->deskName = deskName;
            announceCall();
            return fast;
        }
    }
    auto called = inTransaction([&](QueueRepository &repo) -> Result<std::optional<Ticket>> {
        // The hot path of a busy centre: desk, pause and current ticket in one read,
        // claim + desk + log in one write (on PostgreSQL).
        auto ctx = repo.deskContext(deskName);
        if (!ctx)
            return ctx.error();
        if (!ctx.value())
            return Error::invalid(QStringLiteral("desk"), tr("невідоме вікно «%1»").arg(deskName));
        Desk desk = ctx.value()->desk;
        if (!onlyService.isEmpty()) {
            auto full = repo.deskByName(deskName);
            if (!full)
                return full.error();
            QList<Desk> one;
            if (full.value())
                one << *full.value();
            CNAP_TRY(applyDayServices(repo, one));
            if (one.isEmpty() || !one.first().serviceCodes.contains(onlyService))
                return Error::invalid(QStringLiteral("service"), tr("вікно «%1» не обслуговує послугу «%2»").arg(deskName, onlyService));
        }
        if (desk.state == DeskState::Paused)
            return illegal(tr("вікно «%1» на перерві: спершу відновіть роботу").arg(deskName));
        if (ctx.value()->centrePaused)
            return illegal(tr("роботу центру призупинено (%1): виклик відвідувачів неможливий до відновлення")
                               .arg(ctx.value()->pauseReason.isEmpty() ? tr("тривога") : ctx.value()->pauseReason));
        if (ctx.value()->currentState == TicketState::Called || ctx.value()->currentState == TicketState::Serving)
            return illegal(tr("спершу завершіть обслуговування талона %1").arg(ctx.value()->currentNumber));
        if (desk.state == DeskState::Closed) {
            // The first call of the day opens the desk.
            CNAP_TRY(repo.setDeskState(desk.id, DeskState::Open, actor.login, nowMs()));
            CNAP_TRY(repo.appendEvent(event(EventKind::DeskOpened, actor, nullptr, &desk)));
        }
        const QString day = today();
        const qint64 now = nowMs();
        bool allowPriority = true;
        if (desk.priorityStreak > 0) {
            auto settings = loadSettings(repo);
            if (!settings)
                return settings.error();
            if (desk.priorityStreak >= settings->antiStarvation.maxPriorityInRow) {
                auto oldest = repo.oldestRegularSortAt(desk.id, day, now);
                if (!oldest)
                    return oldest.error();
                std::optional<qint64> waitSecs;
                if (oldest.value()) {
                    auto pauses = repo.pausesSince(*oldest.value());
                    if (!pauses)
                        return pauses.error();
                    waitSecs = effectiveWaitMs(*oldest.value(), now, pauses.value()) / 1000;
                }
                allowPriority = priorityMayJumpAhead(settings->antiStarvation, desk.priorityStreak, waitSecs);
            }
        }
        auto claimed = repo.claimAndRecord(desk, day, now, actor.login, allowPriority, onlyService);
        if (!claimed)
            return claimed.error();
        if (!claimed.value() && !allowPriority) {
            // The starving regular visitor was taken by another desk meanwhile.
            claimed = repo.claimAndRecord(desk, day, now, actor.login, true, onlyService);
            if (!claimed)
                return claimed.error();
        }
        if (!claimed.value())
            return std::optional<Ticket>();
        Ticket t = *claimed.value();
        t.deskName = desk.name;
        return std::optional<Ticket>(t);
    });
    if (called && called.value())
        announceCall();
    return called;
}

void QueueService::announceCall()
{
    if (!m_db->isPostgres())
        return;
    // After the commit, never inside it (see QueueRepository::announceCall).  The
    // call itself has succeeded: a failed wake-up only delays the boards until
    // their poll, so it is not the caller's error.
    auto st = reading([](QueueRepository &repo) { return repo.announceCall(); });
    if (!st)
        qWarning("queue: wake-up after a call failed: %s", qPrintable(st.error().describe()));
}

Result<Ticket> QueueService::recall(const Actor &actor, const QString &deskName)
{
    CNAP_TRY(checkDesk(actor, deskName));
    return inTransaction([&](QueueRepository &repo) -> Result<Ticket> {
        auto d = lockDesk(repo, deskName);
        if (!d)
            return d.error();
        auto t = activeTicket(repo, d.value());
        if (!t)
            return t.error();
        Ticket ticket = t.value();
        ticket.deskName = deskName;
        if (ticket.state != TicketState::Called)
            return illegal(tr("відвідувача з талоном %1 уже обслуговують: повторний виклик не потрібен").arg(ticket.number));
        auto settings = loadSettings(repo);
        if (!settings)
            return settings.error();
        if (recallsExhausted(ticket.recalls, settings->maxRecalls)) {
            CNAP_TRY(repo.markNoShow(ticket.id, nowMs()));
            CNAP_TRY(repo.setDeskCurrent(d->id, 0, d->priorityStreak, nowMs()));
            QueueEvent e = event(EventKind::NoShow, actor, &ticket, &d.value());
            e.detail = QStringLiteral("recalls exhausted");
            CNAP_TRY(repo.appendEvent(e));
            ticket.state = TicketState::NoShow;
            return ticket;
        }
        CNAP_TRY(repo.markRecalled(ticket.id, nowMs()));
        CNAP_TRY(repo.appendEvent(event(EventKind::Recalled, actor, &ticket, &d.value())));
        ticket.recalls += 1;
        ticket.calledAtMs = nowMs();
        return ticket;
    });
}

Result<Ticket> QueueService::startService(const Actor &actor, const QString &deskName)
{
    CNAP_TRY(checkDesk(actor, deskName));
    return inTransaction([&](QueueRepository &repo) -> Result<Ticket> {
        auto d = lockDesk(repo, deskName);
        if (!d)
            return d.error();
        auto t = activeTicket(repo, d.value());
        if (!t)
            return t.error();
        Ticket ticket = t.value();
        ticket.deskName = deskName;
        if (ticket.state == TicketState::Serving)
            return ticket;
        CNAP_TRY(repo.markStarted(ticket.id, nowMs()));
        CNAP_TRY(repo.appendEvent(event(EventKind::Started, actor, &ticket, &d.value())));
        ticket.state = TicketState::Serving;
        ticket.startedAtMs = nowMs();
        return ticket;
    });
}

Result<Ticket> QueueService::finish(const Actor &actor, const QString &deskName, Outcome outcome)
{
    CNAP_TRY(checkDesk(actor, deskName));
    if (m_db->isPostgres()) {
        auto fast = reading([&](QueueRepository &repo) { return repo.fastFinish(deskName, nowMs(), outcome, actor.login); });
        if (!fast)
            return fast.error();
        if (fast.value()) {
            fast.value()->deskName = deskName;
            return *fast.value();
        }
    }
    return inTransaction([&](QueueRepository &repo) -> Result<Ticket> {
        auto ctx = repo.deskContext(deskName);
        if (!ctx)
            return ctx.error();
        if (!ctx.value())
            return Error::invalid(QStringLiteral("desk"), tr("невідоме вікно «%1»").arg(deskName));
        const Desk &desk = ctx.value()->desk;
        if (ctx.value()->currentState != TicketState::Called && ctx.value()->currentState != TicketState::Serving)
            return illegal(tr("у вікні «%1» зараз немає викликаного відвідувача").arg(deskName));
        auto t = repo.finishAndRecord(desk, nowMs(), outcome, actor.login);
        if (!t)
            return t.error();
        if (!t.value())
            return illegal(tr("у вікні «%1» зараз немає викликаного відвідувача").arg(deskName));
        Ticket ticket = *t.value();
        ticket.deskName = deskName;
        return ticket;
    });
}

Result<Ticket> QueueService::markNoShow(const Actor &actor, const QString &deskName)
{
    CNAP_TRY(checkDesk(actor, deskName));
    return inTransaction([&](QueueRepository &repo) -> Result<Ticket> {
        auto d = lockDesk(repo, deskName);
        if (!d)
            return d.error();
        auto t = activeTicket(repo, d.value());
        if (!t)
            return t.error();
        Ticket ticket = t.value();
        if (ticket.state != TicketState::Called)
            return illegal(tr("відвідувача з талоном %1 уже обслуговують").arg(ticket.number));
        CNAP_TRY(repo.markNoShow(ticket.id, nowMs()));
        CNAP_TRY(repo.setDeskCurrent(d->id, 0, d->priorityStreak, nowMs()));
        CNAP_TRY(repo.appendEvent(event(EventKind::NoShow, actor, &ticket, &d.value())));
        ticket.state = TicketState::NoShow;
        ticket.deskName = deskName;
        return ticket;
    });
}

Result<Ticket> QueueService::returnToQueue(const Actor &actor, const QString &deskName, const QString &ticketNumber)
{
    CNAP_TRY(checkDesk(actor, deskName));
    return inTransaction([&](QueueRepository &repo) -> Result<Ticket> {
        auto d = lockDesk(repo, deskName);
        if (!d)
            return d.error();
        auto t = repo.ticketByNumber(today(), ticketNumber.trimmed());
        if (!t)
            return t.error();
        if (!t.value())
            return Error::invalid(QStringLiteral("ticket"), tr("талона «%1» сьогодні не видавали").arg(ticketNumber));
        Ticket ticket = *t.value();
        if (ticket.state != TicketState::NoShow)
            return illegal(tr("повернути до черги можна лише талон відвідувача, який не з'явився; %1 — ні").arg(ticket.number));
        CNAP_TRY(repo.requeue(ticket.id, ticket.queueId, ticket.serviceCode, 0, nowMs()));
        CNAP_TRY(repo.appendEvent(event(EventKind::Returned, actor, &ticket, &d.value())));
        ticket.state = TicketState::Waiting;
        ticket.deskId = 0;
        ticket.callableFromMs = nowMs();
        return ticket;
    });
}

Result<Ticket> QueueService::redirect(const Actor &actor, const QString &deskName, const RedirectTarget &target)
{
    CNAP_TRY(checkDesk(actor, deskName));
    if (target.serviceCode.trimmed().isEmpty() && target.deskName.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("target"), tr("вкажіть послугу або вікно, куди перенаправити відвідувача"));
    return inTransaction([&](QueueRepository &repo) -> Result<Ticket> {
        auto d = lockDesk(repo, deskName);
        if (!d)
            return d.error();
        auto t = activeTicket(repo, d.value());
        if (!t)
            return t.error();
        Ticket ticket = t.value();
        qint64 queueId = ticket.queueId;
        QString service = ticket.serviceCode;
        if (!target.serviceCode.trimmed().isEmpty()) {
            auto s = knownService(repo, target.serviceCode.trimmed());
            if (!s)
                return s.error();
            queueId = s->queueId;
            service = s->code;
        }
        qint64 targetDesk = 0;
        if (!target.deskName.trimmed().isEmpty()) {
            auto td = repo.deskByName(target.deskName.trimmed());
            if (!td)
                return td.error();
            if (!td.value())
                return Error::invalid(QStringLiteral("desk"), tr("невідоме вікно «%1»").arg(target.deskName));
            if (td.value()->id == d->id)
                return Error::invalid(QStringLiteral("desk"), tr("не можна перенаправити відвідувача до того самого вікна"));
            targetDesk = td.value()->id;
        } else if (service == ticket.serviceCode) {
            return Error::invalid(QStringLiteral("service"), tr("відвідувач уже в черзі на послугу «%1»").arg(service));
        }
        CNAP_TRY(repo.requeue(ticket.id, queueId, service, targetDesk, nowMs()));
        CNAP_TRY(repo.setDeskCurrent(d->id, 0, d->priorityStreak, nowMs()));
        QueueEvent e = event(EventKind::Redirected, actor, &ticket, &d.value());
        e.detail = QStringLiteral("to service %1 desk %2").arg(service, target.deskName.trimmed());
        CNAP_TRY(repo.appendEvent(e));
        ticket.state = TicketState::Waiting;
        ticket.queueId = queueId;
        ticket.serviceCode = service;
        ticket.targetDeskId = targetDesk;
        ticket.deskId = 0;
        return ticket;
    });
}

Result<Ticket> QueueService::postpone(const Actor &actor, const QString &deskName, int minutes)
{
    CNAP_TRY(checkDesk(actor, deskName));
    if (minutes < 0 || minutes > 240)
        return Error::invalid(QStringLiteral("minutes"), tr("відкласти можна на 1–240 хвилин"));
    return inTransaction([&](QueueRepository &repo) -> Result<Ticket> {
        auto d = lockDesk(repo, deskName);
        if (!d)
            return d.error();
        auto t = activeTicket(repo, d.value());
        if (!t)
            return t.error();
        auto settings = loadSettings(repo);
        if (!settings)
            return settings.error();
        Ticket ticket = t.value();
        const qint64 until = nowMs() + 60000LL * (minutes > 0 ? minutes : settings->postponeMinutes);
        CNAP_TRY(repo.requeue(ticket.id, ticket.queueId, ticket.serviceCode, 0, until));
        CNAP_TRY(repo.setDeskCurrent(d->id, 0, d->priorityStreak, nowMs()));
        QueueEvent e = event(EventKind::Postponed, actor, &ticket, &d.value());
        e.detail = QString::number((until - nowMs()) / 60000) + QStringLiteral(" min");
        CNAP_TRY(repo.appendEvent(e));
        ticket.state = TicketState::Waiting;
        ticket.callableFromMs = until;
        ticket.deskId = 0;
        return ticket;
    });
}

Status QueueService::confirmPriority(const Actor &actor, const QString &deskName, const QString &personId)
{
    CNAP_TRY(checkDesk(actor, deskName));
    if (personId.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("person"), tr("вкажіть ідентифікатор особи з пред'явленого документа"));
    return inTransaction([&](QueueRepository &repo) -> Status {
        auto d = lockDesk(repo, deskName);
        if (!d)
            return d.error();
        auto t = activeTicket(repo, d.value());
        if (!t)
            return t.error();
        const Ticket &ticket = t.value();
        if (ticket.kind != TicketKind::Priority)
            return illegal(tr("талон %1 не є пільговим").arg(ticket.number));
        auto hash = personHash(repo, personId);
        if (!hash)
            return hash.error();
        for (const QString &code : ticket.services) {
            auto owner = repo.priorityUseTicket(ticket.serviceDay, code, hash.value());
            if (!owner)
                return owner.error();
            if (owner.value() == 0) {
                CNAP_TRY(repo.recordPriorityUse(ticket.serviceDay, code, hash.value(), ticket.categoryKey, ticket.id));
            } else if (owner.value() != ticket.id) {
                // Recorded today by another visit: the day's right is spent.
                return Error{ErrorCode::Conflict,
                             tr("цій особі сьогодні вже надавали позачергове обслуговування з послуги «%1»").arg(code),
                             QStringLiteral("priority")};
            }
        }
        return repo.appendEvent(event(EventKind::PriorityConfirmed, actor, &ticket, &d.value()));
    });
}

// --- centre --------------------------------------------------------------------------------

Status QueueService::pauseCentre(const Actor &actor, const QString &reason)
{
    CNAP_TRY(require(actor, Permission::QueuePauseCentre));
    return inTransaction([&](QueueRepository &repo) -> Status {
        auto open = repo.openPause();
        if (!open)
            return open.error();
        if (open.value())
            return illegal(tr("роботу центру вже призупинено"));
        const QString text = reason.trimmed().isEmpty() ? tr("Повітряна тривога") : reason.trimmed();
        CNAP_TRY(repo.startPause(nowMs(), text, actor.login));
        QueueEvent e = event(EventKind::CentrePaused, actor, nullptr, nullptr);
        e.detail = text;
        return repo.appendEvent(e);
    });
}

Status QueueService::resumeCentre(const Actor &actor)
{
    CNAP_TRY(require(actor, Permission::QueuePauseCentre));
    return inTransaction([&](QueueRepository &repo) -> Status {
        auto open = repo.openPause();
        if (!open)
            return open.error();
        if (!open.value())
            return illegal(tr("робота центру не призупинена"));
        CNAP_TRY(repo.endPause(nowMs(), actor.login));
        return repo.appendEvent(event(EventKind::CentreResumed, actor, nullptr, nullptr));
    });
}

} // namespace cnap::services
