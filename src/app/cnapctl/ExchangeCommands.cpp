// cnapctl exchange ...: registry exchange tools that need no database.
#include "Cli.h"

#include "exchange/message/Exchange.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace cnap::cli {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnapctl", s); }

Result<QByteArray> readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorCode::Io, tr("не вдалося відкрити файл %1: %2").arg(path, f.errorString()));
    // Same ceiling as the transport's response limit.
    if (f.size() > 64 * 1024 * 1024)
        return Error::make(ErrorCode::Io, tr("файл %1 завеликий").arg(path));
    return f.readAll();
}

// Judges a saved response against the saved request exactly as the sync engine
// does (exchange::judgeResponse), and prints the verdict as one JSON object.
int runCheckResponse(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption request(QStringLiteral("request"), tr("файл запиту (SOAP, як надіслано)"), QStringLiteral("REQ_FILE"));
    const QCommandLineOption contentType(QStringLiteral("content-type"), tr("Content-Type відповіді (для multipart/related)"),
                                         QStringLiteral("TYPE"), QStringLiteral("text/xml; charset=UTF-8"));
    const QCommandLineOption status(QStringLiteral("http-status"), tr("HTTP-статус відповіді"), QStringLiteral("N"), QStringLiteral("200"));
    p.addOptions({request, contentType, status});
    p.addPositionalArgument(QStringLiteral("RESP_FILE"), tr("файл відповіді"));
    if (!ctx.parse(p, QStringLiteral("exchange check-response")))
        return ExitUsage;
    if (!p.isSet(request))
        return ctx.usage(tr("потрібен --request REQ_FILE"));
    if (p.positionalArguments().size() != 1)
        return ctx.usage(tr("потрібен рівно один файл відповіді"));
    bool ok = false;
    const int httpStatus = p.value(status).toInt(&ok);
    if (!ok || httpStatus < 100 || httpStatus > 599)
        return ctx.usage(tr("--http-status має бути кодом 100–599"));

    auto reqBytes = readFile(p.value(request));
    if (!reqBytes)
        return ctx.fail(reqBytes.error(), ExitUsage);
    auto respBytes = readFile(p.positionalArguments().first());
    if (!respBytes)
        return ctx.fail(respBytes.error(), ExitUsage);
    auto sent = xml::xroad::SentRequest::fromBytes(reqBytes.value());
    if (!sent)
        return ctx.fail(Error::invalid(QStringLiteral("--request"), tr("файл запиту не є коректним запитом X-Road: %1").arg(sent.error().describe())),
                        ExitUsage);

    const net::HttpResponse response{httpStatus, p.value(contentType).toUtf8(), respBytes.value()};
    const exchange::ResponseVerdict v = exchange::judgeResponse(sent.value(), response);

    QJsonObject out;
    out.insert(QStringLiteral("accepted"), v.accepted);
    if (v.fault) {
        out.insert(QStringLiteral("fault"), QJsonObject{{QStringLiteral("code"), v.fault->code},
                                                       {QStringLiteral("string"), v.fault->string},
                                                       {QStringLiteral("class"), xml::xroad::faultClassName(v.fault->faultClass)}});
    } else {
        out.insert(QStringLiteral("fault"), QJsonValue::Null);
    }
    out.insert(QStringLiteral("retry"), v.retry);
    out.insert(QStringLiteral("errors"), QJsonArray::fromStringList(v.errors));
    printJson(ctx.out(), out);
    return v.accepted ? ExitOk : ExitFailure;
}

const Registrar checkResponseCmd({QStringLiteral("exchange"), QStringLiteral("check-response")},
                                 QStringLiteral("перевірити відповідь реєстру на запит X-Road (JSON-висновок)"), runCheckResponse);

} // namespace
} // namespace cnap::cli
