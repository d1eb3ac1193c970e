#include "xml/xroad/ResponseCheck.h"

#include "crypto/Hash.h"

#include <QCoreApplication>

namespace cnap::xml::xroad {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::xml::xroad", s); }

// The header elements a request of this shape carries, in the order we send them.
QStringList expectedOrder(const RequestHeader &h)
{
    QStringList order{QStringLiteral("client"), QStringLiteral("service"), QStringLiteral("id")};
    if (!h.userId.isEmpty())
        order << QStringLiteral("userId");
    if (!h.issue.isEmpty())
        order << QStringLiteral("issue");
    order << QStringLiteral("protocolVersion");
    return order;
}

void checkText(QStringList &errors, const QString &name, const QString &sent, const std::optional<QString> &echoed)
{
    if (sent.isEmpty() && !echoed)
        return;
    if (!echoed)
        errors << tr("у відповіді немає заголовка «%1», надісланого в запиті").arg(name);
    else if (sent.isEmpty())
        errors << tr("у відповіді є заголовок «%1», якого не було в запиті").arg(name);
    else if (*echoed != sent)
        errors << tr("заголовок «%1» у відповіді («%2») не збігається з надісланим («%3»)").arg(name, *echoed, sent);
}

} // namespace

Result<SentRequest> SentRequest::fromBytes(const QByteArray &soap)
{
    auto m = parseMessage(soap);
    if (!m)
        return m.error();
    auto header = requestHeaderOf(m.value());
    if (!header)
        return header.error();
    return SentRequest{std::move(header).value(), soap, m->body.namespaceUri()};
}

ResponseVerdict transportFailure(const Error &error, bool retryable)
{
    ResponseVerdict v;
    v.retry = retryable;
    v.errors << error.describe();
    return v;
}

ResponseVerdict checkResponse(const SentRequest &request, int httpStatus, const QByteArray &soap)
{
    ResponseVerdict v;
    // X-Road sends faults with 200 as well as 500; anything else is not an X-Road answer.
    if (httpStatus != 200 && httpStatus != 500) {
        v.errors << tr("неочікуваний HTTP-статус %1").arg(httpStatus);
        v.retry = httpStatus >= 500 || httpStatus == 408 || httpStatus == 429;
        return v;
    }
    auto parsed = parseMessage(soap);
    if (!parsed) {
        v.errors << tr("відповідь не є коректним SOAP-повідомленням: %1").arg(parsed.error().message);
        // Garbage or a cut-off answer says nothing about our request: resend under
        // the same id (the provider de-duplicates).
        v.retry = true;
        return v;
    }
    Message m = std::move(parsed).value();
    if (m.fault) {
        v.fault = m.fault;
        v.retry = isRetryable(m.fault->faultClass);
        v.response = std::move(m);
        return v;
    }
    if (httpStatus != 200)
        v.errors << tr("HTTP-статус %1 без SOAP fault").arg(httpStatus);

    const RequestHeader &sent = request.header;
    const MessageHeader &got = m.header;
    if (!got.client)
        v.errors << tr("у відповіді немає заголовка «client»");
    else if (!(*got.client == sent.client))
        v.errors << tr("заголовок «client» у відповіді (%1) не збігається з надісланим (%2)")
                        .arg(got.client->toString(), sent.client.toString());
    else if (got.clientObjectType.value_or(QString()) != (sent.client.isSubsystem() ? QStringLiteral("SUBSYSTEM") : QStringLiteral("MEMBER")))
        v.errors << tr("id:objectType заголовка «client» у відповіді не збігається з надісланим");
    if (!got.service)
        v.errors << tr("у відповіді немає заголовка «service»");
    else if (!(*got.service == sent.service))
        v.errors << tr("заголовок «service» у відповіді (%1) не збігається з надісланим (%2)")
                        .arg(got.service->toString(), sent.service.toString());
    if (!got.id)
        v.errors << tr("у відповіді немає заголовка «id»");
    else if (*got.id != sent.id)
        v.errors << tr("заголовок «id» у відповіді («%1») не збігається з надісланим («%2»)").arg(*got.id, sent.id);
    checkText(v.errors, QStringLiteral("userId"), sent.userId, got.userId);
    checkText(v.errors, QStringLiteral("issue"), sent.issue, got.issue);
    if (!got.protocolVersion)
        v.errors << tr("у відповіді немає заголовка «protocolVersion»");
    else if (*got.protocolVersion != sent.protocolVersion)
        v.errors << tr("заголовок «protocolVersion» у відповіді («%1») не збігається з надісланим («%2»)")
                        .arg(*got.protocolVersion, sent.protocolVersion);
    QStringList echoedOrder = got.order;
    echoedOrder.removeAll(QStringLiteral("requestHash"));
    if (v.errors.isEmpty() && echoedOrder != expectedOrder(sent))
        v.errors << tr("заголовки X-Road у відповіді йдуть не в порядку запиту (%1)").arg(echoedOrder.join(QStringLiteral(", ")));

    if (got.requestHash) {
        if (got.requestHashAlgorithm != sha512AlgorithmId())
            v.errors << tr("непідтримуваний алгоритм requestHash: «%1»").arg(got.requestHashAlgorithm);
        else if (!crypto::constantTimeEquals(got.requestHash->toLatin1(), requestHash(request.soap).toLatin1()))
            v.errors << tr("requestHash у відповіді не відповідає надісланому запиту");
    }

    const QString expected = sent.service.serviceCode + QStringLiteral("Response");
    if (m.body.localName() != expected)
        v.errors << tr("елемент тіла відповіді «%1», очікувався «%2»").arg(m.body.localName(), expected);
    else if (!request.payloadNamespace.isEmpty() && m.body.namespaceUri() != request.payloadNamespace)
        v.errors << tr("простір імен тіла відповіді «%1», очікувався «%2»").arg(m.body.namespaceUri(), request.payloadNamespace);

    v.accepted = v.errors.isEmpty();
    v.retry = !v.accepted;
    v.response = std::move(m);
    return v;
}

} // namespace cnap::xml::xroad
