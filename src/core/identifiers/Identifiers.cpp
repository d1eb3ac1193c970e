#include "core/identifiers/Identifiers.h"

#include "core/Clock.h"

#include <QCoreApplication>

#include <array>

namespace cnap {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cnap::Identifiers", text);
}

const QString kRnokppField = QStringLiteral("rnokpp");
const QString kEdrpouField = QStringLiteral("edrpou");
const QString kUnzrField = QStringLiteral("unzr");
const QString kPassportField = QStringLiteral("passport");
const QString kIdCardField = QStringLiteral("idcard");
const QString kKatottgField = QStringLiteral("katottg");

// Only ASCII digits count: QChar::isDigit() would also accept Arabic-Indic and
// other Unicode digits, which no Ukrainian register issues.
bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool allAsciiDigits(QStringView s)
{
    for (QChar c : s) {
        if (!isAsciiDigit(c))
            return false;
    }
    return true;
}

int digitAt(QStringView s, qsizetype i)
{
    return s[i].unicode() - u'0';
}

// Non-negative remainder: C++ '%' keeps the sign of the dividend, and the
// РНОКПП sum is negative whenever the first digit outweighs the rest.
int floorMod(int value, int modulus)
{
    const int r = value % modulus;
    return r < 0 ? r + modulus : r;
}

int toInt(QStringView digits)
{
    int v = 0;
    for (QChar c : digits)
        v = v * 10 + (c.unicode() - u'0');
    return v;
}

// Removes every white-space character: people type "КА 123456" or paste a
// number with a trailing newline; neither is a different identifier.
QString withoutSpaces(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (!c.isSpace())
            out.append(c);
    }
    return out;
}

// Capital letters of the Ukrainian alphabet (passport series use these).
bool isUkrainianCapital(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'А' && u <= u'Я')
        return u != u'Ё' && u != u'Ъ' && u != u'Ы' && u != u'Э';
    return u == u'Є' || u == u'І' || u == u'Ї' || u == u'Ґ';
}

// Latin letters that look like Cyrillic ones: typed by mistake on the wrong
// keyboard layout, they must not make two different passports out of one.
QChar cyrillicLookAlike(QChar c)
{
    switch (c.unicode()) {
    case u'A': return QChar(u'А');
    case u'B': return QChar(u'В');
    case u'C': return QChar(u'С');
    case u'E': return QChar(u'Е');
    case u'H': return QChar(u'Н');
    case u'I': return QChar(u'І');
    case u'K': return QChar(u'К');
    case u'M': return QChar(u'М');
    case u'O': return QChar(u'О');
    case u'P': return QChar(u'Р');
    case u'T': return QChar(u'Т');
    case u'X': return QChar(u'Х');
    default: return c;
    }
}

} // namespace

// ---------------------------------------------------------------- check digits

namespace identifiers {

int rnokppCheckDigit(QStringView first9)
{
    static constexpr std::array<int, 9> weights{-1, 5, 7, 9, 4, 6, 10, 5, 7};
    if (first9.size() != 9 || !allAsciiDigits(first9))
        return -1;
    int sum = 0;
    for (qsizetype i = 0; i < 9; ++i)
        sum += digitAt(first9, i) * weights[static_cast<size_t>(i)];
    return floorMod(sum, 11) % 10;
}

int edrpouCheckDigit(QStringView first7)
{
    if (first7.size() != 7 || !allAsciiDigits(first7))
        return -1;
    // The weights depend on the whole code, but the range 30000000–59999999 is
    // decided by the leading digit alone.
    const int lead = digitAt(first7, 0);
    const bool shifted = lead >= 3 && lead <= 5;
    static constexpr std::array<int, 7> base{1, 2, 3, 4, 5, 6, 7};
    static constexpr std::array<int, 7> baseShifted{7, 1, 2, 3, 4, 5, 6};
    const auto &weights = shifted ? baseShifted : base;
    auto pass = [&](int add) {
        int sum = 0;
        for (qsizetype i = 0; i < 7; ++i)
            sum += digitAt(first7, i) * (weights[static_cast<size_t>(i)] + add);
        return sum % 11;
    };
    int r = pass(0);
    if (r == 10)
        r = pass(2);
    return r == 10 ? 0 : r;
}

int unzrCheckDigit(QStringView digits12)
{
    static constexpr std::array<int, 3> weights{7, 3, 1};
    if (digits12.size() != 12 || !allAsciiDigits(digits12))
        return -1;
    int sum = 0;
    for (qsizetype i = 0; i < 12; ++i)
        sum += digitAt(digits12, i) * weights[static_cast<size_t>(i % 3)];
    return sum % 10;
}

} // namespace identifiers

// ---------------------------------------------------------------- РНОКПП

Result<Rnokpp> Rnokpp::parse(const QString &text)
{
    return parse(text, Clock::system().today());
}

Result<Rnokpp> Rnokpp::parse(const QString &text, QDate today)
{
    const QString v = text.trimmed();
    if (v.isEmpty())
        return Error::invalid(kRnokppField, tr("РНОКПП не вказано"));
    if (v.size() != 10 || !allAsciiDigits(v))
        return Error::invalid(kRnokppField, tr("РНОКПП має складатися рівно з 10 цифр"));
    if (identifiers::rnokppCheckDigit(QStringView(v).left(9)) != digitAt(v, 9))
        return Error::invalid(kRnokppField, tr("неправильна контрольна цифра РНОКПП"));
    const int days = toInt(QStringView(v).left(5));
    if (days == 0)
        return Error::invalid(kRnokppField, tr("РНОКПП не містить дати народження (перші п'ять цифр — нулі)"));
    const QDate birth = identifiers::rnokppEpoch().addDays(days);
    if (today.isValid() && birth > today)
        return Error::invalid(kRnokppField,
                              tr("дата народження, закодована в РНОКПП (%1), ще не настала")
                                  .arg(birth.toString(Qt::ISODate)));
    return Rnokpp(v);
}

