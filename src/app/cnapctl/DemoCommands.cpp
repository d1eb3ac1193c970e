// cnapctl demo: a demo centre (services, queues, desks 1…10, clerks, today's history).
#include "Cli.h"

#include "services/DemoCentre.h"
#include "services/cases/CaseDemo.h"

#include <QCoreApplication>

namespace cnap::cli {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnapctl", s); }

int runDemo(Context &ctx)
{
    QCommandLineParser p;
    // --cases/--store: bulk demo cases (owned by the cases module, services/cases/CaseDemo).
    const QCommandLineOption casesOpt(QStringLiteral("cases"), tr("додати N демонстраційних справ за рік"), QStringLiteral("N"));
    const QCommandLineOption storeOpt(QStringLiteral("store"), tr("тека сховища документів"), QStringLiteral("DIR"));
    p.addOptions({casesOpt, storeOpt});
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
    if (p.isSet(casesOpt)) {
        bool numeric = false;
        const qint64 n = p.value(casesOpt).toLongLong(&numeric);
        if (!numeric)
            return ctx.fail(Error::invalid(QStringLiteral("--cases"), tr("очікується ціле число")));
        auto root = storage::DocumentStore::resolveRoot(db.value()->url(), p.value(storeOpt));
        if (!root)
            return ctx.fail(root.error());
        storage::DocumentStore store(root.value());
        auto filled = services::CaseDemo::fill(db.value(), store, n, QDate::currentDate(), [&](qint64 done, qint64 total) {
            ctx.err() << tr("справ: %1 з %2").arg(done).arg(total) << Qt::endl;
        });
        if (!filled)
            return ctx.fail(filled.error());
        out << tr("додано справ: %1, заявників: %2, записів історії: %3 за %4 с")
                   .arg(filled->cases).arg(filled->applicants).arg(filled->historyRows).arg(filled->elapsedMs / 1000.0, 0, 'f', 1)
            << Qt::endl;
    }
    return ExitOk;
}

const Registrar demoCmd({QStringLiteral("demo")}, QStringLiteral("демонстраційний центр: послуги, черги, вікна 1…10, адміністратори, історія дня"), runDemo);

} // namespace
} // namespace cnap::cli
