#include "core/log/Masking.h"

#include "core/identifiers/Identifiers.h"

#include <QRegularExpression>

namespace cnap::log {

namespace {

QString replaceAll(const QString &text, const QRegularExpression &re)
{
    QString out;
    qsizetype last = 0;
    auto it = re.globalMatch(text);
    if (!it.hasNext())
        return text;
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += maskIdentifier(m.captured());
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

} // namespace

QString maskPersonalData(const QString &text)
{
    // Order matters: e-mails and УНЗР first, so their digits are not half-masked
    // by the generic digit rule; masked output contains '*', which no later rule matches.
    static const QRegularExpression email(
        QStringLiteral("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}"));
    static const QRegularExpression unzr(QStringLiteral("(?<![0-9])[0-9]{8}-[0-9]{5}(?![0-9])"));
    // Ukrainian numbers: optional +38 / 38, then 0 and 9 more digits, separators allowed
    // (also after the 0, as in the usual international spelling "+380 67 123 45 67"
    // and "+380 (67) 123-45-67").
    static const QRegularExpression phone(QStringLiteral(
        "(?<![0-9+])(?:\\+?38[\\s\\-]?)?\\(?0[\\s\\-]?\\(?[0-9]{2}\\)?[\\s\\-]?[0-9]{3}[\\s\\-]?[0-9]{2}[\\s\\-]?[0-9]{2}(?![0-9])"));
    // Booklet passports: series of two capital letters (Cyrillic, or Latin look-alikes
    // typed on an English layout) and 6 digits, optionally separated by a space.
    static const QRegularExpression passport(
        QStringLiteral("(?<![\\p{L}0-9])[А-ЯІЇЄҐA-Z]{2}\\s?[0-9]{6}(?![0-9])"),
        QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression longDigits(QStringLiteral("(?<![0-9])[0-9]{8,}(?![0-9])"));

    QString out = replaceAll(text, email);
    out = replaceAll(out, unzr);
    out = replaceAll(out, phone);
    out = replaceAll(out, passport);
    out = replaceAll(out, longDigits);
    return out;
}

} // namespace cnap::log
