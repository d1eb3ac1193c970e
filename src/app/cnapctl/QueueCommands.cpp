// cnapctl queue …: the electronic queue from the command line (scripts, tests,
// emergencies).  Output contract: `issue` and `call` print the ticket number as
// their LAST line; `call` exits 3 when nobody waits for the desk.
#include "Cli.h"

#include "services/QueueService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace cnap::cli {
namespace {

using namespace cnap::queue;
using services::QueueService;

QString tr(const char *s) { return QCoreApplication::translate("cnapctl", s); }

const QCommandLineOption kDesk(QStringLiteral("desk"), QStringLiteral("desk (вікно)"), QStringLiteral("DESK"));

QString minutes(std::optional<qint64> secs)
{
    if (!secs)
        return QStringLiteral("—");
    return QStringLiteral("%1 хв").arg((*secs + 59) / 60);
}

/// Opens the database and builds the service; on failure prints and returns the exit code.
struct Session {
    std::unique_ptr<QueueService> service;
    int failure = -1;
};
Session open(Context &ctx)
{
    Session s;
    auto db = ctx.openDatabase();
    if (!db) {
        s.failure = ctx.fail(db.error());
        return s;
    }
    s.service = std::make_unique<QueueService>(db.value());
    return s;
}

QString describeTicket(const Ticket &t)
{
    return tr("талон %1, послуга %2, стан %3").arg(t.number, t.services.join(QStringLiteral(", ")), stateKey(t.state));
}

int runIssue(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption service(QStringLiteral("service"), QStringLiteral("service code (repeatable: several services, one visit)"), QStringLiteral("CODE"));
    const QCommandLineOption priority(QStringLiteral("priority"), QStringLiteral("priority category key"), QStringLiteral("CATEGORY"));
    const QCommandLineOption person(QStringLiteral("person"), QStringLiteral("person identifier for the once-a-day priority limit"), QStringLiteral("ID"));
    p.addOptions({service, priority, person});
    if (!ctx.parse(p, QStringLiteral("queue issue")))
        return ExitUsage;
    if (!p.isSet(service))
        return ctx.usage(tr("queue issue: вкажіть --service КОД"));
    auto s = open(ctx);
    if (!s.service)
        return s.failure;
    services::IssueRequest req;
    for (const QString &v : p.values(service))
        req.serviceCodes << v.split(u',', Qt::SkipEmptyParts);
    req.priority = p.isSet(priority);
    req.priorityCategory = p.value(priority);
    req.personId = p.value(person);
    req.source = QStringLiteral("cli");
    auto r = s.service->issueTicket(Actor::system(), req);
    if (!r)
        return ctx.fail(r.error());
    ctx.out() << tr("черга: %1; перед вами: %2; орієнтовне очікування: %3").arg(r->queueName).arg(r->ahead).arg(minutes(r->estimatedWaitSecs)) << '\n';
    ctx.out() << r->ticket.number << Qt::endl;
    return ExitOk;
}

int runCall(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption service(QStringLiteral("service"), QStringLiteral("call only this service"), QStringLiteral("CODE"));
    p.addOptions({kDesk, service});
    if (!ctx.parse(p, QStringLiteral("queue call")))
        return ExitUsage;
    if (!p.isSet(kDesk))
        return ctx.usage(tr("queue call: вкажіть --desk ВІКНО"));
    auto s = open(ctx);
    if (!s.service)
        return s.failure;
    auto r = s.service->callNext(Actor::system(), p.value(kDesk), p.value(service));
    if (!r)
        return ctx.fail(r.error());
    if (!r.value()) {
        ctx.err() << tr("до вікна %1 ніхто не чекає").arg(p.value(kDesk)) << Qt::endl;
        return ExitNothing;
    }
    ctx.out() << tr("вікно %1: %2").arg(p.value(kDesk), describeTicket(*r.value())) << '\n';
    ctx.out() << r.value()->number << Qt::endl;
    return ExitOk;
}

/// Desk commands that act on the desk's current ticket and print it last.
int runDeskTicketCommand(Context &ctx, const QString &name,
                         const std::function<Result<Ticket>(QueueService &, const QString &, QCommandLineParser &)> &action,
                         const QList<QCommandLineOption> &extra = {})
{
    QCommandLineParser p;
    p.addOption(kDesk);
    p.addOptions(extra);
    if (!ctx.parse(p, name))
        return ExitUsage;
    if (!p.isSet(kDesk))
        return ctx.usage(tr("%1: вкажіть --desk ВІКНО").arg(name));
    auto s = open(ctx);
    if (!s.service)
        return s.failure;
    auto r = action(*s.service, p.value(kDesk), p);
    if (!r)
        return ctx.fail(r.error());
    ctx.out() << tr("вікно %1: %2").arg(p.value(kDesk), describeTicket(r.value())) << '\n';
    ctx.out() << r->number << Qt::endl;
    return ExitOk;
}

const QCommandLineOption kOutcome(QStringLiteral("outcome"), QStringLiteral("case-registered|consultation|refused"), QStringLiteral("OUTCOME"));
const QCommandLineOption kTicket(QStringLiteral("ticket"), QStringLiteral("ticket number"), QStringLiteral("NUMBER"));
const QCommandLineOption kToService(QStringLiteral("to-service"), QStringLiteral("redirect to this service"), QStringLiteral("CODE"));
const QCommandLineOption kToDesk(QStringLiteral("to-desk"), QStringLiteral("redirect to this desk"), QStringLiteral("DESK"));
const QCommandLineOption kMinutes(QStringLiteral("minutes"), QStringLiteral("postpone by minutes"), QStringLiteral("N"));

int runFinish(Context &ctx)
{
    return runDeskTicketCommand(ctx, QStringLiteral("queue finish"), [](QueueService &q, const QString &desk, QCommandLineParser &p) -> Result<Ticket> {
        Outcome outcome = Outcome::Consultation;
        if (p.isSet(kOutcome)) {
            auto o = outcomeFromKey(p.value(kOutcome));
            if (!o)
                return o.error();
            outcome = o.value();
        }
        return q.finish(Actor::system(), desk, outcome);
    }, {kOutcome});
}

int runRecall(Context &ctx)
{
    return runDeskTicketCommand(ctx, QStringLiteral("queue recall"), [](QueueService &q, const QString &desk, QCommandLineParser &) {
        return q.recall(Actor::system(), desk);
    });
}

int runStart(Context &ctx)
{
    return runDeskTicketCommand(ctx, QStringLiteral("queue start"), [](QueueService &q, const QString &desk, QCommandLineParser &) {
        return q.startService(Actor::system(), desk);
    });
}

int runNoShow(Context &ctx)
{
    return runDeskTicketCommand(ctx, QStringLiteral("queue no-show"), [](QueueService &q, const QString &desk, QCommandLineParser &) {
        return q.markNoShow(Actor::system(), desk);
    });
}

int runReturn(Context &ctx)
{
    return runDeskTicketCommand(ctx, QStringLiteral("queue return"), [](QueueService &q, const QString &desk, QCommandLineParser &p) -> Result<Ticket> {
        if (!p.isSet(kTicket))
            return Error::invalid(QStringLiteral("--ticket"), tr("вкажіть номер талона"));
        return q.returnToQueue(Actor::system(), desk, p.value(kTicket));
    }, {kTicket});
}

int runRedirect(Context &ctx)
{
    return runDeskTicketCommand(ctx, QStringLiteral("queue redirect"), [](QueueService &q, const QString &desk, QCommandLineParser &p) {
        return q.redirect(Actor::system(), desk, services::RedirectTarget{p.value(kToService), p.value(kToDesk)});
    }, {kToService, kToDesk});
}

int runPostpone(Context &ctx)
{
    return runDeskTicketCommand(ctx, QStringLiteral("queue postpone"), [](QueueService &q, const QString &desk, QCommandLineParser &p) -> Result<Ticket> {
        bool ok = true;
        const int m = p.isSet(kMinutes) ? p.value(kMinutes).toInt(&ok) : 0;
        if (!ok || m < 0)
            return Error::invalid(QStringLiteral("--minutes"), tr("кількість хвилин має бути додатним цілим числом"));
        return q.postpone(Actor::system(), desk, m);
    }, {kMinutes});
}

int runDeskState(Context &ctx, const QString &name, DeskState state)
{
    QCommandLineParser p;
    p.addOption(kDesk);
    if (!ctx.parse(p, name))
        return ExitUsage;
    if (!p.isSet(kDesk))
        return ctx.usage(tr("%1: вкажіть --desk ВІКНО").arg(name));
    auto s = open(ctx);
    if (!s.service)
        return s.failure;
    Result<Desk> r = state == DeskState::Open     ? s.service->openDesk(Actor::system(), p.value(kDesk))
                     : state == DeskState::Paused ? s.service->pauseDesk(Actor::system(), p.value(kDesk))
                                                  : s.service->closeDesk(Actor::system(), p.value(kDesk));
    if (!r)
        return ctx.fail(r.error());
    ctx.out() << tr("вікно %1: %2").arg(r->name, deskStateKey(r->state)) << Qt::endl;
    return ExitOk;
}

int runPauseCentre(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("shown on the display"), QStringLiteral("TEXT"));
    p.addOption(reason);
    if (!ctx.parse(p, QStringLiteral("queue pause-centre")))
        return ExitUsage;
    auto s = open(ctx);
    if (!s.service)
        return s.failure;
    if (auto st = s.service->pauseCentre(Actor::system(), p.value(reason)); !st)
        return ctx.fail(st.error());
    ctx.out() << tr("роботу центру призупинено: виклики заборонено, очікування зупинено") << Qt::endl;
    return ExitOk;
}

