// The Poco transport against cnap-registry-sim (started by the test on 127.0.0.1:0):
// HTTP, mTLS, certificate failures, timeouts, faults, de-duplication.
#include "ExchangeFixtures.h"

#include "core/identifiers/IdentifierFactory.h"
#include "crypto/Hash.h"
#include "exchange/message/Exchange.h"
#include "support/TestEnv.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

using namespace cnap;
using namespace cnap::test::exchange;
using cnap::exchange::ResponseVerdict;

namespace {

std::unique_ptr<net::HttpTransport> transport(net::TransportConfig config = {})
{
    auto t = net::makeHttpTransport(config);
    EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().describe().toStdString());
    return t.ok() ? std::move(t).value() : nullptr;
}

net::TransportConfig mtlsConfig()
{
    net::TransportConfig c;
    c.tls.caFile = certs().caCert;
    c.tls.certFile = certs().clientCert;
    c.tls.keyFile = certs().clientKey;
    c.connectTimeout = std::chrono::milliseconds(3000);
    c.readTimeout = std::chrono::milliseconds(5000);
    return c;
}

QStringList tlsArgs(const QString &cert, const QString &key)
{
    return {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key, QStringLiteral("--client-ca"), certs().caCert};
}

// Builds and sends one request with a fresh (or given) message id.
template <typename Request>
ResponseVerdict call(net::HttpTransport &t, const QString &url, const Request &payload, QString id = {},
                     const std::vector<cnap::exchange::Attachment> &files = {})
{
    xr::RequestHeader h = sampleHeader(Request::service);
    h.id = id.isEmpty() ? crypto::uuid4() : id;
    auto bytes = reg::buildRequest(h, payload);
    EXPECT_TRUE(bytes.ok());
    auto out = cnap::exchange::composeMessage(bytes.value(), files);
    EXPECT_TRUE(out.ok());
    return cnap::exchange::exchange(t, url, out.value());
}

class SimHttp : public ::testing::Test {
protected:
    void SetUp() override
    {
        sim = std::make_unique<SimProcess>(QStringList{QStringLiteral("--decision-delay-ms"), QStringLiteral("700")});
        ASSERT_TRUE(sim->started()) << sim->output().toStdString();
        t = transport();
    }
    std::unique_ptr<SimProcess> sim;
    std::unique_ptr<net::HttpTransport> t;
};

TEST_F(SimHttp, RegisterResidenceThenStatusPendingThenGranted)
{
    auto v = call(*t, sim->url(), sampleRegisterResidence());
    ASSERT_TRUE(v.accepted) << v.errors.join(u'|').toStdString();
    auto accepted = reg::readAcceptedResponse(v.response->body);
    ASSERT_TRUE(accepted.ok()) << accepted.error().message.toStdString();
    EXPECT_EQ(accepted->status, QStringLiteral("accepted"));
    EXPECT_TRUE(accepted->registryReference.startsWith(QStringLiteral("RTG-")));
    // The response validates against its body schema (the sim speaks our contract).
    EXPECT_TRUE(bodySchema(reg::Service::RegisterResidence).validate(v.response->body).ok());

    auto s1 = call(*t, sim->url(), sampleStatus(accepted->registryReference));
    ASSERT_TRUE(s1.accepted);
    auto pending = reg::readGetApplicationStatusResponse(s1.response->body);
    ASSERT_TRUE(pending.ok());
    EXPECT_EQ(pending->status, QStringLiteral("pending"));
    QThread::msleep(900);
    auto s2 = call(*t, sim->url(), sampleStatus(accepted->registryReference));
    ASSERT_TRUE(s2.accepted);
    auto granted = reg::readGetApplicationStatusResponse(s2.response->body);
    ASSERT_TRUE(granted.ok());
    EXPECT_EQ(granted->status, QStringLiteral("granted"));
    EXPECT_TRUE(granted->decidedAt.isValid());
}

