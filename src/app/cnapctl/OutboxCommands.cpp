// cnapctl exchange outbox|request|requeue|log|purge|online: the exchange outbox
// and message log from the command line (ExchangeService, role-checked as the
// cnapctl system actor).
#include "Cli.h"

#include "exchange/sync/SyncConfig.h"
#include "services/ExchangeService.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace cnap::cli {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnapctl", s); }

QString isoMs(qint64 ms) { return ms ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs) : QString(); }

QJsonObject itemJson(const storage::OutboxItem &i)
{
    return QJsonObject{{QStringLiteral("item"), double(i.id)},
                       {QStringLiteral("id"), i.messageId},
                       {QStringLiteral("caseNumber"), i.caseNumber},
                       {QStringLiteral("service"), i.serviceCode},
                       {QStringLiteral("state"), storage::outboxStateKey(i.state)},
                       {QStringLiteral("attempts"), i.attempts},
                       {QStringLiteral("lastError"), i.lastError},
                       {QStringLiteral("registryReference"), i.registryReference},
                       {QStringLiteral("result"), i.resultStatus},
                       {QStringLiteral("nextAttemptAt"), isoMs(i.nextAttemptMs)},
                       {QStringLiteral("updatedAt"), isoMs(i.updatedMs)}};
}

QCommandLineOption configOption()
{
    return QCommandLineOption(QStringLiteral("config"), tr("файл налаштувань обміну (типово /etc/cnap/syncd.conf, якщо є)"),
                              QStringLiteral("FILE"));
}

Result<exchange::sync::SyncConfig> loadConfig(const QString &given)
{
    QString file = given;
    if (file.isEmpty() && QFileInfo::exists(QStringLiteral("/etc/cnap/syncd.conf")))
        file = QStringLiteral("/etc/cnap/syncd.conf");
    if (file.isEmpty())
        return exchange::sync::SyncConfig{};
    auto c = exchange::sync::SyncConfig::load(file);
    if (!c)
        return Error::invalid(QStringLiteral("--config"), tr("%1: %2").arg(c.error().field, c.error().message));
    return c;
}

int runOutbox(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), tr("вивести JSON (масив об'єктів)"));
    const QCommandLineOption state(QStringLiteral("state"), tr("лише в цьому стані: pending, in-flight, done, dead"), QStringLiteral("STATE"));
    p.addOptions({json, state});
    if (!ctx.parse(p, QStringLiteral("exchange outbox")))
        return ExitUsage;
    if (!p.positionalArguments().isEmpty())
        return ctx.usage(tr("cnapctl --db URL exchange outbox [--json] [--state STATE]"));
    std::optional<storage::OutboxState> filter;
    if (p.isSet(state)) {
        auto s = storage::outboxStateFromKey(p.value(state));
        if (!s)
            return ctx.fail(Error::invalid(QStringLiteral("--state"), s.error().message), ExitUsage);
        filter = s.value();
    }
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::ExchangeService svc(db.value());
    QJsonArray all;
    qint64 after = 0;
    QList<storage::OutboxItem> items;
    for (;;) {
        auto page = svc.outbox(Actor::system(), filter, after, 1000);
        if (!page)
            return ctx.fail(page.error());
        items += page.value();
        if (page->size() < 1000)
            break;
        after = page->last().id;
    }
    if (p.isSet(json)) {
        for (const auto &i : items)
            all.append(itemJson(i));
        printJson(ctx.out(), all);
        return ExitOk;
    }
    for (const auto &i : items) {
        ctx.out() << i.id << '\t' << i.caseNumber << '\t' << i.serviceCode << '\t' << storage::outboxStateKey(i.state) << '\t'
                  << i.attempts << '\t' << i.messageId << '\t' << i.lastError << '\n';
    }
    ctx.out().flush();
    return ExitOk;
}

int runRequest(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption config = configOption();
    p.addOption(config);
    p.addPositionalArgument(QStringLiteral("CASE_NUMBER"), tr("номер справи"));
    if (!ctx.parse(p, QStringLiteral("exchange request")))
        return ExitUsage;
    if (p.positionalArguments().size() != 1)
        return ctx.usage(tr("cnapctl --db URL exchange request CASE_NUMBER [--config FILE]"));
    auto cfg = loadConfig(p.value(config));
    if (!cfg)
        return ctx.fail(cfg.error(), ExitUsage);
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::ExchangeService svc(db.value(), cfg.value());
    auto bytes = svc.dryRunRequest(Actor::system(), p.positionalArguments().first());
    if (!bytes)
        return ctx.fail(bytes.error());
    // The bytes exactly as they go on the wire: no newline added.
    ctx.out() << QString::fromUtf8(bytes.value());
    ctx.out().flush();
    return ExitOk;
}

int runRequeue(Context &ctx)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("ID"), tr("номер елемента черги або ідентифікатор повідомлення (UUID)"));
    if (!ctx.parse(p, QStringLiteral("exchange requeue")))
        return ExitUsage;
    if (p.positionalArguments().size() != 1)
        return ctx.usage(tr("cnapctl --db URL exchange requeue ID"));
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::ExchangeService svc(db.value());
    const QString arg = p.positionalArguments().first().trimmed();
    bool numeric = false;
    const qint64 id = arg.toLongLong(&numeric);
    const Status st = numeric ? svc.requeue(Actor::system(), id) : svc.requeueMessage(Actor::system(), arg);
    if (!st)
        return ctx.fail(st.error());
    ctx.out() << tr("повідомлення знову в черзі: %1").arg(arg) << Qt::endl;
    return ExitOk;
}

