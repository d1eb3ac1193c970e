#pragma once

#include "core/Result.h"

#include <QMap>
#include <QString>

namespace cnap::storage {

enum class Dialect { Sqlite, Postgresql };

/// A database named by a URL everywhere (CLI --db, CNAP_DB, GUI settings):
///   sqlite:PATH
///   postgresql://user[:password]@host[:port]/dbname[?sslmode=verify-full&sslrootcert=FILE...]
class DatabaseUrl final {
public:
    [[nodiscard]] static Result<DatabaseUrl> parse(const QString &text);

    [[nodiscard]] Dialect dialect() const { return m_dialect; }
    [[nodiscard]] const QString &path() const { return m_path; }          ///< SQLite file
    [[nodiscard]] const QString &host() const { return m_host; }
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] const QString &user() const { return m_user; }
    [[nodiscard]] const QString &password() const { return m_password; }
    [[nodiscard]] const QString &databaseName() const { return m_dbName; }
    /// libpq connection options from the query string (sslmode, sslrootcert, ...).
    [[nodiscard]] const QMap<QString, QString> &options() const { return m_options; }

    /// The same URL with another database name (tests, admin tools).
    [[nodiscard]] DatabaseUrl withDatabaseName(const QString &name) const;
    /// The URL for logs and messages: the password is never shown.
    [[nodiscard]] QString toDisplayString() const;
    /// The full URL, password included, for handing to a child process.
    [[nodiscard]] QString toString() const;

private:
    Dialect m_dialect = Dialect::Sqlite;
    QString m_path;
    QString m_host;
    int m_port = 5432;
    QString m_user;
    QString m_password;
    QString m_dbName;
    QMap<QString, QString> m_options;
};

} // namespace cnap::storage
