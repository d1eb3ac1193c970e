#include "xml/xroad/XRoad.h"

#include "core/identifiers/Identifiers.h"
#include "crypto/Hash.h"

#include <QCoreApplication>
#include <QSet>

namespace cnap::xml::xroad {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::xml::xroad", s); }

Error protocolError(const QString &message) { return Error::make(ErrorCode::Protocol, message); }

// An identifier part may hold letters, digits and '_', '-', '.', ':' (Trembita
// subsystem codes such as 10_KharkivRTG_prod); never whitespace or '/', which
// would make the toString() form ambiguous.
bool isCodeText(const QString &s)
{
    if (s.isEmpty() || s.size() > 255)
        return false;
    for (const QChar c : s) {
        if (c.isSpace() || c == u'/' || c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

Status checkPart(const QString &field, const QString &value, bool required)
{
    if (value.isEmpty()) {
        if (required)
            return Error::invalid(field, tr("поле обов'язкове"));
        return {};
    }
    if (!isCodeText(value))
        return Error::invalid(field, tr("недопустиме значення «%1»: без пробілів і «/», до 255 символів").arg(value));
    return {};
}

// Trembita: a GOV member is identified by its ЄДРПОУ, 8 digits with a check digit.
Status checkMember(const QString &field, const QString &instance, const QString &memberClass, const QString &memberCode)
{
    if (instance.startsWith(QStringLiteral("SEVDEIR")) && memberClass == QStringLiteral("GOV")) {
        if (auto e = Edrpou::parse(memberCode); !e)
            return Error::invalid(field + QStringLiteral(".memberCode"),
                                  tr("код члена класу GOV має бути кодом ЄДРПОУ (8 цифр): %1").arg(e.error().message));
    }
    return {};
}

const QString &idNs()
{
    static const QString ns = identifiersNamespace();
    return ns;
}
const QString &xrdNs()
{
    static const QString ns = xroadNamespace();
    return ns;
}
const QString &soapNs()
{
    static const QString ns = soapNamespace();
    return ns;
}

void appendClientParts(xml::Element &e, const QString &instance, const QString &memberClass, const QString &memberCode,
                       const QString &subsystemCode)
{
    e.appendTextChild(idNs(), QStringLiteral("xRoadInstance"), instance);
    e.appendTextChild(idNs(), QStringLiteral("memberClass"), memberClass);
    e.appendTextChild(idNs(), QStringLiteral("memberCode"), memberCode);
    if (!subsystemCode.isEmpty())
        e.appendTextChild(idNs(), QStringLiteral("subsystemCode"), subsystemCode);
}

// Reads an identifier element: children in the identifiers namespace, each at
// most once, in the order the schema's sequence gives.
Result<QHash<QString, QString>> readIdentifier(const xml::Element &e, const QStringList &allowed, const QString &what)
{
    QHash<QString, QString> parts;
    int lastIndex = -1;
    for (const xml::Element &c : e.children()) {
        const qsizetype index = allowed.indexOf(c.localName());
        if (c.namespaceUri() != idNs() || index < 0)
            return protocolError(tr("%1: неочікуваний елемент «%2»").arg(what, c.localName()));
        if (index <= lastIndex)
            return protocolError(tr("%1: елемент «%2» повторюється або стоїть не на своєму місці").arg(what, c.localName()));
        lastIndex = static_cast<int>(index);
        if (c.hasChildElements())
            return protocolError(tr("%1: елемент «%2» має містити лише текст").arg(what, c.localName()));
        parts.insert(c.localName(), c.text());
    }
    return parts;
}

Result<Fault> readFault(const xml::Element &faultElement)
{
    Fault f;
    bool haveCode = false;
    bool haveString = false;
    for (const xml::Element &c : faultElement.children()) {
        const QString name = c.localName();
        if (name == QStringLiteral("faultcode")) {
            f.code = c.text().trimmed();
            haveCode = true;
        } else if (name == QStringLiteral("faultstring")) {
            f.string = c.text();
            haveString = true;
        } else if (name == QStringLiteral("faultactor")) {
            f.actor = c.text().trimmed();
        } else if (name == QStringLiteral("detail")) {
            f.detail = c.toXml();
        }
    }
    if (!haveCode || f.code.isEmpty())
        return protocolError(tr("SOAP fault без faultcode"));
    if (!haveString)
        return protocolError(tr("SOAP fault без faultstring"));
    f.faultClass = classifyFaultCode(f.code);
    return f;
}

} // namespace

QString soapNamespace() { return QStringLiteral("http://schemas.xmlsoap.org/soap/envelope/"); }
QString xroadNamespace() { return QStringLiteral("http://x-road.eu/xsd/xroad.xsd"); }
QString identifiersNamespace() { return QStringLiteral("http://x-road.eu/xsd/identifiers"); }
QString sha512AlgorithmId() { return QStringLiteral("http://www.w3.org/2001/04/xmlenc#sha512"); }
QString protocolVersion() { return QStringLiteral("4.0"); }

// ---------------------------------------------------------------- identifiers

QString XRoadClient::toString() const
{
    QString s = instance + u'/' + memberClass + u'/' + memberCode;
    if (!subsystemCode.isEmpty())
        s += u'/' + subsystemCode;
    return s;
}

Result<XRoadClient> XRoadClient::parse(const QString &text)
{
    const QStringList parts = text.split(u'/');
    if (parts.size() != 3 && parts.size() != 4)
        return Error::invalid(QStringLiteral("client"), tr("очікується ІНСТАНЦІЯ/КЛАС/КОД[/ПІДСИСТЕМА], отримано «%1»").arg(text));
    XRoadClient c{parts[0], parts[1], parts[2], parts.size() == 4 ? parts[3] : QString()};
    CNAP_TRY(c.validate(QStringLiteral("client")));
    return c;
}

Status XRoadClient::validate(const QString &field) const
{
    CNAP_TRY(checkPart(field + QStringLiteral(".xRoadInstance"), instance, true));
    CNAP_TRY(checkPart(field + QStringLiteral(".memberClass"), memberClass, true));
    CNAP_TRY(checkPart(field + QStringLiteral(".memberCode"), memberCode, true));
    CNAP_TRY(checkPart(field + QStringLiteral(".subsystemCode"), subsystemCode, false));
    return checkMember(field, instance, memberClass, memberCode);
}

QString XRoadService::toString() const
{
    QString s = instance + u'/' + memberClass + u'/' + memberCode + u'/' + subsystemCode + u'/' + serviceCode;
    if (!serviceVersion.isEmpty())
        s += u'/' + serviceVersion;
    return s;
}

Status XRoadService::validate(const QString &field) const
{
    CNAP_TRY(checkPart(field + QStringLiteral(".xRoadInstance"), instance, true));
    CNAP_TRY(checkPart(field + QStringLiteral(".memberClass"), memberClass, true));
    CNAP_TRY(checkPart(field + QStringLiteral(".memberCode"), memberCode, true));
    CNAP_TRY(checkPart(field + QStringLiteral(".subsystemCode"), subsystemCode, false));
    CNAP_TRY(checkPart(field + QStringLiteral(".serviceCode"), serviceCode, true));
    CNAP_TRY(checkPart(field + QStringLiteral(".serviceVersion"), serviceVersion, false));
    // The serviceCode becomes an XML element name (the body element).
    const QChar first = serviceCode.front();
    if (!(first.isLetter() || first == u'_'))
        return Error::invalid(field + QStringLiteral(".serviceCode"), tr("код сервісу має починатися з літери: «%1»").arg(serviceCode));
    for (const QChar c : serviceCode) {
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.'))
            return Error::invalid(field + QStringLiteral(".serviceCode"), tr("код сервісу має бути іменем XML-елемента: «%1»").arg(serviceCode));
    }
    return checkMember(field, instance, memberClass, memberCode);
}

Status RequestHeader::validate() const
{
    CNAP_TRY(client.validate(QStringLiteral("client")));
    CNAP_TRY(service.validate(QStringLiteral("service")));
    if (!isCodeText(id))
        return Error::invalid(QStringLiteral("id"), tr("ідентифікатор повідомлення обов'язковий, без пробілів"));
    if (userId.size() > 255)
        return Error::invalid(QStringLiteral("userId"), tr("задовге значення"));
    if (issue.size() > 255)
        return Error::invalid(QStringLiteral("issue"), tr("задовге значення"));
    if (protocolVersion != xroad::protocolVersion())
        return Error::invalid(QStringLiteral("protocolVersion"), tr("підтримується лише версія протоколу 4.0"));
    return {};
}

// ---------------------------------------------------------------- building

Result<RequestEnvelope> newRequest(const RequestHeader &header, const QString &payloadNamespace)
{
    CNAP_TRY(header.validate());
    if (payloadNamespace.isEmpty())
        return Error::invalid(QStringLiteral("payloadNamespace"), tr("простір імен тіла запиту обов'язковий"));

    RequestEnvelope out{xml::Document::create(soapNs(), QStringLiteral("SOAP-ENV"), QStringLiteral("Envelope")), {}};
    xml::Element env = out.document.root();
    env.declareNamespace(QStringLiteral("xrd"), xrdNs());
    env.declareNamespace(QStringLiteral("id"), idNs());
    xml::Element h = env.appendChild(soapNs(), QStringLiteral("Header"));

    xml::Element client = h.appendChild(xrdNs(), QStringLiteral("client"));
    client.setAttribute(idNs(), QStringLiteral("objectType"),
                        header.client.isSubsystem() ? QStringLiteral("SUBSYSTEM") : QStringLiteral("MEMBER"));
    appendClientParts(client, header.client.instance, header.client.memberClass, header.client.memberCode,
                      header.client.subsystemCode);

    xml::Element service = h.appendChild(xrdNs(), QStringLiteral("service"));
    service.setAttribute(idNs(), QStringLiteral("objectType"), QStringLiteral("SERVICE"));
    appendClientParts(service, header.service.instance, header.service.memberClass, header.service.memberCode,
                      header.service.subsystemCode);
    service.appendTextChild(idNs(), QStringLiteral("serviceCode"), header.service.serviceCode);
    if (!header.service.serviceVersion.isEmpty())
        service.appendTextChild(idNs(), QStringLiteral("serviceVersion"), header.service.serviceVersion);

    h.appendTextChild(xrdNs(), QStringLiteral("id"), header.id);
    if (!header.userId.isEmpty())
        h.appendTextChild(xrdNs(), QStringLiteral("userId"), header.userId);
    if (!header.issue.isEmpty())
        h.appendTextChild(xrdNs(), QStringLiteral("issue"), header.issue);
    h.appendTextChild(xrdNs(), QStringLiteral("protocolVersion"), header.protocolVersion);

    xml::Element body = env.appendChild(soapNs(), QStringLiteral("Body"));
    out.payload = body.appendChild(payloadNamespace, header.service.serviceCode);
    return out;
}

Result<RequestEnvelope> newResponse(const Message &request, const QByteArray &requestBytes, const QString &payloadNamespace)
{
    if (!request.header.service)
        return protocolError(tr("у запиті немає заголовка service"));
    RequestEnvelope out{xml::Document::create(soapNs(), QStringLiteral("SOAP-ENV"), QStringLiteral("Envelope")), {}};
    xml::Element env = out.document.root();
    env.declareNamespace(QStringLiteral("xrd"), xrdNs());
    env.declareNamespace(QStringLiteral("id"), idNs());
    xml::Element h = env.appendChild(soapNs(), QStringLiteral("Header"));
    // Echo every header element unchanged and in order (the provider's security
    // server does the same); requestHash is the provider side's addition.
    const xml::Element reqHeader = request.document.root().child(QStringLiteral("Header"), soapNs());
    for (const xml::Element &c : reqHeader.children()) {
        if (c.namespaceUri() == xrdNs() && c.localName() == QStringLiteral("requestHash"))
            continue;
        h.appendCopy(c);
    }
    xml::Element hash = h.appendTextChild(xrdNs(), QStringLiteral("requestHash"), requestHash(requestBytes));
    hash.setAttribute(QStringLiteral("algorithmId"), sha512AlgorithmId());
    xml::Element body = env.appendChild(soapNs(), QStringLiteral("Body"));
    out.payload = body.appendChild(payloadNamespace, request.header.service->serviceCode + QStringLiteral("Response"));
    return out;
}

QByteArray faultDocument(const QString &faultcode, const QString &faultstring, const QString &detailText)
{
    xml::Document doc = xml::Document::create(soapNs(), QStringLiteral("SOAP-ENV"), QStringLiteral("Envelope"));
    xml::Element body = doc.root().appendChild(soapNs(), QStringLiteral("Body"));
    xml::Element fault = body.appendChild(soapNs(), QStringLiteral("Fault"));
    fault.appendTextChild({}, QStringLiteral("faultcode"), faultcode);
    fault.appendTextChild({}, QStringLiteral("faultstring"), faultstring);
    if (!detailText.isEmpty())
        fault.appendChild({}, QStringLiteral("detail")).appendTextChild({}, QStringLiteral("faultDetail"), detailText);
    return doc.serialize();
}

QString requestHash(const QByteArray &soapBytes)
{
    return QString::fromLatin1(crypto::sha512(soapBytes).toBase64());
}

// ---------------------------------------------------------------- faults

FaultClass classifyFaultCode(const QString &faultcode)
{
    QString code = faultcode.trimmed();
    // faultcode is a QName: drop the prefix ("SOAP-ENV:Server.ServerProxy.X").
    if (const qsizetype colon = code.indexOf(u':'); colon >= 0)
        code = code.mid(colon + 1);
    const auto startsWithPart = [&code](QStringView head) {
        if (!code.startsWith(head, Qt::CaseInsensitive))
            return false;
        return code.size() == head.size() || code.at(head.size()) == u'.';
    };
    if (startsWithPart(u"Server.ClientProxy"))
        return FaultClass::ServerClientProxy;
    if (startsWithPart(u"Server.ServerProxy"))
        return FaultClass::ServerServerProxy;
    if (startsWithPart(u"Client"))
        return FaultClass::Client;
    return FaultClass::Other;
}

QString faultClassName(FaultClass c)
{
    switch (c) {
    case FaultClass::Client: return QStringLiteral("client");
    case FaultClass::ServerClientProxy: return QStringLiteral("server-client-proxy");
    case FaultClass::ServerServerProxy: return QStringLiteral("server-server-proxy");
    case FaultClass::Other: break;
    }
    return QStringLiteral("other");
}

bool isRetryable(FaultClass c) { return c == FaultClass::ServerClientProxy || c == FaultClass::ServerServerProxy; }

// ---------------------------------------------------------------- parsing

Result<Message> parseMessage(const QByteArray &bytes, const xml::ParseLimits &limits)
{
    auto doc = xml::Document::parse(bytes, limits);
    if (!doc)
        return doc.error();
    Message m;
    m.document = std::move(doc).value();
    const xml::Element env = m.document.root();
    if (env.localName() != QStringLiteral("Envelope") || env.namespaceUri() != soapNs())
        return protocolError(tr("кореневий елемент має бути SOAP 1.1 Envelope, а не «%1» (%2)").arg(env.localName(), env.namespaceUri()));

    xml::Element header;
    xml::Element body;
    for (const xml::Element &c : env.children()) {
        const bool soap = c.namespaceUri() == soapNs();
        if (soap && c.localName() == QStringLiteral("Header") && !header && !body) {
            header = c;
        } else if (soap && c.localName() == QStringLiteral("Body") && !body) {
            body = c;
        } else {
            return protocolError(tr("неочікуваний елемент «%1» у SOAP Envelope").arg(c.localName()));
        }
    }
    if (!body)
        return protocolError(tr("у SOAP Envelope немає Body"));

    static const QStringList clientParts{QStringLiteral("xRoadInstance"), QStringLiteral("memberClass"),
                                         QStringLiteral("memberCode"), QStringLiteral("subsystemCode")};
    static const QStringList serviceParts{QStringLiteral("xRoadInstance"), QStringLiteral("memberClass"),
                                          QStringLiteral("memberCode"), QStringLiteral("subsystemCode"),
                                          QStringLiteral("serviceCode"), QStringLiteral("serviceVersion")};
    static const QSet<QString> known{QStringLiteral("client"), QStringLiteral("service"), QStringLiteral("id"),
                                     QStringLiteral("userId"), QStringLiteral("requestHash"), QStringLiteral("issue"),
                                     QStringLiteral("protocolVersion")};
    MessageHeader &mh = m.header;
    for (const xml::Element &c : header.children()) {
        if (c.namespaceUri() != xrdNs())
            continue;  // other header blocks (e.g. a monitoring purpose) are not ours to judge
        const QString name = c.localName();
        if (!known.contains(name))
            continue;
        if (mh.order.contains(name))
            return protocolError(tr("заголовок X-Road «%1» повторюється").arg(name));
        mh.order << name;
        if (name == QStringLiteral("client")) {
            auto parts = readIdentifier(c, clientParts, name);
            if (!parts)
                return parts.error();
            mh.clientObjectType = c.attribute(QStringLiteral("objectType"), idNs());
            mh.client = XRoadClient{parts->value(clientParts[0]), parts->value(clientParts[1]),
                                    parts->value(clientParts[2]), parts->value(clientParts[3])};
        } else if (name == QStringLiteral("service")) {
            auto parts = readIdentifier(c, serviceParts, name);
            if (!parts)
                return parts.error();
            if (c.attribute(QStringLiteral("objectType"), idNs()) != QStringLiteral("SERVICE"))
                return protocolError(tr("заголовок service має мати id:objectType=\"SERVICE\""));
            mh.service = XRoadService{parts->value(serviceParts[0]), parts->value(serviceParts[1]),
                                      parts->value(serviceParts[2]), parts->value(serviceParts[3]),
                                      parts->value(serviceParts[4]), parts->value(serviceParts[5])};
        } else {
            if (c.hasChildElements())
                return protocolError(tr("заголовок X-Road «%1» має містити лише текст").arg(name));
            const QString text = c.text();
            if (name == QStringLiteral("id"))
                mh.id = text;
            else if (name == QStringLiteral("userId"))
                mh.userId = text;
            else if (name == QStringLiteral("issue"))
                mh.issue = text;
            else if (name == QStringLiteral("protocolVersion"))
                mh.protocolVersion = text;
            else {
                mh.requestHash = text.trimmed();
                mh.requestHashAlgorithm = c.attribute(QStringLiteral("algorithmId"));
            }
        }
    }

    const std::vector<xml::Element> content = body.children();
    if (content.size() != 1)
        return protocolError(tr("SOAP Body має містити рівно один елемент, а містить %1").arg(content.size()));
    m.body = content.front();
    if (m.body.namespaceUri() == soapNs() && m.body.localName() == QStringLiteral("Fault")) {
        auto fault = readFault(m.body);
        if (!fault)
            return fault.error();
        m.fault = std::move(fault).value();
    }
    return m;
}

Result<RequestHeader> requestHeaderOf(const Message &request)
{
    const MessageHeader &mh = request.header;
    if (request.fault)
        return protocolError(tr("повідомлення є SOAP fault, а не запитом"));
    if (!mh.client)
        return Error::invalid(QStringLiteral("client"), tr("у запиті немає заголовка client"));
    if (!mh.service)
        return Error::invalid(QStringLiteral("service"), tr("у запиті немає заголовка service"));
    if (!mh.id)
        return Error::invalid(QStringLiteral("id"), tr("у запиті немає заголовка id"));
    if (!mh.protocolVersion)
        return Error::invalid(QStringLiteral("protocolVersion"), tr("у запиті немає заголовка protocolVersion"));
    const QString expectedType = mh.client->isSubsystem() ? QStringLiteral("SUBSYSTEM") : QStringLiteral("MEMBER");
    if (mh.clientObjectType.value_or(QString()) != expectedType)
        return Error::invalid(QStringLiteral("client"), tr("id:objectType клієнта має бути %1").arg(expectedType));
    RequestHeader h;
    h.client = *mh.client;
    h.service = *mh.service;
    h.id = *mh.id;
    h.userId = mh.userId.value_or(QString());
    h.issue = mh.issue.value_or(QString());
    h.protocolVersion = *mh.protocolVersion;
    CNAP_TRY(h.validate());
    if (request.body.localName() != h.service.serviceCode)
        return Error::invalid(QStringLiteral("Body"), tr("елемент тіла «%1» не відповідає коду сервісу «%2»")
                                                          .arg(request.body.localName(), h.service.serviceCode));
    return h;
}

} // namespace cnap::xml::xroad
