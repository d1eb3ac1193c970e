#pragma once

// A small embedded HTTP(S) server (Poco behind this Poco-free header), used by
// the registry simulator.  Each request goes to one handler function, called on
// a pool thread: the handler must be thread-safe.

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace cnap::net {

struct ServerRequest final {
    QByteArray method;
    QByteArray path;
    QByteArray contentType;
    QByteArray body;
    QByteArray soapAction;
    QString clientCertificateSubject;  ///< empty over plain HTTP
};

struct ServerReply final {
    int status = 200;
    QByteArray contentType = "text/xml; charset=UTF-8";
    QByteArray body;
    /// Close the connection without answering (simulates a lost response).
    bool dropConnection = false;
};

struct ServerConfig final {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;                ///< 0: pick a free port (see HttpServer::port())
    QString tlsCertFile;             ///< PEM; empty: plain HTTP
    QString tlsKeyFile;
    QString clientCaFile;            ///< when set, a client certificate signed by it is required
    int maxThreads = 8;
    qsizetype maxBodyBytes = 64 * 1024 * 1024;
};

class HttpServer {
public:
    using Handler = std::function<ServerReply(const ServerRequest &)>;
    virtual ~HttpServer() = default;
    /// The bound port (the chosen one when configured with 0).
    [[nodiscard]] virtual quint16 port() const = 0;
    /// Stops accepting and waits for running requests (also done by the destructor).
    virtual void stop() = 0;
};

/// Binds, starts serving and returns; errors when the address or TLS files are bad.
[[nodiscard]] Result<std::unique_ptr<HttpServer>> startHttpServer(const ServerConfig &config, HttpServer::Handler handler);

} // namespace cnap::net
