// Multipart attachments and hostile XML.
#include "ExchangeFixtures.h"

#include "exchange/message/Multipart.h"

#include <gtest/gtest.h>

using namespace cnap;
using namespace cnap::exchange;
using namespace cnap::test::exchange;

namespace {

std::vector<Attachment> sampleFiles()
{
    QByteArray binary;
    for (int i = 0; i < 4096; ++i)
        binary.append(static_cast<char>(i % 256));  // every byte value, CR/LF and NUL included
    binary.append("\r\n--not-the-boundary\r\n");
    return {Attachment{"passport-scan@cnap", "image/jpeg", binary},
            Attachment{"income-statement@cnap", "application/pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n"}};
}

TEST(Multipart, RoundTripKeepsBytesAndOrder)
{
    const QByteArray soap = sampleRequestBytes(reg::Service::SubmitSocialApplication);
    auto wire = encodeMessage({soap, sampleFiles()});
    ASSERT_TRUE(wire.ok());
    EXPECT_EQ(mediaType(wire->contentType), QByteArray("multipart/related"));
    EXPECT_EQ(contentTypeParameter(wire->contentType, "type"), QByteArray("text/xml"));
    EXPECT_EQ(contentTypeParameter(wire->contentType, "start"), QByteArray("<soap-part@cnap>"));
    EXPECT_TRUE(wire->body.startsWith(QByteArray("--" + contentTypeParameter(wire->contentType, "boundary"))));
    auto back = decodeMessage(wire->contentType, wire->body);
    ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
    EXPECT_EQ(back->soap, soap);
    ASSERT_EQ(back->attachments.size(), 2u);
    const auto files = sampleFiles();
    for (size_t i = 0; i < files.size(); ++i) {
        EXPECT_EQ(back->attachments[i].contentId, files[i].contentId);
        EXPECT_EQ(back->attachments[i].contentType, files[i].contentType);
        EXPECT_EQ(back->attachments[i].data, files[i].data);
        EXPECT_EQ(back->attachments[i].sha256Hex(), files[i].sha256Hex());
    }
}

TEST(Multipart, PlainXmlPassesThrough)
{
    auto wire = encodeMessage({"<a/>", {}});
    ASSERT_TRUE(wire.ok());
    EXPECT_EQ(wire->contentType, QByteArray("text/xml; charset=UTF-8"));
    auto back = decodeMessage("text/xml; charset=UTF-8", "<a/>");
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->soap, QByteArray("<a/>"));
    EXPECT_TRUE(back->attachments.empty());
}

TEST(Multipart, RootFoundByStartParameterAndBase64Parts)
{
    const QByteArray body = "preamble\r\n--b1\r\nContent-Type: application/pdf\r\nContent-ID: <f1>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                            "SGVsbG8=\r\n--b1\r\nContent-Type: text/xml\r\nContent-ID: <root>\r\n\r\n<a/>\r\n--b1--\r\nepilogue";
    auto m = decodeMessage("Multipart/Related; boundary=b1; type=\"text/xml\"; start=\"<root>\"", body);
    ASSERT_TRUE(m.ok()) << m.error().message.toStdString();
    EXPECT_EQ(m->soap, QByteArray("<a/>"));
    ASSERT_EQ(m->attachments.size(), 1u);
    EXPECT_EQ(m->attachments[0].data, QByteArray("Hello"));
}

TEST(Multipart, RejectsBadInputToEncode)
{
    EXPECT_FALSE(encodeMessage({"<a/>", {Attachment{"bad id", "text/plain", "x"}}}).ok());
    EXPECT_FALSE(encodeMessage({"<a/>", {Attachment{"a@b", "text/plain", "x"}, Attachment{"a@b", "text/plain", "y"}}}).ok());
    EXPECT_FALSE(encodeMessage({"<a/>", {Attachment{"a@b", "not a type", "x"}}}).ok());
    EXPECT_FALSE(encodeMessage({"<a/>", {Attachment{"a@b", "text/plain\r\nX-Evil: 1", "x"}}}).ok());
}

struct Malformed {
    const char *name;
    QByteArray contentType;
    QByteArray body;
};

class MalformedMultipart : public ::testing::TestWithParam<Malformed> {};

