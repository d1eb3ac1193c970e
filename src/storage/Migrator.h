#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace cnap::storage {

class Database;

/// One schema step: the number is the schema version it produces.
struct Migration {
    int version = 0;
    QString name;
    QString sql;
};

/// Applies the embedded, ordered migrations (src/storage/migrations/<dialect>/NNNN_name.sql),
/// each in its own transaction together with its schema_version row.  A database whose
/// version is newer than the newest migration this program knows is refused.
class Migrator final {
public:
    explicit Migrator(Database &db) : m_db(db) {}

    [[nodiscard]] Status migrate();
    [[nodiscard]] Result<int> currentVersion();
    /// Newest version this program can produce.
    [[nodiscard]] int latestVersion() const;
    [[nodiscard]] std::vector<Migration> migrations() const;

    /// Splits a script into statements: respects quotes, comments, $$ bodies and
    /// CREATE TRIGGER ... BEGIN ... END blocks.
    [[nodiscard]] static QStringList splitStatements(const QString &script);

private:
    Database &m_db;
};

} // namespace cnap::storage
