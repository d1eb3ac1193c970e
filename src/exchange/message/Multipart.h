#pragma once

// SOAP with attachments (multipart/related, X-Road message protocol 4.0 §2.4):
// the SOAP part first, then each file with its Content-ID; the body refers to
// each file by content id and SHA-256 so the provider can check it.

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace cnap::exchange {

struct Attachment final {
    QByteArray contentId;     ///< without angle brackets, e.g. "scan-1@cnap"
    QByteArray contentType;   ///< e.g. "application/pdf"
    QByteArray data;
    [[nodiscard]] QString sha256Hex() const;
};

/// A message as it travels: the SOAP part and any attachments.
struct MessageParts final {
    QByteArray soap;
    std::vector<Attachment> attachments;
};

/// What goes on the wire: Content-Type header and body.
struct EncodedMessage final {
    QByteArray contentType;
    QByteArray body;
};

/// text/xml for a message without attachments, else multipart/related with
/// type="text/xml", a random boundary (never found inside any part) and
/// start=<the SOAP part's id>.  Fails on duplicate or malformed content ids.
[[nodiscard]] Result<EncodedMessage> encodeMessage(const MessageParts &parts);

/// Splits a received body by its Content-Type: text/xml as is, multipart/related
/// into the SOAP part (the `start` part, else the first) and attachments.
/// Rejects (ErrorCode::Protocol) a missing boundary, a missing closing delimiter,
/// parts without headers, a non-XML root part, duplicate content ids and more
/// than `maxParts` parts.
[[nodiscard]] Result<MessageParts> decodeMessage(const QByteArray &contentType, const QByteArray &body, int maxParts = 100);

/// The value of a Content-Type parameter (quotes removed), empty when absent.
[[nodiscard]] QByteArray contentTypeParameter(const QByteArray &contentType, const QByteArray &name);
/// The media type without parameters, lower case ("multipart/related").
[[nodiscard]] QByteArray mediaType(const QByteArray &contentType);

} // namespace cnap::exchange
