// cnapctl user …  and  cnapctl login-check: accounts from the command line.
// cnapctl acts as Actor::system() (whoever has the database credentials can
// change anything anyway); its changes are audited under the login "cnapctl".
#include "Cli.h"

#include "services/AuthService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace cnap::cli {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnapctl", s); }

/// One line from stdin without the line break; the password never appears in argv.
QString readPasswordLine()
{
    QTextStream in(stdin);
    in.setEncoding(QStringConverter::Utf8);
    QString line = in.readLine();
    if (line.endsWith(u'\r'))
        line.chop(1);
    return line;
}

/// Parses "COMMAND LOGIN [--password-stdin]"; false after printing usage.
bool parseLoginCommand(Context &ctx, QCommandLineParser &p, const QString &name, bool passwordRequired, QString &login)
{
    if (!ctx.parse(p, name))
        return false;
    if (p.positionalArguments().size() != 1) {
        ctx.usage(tr("%1: потрібен рівно один ЛОГІН").arg(name));
        return false;
    }
    if (passwordRequired && !p.isSet(QStringLiteral("password-stdin"))) {
        ctx.usage(tr("%1: пароль читається лише зі стандартного вводу, вкажіть --password-stdin").arg(name));
        return false;
    }
    login = p.positionalArguments().constFirst();
    return true;
}

const QCommandLineOption kPasswordStdin(QStringLiteral("password-stdin"), QStringLiteral("read the password from stdin (one line)"));

int runUserAdd(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption role(QStringLiteral("role"), QStringLiteral("clerk|supervisor|admin|kiosk|display"), QStringLiteral("ROLE"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("display name"), QStringLiteral("NAME"));
    p.addOptions({role, name, kPasswordStdin});
    QString login;
    if (!parseLoginCommand(ctx, p, QStringLiteral("user add"), true, login))
        return ExitUsage;
    if (!p.isSet(role))
        return ctx.usage(tr("user add: вкажіть --role clerk|supervisor|admin|kiosk|display"));
    auto r = roleFromKey(p.value(role));
    if (!r)
        return ctx.fail(r.error());
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::AuthService auth(db.value());
    security::NewAccount account;
    account.login = login;
    account.displayName = p.value(name);
    account.role = r.value();
    account.password = readPasswordLine();
    // Device accounts have nobody at the keyboard to pick a new password.
    account.mustChangePassword = account.role != Role::Kiosk && account.role != Role::Display;
    auto id = auth.addUser(Actor::system(), account);
    if (!id)
        return ctx.fail(id.error());
    ctx.out() << tr("користувача %1 додано (роль %2)").arg(login.trimmed().toLower(), roleKey(account.role)) << Qt::endl;
    return ExitOk;
}

int runUserPasswd(Context &ctx)
{
    QCommandLineParser p;
    p.addOption(kPasswordStdin);
    // An administrator may set a password the user keeps (service and demo
    // accounts); the default is a temporary one that must be changed.
    const QCommandLineOption permanent(QStringLiteral("permanent"), QStringLiteral("the user need not change this password"));
    p.addOption(permanent);
    QString login;
    if (!parseLoginCommand(ctx, p, QStringLiteral("user passwd"), true, login))
        return ExitUsage;
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::AuthService auth(db.value());
    const bool mustChange = !p.isSet(permanent);
    if (auto st = auth.resetPassword(Actor::system(), login, readPasswordLine(), mustChange); !st)
        return ctx.fail(st.error());
    if (mustChange)
        ctx.out() << tr("пароль користувача %1 скинуто; під час наступного входу його треба змінити").arg(login) << Qt::endl;
    else
        ctx.out() << tr("пароль користувача %1 встановлено").arg(login) << Qt::endl;
    return ExitOk;
}

int runSetDisabled(Context &ctx, bool disabled)
{
    QCommandLineParser p;
    QString login;
    if (!parseLoginCommand(ctx, p, disabled ? QStringLiteral("user disable") : QStringLiteral("user enable"), false, login))
        return ExitUsage;
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::AuthService auth(db.value());
    if (auto st = auth.setDisabled(Actor::system(), login, disabled); !st)
        return ctx.fail(st.error());
    ctx.out() << (disabled ? tr("користувача %1 вимкнено") : tr("користувача %1 увімкнено")).arg(login) << Qt::endl;
    return ExitOk;
}

int runUserList(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("JSON output"));
    p.addOption(json);
    if (!ctx.parse(p, QStringLiteral("user list")))
        return ExitUsage;
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::AuthService auth(db.value());
    auto users = auth.listUsers(Actor::system());
    if (!users)
        return ctx.fail(users.error());
    const QDateTime now = Clock::system().now();
    if (p.isSet(json)) {
        QJsonArray arr;
        for (const auto &u : users.value()) {
            arr.append(QJsonObject{
                {QStringLiteral("login"), u.login},
                {QStringLiteral("name"), u.displayName},
                {QStringLiteral("role"), roleKey(u.role)},
                {QStringLiteral("state"), u.stateKey(now)},
                {QStringLiteral("mustChangePassword"), u.mustChangePassword},
            });
        }
        printJson(ctx.out(), arr);
        return ExitOk;
    }
    for (const auto &u : users.value())
        ctx.out() << u.login << '\t' << roleKey(u.role) << '\t' << u.stateKey(now) << Qt::endl;
    return ExitOk;
}

int runLoginCheck(Context &ctx)
{
    QCommandLineParser p;
    p.addOption(kPasswordStdin);
    QString login;
    if (!parseLoginCommand(ctx, p, QStringLiteral("login-check"), true, login))
        return ExitUsage;
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::AuthService auth(db.value());
    // A real login attempt: it counts toward lock-out and is audited.
    auto outcome = auth.login(login, readPasswordLine(), QStringLiteral("cnapctl"));
    if (!outcome)
        return ctx.fail(outcome.error());
    ctx.out() << tr("пароль правильний (роль %1)").arg(roleKey(outcome->actor.role)) << Qt::endl;
    if (outcome->mustChangePassword)
        ctx.out() << tr("увага: під час наступного входу пароль треба змінити") << Qt::endl;
    return ExitOk;
}

const Registrar addCmd({QStringLiteral("user"), QStringLiteral("add")},
                       QStringLiteral("ЛОГІН --role РОЛЬ --password-stdin [--name ІМ'Я]: додати користувача"), runUserAdd);
const Registrar passwdCmd({QStringLiteral("user"), QStringLiteral("passwd")},
                          QStringLiteral("ЛОГІН --password-stdin: скинути пароль (змінити під час входу)"), runUserPasswd);
const Registrar disableCmd({QStringLiteral("user"), QStringLiteral("disable")}, QStringLiteral("ЛОГІН: вимкнути обліковий запис"),
                           [](Context &c) { return runSetDisabled(c, true); });
const Registrar enableCmd({QStringLiteral("user"), QStringLiteral("enable")},
                          QStringLiteral("ЛОГІН: увімкнути обліковий запис (і зняти блокування)"),
                          [](Context &c) { return runSetDisabled(c, false); });
const Registrar listCmd({QStringLiteral("user"), QStringLiteral("list")}, QStringLiteral("[--json]: користувачі, ролі, стан"), runUserList);
const Registrar checkCmd({QStringLiteral("login-check")},
                         QStringLiteral("ЛОГІН --password-stdin: перевірити пароль (рахується як спроба входу)"), runLoginCheck);

} // namespace
} // namespace cnap::cli
