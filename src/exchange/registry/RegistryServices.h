#pragma once

// The registry services a ЦНАП calls through Trembita, as body payloads.
// Each service has a schema in schemas/registry/<ServiceCode>.xsd (request
// element <ServiceCode>, answer <ServiceCode>Response, namespace
// urn:ua:cnap:registry:<ServiceCode>:v1).  Writers validate their input first
// (Ukrainian message, field named); readers take a body element of a response
// (or, for the simulator, of a request) and fail on anything unexpected.

#include "core/Result.h"
#include "xml/Xml.h"
#include "xml/xroad/XRoad.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace cnap::exchange::registry {

enum class Service {
    RegisterResidence,
    SubmitSocialApplication,
    VerifyPersonUnzr,
    LookupLegalEntity,
    FetchOnlineApplications,
    GetApplicationStatus,
};

[[nodiscard]] const std::vector<Service> &allServices();
[[nodiscard]] QString serviceCode(Service s);            ///< "RegisterResidence"
[[nodiscard]] std::optional<Service> serviceFromCode(const QString &code);
[[nodiscard]] QString payloadNamespace(Service s);       ///< urn:ua:cnap:registry:RegisterResidence:v1
/// Path of the body schema: `schemasDir`/registry/<ServiceCode>.xsd.
[[nodiscard]] QString schemaPath(const QString &schemasDir, Service s);

// ---------------------------------------------------------------- payloads

struct Person {
    QString rnokpp;      ///< optional (people who refused a РНОКПП for religious reasons have none)
    QString unzr;        ///< optional
    QString lastName;
    QString firstName;
    QString patronymic;  ///< optional
    QDate birthDate;
};

/// Territorial community register: a declared place of residence.  Answered
/// "accepted" with a registry reference; the decision via GetApplicationStatus.
struct RegisterResidenceRequest {
    static constexpr Service service = Service::RegisterResidence;
    Person person;
    QString documentType;     ///< passport | id-card | birth-certificate
    QString documentNumber;
    QString katottg;          ///< КАТОТТГ of the settlement
    QString settlement;
    QString street;
    QString building;
    QString apartment;        ///< optional
    QString basis;            ///< ownership | owner-consent | lease | minor-with-parent | social-institution
    QDate applicationDate;
};

struct AttachmentRef {
    QString contentId;
    QString fileName;
    QString mediaType;
    QString sha256;           ///< lower-case hex of the attachment bytes
};

/// A social-assistance application handed over to the social-protection body.
struct SubmitSocialApplicationRequest {
    static constexpr Service service = Service::SubmitSocialApplication;
    Person applicant;
    QString assistanceType;   ///< housing-subsidy | birth-assistance | low-income-family | single-parent | disability-care
    QDateTime submittedAt;
    std::vector<AttachmentRef> attachments;
};

/// The synchronous answer of RegisterResidence and SubmitSocialApplication.
struct AcceptedResponse {
    QString status;           ///< "accepted"
    QString registryReference;
    QDateTime receivedAt;
};

struct VerifyPersonUnzrRequest {
    static constexpr Service service = Service::VerifyPersonUnzr;
    QString unzr;
    QString lastName;
    QString firstName;
    QString patronymic;       ///< optional
    QDate birthDate;
};

struct VerifyPersonUnzrResponse {
    bool match = false;
    QStringList mismatchedFields;  ///< unzr, lastName, firstName, patronymic, birthDate
};

struct LookupLegalEntityRequest {
    static constexpr Service service = Service::LookupLegalEntity;
    QString edrpou;
};

struct LookupLegalEntityResponse {
    QString edrpou;
    QString fullName;
    QString shortName;        ///< optional
    QString status;           ///< registered | in-termination | terminated
    QString address;
    QString headFullName;
    QString headPosition;
    QDate registrationDate;
};

struct FetchOnlineApplicationsRequest {
    static constexpr Service service = Service::FetchOnlineApplications;
    QString since;            ///< the previous answer's nextMarker; empty the first time
    int limit = 20;           ///< 1..100
};

struct OnlineApplication {
    QString portalId;
    QString serviceCode;
    QString serviceTitle;
    QDateTime submittedAt;
    QString lastName;
    QString firstName;
    QString patronymic;       ///< optional
    QString rnokpp;           ///< optional
    QString phone;            ///< optional
    QString summary;
};

