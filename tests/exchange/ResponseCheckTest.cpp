// Judging responses: echo, requestHash, faults, body element.
#include "ExchangeFixtures.h"

#include "exchange/message/Exchange.h"
#include "xml/xroad/ResponseCheck.h"

#include <gtest/gtest.h>

using namespace cnap;
using namespace cnap::test::exchange;

namespace {

const QString kNs = reg::payloadNamespace(reg::Service::LookupLegalEntity);

struct Pair {
    QByteArray request;
    xr::SentRequest sent;
};

Pair lookupPair()
{
    const QByteArray bytes = sampleRequestBytes(reg::Service::LookupLegalEntity);
    auto sent = xr::SentRequest::fromBytes(bytes);
    EXPECT_TRUE(sent.ok());
    return {bytes, sent.value()};
}

// A correct response, then optionally tampered with by `edit` on the bytes.
QByteArray goodResponse(const QByteArray &request)
{
    auto m = xr::parseMessage(request);
    auto env = xr::newResponse(m.value(), request, kNs);
    env->payload.appendTextChild(kNs, QStringLiteral("edrpou"), QStringLiteral("32730128"));
    return env->document.serialize();
}

TEST(ResponseCheck, AcceptsAMatchingResponse)
{
    const Pair p = lookupPair();
    const auto v = xr::checkResponse(p.sent, 200, goodResponse(p.request));
    EXPECT_TRUE(v.accepted) << v.errors.join(u'|').toStdString();
    EXPECT_FALSE(v.fault.has_value());
    EXPECT_FALSE(v.retry);
    ASSERT_TRUE(v.response.has_value());
    EXPECT_EQ(v.response->body.localName(), QStringLiteral("LookupLegalEntityResponse"));
}

struct Tamper {
    const char *name;
    QByteArray from;
    QByteArray to;
};

class EchoMismatch : public ::testing::TestWithParam<Tamper> {};

TEST_P(EchoMismatch, IsDetected)
{
    const Pair p = lookupPair();
    QByteArray resp = goodResponse(p.request);
    const Tamper &t = GetParam();
    ASSERT_TRUE(resp.contains(t.from)) << t.name;
    resp.replace(t.from, t.to);
    const auto v = xr::checkResponse(p.sent, 200, resp);
    EXPECT_FALSE(v.accepted) << t.name;
    EXPECT_TRUE(v.retry) << t.name;
    EXPECT_FALSE(v.errors.isEmpty()) << t.name;
}

INSTANTIATE_TEST_SUITE_P(
    EveryHeaderField, EchoMismatch,
    ::testing::Values(
        Tamper{"clientInstance", "<id:xRoadInstance>SEVDEIR-TEST</id:xRoadInstance><id:memberClass>GOV</id:memberClass><id:memberCode>40592",
               "<id:xRoadInstance>SEVDEIR</id:xRoadInstance><id:memberClass>GOV</id:memberClass><id:memberCode>40592"},
        Tamper{"clientSubsystem", "10_KharkivCNAP_test", "10_KharkivCNAP_prod"},
        Tamper{"clientObjectType", "id:objectType=\"SUBSYSTEM\"", "id:objectType=\"MEMBER\""},
        Tamper{"serviceSubsystem", "reg_TG_register", "reg_TG_other"},
        Tamper{"serviceCode", "<id:serviceCode>LookupLegalEntity</id:serviceCode>", "<id:serviceCode>LookupOther</id:serviceCode>"},
        Tamper{"serviceVersion", "<id:serviceVersion>v1</id:serviceVersion>", "<id:serviceVersion>v2</id:serviceVersion>"},
        Tamper{"id", "<xrd:id>3f1c2a9e", "<xrd:id>4f1c2a9e"},
        Tamper{"userIdChanged", "operator.kovalenko", "operator.other"},
        Tamper{"userIdMissing", "<xrd:userId>operator.kovalenko</xrd:userId>", ""},
        Tamper{"issue", "ЦНАП-2026-001234", "ЦНАП-2026-009999"},
        Tamper{"protocolVersion", "<xrd:protocolVersion>4.0<", "<xrd:protocolVersion>4.1<"},
        Tamper{"clientMissing", "<xrd:client ", "<xrd:clientX "},
        Tamper{"bodyName", "LookupLegalEntityResponse", "LookupLegalEntityAnswer"},
        Tamper{"bodyNamespace", "urn:ua:cnap:registry:LookupLegalEntity:v1", "urn:other"}),
    [](const auto &p) { return std::string(p.param.name); });

TEST(ResponseCheck, HeaderOrderMustFollowTheRequest)
{
    const Pair p = lookupPair();
    QByteArray resp = goodResponse(p.request);
    const QByteArray user = "<xrd:userId>operator.kovalenko</xrd:userId>";
    const QByteArray issue = QByteArray("<xrd:issue>") + QStringLiteral("ЦНАП-2026-001234").toUtf8() + "</xrd:issue>";
    const QByteArray inOrder = user + issue;
    const QByteArray swapped = issue + user;
    ASSERT_TRUE(resp.contains(inOrder));
    resp.replace(inOrder, swapped);
    const auto v = xr::checkResponse(p.sent, 200, resp);
    EXPECT_FALSE(v.accepted);
}

TEST(ResponseCheck, RequestHashRightWrongAbsent)
{
    const Pair p = lookupPair();
    const QByteArray good = goodResponse(p.request);
    EXPECT_TRUE(good.contains(xr::requestHash(p.request).toLatin1()));
    EXPECT_TRUE(xr::checkResponse(p.sent, 200, good).accepted);

    // Hash of different bytes (one byte of the request changed).
    QByteArray other = p.request;
    other.replace("operator.kovalenko", "operator.kovalenkO");
    QByteArray wrong = good;
    wrong.replace(xr::requestHash(p.request).toLatin1(), xr::requestHash(other).toLatin1());
    const auto v = xr::checkResponse(p.sent, 200, wrong);
    EXPECT_FALSE(v.accepted);
    ASSERT_EQ(v.errors.size(), 1);
    EXPECT_TRUE(v.errors.first().contains(QStringLiteral("requestHash")));

    // Absent: fine (not every provider adds it).
    auto m = xr::parseMessage(good);
    QByteArray absent = good;
    const qsizetype from = absent.indexOf("<xrd:requestHash");
    const qsizetype to = absent.indexOf("</xrd:requestHash>") + int(sizeof("</xrd:requestHash>") - 1);
    absent.remove(from, to - from);
    const auto a = xr::checkResponse(p.sent, 200, absent);
    EXPECT_TRUE(a.accepted) << a.errors.join(u'|').toStdString();

    // Another algorithm is not silently trusted.
    QByteArray sha1 = good;
    sha1.replace("xmlenc#sha512", "xmldsig#sha1");
    EXPECT_FALSE(xr::checkResponse(p.sent, 200, sha1).accepted);
}

struct FaultCase {
    const char *code;
    xr::FaultClass cls;
};

class FaultClasses : public ::testing::TestWithParam<std::tuple<FaultCase, int, const char *>> {};

TEST_P(FaultClasses, ClassifiedWithAnyCasePrefixAndStatus)
{
    const auto &[fc, status, prefix] = GetParam();
    const Pair p = lookupPair();
    const QByteArray doc = QByteArray("<?xml version=\"1.0\"?><") + prefix + ":Envelope xmlns:" + prefix
                           + "=\"http://schemas.xmlsoap.org/soap/envelope/\"><" + prefix + ":Body><" + prefix
                           + ":Fault><faultcode>" + prefix + ":" + fc.code + "</faultcode><faultstring>Щось пішло не так</faultstring>"
                           + "<detail><faultDetail xmlns=\"\">abc-123</faultDetail></detail></" + prefix + ":Fault></" + prefix
                           + ":Body></" + prefix + ":Envelope>";
    const auto v = xr::checkResponse(p.sent, status, doc);
    EXPECT_FALSE(v.accepted);
    ASSERT_TRUE(v.fault.has_value()) << v.errors.join(u'|').toStdString();
    EXPECT_EQ(v.fault->faultClass, fc.cls) << fc.code;
    EXPECT_EQ(v.fault->string, QStringLiteral("Щось пішло не так"));
    EXPECT_TRUE(v.fault->detail.contains("abc-123"));
    EXPECT_EQ(v.retry, xr::isRetryable(fc.cls));
    EXPECT_TRUE(v.errors.isEmpty());
}

INSTANTIATE_TEST_SUITE_P(
    AllClasses, FaultClasses,
    ::testing::Combine(::testing::Values(FaultCase{"Client.InvalidRequest", xr::FaultClass::Client},
                                         FaultCase{"client.invalidrequest", xr::FaultClass::Client},
                                         FaultCase{"CLIENT", xr::FaultClass::Client},
                                         FaultCase{"Server.ClientProxy.NetworkError", xr::FaultClass::ServerClientProxy},
                                         FaultCase{"server.clientproxy.ssl_authentication_failed", xr::FaultClass::ServerClientProxy},
                                         FaultCase{"Server.ServerProxy.ServiceFailed", xr::FaultClass::ServerServerProxy},
                                         FaultCase{"SERVER.SERVERPROXY.DATABASEERROR", xr::FaultClass::ServerServerProxy},
                                         FaultCase{"Server.InternalError", xr::FaultClass::Other},
                                         FaultCase{"ClientX.Foo", xr::FaultClass::Other},
                                         FaultCase{"Provider.Custom", xr::FaultClass::Other}),
                       ::testing::Values(200, 500), ::testing::Values("SOAP-ENV", "soapenv", "S")));

TEST(ResponseCheck, FaultCodeWithoutPrefix)
{
    EXPECT_EQ(xr::classifyFaultCode(QStringLiteral("Server.ServerProxy.X")), xr::FaultClass::ServerServerProxy);
    EXPECT_EQ(xr::classifyFaultCode(QStringLiteral(" soap:Client ")), xr::FaultClass::Client);
    EXPECT_EQ(xr::classifyFaultCode(QStringLiteral("Server.ClientProxyX")), xr::FaultClass::Other);
    EXPECT_EQ(xr::faultClassName(xr::FaultClass::ServerClientProxy), QStringLiteral("server-client-proxy"));
}

TEST(ResponseCheck, HttpStatusesAndGarbage)
{
    const Pair p = lookupPair();
    const QByteArray good = goodResponse(p.request);
    auto v = xr::checkResponse(p.sent, 503, good);
    EXPECT_FALSE(v.accepted);
    EXPECT_TRUE(v.retry);
    v = xr::checkResponse(p.sent, 400, good);
    EXPECT_FALSE(v.accepted);
    EXPECT_FALSE(v.retry);
    v = xr::checkResponse(p.sent, 500, good);  // 500 without a fault
    EXPECT_FALSE(v.accepted);
    v = xr::checkResponse(p.sent, 200, "<html>Bad gateway</html>");
    EXPECT_FALSE(v.accepted);
    EXPECT_TRUE(v.retry);
    v = xr::checkResponse(p.sent, 200, good.left(good.size() / 2));
    EXPECT_FALSE(v.accepted);
    EXPECT_TRUE(v.retry);
}

TEST(ResponseCheck, TransportFailureVerdict)
{
    auto v = xr::transportFailure(Error::make(ErrorCode::Timeout, QStringLiteral("час вичерпано")), true);
    EXPECT_FALSE(v.accepted);
    EXPECT_TRUE(v.retry);
    EXPECT_EQ(v.errors.size(), 1);
}

TEST(ResponseCheck, JudgeResponseUnwrapsMultipart)
{
    const Pair p = lookupPair();
    const QByteArray good = goodResponse(p.request);
    auto wire = exchange::encodeMessage({good, {exchange::Attachment{"extract@registry", "application/pdf", "%PDF-1.7 ..."}}});
    ASSERT_TRUE(wire.ok());
    std::vector<exchange::Attachment> files;
    const auto v = exchange::judgeResponse(p.sent, net::HttpResponse{200, wire->contentType, wire->body}, &files);
    EXPECT_TRUE(v.accepted) << v.errors.join(u'|').toStdString();
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0].data, QByteArray("%PDF-1.7 ..."));

    const auto plain = exchange::judgeResponse(p.sent, net::HttpResponse{500, "text/plain", "Internal Server Error"});
    EXPECT_FALSE(plain.accepted);
    EXPECT_TRUE(plain.retry);
    const auto html = exchange::judgeResponse(p.sent, net::HttpResponse{403, "text/html", "<h1>Forbidden</h1>"});
    EXPECT_FALSE(html.accepted);
    EXPECT_FALSE(html.retry);
}