int runResumeCentre(Context &ctx)
{
    QCommandLineParser p;
    if (!ctx.parse(p, QStringLiteral("queue resume-centre")))
        return ExitUsage;
    auto s = open(ctx);
    if (!s.service)
        return s.failure;
    if (auto st = s.service->resumeCentre(Actor::system()); !st)
        return ctx.fail(st.error());
    ctx.out() << tr("роботу центру відновлено") << Qt::endl;
    return ExitOk;
}

int runBook(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption service(QStringLiteral("service"), QStringLiteral("service code"), QStringLiteral("CODE"));
    const QCommandLineOption slot(QStringLiteral("slot"), QStringLiteral("local slot start, yyyy-MM-ddTHH:mm"), QStringLiteral("TIME"));
    const QCommandLineOption person(QStringLiteral("person"), QStringLiteral("person identifier (hashed, never stored)"), QStringLiteral("ID"));
    p.addOptions({service, slot, person});
    if (!ctx.parse(p, QStringLiteral("queue book")))
        return ExitUsage;
    if (!p.isSet(service) || !p.isSet(slot) || !p.isSet(person))
        return ctx.usage(tr("queue book: вкажіть --service КОД --slot РРРР-ММ-ДДTГГ:ХХ --person ІДЕНТИФІКАТОР"));
    const QDateTime when = QDateTime::fromString(p.value(slot), QStringLiteral("yyyy-MM-ddTHH:mm"));
    if (!when.isValid())
        return ctx.fail(Error::invalid(QStringLiteral("--slot"), tr("час запису має вигляд РРРР-ММ-ДДTГГ:ХХ, а не «%1»").arg(p.value(slot))));
    auto s = open(ctx);
    if (!s.service)
        return s.failure;
    auto r = s.service->book(Actor::system(), services::BookingRequest{p.value(service), when, p.value(person)});
    if (!r)
        return ctx.fail(r.error());
    ctx.out() << tr("записано на %1; код для реєстрації:").arg(when.toString(QStringLiteral("dd.MM.yyyy HH:mm"))) << '\n' << r->code << Qt::endl;
    return ExitOk;
}

