#include "core/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace cnap {

namespace {
QString g_language = QStringLiteral("uk");
}

bool installTranslations(const QString &language)
{
    QString lang = language.trimmed().toLower();
    if (lang.isEmpty())
        lang = QLocale::system().name().startsWith(QStringLiteral("en")) ? QStringLiteral("en") : QStringLiteral("uk");
    if (lang != QStringLiteral("uk") && lang != QStringLiteral("en"))
        return false;
    g_language = lang;
    if (lang == QStringLiteral("uk")) {
        // Ukrainian is the source language: its catalogue holds only the plural
        // forms of the %n strings; Qt's own strings come from qtbase_uk.
        auto *plurals = new QTranslator(QCoreApplication::instance());
        if (plurals->load(QStringLiteral(":/i18n/cnap_uk.qm")))
            QCoreApplication::installTranslator(plurals);
        auto *qt = new QTranslator(QCoreApplication::instance());
        if (qt->load(QLocale(QLocale::Ukrainian), QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
        return true;
    }
    auto *app = new QTranslator(QCoreApplication::instance());
    if (app->load(QStringLiteral(":/i18n/cnap_en.qm")))
        QCoreApplication::installTranslator(app);
    return true;
}

QString currentLanguage() { return g_language; }

} // namespace cnap