TEST_F(SimHttp, SocialApplicationWithAttachments)
{
    std::vector<cnap::exchange::Attachment> files{{"income@cnap", "application/pdf", "%PDF-1.7 довідка про доходи"}};
    auto app = sampleSocialApplication();
    app.attachments.push_back({QStringLiteral("income@cnap"), QStringLiteral("довідка.pdf"), QStringLiteral("application/pdf"), files[0].sha256Hex()});
    auto v = call(*t, sim->url(), app, {}, files);
    ASSERT_TRUE(v.accepted) << v.errors.join(u'|').toStdString();
    // A hash that does not match the file is the client's mistake.
    app.attachments[0].sha256 = crypto::sha256Hex("something else");
    auto bad = call(*t, sim->url(), app, {}, files);
    ASSERT_TRUE(bad.fault.has_value());
    EXPECT_EQ(bad.fault->faultClass, xr::FaultClass::Client);
    EXPECT_FALSE(bad.retry);
    // Without any document the application is refused later, with grounds.
    auto none = call(*t, sim->url(), sampleSocialApplication());
    ASSERT_TRUE(none.accepted);
    const QString ref = reg::readAcceptedResponse(none.response->body)->registryReference;
    QThread::msleep(800);
    auto status = call(*t, sim->url(), sampleStatus(ref));
    ASSERT_TRUE(status.accepted);
    auto refused = reg::readGetApplicationStatusResponse(status.response->body);
    ASSERT_TRUE(refused.ok());
    EXPECT_EQ(refused->status, QStringLiteral("refused"));
    EXPECT_FALSE(refused->grounds.isEmpty());
}

TEST_F(SimHttp, LookupVerifyFetch)
{
    auto v = call(*t, sim->url(), sampleLookup());
    ASSERT_TRUE(v.accepted);
    auto le = reg::readLookupLegalEntityResponse(v.response->body);
    ASSERT_TRUE(le.ok());
    EXPECT_TRUE(le->fullName.contains(QStringLiteral("СЛОБОЖАНСЬКІ ПЕКАРНІ")));
    EXPECT_EQ(le->status, QStringLiteral("registered"));

    // An invalid ЄДРПОУ (check digit) reaches the registry only if we skip our own
    // validation: build the body by hand to see the registry's Client fault.
    xr::RequestHeader h = sampleHeader(reg::Service::LookupLegalEntity);
    h.id = crypto::uuid4();
    auto env = reg::newRegistryRequest(h, reg::Service::LookupLegalEntity);
    ASSERT_TRUE(env.ok());
    QString code = makeEdrpou(1234567);
    code[7] = QChar(u'0' + (code[7].digitValue() + 1) % 10);  // wrong check digit
    env->payload.appendTextChild(env->payload.namespaceUri(), QStringLiteral("edrpou"), code);
    auto out = cnap::exchange::composeMessage(env->document.serialize());
    ASSERT_TRUE(out.ok());
    auto fault = cnap::exchange::exchange(*t, sim->url(), out.value());
    ASSERT_TRUE(fault.fault.has_value());
    EXPECT_EQ(fault.fault->faultClass, xr::FaultClass::Client);
    EXPECT_FALSE(fault.retry);

    auto verify = call(*t, sim->url(), sampleVerifyPerson());
    ASSERT_TRUE(verify.accepted);
    EXPECT_TRUE(reg::readVerifyPersonUnzrResponse(verify.response->body)->match);
    auto wrong = sampleVerifyPerson();
    wrong.birthDate = wrong.birthDate.addDays(1);
    auto mismatch = call(*t, sim->url(), wrong);
    ASSERT_TRUE(mismatch.accepted);
    auto mm = reg::readVerifyPersonUnzrResponse(mismatch.response->body);
    ASSERT_TRUE(mm.ok());
    EXPECT_FALSE(mm->match);
    EXPECT_EQ(mm->mismatchedFields, QStringList{QStringLiteral("birthDate")});

    auto page1 = call(*t, sim->url(), sampleFetch());
    ASSERT_TRUE(page1.accepted);
    auto p1 = reg::readFetchOnlineApplicationsResponse(page1.response->body);
    ASSERT_TRUE(p1.ok());
    ASSERT_EQ(p1->applications.size(), 4u);
    EXPECT_FALSE(p1->applications[0].serviceTitle.isEmpty());
    EXPECT_TRUE(Rnokpp::parse(p1->applications[0].rnokpp).ok());
    auto page2 = call(*t, sim->url(), reg::FetchOnlineApplicationsRequest{p1->nextMarker, 4});
    ASSERT_TRUE(page2.accepted);
    auto p2 = reg::readFetchOnlineApplicationsResponse(page2.response->body);
    ASSERT_TRUE(p2.ok());
    ASSERT_FALSE(p2->applications.empty());
    EXPECT_NE(p2->applications[0].portalId, p1->applications[0].portalId);
}