int runCheckIn(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption code(QStringLiteral("code"), QStringLiteral("booking code"), QStringLiteral("CODE"));
    p.addOption(code);
    if (!ctx.parse(p, QStringLiteral("queue check-in")))
        return ExitUsage;
    if (!p.isSet(code))
        return ctx.usage(tr("queue check-in: вкажіть --code КОД"));
    auto s = open(ctx);
    if (!s.service)
        return s.failure;
    auto r = s.service->checkIn(Actor::system(), p.value(code));
    if (!r)
        return ctx.fail(r.error());
    ctx.out() << (r->ticket.kind == TicketKind::Booked ? tr("за записом; виклик о %1").arg(QDateTime::fromMSecsSinceEpoch(r->ticket.callableFromMs).toLocalTime().toString(QStringLiteral("HH:mm")))
                                                       : tr("запізнення понад допустиме: талон загальної черги"))
              << '\n' << r->ticket.number << Qt::endl;
    return ExitOk;
}

int runStatus(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("JSON output"));
    p.addOption(json);
    if (!ctx.parse(p, QStringLiteral("queue status")))
        return ExitUsage;
    auto s = open(ctx);
    if (!s.service)
        return s.failure;
    auto b = s.service->board(Actor::system(), 10);
    if (!b)
        return ctx.fail(b.error());
    if (p.isSet(json)) {
        QJsonArray queues;
        for (const QueueSnapshot &q : b->queues) {
            queues.append(QJsonObject{{QStringLiteral("prefix"), q.prefix},
                                      {QStringLiteral("name"), q.name},
                                      {QStringLiteral("waiting"), q.waiting},
                                      {QStringLiteral("longestWaitSecs"), q.longestWaitSecs},
                                      {QStringLiteral("estimatedWaitSecs"), q.estimatedWaitSecs ? QJsonValue(*q.estimatedWaitSecs) : QJsonValue()},
                                      {QStringLiteral("issuedToday"), q.issuedToday},
                                      {QStringLiteral("openDesks"), q.openDesks}});
        }
        QJsonArray desks;
        for (const DeskSnapshot &d : b->desks) {
            desks.append(QJsonObject{{QStringLiteral("name"), d.name},
                                     {QStringLiteral("state"), deskStateKey(d.state)},
                                     {QStringLiteral("clerk"), d.clerk},
                                     {QStringLiteral("currentTicket"), d.currentTicket.isEmpty() ? QJsonValue() : QJsonValue(d.currentTicket)},
                                     {QStringLiteral("currentState"), d.currentState ? QJsonValue(stateKey(*d.currentState)) : QJsonValue()},
                                     {QStringLiteral("services"), QJsonArray::fromStringList(d.serviceCodes)}});
        }
        QJsonArray calls;
        for (const CallNotice &c : b->recentCalls)
            calls.append(QJsonObject{{QStringLiteral("ticket"), c.ticketNumber}, {QStringLiteral("desk"), c.deskName},
                                     {QStringLiteral("at"), QDateTime::fromMSecsSinceEpoch(c.atMs, Qt::UTC).toString(Qt::ISODate)},
                                     {QStringLiteral("recall"), c.recall}});
        printJson(ctx.out(), QJsonObject{{QStringLiteral("day"), b->serviceDay},
                                         {QStringLiteral("centrePaused"), b->centrePaused},
                                         {QStringLiteral("pauseReason"), b->pauseReason},
                                         {QStringLiteral("queues"), queues},
                                         {QStringLiteral("desks"), desks},
                                         {QStringLiteral("recentCalls"), calls}});
        return ExitOk;
    }
    QTextStream &out = ctx.out();
    out << tr("День %1").arg(b->serviceDay);
    if (b->centrePaused)
        out << tr(" — РОБОТУ ЦЕНТРУ ПРИЗУПИНЕНО: %1").arg(b->pauseReason);
    out << "\n\n";
    out << qSetFieldWidth(7) << Qt::left << tr("Черга") << qSetFieldWidth(40) << tr("Назва") << qSetFieldWidth(10) << tr("Чекають")
        << qSetFieldWidth(10) << tr("Найдовше") << qSetFieldWidth(10) << tr("Оцінка") << qSetFieldWidth(8) << tr("Видано")
        << qSetFieldWidth(0) << tr("Вікон") << '\n';
    for (const QueueSnapshot &q : b->queues) {
        out << qSetFieldWidth(7) << q.prefix << qSetFieldWidth(40) << q.name.left(38) << qSetFieldWidth(10) << q.waiting
            << qSetFieldWidth(10) << minutes(q.waiting ? std::optional<qint64>(q.longestWaitSecs) : std::optional<qint64>(0))
            << qSetFieldWidth(10) << minutes(q.estimatedWaitSecs) << qSetFieldWidth(8) << q.issuedToday << qSetFieldWidth(0)
            << q.openDesks << '\n';
    }
    out << '\n' << qSetFieldWidth(7) << tr("Вікно") << qSetFieldWidth(10) << tr("Стан") << qSetFieldWidth(16) << tr("Працює")
        << qSetFieldWidth(0) << tr("Талон") << '\n';
    for (const DeskSnapshot &d : b->desks) {
        out << qSetFieldWidth(7) << d.name << qSetFieldWidth(10) << deskStateKey(d.state) << qSetFieldWidth(16) << d.clerk
            << qSetFieldWidth(0) << d.currentTicket << '\n';
    }
    out << Qt::reset;
    out.flush();
    return ExitOk;
}

