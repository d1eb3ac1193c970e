#include "services/CatalogueService.h"

#include "core/Paths.h"
#include "xml/CatalogueXml.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>

namespace cnap::services {
namespace {

Q_LOGGING_CATEGORY(lcCatalogue, "cnap.catalogue")

QString tr(const char *s) { return QCoreApplication::translate("cnap::services::CatalogueService", s); }

// A catalogue file is a few hundred kilobytes; anything far larger is not one.
constexpr qint64 kMaxCatalogueBytes = 16 * 1024 * 1024;

} // namespace

CatalogueService::CatalogueService(storage::DatabasePtr db, const Clock &clock, QString schemaPath)
    : m_repo(std::move(db), clock), m_schemaPath(std::move(schemaPath))
{
}

QString CatalogueService::schemaPath() const
{
    if (!m_schemaPath.isEmpty())
        return m_schemaPath;
    const QString dir = schemasDir();
    return dir.isEmpty() ? QString() : QDir(dir).filePath(xml::catalogueSchemaFileName());
}

Result<CatalogueImportSummary> CatalogueService::importFile(const Actor &actor, const QString &path)
{
    CNAP_TRY(require(actor, Permission::CatalogueWrite));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorCode::Io, tr("не вдалося відкрити файл каталогу %1: %2").arg(path, f.errorString()));
    if (f.size() > kMaxCatalogueBytes)
        return Error::make(ErrorCode::Xml, tr("файл каталогу %1 завеликий (%2 байт)").arg(path).arg(f.size()));
    const QByteArray bytes = f.readAll();
    if (f.error() != QFileDevice::NoError)
        return Error::make(ErrorCode::Io, tr("не вдалося прочитати файл каталогу %1: %2").arg(path, f.errorString()));
    return importData(actor, bytes);
}

Result<CatalogueImportSummary> CatalogueService::importData(const Actor &actor, const QByteArray &bytes)
{
    CNAP_TRY(require(actor, Permission::CatalogueWrite));
    const QString xsd = schemaPath();
    if (xsd.isEmpty())
        return Error::make(ErrorCode::Io, tr("не знайдено теку зі схемами XSD (шукали: %1; задайте CNAP_SCHEMAS_DIR)")
                                              .arg(schemasDirCandidates().join(QStringLiteral(", "))));
    auto cards = xml::readCatalogue(bytes, xsd);
    if (!cards)
        return cards.error();
    if (cards->empty())
        return Error::invalid(QStringLiteral("service"),
                              tr("каталог не містить жодної послуги; імпорт такого файлу вилучив би всі послуги"));
    auto summary = m_repo.replaceAll(cards.value());
    if (summary)
        qCInfo(lcCatalogue) << "catalogue imported by" << actor.login << "total" << summary->total << "added" << summary->added
                            << "updated" << summary->updated << "unchanged" << summary->unchanged << "deactivated"
                            << summary->deactivated;
    return summary;
}

Result<QByteArray> CatalogueService::exportData(const Actor &actor)
{
    CNAP_TRY(require(actor, Permission::CatalogueRead));
    auto cards = m_repo.list(/*activeOnly=*/true);
    if (!cards)
        return cards.error();
    return xml::writeCatalogue(cards.value());
}

Result<int> CatalogueService::exportFile(const Actor &actor, const QString &path)
{
    CNAP_TRY(require(actor, Permission::CatalogueRead));
    auto cards = m_repo.list(/*activeOnly=*/true);
    if (!cards)
        return cards.error();
    const QByteArray bytes = xml::writeCatalogue(cards.value());
    // QSaveFile writes a temporary file next to the target and renames it over
    // the target only on commit(): a full disk or a crash leaves the old file.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error::make(ErrorCode::Io, tr("не вдалося створити файл %1: %2").arg(path, out.errorString()));
    if (out.write(bytes) != bytes.size()) {
        const QString why = out.errorString();
        out.cancelWriting();
        return Error::make(ErrorCode::Io, tr("не вдалося записати файл %1: %2").arg(path, why));
    }
    if (!out.commit())
        return Error::make(ErrorCode::Io, tr("не вдалося зберегти файл %1: %2").arg(path, out.errorString()));
    return static_cast<int>(cards->size());
}

Result<std::vector<ServiceCard>> CatalogueService::list(const Actor &actor, bool activeOnly)
{
    CNAP_TRY(require(actor, Permission::CatalogueRead));
    return m_repo.list(activeOnly);
}

Result<ServiceCard> CatalogueService::get(const Actor &actor, const ServiceCode &code)
{
    CNAP_TRY(require(actor, Permission::CatalogueRead));
    return m_repo.get(code);
}

Result<std::vector<ServiceCard>> CatalogueService::search(const Actor &actor, const QString &query)
{
    CNAP_TRY(require(actor, Permission::CatalogueRead));
    return m_repo.search(query, /*activeOnly=*/true);
}

} // namespace cnap::services
