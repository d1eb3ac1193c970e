// cnapctl report NAME --from DATE --to DATE [--format csv|json] [filters] [--out FILE]:
// the supervisor console's reports for scripts, with the same numbers.
#include "Cli.h"

#include "core/reports/ReportFormat.h"
#include "services/ReportService.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace cnap::cli {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnapctl", s); }

int runReport(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("first day, YYYY-MM-DD"), QStringLiteral("DATE"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("last day (included), YYYY-MM-DD"), QStringLiteral("DATE"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("csv (default) or json"), QStringLiteral("FORMAT"),
                                    QStringLiteral("csv"));
    const QCommandLineOption service(QStringLiteral("service"), QStringLiteral("only this service code"), QStringLiteral("CODE"));
    const QCommandLineOption provider(QStringLiteral("provider"), QStringLiteral("only this provider"), QStringLiteral("NAME"));
    const QCommandLineOption desk(QStringLiteral("desk"), QStringLiteral("only this desk"), QStringLiteral("DESK"));
    const QCommandLineOption clerk(QStringLiteral("clerk"), QStringLiteral("only this clerk login"), QStringLiteral("LOGIN"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("write to FILE instead of stdout"), QStringLiteral("FILE"));
    p.addOptions({from, to, format, service, provider, desk, clerk, out});
    if (!ctx.parse(p, QStringLiteral("report")))
        return ExitUsage;
    QStringList kinds;
    for (reports::ReportKind k : reports::allReportKinds())
        kinds << reports::reportKey(k);
    if (p.positionalArguments().size() != 1)
        return ctx.usage(tr("вкажіть один звіт: %1").arg(kinds.join(QStringLiteral(", "))));
    auto kind = reports::reportFromKey(p.positionalArguments().constFirst());
    if (!kind)
        return ctx.usage(kind.error().message);
    if (!p.isSet(from) || !p.isSet(to))
        return ctx.usage(tr("вкажіть період: --from РРРР-ММ-ДД --to РРРР-ММ-ДД"));
    auto fmt = services::exportFormatFromKey(p.value(format));
    if (!fmt)
        return ctx.usage(fmt.error().describe());
    auto fromDate = reports::parseDate(p.value(from), QStringLiteral("--from"));
    if (!fromDate)
        return ctx.fail(fromDate.error());
    auto toDate = reports::parseDate(p.value(to), QStringLiteral("--to"));
    if (!toDate)
        return ctx.fail(toDate.error());
    auto period = reports::makePeriod(fromDate.value(), toDate.value());
    if (!period)
        return ctx.fail(period.error());
    reports::ReportFilter filter{p.value(service).trimmed(), p.value(provider).trimmed(), p.value(desk).trimmed(),
                                 p.value(clerk).trimmed()};
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    services::ReportService svc(db.value());
    auto table = svc.run(Actor::system(), kind.value(), period.value(), filter);
    if (!table)
        return ctx.fail(table.error());
    if (p.isSet(out)) {
        auto written = svc.exportTo(Actor::system(), table.value(), fmt.value(), p.value(out));
        if (!written)
            return ctx.fail(written.error());
        ctx.err() << tr("звіт записано: %1 (%2 рядків)").arg(p.value(out)).arg(table->rows.size()) << Qt::endl;
        return ExitOk;
    }
    if (fmt.value() == services::ExportFormat::Csv)
        ctx.out() << QString::fromUtf8(reports::toCsv(table.value()));
    else
        printJson(ctx.out(), reports::toJson(table.value()));
    ctx.out().flush();
    return ExitOk;
}

const Registrar reportCmd({QStringLiteral("report")},
                          QStringLiteral("звіт за період: visits | waits | noshows | cases | exchange | feedback (--from --to --format csv|json)"),
                          runReport);

} // namespace
} // namespace cnap::cli
