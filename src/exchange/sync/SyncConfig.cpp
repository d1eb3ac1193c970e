#include "exchange/sync/SyncConfig.h"

#include "core/identifiers/Identifiers.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSettings>

namespace cnap::exchange::sync {

namespace {

Error bad(const QString &key, const QString &why)
{
    // Daemon configuration errors are read by administrators in the journal:
    // English, like the rest of the daemon's output.
    return Error::invalid(key, why);
}

Result<int> intValue(const QSettings &s, const QString &key, int fallback, int min, int max)
{
    if (!s.contains(key))
        return fallback;
    bool ok = false;
    const int v = s.value(key).toString().trimmed().toInt(&ok);
    if (!ok || v < min || v > max)
        return bad(key, QStringLiteral("expected an integer %1..%2").arg(min).arg(max));
    return v;
}

Result<bool> boolValue(const QSettings &s, const QString &key, bool fallback)
{
    if (!s.contains(key))
        return fallback;
    const QString v = s.value(key).toString().trimmed().toLower();
    if (v == QStringLiteral("true") || v == QStringLiteral("yes") || v == QStringLiteral("1") || v == QStringLiteral("on"))
        return true;
    if (v == QStringLiteral("false") || v == QStringLiteral("no") || v == QStringLiteral("0") || v == QStringLiteral("off"))
        return false;
    return bad(key, QStringLiteral("expected true or false"));
}

QString path(const QString &value, const QString &configDir)
{
    if (value.isEmpty() || QFileInfo(value).isAbsolute())
        return value;
    return configDir + u'/' + value;
}

} // namespace

Result<SyncConfig> SyncConfig::load(const QString &file) { return load(file, SyncConfig{}); }

Result<SyncConfig> SyncConfig::load(const QString &file, SyncConfig c)
{
    if (!QFileInfo(file).isReadable())
        return Error::make(ErrorCode::Io, QStringLiteral("cannot read configuration file %1").arg(file));
    QSettings s(file, QSettings::IniFormat);
    if (s.status() != QSettings::NoError)
        return bad(QStringLiteral("config"), QStringLiteral("%1 is not a valid INI file").arg(file));
    const QString dir = QFileInfo(file).absolutePath();
    const auto str = [&s](const QString &key, const QString &fallback) {
        return s.contains(key) ? s.value(key).toString().trimmed() : fallback;
    };

    c.databaseUrl = str(QStringLiteral("database/url"), c.databaseUrl);
    c.securityServerUrl = str(QStringLiteral("security_server/url"), c.securityServerUrl);
    c.transport.tls.caFile = path(str(QStringLiteral("security_server/ca_file"), c.transport.tls.caFile), dir);
    c.transport.tls.certFile = path(str(QStringLiteral("security_server/cert_file"), c.transport.tls.certFile), dir);
    c.transport.tls.keyFile = path(str(QStringLiteral("security_server/key_file"), c.transport.tls.keyFile), dir);
    c.transport.tls.keyPassphrase = str(QStringLiteral("security_server/key_passphrase"), c.transport.tls.keyPassphrase);
    auto verify = boolValue(s, QStringLiteral("security_server/verify_hostname"), c.transport.tls.verifyHostname);
    if (!verify)
        return verify.error();
    c.transport.tls.verifyHostname = verify.value();
    auto connectMs = intValue(s, QStringLiteral("security_server/connect_timeout_ms"), int(c.transport.connectTimeout.count()), 100, 600000);
    if (!connectMs)
        return connectMs.error();
    c.transport.connectTimeout = std::chrono::milliseconds(connectMs.value());
    auto readMs = intValue(s, QStringLiteral("security_server/read_timeout_ms"), int(c.transport.readTimeout.count()), 100, 3600000);
    if (!readMs)
        return readMs.error();
    c.transport.readTimeout = std::chrono::milliseconds(readMs.value());

    c.client.instance = str(QStringLiteral("client/instance"), c.client.instance);
    c.client.memberClass = str(QStringLiteral("client/member_class"), c.client.memberClass);
    c.client.memberCode = str(QStringLiteral("client/member_code"), c.client.memberCode);
    c.client.subsystemCode = str(QStringLiteral("client/subsystem"), c.client.subsystemCode);
    c.userIdFormat = str(QStringLiteral("client/user_id_format"), c.userIdFormat);
    c.documentStore = path(str(QStringLiteral("storage/documents"), c.documentStore), dir);

    for (const QString &group : s.childGroups()) {
        if (!group.startsWith(QStringLiteral("provider.")))
            continue;
        const QString code = group.mid(9);
        ProviderIdentity p;
        p.instance = str(group + QStringLiteral("/instance"), c.client.instance);
        p.memberClass = str(group + QStringLiteral("/member_class"), QStringLiteral("GOV"));
        p.memberCode = str(group + QStringLiteral("/member_code"), {});
        p.subsystemCode = str(group + QStringLiteral("/subsystem"), {});
        c.providers.insert(code, p);
    }

    auto interval = intValue(s, QStringLiteral("schedule/interval_s"), int(c.interval.count()), 1, 86400);
    if (!interval)
        return interval.error();
    c.interval = std::chrono::seconds(interval.value());
    auto statusPoll = intValue(s, QStringLiteral("schedule/status_poll_s"), int(c.statusPollInterval.count()), 0, 86400);
    if (!statusPoll)
        return statusPoll.error();
    c.statusPollInterval = std::chrono::seconds(statusPoll.value());
    auto online = boolValue(s, QStringLiteral("schedule/poll_online"), c.pollOnline);
    if (!online)
        return online.error();
    c.pollOnline = online.value();
    if (s.contains(QStringLiteral("schedule/working_hours"))) {
        const QStringList hm = str(QStringLiteral("schedule/working_hours"), {}).split(u'-');
        const QTime a = hm.size() == 2 ? QTime::fromString(hm[0].trimmed(), QStringLiteral("HH:mm")) : QTime();
        const QTime b = hm.size() == 2 ? QTime::fromString(hm[1].trimmed(), QStringLiteral("HH:mm")) : QTime();
        if (!a.isValid() || !b.isValid() || !(a < b))
            return bad(QStringLiteral("schedule/working_hours"), QStringLiteral("expected HH:MM-HH:MM, start before end"));
        c.workStart = a;
        c.workEnd = b;
    }
    if (s.contains(QStringLiteral("schedule/working_days"))) {
        const QStringList se = str(QStringLiteral("schedule/working_days"), {}).split(u'-');
        bool ok1 = false;
        bool ok2 = false;
        const int from = se.value(0).toInt(&ok1);
        const int to = se.size() == 2 ? se.value(1).toInt(&ok2) : from;
        if (!ok1 || (se.size() == 2 && !ok2) || se.size() > 2 || from < 1 || to > 7 || from > to)
            return bad(QStringLiteral("schedule/working_days"), QStringLiteral("expected a day range such as 1-5 (Monday = 1)"));
        c.workDays.clear();
        for (int d = from; d <= to; ++d)
            c.workDays << d;
    }

    auto batch = intValue(s, QStringLiteral("sync/batch_size"), c.batchSize, 1, 1000);
    if (!batch)
        return batch.error();
    c.batchSize = batch.value();
    auto conc = intValue(s, QStringLiteral("sync/concurrency"), c.concurrency, 1, 64);
    if (!conc)
        return conc.error();
    c.concurrency = conc.value();
    auto attempts = intValue(s, QStringLiteral("sync/max_attempts"), c.maxAttempts, 1, 1000);
    if (!attempts)
        return attempts.error();
    c.maxAttempts = attempts.value();
    auto base = intValue(s, QStringLiteral("sync/backoff_base_ms"), int(c.backoffBase.count()), 0, 3600000);
    if (!base)
        return base.error();
    c.backoffBase = std::chrono::milliseconds(base.value());
    auto max = intValue(s, QStringLiteral("sync/backoff_max_ms"), int(c.backoffMax.count()), 0, 86400000);
    if (!max)
        return max.error();
    c.backoffMax = std::chrono::milliseconds(max.value());
    auto lease = intValue(s, QStringLiteral("sync/lease_s"), int(c.lease.count() / 1000), 1, 86400);
    if (!lease)
        return lease.error();
    c.lease = std::chrono::milliseconds(qint64(lease.value()) * 1000);
    auto days = intValue(s, QStringLiteral("retention/message_log_days"), c.messageLogDays, 0, 36500);
    if (!days)
        return days.error();
    c.messageLogDays = days.value();
    return c;
}

Status SyncConfig::validate() const
{
    if (securityServerUrl.isEmpty())
        return bad(QStringLiteral("security_server/url"), QStringLiteral("the security server URL is not set"));
    if (!securityServerUrl.startsWith(QStringLiteral("http://")) && !securityServerUrl.startsWith(QStringLiteral("https://")))
        return bad(QStringLiteral("security_server/url"), QStringLiteral("expected an http:// or https:// URL"));
    if (securityServerUrl.startsWith(QStringLiteral("https://")) && transport.tls.caFile.isEmpty())
        return bad(QStringLiteral("security_server/ca_file"), QStringLiteral("https needs the CA that signs the security server's certificate"));
    if (transport.tls.certFile.isEmpty() != transport.tls.keyFile.isEmpty())
        return bad(QStringLiteral("security_server/cert_file"), QStringLiteral("cert_file and key_file go together"));
    if (auto e = Edrpou::parse(client.memberCode); !e)
        return bad(QStringLiteral("client/member_code"), QStringLiteral("the centre's EDRPOU code is not valid (8 digits with a check digit)"));
    if (auto st = client.validate(QStringLiteral("client")); !st)
        return st;
    if (backoffMax < backoffBase)
        return bad(QStringLiteral("sync/backoff_max_ms"), QStringLiteral("must not be below backoff_base_ms"));
    return {};
}

Result<xml::xroad::XRoadService> SyncConfig::serviceFor(const QString &serviceCode, const QString &serviceVersion) const
{
    const auto it = providers.constFind(serviceCode);
    if (it == providers.constEnd() || it->memberCode.isEmpty())
        return Error::make(ErrorCode::NotFound,
                           QStringLiteral("no provider configured for registry service %1 (section [provider.%1])").arg(serviceCode));
    return xml::xroad::XRoadService{it->instance, it->memberClass, it->memberCode, it->subsystemCode, serviceCode, serviceVersion};
}

bool SyncConfig::isWorkingTime(const QDateTime &local) const
{
    if (!workDays.contains(local.date().dayOfWeek()))
        return false;
    const QTime t = local.time();
    return t >= workStart && t <= workEnd;
}

} // namespace cnap::exchange::sync
