// cnapctl check: is the database sound?  Case tables complete, registration
// journals gap-free, every file a case refers to present in the document store
// with its SHA-256.  Exit 0 when sound, 1 listing the problems.
#include "Cli.h"

#include "services/CaseService.h"

#include <QCoreApplication>

namespace cnap::cli {
namespace {

QString tr(const char *text) { return QCoreApplication::translate("cnapctl", text); }

int runCheck(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption storeOpt(QStringLiteral("store"), tr("тека сховища документів (типово <файл бази>.files або CNAP_STORE)"), QStringLiteral("DIR"));
    p.addOption(storeOpt);
    if (!ctx.parse(p, QStringLiteral("check")))
        return ExitUsage;
    if (!p.positionalArguments().isEmpty())
        return ctx.usage(tr("зайві аргументи: %1").arg(p.positionalArguments().join(u' ')));
    auto db = ctx.openDatabase();
    if (!db)
        return ctx.fail(db.error());
    auto root = storage::DocumentStore::resolveRoot(db.value()->url(), p.value(storeOpt));
    if (!root)
        return ctx.fail(root.error());
    services::CaseServiceOptions options;
    options.audit = false;
    services::CaseService cases(db.value(), std::make_shared<storage::DocumentStore>(root.value()), options);
    auto report = cases.check(Actor::system());
    if (!report)
        return ctx.fail(report.error());
    for (const QString &problem : report->problems)
        ctx.out() << tr("проблема: ") << problem << '\n';
    ctx.out() << tr("справ: %1; файлів, на які є посилання: %2; файлів без посилань (залишки перерваних реєстрацій): %3")
                     .arg(report->cases).arg(report->filesReferenced).arg(report->filesUnreferenced)
              << '\n';
    if (!report->ok()) {
        ctx.out() << tr("перевірка НЕ пройдена: проблем %1").arg(report->problems.size()) << Qt::endl;
        return ExitFailure;
    }
    ctx.out() << tr("перевірку пройдено") << Qt::endl;
    return ExitOk;
}

const Registrar checkCmd({QStringLiteral("check")},
                         QStringLiteral("перевірити базу і сховище документів: справи повні, журнали без пропусків, файли на місці [--store DIR]"),
                         runCheck);

} // namespace
} // namespace cnap::cli
