#pragma once

// The tamper-evident audit trail: every entry carries
//     hash = SHA-256(prev_hash || canonical(entry))
// so changing, removing or reordering a stored row breaks the chain, and an
// anchor (latest seq + hash) kept outside the database reveals a cut-off tail.
// Required for information systems processing personal data: Law 2297-VI
// Art. 24, and the ЦНАП record-keeping rules (who opened which file, when).

#include "core/Clock.h"
#include "core/Result.h"
#include "core/security/Access.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

#include <optional>
#include <vector>

namespace cnap::storage {
class Transaction;
struct AuditRow;
} // namespace cnap::storage

namespace cnap::security {

/// What was done.  Stored as its key (auditActionKey), so the keys are a contract.
enum class AuditAction {
    Login,            ///< "login"
    LoginFailed,      ///< "login-failed"
    Logout,           ///< "logout"
    Lock,             ///< "lock": the session screen was locked
    Unlock,           ///< "unlock"
    PasswordChange,   ///< "password-change": by the user themselves
    ApplicantOpen,    ///< "applicant-open"
    ApplicantSearch,  ///< "applicant-search": details name the KIND of identifier, never its value
    ApplicantChange,  ///< "applicant-change"
    CaseOpen,         ///< "case-open"
    CaseChange,       ///< "case-change"
    Export,           ///< "export"
    Print,            ///< "print"
    UserAdd,          ///< "user-add"
    UserChange,       ///< "user-change": password reset, disable, enable, role
    SettingsChange,   ///< "settings-change"
    QueueChange,      ///< "queue-change": pause for an alert, configuration
    ExchangeChange,   ///< "exchange-change": re-queue, manual resend
};

[[nodiscard]] QString auditActionKey(AuditAction action);
[[nodiscard]] Result<AuditAction> auditActionFromKey(const QString &key);
[[nodiscard]] std::vector<AuditAction> allAuditActions();

/// One entry as read back.
struct AuditEntry final {
    qint64 seq = 0;
    QDateTime at;
    QString login{};
    QString role;
    QString desk;
    QString action;
    QString objectType{};
    QString objectId{};
    QString details;
    QString hash;
};

/// The latest seq and hash, exported outside the database (a file on another
/// machine, a printout) to detect a truncated tail later.
struct AuditAnchor final {
    qint64 seq = 0;
    QString hash;
    /// "seq hash" on one line.
    [[nodiscard]] QString toText() const;
    [[nodiscard]] static Result<AuditAnchor> parse(const QString &text);
};

enum class AuditFault {
    None,
    Changed,    ///< the entry's content or hash was altered
    Removed,    ///< the entry is missing from the middle
    Reordered,  ///< the entry holds another position's content
    Truncated,  ///< entries at the end are missing (head or anchor is ahead)
};

struct AuditVerification final {
    qint64 entries = 0;     ///< entries checked
    AuditFault fault = AuditFault::None;
    qint64 seq = 0;         ///< the FIRST bad entry (for Truncated: the first missing one)
    qint64 otherSeq = 0;    ///< Reordered: where the content belongs; Removed/Truncated: last missing
    QString message;        ///< Ukrainian, names the entry
    [[nodiscard]] bool ok() const { return fault == AuditFault::None; }
};

/// Listing filters; unset members do not filter.
struct AuditFilter final {
    QDateTime from{};        ///< inclusive
    QDateTime to{};          ///< exclusive
    QString login{};
    std::optional<AuditAction> action{};
    QString objectType{};
    QString objectId{};
    int limit = 1000;
    qint64 beforeSeq = 0;    ///< paging: entries older than this seq
};

/// Appends to, reads and verifies the chain.  Safe to use from several threads
/// (each uses its own connection) and from several desks (appenders serialise
/// on the chain head).
class AuditLog final {
public:
    explicit AuditLog(storage::DatabasePtr db, const Clock &clock = Clock::system());

    /// Appends in the caller's open transaction, so the audited change and its
    /// audit row commit or roll back together.  `details` must not carry personal
    /// data; anything that looks like an identifier is masked anyway.
    [[nodiscard]] Status append(storage::Transaction &tx, const Actor &actor, AuditAction action,
                                const QString &objectType = {}, const QString &objectId = {},
                                const QString &details = {});
    /// Appends in a transaction of its own (for events that change nothing else:
    /// login, logout, print, a search).
    [[nodiscard]] Status append(const Actor &actor, AuditAction action, const QString &objectType = {},
                                const QString &objectId = {}, const QString &details = {});

    /// Walks the whole chain.  A database error is an Error; a broken chain is a
    /// successful Result whose fault names the first bad entry.
    [[nodiscard]] Result<AuditVerification> verify(const std::optional<AuditAnchor> &anchor = std::nullopt) const;
    /// The latest entry's seq and hash (seq 0 and the genesis hash when empty).
    [[nodiscard]] Result<AuditAnchor> anchor() const;
    /// Newest first.
    [[nodiscard]] Result<std::vector<AuditEntry>> list(const AuditFilter &filter) const;

    /// The hash of the empty chain.
    [[nodiscard]] static QString genesisHash();
    /// SHA-256 hex of prevHash || canonical(row): each field as "<utf-8 length>:<bytes>;"
    /// in the order seq, at, login, role, desk, action, object_type, object_id, details.
    [[nodiscard]] static QString entryHash(const QString &prevHash, const storage::AuditRow &row);

private:
    [[nodiscard]] Status appendOn(const QSqlDatabase &db, const Actor &actor, AuditAction action,
                                  const QString &objectType, const QString &objectId, const QString &details);

    storage::DatabasePtr m_db;
    const Clock &m_clock;
};

} // namespace cnap::security
