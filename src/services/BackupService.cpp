#include "services/BackupService.h"

#include "security/AuditLog.h"

#include <QCoreApplication>

namespace cnap::services {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::services::BackupService", s); }
} // namespace

Error BackupService::postgresUnsupported(bool restore)
{
    return Error::make(ErrorCode::Unsupported,
                       restore ? tr("для PostgreSQL відновлюйте засобами сервера: "
                                    "pg_restore --clean --if-exists --no-owner -d postgresql://… ФАЙЛ.dump "
                                    "(див. docs/admin-guide.md, розділ «Backups of PostgreSQL»)")
                               : tr("для PostgreSQL робіть копію засобами сервера: "
                                    "pg_dump -Fc -f ФАЙЛ.dump postgresql://… "
                                    "(див. docs/admin-guide.md, розділ «Backups of PostgreSQL»)"));
}

Result<storage::BackupManifest> BackupService::backup(const Actor &actor, const storage::DatabasePtr &db,
                                                      const QString &storeRoot, const QString &target,
                                                      const QString &programVersion) const
{
    CNAP_TRY(require(actor, Permission::SystemAdminister));
    if (!db)
        return Error::invalid(QStringLiteral("db"), tr("базу даних не відкрито"));
    if (db->isPostgres())
        return postgresUnsupported(false);
    security::AuditLog audit(db, m_clock);
    CNAP_TRY(audit.append(actor, security::AuditAction::Export, QStringLiteral("backup"), {},
                          QStringLiteral("full backup (database and document store)")));
    return storage::writeSqliteBackup(*db, storeRoot, target, programVersion, m_clock.now());
}

Result<storage::BackupManifest> BackupService::verify(const Actor &actor, const QString &folder) const
{
    CNAP_TRY(require(actor, Permission::SystemAdminister));
    return storage::verifyBackup(folder);
}

Result<storage::BackupManifest> BackupService::restore(const Actor &actor, const QString &folder,
                                                       const storage::DatabaseUrl &target, const QString &storeRoot,
                                                       bool force) const
{
    CNAP_TRY(require(actor, Permission::SystemAdminister));
    if (target.dialect() == storage::Dialect::Postgresql)
        return postgresUnsupported(true);
    storage::RestoreOptions options;
    options.force = force;
    options.programSchemaVersion = storage::latestSqliteSchemaVersion();
    auto manifest = storage::restoreSqliteBackup(folder, target, storeRoot, options);
    if (!manifest)
        return manifest;
    if (manifest->schemaVersion == options.programSchemaVersion) {
        auto db = storage::Database::open(target);
        if (!db)
            return db.error();
        security::AuditLog audit(db.value(), m_clock);
        CNAP_TRY(audit.append(actor, security::AuditAction::SettingsChange, QStringLiteral("restore"), {},
                              QStringLiteral("database restored from a backup made %1")
                                  .arg(manifest->created.toString(Qt::ISODate))));
    }
    return manifest;
}

} // namespace cnap::services
