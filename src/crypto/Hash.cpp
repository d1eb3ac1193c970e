#include "crypto/Hash.h"

#include <QCoreApplication>
#include <QFile>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace cnap::crypto {

namespace {
struct MdCtxDeleter {
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

QByteArray digest(const EVP_MD *md, const QByteArray &data)
{
    QByteArray out(EVP_MD_get_size(md), Qt::Uninitialized);
    unsigned int len = 0;
    if (EVP_Digest(data.constData(), static_cast<size_t>(data.size()), reinterpret_cast<unsigned char *>(out.data()), &len, md, nullptr) != 1)
        return {};
    out.resize(static_cast<qsizetype>(len));
    return out;
}
} // namespace

QByteArray sha256(const QByteArray &data) { return digest(EVP_sha256(), data); }
QByteArray sha512(const QByteArray &data) { return digest(EVP_sha512(), data); }
QString sha256Hex(const QByteArray &data) { return QString::fromLatin1(sha256(data).toHex()); }

struct Sha256::Impl {
    MdCtx ctx{EVP_MD_CTX_new()};
};

Sha256::Sha256() : d(std::make_unique<Impl>())
{
    if (!d->ctx || EVP_DigestInit_ex(d->ctx.get(), EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("EVP_DigestInit_ex failed");  // only on allocation failure
}
Sha256::~Sha256() = default;

void Sha256::update(const char *data, qsizetype size)
{
    EVP_DigestUpdate(d->ctx.get(), data, static_cast<size_t>(size));
}

QByteArray Sha256::finish()
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    EVP_DigestFinal_ex(d->ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &len);
    return out;
}

Result<QString> sha256FileHex(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorCode::Io, QCoreApplication::translate("cnap::crypto", "не вдалося відкрити файл %1: %2").arg(path, f.errorString()));
    Sha256 h;
    QByteArray buf(1 << 16, Qt::Uninitialized);
    while (true) {
        const qint64 n = f.read(buf.data(), buf.size());
        if (n < 0)
            return Error::make(ErrorCode::Io, QCoreApplication::translate("cnap::crypto", "помилка читання файлу %1").arg(path));
        if (n == 0)
            break;
        h.update(buf.constData(), n);
    }
    return QString::fromLatin1(h.finish().toHex());
}

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        throw std::runtime_error("RAND_bytes failed");  // the OS entropy source is gone: nothing safe to do
    return out;
}

QString uuid4()
{
    QByteArray b = randomBytes(16);
    b[6] = static_cast<char>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<char>((b[8] & 0x3f) | 0x80);
    const QString hex = QString::fromLatin1(b.toHex());
    return hex.left(8) + u'-' + hex.mid(8, 4) + u'-' + hex.mid(12, 4) + u'-' + hex.mid(16, 4) + u'-' + hex.mid(20);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

} // namespace cnap::crypto
