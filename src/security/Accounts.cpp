#include "security/Accounts.h"

#include "core/log/Categories.h"
#include "security/PasswordPolicy.h"
#include "storage/Sql.h"
#include "storage/UserRepository.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace cnap::security {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::security::Accounts", s); }

QString normaliseLogin(const QString &login) { return login.trimmed().toLower(); }

Error unauthenticated(const QString &message) { return Error::make(ErrorCode::Unauthenticated, message); }

Error notFound(const QString &login)
{
    return Error{ErrorCode::NotFound, tr("користувача «%1» не знайдено").arg(login), QStringLiteral("login")};
}

Actor actorOf(const storage::UserRecord &u, const QString &desk)
{
    Actor a;
    a.userId = u.id;
    a.login = u.login;
    a.role = u.role;
    a.desk = desk;
    return a;
}
} // namespace

qint64 LockoutPolicy::delaySecs(int failures)
{
    if (failures < kThreshold)
        return 0;
    const int doublings = std::min(failures - kThreshold, 16);
    return std::min(kFirstDelaySecs << doublings, kMaxDelaySecs);
}

QString AccountSummary::stateKey(const QDateTime &now) const
{
    if (disabled)
        return QStringLiteral("disabled");
    if (lockedUntil.isValid() && lockedUntil > now)
        return QStringLiteral("locked");
    return QStringLiteral("active");
}

Accounts::Accounts(storage::DatabasePtr db, const Clock &clock, crypto::ScryptParams params)
    : m_db(std::move(db)), m_clock(clock), m_hasher(params), m_audit(m_db, clock)
{
}

QString Accounts::invalidCredentialsMessage() { return tr("неправильний логін або пароль"); }

Status Accounts::checkLogin(const QString &login)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9._-]{1,63}$"));
    if (!re.match(login).hasMatch())
        return Error::invalid(QStringLiteral("login"),
                              tr("логін має складатися з 2–64 малих латинських літер, цифр і знаків . _ - та починатися з літери або цифри"));
    return {};
}

Result<LoginOutcome> Accounts::refuse(const Actor &who, const QString &reason, const Error &error)
{
    if (auto st = m_audit.append(who, AuditAction::LoginFailed, QStringLiteral("user"), who.login, reason); !st)
        return st.error();
    return error;
}

