#pragma once

// Judging a response against the request it answers: the one set of rules used
// by the sync engine, `cnapctl exchange check-response` and the tests.

#include "xml/xroad/XRoad.h"

#include <optional>

namespace cnap::xml::xroad {

/// What we sent: the header and the exact SOAP bytes (for requestHash).
struct SentRequest final {
    RequestHeader header;
    QByteArray soap;            ///< the SOAP part as sent, byte for byte
    QString payloadNamespace;   ///< namespace of the request's body element

    /// Recovers the header and payload namespace from the stored request bytes
    /// (what the outbox keeps), so a retry or a later check needs nothing else.
    [[nodiscard]] static Result<SentRequest> fromBytes(const QByteArray &soap);
};

/// The verdict on one response.
struct ResponseVerdict final {
    bool accepted = false;        ///< a proper, matching, non-fault answer
    std::optional<Fault> fault;   ///< a SOAP fault arrived
    /// Resend later under the same message id.  True for server-side faults,
    /// transport failures, HTTP 5xx/408/429 and unusable answers (garbage, echo
    /// mismatch): the provider de-duplicates by id, so a resend is safe.  False for
    /// client and other faults, HTTP 4xx: resending the same bytes cannot help.
    bool retry = false;
    QStringList errors;           ///< why the answer was rejected (Ukrainian)
    std::optional<Message> response;  ///< the parsed answer (payload in response->body)
};

/// Judges a SOAP response (already taken out of any multipart wrapper).
[[nodiscard]] ResponseVerdict checkResponse(const SentRequest &request, int httpStatus, const QByteArray &soap);

/// The verdict for a request that got no answer at all (connection refused,
/// timeout, TLS failure...): not accepted; retry as `retryable` says.
[[nodiscard]] ResponseVerdict transportFailure(const Error &error, bool retryable);

} // namespace cnap::xml::xroad
