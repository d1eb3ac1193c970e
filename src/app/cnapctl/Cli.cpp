#include "Cli.h"

#include "storage/Migrator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace cnap::cli {

std::vector<Command> &Registry::commands()
{
    static std::vector<Command> all;
    return all;
}

Result<storage::DatabasePtr> Context::openDatabase(bool allowOutdated)
{
    if (m_db)
        return m_db;
    if (m_dbUrl.isEmpty())
        return Error::invalid(QStringLiteral("--db"), QCoreApplication::translate("cnapctl", "не вказано базу даних (--db URL або змінна CNAP_DB)"));
    auto url = storage::DatabaseUrl::parse(m_dbUrl);
    if (!url)
        return url.error();
    auto db = storage::Database::open(url.value());
    if (!db)
        return db.error();
    if (!allowOutdated) {
        storage::Migrator migrator(*db.value());
        auto current = migrator.currentVersion();
        if (!current)
            return current.error();
        if (current.value() > migrator.latestVersion())
            return Error::make(ErrorCode::SchemaTooNew,
                               QCoreApplication::translate("cnapctl", "база даних має новішу схему (версія %1), ніж знає ця програма (%2)")
                                   .arg(current.value()).arg(migrator.latestVersion()));
        if (current.value() < migrator.latestVersion())
            return Error::make(ErrorCode::Database,
                               QCoreApplication::translate("cnapctl", "схема бази даних застаріла або відсутня (версія %1 з %2); виконайте: cnapctl --db URL init")
                                   .arg(current.value()).arg(migrator.latestVersion()));
    }
    m_db = db.value();
    return m_db;
}

bool Context::parse(QCommandLineParser &parser, const QString &commandName)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QStringList argv = m_args;
    argv.prepend(commandName);
    if (!parser.parse(argv)) {
        usage(parser.errorText());
        return false;
    }
    return true;
}

int Context::fail(const Error &error, int code)
{
    m_err << QCoreApplication::translate("cnapctl", "помилка: ") << error.describe() << Qt::endl;
    return code;
}

int Context::usage(const QString &message)
{
    m_err << QCoreApplication::translate("cnapctl", "неправильний виклик: ") << message << Qt::endl;
    return ExitUsage;
}

void printJson(QTextStream &out, const QJsonValue &value)
{
    QJsonDocument doc;
    if (value.isArray())
        doc = QJsonDocument(value.toArray());
    else
        doc = QJsonDocument(value.toObject());
    out << QString::fromUtf8(doc.toJson(QJsonDocument::Compact)) << Qt::endl;
}

} // namespace cnap::cli