int runCategories(Context &ctx)
{
    QCommandLineParser p;
    if (!ctx.parse(p, QStringLiteral("queue categories")))
        return ExitUsage;
    auto s = open(ctx);
    if (!s.service)
        return s.failure;
    auto cats = s.service->categories(Actor::system());
    if (!cats)
        return ctx.fail(cats.error());
    for (const PriorityCategory &c : cats.value())
        ctx.out() << c.key << '\t' << c.name << '\t' << tr("документ: %1").arg(c.proof) << '\n';
    ctx.out().flush();
    return ExitOk;
}

const Registrar issueCmd({QStringLiteral("queue"), QStringLiteral("issue")}, QStringLiteral("видати талон: --service КОД [--priority КАТЕГОРІЯ [--person ІД]]"), runIssue);
const Registrar callCmd({QStringLiteral("queue"), QStringLiteral("call")}, QStringLiteral("викликати наступного: --desk ВІКНО (код 3 — ніхто не чекає)"), runCall);
const Registrar recallCmd({QStringLiteral("queue"), QStringLiteral("recall")}, QStringLiteral("повторний виклик: --desk ВІКНО"), runRecall);
const Registrar startCmd({QStringLiteral("queue"), QStringLiteral("start")}, QStringLiteral("почати обслуговування: --desk ВІКНО"), runStart);
const Registrar finishCmd({QStringLiteral("queue"), QStringLiteral("finish")}, QStringLiteral("завершити: --desk ВІКНО [--outcome case-registered|consultation|refused]"), runFinish);
const Registrar noShowCmd({QStringLiteral("queue"), QStringLiteral("no-show")}, QStringLiteral("відвідувач не з'явився: --desk ВІКНО"), runNoShow);
const Registrar returnCmd({QStringLiteral("queue"), QStringLiteral("return")}, QStringLiteral("повернути неявку до черги: --desk ВІКНО --ticket НОМЕР"), runReturn);
const Registrar redirectCmd({QStringLiteral("queue"), QStringLiteral("redirect")}, QStringLiteral("перенаправити: --desk ВІКНО [--to-service КОД] [--to-desk ВІКНО]"), runRedirect);
const Registrar postponeCmd({QStringLiteral("queue"), QStringLiteral("postpone")}, QStringLiteral("відкласти: --desk ВІКНО [--minutes N]"), runPostpone);
const Registrar openCmd({QStringLiteral("queue"), QStringLiteral("open")}, QStringLiteral("відкрити вікно: --desk ВІКНО"),
                        [](Context &c) { return runDeskState(c, QStringLiteral("queue open"), DeskState::Open); });
