// Poco implementation of HttpTransport (Poco stays inside src/net).
#include "net/HttpTransport.h"
#include "net/PocoInit.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

#include <Poco/Crypto/EVPPKey.h>
#include <Poco/Crypto/X509Certificate.h>
#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Timespan.h>

#include <istream>
#include <map>
#include <mutex>

namespace cnap::net {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::net", s); }

Poco::Timespan span(std::chrono::milliseconds ms)
{
    return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(ms.count()) * 1000);
}

bool mentionsCertificateProblem(const std::string &text)
{
    // OpenSSL reason strings: "certificate verify failed", "tlsv13 alert
    // certificate required", "sslv3 alert bad certificate", "tlsv1 alert unknown ca".
    static const char *markers[] = {"certificate", "unknown ca", "Unacceptable certificate"};
    for (const char *m : markers) {
        if (text.find(m) != std::string::npos)
            return true;
    }
    return false;
}

struct Target {
    bool https = false;
    std::string host;
    quint16 port = 0;
    std::string pathAndQuery;
    [[nodiscard]] std::string key() const { return (https ? "https://" : "http://") + host + ':' + std::to_string(port); }
};

Result<Target> parseUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QStringLiteral("http") && scheme != QStringLiteral("https")))
        return Error::invalid(QStringLiteral("url"), tr("адреса сервера безпеки має бути http(s)://вузол[:порт]/шлях: «%1»").arg(text));
    Target t;
    t.https = scheme == QStringLiteral("https");
    t.host = url.host().toStdString();
    t.port = static_cast<quint16>(url.port(t.https ? 443 : 80));
    QString path = url.path(QUrl::FullyEncoded);
    if (path.isEmpty())
        path = QStringLiteral("/");
    if (url.hasQuery())
        path += u'?' + url.query(QUrl::FullyEncoded);
    t.pathAndQuery = path.toStdString();
    return t;
}

class PocoHttpTransport final : public HttpTransport {
public:
    PocoHttpTransport(TransportConfig config, Poco::Net::Context::Ptr context)
        : m_config(std::move(config)), m_context(std::move(context)) {}

    Result<HttpResponse> post(const HttpRequest &request) override
    {
        auto target = parseUrl(request.url);
        if (!target)
            return target.error();
        if (target->https && !m_context)
            return Error::invalid(QStringLiteral("tls.caFile"), tr("для https потрібен файл довірених сертифікатів (CA) сервера безпеки"));
        std::lock_guard lock(m_mutex);
        bool reused = m_sessions.count(target->key()) != 0;
        auto result = attempt(*target, request);
        // A kept-alive connection the server has meanwhile closed fails on first
        // use; one fresh attempt is safe because the message id makes the
        // provider de-duplicate.
        if (!result && reused && result.error().code == ErrorCode::Network)
            result = attempt(*target, request);
        return result;
    }

private:
    Poco::Net::HTTPClientSession &session(const Target &t)
    {
        auto &slot = m_sessions[t.key()];
        if (!slot) {
            if (t.https)
                slot = std::make_unique<Poco::Net::HTTPSClientSession>(t.host, t.port, m_context);
            else
                slot = std::make_unique<Poco::Net::HTTPClientSession>(t.host, t.port);
            slot->setKeepAlive(true);
            slot->setTimeout(span(m_config.connectTimeout), span(m_config.readTimeout), span(m_config.readTimeout));
        }
        return *slot;
    }

