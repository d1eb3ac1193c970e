#pragma once

// Backup and restore of a SQLite database together with its document store.
//
// A backup is a folder:
//   manifest.json     format, program and schema version, time, and for every
//                     file below its relative path, size and SHA-256
//   manifest.sha256   SHA-256 of manifest.json (a damaged manifest is caught too)
//   database.sqlite   a consistent copy taken online with VACUUM INTO
//   documents/ab/<sha256>   the document store's files, content-addressed as in
//                     the store itself
// Personal data: the folder and every file in it are owner-only.
//
// Consistency without stopping the desks: the database copy is one read
// transaction (VACUUM INTO), and the store is copied AFTER it.  A case's files
// are written to the store before the transaction that refers to them commits
// and are never deleted, so every file the copy refers to already exists when
// the store is copied; files added later are unreferenced leftovers, which
// `cnapctl check` counts but does not fault.
//
// PostgreSQL is backed up with pg_dump/pg_restore (docs/admin-guide.md); these
// functions refuse it (ErrorCode::Unsupported).

#include "core/Result.h"
#include "storage/Database.h"
#include "storage/DatabaseUrl.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace cnap::storage {

/// One file of a backup, as the manifest records it.
struct BackupFile final {
    QString path;     ///< relative to the backup folder, '/' separated
    qint64 size = 0;
    QString sha256;   ///< lower-case hex
};

/// What a backup holds (read from its manifest, or written into it).
struct BackupManifest final {
    static constexpr int kFormatVersion = 1;
    int formatVersion = kFormatVersion;
    QString program;          ///< version of the program that wrote it
    QDateTime created;        ///< UTC
    int schemaVersion = 0;    ///< of the copied database
    std::vector<BackupFile> files;

    [[nodiscard]] qint64 documentCount() const;
    [[nodiscard]] qint64 totalBytes() const;
};

/// Writes a backup of the SQLite database `db` and the store at `storeRoot`
/// (may be empty or missing: no documents yet) into the folder `target`, which
/// must not exist.  The folder appears only when complete (written under a
/// temporary name, renamed at the end).  A damaged file in the store fails the
/// backup rather than copying damage silently.
[[nodiscard]] Result<BackupManifest> writeSqliteBackup(Database &db, const QString &storeRoot,
                                                       const QString &target, const QString &programVersion,
                                                       const QDateTime &nowUtc);

/// Reads a backup's manifest and checks it whole: the manifest's own checksum,
/// its format, that every listed file is present with its size and SHA-256 and
/// that nothing unlisted lies in the folder.  Reads every byte.
[[nodiscard]] Result<BackupManifest> verifyBackup(const QString &folder);

/// Options of restoreSqliteBackup().
struct RestoreOptions final {
    bool force = false;          ///< replace a database that already holds data
    /// The newest schema accepted; 0: this program's (latestSqliteSchemaVersion()).
    int programSchemaVersion = 0;
};

/// The newest SQLite schema version this program's migrations create.
[[nodiscard]] int latestSqliteSchemaVersion();

/// Restores a verified backup into the SQLite database `target` and the store
/// at `storeRoot`.  Refuses a target that already has tables or a store that
/// already has files unless `force`; refuses a backup written by a newer
/// schema.  Order, so that a crash at any point leaves a usable pair:
///   1. the backup is verified whole, its database copied next to the target
///      and checked (PRAGMA integrity_check, schema version) — a failure here
///      leaves nothing behind;
///   2. its documents are added to the store (content-addressed: existing files
///      are untouched, the old database still finds all of its own);
///   3. the database copy is renamed over the target in one step;
///   4. store files the backup does not have are removed (before: harmless
///      unreferenced leftovers).
/// Nobody may use the database meanwhile: stop the workstations and cnap-syncd.
[[nodiscard]] Result<BackupManifest> restoreSqliteBackup(const QString &folder, const DatabaseUrl &target,
                                                         const QString &storeRoot, const RestoreOptions &options);

} // namespace cnap::storage
