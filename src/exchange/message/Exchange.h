#pragma once

// One request/response exchange with the security server, the way the sync
// engine performs it: compose the wire message once (the outbox stores it and
// resends the same bytes under the same id), post it, judge the answer.

#include "exchange/message/Multipart.h"
#include "net/HttpTransport.h"
#include "xml/xroad/ResponseCheck.h"

namespace cnap::exchange {

using xml::xroad::ResponseVerdict;
using xml::xroad::SentRequest;

/// A request ready for the wire.  Store `wire` (content type + body) in the
/// outbox; `sent` is recoverable later with SentRequest::fromBytes(soap).
struct OutgoingMessage final {
    SentRequest sent;
    EncodedMessage wire;
};

/// Wraps serialised SOAP bytes (and attachments) into a wire message.
[[nodiscard]] Result<OutgoingMessage> composeMessage(const QByteArray &soap, const std::vector<Attachment> &attachments = {});

/// Judges an HTTP answer (text/xml or multipart/related) to `request`: unwraps
/// multipart, then applies xml::xroad::checkResponse.  Attachments of the answer
/// land in `attachments` when given.
[[nodiscard]] ResponseVerdict judgeResponse(const SentRequest &request, const net::HttpResponse &response,
                                            std::vector<Attachment> *attachments = nullptr);

/// Posts `message` to the security server at `url` and judges the result;
/// transport errors become a verdict with retry = net::isRetryable(error).
[[nodiscard]] ResponseVerdict exchange(net::HttpTransport &transport, const QString &url, const OutgoingMessage &message,
                                       std::vector<Attachment> *attachments = nullptr);

} // namespace cnap::exchange
