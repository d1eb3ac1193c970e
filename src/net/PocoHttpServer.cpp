// Poco implementation of HttpServer.
#include "net/HttpServer.h"
#include "net/PocoInit.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>

#include <istream>
#include <ostream>

namespace cnap::net {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::net", s); }

class Handler final : public Poco::Net::HTTPRequestHandler {
public:
    Handler(const HttpServer::Handler &fn, qsizetype maxBody) : m_fn(fn), m_maxBody(maxBody) {}

    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override
    {
        ServerRequest in;
        in.method = QByteArray::fromStdString(request.getMethod());
        in.path = QByteArray::fromStdString(request.getURI());
        in.contentType = QByteArray::fromStdString(request.getContentType());
        in.soapAction = QByteArray::fromStdString(request.get("SOAPAction", ""));
        if (request.secure()) {
            try {
                auto &impl = static_cast<Poco::Net::HTTPServerRequestImpl &>(request);
                Poco::Net::SecureStreamSocket secure(impl.socket());
                if (secure.havePeerCertificate())
                    in.clientCertificateSubject = QString::fromStdString(secure.peerCertificate().subjectName());
            } catch (const Poco::Exception &) {
                // No certificate details: the TLS layer already enforced what the config requires.
            }
        }
        std::istream &is = request.stream();
        char buf[16384];
        while (is) {
            is.read(buf, sizeof buf);
            const auto n = is.gcount();
            if (n <= 0)
                break;
            if (in.body.size() + n > m_maxBody) {
                response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE);
                response.setKeepAlive(false);
                response.send() << "request too large";
                return;
            }
            in.body.append(buf, static_cast<qsizetype>(n));
        }
        const ServerReply out = m_fn(in);
        if (out.dropConnection) {
            // Nothing written; closing the connection is what the client sees.
            response.setKeepAlive(false);
            return;
        }
        response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(out.status));
        response.setContentType(out.contentType.toStdString());
        response.setContentLength(out.body.size());
        std::ostream &os = response.send();
        os.write(out.body.constData(), out.body.size());
    }

private:
    const HttpServer::Handler &m_fn;
    qsizetype m_maxBody;
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Factory(HttpServer::Handler fn, qsizetype maxBody) : m_fn(std::move(fn)), m_maxBody(maxBody) {}
    Poco::Net::HTTPRequestHandler *createRequestHandler(const Poco::Net::HTTPServerRequest &) override
    {
        return new Handler(m_fn, m_maxBody);
    }

private:
    HttpServer::Handler m_fn;
    qsizetype m_maxBody;
};

class PocoHttpServer final : public HttpServer {
public:
    PocoHttpServer(std::unique_ptr<Poco::ThreadPool> pool, std::unique_ptr<Poco::Net::HTTPServer> server, quint16 port)
        : m_pool(std::move(pool)), m_server(std::move(server)), m_port(port) {}
    ~PocoHttpServer() override { stop(); }
    quint16 port() const override { return m_port; }
    void stop() override
    {
        if (m_server) {
            m_server->stopAll(true);
            m_server.reset();
            m_pool->joinAll();
        }
    }

private:
    std::unique_ptr<Poco::ThreadPool> m_pool;
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
    quint16 m_port;
};

} // namespace

Result<std::unique_ptr<HttpServer>> startHttpServer(const ServerConfig &config, HttpServer::Handler handler)
{
    detail::ensurePocoInitialised();
    const bool tls = !config.tlsCertFile.isEmpty();
    for (const QString &f : {config.tlsCertFile, config.tlsKeyFile, config.clientCaFile}) {
        if (!f.isEmpty() && !QFileInfo(f).isReadable())
            return Error::invalid(QStringLiteral("tls"), tr("файл не знайдено або він недоступний: %1").arg(f));
    }
    if (tls && config.tlsKeyFile.isEmpty())
        return Error::invalid(QStringLiteral("tls-key"), tr("для TLS потрібен закритий ключ сервера"));
    if (!tls && !config.clientCaFile.isEmpty())
        return Error::invalid(QStringLiteral("client-ca"), tr("перевірка сертифіката клієнта можлива лише з TLS"));
    try {
        const Poco::Net::SocketAddress address(config.host.toStdString(), config.port);
        std::unique_ptr<Poco::Net::ServerSocket> socket;
        if (tls) {
            Poco::Net::Context::Params p;
            p.certificateFile = config.tlsCertFile.toStdString();
            p.privateKeyFile = config.tlsKeyFile.toStdString();
            p.caLocation = config.clientCaFile.toStdString();
            p.loadDefaultCAs = false;
            p.cipherList = "HIGH:!aNULL:!MD5:!RC4";
            // STRICT on a server requires the client's certificate (mTLS).
            p.verificationMode = config.clientCaFile.isEmpty() ? Poco::Net::Context::VERIFY_NONE : Poco::Net::Context::VERIFY_STRICT;
            Poco::Net::Context::Ptr ctx = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, p);
            ctx->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
            ctx->enableExtendedCertificateVerification(false);
            socket = std::make_unique<Poco::Net::SecureServerSocket>(address, 64, ctx);
        } else {
            socket = std::make_unique<Poco::Net::ServerSocket>(address, 64);
        }
        const quint16 port = socket->address().port();
        auto params = new Poco::Net::HTTPServerParams;
        params->setKeepAlive(true);
        params->setMaxThreads(config.maxThreads);
        params->setTimeout(Poco::Timespan(30, 0));
        auto pool = std::make_unique<Poco::ThreadPool>(2, std::max(2, config.maxThreads));
        auto server = std::make_unique<Poco::Net::HTTPServer>(new Factory(std::move(handler), config.maxBodyBytes), *pool, *socket, params);
        server->start();
        return std::unique_ptr<HttpServer>(std::make_unique<PocoHttpServer>(std::move(pool), std::move(server), port));
    } catch (const Poco::Exception &e) {
        return Error::make(ErrorCode::Network, tr("не вдалося запустити HTTP-сервер на %1:%2: %3")
                                                   .arg(config.host).arg(config.port).arg(QString::fromStdString(e.displayText())));
    }
}

} // namespace cnap::net
