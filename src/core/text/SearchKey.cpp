#include "core/text/SearchKey.h"

namespace cnap {

namespace {

bool isApostropheVariant(char16_t c)
{
    switch (c) {
    case u'\'':     // U+0027 typewriter apostrophe
    case u'`':      // U+0060 grave accent (the key left of "1")
    case u'\u00B4': // acute accent
    case u'\u02BC': // modifier letter apostrophe (the Unicode-recommended one for Ukrainian)
    case u'\u2018': // left single quotation mark
    case u'\u2019': // right single quotation mark (word processors' default)
    case u'\u2032': // prime
        return true;
    default:
        return false;
    }
}

} // namespace

QString surnameKey(const QString &text)
{
    const QString lower = text.toLower();
    QString key;
    key.reserve(lower.size());
    bool pendingSpace = false;
    for (const QChar ch : lower) {
        if (ch.isSpace()) {
            pendingSpace = !key.isEmpty();
            continue;
        }
        if (pendingSpace) {
            key.append(u' ');
            pendingSpace = false;
        }
        key.append(isApostropheVariant(ch.unicode()) ? QChar(u'\'') : ch);
    }
    return key;
}

QString phoneKey(const QString &text)
{
    QString digits;
    digits.reserve(text.size());
    for (const QChar ch : text) {
        // Only ASCII digits: a full-width or Arabic-Indic digit is not what anyone dials here.
        if (ch >= u'0' && ch <= u'9')
            digits.append(ch);
    }
    // Ukrainian numbers: national format 0XXXXXXXXX, the old trunk form 80XXXXXXXXX,
    // and the bare 9-digit subscriber part that people dictate without the leading 0.
    if (digits.size() == 10 && digits.startsWith(u'0'))
        return QStringLiteral("38") + digits;
    if (digits.size() == 11 && digits.startsWith(QStringLiteral("80")))
        return u'3' + digits;
    if (digits.size() == 9 && !digits.startsWith(u'0'))
        return QStringLiteral("380") + digits;
    return digits;
}

QString prefixUpperBound(const QString &key)
{
    return key + QChar(char16_t(0xFFFF));
}

} // namespace cnap
