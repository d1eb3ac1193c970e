// cnapctl validate KIND VALUE: checks one identifier, no database needed.
// Scriptable output on success: the normalised value on the first line, then
// what the identifier encodes (РНОКПП: birth date and sex; УНЗР: birth date).
#include "Cli.h"

#include "core/Clock.h"
#include "core/identifiers/Identifiers.h"

#include <QCoreApplication>

namespace cnap::cli {
namespace {

QString kindsList()
{
    return QStringLiteral("rnokpp, edrpou, unzr, passport, idcard, katottg");
}

int runValidate(Context &ctx)
{
    // No option parsing: the value is whatever the user typed, and a value that
    // happens to start with '-' is an invalid identifier (exit 1), not a usage
    // error.  A "--" separator is allowed for scripts that always add one.
    QStringList pos = ctx.args();
    pos.removeOne(QStringLiteral("--"));
    if (pos.size() != 2)
        return ctx.usage(QCoreApplication::translate("cnapctl", "очікується: cnapctl validate ВИД ЗНАЧЕННЯ (види: %1)").arg(kindsList()));
    const QString &kind = pos[0];
    const QString &value = pos[1];
    QTextStream &out = ctx.out();

    if (kind == QStringLiteral("rnokpp")) {
        auto r = Rnokpp::parse(value, Clock::system().today());
        if (!r)
            return ctx.fail(r.error());
        out << r->value() << '\n'
            << r->birthDate().toString(Qt::ISODate) << '\n'
            << (r->sex() == Sex::Male ? "male" : "female") << Qt::endl;
        return ExitOk;
    }
    if (kind == QStringLiteral("unzr")) {
        auto r = Unzr::parse(value);
        if (!r)
            return ctx.fail(r.error());
        out << r->value() << '\n' << r->birthDate().toString(Qt::ISODate) << Qt::endl;
        return ExitOk;
    }
    // The remaining kinds encode nothing beyond their own normalised form.
    auto printValue = [&](const auto &result) {
        if (!result)
            return ctx.fail(result.error());
        out << result->value() << Qt::endl;
        return int(ExitOk);
    };
    if (kind == QStringLiteral("edrpou"))
        return printValue(Edrpou::parse(value));
    if (kind == QStringLiteral("passport"))
        return printValue(PassportNumber::parse(value));
    if (kind == QStringLiteral("idcard"))
        return printValue(IdCardNumber::parse(value));
    if (kind == QStringLiteral("katottg"))
        return printValue(Katottg::parse(value));
    return ctx.usage(QCoreApplication::translate("cnapctl", "невідомий вид ідентифікатора «%1»; допустимі: %2").arg(kind, kindsList()));
}

const Registrar validateCmd({QStringLiteral("validate")},
                            QStringLiteral("ВИД ЗНАЧЕННЯ — перевірити ідентифікатор (rnokpp, edrpou, unzr, passport, idcard, katottg)"),
                            runValidate);

} // namespace
} // namespace cnap::cli
