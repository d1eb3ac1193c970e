#pragma once

// X-Road message protocol 4.0 (as used by Trembita): identifiers, the request
// header, building a SOAP 1.1 request and parsing any SOAP message whatever its
// namespace prefixes.  No libxml2 type here: documents go through xml::Document.
//
// Reference: X-Road message protocol v4.0 and /work/shared/reference/x-road
// (identifiers.xsd, xroad.xsd); Trembita instance names from its developer guide.

#include "core/Result.h"
#include "xml/Xml.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace cnap::xml::xroad {

[[nodiscard]] QString soapNamespace();        ///< http://schemas.xmlsoap.org/soap/envelope/
[[nodiscard]] QString xroadNamespace();       ///< http://x-road.eu/xsd/xroad.xsd
[[nodiscard]] QString identifiersNamespace(); ///< http://x-road.eu/xsd/identifiers
/// algorithmId of requestHash: http://www.w3.org/2001/04/xmlenc#sha512
[[nodiscard]] QString sha512AlgorithmId();
/// The only protocol version we speak.
[[nodiscard]] QString protocolVersion();

/// A service client: a member or (usually) a member's subsystem.
struct XRoadClient final {
    QString instance;      ///< xRoadInstance: SEVDEIR (production) or SEVDEIR-TEST
    QString memberClass;   ///< GOV for public bodies
    QString memberCode;    ///< the organisation's ЄДРПОУ (8 digits, leading zeros kept)
    QString subsystemCode; ///< may be empty (then objectType is MEMBER); may contain '_'

    [[nodiscard]] bool isSubsystem() const { return !subsystemCode.isEmpty(); }
    /// "SEVDEIR-TEST/GOV/12345678/sub" (no trailing part for a member).
    [[nodiscard]] QString toString() const;
    /// Parses the toString() form (3 or 4 parts).
    [[nodiscard]] static Result<XRoadClient> parse(const QString &text);
    /// Field checks; `field` prefixes the error's field name ("client", ...).
    [[nodiscard]] Status validate(const QString &field) const;
    bool operator==(const XRoadClient &) const = default;
};

/// A service of a member or subsystem.
struct XRoadService final {
    QString instance;
    QString memberClass;
    QString memberCode;
    QString subsystemCode;  ///< may be empty
    QString serviceCode;    ///< names the body element
    QString serviceVersion; ///< may be empty

    /// "SEVDEIR-TEST/GOV/12345678/sub/ServiceCode[/v1]"; an empty subsystem is an empty part.
    [[nodiscard]] QString toString() const;
    [[nodiscard]] Status validate(const QString &field) const;
    bool operator==(const XRoadService &) const = default;
};

/// The X-Road header of a request.  `id` is chosen by the caller: the outbox
/// generates it once and sends every retry of the message with the same id, so a
/// provider can recognise a repeat.
struct RequestHeader final {
    XRoadClient client;
    XRoadService service;
    QString id;                       ///< a UUID
    QString userId;                   ///< optional: who caused the request (login, never a name)
    QString issue;                    ///< optional: the case number
    QString protocolVersion = xroad::protocolVersion();

    [[nodiscard]] Status validate() const;
    bool operator==(const RequestHeader &) const = default;
};

/// A request under construction: fill `payload` (the body's single element,
/// named after the serviceCode in the service's namespace), then serialise
/// `document` (compact) and send exactly those bytes.
struct RequestEnvelope {
    xml::Document document;
    xml::Element payload;
};

/// Builds a SOAP 1.1 envelope with the X-Road headers in schema order (client,
/// service, id, userId, issue, protocolVersion), `id:objectType` qualified.
/// `payloadNamespace` must not be empty (our registry schemas are qualified).
[[nodiscard]] Result<RequestEnvelope> newRequest(const RequestHeader &header, const QString &payloadNamespace);

/// SOAP fault classes by faultcode (X-Road 4.0 §2.5; newer versions lower-case them).
enum class FaultClass {
    Client,            ///< "Client…": our request is wrong; give up, a person must fix it
    ServerClientProxy, ///< "Server.ClientProxy…": our security server; retry
    ServerServerProxy, ///< "Server.ServerProxy…": provider's side; retry
    Other,             ///< anything else (e.g. a provider's own code): give up
};
/// Classifies a faultcode: any namespace prefix ("SOAP-ENV:") stripped, letter case ignored.
[[nodiscard]] FaultClass classifyFaultCode(const QString &faultcode);
/// "client", "server-client-proxy", "server-server-proxy", "other".
[[nodiscard]] QString faultClassName(FaultClass c);
/// Server-side classes are transient and worth a retry under the same message id.
[[nodiscard]] bool isRetryable(FaultClass c);

struct Fault final {
    QString code;        ///< faultcode as sent (prefix included)
    QString string;      ///< faultstring
    QString actor;       ///< faultactor, may be empty
    QByteArray detail;   ///< the detail element as XML, empty when absent
    FaultClass faultClass = FaultClass::Other;
};

/// The X-Road header fields found in a message.  Optional fields are absent
/// (nullopt) or present (possibly empty), so an echo can be compared exactly.
struct MessageHeader final {
    std::optional<XRoadClient> client;
    std::optional<QString> clientObjectType;
    std::optional<XRoadService> service;
    std::optional<QString> id;
    std::optional<QString> userId;
    std::optional<QString> issue;
    std::optional<QString> protocolVersion;
    std::optional<QString> requestHash;
    QString requestHashAlgorithm;
    /// Local names of the X-Road header elements in document order.
    QStringList order;
};

/// A parsed SOAP message.  `body` points into `document` (valid while the
/// Message lives; moving the Message keeps it valid).
struct Message final {
    xml::Document document;
    MessageHeader header;
    xml::Element body;            ///< the single element inside soap:Body (a Fault for faults)
    std::optional<Fault> fault;   ///< set when the body is a SOAP fault
};

/// Parses a SOAP 1.1 message (request or response) with the hardened parser.
/// Checks the envelope's shape: Envelope/Header?/Body in the SOAP namespace, exactly
/// one element in the body, no duplicated X-Road header, well-formed identifiers.
[[nodiscard]] Result<Message> parseMessage(const QByteArray &bytes, const xml::ParseLimits &limits = {});

/// The header of a parsed request, with every mandatory field present and valid.
[[nodiscard]] Result<RequestHeader> requestHeaderOf(const Message &request);

/// Base64 SHA-512 of the request exactly as sent (the SOAP part's bytes).
[[nodiscard]] QString requestHash(const QByteArray &soapBytes);

/// Builds a response to `request` as a provider's security server would: the
/// request's X-Road headers echoed in order, requestHash of `requestBytes` after
/// them, and a body element serviceCode+"Response" in `payloadNamespace`.  Used by
/// the registry simulator and tests.
[[nodiscard]] Result<RequestEnvelope> newResponse(const Message &request, const QByteArray &requestBytes,
                                                  const QString &payloadNamespace);

/// A SOAP fault document (HTTP status is the caller's choice: 200 or 500).
[[nodiscard]] QByteArray faultDocument(const QString &faultcode, const QString &faultstring,
                                       const QString &detailText = {});

} // namespace cnap::xml::xroad
