#pragma once

#include "core/Result.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <vector>

namespace cnap::cli {

/// Exit codes shared by every command (a public contract: scripts rely on them).
enum Exit : int {
    ExitOk = 0,
    ExitFailure = 1,   ///< invalid value, rule violated, check failed
    ExitUsage = 2,     ///< bad command line
    ExitNothing = 3,   ///< nothing to do (e.g. nobody waits for the desk)
};

/// What a command handler gets: its own arguments and the shared streams.
class Context final {
public:
    Context(QStringList args, QString dbUrl, QTextStream &out, QTextStream &err)
        : m_args(std::move(args)), m_dbUrl(std::move(dbUrl)), m_out(out), m_err(err) {}

    [[nodiscard]] const QStringList &args() const { return m_args; }
    [[nodiscard]] const QString &dbUrl() const { return m_dbUrl; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    /// Opens --db / CNAP_DB.  Unless `allowOutdated`, a database whose schema is
    /// not current is refused with a hint to run `cnapctl init`.
    [[nodiscard]] Result<storage::DatabasePtr> openDatabase(bool allowOutdated = false);

    /// Parses this command's options; on error prints the message and returns false.
    [[nodiscard]] bool parse(QCommandLineParser &parser, const QString &commandName);

    /// Prints an error ("помилка: …") to stderr and returns the exit code for it.
    int fail(const Error &error, int code = ExitFailure);
    int usage(const QString &message);

private:
    QStringList m_args;
    QString m_dbUrl;
    QTextStream &m_out;
    QTextStream &m_err;
    storage::DatabasePtr m_db;
};

using Handler = std::function<int(Context &)>;

struct Command {
    QStringList path;   ///< e.g. {"queue", "issue"}
    QString synopsis;   ///< one line for --help
    Handler handler;
};

/// Registry filled by static Registrar objects in the *Commands.cpp files.
class Registry final {
public:
    static std::vector<Command> &commands();
};

struct Registrar {
    Registrar(QStringList path, QString synopsis, Handler handler)
    {
        Registry::commands().push_back({std::move(path), std::move(synopsis), std::move(handler)});
    }
};

/// Writes compact JSON (one line) to the stream.
void printJson(QTextStream &out, const class QJsonValue &value);

} // namespace cnap::cli
