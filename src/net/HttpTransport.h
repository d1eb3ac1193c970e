#pragma once

// HTTP(S) transport to the organisation's security server.  This header is
// Poco-free: the sync engine and tests depend on the interface and inject a
// fake; the Poco implementation is created by makeHttpTransport().

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <memory>
#include <utility>
#include <vector>

namespace cnap::net {

struct HttpRequest final {
    QString url;                 ///< http://host:port/path or https://...
    QByteArray contentType;      ///< "text/xml; charset=UTF-8" or a multipart/related type
    QByteArray body;
    /// Extra headers; SOAPAction "" is always sent (X-Road 4.0 accepts it empty).
    std::vector<std::pair<QByteArray, QByteArray>> headers;
};

struct HttpResponse final {
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

/// Client-side TLS material for mTLS with the security server (PEM files).
struct TlsConfig final {
    QString caFile;        ///< CA(s) that sign the server certificate; required for https
    QString certFile;      ///< our client certificate (PEM); empty: no client certificate
    QString keyFile;       ///< its private key (PEM, unencrypted or with keyPassphrase)
    QString keyPassphrase;
    bool verifyHostname = true;  ///< the URL's host must match the certificate (never off in production)
};

struct TransportConfig final {
    std::chrono::milliseconds connectTimeout{10000};
    std::chrono::milliseconds readTimeout{60000};
    qsizetype maxResponseBytes = 64 * 1024 * 1024;
    TlsConfig tls;
};

/// Posts one message and returns the HTTP answer, whatever its status.
/// Errors (no HTTP answer at all) carry an ErrorCode the caller can branch on;
/// see isRetryable().
class HttpTransport {
public:
    virtual ~HttpTransport() = default;
    [[nodiscard]] virtual Result<HttpResponse> post(const HttpRequest &request) = 0;
};

/// The Poco implementation: keeps one keep-alive session per scheme/host/port,
/// serialises calls with a mutex (one outbox worker at a time uses it).
/// Fails when the TLS files cannot be loaded.
[[nodiscard]] Result<std::unique_ptr<HttpTransport>> makeHttpTransport(const TransportConfig &config);

/// Transport error classes:
///  - ErrorCode::Network (refused, reset, unreachable, TLS handshake broken) and
///    ErrorCode::Timeout (connect or read) are transient: retry later;
///  - ErrorCode::Unauthenticated (server certificate not trusted, hostname
///    mismatch, our client certificate refused) and ErrorCode::InvalidArgument
///    (bad URL, unreadable TLS files) need an administrator: give up.
[[nodiscard]] bool isRetryable(const Error &transportError);

} // namespace cnap::net
