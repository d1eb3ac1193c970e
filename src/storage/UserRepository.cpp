#include "storage/UserRepository.h"

#include "storage/Sql.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTimeZone>

namespace cnap::storage {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::storage::UserRepository", s); }

const QString kColumns = QStringLiteral(
    "id, login, display_name, role, password_hash, must_change_password, disabled, failed_attempts, "
    "locked_until, last_login_at, created_at, updated_at, version");

QVariant timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(UserRepository::timeText(t)) : QVariant(QMetaType::fromType<QString>());
}

Result<UserRecord> fromQuery(const QSqlQuery &q)
{
    UserRecord u;
    u.id = q.value(0).toLongLong();
    u.login = q.value(1).toString();
    u.displayName = q.value(2).toString();
    auto role = roleFromKey(q.value(3).toString());
    if (!role)
        return role.error();
    u.role = role.value();
    u.passwordHash = q.value(4).toString();
    u.mustChangePassword = q.value(5).toInt() != 0;
    u.disabled = q.value(6).toInt() != 0;
    u.failedAttempts = q.value(7).toInt();
    u.lockedUntil = UserRepository::parseTime(q.value(8).toString());
    u.lastLoginAt = UserRepository::parseTime(q.value(9).toString());
    u.createdAt = UserRepository::parseTime(q.value(10).toString());
    u.updatedAt = UserRepository::parseTime(q.value(11).toString());
    u.version = q.value(12).toInt();
    return u;
}

// Qt binds a null QString as SQL NULL; empty text columns are NOT NULL.
QString text(const QString &s) { return s.isNull() ? QStringLiteral("") : s; }

Status expectOneRow(QSqlQuery &q)
{
    if (q.numRowsAffected() != 1)
        return Error::make(ErrorCode::NotFound, tr("обліковий запис не знайдено"));
    return {};
}
} // namespace

QString UserRepository::timeText(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + u'Z';
}

QDateTime UserRepository::parseTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

Result<UserRecord> UserRepository::findByLogin(const QString &login, bool forUpdate) const
{
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM users WHERE login = ?");
    if (forUpdate && isPostgres(m_db))
        sql += QStringLiteral(" FOR UPDATE");
    auto q = execOne(m_db, sql, {login});
    if (!q) {
        if (q.error().code == ErrorCode::NotFound)
            return Error::make(ErrorCode::NotFound, tr("обліковий запис не знайдено"));
        return q.error();
    }
    return fromQuery(q.value());
}

Result<std::vector<UserRecord>> UserRepository::list() const
{
    auto q = exec(m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM users ORDER BY login"));
    if (!q)
        return q.error();
    std::vector<UserRecord> out;
    while (q->next()) {
        auto u = fromQuery(q.value());
        if (!u)
            return u.error();
        out.push_back(std::move(u.value()));
    }
    return out;
}

Result<qint64> UserRepository::insert(const UserRecord &u)
{
    return insertReturningId(
        m_db,
        QStringLiteral("INSERT INTO users (login, display_name, role, password_hash, must_change_password, disabled, "
                       "failed_attempts, locked_until, last_login_at, created_at, updated_at, version) "
                       "VALUES (?, ?, ?, ?, ?, ?, 0, NULL, NULL, ?, ?, 1)"),
        {text(u.login), text(u.displayName), roleKey(u.role), text(u.passwordHash), u.mustChangePassword ? 1 : 0, u.disabled ? 1 : 0,
         timeText(u.createdAt), timeText(u.updatedAt)});
}

Status UserRepository::saveLoginState(qint64 id, int failedAttempts, const QDateTime &lockedUntil,
                                      const QDateTime &lastLoginAt, const QDateTime &now)
{
    auto q = exec(m_db,
                  QStringLiteral("UPDATE users SET failed_attempts = ?, locked_until = ?, "
                                 "last_login_at = COALESCE(?, last_login_at), updated_at = ?, version = version + 1 "
                                 "WHERE id = ?"),
                  {failedAttempts, timeOrNull(lockedUntil), timeOrNull(lastLoginAt), timeText(now), id});
    if (!q)
        return q.error();
    return expectOneRow(q.value());
}

Status UserRepository::savePassword(qint64 id, const QString &passwordHash, bool mustChange, const QDateTime &now)
{
    auto q = exec(m_db,
                  QStringLiteral("UPDATE users SET password_hash = ?, must_change_password = ?, failed_attempts = 0, "
                                 "locked_until = NULL, updated_at = ?, version = version + 1 WHERE id = ?"),
                  {passwordHash, mustChange ? 1 : 0, timeText(now), id});
    if (!q)
        return q.error();
    return expectOneRow(q.value());
}

Status UserRepository::saveDisabled(qint64 id, bool disabled, const QDateTime &now)
{
    const QString sql = disabled
        ? QStringLiteral("UPDATE users SET disabled = 1, updated_at = ?, version = version + 1 WHERE id = ?")
        : QStringLiteral("UPDATE users SET disabled = 0, failed_attempts = 0, locked_until = NULL, updated_at = ?, "
                         "version = version + 1 WHERE id = ?");
    auto q = exec(m_db, sql, {timeText(now), id});
    if (!q)
        return q.error();
    return expectOneRow(q.value());
}

Status UserRepository::saveRoleAndName(qint64 id, Role role, const QString &displayName, const QDateTime &now)
{
    auto q = exec(m_db,
                  QStringLiteral("UPDATE users SET role = ?, display_name = ?, updated_at = ?, version = version + 1 WHERE id = ?"),
                  {roleKey(role), text(displayName), timeText(now), id});
    if (!q)
        return q.error();
    return expectOneRow(q.value());
}

} // namespace cnap::storage
