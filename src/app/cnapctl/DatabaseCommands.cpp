// cnapctl init: create or upgrade a database.
#include "Cli.h"

#include "storage/Migrator.h"

#include <QCoreApplication>

namespace cnap::cli {
namespace {

int runInit(Context &ctx)
{
    QCommandLineParser p;
    if (!ctx.parse(p, QStringLiteral("init")))
        return ExitUsage;
    auto db = ctx.openDatabase(/*allowOutdated=*/true);
    if (!db)
        return ctx.fail(db.error());
    storage::Migrator migrator(*db.value());
    auto before = migrator.currentVersion();
    if (!before)
        return ctx.fail(before.error());
    if (auto st = migrator.migrate(); !st)
        return ctx.fail(st.error());
    auto after = migrator.currentVersion();
    if (!after)
        return ctx.fail(after.error());
    if (after.value() == before.value())
        ctx.out() << QCoreApplication::translate("cnapctl", "схема вже актуальна (версія %1)").arg(after.value()) << Qt::endl;
    else
        ctx.out() << QCoreApplication::translate("cnapctl", "схему оновлено з версії %1 до %2").arg(before.value()).arg(after.value()) << Qt::endl;
    return ExitOk;
}

const Registrar initCmd({QStringLiteral("init")}, QStringLiteral("створити або оновити схему бази даних"), runInit);

} // namespace
} // namespace cnap::cli
