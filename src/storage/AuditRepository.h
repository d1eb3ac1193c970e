#pragma once

// The audit chain tables (audit_log, audit_chain_head; migration 0010).  Hashing
// and verification live in security::AuditLog; this is only the SQL.

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>
#include <vector>

namespace cnap::storage {

/// One stored audit row, exactly as in the table (times as their stored text,
/// because the hash covers those exact bytes).
struct AuditRow final {
    qint64 seq = 0;
    QString at;
    QString login;
    QString role;
    QString desk;
    QString action;
    QString objectType;
    QString objectId;
    QString details;
    QString prevHash;
    QString hash;
};

struct AuditHead final {
    qint64 seq = 0;
    QString hash;
};

/// Filters for the supervisors' listing; empty members do not filter.
struct AuditQuery final {
    QString fromAt;      ///< inclusive, stored-time text
    QString toAt;        ///< exclusive, stored-time text
    QString login;
    QString action;
    QString objectType;
    QString objectId;
    int limit = 1000;
    qint64 beforeSeq = 0;  ///< paging: only rows with seq < this (0: from the newest)
};

class AuditRepository final {
public:
    explicit AuditRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// The chain head, locked until the transaction ends (PostgreSQL: FOR UPDATE,
    /// which serialises appenders from every desk; SQLite: the caller's BEGIN
    /// IMMEDIATE already holds the database write lock).
    [[nodiscard]] Result<AuditHead> lockHead();
    /// The chain head without locking.
    [[nodiscard]] Result<AuditHead> head() const;
    /// Inserts the row and moves the head to it.
    [[nodiscard]] Status append(const AuditRow &row);

    /// Rows with seq > afterSeq in seq order, at most `limit` (for walking the chain).
    [[nodiscard]] Result<std::vector<AuditRow>> page(qint64 afterSeq, int limit) const;
    [[nodiscard]] Result<std::optional<AuditRow>> bySeq(qint64 seq) const;
    /// seq of the row whose hash is `hash`, if any.
    [[nodiscard]] Result<std::optional<qint64>> seqOfHash(const QString &hash) const;
    /// Newest first.
    [[nodiscard]] Result<std::vector<AuditRow>> find(const AuditQuery &query) const;

private:
    QSqlDatabase m_db;
};

} // namespace cnap::storage
