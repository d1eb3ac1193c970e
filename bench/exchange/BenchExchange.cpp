// bench_exchange [--n N] [--xsd message.xsd] [--xmllint-files M]
//
// One core, one thread.  Measures, per message of about 2 KB:
//   build:    header + registry payload -> document, validate against message.xsd,
//             serialise (what the outbox does once per request);
//   build+b:  the same plus the body's own registry XSD;
//   response: parse + echo/requestHash/body check (checkResponse) + message.xsd;
// and runs `xmllint --noout --schema message.xsd` over M of the same requests
// written to files, to set the figures beside the reference tool.
#include "core/identifiers/IdentifierFactory.h"
#include "crypto/Hash.h"
#include "exchange/registry/RegistryServices.h"
#include "xml/Xml.h"
#include "xml/xroad/ResponseCheck.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace cnap;
namespace reg = cnap::exchange::registry;
namespace xr = cnap::xml::xroad;

namespace {

xr::RequestHeader header(int i)
{
    xr::RequestHeader h;
    h.client = {QStringLiteral("SEVDEIR-TEST"), QStringLiteral("GOV"), makeEdrpou(4059243), QStringLiteral("10_KharkivCNAP_prod")};
    h.service = {QStringLiteral("SEVDEIR-TEST"), QStringLiteral("GOV"), makeEdrpou(3736608), QStringLiteral("reg_TG_register"),
                 QStringLiteral("SubmitSocialApplication"), QStringLiteral("v1")};
    h.id = QStringLiteral("3f1c2a9e-8b47-4d0f-9a51-%1").arg(i, 12, 10, QLatin1Char('0'));
    h.userId = QStringLiteral("operator.kovalenko");
    h.issue = QStringLiteral("ЦНАП-2026-%1").arg(i % 1000000, 6, 10, QLatin1Char('0'));
    return h;
}

reg::SubmitSocialApplicationRequest payload(int i)
{
    reg::SubmitSocialApplicationRequest r;
    r.applicant = {makeRnokpp(QDate(1956, 11, 3), i % 1000, Sex::Male), makeUnzr(QDate(1956, 11, 3), i % 10000),
                   QStringLiteral("Коваленко"), QStringLiteral("Іван"), QStringLiteral("Степанович"), QDate(1956, 11, 3)};
    r.assistanceType = QStringLiteral("housing-subsidy");
    r.submittedAt = QDateTime(QDate(2026, 11, 27), QTime(10, 30), Qt::UTC);
    const char *names[] = {"заява-про-субсидію.pdf", "довідка-про-доходи.pdf", "паспорт-скан.jpg", "договір-оренди.pdf"};
    for (int k = 0; k < 2; ++k)
        r.attachments.push_back({QStringLiteral("file-%1@cnap").arg(k), QString::fromUtf8(names[k]),
                                 k == 2 ? QStringLiteral("image/jpeg") : QStringLiteral("application/pdf"),
                                 crypto::sha256Hex(QByteArray::number(i * 10 + k))});
    return r;
}

double perSecond(qint64 count, qint64 nanos) { return nanos > 0 ? double(count) * 1e9 / double(nanos) : 0; }

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    int n = 20000;
    int files = 2000;
    QString xsd = QDir(QStringLiteral(CNAP_SOURCE_DIR)).absoluteFilePath(QStringLiteral("../shared/reference/x-road/message.xsd"));
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QStringLiteral("--n"))
            n = args[i + 1].toInt();
        else if (args[i] == QStringLiteral("--xsd"))
            xsd = args[i + 1];
        else if (args[i] == QStringLiteral("--xmllint-files"))
            files = args[i + 1].toInt();
    }
    auto schema = xml::Schema::load(xsd);
    auto body = xml::Schema::load(reg::schemaPath(QStringLiteral(CNAP_SOURCE_DIR) + QStringLiteral("/schemas"), reg::Service::SubmitSocialApplication));
    if (!schema || !body) {
        out << "cannot load schemas: " << (schema ? body.error().message : schema.error().message) << Qt::endl;
        return 1;
    }

    // Inputs prepared outside the timed loops.
    std::vector<xr::RequestHeader> headers;
    std::vector<reg::SubmitSocialApplicationRequest> payloads;
    for (int i = 0; i < n; ++i) {
        headers.push_back(header(i));
        payloads.push_back(payload(i));
    }

    // Warm-up (allocator, libxml2 dictionaries, QString caches) outside the timings.
    for (int i = 0; i < std::min(n, 2000); ++i) {
        auto env = reg::newRegistryRequest(headers[i], reg::Service::SubmitSocialApplication);
        reg::write(env->payload, payloads[i]);
        if (!schema->validate(env->document) || env->document.serialize().isEmpty())
            return 1;
    }

    // 1. build + validate (message.xsd) + serialise
    std::vector<QByteArray> requests;
    requests.reserve(n);
    qint64 bytes = 0;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i) {
        auto env = reg::newRegistryRequest(headers[i], reg::Service::SubmitSocialApplication);
        if (!env || !reg::validate(payloads[i]))
            return 1;
        reg::write(env->payload, payloads[i]);
        if (!schema->validate(env->document))
            return 1;
        requests.push_back(env->document.serialize());
        bytes += requests.back().size();
    }
    const qint64 buildNs = t.nsecsElapsed();

    // 2. the same plus the body XSD
    t.restart();
    for (int i = 0; i < n; ++i) {
        auto env = reg::newRegistryRequest(headers[i], reg::Service::SubmitSocialApplication);
        reg::write(env->payload, payloads[i]);
        if (!schema->validate(env->document) || !body->validate(env->payload))
            return 1;
        const QByteArray s = env->document.serialize();
        if (s.isEmpty())
            return 1;
    }
    const qint64 buildBodyNs = t.nsecsElapsed();

    // Responses as the simulator builds them (prepared outside the loop).
    std::vector<xr::SentRequest> sent;
    std::vector<QByteArray> responses;
    for (int i = 0; i < n; ++i) {
        auto m = xr::parseMessage(requests[i]);
        auto env = xr::newResponse(m.value(), requests[i], reg::payloadNamespace(reg::Service::SubmitSocialApplication));
        reg::write(env->payload, reg::AcceptedResponse{QStringLiteral("accepted"), QStringLiteral("SZN-2026-%1").arg(i + 1, 6, 10, QLatin1Char('0')),
                                                       QDateTime(QDate(2026, 11, 27), QTime(10, 31), Qt::UTC)});
        responses.push_back(env->document.serialize());
        sent.push_back(xr::SentRequest{headers[i], requests[i], reg::payloadNamespace(reg::Service::SubmitSocialApplication)});
    }

    // 3. parse + check + validate a response
    t.restart();
    for (int i = 0; i < n; ++i) {
        const auto v = xr::checkResponse(sent[i], 200, responses[i]);
        if (!v.accepted || !schema->validate(v.response->document))
            return 1;
    }
    const qint64 responseNs = t.nsecsElapsed();

    // 4. xmllint over a batch of the same requests
    QTemporaryDir dir;
    QStringList lintArgs{QStringLiteral("--noout"), QStringLiteral("--schema"), xsd};
    files = std::min(files, n);
    for (int i = 0; i < files; ++i) {
        const QString path = dir.filePath(QStringLiteral("req-%1.xml").arg(i));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(requests[i]) != requests[i].size())
            return 1;
        lintArgs << path;
    }
    QProcess lint;
    t.restart();
    lint.start(QStringLiteral("xmllint"), lintArgs);
    lint.waitForFinished(-1);
    const qint64 lintNs = t.nsecsElapsed();
    const bool lintOk = lint.exitCode() == 0;

    const double build = perSecond(n, buildNs);
    const double lintRate = perSecond(files, lintNs);
    out << "messages: " << n << ", average request " << bytes / n << " bytes, response " << responses.front().size() << " bytes\n";
    out << QStringLiteral("build+validate(message.xsd)+serialise: %1 req/s (%2 us each)\n").arg(build, 0, 'f', 0).arg(1e6 / build, 0, 'f', 1);
    out << QStringLiteral("  + body XSD:                          %1 req/s\n").arg(perSecond(n, buildBodyNs), 0, 'f', 0);
    out << QStringLiteral("parse+check+validate response:        %1 resp/s\n").arg(perSecond(n, responseNs), 0, 'f', 0);
    out << QStringLiteral("xmllint --schema message.xsd (%1 files, %2): %3 msg/s\n")
               .arg(files).arg(lintOk ? QStringLiteral("all valid") : QStringLiteral("FAILED")).arg(lintRate, 0, 'f', 0);
    out << QStringLiteral("ratio build+validate+serialise / xmllint validate-only: %1x\n").arg(lintRate > 0 ? build / lintRate : 0, 0, 'f', 1);
    return lintOk ? 0 : 1;
}
