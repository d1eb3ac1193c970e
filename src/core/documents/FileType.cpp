#include "core/documents/FileType.h"

#include <QCoreApplication>
#include <QLocale>

namespace cnap {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::FileType", s); }

bool startsWith(QByteArrayView data, QByteArrayView magic)
{
    return data.size() >= magic.size() && data.first(magic.size()) == magic;
}
} // namespace

FileType detectFileType(QByteArrayView head)
{
    // ISO 32000: "%PDF-" at the start (readers tolerate leading bytes, but a
    // scan from our own scanners and registers never has them).
    if (startsWith(head, "%PDF-"))
        return FileType::Pdf;
    // JPEG: SOI marker FF D8 followed by another marker's FF.
    if (startsWith(head, QByteArrayView("\xFF\xD8\xFF", 3)))
        return FileType::Jpeg;
    // PNG signature, RFC 2083 section 3.1.
    if (startsWith(head, QByteArrayView("\x89PNG\r\n\x1A\n", 8)))
        return FileType::Png;
    // TIFF 6.0: byte order "II" + 42 little-endian, or "MM" + 42 big-endian.
    if (startsWith(head, QByteArrayView("II\x2A\x00", 4)) || startsWith(head, QByteArrayView("MM\x00\x2A", 4)))
        return FileType::Tiff;
    return FileType::Unknown;
}

QString fileTypeMime(FileType type)
{
    switch (type) {
    case FileType::Pdf: return QStringLiteral("application/pdf");
    case FileType::Jpeg: return QStringLiteral("image/jpeg");
    case FileType::Png: return QStringLiteral("image/png");
    case FileType::Tiff: return QStringLiteral("image/tiff");
    case FileType::Unknown: break;
    }
    return {};
}

QString fileTypeName(FileType type)
{
    switch (type) {
    case FileType::Pdf: return QStringLiteral("PDF");
    case FileType::Jpeg: return QStringLiteral("JPEG");
    case FileType::Png: return QStringLiteral("PNG");
    case FileType::Tiff: return QStringLiteral("TIFF");
    case FileType::Unknown: break;
    }
    return {};
}

FileType fileTypeFromExtension(const QString &fileName)
{
    const qsizetype dot = fileName.lastIndexOf(u'.');
    if (dot < 0)
        return FileType::Unknown;
    const QString ext = fileName.mid(dot + 1).toLower();
    if (ext == QStringLiteral("pdf"))
        return FileType::Pdf;
    if (ext == QStringLiteral("jpg") || ext == QStringLiteral("jpeg"))
        return FileType::Jpeg;
    if (ext == QStringLiteral("png"))
        return FileType::Png;
    if (ext == QStringLiteral("tif") || ext == QStringLiteral("tiff"))
        return FileType::Tiff;
    return FileType::Unknown;
}

Result<FileType> checkAttachment(const QString &field, const QString &fileName, const QByteArray &content, qint64 maxBytes)
{
    if (content.isEmpty())
        return Error::invalid(field, tr("файл «%1» порожній").arg(fileName));
    if (content.size() > maxBytes) {
        const QLocale uk(QLocale::Ukrainian, QLocale::Ukraine);
        return Error::invalid(field, tr("файл «%1» завеликий: %2, а дозволено не більше %3")
                                         .arg(fileName, uk.formattedDataSize(content.size()), uk.formattedDataSize(maxBytes)));
    }
    const FileType actual = detectFileType(QByteArrayView(content).first(qMin<qsizetype>(content.size(), 16)));
    const FileType claimed = fileTypeFromExtension(fileName);
    if (actual == FileType::Unknown) {
        if (claimed != FileType::Unknown)
            return Error::invalid(field, tr("файл «%1» названо як %2, але його вміст не є %2; відскануйте документ ще раз")
                                             .arg(fileName, fileTypeName(claimed)));
        return Error::invalid(field, tr("файл «%1» має непідтримуваний формат; приймаються PDF, JPEG, PNG і TIFF").arg(fileName));
    }
    if (claimed != FileType::Unknown && claimed != actual)
        return Error::invalid(field, tr("файл «%1» названо як %2, але за вмістом це %3")
                                         .arg(fileName, fileTypeName(claimed), fileTypeName(actual)));
    return actual;
}

} // namespace cnap