/// A fake transport, as the sync engine's tests will inject one.
class FakeTransport final : public net::HttpTransport {
public:
    Result<net::HttpResponse> next = Error::make(ErrorCode::Network, QStringLiteral("немає з'єднання"));
    net::HttpRequest seen;
    Result<net::HttpResponse> post(const net::HttpRequest &r) override
    {
        seen = r;
        return next;
    }
};

TEST(ResponseCheck, ExchangeThroughAnInjectedTransport)
{
    const Pair p = lookupPair();
    auto out = exchange::composeMessage(p.request);
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(out->wire.contentType, QByteArray("text/xml; charset=UTF-8"));
    FakeTransport t;
    auto v = exchange::exchange(t, QStringLiteral("http://ss.local/"), out.value());
    EXPECT_TRUE(v.retry);
    EXPECT_EQ(t.seen.body, p.request);
    t.next = Error::make(ErrorCode::Unauthenticated, QStringLiteral("сертифікат не прийнято"));
    v = exchange::exchange(t, QStringLiteral("http://ss.local/"), out.value());
    EXPECT_FALSE(v.retry);
    t.next = net::HttpResponse{200, "text/xml", goodResponse(p.request)};
    v = exchange::exchange(t, QStringLiteral("http://ss.local/"), out.value());
    EXPECT_TRUE(v.accepted);
}

} // namespace
