#include "gui/admin/SettingsSecrets.h"

#include <QUrl>

namespace cnap::gui::admin {

QString databaseUrlForSettings(const QString &url)
{
    const QString text = url.trimmed();
    if (text.isEmpty() || text.startsWith(QStringLiteral("sqlite:")))
        return text;  // a file path holds no secret
    QUrl parsed(text, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.scheme().isEmpty())
        return {};
    parsed.setPassword(QString());
    // A libpq "password" query option would be a secret as well.
    if (parsed.hasQuery()) {
        const QString query = parsed.query(QUrl::FullyEncoded);
        QStringList kept;
        for (const QString &item : query.split(u'&', Qt::SkipEmptyParts)) {
            if (!item.section(u'=', 0, 0).compare(QStringLiteral("password"), Qt::CaseInsensitive))
                continue;
            kept << item;
        }
        if (kept.isEmpty())
            parsed.setQuery(QString());
        else
            parsed.setQuery(kept.join(u'&'), QUrl::StrictMode);
    }
    return parsed.toString(QUrl::FullyEncoded);
}

} // namespace cnap::gui::admin
