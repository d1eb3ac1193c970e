#pragma once

// Staff and device accounts (table users, migration 0010).

#include "core/Result.h"
#include "core/security/Access.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

#include <optional>
#include <vector>

namespace cnap::storage {

struct UserRecord final {
    qint64 id = 0;
    QString login;
    QString displayName;
    Role role = Role::Clerk;
    QString passwordHash;
    bool mustChangePassword = false;
    bool disabled = false;
    int failedAttempts = 0;
    QDateTime lockedUntil;   ///< invalid when not locked
    QDateTime lastLoginAt;
    QDateTime createdAt;
    QDateTime updatedAt;
    int version = 1;
};

/// SQL for users.  Every method runs on the connection it is given, so callers
/// put several calls (and the audit row) into one storage::Transaction.
class UserRepository final {
public:
    explicit UserRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// NotFound when there is no such login.  `forUpdate` locks the row until the
    /// transaction ends on PostgreSQL (SQLite's BEGIN IMMEDIATE already holds the lock).
    [[nodiscard]] Result<UserRecord> findByLogin(const QString &login, bool forUpdate = false) const;
    [[nodiscard]] Result<std::vector<UserRecord>> list() const;
    /// AlreadyExists for a duplicate login.  Returns the new id.
    [[nodiscard]] Result<qint64> insert(const UserRecord &user);

    /// The counters after a login attempt.  Bumps version and updated_at.
    [[nodiscard]] Status saveLoginState(qint64 id, int failedAttempts, const QDateTime &lockedUntil,
                                        const QDateTime &lastLoginAt, const QDateTime &now);
    /// New password hash; clears the lock-out counters.
    [[nodiscard]] Status savePassword(qint64 id, const QString &passwordHash, bool mustChange, const QDateTime &now);
    /// Disable or enable; enabling also clears the lock-out counters.
    [[nodiscard]] Status saveDisabled(qint64 id, bool disabled, const QDateTime &now);
    [[nodiscard]] Status saveRoleAndName(qint64 id, Role role, const QString &displayName, const QDateTime &now);

    /// The text form times are stored in (UTC, milliseconds, 'Z').
    [[nodiscard]] static QString timeText(const QDateTime &t);
    [[nodiscard]] static QDateTime parseTime(const QString &text);

private:
    QSqlDatabase m_db;
};

} // namespace cnap::storage
