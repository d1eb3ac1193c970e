#include "core/text/SearchKey.h"

#include <gtest/gtest.h>

using namespace cnap;

namespace {
QString u8(const char *s) { return QString::fromUtf8(s); }
} // namespace

TEST(SurnameKey, LowerCasesCyrillicAndLatin)
{
    EXPECT_EQ(surnameKey(u8("ШЕВЧЕНКО")), u8("шевченко"));
    EXPECT_EQ(surnameKey(u8("Шевченко")), u8("шевченко"));
    EXPECT_EQ(surnameKey(u8("ҐАЛАҐАН Їжак Єрмак Іваненко")), u8("ґалаґан їжак єрмак іваненко"));
    EXPECT_EQ(surnameKey(QStringLiteral("McDonald")), QStringLiteral("mcdonald"));
}

TEST(SurnameKey, AllApostropheVariantsBecomeOne)
{
    const QString expected = u8("мар'ян");
    for (const char *typed : {"Мар'ян", "Мар’ян", "Марʼян", "Мар`ян", "Мар‘ян", "Мар´ян", "Мар′ян"})
        EXPECT_EQ(surnameKey(u8(typed)), expected) << typed;
    // U+02BC written as an escape, to be sure the source encoding is not what passes.
    EXPECT_EQ(surnameKey(u8("Мар") + QChar(0x02BC) + u8("ян")), expected);
}

TEST(SurnameKey, TrimsAndCollapsesWhitespaceKeepsHyphens)
{
    EXPECT_EQ(surnameKey(u8("  Квітка-Основ’яненко  ")), u8("квітка-основ'яненко"));
    EXPECT_EQ(surnameKey(u8("де \t  ла\nКруз")), u8("де ла круз"));
    EXPECT_EQ(surnameKey(QStringLiteral("   ")), QString());
    EXPECT_EQ(surnameKey(QString()), QString());
}

TEST(SurnameKey, DoesNotConfuseDifferentLetters)
{
    // і (U+0456) and Latin i, и and і are different letters: keys must differ.
    EXPECT_NE(surnameKey(u8("Кіт")), surnameKey(QStringLiteral("Kit")));
    EXPECT_NE(surnameKey(u8("Кит")), surnameKey(u8("Кіт")));
}

TEST(PhoneKey, NormalisesUkrainianFormats)
{
    const QString expected = QStringLiteral("380671234567");
    for (const char *typed : {"+380 67 123 45 67", "+38 (067) 123-45-67", "0671234567", "067 123 45 67",
                              "80671234567", "671234567", "380671234567"})
        EXPECT_EQ(phoneKey(u8(typed)), expected) << typed;
}

TEST(PhoneKey, KeepsForeignDigitsAndDropsEverythingElse)
{
    EXPECT_EQ(phoneKey(QStringLiteral("+48 601 234 567")), QStringLiteral("48601234567"));
    EXPECT_EQ(phoneKey(QStringLiteral("+1 (212) 555-0100")), QStringLiteral("12125550100"));
    EXPECT_EQ(phoneKey(QStringLiteral("abc")), QString());
    EXPECT_EQ(phoneKey(u8("٠٦٧")), QString());  // Arabic-Indic digits are not dialled here
    EXPECT_EQ(phoneKey(QStringLiteral("12345")), QStringLiteral("12345"));
}

TEST(PrefixUpperBound, BoundsExactlyThePrefixRange)
{
    const QString key = surnameKey(u8("Ко"));
    const QString upper = prefixUpperBound(key);
    EXPECT_EQ(upper.size(), key.size() + 1);
    EXPECT_EQ(upper.back().unicode(), 0xFFFF);
    auto inRange = [&](const QString &s) { const QString k = surnameKey(s); return k >= key && k < upper; };
    EXPECT_TRUE(inRange(u8("Коваленко")));
    EXPECT_TRUE(inRange(u8("Ко")));
    EXPECT_TRUE(inRange(u8("КОЗАК")));
    EXPECT_FALSE(inRange(u8("Кіт")));   // і sorts after о but is not "ко…"
    EXPECT_FALSE(inRange(u8("Кл")));
    EXPECT_FALSE(inRange(u8("Кп")));
    EXPECT_FALSE(inRange(u8("К")));
}
