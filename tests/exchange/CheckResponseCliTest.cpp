// cnapctl exchange check-response: exit codes and the JSON verdict.
#include "ExchangeFixtures.h"

#include "exchange/message/Multipart.h"
#include "support/TestEnv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace cnap;
using namespace cnap::test;
using namespace cnap::test::exchange;

namespace {

class CheckResponseCli : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(dir.isValid());
        request = sampleRequestBytes(reg::Service::LookupLegalEntity);
        requestFile = write(QStringLiteral("request.xml"), request);
        auto m = xr::parseMessage(request);
        auto env = xr::newResponse(m.value(), request, reg::payloadNamespace(reg::Service::LookupLegalEntity));
        env->payload.appendTextChild(env->payload.namespaceUri(), QStringLiteral("edrpou"), QStringLiteral("32730128"));
        good = env->document.serialize();
    }
    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        return path;
    }
    ProcessResult run(const QStringList &args)
    {
        return runProcess(binDir() + QStringLiteral("/cnapctl"), QStringList{QStringLiteral("exchange"), QStringLiteral("check-response")} + args);
    }
    static QJsonObject json(const ProcessResult &r)
    {
        const QJsonDocument d = QJsonDocument::fromJson(r.out.trimmed().toUtf8());
        EXPECT_TRUE(d.isObject()) << r.out.toStdString() << r.err.toStdString();
        EXPECT_EQ(r.out.trimmed().count(u'\n'), 0) << "one JSON object on one line";
        return d.object();
    }

    QTemporaryDir dir;
    QByteArray request;
    QByteArray good;
    QString requestFile;
};

TEST_F(CheckResponseCli, AcceptedExitsZero)
{
    const auto r = run({QStringLiteral("--request"), requestFile, write(QStringLiteral("resp.xml"), good)});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject o = json(r);
    EXPECT_TRUE(o.value(QStringLiteral("accepted")).toBool());
    EXPECT_TRUE(o.value(QStringLiteral("fault")).isNull());
    EXPECT_FALSE(o.value(QStringLiteral("retry")).toBool());
    EXPECT_TRUE(o.value(QStringLiteral("errors")).toArray().isEmpty());
}

TEST_F(CheckResponseCli, FaultExitsOneWithClass)
{
    const QByteArray fault = xr::faultDocument(QStringLiteral("SOAP-ENV:server.serverproxy.ServiceFailed"), QStringLiteral("Недоступно"));
    const auto r = run({QStringLiteral("--request"), requestFile, write(QStringLiteral("fault.xml"), fault)});
    EXPECT_EQ(r.exitCode, 1);
    const QJsonObject o = json(r);
    EXPECT_FALSE(o.value(QStringLiteral("accepted")).toBool());
    const QJsonObject f = o.value(QStringLiteral("fault")).toObject();
    EXPECT_EQ(f.value(QStringLiteral("class")).toString(), QStringLiteral("server-server-proxy"));
    EXPECT_EQ(f.value(QStringLiteral("code")).toString(), QStringLiteral("SOAP-ENV:server.serverproxy.ServiceFailed"));
    EXPECT_EQ(f.value(QStringLiteral("string")).toString(), QStringLiteral("Недоступно"));
    EXPECT_TRUE(o.value(QStringLiteral("retry")).toBool());

    const QByteArray client = xr::faultDocument(QStringLiteral("Client.BadRequest"), QStringLiteral("Некоректний запит"));
    const auto c = run({QStringLiteral("--request"), requestFile, QStringLiteral("--http-status"), QStringLiteral("500"),
                        write(QStringLiteral("client.xml"), client)});
    EXPECT_EQ(c.exitCode, 1);
    const QJsonObject co = json(c);
    EXPECT_EQ(co.value(QStringLiteral("fault")).toObject().value(QStringLiteral("class")).toString(), QStringLiteral("client"));
    EXPECT_FALSE(co.value(QStringLiteral("retry")).toBool());
}

TEST_F(CheckResponseCli, EchoMismatchIsRejected)
{
    QByteArray bad = good;
    bad.replace("operator.kovalenko", "operator.other");
    const auto r = run({QStringLiteral("--request"), requestFile, write(QStringLiteral("bad.xml"), bad)});
    EXPECT_EQ(r.exitCode, 1);
    const QJsonObject o = json(r);
    EXPECT_FALSE(o.value(QStringLiteral("accepted")).toBool());
    EXPECT_TRUE(o.value(QStringLiteral("fault")).isNull());
    EXPECT_EQ(o.value(QStringLiteral("errors")).toArray().size(), 1);
    EXPECT_TRUE(o.value(QStringLiteral("errors")).toArray().at(0).toString().contains(QStringLiteral("userId")));
}

TEST_F(CheckResponseCli, MultipartWithContentType)
{
    auto wire = cnap::exchange::encodeMessage({good, {cnap::exchange::Attachment{"x@r", "application/pdf", "%PDF"}}});
    ASSERT_TRUE(wire.ok());
    const QString file = write(QStringLiteral("multi.bin"), wire->body);
    const auto ok = run({QStringLiteral("--request"), requestFile, QStringLiteral("--content-type"), QString::fromLatin1(wire->contentType), file});
    EXPECT_EQ(ok.exitCode, 0) << ok.out.toStdString() << ok.err.toStdString();
    // Without the content type the multipart body is not XML.
    const auto plain = run({QStringLiteral("--request"), requestFile, file});
    EXPECT_EQ(plain.exitCode, 1);
    EXPECT_TRUE(json(plain).value(QStringLiteral("retry")).toBool());
}

TEST_F(CheckResponseCli, UsageErrorsExitTwo)
{
    const QString resp = write(QStringLiteral("resp.xml"), good);
    EXPECT_EQ(run({resp}).exitCode, 2);                                                        // no --request
    EXPECT_EQ(run({QStringLiteral("--request"), requestFile}).exitCode, 2);                     // no response file
    EXPECT_EQ(run({QStringLiteral("--request"), requestFile, resp, resp}).exitCode, 2);         // two response files
    EXPECT_EQ(run({QStringLiteral("--request"), dir.filePath(QStringLiteral("missing.xml")), resp}).exitCode, 2);
    EXPECT_EQ(run({QStringLiteral("--request"), resp, resp}).exitCode, 2);                      // a response is not a request
    EXPECT_EQ(run({QStringLiteral("--request"), requestFile, QStringLiteral("--bogus"), resp}).exitCode, 2);
    EXPECT_EQ(run({QStringLiteral("--request"), requestFile, QStringLiteral("--http-status"), QStringLiteral("abc"), resp}).exitCode, 2);
}

} // namespace
