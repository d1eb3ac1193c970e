#pragma once

// Where the workstation's "Sync now" gets its registry exchange configuration:
// the very INI file cnap-syncd reads (exchange::sync::SyncConfig::load), named
// by Settings::Key::ExchangeConfigFile, and the daemon's transport factory.
// The settings file holds only the path; the TLS key passphrase, if any, stays
// in the configuration file (readable by root and the cnap group).

#include "core/Result.h"
#include "exchange/sync/SyncEngine.h"

#include <QString>

namespace cnap::gui {
class Settings;
}

namespace cnap::gui::exchange {

class ExchangeSetup final {
public:
    /// Reads the path from `settings` (nullptr: not configured) and loads and
    /// validates the file.  `documentStoreDir` (the workstation's
    /// DocumentStoreDir) is used when the file names no [storage] documents.
    [[nodiscard]] static ExchangeSetup fromSettings(const Settings *settings);
    /// Loads and validates `file` (empty: not configured).
    [[nodiscard]] static ExchangeSetup fromFile(const QString &file, const QString &documentStoreDir = {});

    [[nodiscard]] const QString &configFile() const { return m_file; }
    /// The desk's document store, used when the file names none.
    [[nodiscard]] const QString &documentStoreDir() const { return m_storeDir; }
    /// The same file and fallback read again (the file may have been edited).
    [[nodiscard]] ExchangeSetup reloaded() const { return fromFile(m_file, m_storeDir); }
    [[nodiscard]] bool usable() const { return m_config.ok(); }
    /// The configuration, or why Sync now is off (Ukrainian, with how to fix it).
    [[nodiscard]] const Result<cnap::exchange::sync::SyncConfig> &config() const { return m_config; }
    /// One HTTP(S) transport per engine worker, as cnap-syncd makes them.
    [[nodiscard]] static cnap::exchange::sync::TransportFactory transportsFor(const cnap::exchange::sync::SyncConfig &config);

private:
    ExchangeSetup() = default;
    QString m_file;
    QString m_storeDir;
    Result<cnap::exchange::sync::SyncConfig> m_config = Error::make(ErrorCode::Unsupported, QString());
};

} // namespace cnap::gui::exchange