QDate Rnokpp::birthDate() const
{
    return identifiers::rnokppEpoch().addDays(toInt(QStringView(m_value).left(5)));
}

Sex Rnokpp::sex() const
{
    return digitAt(m_value, 8) % 2 == 1 ? Sex::Male : Sex::Female;
}

QString Rnokpp::masked() const
{
    return maskIdentifier(m_value);
}

// ---------------------------------------------------------------- ЄДРПОУ

Result<Edrpou> Edrpou::parse(const QString &text)
{
    const QString v = text.trimmed();
    if (v.isEmpty())
        return Error::invalid(kEdrpouField, tr("код ЄДРПОУ не вказано"));
    if (v.size() != 8 || !allAsciiDigits(v))
        return Error::invalid(kEdrpouField, tr("код ЄДРПОУ має складатися рівно з 8 цифр"));
    if (identifiers::edrpouCheckDigit(QStringView(v).left(7)) != digitAt(v, 7))
        return Error::invalid(kEdrpouField, tr("неправильна контрольна цифра коду ЄДРПОУ"));
    return Edrpou(v);
}

// ---------------------------------------------------------------- УНЗР

Result<Unzr> Unzr::parse(const QString &text)
{
    QString v = text.trimmed();
    if (v.isEmpty())
        return Error::invalid(kUnzrField, tr("УНЗР не вказано"));
    // The register prints it with a dash; a bare 13-digit form is the same number.
    if (v.size() == 13 && allAsciiDigits(v))
        v.insert(8, u'-');
    if (v.size() != 14 || v[8] != u'-' || !allAsciiDigits(QStringView(v).left(8))
        || !allAsciiDigits(QStringView(v).mid(9)))
        return Error::invalid(kUnzrField, tr("УНЗР має формат РРРРММДД-NNNNC (8 цифр дати, дефіс, 5 цифр)"));
    const QDate date(toInt(QStringView(v).left(4)), toInt(QStringView(v).mid(4, 2)), toInt(QStringView(v).mid(6, 2)));
    if (!date.isValid())
        return Error::invalid(kUnzrField, tr("перші 8 цифр УНЗР не є реальною датою"));
    const QString digits = v.left(8) + v.mid(9, 4);
    if (identifiers::unzrCheckDigit(digits) != digitAt(v, 13))
        return Error::invalid(kUnzrField, tr("неправильна контрольна цифра УНЗР"));
    return Unzr(v);
}

QDate Unzr::birthDate() const
{
    return QDate(toInt(QStringView(m_value).left(4)), toInt(QStringView(m_value).mid(4, 2)),
                 toInt(QStringView(m_value).mid(6, 2)));
}

// ---------------------------------------------------------------- documents

Result<PassportNumber> PassportNumber::parse(const QString &text)
{
    const QString raw = withoutSpaces(text).toUpper();
    if (raw.isEmpty())
        return Error::invalid(kPassportField, tr("серію та номер паспорта не вказано"));
    QString v;
    v.reserve(raw.size());
    for (QChar c : raw)
        v.append(cyrillicLookAlike(c));
    if (v.size() != 8)
        return Error::invalid(kPassportField, tr("паспорт-книжечка: дві літери серії та 6 цифр номера (наприклад, КА123456)"));
    if (!isUkrainianCapital(v[0]) || !isUkrainianCapital(v[1]))
        return Error::invalid(kPassportField, tr("серія паспорта має складатися з двох українських літер"));
    if (!allAsciiDigits(QStringView(v).mid(2)))
        return Error::invalid(kPassportField, tr("номер паспорта має складатися з 6 цифр"));
    return PassportNumber(v);
}

Result<IdCardNumber> IdCardNumber::parse(const QString &text)
{
    const QString v = text.trimmed();
    if (v.isEmpty())
        return Error::invalid(kIdCardField, tr("номер ID-картки не вказано"));
    if (v.size() != 9 || !allAsciiDigits(v))
        return Error::invalid(kIdCardField, tr("номер ID-картки має складатися рівно з 9 цифр"));
    return IdCardNumber(v);
}

Result<Katottg> Katottg::parse(const QString &text)
{
    QString v = text.trimmed();
    if (v.isEmpty())
        return Error::invalid(kKatottgField, tr("код КАТОТТГ не вказано"));
    if (v.size() >= 2)
        v.replace(0, 2, v.left(2).toUpper());
    if (v.size() != 19 || !v.startsWith(QStringLiteral("UA")) || !allAsciiDigits(QStringView(v).mid(2)))
        return Error::invalid(kKatottgField, tr("код КАТОТТГ має формат UA і 17 цифр"));
    return Katottg(v);
}

// ---------------------------------------------------------------- masking

QString maskIdentifier(const QString &value)
{
    constexpr qsizetype keepHead = 2;
    constexpr qsizetype keepTail = 3;
    if (value.size() <= keepHead + keepTail)
        return QString(value.size(), u'*');
    return value.left(keepHead) + QString(value.size() - keepHead - keepTail, u'*') + value.right(keepTail);
}

} // namespace cnap
