// Building and parsing X-Road 4.0 messages; registry payloads against their schemas.
#include "ExchangeFixtures.h"

#include "core/identifiers/IdentifierFactory.h"

#include <gtest/gtest.h>

using namespace cnap;
using namespace cnap::test::exchange;

namespace {

class EveryService : public ::testing::TestWithParam<reg::Service> {};

TEST_P(EveryService, RequestValidatesAgainstMessageXsdAndBodyXsd)
{
    const QByteArray bytes = sampleRequestBytes(GetParam());
    ASSERT_FALSE(bytes.isEmpty());
    auto doc = xml::Document::parse(bytes);
    ASSERT_TRUE(doc.ok()) << doc.error().message.toStdString();
    auto st = messageSchema().validate(doc.value());
    EXPECT_TRUE(st.ok()) << st.error().message.toStdString() << "\n" << bytes.toStdString();

    auto m = xr::parseMessage(bytes);
    ASSERT_TRUE(m.ok()) << m.error().message.toStdString();
    EXPECT_EQ(m->body.localName(), reg::serviceCode(GetParam()));
    EXPECT_EQ(m->body.namespaceUri(), reg::payloadNamespace(GetParam()));
    auto body = bodySchema(GetParam()).validate(m->body);
    EXPECT_TRUE(body.ok()) << body.error().message.toStdString();

    auto h = xr::requestHeaderOf(m.value());
    ASSERT_TRUE(h.ok()) << h.error().describe().toStdString();
    EXPECT_EQ(h.value(), sampleHeader(GetParam()));
}

TEST_P(EveryService, SimulatedResponseValidatesAgainstBothSchemas)
{
    // The response side as the simulator builds it: echoed header + requestHash.
    const QByteArray bytes = sampleRequestBytes(GetParam());
    auto m = xr::parseMessage(bytes);
    ASSERT_TRUE(m.ok());
    auto env = xr::newResponse(m.value(), bytes, reg::payloadNamespace(GetParam()));
    ASSERT_TRUE(env.ok());
    switch (GetParam()) {
    case reg::Service::RegisterResidence:
    case reg::Service::SubmitSocialApplication:
        reg::write(env->payload, reg::AcceptedResponse{QStringLiteral("accepted"), QStringLiteral("RTG-2026-000042"),
                                                       QDateTime::currentDateTimeUtc()});
        break;
    case reg::Service::VerifyPersonUnzr: reg::write(env->payload, reg::VerifyPersonUnzrResponse{false, {QStringLiteral("birthDate")}}); break;
    case reg::Service::LookupLegalEntity:
        reg::write(env->payload, reg::LookupLegalEntityResponse{makeEdrpou(3273012), QStringLiteral("ТОВ «ТЕСТ»"), {},
                                                                QStringLiteral("registered"), QStringLiteral("м. Київ"),
                                                                QStringLiteral("Іваненко Іван Іванович"), QStringLiteral("директор"),
                                                                QDate(2001, 2, 3)});
        break;
    case reg::Service::FetchOnlineApplications: {
        reg::FetchOnlineApplicationsResponse r;
        r.applications.push_back({QStringLiteral("PORTAL-000001"), QStringLiteral("00013"), QStringLiteral("Декларування місця проживання"),
                                  QDateTime::currentDateTimeUtc(), QStringLiteral("Шевченко"), QStringLiteral("Олена"), {}, {}, {},
                                  QStringLiteral("Декларування")});
        r.nextMarker = QStringLiteral("PORTAL-000001");
        reg::write(env->payload, r);
        break;
    }
    case reg::Service::GetApplicationStatus:
        reg::write(env->payload, reg::GetApplicationStatusResponse{QStringLiteral("RTG-2026-000001"), QStringLiteral("refused"),
                                                                   QDateTime::currentDateTimeUtc(), QStringLiteral("РШ-1"),
                                                                   QStringLiteral("Не подано документів")});
        break;
    }
    const QByteArray response = env->document.serialize();
    auto doc = xml::Document::parse(response);
    ASSERT_TRUE(doc.ok());
    auto st = messageSchema().validate(doc.value());
    EXPECT_TRUE(st.ok()) << st.error().message.toStdString();
    auto parsed = xr::parseMessage(response);
    ASSERT_TRUE(parsed.ok());
    auto body = bodySchema(GetParam()).validate(parsed->body);
    EXPECT_TRUE(body.ok()) << body.error().message.toStdString();

    auto sent = xr::SentRequest::fromBytes(bytes);
    ASSERT_TRUE(sent.ok());
    const auto v = xr::checkResponse(sent.value(), 200, response);
    EXPECT_TRUE(v.accepted) << v.errors.join(u'|').toStdString();
    EXPECT_FALSE(v.retry);
}

INSTANTIATE_TEST_SUITE_P(Registry, EveryService, ::testing::ValuesIn(reg::allServices()),
                         [](const auto &p) { return reg::serviceCode(p.param).toStdString(); });

TEST(XRoadMessage, HeadersInSchemaOrderWithQualifiedObjectType)
{
    const QByteArray bytes = sampleRequestBytes(reg::Service::LookupLegalEntity);
    auto m = xr::parseMessage(bytes);
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->header.order, (QStringList{QStringLiteral("client"), QStringLiteral("service"), QStringLiteral("id"),
                                             QStringLiteral("userId"), QStringLiteral("issue"), QStringLiteral("protocolVersion")}));
    EXPECT_EQ(m->header.clientObjectType, QStringLiteral("SUBSYSTEM"));
    EXPECT_EQ(*m->header.protocolVersion, QStringLiteral("4.0"));
    EXPECT_TRUE(bytes.contains("id:objectType=\"SUBSYSTEM\""));
    EXPECT_TRUE(bytes.contains("id:objectType=\"SERVICE\""));
    EXPECT_TRUE(bytes.contains("<id:subsystemCode>10_KharkivCNAP_test</id:subsystemCode>"));
    // UTF-8 text travels as is.
    EXPECT_TRUE(bytes.contains(QStringLiteral("ЦНАП-2026-001234").toUtf8()));
}