struct FetchOnlineApplicationsResponse {
    std::vector<OnlineApplication> applications;
    QString nextMarker;       ///< pass as `since` next time
};

struct GetApplicationStatusRequest {
    static constexpr Service service = Service::GetApplicationStatus;
    QString registryReference;
};

struct GetApplicationStatusResponse {
    QString registryReference;
    QString status;           ///< pending | granted | refused
    QDateTime decidedAt;      ///< set unless pending
    QString decisionNumber;   ///< optional
    QString grounds;          ///< reasons of a refusal (optional otherwise)
};

// Validation (field named, message in Ukrainian).
[[nodiscard]] Status validate(const RegisterResidenceRequest &r);
[[nodiscard]] Status validate(const SubmitSocialApplicationRequest &r);
[[nodiscard]] Status validate(const VerifyPersonUnzrRequest &r);
[[nodiscard]] Status validate(const LookupLegalEntityRequest &r);
[[nodiscard]] Status validate(const FetchOnlineApplicationsRequest &r);
[[nodiscard]] Status validate(const GetApplicationStatusRequest &r);

// Writing a payload into the body element (created by newRequest/newResponse).
void write(xml::Element &payload, const RegisterResidenceRequest &r);
void write(xml::Element &payload, const SubmitSocialApplicationRequest &r);
void write(xml::Element &payload, const VerifyPersonUnzrRequest &r);
void write(xml::Element &payload, const LookupLegalEntityRequest &r);
void write(xml::Element &payload, const FetchOnlineApplicationsRequest &r);
void write(xml::Element &payload, const GetApplicationStatusRequest &r);
void write(xml::Element &payload, const AcceptedResponse &r);
void write(xml::Element &payload, const VerifyPersonUnzrResponse &r);
void write(xml::Element &payload, const LookupLegalEntityResponse &r);
void write(xml::Element &payload, const FetchOnlineApplicationsResponse &r);
void write(xml::Element &payload, const GetApplicationStatusResponse &r);

// Reading a body element.
[[nodiscard]] Result<RegisterResidenceRequest> readRegisterResidence(const xml::Element &e);
[[nodiscard]] Result<SubmitSocialApplicationRequest> readSubmitSocialApplication(const xml::Element &e);
[[nodiscard]] Result<VerifyPersonUnzrRequest> readVerifyPersonUnzr(const xml::Element &e);
[[nodiscard]] Result<LookupLegalEntityRequest> readLookupLegalEntity(const xml::Element &e);
[[nodiscard]] Result<FetchOnlineApplicationsRequest> readFetchOnlineApplications(const xml::Element &e);
[[nodiscard]] Result<GetApplicationStatusRequest> readGetApplicationStatus(const xml::Element &e);
[[nodiscard]] Result<AcceptedResponse> readAcceptedResponse(const xml::Element &e);
[[nodiscard]] Result<VerifyPersonUnzrResponse> readVerifyPersonUnzrResponse(const xml::Element &e);
[[nodiscard]] Result<LookupLegalEntityResponse> readLookupLegalEntityResponse(const xml::Element &e);
[[nodiscard]] Result<FetchOnlineApplicationsResponse> readFetchOnlineApplicationsResponse(const xml::Element &e);
[[nodiscard]] Result<GetApplicationStatusResponse> readGetApplicationStatusResponse(const xml::Element &e);

/// Builds the complete SOAP request for a registry call (serialised, compact):
/// validates the payload, checks header.service.serviceCode matches the payload's
/// service, and returns the exact bytes to store in the outbox and send.
template <typename Request>
[[nodiscard]] Result<QByteArray> buildRequest(const xml::xroad::RequestHeader &header, const Request &request);

/// Non-template core of buildRequest (also for the simulator's tests).
[[nodiscard]] Result<xml::xroad::RequestEnvelope> newRegistryRequest(const xml::xroad::RequestHeader &header, Service s);

template <typename Request>
Result<QByteArray> buildRequest(const xml::xroad::RequestHeader &header, const Request &request)
{
    CNAP_TRY(validate(request));
    auto env = newRegistryRequest(header, Request::service);
    if (!env)
        return env.error();
    write(env->payload, request);
    return env->document.serialize();
}

} // namespace cnap::exchange::registry
