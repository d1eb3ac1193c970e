#pragma once

// Password hashing with scrypt (OpenSSL behind this folder).
//
// Stored form, self-describing so the cost can be raised later without a
// migration:   scrypt$N$r$p$<salt base64>$<hash base64>
// A hash made with weaker parameters than the current ones is re-made on the
// next successful login (see needsRehash()).

#include "core/Result.h"

#include <QString>

namespace cnap::crypto {

/// scrypt cost.  N is the CPU/memory cost (a power of two), r the block size,
/// p the parallelism; memory used is about 128·N·r bytes.
struct ScryptParams final {
    quint64 n = 1ULL << 17;
    quint32 r = 8;
    quint32 p = 1;

    /// The production setting: N = 2^17, r = 8, p = 1 — the OWASP Password Storage
    /// Cheat Sheet minimum for scrypt (128 MiB and ~0.8 s per hash on the shared
    /// 2-core build machine, see
    /// docs/performance.md).  A desk logs in a few times a day, so the cost is
    /// invisible to staff but makes an offline guess of a stolen database dear.
    [[nodiscard]] static ScryptParams production() { return {}; }
    /// A deliberately cheap setting (N = 2^10) for unit tests only.
    [[nodiscard]] static ScryptParams cheapForTests() { return {1ULL << 10, 8, 1}; }

    /// True when any factor is below `other` (a rehash is due).
    [[nodiscard]] bool weakerThan(const ScryptParams &other) const
    {
        return n < other.n || r < other.r || p < other.p;
    }
    bool operator==(const ScryptParams &) const = default;
};

/// Derives, encodes and checks password hashes.  Stateless apart from the cost.
class PasswordHasher final {
public:
    explicit PasswordHasher(ScryptParams params = ScryptParams::production()) : m_params(params) {}

    [[nodiscard]] const ScryptParams &params() const { return m_params; }

    /// A fresh hash with a new random 16-byte salt.  The password is NFC-normalised
    /// first, so "ї" typed as one or two code points is the same password.
    [[nodiscard]] Result<QString> hash(const QString &password) const;

    /// True when `password` matches `encoded`.  Uses the parameters stored in
    /// `encoded` (not the current ones) and a constant-time comparison.  A
    /// malformed or absurdly expensive stored value is simply "no match".
    [[nodiscard]] bool verify(const QString &password, const QString &encoded) const;

    /// Spends the same work as verify() against a hash with the current parameters
    /// and always fails: used for unknown logins so they answer as slowly as known ones.
    void verifyDummy(const QString &password) const;

    /// True when `encoded` was made with weaker parameters than the current ones
    /// (or cannot be parsed at all).
    [[nodiscard]] bool needsRehash(const QString &encoded) const;

    /// Parses the parameters of a stored hash; InvalidArgument when malformed.
    [[nodiscard]] static Result<ScryptParams> parseParams(const QString &encoded);

private:
    ScryptParams m_params;
};

} // namespace cnap::crypto
