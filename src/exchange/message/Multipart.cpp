#include "exchange/message/Multipart.h"

#include "crypto/Hash.h"

#include <QCoreApplication>
#include <QSet>

namespace cnap::exchange {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::exchange", s); }

Error malformed(const QString &why)
{
    return Error::make(ErrorCode::Protocol, tr("некоректне multipart-повідомлення: %1").arg(why));
}

const QByteArray kCrlf = QByteArrayLiteral("\r\n");

// RFC 2392 content ids are addr-spec-like; we allow the safe subset and never
// angle brackets, whitespace or quotes, which would break the header.
bool validContentId(const QByteArray &id)
{
    if (id.isEmpty() || id.size() > 200)
        return false;
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || QByteArrayView("@.-_+=$!*~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

bool validMediaType(const QByteArray &type)
{
    const qsizetype slash = type.indexOf('/');
    if (slash <= 0 || slash == type.size() - 1)
        return false;
    for (const char c : type) {
        if (c <= ' ' || c == '"' || c == '\r' || c == '\n' || c == 127)
            return false;
    }
    return true;
}

QByteArray stripBrackets(QByteArray id)
{
    id = id.trimmed();
    if (id.startsWith('<') && id.endsWith('>'))
        id = id.mid(1, id.size() - 2);
    return id;
}

struct Part {
    QByteArray contentType;
    QByteArray contentId;
    QByteArray transferEncoding;
    QByteArray data;
};

Result<Part> parsePart(const QByteArray &raw)
{
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0)
        return malformed(tr("частина без заголовків"));
    Part p;
    const QList<QByteArray> lines = raw.left(end).split('\n');
    for (QByteArray line : lines) {
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return malformed(tr("некоректний заголовок частини «%1»").arg(QString::fromLatin1(line.left(80))));
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-type")
            p.contentType = value;
        else if (name == "content-id")
            p.contentId = stripBrackets(value);
        else if (name == "content-transfer-encoding")
            p.transferEncoding = value.toLower();
    }
    p.data = raw.mid(end + 4);
    if (p.transferEncoding == "base64")
        p.data = QByteArray::fromBase64(p.data, QByteArray::AbortOnBase64DecodingErrors | QByteArray::IgnoreBase64DecodingErrors);
    else if (!p.transferEncoding.isEmpty() && p.transferEncoding != "binary" && p.transferEncoding != "8bit"
             && p.transferEncoding != "7bit")
        return malformed(tr("непідтримуване кодування частини «%1»").arg(QString::fromLatin1(p.transferEncoding)));
    if (p.contentType.isEmpty())
        return malformed(tr("частина без Content-Type"));
    return p;
}

} // namespace

QString Attachment::sha256Hex() const { return crypto::sha256Hex(data); }

QByteArray mediaType(const QByteArray &contentType)
{
    const qsizetype semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.left(semi)).trimmed().toLower();
}

QByteArray contentTypeParameter(const QByteArray &contentType, const QByteArray &name)
{
    // Walk "; name=value" pairs, honouring quoted values (which may hold ';').
    qsizetype i = contentType.indexOf(';');
    while (i >= 0 && i < contentType.size()) {
        ++i;
        while (i < contentType.size() && (contentType[i] == ' ' || contentType[i] == '\t'))
            ++i;
        const qsizetype eq = contentType.indexOf('=', i);
        if (eq < 0)
            return {};
        const QByteArray key = contentType.mid(i, eq - i).trimmed().toLower();
        qsizetype j = eq + 1;
        QByteArray value;
        if (j < contentType.size() && contentType[j] == '"') {
            ++j;
            while (j < contentType.size() && contentType[j] != '"') {
                if (contentType[j] == '\\' && j + 1 < contentType.size())
                    ++j;
                value.append(contentType[j]);
                ++j;
            }
            j = contentType.indexOf(';', j);
        } else {
            const qsizetype semi = contentType.indexOf(';', j);
            value = contentType.mid(j, semi < 0 ? -1 : semi - j).trimmed();
            j = semi;
        }
        if (key == name.toLower())
            return value;
        i = j;
    }
    return {};
}