TEST_P(MalformedMultipart, IsRejectedClearly)
{
    auto m = decodeMessage(GetParam().contentType, GetParam().body);
    ASSERT_FALSE(m.ok()) << GetParam().name;
    EXPECT_EQ(m.error().code, ErrorCode::Protocol);
    EXPECT_FALSE(m.error().message.isEmpty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MalformedMultipart,
    ::testing::Values(
        Malformed{"noBoundary", "multipart/related; type=\"text/xml\"", "--x\r\n\r\n<a/>\r\n--x--"},
        Malformed{"noDelimiter", "multipart/related; boundary=x", "just text"},
        Malformed{"notClosed", "multipart/related; boundary=x", "--x\r\nContent-Type: text/xml\r\n\r\n<a/>"},
        Malformed{"noHeaders", "multipart/related; boundary=x", "--x\r\n<a/>\r\n--x--\r\n"},
        Malformed{"noContentType", "multipart/related; boundary=x", "--x\r\nContent-ID: <r>\r\n\r\n<a/>\r\n--x--\r\n"},
        Malformed{"rootNotXml", "multipart/related; boundary=x", "--x\r\nContent-Type: image/png\r\n\r\nPNG\r\n--x--\r\n"},
        Malformed{"startMissing", "multipart/related; boundary=x; start=\"<nope>\"",
                  "--x\r\nContent-Type: text/xml\r\nContent-ID: <r>\r\n\r\n<a/>\r\n--x--\r\n"},
        Malformed{"duplicateIds", "multipart/related; boundary=x",
                  "--x\r\nContent-Type: text/xml\r\nContent-ID: <r>\r\n\r\n<a/>\r\n--x\r\nContent-Type: text/plain\r\nContent-ID: <r>\r\n\r\nz\r\n--x--\r\n"},
        Malformed{"attachmentWithoutId", "multipart/related; boundary=x",
                  "--x\r\nContent-Type: text/xml\r\n\r\n<a/>\r\n--x\r\nContent-Type: text/plain\r\n\r\nz\r\n--x--\r\n"},
        Malformed{"unknownEncoding", "multipart/related; boundary=x",
                  "--x\r\nContent-Type: text/xml\r\nContent-Transfer-Encoding: uuencode\r\n\r\n<a/>\r\n--x--\r\n"},
        Malformed{"unsupportedType", "application/json", "{}"},
        Malformed{"garbageAfterDelimiter", "multipart/related; boundary=x", "--xyz\r\nContent-Type: text/xml\r\n\r\n<a/>\r\n--x--\r\n"}),
    [](const auto &p) { return std::string(p.param.name); });

TEST(Multipart, TooManyParts)
{
    QByteArray body = "--x\r\nContent-Type: text/xml\r\nContent-ID: <r>\r\n\r\n<a/>";
    for (int i = 0; i < 150; ++i)
        body += "\r\n--x\r\nContent-Type: text/plain\r\nContent-ID: <p" + QByteArray::number(i) + ">\r\n\r\nz";
    body += "\r\n--x--\r\n";
    EXPECT_FALSE(decodeMessage("multipart/related; boundary=x", body).ok());
    EXPECT_TRUE(decodeMessage("multipart/related; boundary=x", body, 200).ok());
}

// ---------------------------------------------------------------- hostile XML

TEST(HostileXml, ExternalEntityIsRefused)
{
    const QByteArray xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                           "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><a>&x;</a></s:Body></s:Envelope>";
    auto m = xr::parseMessage(xxe);
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.error().code, ErrorCode::Xml);
    EXPECT_FALSE(m.error().message.contains(QStringLiteral("root:")));
}

TEST(HostileXml, BillionLaughsIsRefused)
{
    QByteArray bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">";
    for (int i = 1; i < 10; ++i)
        bomb += "<!ENTITY lol" + QByteArray::number(i) + " \"" + QByteArray("&lol" + QByteArray::number(i - 1) + ";").repeated(10) + "\">";
    bomb += "]><lolz>&lol9;</lolz>";
    bomb.replace("&lol0;", "&lol;");
    EXPECT_FALSE(xr::parseMessage(bomb).ok());
}

TEST(HostileXml, DeepNestingIsRefused)
{
    const QByteArray deep = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>" + QByteArray("<a>").repeated(5000)
                            + QByteArray("</a>").repeated(5000) + "</s:Body></s:Envelope>";
    auto m = xr::parseMessage(deep);
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.error().code, ErrorCode::Xml);
}

TEST(HostileXml, HugeInputIsRefusedBeforeParsing)
{
    xml::ParseLimits limits;
    limits.maxBytes = 1024 * 1024;
    const QByteArray huge = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><a>" + QByteArray(2 * 1024 * 1024, 'x')
                            + "</a></s:Body></s:Envelope>";
    auto m = xr::parseMessage(huge, limits);
    ASSERT_FALSE(m.ok());
    EXPECT_TRUE(m.error().message.contains(QStringLiteral("завеликий")));
}

TEST(HostileXml, GarbageIsRefused)
{
    for (const QByteArray &g : {QByteArray(), QByteArray("   "), QByteArray("\x00\x01\x02\xff", 4), QByteArray("<a><b></a>"),
                                QByteArray("{\"json\":true}"), QByteArray("<?xml version=\"1.0\" encoding=\"UTF-7\"?><a/>"),
                                QByteArray("<a xmlns:p=\"urn:x\"><q:b/></a>")}) {
        EXPECT_FALSE(xr::parseMessage(g).ok()) << g.toStdString();
    }
}

TEST(HostileXml, ResponseCheckRejectsHostileAnswersWithoutCrashing)
{
    const QByteArray request = sampleRequestBytes(reg::Service::LookupLegalEntity);
    auto sent = xr::SentRequest::fromBytes(request);
    ASSERT_TRUE(sent.ok());
    const QByteArray xxe = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
    const auto v = xr::checkResponse(sent.value(), 200, xxe);
    EXPECT_FALSE(v.accepted);
    EXPECT_FALSE(v.fault.has_value());
}

} // namespace
