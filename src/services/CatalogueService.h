#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/catalogue/ServiceCard.h"
#include "core/security/Access.h"
#include "storage/CatalogueRepository.h"
#include "storage/Database.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace cnap::services {

using storage::CatalogueImportSummary;

/// Use cases of the service catalogue for every front end (workstation,
/// cnapctl, kiosk).  Reading needs Permission::CatalogueRead; importing needs
/// Permission::CatalogueWrite.  The catalogue file format is schemas/catalogue.xsd.
class CatalogueService final {
public:
    /// `schemaPath` empty: <schemasDir()>/catalogue.xsd, looked up on each import.
    explicit CatalogueService(storage::DatabasePtr db, const Clock &clock = Clock::system(), QString schemaPath = {});

    /// Imports a catalogue file: all or nothing (a bad file leaves the database
    /// untouched and the error names the line and the reason); services the
    /// file no longer lists become inactive.  A file with no services is refused,
    /// since importing it would withdraw the whole catalogue.
    [[nodiscard]] Result<CatalogueImportSummary> importFile(const Actor &actor, const QString &path);
    /// As importFile(), from bytes already read (stdin, upload).
    [[nodiscard]] Result<CatalogueImportSummary> importData(const Actor &actor, const QByteArray &bytes);

    /// Writes the active services to `path` through a temporary file renamed
    /// into place on success, so a failure never leaves a partial file.
    /// Returns how many services were written.
    [[nodiscard]] Result<int> exportFile(const Actor &actor, const QString &path);
    /// The active services as catalogue file bytes.
    [[nodiscard]] Result<QByteArray> exportData(const Actor &actor);

    [[nodiscard]] Result<std::vector<ServiceCard>> list(const Actor &actor, bool activeOnly = true);
    /// One service, active or withdrawn (old cases still show theirs).
    [[nodiscard]] Result<ServiceCard> get(const Actor &actor, const ServiceCode &code);
    /// Active services whose code or name contains every word of `query`.
    [[nodiscard]] Result<std::vector<ServiceCard>> search(const Actor &actor, const QString &query);

    /// The XSD the service validates against (resolved now).
    [[nodiscard]] QString schemaPath() const;

private:
    storage::CatalogueRepository m_repo;
    QString m_schemaPath;
};

} // namespace cnap::services