const Registrar pauseCmd({QStringLiteral("queue"), QStringLiteral("pause")}, QStringLiteral("перерва вікна: --desk ВІКНО"),
                         [](Context &c) { return runDeskState(c, QStringLiteral("queue pause"), DeskState::Paused); });
const Registrar resumeCmd({QStringLiteral("queue"), QStringLiteral("resume")}, QStringLiteral("відновити роботу вікна: --desk ВІКНО"),
                          [](Context &c) { return runDeskState(c, QStringLiteral("queue resume"), DeskState::Open); });
const Registrar closeCmd({QStringLiteral("queue"), QStringLiteral("close")}, QStringLiteral("закрити вікно: --desk ВІКНО"),
                         [](Context &c) { return runDeskState(c, QStringLiteral("queue close"), DeskState::Closed); });
const Registrar pauseCentreCmd({QStringLiteral("queue"), QStringLiteral("pause-centre")}, QStringLiteral("призупинити центр (тривога) [--reason ТЕКСТ]"), runPauseCentre);
const Registrar resumeCentreCmd({QStringLiteral("queue"), QStringLiteral("resume-centre")}, QStringLiteral("відновити роботу центру"), runResumeCentre);
const Registrar bookCmd({QStringLiteral("queue"), QStringLiteral("book")}, QStringLiteral("записати на час: --service КОД --slot ЧАС --person ІД"), runBook);
const Registrar checkInCmd({QStringLiteral("queue"), QStringLiteral("check-in")}, QStringLiteral("реєстрація за записом: --code КОД"), runCheckIn);
const Registrar statusCmd({QStringLiteral("queue"), QStringLiteral("status")}, QStringLiteral("стан черг і вікон [--json]"), runStatus);
const Registrar categoriesCmd({QStringLiteral("queue"), QStringLiteral("categories")}, QStringLiteral("пільгові категорії (ключ першим)"), runCategories);

} // namespace
} // namespace cnap::cli
