#pragma once

// Shared test support for the exchange tests: sample headers and payloads,
// schemas, certificates generated at test time, and the simulator as a child
// process.

#include "exchange/registry/RegistryServices.h"
#include "xml/Xml.h"
#include "xml/xroad/ResponseCheck.h"
#include "xml/xroad/XRoad.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace cnap::test::exchange {

namespace reg = cnap::exchange::registry;
namespace xr = cnap::xml::xroad;

/// SEVDEIR-TEST/GOV/<valid ЄДРПОУ>/10_KharkivCNAP_test, as a Trembita client.
xr::XRoadClient sampleClient();
/// A provider's service with the given code.
xr::XRoadService sampleService(const QString &serviceCode, const QString &version = QStringLiteral("v1"));
/// A full header for `service` (userId and issue set).
xr::RequestHeader sampleHeader(reg::Service service);

reg::RegisterResidenceRequest sampleRegisterResidence();
reg::SubmitSocialApplicationRequest sampleSocialApplication();
reg::VerifyPersonUnzrRequest sampleVerifyPerson();
reg::LookupLegalEntityRequest sampleLookup();
reg::FetchOnlineApplicationsRequest sampleFetch();
reg::GetApplicationStatusRequest sampleStatus(const QString &reference = QStringLiteral("RTG-2026-000001"));
/// The serialised request of each service (built with sampleHeader).
QByteArray sampleRequestBytes(reg::Service service);

/// /work/.../shared/reference/x-road/message.xsd (or $CNAP_XROAD_XSD).
QString messageXsdPath();
/// Compiled once per process.
const xml::Schema &messageSchema();
const xml::Schema &bodySchema(reg::Service service);

/// Certificates and keys generated with the openssl CLI into a temporary directory.
struct Certs {
    QTemporaryDir dir;
    QString caCert, caKey;               ///< the trusted CA
    QString serverCert, serverKey;       ///< CN=localhost, SAN localhost + 127.0.0.1, signed by CA
    QString wrongHostCert, wrongHostKey; ///< SAN registry.invalid, signed by CA
    QString clientCert, clientKey;       ///< signed by CA
    QString otherCaCert, otherCaKey;     ///< an untrusted CA
    QString rogueClientCert, rogueClientKey; ///< client cert signed by the untrusted CA
    QString error;                       ///< empty when all generated
};
/// Generated once per test binary (RSA 2048 keys take a moment).
const Certs &certs();

/// cnap-registry-sim started as a child process; stopped in the destructor.
class SimProcess {
public:
    explicit SimProcess(QStringList args);
    ~SimProcess();
    [[nodiscard]] bool started() const { return m_port != 0; }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString url(bool https = false, const QString &host = QStringLiteral("127.0.0.1")) const;
    [[nodiscard]] QString output() const { return m_output; }
    void stop();

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_output;
};

} // namespace cnap::test::exchange