int runLog(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), tr("вивести JSON"));
    const QCommandLineOption limit(QStringLiteral("limit"), tr("скільки записів (типово 100)"), QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption message(QStringLiteral("message"), tr("лише цього повідомлення (UUID)"), QStringLiteral("ID"));
    p.addOptions({json, limit, message});
    if (!ctx.parse(p, QStringLiteral("exchange log")))
        return ExitUsage;
    bool ok = false;
    const int n = p.value(limit).toInt(&ok);
    if (!ok || n < 1 || n > 10000)
        return ctx.usage(tr("--limit має бути від 1 до 10000"));
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::ExchangeService svc(db.value());
    auto entries = svc.messageLog(Actor::system(), 0, n, p.value(message));
    if (!entries)
        return ctx.fail(entries.error());
    if (p.isSet(json)) {
        QJsonArray all;
        for (const auto &e : entries.value()) {
            all.append(QJsonObject{{QStringLiteral("entry"), double(e.id)},
                                   {QStringLiteral("id"), e.messageId},
                                   {QStringLiteral("caseNumber"), e.caseNumber},
                                   {QStringLiteral("service"), e.serviceCode},
                                   {QStringLiteral("direction"), e.direction},
                                   {QStringLiteral("at"), isoMs(e.atMs)},
                                   {QStringLiteral("httpStatus"), e.httpStatus},
                                   {QStringLiteral("sha256"), e.sha256},
                                   {QStringLiteral("outcome"), e.outcome}});
        }
        printJson(ctx.out(), all);
        return ExitOk;
    }
    for (const auto &e : entries.value())
        ctx.out() << isoMs(e.atMs) << '\t' << e.direction << '\t' << e.messageId << '\t' << e.caseNumber << '\t' << e.serviceCode << '\t'
                  << e.httpStatus << '\t' << e.sha256 << '\t' << e.outcome << '\n';
    ctx.out().flush();
    return ExitOk;
}

int runPurge(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption older(QStringLiteral("older-than"), tr("вилучити записи журналу обміну, старші за стільки днів"), QStringLiteral("DAYS"));
    p.addOption(older);
    if (!ctx.parse(p, QStringLiteral("exchange purge")))
        return ExitUsage;
    if (!p.isSet(older))
        return ctx.usage(tr("cnapctl --db URL exchange purge --older-than DAYS"));
    bool ok = false;
    const int days = p.value(older).toInt(&ok);
    if (!ok)
        return ctx.fail(Error::invalid(QStringLiteral("--older-than"), tr("очікується ціле число днів")), ExitUsage);
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::ExchangeService svc(db.value());
    auto n = svc.purgeLog(Actor::system(), days);
    if (!n)
        return ctx.fail(n.error());
    ctx.out() << tr("вилучено записів журналу обміну: %1").arg(n.value()) << Qt::endl;
    return n.value() > 0 ? ExitOk : ExitNothing;
}

int runOnline(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), tr("вивести JSON"));
    const QCommandLineOption all(QStringLiteral("all"), tr("разом із уже взятими в роботу"));
    p.addOptions({json, all});
    if (!ctx.parse(p, QStringLiteral("exchange online")))
        return ExitUsage;
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::ExchangeService svc(db.value());
    auto rows = svc.onlineApplications(Actor::system(), !p.isSet(all), 1000);
    if (!rows)
        return ctx.fail(rows.error());
    if (p.isSet(json)) {
        QJsonArray arr;
        for (const auto &r : rows.value())
            arr.append(QJsonObject{{QStringLiteral("id"), double(r.id)},
                                   {QStringLiteral("portalId"), r.portalId},
                                   {QStringLiteral("serviceCode"), r.serviceCode},
                                   {QStringLiteral("serviceTitle"), r.serviceTitle},
                                   {QStringLiteral("submittedAt"), r.submittedAt.toUTC().toString(Qt::ISODate)},
                                   {QStringLiteral("lastName"), r.lastName},
                                   {QStringLiteral("firstName"), r.firstName},
                                   {QStringLiteral("state"), r.state}});
        printJson(ctx.out(), arr);
        return ExitOk;
    }
    for (const auto &r : rows.value())
        ctx.out() << r.id << '\t' << r.portalId << '\t' << r.serviceCode << '\t' << r.lastName << ' ' << r.firstName << '\t' << r.state << '\n';
    ctx.out().flush();
    return ExitOk;
}

const Registrar outboxCmd({QStringLiteral("exchange"), QStringLiteral("outbox")}, QStringLiteral("черга обміну з реєстрами [--json] [--state S]"),
                          runOutbox);
const Registrar requestCmd({QStringLiteral("exchange"), QStringLiteral("request")},
                           QStringLiteral("наступний запит справи до реєстру, як його буде надіслано (нічого не надсилає)"), runRequest);
const Registrar requeueCmd({QStringLiteral("exchange"), QStringLiteral("requeue")},
                           QStringLiteral("повернути недоставлене повідомлення в чергу"), runRequeue);
const Registrar logCmd({QStringLiteral("exchange"), QStringLiteral("log")}, QStringLiteral("журнал обміну [--json] [--limit N] [--message ID]"),
                       runLog);
const Registrar purgeCmd({QStringLiteral("exchange"), QStringLiteral("purge")},
                         QStringLiteral("вилучити старі записи журналу обміну --older-than DAYS"), runPurge);
const Registrar onlineCmd({QStringLiteral("exchange"), QStringLiteral("online")},
                          QStringLiteral("заяви, подані онлайн через портал [--json] [--all]"), runOnline);

} // namespace
} // namespace cnap::cli