TEST(XRoadMessage, MemberClientWithoutOptionalHeaders)
{
    xr::RequestHeader h = sampleHeader(reg::Service::LookupLegalEntity);
    h.client.subsystemCode.clear();
    h.userId.clear();
    h.issue.clear();
    h.service.serviceVersion.clear();
    auto bytes = reg::buildRequest(h, sampleLookup());
    ASSERT_TRUE(bytes.ok());
    EXPECT_TRUE(bytes->contains("id:objectType=\"MEMBER\""));
    auto doc = xml::Document::parse(bytes.value());
    ASSERT_TRUE(doc.ok());
    EXPECT_TRUE(messageSchema().validate(doc.value()).ok());
    auto m = xr::parseMessage(bytes.value());
    ASSERT_TRUE(m.ok());
    EXPECT_FALSE(m->header.userId.has_value());
    EXPECT_FALSE(m->header.issue.has_value());
    auto back = xr::requestHeaderOf(m.value());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value(), h);
}

TEST(XRoadMessage, InvalidHeaderFieldsAreNamed)
{
    const auto fieldOf = [](xr::RequestHeader h) {
        auto r = xr::newRequest(h, reg::payloadNamespace(reg::Service::LookupLegalEntity));
        return r.ok() ? QString() : r.error().field;
    };
    xr::RequestHeader h = sampleHeader(reg::Service::LookupLegalEntity);
    h.id.clear();
    EXPECT_EQ(fieldOf(h), QStringLiteral("id"));
    h = sampleHeader(reg::Service::LookupLegalEntity);
    h.client.memberCode = QStringLiteral("1234567");  // GOV in SEVDEIR: an 8-digit ЄДРПОУ
    EXPECT_EQ(fieldOf(h), QStringLiteral("client.memberCode"));
    h = sampleHeader(reg::Service::LookupLegalEntity);
    QString code = makeEdrpou(1234567);
    code[7] = QChar(u'0' + (code[7].digitValue() + 1) % 10);  // wrong check digit
    h.client.memberCode = code;
    EXPECT_EQ(fieldOf(h), QStringLiteral("client.memberCode"));
    h = sampleHeader(reg::Service::LookupLegalEntity);
    h.service.serviceCode = QStringLiteral("1Lookup");
    EXPECT_EQ(fieldOf(h), QStringLiteral("service.serviceCode"));
    h = sampleHeader(reg::Service::LookupLegalEntity);
    h.client.subsystemCode = QStringLiteral("with space");
    EXPECT_EQ(fieldOf(h), QStringLiteral("client.subsystemCode"));
    h = sampleHeader(reg::Service::LookupLegalEntity);
    h.protocolVersion = QStringLiteral("3.1");
    EXPECT_EQ(fieldOf(h), QStringLiteral("protocolVersion"));
    h = sampleHeader(reg::Service::LookupLegalEntity);
    h.service.instance.clear();
    EXPECT_EQ(fieldOf(h), QStringLiteral("service.xRoadInstance"));
    // Other instances/classes are not held to the Trembita ЄДРПОУ rule.
    h = sampleHeader(reg::Service::LookupLegalEntity);
    h.client = {QStringLiteral("EE"), QStringLiteral("COM"), QStringLiteral("12345"), {}};
    EXPECT_EQ(fieldOf(h), QString());
}

