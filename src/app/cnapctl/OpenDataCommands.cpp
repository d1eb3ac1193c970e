// cnapctl opendata export --month YYYY-MM --out DIR: the month's anonymised
// aggregates as CSV and JSON (docs/opendata.md).
#include "Cli.h"

#include "services/OpenDataService.h"

#include <QCoreApplication>

namespace cnap::cli {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnapctl", s); }

int runExport(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption month(QStringLiteral("month"), QStringLiteral("the month, YYYY-MM"), QStringLiteral("MONTH"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("existing folder to write cnap-YYYY-MM.csv/.json"),
                                 QStringLiteral("DIR"));
    p.addOptions({month, out});
    if (!ctx.parse(p, QStringLiteral("opendata export")))
        return ExitUsage;
    if (!p.positionalArguments().isEmpty())
        return ctx.usage(tr("зайві аргументи: %1").arg(p.positionalArguments().join(u' ')));
    if (!p.isSet(month) || !p.isSet(out))
        return ctx.usage(tr("вкажіть --month РРРР-ММ і --out ТЕКА"));
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::OpenDataService svc(db.value());
    auto files = svc.exportMonth(Actor::system(), p.value(month), p.value(out));
    if (!files)
        return ctx.fail(files.error());
    ctx.out() << files->csvPath << Qt::endl << files->jsonPath << Qt::endl;
    ctx.err() << tr("відкриті дані за %1: %2 рядків").arg(p.value(month)).arg(files->rows) << Qt::endl;
    return ExitOk;
}

const Registrar exportCmd({QStringLiteral("opendata"), QStringLiteral("export")},
                          QStringLiteral("відкриті дані за місяць: знеособлені агрегати CSV і JSON (--month РРРР-ММ --out ТЕКА)"),
                          runExport);

} // namespace
} // namespace cnap::cli
