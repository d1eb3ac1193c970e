#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/applicant/Applicant.h"
#include "storage/Database.h"

#include <QString>

#include <optional>
#include <vector>

namespace cnap::storage {

/// Stores applicants (table `applicants`, migration 0002).  Every write is
/// validated first (Applicant::validate) and stored in normalised form; reads
/// return what was stored.  No role checks here: the service layer does those.
class ApplicantRepository final {
public:
    explicit ApplicantRepository(DatabasePtr db, const Clock &clock = Clock::system());

    /// Validates and inserts; returns the stored copy (id set, version 1).
    /// A РНОКПП or ЄДРПОУ already on file → ErrorCode::AlreadyExists naming the
    /// field: the operator must pick the existing applicant (findDuplicates tells
    /// which), never create a second one.
    [[nodiscard]] Result<Applicant> create(const Applicant &applicant);

    /// Validates and writes `applicant` if the stored row is still at
    /// `applicant.version`; returns the stored copy with the version increased.
    /// Someone else saved in between → ErrorCode::Conflict; no such id → NotFound.
    [[nodiscard]] Result<Applicant> update(const Applicant &applicant);

    [[nodiscard]] Result<Applicant> get(qint64 id);

    /// Applicants already on file that may be the same one as `candidate`: the same
    /// РНОКПП, ЄДРПОУ, УНЗР or document number, or the same surname, given name and
    /// birth date (compared by search key).  The candidate's own id is left out.
    [[nodiscard]] Result<std::vector<Applicant>> findDuplicates(const Applicant &candidate);

    /// Exact lookups; input is normalised the way stored values are.
    [[nodiscard]] Result<std::optional<Applicant>> findByRnokpp(const QString &rnokpp);
    [[nodiscard]] Result<std::optional<Applicant>> findByEdrpou(const QString &edrpou);
    [[nodiscard]] Result<std::vector<Applicant>> findByUnzr(const QString &unzr);
    /// Any document type; a passport number typed with Latin look-alikes still matches.
    [[nodiscard]] Result<std::vector<Applicant>> findByDocument(const QString &number);
    /// By phoneKey(): "+380 67 123 45 67" and "0671234567" find the same people.
    [[nodiscard]] Result<std::vector<Applicant>> findByPhone(const QString &phone);

    /// Case-insensitive, apostrophe-insensitive surname prefix search (a legal entity
    /// is found by its name).  Ordered by search key, then id; at most `limit` rows
    /// (1..500).  A prefix that is empty after normalisation returns nothing: listing
    /// the whole register is not a search.  Note the key order is code-point order,
    /// which puts і, ї, є, ґ after я; screens that need dictionary order sort the page.
    [[nodiscard]] Result<std::vector<Applicant>> searchBySurnamePrefix(const QString &prefix, int limit = 20);

    /// Bulk load for demo data, imports and benchmarks: every record is validated,
    /// then all are inserted in one transaction with statements prepared once.
    /// All or nothing; a duplicate РНОКПП/ЄДРПОУ fails the whole batch.  Returns the
    /// number inserted.  Ids are not reported back (look them up if needed).
    [[nodiscard]] Result<int> insertBatch(const std::vector<Applicant> &applicants);

    /// Refreshes the planner's statistics for the table; call after a bulk load.
    [[nodiscard]] Status refreshStatistics();

    /// Number of stored applicants.
    [[nodiscard]] Result<qint64> count();

private:
    [[nodiscard]] Result<std::vector<Applicant>> select(const QString &where, const QVariantList &binds,
                                                        const QString &tail = {});
    [[nodiscard]] Result<std::optional<Applicant>> selectOne(const QString &where, const QVariantList &binds);
    /// AlreadyExists naming the record that already holds a's РНОКПП / ЄДРПОУ, if any.
    [[nodiscard]] std::optional<Error> heldBySomeoneElse(const Applicant &a);

    DatabasePtr m_db;
    const Clock &m_clock;
};

} // namespace cnap::storage