Result<LoginOutcome> Accounts::login(const QString &loginText, const QString &password, const QString &desk)
{
    const QString login = normaliseLogin(loginText);
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    const QSqlDatabase db = conn.value();

    // A name that is not a valid login, or not an account, is not recorded as typed:
    // people type passwords and identity numbers into the login field.
    Actor unknown;
    unknown.login = QStringLiteral("?");
    unknown.desk = desk;
    if (!checkLogin(login)) {
        m_hasher.verifyDummy(password);
        return refuse(unknown, QStringLiteral("unknown-login"), unauthenticated(invalidCredentialsMessage()));
    }
    auto found = storage::UserRepository(db).findByLogin(login);
    if (!found) {
        if (found.error().code != ErrorCode::NotFound)
            return found.error();
        m_hasher.verifyDummy(password);
        return refuse(unknown, QStringLiteral("unknown-login"), unauthenticated(invalidCredentialsMessage()));
    }

    // The expensive KDF runs before the row lock is taken, so a slow hash never
    // holds up other desks; the state is re-read under the lock below.
    QString checkedHash = found->passwordHash;
    bool passwordOk = m_hasher.verify(password, checkedHash);

    auto tx = storage::Transaction::begin(db);
    if (!tx)
        return tx.error();
    storage::UserRepository users(db);
    auto user = users.findByLogin(login, /*forUpdate=*/true);
    if (!user)
        return user.error();
    if (user->passwordHash != checkedHash)  // changed meanwhile (reset): check against the current one
        passwordOk = m_hasher.verify(password, user->passwordHash);
    const Actor who = actorOf(user.value(), desk);
    const QDateTime now = m_clock.now();

    if (user->lockedUntil.isValid() && user->lockedUntil > now) {
        // Refused without counting: the delay must not grow while it runs.
        CNAP_TRY(m_audit.append(tx.value(), who, AuditAction::LoginFailed, QStringLiteral("user"), who.login, QStringLiteral("locked")));
        CNAP_TRY(tx->commit());
        if (!passwordOk)
            return unauthenticated(invalidCredentialsMessage());
        return unauthenticated(tr("обліковий запис тимчасово заблоковано після невдалих спроб входу; спробуйте після %1")
                                   .arg(user->lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm"))));
    }

    if (!passwordOk) {
        const int failures = user->failedAttempts + 1;
        const qint64 delay = LockoutPolicy::delaySecs(failures);
        const QDateTime lockedUntil = delay > 0 ? now.addSecs(delay) : QDateTime();
        CNAP_TRY(users.saveLoginState(user->id, failures, lockedUntil, QDateTime(), now));
        CNAP_TRY(m_audit.append(tx.value(), who, AuditAction::LoginFailed, QStringLiteral("user"), who.login,
                                QStringLiteral("wrong-password attempt=%1").arg(failures)));
        if (delay > 0) {
            CNAP_TRY(m_audit.append(tx.value(), who, AuditAction::Lock, QStringLiteral("user"), who.login,
                                    QStringLiteral("lock-out %1 s after %2 failures").arg(delay).arg(failures)));
            qCWarning(lcSecurity) << "account locked out after" << failures << "failed logins for" << delay << "s";
        }
        CNAP_TRY(tx->commit());
        return unauthenticated(invalidCredentialsMessage());
    }

    if (user->disabled) {
        CNAP_TRY(m_audit.append(tx.value(), who, AuditAction::LoginFailed, QStringLiteral("user"), who.login, QStringLiteral("disabled")));
        CNAP_TRY(tx->commit());
        return unauthenticated(tr("обліковий запис вимкнено; зверніться до адміністратора"));
    }

    CNAP_TRY(users.saveLoginState(user->id, 0, QDateTime(), now, now));
    if (m_hasher.needsRehash(user->passwordHash)) {
        // Parameters were raised since this hash was made: upgrade it now that we know the password.
        auto rehashed = m_hasher.hash(password);
        if (!rehashed)
            return rehashed.error();
        CNAP_TRY(users.savePassword(user->id, rehashed.value(), user->mustChangePassword, now));
    }
    CNAP_TRY(m_audit.append(tx.value(), who, AuditAction::Login, QStringLiteral("user"), who.login,
                            user->mustChangePassword ? QStringLiteral("must-change-password") : QString()));
    CNAP_TRY(tx->commit());
    return LoginOutcome{who, user->mustChangePassword, user->displayName};
}

Status Accounts::logout(const Actor &actor)
{
    return m_audit.append(actor, AuditAction::Logout, QStringLiteral("user"), actor.login);
}

Status Accounts::lockSession(const Actor &actor)
{
    return m_audit.append(actor, AuditAction::Lock, QStringLiteral("session"), actor.login, QStringLiteral("screen locked"));
}

Status Accounts::changePassword(const Actor &actor, const QString &oldPassword, const QString &newPassword)
{
    if (actor.userId <= 0)
        return Error::make(ErrorCode::Unauthenticated, tr("змінити власний пароль може лише користувач, який увійшов"));
    CNAP_TRY(PasswordPolicy::check(actor.login, newPassword));
    if (oldPassword == newPassword)
        return Error::invalid(QStringLiteral("password"), tr("новий пароль має відрізнятися від попереднього"));
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto user = storage::UserRepository(conn.value()).findByLogin(actor.login);
    if (!user)
        return user.error();
    if (!m_hasher.verify(oldPassword, user->passwordHash))
        return Error{ErrorCode::Unauthenticated, tr("поточний пароль указано неправильно"), QStringLiteral("old_password")};
    auto hash = m_hasher.hash(newPassword);
    if (!hash)
        return hash.error();
    auto tx = storage::Transaction::begin(conn.value());
    if (!tx)
        return tx.error();
    CNAP_TRY(storage::UserRepository(conn.value()).savePassword(user->id, hash.value(), false, m_clock.now()));
    CNAP_TRY(m_audit.append(tx.value(), actor, AuditAction::PasswordChange, QStringLiteral("user"), actor.login));
    return tx->commit();
}

Status Accounts::resetPassword(const Actor &by, const QString &loginText, const QString &newPassword, bool mustChange)
{
    const QString login = normaliseLogin(loginText);
    CNAP_TRY(PasswordPolicy::check(login, newPassword));
    auto hash = m_hasher.hash(newPassword);
    if (!hash)
        return hash.error();
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto tx = storage::Transaction::begin(conn.value());
    if (!tx)
        return tx.error();
    storage::UserRepository users(conn.value());
    auto user = users.findByLogin(login, true);
    if (!user)
        return user.error().code == ErrorCode::NotFound ? notFound(login) : user.error();
    CNAP_TRY(users.savePassword(user->id, hash.value(), mustChange, m_clock.now()));
    CNAP_TRY(m_audit.append(tx.value(), by, AuditAction::UserChange, QStringLiteral("user"), login,
                            mustChange ? QStringLiteral("password reset") : QStringLiteral("password reset, permanent")));
    return tx->commit();
}

Result<qint64> Accounts::addUser(const Actor &by, const NewAccount &account)
{
    const QString login = normaliseLogin(account.login);
    CNAP_TRY(checkLogin(login));
    if (account.role == Role::System)
        return Error::invalid(QStringLiteral("role"), tr("роль «системний інструмент» не призначається обліковим записам"));
    if (account.displayName.size() > 200)
        return Error::invalid(QStringLiteral("display_name"), tr("ім'я для показу задовге (до 200 символів)"));
    CNAP_TRY(PasswordPolicy::check(login, account.password));
    auto hash = m_hasher.hash(account.password);
    if (!hash)
        return hash.error();
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto tx = storage::Transaction::begin(conn.value());
    if (!tx)
        return tx.error();
    storage::UserRecord u;
    u.login = login;
    u.displayName = account.displayName.trimmed();
    u.role = account.role;
    u.passwordHash = hash.value();
    u.mustChangePassword = account.mustChangePassword;
    u.createdAt = u.updatedAt = m_clock.now();
    auto id = storage::UserRepository(conn.value()).insert(u);
    if (!id) {
        if (id.error().code == ErrorCode::AlreadyExists)
            return Error{ErrorCode::AlreadyExists, tr("користувач з логіном «%1» уже існує").arg(login), QStringLiteral("login")};
        return id.error();
    }
    CNAP_TRY(m_audit.append(tx.value(), by, AuditAction::UserAdd, QStringLiteral("user"), login,
                            QStringLiteral("role=%1").arg(roleKey(account.role))));
    CNAP_TRY(tx->commit());
    return id.value();
}

Status Accounts::setDisabled(const Actor &by, const QString &loginText, bool disabled)
{
    const QString login = normaliseLogin(loginText);
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto tx = storage::Transaction::begin(conn.value());
    if (!tx)
        return tx.error();
    storage::UserRepository users(conn.value());
    auto user = users.findByLogin(login, true);
    if (!user)
        return user.error().code == ErrorCode::NotFound ? notFound(login) : user.error();
    if (disabled && by.userId == user->id)
        return Error::invalid(QStringLiteral("login"), tr("не можна вимкнути власний обліковий запис"));
    CNAP_TRY(users.saveDisabled(user->id, disabled, m_clock.now()));
    CNAP_TRY(m_audit.append(tx.value(), by, AuditAction::UserChange, QStringLiteral("user"), login,
                            disabled ? QStringLiteral("disabled") : QStringLiteral("enabled")));
    return tx->commit();
}

Result<std::vector<AccountSummary>> Accounts::list() const
{
    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto rows = storage::UserRepository(conn.value()).list();
    if (!rows)
        return rows.error();
    std::vector<AccountSummary> out;
    out.reserve(rows->size());
    for (const auto &u : rows.value())
        out.push_back({u.id, u.login, u.displayName, u.role, u.disabled, u.mustChangePassword, u.failedAttempts,
                       u.lockedUntil, u.lastLoginAt});
    return out;
}

} // namespace cnap::security
