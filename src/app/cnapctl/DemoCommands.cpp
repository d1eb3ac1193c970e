// cnapctl demo: a demo centre (services, queues, desks 1…10, clerks, today's history).
#include "Cli.h"

#include "services/DemoCentre.h"

#include <QCoreApplication>

namespace cnap::cli {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnapctl", s); }

int runDemo(Context &ctx)
{
    QCommandLineParser p;
    if (!ctx.parse(p, QStringLiteral("demo")))
        return ExitUsage;
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::DemoCentre demo(db.value());
    auto r = demo.setUp(Actor::system());
    if (!r)
        return ctx.fail(r.error());
    QTextStream &out = ctx.out();
    if (r->catalogueImported)
        out << tr("імпортовано каталог послуг") << '\n';
    out << tr("послуг у чергах: %1; черг: %2; вікон: %3").arg(r->services).arg(r->queues).arg(r->desks) << '\n';
    if (!r->clerksCreated.isEmpty()) {
        out << tr("створено облікові записи адміністраторів (тимчасовий пароль, змінити при першому вході):") << '\n';
        for (const QString &c : std::as_const(r->clerksCreated))
            out << "  " << c << '\n';
    }
    if (r->clerksExisting > 0)
        out << tr("облікових записів уже було: %1").arg(r->clerksExisting) << '\n';
    for (const QString &n : std::as_const(r->notes))
        out << tr("примітка: %1").arg(n) << '\n';
    out << tr("історія дня: видано %1 талонів; зараз чекають: %2").arg(r->ticketsIssued).arg(r->waitingNow) << Qt::endl;
    return ExitOk;
}

const Registrar demoCmd({QStringLiteral("demo")}, QStringLiteral("демонстраційний центр: послуги, черги, вікна 1…10, адміністратори, історія дня"), runDemo);

} // namespace
} // namespace cnap::cli
