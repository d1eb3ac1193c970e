#include "gui/exchange/ExchangeSetup.h"

#include "gui/settings/Settings.h"
#include "net/HttpTransport.h"

#include <QCoreApplication>

namespace cnap::gui::exchange {

namespace {
/// The translation context of this file (lupdate reads the macro's argument).
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cnap::gui::exchange::ExchangeSetup)
};
} // namespace

ExchangeSetup ExchangeSetup::fromSettings(const Settings *settings)
{
    if (!settings)
        return fromFile({});
    return fromFile(settings->string(Settings::Key::ExchangeConfigFile).trimmed(), settings->string(Settings::Key::DocumentStoreDir));
}

ExchangeSetup ExchangeSetup::fromFile(const QString &file, const QString &documentStoreDir)
{
    ExchangeSetup s;
    s.m_file = file;
    s.m_storeDir = documentStoreDir;
    if (file.isEmpty()) {
        s.m_config = Error::make(ErrorCode::Unsupported,
                                 Tr::tr("Обмін з реєстрами на цьому робочому місці не налаштовано. Адміністратор має вказати файл "
                                    "конфігурації синхронізації (той, що читає cnap-syncd, напр. /etc/cnap/syncd.conf) у "
                                    "параметрі exchange/configFile файла налаштувань робочого місця."));
        return s;
    }
    auto loaded = cnap::exchange::sync::SyncConfig::load(file);
    if (!loaded) {
        // The loader's own words (English, as in the daemon's journal) name the key.
        s.m_config = Error::make(loaded.error().code == ErrorCode::Io ? ErrorCode::Io : ErrorCode::InvalidArgument,
                                 Tr::tr("Файл конфігурації обміну %1 не прочитано: %2").arg(file, loaded.error().describe()));
        return s;
    }
    if (auto st = loaded->validate(); !st) {
        s.m_config = Error::make(ErrorCode::InvalidArgument, Tr::tr("Конфігурація обміну %1 неповна: %2").arg(file, st.error().describe()));
        return s;
    }
    // The workstation uses its own database connection ([database] url is the
    // daemon's); attachments come from where this desk keeps them unless the
    // file says otherwise.
    if (loaded->documentStore.isEmpty())
        loaded->documentStore = documentStoreDir;
    s.m_config = loaded.value();
    return s;
}

cnap::exchange::sync::TransportFactory ExchangeSetup::transportsFor(const cnap::exchange::sync::SyncConfig &config)
{
    const net::TransportConfig transport = config.transport;
    return [transport] { return net::makeHttpTransport(transport); };
}

} // namespace cnap::gui::exchange
