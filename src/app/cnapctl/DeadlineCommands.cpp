// cnapctl deadline: the due date of an administrative-procedure term
// (Art. 33 of Law 2073-IX) on the working-day calendar.  No database needed.
// The due date YYYY-MM-DD is always the last line of the output.
#include "Cli.h"

#include "core/calendar/Deadline.h"
#include "core/calendar/WorkingCalendar.h"

#include <QCoreApplication>
#include <QMap>

namespace cnap::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cnapctl", text);
}

// An invalid value is reported with the option that carried it.
int failOption(Context &ctx, const QString &option, const QString &message)
{
    return ctx.fail(Error::invalid(option, message));
}

int runDeadline(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption fromOpt(QStringLiteral("from"), tr("дата події (РРРР-ММ-ДД або РРРР-ММ-ДДTГГ:ХХ)"), QStringLiteral("DATE"));
    const QCommandLineOption termOpt(QStringLiteral("term"), tr("тривалість строку"), QStringLiteral("N"));
    const QCommandLineOption unitOpt(QStringLiteral("unit"), QStringLiteral("working-days | calendar-days | hours | auto"), QStringLiteral("UNIT"));
    const QCommandLineOption martialOpt(QStringLiteral("martial-law"), tr("воєнний стан: on (типово) або off"), QStringLiteral("on|off"));
    const QCommandLineOption closureOpt(QStringLiteral("closure"), tr("додатковий неробочий день (можна кілька разів)"), QStringLiteral("DATE"));
    const QCommandLineOption workingOpt(QStringLiteral("working-day"), tr("додатковий робочий день (можна кілька разів)"), QStringLiteral("DATE"));
    p.addOptions({fromOpt, termOpt, unitOpt, martialOpt, closureOpt, workingOpt});
    if (!ctx.parse(p, QStringLiteral("deadline")))
        return ExitUsage;
    if (!p.positionalArguments().isEmpty())
        return ctx.usage(tr("зайві аргументи: %1").arg(p.positionalArguments().join(u' ')));
    for (const auto *opt : {&fromOpt, &termOpt, &unitOpt}) {
        if (!p.isSet(*opt))
            return ctx.usage(tr("не вказано --%1 (cnapctl deadline --from РРРР-ММ-ДД --term N --unit ОДИНИЦЯ [--martial-law on|off])")
                                 .arg(opt->names().constFirst()));
    }

    // --from: a date, or a date with a time for terms in hours.
    const QString fromText = p.value(fromOpt).trimmed();
    QDateTime fromMoment;
    QDate fromDate;
    if (fromText.size() > 10) {
        fromMoment = QDateTime::fromString(fromText, Qt::ISODate);
        fromDate = fromMoment.date();
    } else if (fromText.size() == 10) {
        fromDate = QDate::fromString(fromText, Qt::ISODate);
    }
    if (!fromDate.isValid())
        return failOption(ctx, QStringLiteral("--from"), tr("очікується дата РРРР-ММ-ДД (або РРРР-ММ-ДДTГГ:ХХ), отримано «%1»").arg(fromText));

    bool numeric = false;
    const int term = p.value(termOpt).trimmed().toInt(&numeric);
    if (!numeric)
        return failOption(ctx, QStringLiteral("--term"), tr("очікується ціле число, отримано «%1»").arg(p.value(termOpt)));

    auto unit = parseTermUnit(p.value(unitOpt));
    if (!unit)
        return failOption(ctx, QStringLiteral("--unit"), unit.error().message);

    WorkingCalendar calendar;
    if (p.isSet(martialOpt)) {
        const QString m = p.value(martialOpt).trimmed().toLower();
        if (m != QStringLiteral("on") && m != QStringLiteral("off"))
            return failOption(ctx, QStringLiteral("--martial-law"), tr("очікується on або off, отримано «%1»").arg(p.value(martialOpt)));
        calendar.setMartialLaw(m == QStringLiteral("on"));
    }

    // Overrides, grouped by year as the calendar keeps them.
    QMap<int, QList<QDate>> closures;
    QMap<int, QList<QDate>> working;
    for (const auto &[opt, target] : {std::pair{&closureOpt, &closures}, std::pair{&workingOpt, &working}}) {
        for (const QString &text : p.values(*opt)) {
            const QDate d = QDate::fromString(text.trimmed(), Qt::ISODate);
            if (!d.isValid())
                return failOption(ctx, QStringLiteral("--") + opt->names().constFirst(), tr("очікується дата РРРР-ММ-ДД, отримано «%1»").arg(text));
            (*target)[d.year()].append(d);
        }
    }
    QList<int> years = closures.keys() + working.keys();
    for (int year : years) {
        if (auto st = calendar.setYearOverrides(year, closures.value(year), working.value(year)); !st)
            return failOption(ctx, QStringLiteral("--working-day"), st.error().message);
    }

    const TermUnit effective = effectiveTermUnit(term, unit.value());
    if (fromMoment.isValid()) {
        auto due = dueMoment(calendar, fromMoment, term, unit.value());
        if (!due)
            return failOption(ctx, QStringLiteral("--") + due.error().field, due.error().message);
        ctx.out() << tr("строк: %1 %2 від %3; воєнний стан: %4; спливає о %5")
                         .arg(term)
                         .arg(termUnitName(effective), fromMoment.toString(Qt::ISODate),
                              calendar.martialLaw() ? QStringLiteral("on") : QStringLiteral("off"),
                              due->toString(QStringLiteral("yyyy-MM-ddTHH:mm")))
                  << '\n'
                  << due->date().toString(Qt::ISODate) << Qt::endl;
        return ExitOk;
    }
    auto due = dueDate(calendar, fromDate, term, unit.value());
    if (!due)
        return failOption(ctx, QStringLiteral("--") + due.error().field, due.error().message);
    ctx.out() << tr("строк: %1 %2 від %3; воєнний стан: %4")
                     .arg(term)
                     .arg(termUnitName(effective), fromDate.toString(Qt::ISODate),
                          calendar.martialLaw() ? QStringLiteral("on") : QStringLiteral("off"))
              << '\n'
              << due->toString(Qt::ISODate) << Qt::endl;
    return ExitOk;
}

const Registrar deadlineCmd({QStringLiteral("deadline")},
                            QStringLiteral("--from ДАТА --term N --unit ОДИНИЦЯ [--martial-law on|off] — дата закінчення строку (ст. 33 Закону 2073-IX)"),
                            runDeadline);

} // namespace
} // namespace cnap::cli