TEST_F(SimHttp, UnknownReferenceIsAClientFault)
{
    auto v = call(*t, sim->url(), sampleStatus(QStringLiteral("RTG-2026-999999")));
    ASSERT_TRUE(v.fault.has_value());
    EXPECT_EQ(v.fault->faultClass, xr::FaultClass::Client);
}

TEST(Transport, ConnectionRefusedIsRetryable)
{
    auto t = transport();
    SimProcess sim({});
    ASSERT_TRUE(sim.started());
    const QString url = sim.url();
    sim.stop();
    auto r = t->post(net::HttpRequest{url, "text/xml; charset=UTF-8", "<a/>", {}});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Network);
    EXPECT_TRUE(net::isRetryable(r.error()));
}

TEST(Transport, BadUrlAndMissingTlsFiles)
{
    auto t = transport();
    auto r = t->post(net::HttpRequest{QStringLiteral("ftp://x/"), "text/xml", "<a/>", {}});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, QStringLiteral("url"));
    EXPECT_FALSE(net::isRetryable(r.error()));
    auto https = t->post(net::HttpRequest{QStringLiteral("https://localhost:1/"), "text/xml", "<a/>", {}});
    ASSERT_FALSE(https.ok());
    EXPECT_FALSE(net::isRetryable(https.error()));
    net::TransportConfig c;
    c.tls.caFile = QStringLiteral("/nonexistent/ca.pem");
    EXPECT_FALSE(net::makeHttpTransport(c).ok());
}

TEST(Transport, KeepAliveSessionIsReused)
{
    SimProcess sim({});
    ASSERT_TRUE(sim.started());
    auto t = transport();
    for (int i = 0; i < 20; ++i)
        ASSERT_TRUE(call(*t, sim.url(), sampleLookup()).accepted) << i;
}

TEST(Transport, DelayBeyondReadTimeoutIsRetryableTimeout)
{
    SimProcess sim({QStringLiteral("--fault"), QStringLiteral("delay"), QStringLiteral("--delay-ms"), QStringLiteral("2000")});
    ASSERT_TRUE(sim.started());
    net::TransportConfig c;
    c.readTimeout = std::chrono::milliseconds(400);
    auto t = transport(c);
    const auto v = call(*t, sim.url(), sampleLookup());
    EXPECT_FALSE(v.accepted);
    EXPECT_TRUE(v.retry);
    ASSERT_FALSE(v.errors.isEmpty());
    auto raw = t->post(net::HttpRequest{sim.url(), "text/xml; charset=UTF-8", sampleRequestBytes(reg::Service::LookupLegalEntity), {}});
    ASSERT_FALSE(raw.ok());
    EXPECT_EQ(raw.error().code, ErrorCode::Timeout);
}

struct InjectedFault {
    const char *kind;
    bool expectFault;
    bool expectRetry;
};

class Injected : public ::testing::TestWithParam<InjectedFault> {};

TEST_P(Injected, ClassifiedAsTheSyncEngineNeeds)
{
    SimProcess sim({QStringLiteral("--fault"), QString::fromLatin1(GetParam().kind)});
    ASSERT_TRUE(sim.started()) << sim.output().toStdString();
    auto t = transport();
    const auto v = call(*t, sim.url(), sampleLookup());
    EXPECT_FALSE(v.accepted) << GetParam().kind;
    EXPECT_EQ(v.fault.has_value(), GetParam().expectFault) << GetParam().kind;
    EXPECT_EQ(v.retry, GetParam().expectRetry) << GetParam().kind;
}

