#include "core/Paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace cnap {
namespace {

// applicationDirPath() needs a QCoreApplication; without one (static
// initialisers, odd tools) only the environment variable can help.
QString appDir()
{
    return QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QString();
}

QStringList candidates(const char *envVar, const QString &installed, const QString &buildTree)
{
    QStringList out;
    const QString fromEnv = qEnvironmentVariable(envVar);
    if (!fromEnv.isEmpty())
        out << QDir::cleanPath(fromEnv);
    const QString dir = appDir();
    if (!dir.isEmpty()) {
        out << QDir::cleanPath(dir + u'/' + installed);
        out << QDir::cleanPath(dir + u'/' + buildTree);
    }
    return out;
}

} // namespace

QStringList schemasDirCandidates()
{
    return candidates("CNAP_SCHEMAS_DIR", QStringLiteral("../share/cnap/schemas"), QStringLiteral("../../schemas"));
}

QStringList catalogueFileCandidates()
{
    return candidates("CNAP_CATALOG_FILE", QStringLiteral("../share/cnap/catalog/services.xml"),
                      QStringLiteral("../../resources/catalog/services.xml"));
}

QString schemasDir()
{
    for (const QString &c : schemasDirCandidates()) {
        if (QFileInfo(c).isDir())
            return c;
    }
    return {};
}

QString catalogueFile()
{
    for (const QString &c : catalogueFileCandidates()) {
        if (QFileInfo(c).isFile())
            return c;
    }
    return {};
}

} // namespace cnap
