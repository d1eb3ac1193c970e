#include "security/PasswordPolicy.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace cnap::security {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::security::PasswordPolicy", s); }

// Long enough to pass the length rule yet guessed first by every attacker
// (leaked-password top lists, keyboard walks on both layouts, local words).
constexpr std::array<const char16_t *, 32> kCommon = {
    u"1234567890", u"12345678910", u"0987654321", u"1111111111", u"1q2w3e4r5t", u"1qaz2wsx3edc",
    u"qwertyuiop", u"qwerty12345", u"qwerty123456", u"password123", u"password1234", u"passw0rd123",
    u"p@ssw0rd123", u"p@ssword123", u"admin12345", u"administrator", u"iloveyou123", u"welcome123",
    u"letmein12345", u"abc1234567", u"abcdef12345", u"zaq12wsxcde", u"йцукенгшщз", u"йцукен12345",
    u"пароль12345", u"пароль1234", u"україна2024", u"ukraine2024", u"slavaukraini", u"слава україні",
    u"cnap123456", u"цнап123456",
};

int characterClasses(const QString &p)
{
    bool lower = false;
    bool upper = false;
    bool digit = false;
    bool other = false;
    for (const QChar c : p) {
        if (c.isLower())
            lower = true;
        else if (c.isUpper())
            upper = true;
        else if (c.isDigit())
            digit = true;
        else
            other = true;
    }
    return int(lower) + int(upper) + int(digit) + int(other);
}
} // namespace

Status PasswordPolicy::check(const QString &login, const QString &password)
{
    const auto bad = [](const QString &message) { return Error::invalid(QStringLiteral("password"), message); };
    const qsizetype length = password.toUcs4().size();  // characters, not UTF-16 units
    if (length < kMinLength)
        return bad(tr("пароль має містити щонайменше %1 символів").arg(kMinLength));
    if (length > kMaxLength)
        return bad(tr("пароль не може бути довшим за %1 символів").arg(kMaxLength));
    if (!login.isEmpty() && password.compare(login, Qt::CaseInsensitive) == 0)
        return bad(tr("пароль не може збігатися з логіном"));
    if (length < kPassphraseLength && characterClasses(password) < 3)
        return bad(tr("пароль коротший за %1 символів має містити принаймні три з чотирьох груп: малі літери, великі літери, цифри, інші знаки")
                       .arg(kPassphraseLength));
    const QString folded = password.toLower();
    if (std::any_of(kCommon.begin(), kCommon.end(), [&](const char16_t *c) { return folded == QString::fromUtf16(c); }))
        return bad(tr("цей пароль занадто поширений, його легко вгадати; оберіть інший"));
    return {};
}

QString PasswordPolicy::describe()
{
    return tr("Пароль: щонайменше %1 символів, не збігається з логіном, містить три з чотирьох груп "
              "(малі, великі літери, цифри, інші знаки) або має від %2 символів, не є поширеним паролем.")
        .arg(kMinLength)
        .arg(kPassphraseLength);
}

} // namespace cnap::security