TEST(XRoadMessage, ServiceCodeMustMatchPayload)
{
    xr::RequestHeader h = sampleHeader(reg::Service::VerifyPersonUnzr);
    auto r = reg::buildRequest(h, sampleLookup());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, QStringLiteral("service.serviceCode"));
}

TEST(XRoadMessage, PayloadValidationNamesTheField)
{
    const xr::RequestHeader h = sampleHeader(reg::Service::RegisterResidence);
    auto r = sampleRegisterResidence();
    r.person.rnokpp = QStringLiteral("1234567890");
    auto b = reg::buildRequest(h, r);
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.error().field, QStringLiteral("person.rnokpp"));
    r = sampleRegisterResidence();
    r.katottg = QStringLiteral("UA123");
    b = reg::buildRequest(h, r);
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.error().field, QStringLiteral("address.katottg"));
    r = sampleRegisterResidence();
    r.basis = QStringLiteral("squatting");
    b = reg::buildRequest(h, r);
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.error().field, QStringLiteral("basis"));

    auto lookup = reg::buildRequest(sampleHeader(reg::Service::LookupLegalEntity), reg::LookupLegalEntityRequest{QStringLiteral("00000001")});
    ASSERT_FALSE(lookup.ok());
    EXPECT_EQ(lookup.error().field, QStringLiteral("edrpou"));
    auto fetch = reg::buildRequest(sampleHeader(reg::Service::FetchOnlineApplications), reg::FetchOnlineApplicationsRequest{{}, 0});
    ASSERT_FALSE(fetch.ok());
    EXPECT_EQ(fetch.error().field, QStringLiteral("limit"));
    auto status = reg::buildRequest(sampleHeader(reg::Service::GetApplicationStatus), sampleStatus(QStringLiteral("bad ref")));
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().field, QStringLiteral("registryReference"));
    auto social = sampleSocialApplication();
    social.attachments.push_back({QStringLiteral("a@cnap"), QStringLiteral("a.pdf"), QStringLiteral("application/pdf"), QStringLiteral("XYZ")});
    auto s = reg::buildRequest(sampleHeader(reg::Service::SubmitSocialApplication), social);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().field, QStringLiteral("attachments.sha256"));
}

TEST(XRoadMessage, PayloadsRoundTrip)
{
    auto social = sampleSocialApplication();
    social.attachments.push_back({QStringLiteral("scan-1@cnap"), QStringLiteral("довідка.pdf"), QStringLiteral("application/pdf"),
                                  QString(64, u'a')});
    auto bytes = reg::buildRequest(sampleHeader(reg::Service::SubmitSocialApplication), social);
    ASSERT_TRUE(bytes.ok());
    auto m = xr::parseMessage(bytes.value());
    ASSERT_TRUE(m.ok());
    auto back = reg::readSubmitSocialApplication(m->body);
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    EXPECT_EQ(back->applicant.lastName, QStringLiteral("Коваленко"));
    EXPECT_EQ(back->submittedAt, social.submittedAt);
    ASSERT_EQ(back->attachments.size(), 1u);
    EXPECT_EQ(back->attachments[0].fileName, QStringLiteral("довідка.pdf"));

    auto rr = xr::parseMessage(sampleRequestBytes(reg::Service::RegisterResidence));
    ASSERT_TRUE(rr.ok());
    auto residence = reg::readRegisterResidence(rr->body);
    ASSERT_TRUE(residence.ok());
    EXPECT_EQ(residence->katottg, sampleRegisterResidence().katottg);
    EXPECT_EQ(residence->apartment, QStringLiteral("7"));
    EXPECT_EQ(residence->person.birthDate, QDate(1988, 4, 12));
    // A reader refuses another service's element.
    EXPECT_FALSE(reg::readLookupLegalEntity(rr->body).ok());
}

