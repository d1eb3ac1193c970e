// bench_core [N]: times the hot pure-core paths the desks hit on every intake —
// identifier validation and deadline computation — over N iterations each
// (200,000 by default) and prints one line per figure.
#include "core/calendar/Deadline.h"
#include "core/calendar/WorkingCalendar.h"
#include "core/identifiers/IdentifierFactory.h"
#include "core/identifiers/Identifiers.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>
#include <QTextStream>

#include <functional>

using namespace cnap;

namespace {

// Runs `body` n times and prints nanoseconds per call; `sink` keeps the
// optimiser from dropping the work.
void measure(QTextStream &out, const char *name, int n, const std::function<int(int)> &body)
{
    long long sink = 0;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i)
        sink += body(i);
    const double ns = double(t.nsecsElapsed()) / n;
    out << QString::fromUtf8(name).leftJustified(44) << QStringLiteral("%1 ns/op").arg(ns, 9, 'f', 1)
        << QStringLiteral("   (%1 ops, check %2)").arg(n).arg(sink) << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int n = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 200000;
    if (n <= 0) {
        out << "usage: bench_core [N>0]" << Qt::endl;
        return 2;
    }

    // Inputs prepared up front so only parsing is timed.
    QStringList rnokpps;
    QStringList edrpous;
    QStringList unzrs;
    rnokpps.reserve(n);
    for (int i = 0; i < n; ++i) {
        const QDate birth = QDate(1940, 1, 1).addDays(i % 25000);
        rnokpps.append(makeRnokpp(birth, i % 1000, i % 2 ? Sex::Male : Sex::Female));
        edrpous.append(makeEdrpou((i * 7919) % 10000000));
        unzrs.append(makeUnzr(birth, i % 10000));
    }
    const QDate today(2025, 6, 1);
    measure(out, "Rnokpp::parse (valid)", n, [&](int i) { return Rnokpp::parse(rnokpps[i], today).ok() ? 1 : 0; });
    measure(out, "Edrpou::parse (valid)", n, [&](int i) { return Edrpou::parse(edrpous[i]).ok() ? 1 : 0; });
    measure(out, "Unzr::parse (valid)", n, [&](int i) { return Unzr::parse(unzrs[i]).ok() ? 1 : 0; });
    measure(out, "PassportNumber::parse (Latin look-alikes)", n,
            [&](int i) { return PassportNumber::parse(QStringLiteral("ka%1").arg(i % 1000000, 6, 10, QLatin1Char('0'))).ok() ? 1 : 0; });
    measure(out, "makeRnokpp", n, [&](int i) { return int(makeRnokpp(QDate(1990, 1, 1).addDays(i % 9000), i % 1000, Sex::Male).size()); });

    WorkingCalendar war;
    WorkingCalendar peace;
    peace.setMartialLaw(false);
    const QDate start(2025, 1, 1);
    for (const auto &[label, cal] : {std::pair{"martial law", &war}, std::pair{"peacetime", &peace}}) {
        const QString l = QString::fromUtf8(label);
        measure(out, qPrintable(QStringLiteral("dueDate 10 auto (") + l + u')'), n,
                [&](int i) { return dueDate(*cal, start.addDays(i % 730), 10, TermUnit::Auto)->day(); });
        measure(out, qPrintable(QStringLiteral("dueDate 30 auto (") + l + u')'), n,
                [&](int i) { return dueDate(*cal, start.addDays(i % 730), 30, TermUnit::Auto)->day(); });
        measure(out, qPrintable(QStringLiteral("isWorkingDay (") + l + u')'), n,
                [&](int i) { return cal->isWorkingDay(start.addDays(i % 730)) ? 1 : 0; });
    }
    return 0;
}
