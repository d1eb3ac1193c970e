// cnapctl backup / backup verify / restore: SQLite database plus document store
// into a folder with a SHA-256 manifest, and back.  PostgreSQL: pg_dump and
// pg_restore (the commands say so and exit 1).  See docs/admin-guide.md.
#include "Cli.h"

#include "services/BackupService.h"
#include "storage/DocumentStore.h"

#include <QCoreApplication>
#include <QLocale>

namespace cnap::cli {
namespace {

QString tr(const char *text) { return QCoreApplication::translate("cnapctl", text); }

QCommandLineOption storeOption()
{
    return {QStringLiteral("store"), tr("тека сховища документів (типово <файл бази>.files або CNAP_STORE)"), QStringLiteral("DIR")};
}

void printSummary(Context &ctx, const QString &folder, const storage::BackupManifest &m)
{
    ctx.out() << folder << '\n';
    ctx.out() << tr("створено: %1; версія схеми: %2; документів: %3; обсяг: %4")
                     .arg(m.created.toUTC().toString(Qt::ISODate))
                     .arg(m.schemaVersion)
                     .arg(m.documentCount())
                     .arg(QLocale::c().formattedDataSize(m.totalBytes()))
              << Qt::endl;
}

/// The single positional FILE of each command.
bool oneFile(Context &ctx, QCommandLineParser &p, const QString &command, QString &file)
{
    if (p.positionalArguments().size() != 1) {
        ctx.usage(tr("%1: вкажіть одну теку резервної копії (ФАЙЛ)").arg(command));
        return false;
    }
    file = p.positionalArguments().constFirst();
    return true;
}

int runBackup(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption store = storeOption();
    p.addOption(store);
    if (!ctx.parse(p, QStringLiteral("backup")))
        return ExitUsage;
    QString file;
    if (!oneFile(ctx, p, QStringLiteral("backup"), file))
        return ExitUsage;
    auto url = storage::DatabaseUrl::parse(ctx.dbUrl());
    if (url && url->dialect() == storage::Dialect::Postgresql)
        return ctx.fail(services::BackupService::postgresUnsupported(false));
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    auto root = storage::DocumentStore::resolveRoot(db.value()->url(), p.value(store));
    if (!root)
        return ctx.fail(root.error());
    const services::BackupService service;
    auto manifest = service.backup(Actor::system(), db.value(), root.value(), file, QStringLiteral(CNAP_VERSION));
    if (!manifest)
        return ctx.fail(manifest.error());
    printSummary(ctx, file, manifest.value());
    return ExitOk;
}

int runVerify(Context &ctx)
{
    QCommandLineParser p;
    if (!ctx.parse(p, QStringLiteral("backup verify")))
        return ExitUsage;
    QString file;
    if (!oneFile(ctx, p, QStringLiteral("backup verify"), file))
        return ExitUsage;
    const services::BackupService service;
    auto manifest = service.verify(Actor::system(), file);
    if (!manifest)
        return ctx.fail(manifest.error());
    printSummary(ctx, file, manifest.value());
    ctx.out() << tr("резервна копія ціла: усі контрольні суми збігаються") << Qt::endl;
    return ExitOk;
}

int runRestore(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption store = storeOption();
    const QCommandLineOption force(QStringLiteral("force"), tr("замінити базу і сховище, які вже містять дані"));
    p.addOptions({store, force});
    if (!ctx.parse(p, QStringLiteral("restore")))
        return ExitUsage;
    QString file;
    if (!oneFile(ctx, p, QStringLiteral("restore"), file))
        return ExitUsage;
    if (ctx.dbUrl().isEmpty())
        return ctx.fail(Error::invalid(QStringLiteral("--db"), tr("не вказано базу даних (--db URL або змінна CNAP_DB)")));
    // The target is not opened as the product's database: it may not exist
    // yet, or hold a schema this program would refuse.
    auto url = storage::DatabaseUrl::parse(ctx.dbUrl());
    if (!url)
        return ctx.fail(url.error());
    if (url->dialect() == storage::Dialect::Postgresql)
        return ctx.fail(services::BackupService::postgresUnsupported(true));
    auto root = storage::DocumentStore::resolveRoot(url.value(), p.value(store));
    if (!root)
        return ctx.fail(root.error());
    const services::BackupService service;
    auto manifest = service.restore(Actor::system(), file, url.value(), root.value(), p.isSet(force));
    if (!manifest)
        return ctx.fail(manifest.error());
    printSummary(ctx, file, manifest.value());
    if (manifest->schemaVersion < storage::latestSqliteSchemaVersion())
        ctx.out() << tr("копія має старішу схему (%1): оновіть її командою cnapctl --db %2 init")
                         .arg(manifest->schemaVersion)
                         .arg(url->toDisplayString())
                  << Qt::endl;
    ctx.out() << tr("відновлено в %1").arg(url->toDisplayString()) << Qt::endl;
    return ExitOk;
}

const Registrar backupCmd({QStringLiteral("backup")},
                          QStringLiteral("ФАЙЛ [--store DIR]: резервна копія SQLite-бази і сховища документів у нову теку (з контрольними сумами)"),
                          runBackup);
const Registrar verifyCmd({QStringLiteral("backup"), QStringLiteral("verify")},
                          QStringLiteral("ФАЙЛ: перевірити резервну копію (усі контрольні суми)"), runVerify);
const Registrar restoreCmd({QStringLiteral("restore")},
                           QStringLiteral("ФАЙЛ [--store DIR] [--force]: відновити SQLite-базу і сховище з резервної копії"),
                           runRestore);

} // namespace
} // namespace cnap::cli
