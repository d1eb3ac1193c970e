// cnapctl audit …: verify the hash chain, export its anchor, list entries.
#include "Cli.h"

#include "services/AuditService.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

namespace cnap::cli {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnapctl", s); }

int runVerify(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption anchorFile(QStringLiteral("anchor"), QStringLiteral("anchor file from 'audit anchor --out'"), QStringLiteral("FILE"));
    p.addOption(anchorFile);
    if (!ctx.parse(p, QStringLiteral("audit verify")))
        return ExitUsage;
    std::optional<security::AuditAnchor> anchor;
    if (p.isSet(anchorFile)) {
        QFile f(p.value(anchorFile));
        if (!f.open(QIODevice::ReadOnly))
            return ctx.fail(Error::invalid(QStringLiteral("--anchor"), tr("не вдалося прочитати файл якоря %1: %2").arg(f.fileName(), f.errorString())));
        auto parsed = security::AuditAnchor::parse(QString::fromUtf8(f.readAll()));
        if (!parsed)
            return ctx.fail(parsed.error());
        anchor = parsed.value();
    }
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::AuditService audit(db.value());
    auto v = audit.verify(Actor::system(), anchor);
    if (!v)
        return ctx.fail(v.error());
    if (!v->ok()) {
        ctx.err() << tr("ЖУРНАЛ АУДИТУ ПОШКОДЖЕНО: ") << v->message << Qt::endl;
        ctx.out() << "bad entry " << v->seq << Qt::endl;
        return ExitFailure;
    }
    ctx.out() << "ok " << v->entries << " entries" << Qt::endl;
    return ExitOk;
}

int runAnchor(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("write the anchor to FILE"), QStringLiteral("FILE"));
    p.addOption(out);
    if (!ctx.parse(p, QStringLiteral("audit anchor")))
        return ExitUsage;
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::AuditService audit(db.value());
    auto a = audit.anchor(Actor::system());
    if (!a)
        return ctx.fail(a.error());
    if (p.isSet(out)) {
        QSaveFile f(p.value(out));
        if (!f.open(QIODevice::WriteOnly) || f.write((a->toText() + u'\n').toUtf8()) < 0 || !f.commit())
            return ctx.fail(Error::make(ErrorCode::Io, tr("не вдалося записати файл якоря %1: %2").arg(p.value(out), f.errorString())));
    }
    ctx.out() << a->toText() << Qt::endl;
    return ExitOk;
}

Result<QDateTime> parseMoment(const QString &text, const QString &field, bool endOfDay)
{
    // A date alone means the whole day (local time), so --to 2024-05-31 includes that day.
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (d.isValid())
        return QDateTime(endOfDay ? d.addDays(1) : d, QTime(0, 0)).toUTC();
    const QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (t.isValid())
        return t.toUTC();
    return Error::invalid(field, tr("дата має бути у форматі РРРР-ММ-ДД або РРРР-ММ-ДДTгг:хх:сс"));
}

int runList(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("from date/time (inclusive)"), QStringLiteral("WHEN"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("to date (inclusive) or date/time (exclusive)"), QStringLiteral("WHEN"));
    const QCommandLineOption login(QStringLiteral("login"), QStringLiteral("only this login"), QStringLiteral("LOGIN"));
    const QCommandLineOption action(QStringLiteral("action"), QStringLiteral("only this action"), QStringLiteral("ACTION"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("at most N entries (1000)"), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("JSON output"));
    p.addOptions({from, to, login, action, limit, json});
    if (!ctx.parse(p, QStringLiteral("audit list")))
        return ExitUsage;
    security::AuditFilter f;
    if (p.isSet(from)) {
        auto t = parseMoment(p.value(from), QStringLiteral("--from"), false);
        if (!t)
            return ctx.fail(t.error());
        f.from = t.value();
    }
    if (p.isSet(to)) {
        const bool dateOnly = QDate::fromString(p.value(to), Qt::ISODate).isValid();
        auto t = parseMoment(p.value(to), QStringLiteral("--to"), dateOnly);
        if (!t)
            return ctx.fail(t.error());
        f.to = t.value();
    }
    f.login = p.value(login).trimmed().toLower();
    if (p.isSet(action)) {
        auto a = security::auditActionFromKey(p.value(action));
        if (!a)
            return ctx.fail(a.error());
        f.action = a.value();
    }
    bool okLimit = false;
    f.limit = p.value(limit).toInt(&okLimit);
    if (!okLimit)
        return ctx.fail(Error::invalid(QStringLiteral("--limit"), tr("має бути цілим числом")));
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::AuditService audit(db.value());
    auto entries = audit.list(Actor::system(), f);
    if (!entries)
        return ctx.fail(entries.error());
    if (p.isSet(json)) {
        QJsonArray arr;
        for (const auto &e : entries.value()) {
            arr.append(QJsonObject{
                {QStringLiteral("seq"), e.seq},
                {QStringLiteral("at"), e.at.toString(Qt::ISODateWithMs)},
                {QStringLiteral("login"), e.login},
                {QStringLiteral("role"), e.role},
                {QStringLiteral("desk"), e.desk},
                {QStringLiteral("action"), e.action},
                {QStringLiteral("objectType"), e.objectType},
                {QStringLiteral("objectId"), e.objectId},
                {QStringLiteral("details"), e.details},
            });
        }
        printJson(ctx.out(), arr);
        return ExitOk;
    }
    for (const auto &e : entries.value()) {
        ctx.out() << e.seq << '\t' << e.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << '\t' << e.login << '\t'
                  << e.desk << '\t' << e.action << '\t' << e.objectType << '\t' << e.objectId << '\t' << e.details << Qt::endl;
    }
    return ExitOk;
}

const Registrar verifyCmd({QStringLiteral("audit"), QStringLiteral("verify")},
                          QStringLiteral("[--anchor FILE]: перевірити ланцюжок журналу аудиту"), runVerify);
const Registrar anchorCmd({QStringLiteral("audit"), QStringLiteral("anchor")},
                          QStringLiteral("[--out FILE]: останній номер і хеш журналу аудиту (зберігайте поза базою)"), runAnchor);
const Registrar listCmd({QStringLiteral("audit"), QStringLiteral("list")},
                        QStringLiteral("[--from --to --login --action --limit] [--json]: записи журналу аудиту"), runList);

} // namespace
} // namespace cnap::cli
