#pragma once

// Demo and benchmark data: N realistic cases (Ukrainian names, valid РНОКПП,
// a year of history) loaded in big transactions with statements prepared once,
// so a million cases take minutes.  Never for a production database.

#include "core/Result.h"
#include "storage/Database.h"
#include "storage/DocumentStore.h"

#include <QDate>
#include <QString>

#include <functional>

namespace cnap::services {

struct CaseDemoSummary final {
    qint64 cases = 0;
    qint64 applicants = 0;
    qint64 historyRows = 0;
    qint64 elapsedMs = 0;
};

class CaseDemo final {
public:
    /// Fills `db` with `n` cases over the active catalogue (which must not be
    /// empty), about one applicant per two cases, registered over the 365 days
    /// before `today` in journal "01" (numbers continue the journal's counter).
    /// Some cases carry one of a few sample scans written to `store`.
    /// `progress(done, n)` is called after every batch.
    [[nodiscard]] static Result<CaseDemoSummary> fill(const storage::DatabasePtr &db, storage::DocumentStore &store, qint64 n,
                                                      QDate today = QDate::currentDate(),
                                                      const std::function<void(qint64, qint64)> &progress = {});
};

} // namespace cnap::services
