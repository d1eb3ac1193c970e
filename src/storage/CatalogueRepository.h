#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/catalogue/ServiceCard.h"
#include "storage/Database.h"

#include <vector>

namespace cnap::storage {

/// What an import changed, for the operator's report.
struct CatalogueImportSummary final {
    int total = 0;        ///< cards in the imported catalogue
    int added = 0;        ///< new codes
    int updated = 0;      ///< changed cards, including withdrawn ones brought back
    int unchanged = 0;    ///< identical and already active: not touched (version kept)
    int deactivated = 0;  ///< active services absent from the catalogue, now inactive
};

/// The services and service_documents tables (migration 0003).
class CatalogueRepository final {
public:
    explicit CatalogueRepository(DatabasePtr db, const Clock &clock = Clock::system());

    /// Makes the stored catalogue equal to `cards`, in one transaction: new
    /// codes are inserted, changed cards updated (version + 1), identical ones
    /// left alone, so importing the same file twice changes nothing.  Services
    /// missing from `cards` are marked inactive, never deleted: registered cases
    /// and queue tickets keep referring to them by code, and the history of a
    /// case must still show the service it was for.  Any error rolls back
    /// everything.  Conflict when another writer changed a row meanwhile.
    [[nodiscard]] Result<CatalogueImportSummary> replaceAll(const std::vector<ServiceCard> &cards);

    /// All services ordered by code, with their documents; only active ones when asked.
    [[nodiscard]] Result<std::vector<ServiceCard>> list(bool activeOnly);

    /// One service (active or not); NotFound when the code is unknown.
    [[nodiscard]] Result<ServiceCard> get(const ServiceCode &code);

    /// Services whose code or name contains every word of `query`, compared
    /// case-insensitively for Ukrainian (see normaliseForSearch()).  Filtering
    /// happens in memory: the catalogue has a few hundred rows at most, and
    /// neither SQLite's LOWER() nor a C-collated PostgreSQL folds Cyrillic
    /// case reliably.  An exact code match comes first, then code order.
    [[nodiscard]] Result<std::vector<ServiceCard>> search(const QString &query, bool activeOnly = true);

private:
    DatabasePtr m_db;
    const Clock *m_clock;
};

} // namespace cnap::storage
