#pragma once

// Applicant use cases for every front end (the clerk desk, cnapctl, tests):
// search by whatever the visitor hands over, open, find duplicates, create and
// change.  Every method checks the role first and leaves an audit entry: who
// opened which person's file is personal-data processing that must be
// traceable (Law 2297-VI "On personal data protection", Art. 24).

#include "core/Clock.h"
#include "core/Result.h"
#include "core/applicant/Applicant.h"
#include "core/security/Access.h"
#include "storage/Database.h"

#include <QString>

#include <memory>
#include <vector>

namespace cnap::security {
class AuditLog;
enum class AuditAction;
} // namespace cnap::security

namespace cnap::services {

/// What a search text looks like.  Detected from its shape only, so the audit
/// can record the KIND of identifier without its value.
enum class ApplicantQueryKind {
    Empty,       ///< nothing to search for
    Rnokpp,      ///< 10 digits with a valid check digit
    Edrpou,      ///< 8 digits
    Unzr,        ///< YYYYMMDD-NNNNN (hyphen optional)
    Passport,    ///< two letters and six digits (Latin look-alikes accepted)
    IdCard,      ///< 9 digits
    Phone,       ///< "+380…", or 10 digits starting with 0 that are not a РНОКПП
    CaseNumber,  ///< letters/digits with separators and at least one digit: "01-2026-000042"
    Surname,     ///< anything else: a surname (or organisation name) prefix
};

[[nodiscard]] ApplicantQueryKind detectApplicantQueryKind(const QString &text);
/// "rnokpp", "edrpou", "unzr", "passport", "id-card", "phone", "case-number", "surname", "empty".
[[nodiscard]] QString applicantQueryKindKey(ApplicantQueryKind kind);
/// "РНОКПП", "код ЄДРПОУ", … (translated), for the hint next to the search box.
[[nodiscard]] QString applicantQueryKindDisplayName(ApplicantQueryKind kind);

struct ApplicantSearchResult final {
    ApplicantQueryKind kind = ApplicantQueryKind::Empty;
    std::vector<Applicant> applicants;
};

class ApplicantService final {
public:
    explicit ApplicantService(storage::DatabasePtr db, const Clock &clock = Clock::system(), bool audit = true);
    ~ApplicantService();
    ApplicantService(const ApplicantService &) = delete;
    ApplicantService &operator=(const ApplicantService &) = delete;

    /// Finds applicants by the detected kind of `text` (ApplicantRead; a case
    /// number also needs CaseRead).  Audited as "applicant-search" with the kind
    /// only.  Surname prefixes ignore case and apostrophe variants.
    [[nodiscard]] Result<ApplicantSearchResult> search(const Actor &actor, const QString &text, int limit = 20);
    /// One applicant (ApplicantRead), audited as "applicant-open".
    [[nodiscard]] Result<Applicant> open(const Actor &actor, qint64 id);
    /// Applicants on file that may be `candidate` (ApplicantRead).
    [[nodiscard]] Result<std::vector<Applicant>> findDuplicates(const Actor &actor, const Applicant &candidate);
    /// Validates and stores a new applicant (ApplicantWrite); AlreadyExists when
    /// the РНОКПП/ЄДРПОУ is on file.  Audited as "applicant-change".
    [[nodiscard]] Result<Applicant> create(const Actor &actor, const Applicant &applicant);
    /// Saves changes if nobody else did meanwhile (ApplicantWrite); Conflict otherwise.
    [[nodiscard]] Result<Applicant> update(const Actor &actor, const Applicant &applicant);

    /// Records that a document about `objectType`/`objectId` was printed or
    /// saved as PDF (CaseRead): "print" in the audit chain, `what` without personal data.
    [[nodiscard]] Status recordPrint(const Actor &actor, const QString &objectType, const QString &objectId,
                                     const QString &what);

private:
    [[nodiscard]] Status audit(const Actor &actor, security::AuditAction action, const QString &objectId, const QString &details);

    storage::DatabasePtr m_db;
    const Clock &m_clock;
    std::unique_ptr<security::AuditLog> m_audit;
};

} // namespace cnap::services
