#include "core/identifiers/IdentifierFactory.h"

namespace cnap {
namespace {

QString zeroPadded(qint64 value, int width)
{
    return QStringLiteral("%1").arg(value, width, 10, QLatin1Char('0'));
}

QChar digitChar(int d)
{
    return QChar(static_cast<char16_t>(u'0' + d));
}

} // namespace

QString makeRnokpp(QDate birth, int serial, Sex sex)
{
    if (!birth.isValid() || serial < 0 || serial > 999)
        return {};
    const qint64 days = identifiers::rnokppEpoch().daysTo(birth);
    if (days < 1 || days > 99999)
        return {};
    // Digit 9 spreads the serial over five parities so that neighbouring serials
    // of the same sex and day still differ in more than one place.
    const int ninth = (serial % 5) * 2 + (sex == Sex::Male ? 1 : 0);
    QString v = zeroPadded(days, 5) + zeroPadded(serial, 3) + digitChar(ninth);
    v.append(digitChar(identifiers::rnokppCheckDigit(v)));
    return v;
}

QString makeEdrpou(int base)
{
    if (base < 0 || base > 9'999'999)
        return {};
    QString v = zeroPadded(base, 7);
    v.append(digitChar(identifiers::edrpouCheckDigit(v)));
    return v;
}

QString makeUnzr(QDate birth, int serial)
{
    if (!birth.isValid() || birth.year() < 1000 || birth.year() > 9999 || serial < 0 || serial > 9999)
        return {};
    const QString date = birth.toString(QStringLiteral("yyyyMMdd"));
    const QString number = zeroPadded(serial, 4);
    const int check = identifiers::unzrCheckDigit(QString(date + number));
    return date + u'-' + number + digitChar(check);
}

QString makeIdCard(int n)
{
    if (n < 0 || n > 999'999'999)
        return {};
    return zeroPadded(n, 9);
}

} // namespace cnap
