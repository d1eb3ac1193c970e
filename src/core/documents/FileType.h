#pragma once

// What kind of file a scan is, judged by its content (magic bytes), never by
// its name: a renamed Word file must not slip into a case as "scan.pdf".

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace cnap {

enum class FileType { Unknown, Pdf, Jpeg, Png, Tiff };

/// Detects the type from the first bytes (16 are enough).
[[nodiscard]] FileType detectFileType(QByteArrayView head);
[[nodiscard]] QString fileTypeMime(FileType type);   ///< "application/pdf", "image/jpeg", ...; empty for Unknown
[[nodiscard]] QString fileTypeName(FileType type);   ///< "PDF", "JPEG", "PNG", "TIFF"
/// The type a file name's extension claims (.pdf, .jpg/.jpeg, .png, .tif/.tiff); Unknown otherwise.
[[nodiscard]] FileType fileTypeFromExtension(const QString &fileName);

/// Default upper bound of one attachment: 20 MiB (a multi-page 300 dpi scan).
inline constexpr qint64 kDefaultMaxAttachmentBytes = 20LL * 1024 * 1024;

/// Accepts an attachment: non-empty, at most `maxBytes`, of a supported type,
/// and of the type its extension claims.  `field` names the form field in the
/// error ("documents[2]"), the message names the file.
[[nodiscard]] Result<FileType> checkAttachment(const QString &field, const QString &fileName, const QByteArray &content,
                                               qint64 maxBytes);

} // namespace cnap
