#pragma once

// Monthly open data of the centre: anonymised aggregates per service (volumes,
// waits, deadline compliance) as CSV and JSON, fit for an open-data portal
// (Resolution of the Cabinet of Ministers No. 835 of 21.10.2015 on open data).
// Columns and rules: schemas/opendata/ and docs/opendata.md.  No personal data
// and no staff names; counts from 1 to 4 are suppressed (published empty/null).

#include "core/Clock.h"
#include "core/Result.h"
#include "core/reports/Report.h"
#include "core/security/Access.h"
#include "storage/Database.h"

#include <QByteArray>
#include <QStringList>

namespace cnap::services {

/// The dataset of one month, ready to write.
struct OpenDataSet final {
    QString month;               ///< "yyyy-MM"
    reports::ReportTable table;  ///< one row per service, cells already suppressed
    QByteArray csv;
    QByteArray json;
};

struct OpenDataFiles final {
    QString csvPath;
    QString jsonPath;
    int rows = 0;
};

class OpenDataService final {
public:
    /// The dataset's schema version (schemas/opendata/cnap-monthly.schema.json).
    static constexpr int kSchemaVersion = 1;

    explicit OpenDataService(storage::DatabasePtr db, const Clock &clock = Clock::system());

    /// Builds the dataset of a month "yyyy-MM" (Permission::ReportsExport).
    [[nodiscard]] Result<OpenDataSet> build(const Actor &actor, const QString &month);
    /// Builds it and writes cnap-YYYY-MM.csv and cnap-YYYY-MM.json into `dir`:
    /// both files or neither (temporary files renamed only when both are written).
    [[nodiscard]] Result<OpenDataFiles> exportMonth(const Actor &actor, const QString &month, const QString &dir);

    /// Column keys of the dataset, in order.
    [[nodiscard]] static QStringList columnKeys();

private:
    storage::DatabasePtr m_db;
    const Clock &m_clock;
};

} // namespace cnap::services
