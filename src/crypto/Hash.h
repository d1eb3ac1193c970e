#pragma once

// Hashes and randomness (OpenSSL behind this one folder).

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace cnap::crypto {

[[nodiscard]] QByteArray sha256(const QByteArray &data);   ///< raw 32 bytes
[[nodiscard]] QByteArray sha512(const QByteArray &data);   ///< raw 64 bytes
[[nodiscard]] QString sha256Hex(const QByteArray &data);   ///< lower-case hex
/// SHA-256 of a file, streamed (scans can be large).
[[nodiscard]] Result<QString> sha256FileHex(const QString &path);

/// Cryptographically strong random bytes.
[[nodiscard]] QByteArray randomBytes(int count);
/// A random (version 4) UUID, lower case with dashes.
[[nodiscard]] QString uuid4();
/// Constant-time comparison of two byte strings.
[[nodiscard]] bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

/// Incremental SHA-256.
class Sha256 final {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;
    void update(const char *data, qsizetype size);
    void update(const QByteArray &data) { update(data.constData(), data.size()); }
    [[nodiscard]] QByteArray finish();  ///< raw digest; the object is spent afterwards

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace cnap::crypto
