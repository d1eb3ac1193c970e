#include "exchange/message/Exchange.h"

#include <QCoreApplication>

namespace cnap::exchange {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::exchange", s); }
} // namespace

Result<OutgoingMessage> composeMessage(const QByteArray &soap, const std::vector<Attachment> &attachments)
{
    auto sent = SentRequest::fromBytes(soap);
    if (!sent)
        return sent.error();
    auto wire = encodeMessage(MessageParts{soap, attachments});
    if (!wire)
        return wire.error();
    return OutgoingMessage{std::move(sent).value(), std::move(wire).value()};
}

ResponseVerdict judgeResponse(const SentRequest &request, const net::HttpResponse &response, std::vector<Attachment> *attachments)
{
    auto parts = decodeMessage(response.contentType, response.body);
    if (!parts) {
        ResponseVerdict v;
        // A plain-text 5xx from a proxy, or a cut multipart: nothing about our request.
        v.retry = response.status >= 500 || response.status == 200 || response.status == 408 || response.status == 429;
        v.errors << tr("HTTP %1: %2").arg(response.status).arg(parts.error().message);
        return v;
    }
    ResponseVerdict v = xml::xroad::checkResponse(request, response.status, parts->soap);
    if (attachments)
        *attachments = std::move(parts->attachments);
    return v;
}

ResponseVerdict exchange(net::HttpTransport &transport, const QString &url, const OutgoingMessage &message,
                         std::vector<Attachment> *attachments)
{
    auto response = transport.post(net::HttpRequest{url, message.wire.contentType, message.wire.body, {}});
    if (!response)
        return xml::xroad::transportFailure(response.error(), net::isRetryable(response.error()));
    return judgeResponse(message.sent, response.value(), attachments);
}

} // namespace cnap::exchange
