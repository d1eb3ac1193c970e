#include "storage/DatabaseUrl.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

namespace cnap::storage {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::storage::DatabaseUrl", s); }

const QStringList kAllowedPgOptions = {
    QStringLiteral("sslmode"), QStringLiteral("sslrootcert"), QStringLiteral("sslcert"),
    QStringLiteral("sslkey"), QStringLiteral("connect_timeout"), QStringLiteral("application_name"),
};
} // namespace

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QString field = QStringLiteral("db");
    const QString t = text.trimmed();
    if (t.isEmpty())
        return Error::invalid(field, tr("адресу бази даних не вказано (sqlite:ШЛЯХ або postgresql://…)"));

    DatabaseUrl url;
    if (t.startsWith(QStringLiteral("sqlite:"))) {
        url.m_dialect = Dialect::Sqlite;
        QString path = t.mid(7);
        if (path.startsWith(QStringLiteral("//")))
            path = path.mid(2);  // tolerate sqlite://PATH
        if (path.isEmpty())
            return Error::invalid(field, tr("у адресі sqlite: не вказано шлях до файлу"));
        url.m_path = path;
        return url;
    }
    if (t.startsWith(QStringLiteral("postgresql://")) || t.startsWith(QStringLiteral("postgres://"))) {
        const QUrl u(t, QUrl::StrictMode);
        if (!u.isValid())
            return Error::invalid(field, tr("некоректна адреса PostgreSQL: %1").arg(u.errorString()));
        url.m_dialect = Dialect::Postgresql;
        url.m_host = u.host();
        if (url.m_host.isEmpty())
            return Error::invalid(field, tr("в адресі PostgreSQL не вказано сервер"));
        url.m_port = u.port(5432);
        if (url.m_port <= 0 || url.m_port > 65535)
            return Error::invalid(field, tr("некоректний порт сервера PostgreSQL"));
        url.m_user = u.userName(QUrl::FullyDecoded);
        if (url.m_user.isEmpty())
            return Error::invalid(field, tr("в адресі PostgreSQL не вказано користувача"));
        url.m_password = u.password(QUrl::FullyDecoded);
        url.m_dbName = u.path(QUrl::FullyDecoded).mid(1);
        if (url.m_dbName.isEmpty() || url.m_dbName.contains(u'/'))
            return Error::invalid(field, tr("в адресі PostgreSQL не вказано назву бази даних"));
        const QUrlQuery q(u);
        for (const auto &[key, value] : q.queryItems(QUrl::FullyDecoded)) {
            if (!kAllowedPgOptions.contains(key))
                return Error::invalid(field, tr("невідомий параметр адреси PostgreSQL: %1").arg(key));
            url.m_options.insert(key, value);
        }
        return url;
    }
    return Error::invalid(field, tr("непідтримувана адреса бази даних; очікується sqlite:ШЛЯХ або postgresql://користувач@сервер/база"));
}

DatabaseUrl DatabaseUrl::withDatabaseName(const QString &name) const
{
    DatabaseUrl copy = *this;
    copy.m_dbName = name;
    return copy;
}

static QString build(const DatabaseUrl &u, bool withPassword)
{
    if (u.dialect() == Dialect::Sqlite)
        return QStringLiteral("sqlite:") + u.path();
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(u.host());
    url.setPort(u.port());
    url.setUserName(u.user());
    if (!u.password().isEmpty())
        url.setPassword(withPassword ? u.password() : QStringLiteral("***"));
    url.setPath(u'/' + u.databaseName());
    if (!u.options().isEmpty()) {
        QUrlQuery q;
        for (auto it = u.options().cbegin(); it != u.options().cend(); ++it)
            q.addQueryItem(it.key(), it.value());
        url.setQuery(q);
    }
    return url.toString(QUrl::FullyEncoded);
}

QString DatabaseUrl::toDisplayString() const { return build(*this, false); }
QString DatabaseUrl::toString() const { return build(*this, true); }

} // namespace cnap::storage
