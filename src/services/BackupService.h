#pragma once

// Backup and restore (system administrators only).  SQLite: a folder with a
// consistent copy of the database, the document store and a manifest of
// SHA-256 checksums (storage/Backup.h).  PostgreSQL: the server's own tools,
// pg_dump -Fc and pg_restore; these calls refuse it with a message saying so.

#include "core/Clock.h"
#include "core/Result.h"
#include "core/security/Access.h"
#include "storage/Backup.h"
#include "storage/Database.h"

namespace cnap::services {

class BackupService final {
public:
    explicit BackupService(const Clock &clock = Clock::system()) : m_clock(clock) {}

    /// Writes a backup of `db` and the store at `storeRoot` into the new folder
    /// `target`.  The backup itself is recorded in the audit log (an export of
    /// everything), before the copy, so the copy carries its own record.
    [[nodiscard]] Result<storage::BackupManifest> backup(const Actor &actor, const storage::DatabasePtr &db,
                                                         const QString &storeRoot, const QString &target,
                                                         const QString &programVersion) const;

    /// Checks a backup whole without touching any database.
    [[nodiscard]] Result<storage::BackupManifest> verify(const Actor &actor, const QString &folder) const;

    /// Restores `folder` into the SQLite database `target` and the store at
    /// `storeRoot`; a database with data is replaced only with `force`.
    /// Afterwards, when the restored schema is current, the restore is recorded
    /// in the restored database's audit log.
    [[nodiscard]] Result<storage::BackupManifest> restore(const Actor &actor, const QString &folder,
                                                          const storage::DatabaseUrl &target, const QString &storeRoot,
                                                          bool force) const;

    /// The message for PostgreSQL (also used by the CLI).
    [[nodiscard]] static Error postgresUnsupported(bool restore);

private:
    const Clock &m_clock;
};

} // namespace cnap::services