INSTANTIATE_TEST_SUITE_P(Kinds, Injected,
                         ::testing::Values(InjectedFault{"drop", false, true}, InjectedFault{"http500", false, true},
                                           InjectedFault{"client-fault", true, false}, InjectedFault{"server-fault", true, true},
                                           InjectedFault{"malformed", false, true}, InjectedFault{"wrong-header", false, true},
                                           InjectedFault{"duplicate", false, true}),
                         [](const auto &p) {
                             std::string s = p.param.kind;
                             std::replace(s.begin(), s.end(), '-', '_');
                             return s;
                         });

TEST(Transport, FaultRateAndSeedAreReproducible)
{
    const auto run = [] {
        SimProcess sim({QStringLiteral("--fault"), QStringLiteral("client-fault"), QStringLiteral("--fault-rate"), QStringLiteral("0.5"),
                        QStringLiteral("--seed"), QStringLiteral("42")});
        EXPECT_TRUE(sim.started());
        auto t = transport();
        QString pattern;
        for (int i = 0; i < 16; ++i)
            pattern += call(*t, sim.url(), sampleLookup()).accepted ? u'+' : u'-';
        return pattern;
    };
    const QString a = run();
    EXPECT_EQ(a, run());
    EXPECT_TRUE(a.contains(u'+'));
    EXPECT_TRUE(a.contains(u'-'));
}

TEST(Transport, DuplicateIsAnsweredFromTheStoreAcrossARestart)
{
    QTemporaryDir state;
    const QString id = crypto::uuid4();
    QString firstReference;
    {
        // The first attempt is acted on but its answer is lost.
        SimProcess sim({QStringLiteral("--state-dir"), state.path(), QStringLiteral("--fault"), QStringLiteral("duplicate")});
        ASSERT_TRUE(sim.started());
        auto t = transport();
        const auto lost = call(*t, sim.url(), sampleRegisterResidence(), id);
        EXPECT_FALSE(lost.accepted);
        EXPECT_TRUE(lost.retry);
    }
    xr::RequestHeader h = sampleHeader(reg::Service::RegisterResidence);
    h.id = id;
    const QByteArray bytes = reg::buildRequest(h, sampleRegisterResidence()).value();
    {
        SimProcess sim({QStringLiteral("--state-dir"), state.path()});
        ASSERT_TRUE(sim.started());
        auto t = transport();
        const auto retry = call(*t, sim.url(), sampleRegisterResidence(), id);
        ASSERT_TRUE(retry.accepted) << retry.errors.join(u'|').toStdString();
        firstReference = reg::readAcceptedResponse(retry.response->body)->registryReference;
        auto raw = t->post(net::HttpRequest{sim.url(), "text/xml; charset=UTF-8", bytes, {}});
        ASSERT_TRUE(raw.ok());
        auto stats = t->post(net::HttpRequest{sim.url() + QStringLiteral("stats"), "text/plain", {}, {}});
        (void)stats;
    }
    {
        // After another restart: the same answer, the registry did not act again.
        SimProcess sim({QStringLiteral("--state-dir"), state.path()});
        ASSERT_TRUE(sim.started());
        auto t = transport();
        const auto again = call(*t, sim.url(), sampleRegisterResidence(), id);
        ASSERT_TRUE(again.accepted);
        EXPECT_EQ(reg::readAcceptedResponse(again.response->body)->registryReference, firstReference);
        const auto fresh = call(*t, sim.url(), sampleRegisterResidence());
        ASSERT_TRUE(fresh.accepted);
        EXPECT_NE(reg::readAcceptedResponse(fresh.response->body)->registryReference, firstReference);
        // The same id with different content is refused, not silently replayed.
        auto other = sampleRegisterResidence();
        other.apartment = QStringLiteral("8");
        const auto conflict = call(*t, sim.url(), other, id);
        ASSERT_TRUE(conflict.fault.has_value());
        EXPECT_EQ(conflict.fault->faultClass, xr::FaultClass::Client);
    }
}

// ---------------------------------------------------------------- TLS

class SimTls : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(certs().error.isEmpty()) << certs().error.toStdString(); }
};

