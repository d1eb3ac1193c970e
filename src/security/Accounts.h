#pragma once

// Accounts and login: password checks, lock-out, must-change, and the audit
// rows for each.  No role checks here — services::AuthService does them.

#include "core/Clock.h"
#include "core/Result.h"
#include "core/security/Access.h"
#include "crypto/Password.h"
#include "security/AuditLog.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace cnap::security {

/// Lock-out after repeated failures (per account, stored in the database so it
/// survives restarts and applies on every desk): the 5th consecutive failure
/// locks for 1 minute, each further one doubles the delay, capped at 30 minutes.
struct LockoutPolicy final {
    static constexpr int kThreshold = 5;
    static constexpr qint64 kFirstDelaySecs = 60;
    static constexpr qint64 kMaxDelaySecs = 30 * 60;
    /// Seconds locked after the `failures`-th consecutive failure (0 below the threshold).
    [[nodiscard]] static qint64 delaySecs(int failures);
};

/// A successful login.
struct LoginOutcome final {
    Actor actor;
    bool mustChangePassword = false;  ///< the UI must force a change before anything else
    QString displayName;
};

/// A new account.
struct NewAccount final {
    QString login;
    QString displayName;
    Role role = Role::Clerk;
    QString password;
    bool mustChangePassword = true;  ///< staff choose their own password at first login
};

/// What user lists show (never the hash).
struct AccountSummary final {
    qint64 id = 0;
    QString login;
    QString displayName;
    Role role = Role::Clerk;
    bool disabled = false;
    bool mustChangePassword = false;
    int failedAttempts = 0;
    QDateTime lockedUntil;   ///< invalid or past: not locked
    QDateTime lastLoginAt;
    /// "active", "disabled" or "locked" at `now`.
    [[nodiscard]] QString stateKey(const QDateTime &now) const;
};

class Accounts final {
public:
    explicit Accounts(storage::DatabasePtr db, const Clock &clock = Clock::system(),
                      crypto::ScryptParams params = crypto::ScryptParams::production());

    /// Unknown login and wrong password fail with the same Unauthenticated message.
    /// A locked-out or disabled account is refused even with the right password
    /// (and told so only when the password was right).  Every attempt is audited.
    [[nodiscard]] Result<LoginOutcome> login(const QString &login, const QString &password, const QString &desk);
    [[nodiscard]] Status logout(const Actor &actor);
    /// Screen lock: audited; unlocking goes through login() again.
    [[nodiscard]] Status lockSession(const Actor &actor);

    /// The user changes their own password; the old one is required.
    [[nodiscard]] Status changePassword(const Actor &actor, const QString &oldPassword, const QString &newPassword);
    /// An administrator sets a new password; the user must change it at next login.
    /// `mustChange` false sets a permanent password (service accounts, demo and
    /// documentation set-ups); the audit row says which it was.
    [[nodiscard]] Status resetPassword(const Actor &by, const QString &login, const QString &newPassword, bool mustChange = true);
    [[nodiscard]] Result<qint64> addUser(const Actor &by, const NewAccount &account);
    [[nodiscard]] Status setDisabled(const Actor &by, const QString &login, bool disabled);
    [[nodiscard]] Result<std::vector<AccountSummary>> list() const;

    /// Logins are lower-case Latin letters, digits and . _ - (2–64 characters).
    [[nodiscard]] static Status checkLogin(const QString &login);
    /// The message for every failed authentication that must not reveal why.
    [[nodiscard]] static QString invalidCredentialsMessage();

    [[nodiscard]] AuditLog &audit() { return m_audit; }

private:
    [[nodiscard]] Result<LoginOutcome> refuse(const Actor &who, const QString &reason, const Error &error);

    storage::DatabasePtr m_db;
    const Clock &m_clock;
    crypto::PasswordHasher m_hasher;
    AuditLog m_audit;
};

} // namespace cnap::security
