#include "crypto/Password.h"

#include "crypto/Hash.h"

#include <QCoreApplication>
#include <QStringList>

#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <memory>

namespace cnap::crypto {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::crypto::Password", s); }

constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;
// Upper bounds accepted from a stored hash: a tampered row must not make one
// login attempt allocate gigabytes (2^20·8·128 = 1 GiB is already the ceiling).
constexpr quint64 kMaxN = 1ULL << 20;
constexpr quint32 kMaxR = 32;
constexpr quint32 kMaxP = 16;

struct KdfDeleter {
    void operator()(EVP_KDF *k) const { EVP_KDF_free(k); }
};
struct KdfCtxDeleter {
    void operator()(EVP_KDF_CTX *c) const { EVP_KDF_CTX_free(c); }
};

bool validParams(const ScryptParams &p)
{
    const bool powerOfTwo = p.n >= 2 && (p.n & (p.n - 1)) == 0;
    return powerOfTwo && p.n <= kMaxN && p.r >= 1 && p.r <= kMaxR && p.p >= 1 && p.p <= kMaxP;
}

/// scrypt through the OpenSSL 3 EVP_KDF interface; empty on failure.
QByteArray derive(const QByteArray &password, const QByteArray &salt, const ScryptParams &sp)
{
    std::unique_ptr<EVP_KDF, KdfDeleter> kdf(EVP_KDF_fetch(nullptr, "SCRYPT", nullptr));
    if (!kdf)
        return {};
    std::unique_ptr<EVP_KDF_CTX, KdfCtxDeleter> ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx)
        return {};
    uint64_t n = sp.n;
    uint32_t r = sp.r;
    uint32_t p = sp.p;
    // OpenSSL's default memory cap is 32 MiB, below N = 2^17; allow what the
    // parameters need plus slack (they were bounded by validParams()).
    uint64_t maxmem = 2 * 128ULL * sp.n * sp.r + (1ULL << 20);
    QByteArray pw = password;  // OSSL_PARAM wants non-const pointers
    QByteArray s = salt;
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, pw.data(), static_cast<size_t>(pw.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, s.data(), static_cast<size_t>(s.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(kHashBytes, Qt::Uninitialized);
    const int rc = EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), static_cast<size_t>(out.size()), params);
    pw.fill('\0');
    return rc == 1 ? out : QByteArray();
}

QByteArray passwordBytes(const QString &password)
{
    return password.normalized(QString::NormalizationForm_C).toUtf8();
}

struct Parsed {
    ScryptParams params;
    QByteArray salt;
    QByteArray hash;
};

Result<Parsed> parse(const QString &encoded)
{
    const auto bad = [] { return Error::invalid(QStringLiteral("password_hash"), tr("збережений хеш пароля має неправильний формат")); };
    const QStringList parts = encoded.split(u'$');
    if (parts.size() != 6 || parts[0] != QStringLiteral("scrypt"))
        return bad();
    bool okN = false;
    bool okR = false;
    bool okP = false;
    Parsed out;
    out.params.n = parts[1].toULongLong(&okN);
    out.params.r = parts[2].toUInt(&okR);
    out.params.p = parts[3].toUInt(&okP);
    if (!okN || !okR || !okP || !validParams(out.params))
        return bad();
    const auto salt = QByteArray::fromBase64Encoding(parts[4].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const auto hash = QByteArray::fromBase64Encoding(parts[5].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !hash || salt.decoded.size() < kSaltBytes || hash.decoded.size() != kHashBytes)
        return bad();
    out.salt = salt.decoded;
    out.hash = hash.decoded;
    return out;
}
} // namespace

Result<QString> PasswordHasher::hash(const QString &password) const
{
    if (!validParams(m_params))
        return Error::make(ErrorCode::Internal, tr("неприпустимі параметри scrypt"));
    const QByteArray salt = randomBytes(kSaltBytes);
    const QByteArray derived = derive(passwordBytes(password), salt, m_params);
    if (derived.isEmpty())
        return Error::make(ErrorCode::Internal, tr("не вдалося обчислити хеш пароля (scrypt)"));
    return QStringLiteral("scrypt$%1$%2$%3$%4$%5")
        .arg(m_params.n)
        .arg(m_params.r)
        .arg(m_params.p)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(derived.toBase64()));
}

bool PasswordHasher::verify(const QString &password, const QString &encoded) const
{
    const auto parsed = parse(encoded);
    if (!parsed)
        return false;
    const QByteArray derived = derive(passwordBytes(password), parsed->salt, parsed->params);
    if (derived.isEmpty())
        return false;
    return constantTimeEquals(derived, parsed->hash);
}

void PasswordHasher::verifyDummy(const QString &password) const
{
    if (!validParams(m_params))
        return;
    const QByteArray derived = derive(passwordBytes(password), randomBytes(kSaltBytes), m_params);
    (void)constantTimeEquals(derived, QByteArray(kHashBytes, '\0'));
}

bool PasswordHasher::needsRehash(const QString &encoded) const
{
    const auto parsed = parse(encoded);
    return !parsed || parsed->params.weakerThan(m_params);
}

Result<ScryptParams> PasswordHasher::parseParams(const QString &encoded)
{
    auto parsed = parse(encoded);
    if (!parsed)
        return parsed.error();
    return parsed->params;
}

} // namespace cnap::crypto
