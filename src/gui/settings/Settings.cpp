#include "gui/settings/Settings.h"

#include <QStandardPaths>

namespace cnap::gui {

namespace {
struct Entry {
    Settings::Key key;
    const char *name;
    QVariant def;
};

const Entry *table()
{
    static const Entry entries[] = {
        {Settings::Key::DatabaseUrl, "database/url", QVariant()},
        {Settings::Key::Language, "ui/language", QStringLiteral("uk")},
        {Settings::Key::Desk, "desk/name", QStringLiteral("1")},
        {Settings::Key::IdleLockMinutes, "security/idleLockMinutes", 10},
        {Settings::Key::TicketPrinter, "kiosk/printer", QString()},
        {Settings::Key::TicketPdfDir, "kiosk/pdfDir", QString()},
        {Settings::Key::DocumentStoreDir, "documents/storeDir", QString()},
        {Settings::Key::MaxUploadMegabytes, "documents/maxUploadMegabytes", 25},
        {Settings::Key::DisplayChime, "display/chime", true},
        {Settings::Key::MainWindowGeometry, "ui/mainWindowGeometry", QVariant()},
        {Settings::Key::MainWindowState, "ui/mainWindowState", QVariant()},
        {Settings::Key::CentreName, "centre/name", QStringLiteral("Центр надання адміністративних послуг")},
        {Settings::Key::ExchangeConfigFile, "exchange/configFile", QString()},
    };
    return entries;
}
constexpr int kEntries = 13;

const Entry &entry(Settings::Key key)
{
    for (int i = 0; i < kEntries; ++i) {
        if (table()[i].key == key)
            return table()[i];
    }
    return table()[0];
}
} // namespace

Settings::Settings(const QString &file)
    : m_settings(file.isEmpty() ? std::make_unique<QSettings>(QStringLiteral("CNAP"), QStringLiteral("cnap-workstation"))
                                : std::make_unique<QSettings>(file, QSettings::IniFormat))
{
    migrate();
}

QString Settings::keyName(Key key) { return QString::fromLatin1(entry(key).name); }
QVariant Settings::defaultValue(Key key) { return entry(key).def; }

QVariant Settings::value(Key key) const { return m_settings->value(keyName(key), defaultValue(key)); }

void Settings::setValue(Key key, const QVariant &v) { m_settings->setValue(keyName(key), v); }

void Settings::migrate()
{
    const int version = m_settings->value(QStringLiteral("settings/version"), 0).toInt();
    if (version >= kVersion)
        return;
    // Version 0 had no version key and no renamed entries: only stamp it.
    m_settings->setValue(QStringLiteral("settings/version"), kVersion);
}

void Settings::sync() { m_settings->sync(); }

} // namespace cnap::gui
