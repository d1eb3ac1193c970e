#include "core/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace cnap {

namespace {
QString g_language = QStringLiteral("uk");

/// Looks a message up in its own context first, then in the catalogue that
/// files every message under one context (see resources/CMakeLists.txt):
/// file-local tr() helpers ask under a context of their own choosing, which
/// need not be the scope lupdate filed the string under.
class FallbackTranslator final : public QTranslator {
public:
    using QTranslator::QTranslator;

    bool load(const QString &byContext, const QString &anyContext)
    {
        // The fallback is a safety net: without it the catalogue still serves.
        const bool loaded = QTranslator::load(byContext);
        if (!m_any.load(anyContext))
            qWarning("English fallback catalogue %s not loaded", qUtf8Printable(anyContext));
        return loaded;
    }

    [[nodiscard]] bool isEmpty() const override { return QTranslator::isEmpty() && m_any.isEmpty(); }

    [[nodiscard]] QString translate(const char *context, const char *sourceText, const char *disambiguation,
                                    int n) const override
    {
        QString out = QTranslator::translate(context, sourceText, disambiguation, n);
        if (out.isNull())
            out = m_any.translate("cnap-any", sourceText, disambiguation, n);
        return out;
    }

private:
    QTranslator m_any;
};
} // namespace

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
    auto *app = new FallbackTranslator(QCoreApplication::instance());
    if (app->load(QStringLiteral(":/i18n/cnap_en.qm"), QStringLiteral(":/i18n/cnap_en_any.qm")))
        QCoreApplication::installTranslator(app);
    return true;
}

QString currentLanguage() { return g_language; }

} // namespace cnap