    Result<HttpResponse> attempt(const Target &t, const HttpRequest &request)
    {
        const QString where = QString::fromStdString(t.key());
        try {
            Poco::Net::HTTPClientSession &s = session(t);
            Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_POST, t.pathAndQuery, Poco::Net::HTTPMessage::HTTP_1_1);
            req.setContentType(request.contentType.toStdString());
            req.setContentLength(request.body.size());
            req.setKeepAlive(true);
            req.set("SOAPAction", "\"\"");
            for (const auto &[name, value] : request.headers)
                req.set(name.toStdString(), value.toStdString());
            std::ostream &os = s.sendRequest(req);
            os.write(request.body.constData(), request.body.size());
            Poco::Net::HTTPResponse resp;
            std::istream &is = s.receiveResponse(resp);
            HttpResponse out;
            out.status = static_cast<int>(resp.getStatus());
            out.contentType = QByteArray::fromStdString(resp.getContentType());
            char buf[16384];
            while (is) {
                is.read(buf, sizeof buf);
                const auto n = is.gcount();
                if (n <= 0)
                    break;
                if (out.body.size() + n > m_config.maxResponseBytes) {
                    drop(t);
                    return Error::make(ErrorCode::Protocol, tr("відповідь від %1 перевищує %2 байт").arg(where).arg(m_config.maxResponseBytes));
                }
                out.body.append(buf, static_cast<qsizetype>(n));
            }
            if (!resp.getKeepAlive())
                drop(t);
            return out;
        } catch (const Poco::TimeoutException &e) {
            drop(t);
            return Error::make(ErrorCode::Timeout, tr("час очікування відповіді від %1 вичерпано").arg(where));
        } catch (const Poco::Net::CertificateValidationException &e) {
            drop(t);
            return Error::make(ErrorCode::Unauthenticated, tr("сертифікат %1 не прийнято: %2").arg(where, QString::fromStdString(e.displayText())));
        } catch (const Poco::Net::SSLException &e) {
            drop(t);
            const std::string text = e.displayText();
            if (mentionsCertificateProblem(text))
                return Error::make(ErrorCode::Unauthenticated, tr("помилка сертифіката під час TLS-з'єднання з %1: %2").arg(where, QString::fromStdString(text)));
            return Error::make(ErrorCode::Network, tr("помилка TLS-з'єднання з %1: %2").arg(where, QString::fromStdString(text)));
        } catch (const Poco::Net::ConnectionRefusedException &) {
            drop(t);
            return Error::make(ErrorCode::Network, tr("%1 відхилив з'єднання").arg(where));
        } catch (const Poco::Exception &e) {
            drop(t);
            const std::string text = e.displayText();
            if (text.find("Timeout") != std::string::npos || text.find("timed out") != std::string::npos)
                return Error::make(ErrorCode::Timeout, tr("час очікування відповіді від %1 вичерпано").arg(where));
            return Error::make(ErrorCode::Network, tr("помилка мережі під час обміну з %1: %2").arg(where, QString::fromStdString(text)));
        } catch (const std::exception &e) {
            drop(t);
            return Error::make(ErrorCode::Network, tr("помилка мережі під час обміну з %1: %2").arg(where, QString::fromUtf8(e.what())));
        }
    }

    void drop(const Target &t) { m_sessions.erase(t.key()); }

    TransportConfig m_config;
    Poco::Net::Context::Ptr m_context;
    std::mutex m_mutex;
    std::map<std::string, std::unique_ptr<Poco::Net::HTTPClientSession>> m_sessions;
};

} // namespace

Result<std::unique_ptr<HttpTransport>> makeHttpTransport(const TransportConfig &config)
{
    detail::ensurePocoInitialised();
    Poco::Net::Context::Ptr context;
    const TlsConfig &tls = config.tls;
    if (!tls.caFile.isEmpty()) {
        if (!QFileInfo(tls.caFile).isReadable())
            return Error::invalid(QStringLiteral("tls.caFile"), tr("файл CA не знайдено або він недоступний: %1").arg(tls.caFile));
        if (tls.certFile.isEmpty() != tls.keyFile.isEmpty())
            return Error::invalid(QStringLiteral("tls.keyFile"), tr("сертифікат клієнта і його ключ задаються разом"));
        for (const QString &f : {tls.certFile, tls.keyFile}) {
            if (!f.isEmpty() && !QFileInfo(f).isReadable())
                return Error::invalid(QStringLiteral("tls"), tr("файл не знайдено або він недоступний: %1").arg(f));
        }
        try {
            Poco::Net::Context::Params p;
            p.caLocation = tls.caFile.toStdString();
            p.verificationMode = Poco::Net::Context::VERIFY_STRICT;
            p.loadDefaultCAs = false;
            p.cipherList = "HIGH:!aNULL:!MD5:!RC4";
            context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, p);
            context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
            context->enableExtendedCertificateVerification(tls.verifyHostname);
            if (!tls.certFile.isEmpty()) {
                context->useCertificate(Poco::Crypto::X509Certificate(tls.certFile.toStdString()));
                context->usePrivateKey(Poco::Crypto::EVPPKey("", tls.keyFile.toStdString(), tls.keyPassphrase.toStdString()));
            }
        } catch (const Poco::Exception &e) {
            return Error::invalid(QStringLiteral("tls"), tr("не вдалося завантажити TLS-сертифікати: %1").arg(QString::fromStdString(e.displayText())));
        }
    }
    return std::unique_ptr<HttpTransport>(std::make_unique<PocoHttpTransport>(config, context));
}

bool isRetryable(const Error &transportError)
{
    return transportError.code == ErrorCode::Network || transportError.code == ErrorCode::Timeout;
}

} // namespace cnap::net