TEST(XRoadMessage, ParsesAnyPrefixes)
{
    const QByteArray doc = R"(<?xml version="1.0"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:x="http://x-road.eu/xsd/xroad.xsd" xmlns:i="http://x-road.eu/xsd/identifiers">
 <s:Header>
  <x:client i:objectType="MEMBER"><i:xRoadInstance>EE</i:xRoadInstance><i:memberClass>COM</i:memberClass><i:memberCode>1</i:memberCode></x:client>
  <x:service i:objectType="SERVICE"><i:xRoadInstance>EE</i:xRoadInstance><i:memberClass>COM</i:memberClass><i:memberCode>2</i:memberCode><i:serviceCode>Ping</i:serviceCode></x:service>
  <x:id>abc</x:id><x:protocolVersion>4.0</x:protocolVersion>
 </s:Header>
 <s:Body><Ping xmlns="urn:p"/></s:Body>
</s:Envelope>)";
    auto m = xr::parseMessage(doc);
    ASSERT_TRUE(m.ok()) << m.error().message.toStdString();
    auto h = xr::requestHeaderOf(m.value());
    ASSERT_TRUE(h.ok()) << h.error().describe().toStdString();
    EXPECT_EQ(h->service.serviceCode, QStringLiteral("Ping"));
    EXPECT_EQ(h->client.toString(), QStringLiteral("EE/COM/1"));
}

TEST(XRoadMessage, RejectsBrokenEnvelopes)
{
    const auto fails = [](const QByteArray &b) { return !xr::parseMessage(b).ok(); };
    const QByteArray soap = "xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"";
    EXPECT_TRUE(fails("<Envelope/>"));
    EXPECT_TRUE(fails("<s:Envelope " + soap + "/>"));                                       // no Body
    EXPECT_TRUE(fails("<s:Envelope " + soap + "><s:Body/></s:Envelope>"));                 // empty body
    EXPECT_TRUE(fails("<s:Envelope " + soap + "><s:Body><a/><b/></s:Body></s:Envelope>")); // two elements
    EXPECT_TRUE(fails("<s:Envelope " + soap + "><s:Body><a/></s:Body><s:Header/></s:Envelope>")); // header after body
    EXPECT_TRUE(fails("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><a/></s:Body></s:Envelope>")); // SOAP 1.2
    // Duplicated X-Road header.
    EXPECT_TRUE(fails("<s:Envelope " + soap + " xmlns:x=\"http://x-road.eu/xsd/xroad.xsd\"><s:Header><x:id>1</x:id><x:id>2</x:id></s:Header><s:Body><a/></s:Body></s:Envelope>"));
    // Identifier parts out of order.
    EXPECT_TRUE(fails("<s:Envelope " + soap + " xmlns:x=\"http://x-road.eu/xsd/xroad.xsd\" xmlns:i=\"http://x-road.eu/xsd/identifiers\"><s:Header>"
                      "<x:client i:objectType=\"MEMBER\"><i:memberClass>GOV</i:memberClass><i:xRoadInstance>X</i:xRoadInstance></x:client>"
                      "</s:Header><s:Body><a/></s:Body></s:Envelope>"));
    // Fault without faultcode.
    EXPECT_TRUE(fails("<s:Envelope " + soap + "><s:Body><s:Fault><faultstring>x</faultstring></s:Fault></s:Body></s:Envelope>"));
}

TEST(XRoadMessage, MissingObjectTypeFailsTheSchema)
{
    QByteArray bytes = sampleRequestBytes(reg::Service::LookupLegalEntity);
    bytes.replace(" id:objectType=\"SUBSYSTEM\"", "");
    auto doc = xml::Document::parse(bytes);
    ASSERT_TRUE(doc.ok());
    EXPECT_FALSE(messageSchema().validate(doc.value()).ok());
    auto m = xr::parseMessage(bytes);
    ASSERT_TRUE(m.ok());
    EXPECT_FALSE(xr::requestHeaderOf(m.value()).ok());
}

TEST(XRoadMessage, ClientIdentifierTextForm)
{
    auto c = xr::XRoadClient::parse(QStringLiteral("SEVDEIR-TEST/GOV/") + makeEdrpou(4059243) + QStringLiteral("/10_KharkivRTG_prod"));
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->subsystemCode, QStringLiteral("10_KharkivRTG_prod"));
    EXPECT_FALSE(xr::XRoadClient::parse(QStringLiteral("SEVDEIR-TEST/GOV")).ok());
    EXPECT_FALSE(xr::XRoadClient::parse(QStringLiteral("SEVDEIR-TEST/GOV/123")).ok());
}

} // namespace