TEST_F(SimTls, MutualTlsWorks)
{
    SimProcess sim(tlsArgs(certs().serverCert, certs().serverKey));
    ASSERT_TRUE(sim.started()) << sim.output().toStdString();
    auto t = transport(mtlsConfig());
    const auto v = call(*t, sim.url(true, QStringLiteral("localhost")), sampleLookup());
    EXPECT_TRUE(v.accepted) << v.errors.join(u'|').toStdString();
    const auto second = call(*t, sim.url(true, QStringLiteral("localhost")), sampleVerifyPerson());
    EXPECT_TRUE(second.accepted) << second.errors.join(u'|').toStdString();
}

TEST_F(SimTls, UntrustedServerCaFailsWithoutRetry)
{
    SimProcess sim(tlsArgs(certs().serverCert, certs().serverKey));
    ASSERT_TRUE(sim.started());
    net::TransportConfig c = mtlsConfig();
    c.tls.caFile = certs().otherCaCert;
    auto t = transport(c);
    auto r = t->post(net::HttpRequest{sim.url(true, QStringLiteral("localhost")), "text/xml", sampleRequestBytes(reg::Service::LookupLegalEntity), {}});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Unauthenticated) << r.error().message.toStdString();
    EXPECT_FALSE(net::isRetryable(r.error()));
}

TEST_F(SimTls, WrongHostnameFailsWithoutRetry)
{
    SimProcess sim(tlsArgs(certs().wrongHostCert, certs().wrongHostKey));
    ASSERT_TRUE(sim.started());
    auto t = transport(mtlsConfig());
    auto r = t->post(net::HttpRequest{sim.url(true, QStringLiteral("localhost")), "text/xml", sampleRequestBytes(reg::Service::LookupLegalEntity), {}});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Unauthenticated) << r.error().message.toStdString();
    EXPECT_FALSE(net::isRetryable(r.error()));
}

TEST_F(SimTls, ClientWithoutCertificateIsRejected)
{
    SimProcess sim(tlsArgs(certs().serverCert, certs().serverKey));
    ASSERT_TRUE(sim.started());
    net::TransportConfig c = mtlsConfig();
    c.tls.certFile.clear();
    c.tls.keyFile.clear();
    auto t = transport(c);
    const auto v = call(*t, sim.url(true, QStringLiteral("localhost")), sampleLookup());
    EXPECT_FALSE(v.accepted);
    EXPECT_FALSE(v.response.has_value());
}

TEST_F(SimTls, ClientCertificateFromAnotherCaIsRejected)
{
    SimProcess sim(tlsArgs(certs().serverCert, certs().serverKey));
    ASSERT_TRUE(sim.started());
    net::TransportConfig c = mtlsConfig();
    c.tls.certFile = certs().rogueClientCert;
    c.tls.keyFile = certs().rogueClientKey;
    auto t = transport(c);
    const auto v = call(*t, sim.url(true, QStringLiteral("localhost")), sampleLookup());
    EXPECT_FALSE(v.accepted);
    EXPECT_FALSE(v.response.has_value());
}

TEST(RegistrySim, HelpListsEveryOptionAndBadUsageExits2)
{
    const auto help = cnap::test::runProcess(cnap::test::binDir() + QStringLiteral("/cnap-registry-sim"), {QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    for (const char *opt : {"--listen", "--tls-cert", "--tls-key", "--client-ca", "--state-dir", "--fault", "--fault-rate", "--seed",
                            "delay", "drop", "http500", "client-fault", "server-fault", "malformed", "wrong-header", "duplicate"})
        EXPECT_TRUE(help.out.contains(QString::fromLatin1(opt))) << opt;
    const auto bad = cnap::test::runProcess(cnap::test::binDir() + QStringLiteral("/cnap-registry-sim"),
                                            {QStringLiteral("--fault"), QStringLiteral("explode")});
    EXPECT_EQ(bad.exitCode, 2);
    const auto badListen = cnap::test::runProcess(cnap::test::binDir() + QStringLiteral("/cnap-registry-sim"),
                                                  {QStringLiteral("--listen"), QStringLiteral("nowhere")});
    EXPECT_EQ(badListen.exitCode, 2);
}

} // namespace
