#pragma once

#include "core/Result.h"
#include "storage/DatabaseUrl.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>

namespace cnap::storage {

/// One logical database, handing out one Qt SQL connection per thread
/// (Qt SQL connections must not cross threads).  Owns those connections.
class Database final {
public:
    /// Opens (and for SQLite creates, owner-only) the database; does not migrate.
    [[nodiscard]] static Result<std::shared_ptr<Database>> open(const DatabaseUrl &url);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    [[nodiscard]] const DatabaseUrl &url() const { return m_url; }
    [[nodiscard]] Dialect dialect() const { return m_url.dialect(); }
    [[nodiscard]] bool isPostgres() const { return dialect() == Dialect::Postgresql; }

    /// This thread's open connection, opened on first use.
    [[nodiscard]] Result<QSqlDatabase> connection();
    /// Shorthand: this thread's connection; an invalid handle when it cannot open.
    [[nodiscard]] QSqlDatabase db();
    /// Closes this thread's connection (call before a worker thread ends, or to
    /// reconnect), dropping its cached prepared statements first (see execCached).
    void releaseThreadConnection();

    /// Applies pending migrations (see Migrator).  Idempotent.
    [[nodiscard]] Status migrate();
    /// The schema version recorded in the database, 0 when empty.
    [[nodiscard]] Result<int> schemaVersion();

private:
    explicit Database(DatabaseUrl url);
    [[nodiscard]] QString connectionName() const;
    [[nodiscard]] Status configure(QSqlDatabase &db);

    DatabaseUrl m_url;
    quint64 m_id;
    QMutex m_mutex;
    QStringList m_connections;
};

using DatabasePtr = std::shared_ptr<Database>;

} // namespace cnap::storage
