#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

#include <memory>

namespace cnap::gui {

/// Typed workstation settings over QSettings: one enum of keys, one table of
/// defaults, a format version and migrate().  Secrets never live here
/// (database passwords come from the URL given at start or from the keyring).
class Settings final {
public:
    enum class Key {
        DatabaseUrl,        ///< sqlite:PATH or postgresql://user@host/db (password not stored)
        Language,           ///< "uk" (default) or "en"
        Desk,               ///< this workstation's desk (вікно) name
        IdleLockMinutes,    ///< lock the session after this much inactivity
        TicketPrinter,      ///< kiosk printer name; empty = PDF into TicketPdfDir
        TicketPdfDir,
        DocumentStoreDir,   ///< where scans live (empty: next to a SQLite file)
        MaxUploadMegabytes,
        DisplayChime,       ///< hall display plays a chime on a call
        MainWindowGeometry,
        MainWindowState,
        CentreName,         ///< printed on queue tickets and shown on the hall display
        /// The registry exchange configuration (the INI file cnap-syncd reads,
        /// e.g. /etc/cnap/syncd.conf) that "Sync now" uses; empty: Sync now is
        /// off.  Only the path lives here: the key passphrase stays in that file.
        ExchangeConfigFile,
    };

    /// Settings in the platform's usual place for this user, or in `file` (tests, kiosks).
    explicit Settings(const QString &file = {});

    [[nodiscard]] QVariant value(Key key) const;
    [[nodiscard]] QString string(Key key) const { return value(key).toString(); }
    [[nodiscard]] int integer(Key key) const { return value(key).toInt(); }
    [[nodiscard]] bool flag(Key key) const { return value(key).toBool(); }
    void setValue(Key key, const QVariant &v);

    [[nodiscard]] static QString keyName(Key key);
    [[nodiscard]] static QVariant defaultValue(Key key);

    static constexpr int kVersion = 1;
    /// Brings older settings files to kVersion (renamed keys, changed units).
    void migrate();
    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace cnap::gui
