// cnapctl: administration and scripting CLI.  Thin: parses the command line,
// finds the command in the registry and hands it a Context.
#include "Cli.h"

#include "core/Translations.h"
#include "core/log/Log.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace cnap::cli;

namespace {

void printHelp(QTextStream &out)
{
    out << QCoreApplication::translate("cnapctl", "Використання: cnapctl [--db URL] [--lang uk|en] КОМАНДА [ПАРАМЕТРИ]") << "\n\n"
        << QCoreApplication::translate("cnapctl", "URL бази даних: sqlite:ШЛЯХ або postgresql://користувач[:пароль]@сервер[:порт]/база (або змінна CNAP_DB)") << "\n\n"
        << QCoreApplication::translate("cnapctl", "Команди:") << '\n';
    auto cmds = Registry::commands();
    std::sort(cmds.begin(), cmds.end(), [](const Command &a, const Command &b) { return a.path < b.path; });
    for (const Command &c : cmds)
        out << "  " << c.path.join(u' ') << "  " << c.synopsis << '\n';
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cnapctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CNAP_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    // Diagnostics go to stderr, masked: personal data never reaches a log.
    (void)cnap::installLogHandler({});

    QStringList args = QCoreApplication::arguments().mid(1);
    QString db = qEnvironmentVariable("CNAP_DB");
    QString lang = qEnvironmentVariable("CNAP_LANG");

    // Global options: --db, --lang, --help, --version (may stand anywhere before "--").
    for (qsizetype i = 0; i < args.size();) {
        const QString &a = args[i];
        if (a == QStringLiteral("--")) {
            break;
        }
        if ((a == QStringLiteral("--db") || a == QStringLiteral("--lang")) && i + 1 < args.size()) {
            (a == QStringLiteral("--db") ? db : lang) = args[i + 1];
            args.remove(i, 2);
        } else if (a.startsWith(QStringLiteral("--db="))) {
            db = a.mid(5);
            args.remove(i);
        } else if (a.startsWith(QStringLiteral("--lang="))) {
            lang = a.mid(7);
            args.remove(i);
        } else if (a == QStringLiteral("--version") && i == 0) {
            out << "cnapctl " << QCoreApplication::applicationVersion() << Qt::endl;
            return ExitOk;
        } else {
            ++i;
        }
    }
    cnap::installTranslations(lang);

    if (args.isEmpty() || args.first() == QStringLiteral("--help") || args.first() == QStringLiteral("-h")
        || args.first() == QStringLiteral("help")) {
        printHelp(out);
        return args.isEmpty() ? ExitUsage : ExitOk;
    }

    // Longest registered command path that prefixes the arguments.
    const Command *best = nullptr;
    for (const Command &c : Registry::commands()) {
        if (c.path.size() <= args.size() && args.mid(0, c.path.size()) == c.path
            && (!best || c.path.size() > best->path.size()))
            best = &c;
    }
    if (!best) {
        err << QCoreApplication::translate("cnapctl", "невідома команда: %1 (див. cnapctl --help)").arg(args.join(u' ')) << Qt::endl;
        return ExitUsage;
    }
    Context ctx(args.mid(best->path.size()), db, out, err);
    const int code = best->handler(ctx);
    out.flush();
    err.flush();
    return code;
}