Result<EncodedMessage> encodeMessage(const MessageParts &parts)
{
    if (parts.attachments.empty())
        return EncodedMessage{QByteArrayLiteral("text/xml; charset=UTF-8"), parts.soap};
    QSet<QByteArray> ids;
    const QByteArray soapId = QByteArrayLiteral("soap-part@cnap");
    ids.insert(soapId);
    for (const Attachment &a : parts.attachments) {
        if (!validContentId(a.contentId))
            return Error::invalid(QStringLiteral("contentId"), tr("недопустимий ідентифікатор вкладення «%1»").arg(QString::fromLatin1(a.contentId)));
        if (ids.contains(a.contentId))
            return Error::invalid(QStringLiteral("contentId"), tr("ідентифікатор вкладення «%1» повторюється").arg(QString::fromLatin1(a.contentId)));
        if (!validMediaType(a.contentType))
            return Error::invalid(QStringLiteral("contentType"), tr("недопустимий тип вкладення «%1»").arg(QString::fromLatin1(a.contentType)));
        ids.insert(a.contentId);
    }
    // A random boundary that occurs in no part (checked, not just hoped for).
    QByteArray boundary;
    for (;;) {
        boundary = "cnap-" + crypto::randomBytes(18).toHex();
        bool clash = parts.soap.contains(boundary);
        for (const Attachment &a : parts.attachments)
            clash = clash || a.data.contains(boundary);
        if (!clash)
            break;
    }
    EncodedMessage out;
    out.contentType = "multipart/related; type=\"text/xml\"; boundary=\"" + boundary + "\"; start=\"<" + soapId + ">\"";
    QByteArray &b = out.body;
    qsizetype total = parts.soap.size() + 256;
    for (const Attachment &a : parts.attachments)
        total += a.data.size() + 256;
    b.reserve(total);
    b += "--" + boundary + kCrlf;
    b += "Content-Type: text/xml; charset=UTF-8" + kCrlf;
    b += "Content-Transfer-Encoding: 8bit" + kCrlf;
    b += "Content-ID: <" + soapId + ">" + kCrlf + kCrlf;
    b += parts.soap;
    for (const Attachment &a : parts.attachments) {
        b += kCrlf + "--" + boundary + kCrlf;
        b += "Content-Type: " + a.contentType + kCrlf;
        b += "Content-Transfer-Encoding: binary" + kCrlf;
        b += "Content-ID: <" + a.contentId + ">" + kCrlf + kCrlf;
        b += a.data;
    }
    b += kCrlf + "--" + boundary + "--" + kCrlf;
    return out;
}

Result<MessageParts> decodeMessage(const QByteArray &contentType, const QByteArray &body, int maxParts)
{
    const QByteArray type = mediaType(contentType);
    if (type == "text/xml" || type == "application/soap+xml" || type == "application/xml")
        return MessageParts{body, {}};
    if (type != "multipart/related")
        return Error::make(ErrorCode::Protocol, tr("непідтримуваний тип вмісту відповіді «%1»").arg(QString::fromLatin1(contentType.left(200))));
    const QByteArray boundary = contentTypeParameter(contentType, "boundary");
    if (boundary.isEmpty() || boundary.size() > 70)
        return malformed(tr("немає параметра boundary або він задовгий"));
    const QByteArray start = stripBrackets(contentTypeParameter(contentType, "start"));

    const QByteArray delimiter = "--" + boundary;
    const QByteArray crlfDelimiter = kCrlf + delimiter;
    qsizetype pos = body.startsWith(delimiter) ? 0 : body.indexOf(crlfDelimiter);
    if (pos < 0)
        return malformed(tr("не знайдено першого розділювача"));
    if (pos > 0)
        pos += 2;  // skip the preamble's CRLF
    std::vector<Part> partsFound;
    bool closed = false;
    for (;;) {
        qsizetype lineEnd = pos + delimiter.size();
        if (body.mid(lineEnd, 2) == "--") {
            closed = true;
            break;
        }
        // Transport padding after the delimiter, then CRLF.
        while (lineEnd < body.size() && (body[lineEnd] == ' ' || body[lineEnd] == '\t'))
            ++lineEnd;
        if (body.mid(lineEnd, 2) != kCrlf)
            return malformed(tr("після розділювача немає кінця рядка"));
        const qsizetype partStart = lineEnd + 2;
        const qsizetype next = body.indexOf(crlfDelimiter, partStart);
        if (next < 0)
            return malformed(tr("немає закривального розділювача"));
        if (static_cast<int>(partsFound.size()) >= maxParts)
            return malformed(tr("забагато частин (межа %1)").arg(maxParts));
        auto part = parsePart(body.mid(partStart, next - partStart));
        if (!part)
            return part.error();
        partsFound.push_back(std::move(part).value());
        pos = next + 2;
    }
    if (!closed)
        return malformed(tr("немає закривального розділювача"));
    if (partsFound.empty())
        return malformed(tr("немає жодної частини"));

    qsizetype rootIndex = 0;
    if (!start.isEmpty()) {
        rootIndex = -1;
        for (size_t i = 0; i < partsFound.size(); ++i) {
            if (partsFound[i].contentId == start)
                rootIndex = static_cast<qsizetype>(i);
        }
        if (rootIndex < 0)
            return malformed(tr("частину start=<%1> не знайдено").arg(QString::fromLatin1(start)));
    }
    const QByteArray rootType = mediaType(partsFound[rootIndex].contentType);
    if (rootType != "text/xml" && rootType != "application/xop+xml")
        return malformed(tr("коренева частина має тип «%1», а не text/xml").arg(QString::fromLatin1(rootType)));

    MessageParts out;
    out.soap = partsFound[rootIndex].data;
    QSet<QByteArray> ids;
    for (size_t i = 0; i < partsFound.size(); ++i) {
        Part &p = partsFound[i];
        if (!p.contentId.isEmpty()) {
            if (ids.contains(p.contentId))
                return malformed(tr("Content-ID «%1» повторюється").arg(QString::fromLatin1(p.contentId)));
            ids.insert(p.contentId);
        }
        if (static_cast<qsizetype>(i) == rootIndex)
            continue;
        if (p.contentId.isEmpty())
            return malformed(tr("вкладення без Content-ID"));
        out.attachments.push_back(Attachment{p.contentId, p.contentType, std::move(p.data)});
    }
    return out;
}

} // namespace cnap::exchange
