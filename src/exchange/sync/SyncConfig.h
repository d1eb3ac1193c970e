#pragma once

// The sync daemon's configuration (installer/linux/syncd.conf, INI format):
// where the security server is, who we are in Trembita, whom each registry
// service belongs to, and how often and how hard to try.  The same struct is
// filled by cnapctl (`exchange request` seals with it) and by tests.

#include "core/Result.h"
#include "net/HttpTransport.h"
#include "xml/xroad/XRoad.h"

#include <QHash>
#include <QString>
#include <QTime>

#include <chrono>

namespace cnap::exchange::sync {

/// A registry service's provider: member and subsystem (code and version come from the item).
struct ProviderIdentity final {
    QString instance;
    QString memberClass;
    QString memberCode;
    QString subsystemCode;
};

struct SyncConfig final {
    QString databaseUrl;                     ///< [database] url
    QString securityServerUrl;               ///< [security_server] url
    net::TransportConfig transport;          ///< [security_server] ca_file, cert_file, key_file, key_passphrase, timeouts
    xml::xroad::XRoadClient client{QStringLiteral("SEVDEIR-TEST"), QStringLiteral("GOV"), {}, {}};  ///< [client]
    /// [client] user_id_format: "%1" is the clerk's login (e.g. "UA-CNAP-%1").
    QString userIdFormat = QStringLiteral("%1");
    QHash<QString, ProviderIdentity> providers;  ///< [provider.<ServiceCode>]
    QString documentStore;                   ///< [storage] documents: where attachments are read from (empty: beside the database)

    // [schedule]
    std::chrono::seconds interval{60};
    QTime workStart{0, 0};                   ///< working_hours = 08:00-20:00; outside them the daemon sleeps
    QTime workEnd{23, 59, 59};
    QList<int> workDays{1, 2, 3, 4, 5, 6, 7};  ///< working_days = 1-5 (Monday = 1)
    std::chrono::seconds statusPollInterval{300};
    bool pollOnline = true;

    // [sync]
    int batchSize = 50;
    int concurrency = 4;
    int maxAttempts = 10;
    std::chrono::milliseconds backoffBase{5000};
    std::chrono::milliseconds backoffMax{15 * 60 * 1000};
    std::chrono::milliseconds lease{120 * 1000};

    // [retention]
    int messageLogDays = 90;                 ///< 0: keep forever

    /// Reads an INI file over the defaults; InvalidArgument naming "section/key".
    [[nodiscard]] static Result<SyncConfig> load(const QString &path, SyncConfig base);
    [[nodiscard]] static Result<SyncConfig> load(const QString &path);
    /// Cross-field checks before running (URL set, member code an ЄДРПОУ, ...).
    [[nodiscard]] Status validate() const;
    /// The provider of a registry service; NotFound naming the missing section.
    [[nodiscard]] Result<xml::xroad::XRoadService> serviceFor(const QString &serviceCode, const QString &serviceVersion) const;
    /// Whether `local` falls into the working hours and days.
    [[nodiscard]] bool isWorkingTime(const QDateTime &local) const;
};

} // namespace cnap::exchange::sync
