#pragma once

// Stores cases (migration 0200): the case row, its checklist, documents and
// history.  Writes run inside the caller's Transaction on this thread's
// connection (registration puts journal number, case, audit entry and outbound
// message in one); reads need none.  No role checks here: the service does them.

#include "core/Result.h"
#include "core/cases/Case.h"
#include "core/cases/CaseQuery.h"
#include "storage/Database.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cnap::storage {

/// One change of a case made under optimistic locking.
struct CaseChange final {
    qint64 caseId = 0;
    int expectedVersion = 0;            ///< the version the clerk saw
    CaseState state = CaseState::Registered;
    QDate dueDate;
    std::optional<QDate> suspendedSince;
    QString issuedTo;                   ///< kept as is when empty
    QString issuedDocument;
    std::optional<QDateTime> issuedAt;
    QDateTime at;                       ///< when (UTC)
    CaseHistoryEntry history;           ///< the line to append (case id and time filled in here)
};

/// A stored document reference, for integrity checks.
struct DocumentRef final {
    QString sha256;
    qint64 size = 0;
    qint64 references = 0;
};

class CaseRepository final {
public:
    explicit CaseRepository(DatabasePtr db) : m_db(std::move(db)) {}

    /// Inserts a new case with its checklist, documents and history (the
    /// details' id, documents' ids and history ids are ignored).  Inside a
    /// Transaction.  Returns the new id.
    [[nodiscard]] Result<qint64> insert(const CaseDetails &details);

    /// Bulk load for demo data and benchmarks: like insert() for many cases,
    /// with multi-row statements.  Inside a Transaction.
    [[nodiscard]] Status insertBatch(const QList<CaseDetails> &cases);

    /// Applies a change if the stored version is still `expectedVersion`, bumps
    /// the version and appends the history line.  Inside a Transaction.
    /// Conflict when someone changed the case meanwhile; NotFound when absent.
    [[nodiscard]] Result<int> applyChange(const CaseChange &change);

    [[nodiscard]] Result<CaseDetails> getByNumber(const QString &number);
    [[nodiscard]] Result<CaseDetails> getById(qint64 id);
    /// The list row of one case, cheaper than getByNumber().
    [[nodiscard]] Result<CaseSummary> summaryByNumber(const QString &number);

    /// One page of the case list; `today` decides "overdue".
    [[nodiscard]] Result<CasePage> list(const CaseListQuery &query, QDate today);

    /// Cases of the applicant with this РНОКПП/ЄДРПОУ (as registered), newest first.
    [[nodiscard]] Result<QList<CaseSummary>> findByApplicantCode(const QString &code, int limit);
    /// Cases whose applicant surname key starts with `key` (a surnameKey()), by key then id.
    [[nodiscard]] Result<QList<CaseSummary>> findBySurnameKeyPrefix(const QString &key, int limit);

    [[nodiscard]] Result<qint64> count();

    /// Consistency problems inside the case tables, one line each: cases whose
    /// checklist or document rows do not match their stored counts, cases
    /// without their registration history line.
    [[nodiscard]] Result<QStringList> verifyIntegrity();
    /// Every distinct file the cases refer to.
    [[nodiscard]] Result<QList<DocumentRef>> documentRefs();

    /// Demo and benchmark loading only: the highest applicant id, and the ids of
    /// applicants stored after `afterId` keyed by РНОКПП (ApplicantRepository's
    /// bulk insert does not report ids back).  Reads the applicants table, never writes it.
    [[nodiscard]] Result<qint64> maxApplicantId();
    [[nodiscard]] Result<QHash<QString, qint64>> applicantIdsAfter(qint64 afterId);

    /// Refreshes the planner's statistics (after a bulk load).
    [[nodiscard]] Status analyze();

private:
    [[nodiscard]] Result<CaseDetails> loadDetails(const QString &where, const QVariant &key);
    [[nodiscard]] Result<QList<CaseSummary>> selectSummaries(const QString &tail, const QVariantList &binds);

    DatabasePtr m_db;
};

} // namespace cnap::storage
