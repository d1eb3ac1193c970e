// Identifier parsers and the factory.  Expected check digits were worked out by
// hand from the published algorithms (see the comments), not by the code under test.
#include "core/identifiers/IdentifierFactory.h"
#include "core/identifiers/Identifiers.h"

#include <gtest/gtest.h>

using namespace cnap;

namespace {

const QDate kToday(2025, 6, 1);

template <typename R>
void expectInvalid(const R &r, const char *field, const char *input)
{
    ASSERT_FALSE(r.ok()) << input;
    EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument) << input;
    EXPECT_EQ(r.error().field, QString::fromUtf8(field)) << input;
    EXPECT_FALSE(r.error().message.isEmpty()) << input;
}

} // namespace

// ---------------------------------------------------------------- РНОКПП

TEST(Rnokpp, AcceptsKnownValidNumberAndDecodesIt)
{
    // 1,7,5,9,0,1,3,7,7 × (−1,5,7,9,4,6,10,5,7) = 270; 270 mod 11 = 6 → check 6.
    auto r = Rnokpp::parse(QStringLiteral("1759013776"), kToday);
    ASSERT_TRUE(r.ok()) << r.error().describe().toStdString();
    EXPECT_EQ(r->value(), QStringLiteral("1759013776"));
    EXPECT_EQ(r->birthDate(), QDate(1948, 2, 28)); // 17590 days after 1899-12-31
    EXPECT_EQ(r->sex(), Sex::Male);                // digit 9 = 7, odd
    EXPECT_EQ(r->masked(), QStringLiteral("17*****776"));
}

TEST(Rnokpp, DecodesFemaleFromEvenNinthDigit)
{
    // 2,0,0,0,0,0,0,0,2: −2 + 14 = 12 → 1.
    auto r = Rnokpp::parse(QStringLiteral("2000000021"), kToday);
    ASSERT_TRUE(r.ok()) << r.error().describe().toStdString();
    EXPECT_EQ(r->sex(), Sex::Female);
    EXPECT_EQ(r->birthDate(), QDate(1954, 10, 4));
}

TEST(Rnokpp, NegativeWeightedSumIsNormalisedNotTruncated)
{
    // 4,0,...,0: the sum is −4; −4 mod 11 = 7 (C++ '%' would give −4).
    auto r = Rnokpp::parse(QStringLiteral("4000000007"), kToday);
    ASSERT_TRUE(r.ok()) << r.error().describe().toStdString();
    EXPECT_EQ(r->birthDate(), QDate(2009, 7, 7));
    // The sign-dropping mistakes (|−4| = 4, or −4 → 4 after mod 10) must fail.
    expectInvalid(Rnokpp::parse(QStringLiteral("4000000004"), kToday), "rnokpp", "4000000004");
    // −1 mod 11 = 10, then mod 10 = 0: both steps of the rule matter.
    auto one = Rnokpp::parse(QStringLiteral("1000000000"), kToday);
    ASSERT_TRUE(one.ok()) << one.error().describe().toStdString();
    EXPECT_EQ(one->birthDate(), QDate(1927, 5, 19));
    expectInvalid(Rnokpp::parse(QStringLiteral("1000000001"), kToday), "rnokpp", "1000000001");
}

TEST(Rnokpp, CheckDigitFunctionMatchesHandComputation)
{
    EXPECT_EQ(identifiers::rnokppCheckDigit(u"175901377"), 6);
    EXPECT_EQ(identifiers::rnokppCheckDigit(u"400000000"), 7);
    EXPECT_EQ(identifiers::rnokppCheckDigit(u"100000000"), 0);
    EXPECT_EQ(identifiers::rnokppCheckDigit(u"12345678"), -1);
    EXPECT_EQ(identifiers::rnokppCheckDigit(u"12345678x"), -1);
}

TEST(Rnokpp, RejectsWrongCheckDigitEveryWrongDigit)
{
    for (char16_t d = u'0'; d <= u'9'; ++d) {
        if (d == u'6')
            continue;
        QString s = QStringLiteral("175901377") + QChar(d);
        expectInvalid(Rnokpp::parse(s, kToday), "rnokpp", s.toUtf8().constData());
    }
}

TEST(Rnokpp, RejectsMalformedInput)
{
    for (const char *bad : {"", "   ", "175901377", "17590137761", "17590137 6", "175901377a", "+759013776",
                            "-759013776", "1759013776\n1"}) {
        expectInvalid(Rnokpp::parse(QString::fromUtf8(bad), kToday), "rnokpp", bad);
    }
    // Arabic-Indic digits are digits to Unicode, but no register issues them.
    QString arabic = QStringLiteral("175901377");
    arabic.append(QChar(0x0666));
    expectInvalid(Rnokpp::parse(arabic, kToday), "rnokpp", "arabic-indic");
}

TEST(Rnokpp, TrimsSurroundingBlanks)
{
    auto r = Rnokpp::parse(QStringLiteral("  1759013776\t"), kToday);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->value(), QStringLiteral("1759013776"));
}

TEST(Rnokpp, RejectsZeroDateAndFutureBirthDate)
{
    // Check digit of nine zeros is 0, but day 0 (1899-12-31) encodes no birth date.
    expectInvalid(Rnokpp::parse(QStringLiteral("0000000000"), kToday), "rnokpp", "0000000000");
    // 90000 days → 2146-05-30; −9 mod 11 = 2.
    auto future = Rnokpp::parse(QStringLiteral("9000000002"), kToday);
    expectInvalid(future, "rnokpp", "9000000002");
    EXPECT_TRUE(future.error().message.contains(QStringLiteral("2146-05-30")));
    // Born today is fine; born tomorrow is not.
    const QString bornToday = makeRnokpp(kToday, 1, Sex::Female);
    EXPECT_TRUE(Rnokpp::parse(bornToday, kToday).ok());
    EXPECT_FALSE(Rnokpp::parse(bornToday, kToday.addDays(-1)).ok());
}

// ---------------------------------------------------------------- ЄДРПОУ

TEST(Edrpou, AcceptsRealCodesInBothWeightRanges)
{
    // Weights 1..7: 0,0,0,3,2,1,2 → 42 mod 11 = 9;  1,4,3,6,0,5,7 → 121 → 0;
    // 2,1,5,6,0,0,4 → 71 → 5.  Weights 7,1,2,3,4,5,6 (30–60 million):
    // 3,1,3,1,6,7,1 → 96 → 8;  3,2,8,5,5,9,6 → 111 → 1.
    for (const char *good : {"00032129", "14360570", "21560045", "31316718", "32855961"}) {
        auto r = Edrpou::parse(QString::fromUtf8(good));
        ASSERT_TRUE(r.ok()) << good << ": " << r.error().describe().toStdString();
        EXPECT_EQ(r->value(), QString::fromUtf8(good));
    }
}

TEST(Edrpou, WeightRangeBoundaries)
{
    // 29999993 is below 30 million: weights 1..7 → 245 mod 11 = 3.
    EXPECT_TRUE(Edrpou::parse(QStringLiteral("29999993")).ok());
    // 59999994 is inside: weights 7,1..6 → 5·7 + 9·(1+…+6) = 224 → 4.
    EXPECT_TRUE(Edrpou::parse(QStringLiteral("59999994")).ok());
    // 60000006 is above 60 million: back to 1..7 → 6; the shifted weights would give 42 → 9.
    EXPECT_TRUE(Edrpou::parse(QStringLiteral("60000006")).ok());
    EXPECT_FALSE(Edrpou::parse(QStringLiteral("60000009")).ok());
    // 3000000x with weights 1..7 would be 3; with 7,1..6 the first pass is 21 → 10, see below.
    EXPECT_FALSE(Edrpou::parse(QStringLiteral("30000003")).ok());
}

TEST(Edrpou, SecondPassWhenFirstRemainderIsTen)
{
    // 0000003: 3·7 = 21 → 10; again with weights +2: 3·9 = 27 → 5.
    EXPECT_TRUE(Edrpou::parse(QStringLiteral("00000035")).ok());
    EXPECT_FALSE(Edrpou::parse(QStringLiteral("00000030")).ok());
    // Shifted range: 3000000: 3·7 = 21 → 10; 3·9 = 27 → 5.
    EXPECT_TRUE(Edrpou::parse(QStringLiteral("30000005")).ok());
    // Weights 1..7, 60 million and up: 6,0,0,0,0,1,6 → 6+6+42 = 54 → 10;
    // weights 3..9: 18+8+54 = 80 → 3.
    EXPECT_EQ(identifiers::edrpouCheckDigit(u"6000016"), 3);
    EXPECT_TRUE(Edrpou::parse(QStringLiteral("60000163")).ok());
}

TEST(Edrpou, SecondTenCountsAsZero)
{
    // 0000281: 2·5+8·6+1·7 = 65 → 10; 2·7+8·8+1·9 = 87 → 10 again → 0.
    EXPECT_TRUE(Edrpou::parse(QStringLiteral("00002810")).ok());
    // Shifted: 3000044: 21+20+24 = 65 → 10; 27+28+32 = 87 → 10 → 0.
    EXPECT_TRUE(Edrpou::parse(QStringLiteral("30000440")).ok());
    // Above 60 million: 6,0,0,0,0,9,7 → 6+54+49 = 109 → 10; 18+72+63 = 153 → 10 → 0.
    EXPECT_EQ(identifiers::edrpouCheckDigit(u"6000097"), 0);
    EXPECT_TRUE(Edrpou::parse(QStringLiteral("60000970")).ok());
}

TEST(Edrpou, RejectsMalformedInput)
{
    for (const char *bad : {"", "0003212", "000321290", "0003212a", "00032128", "14360571", "3131671８"})
        expectInvalid(Edrpou::parse(QString::fromUtf8(bad)), "edrpou", bad);
}

// ---------------------------------------------------------------- УНЗР

TEST(Unzr, AcceptsValidAndDecodesBirthDate)
{
    // 1,9,9,0,0,5,1,4,0,0,0,1 × 7,3,1,… = 68 → 8.
    auto r = Unzr::parse(QStringLiteral("19900514-00018"));
    ASSERT_TRUE(r.ok()) << r.error().describe().toStdString();
    EXPECT_EQ(r->birthDate(), QDate(1990, 5, 14));
    EXPECT_TRUE(Unzr::parse(QStringLiteral("20000229-12345")).ok()); // a leap day
}

TEST(Unzr, NormalisesTheBareThirteenDigitForm)
{
    auto r = Unzr::parse(QStringLiteral("1990051400018"));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->value(), QStringLiteral("19900514-00018"));
}

TEST(Unzr, RejectsBadCheckDigitDateAndShape)
{
    for (const char *bad : {"", "19900514-00019", "19900514-0001", "19900514_00018", "1990051-400018",
                            "19901314-00011", "20230229-00017", "19900514-0001a", "19900514--0018"}) {
        expectInvalid(Unzr::parse(QString::fromUtf8(bad)), "unzr", bad);
    }
}

TEST(Unzr, DateIsCheckedBeforeTheCheckDigit)
{
    // 2023-02-30 does not exist: the message says so whatever the check digit is.
    for (char16_t d = u'0'; d <= u'9'; ++d) {
        auto r = Unzr::parse(QStringLiteral("20230230-0001") + QChar(d));
        ASSERT_FALSE(r.ok());
        EXPECT_TRUE(r.error().message.contains(QStringLiteral("дат")));
    }
}

// ---------------------------------------------------------------- documents

TEST(PassportNumber, NormalisesLatinLookAlikesAndCase)
{
    struct Case { const char *in; const char *out; };
    for (const Case c : {Case{"КА123456", "КА123456"}, Case{"KA123456", "КА123456"}, Case{"ka123456", "КА123456"},
                         Case{"ка123456", "КА123456"}, Case{" ТТ 654321 ", "ТТ654321"}, Case{"xo000001", "ХО000001"},
                         Case{"BC999999", "ВС999999"}, Case{"MH111111", "МН111111"}, Case{"EP222222", "ЕР222222"},
                         Case{"іг333333", "ІГ333333"}, Case{"єї444444", "ЄЇ444444"}}) {
        auto r = PassportNumber::parse(QString::fromUtf8(c.in));
        ASSERT_TRUE(r.ok()) << c.in << ": " << r.error().describe().toStdString();
        EXPECT_EQ(r->value(), QString::fromUtf8(c.out)) << c.in;
    }
    auto r = PassportNumber::parse(QStringLiteral("СН123456"));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->series(), QStringLiteral("СН"));
    EXPECT_EQ(r->number(), QStringLiteral("123456"));
}

TEST(PassportNumber, RejectsNonLookAlikesRussianLettersAndBadShape)
{
    // D, F, Z have no Cyrillic twin; Ы and Э are not Ukrainian letters.
    for (const char *bad : {"", "DA123456", "AF123456", "ZZ123456", "ЫА123456", "ЭА123456", "К1123456", "КА12345",
                            "КА1234567", "КАА23456", "КА12345б", "1А123456"}) {
        expectInvalid(PassportNumber::parse(QString::fromUtf8(bad)), "passport", bad);
    }
}

TEST(IdCardNumber, NineDigitsExactly)
{
    auto r = IdCardNumber::parse(QStringLiteral(" 001234567 "));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->value(), QStringLiteral("001234567"));
    for (const char *bad : {"", "12345678", "1234567890", "12345678a", "КА1234567"})
        expectInvalid(IdCardNumber::parse(QString::fromUtf8(bad)), "idcard", bad);
}

TEST(Katottg, UaAndSeventeenDigits)
{
    auto r = Katottg::parse(QStringLiteral("UA80000000000093317"));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->value(), QStringLiteral("UA80000000000093317"));
    auto lower = Katottg::parse(QStringLiteral("ua80000000000093317"));
    ASSERT_TRUE(lower.ok());
    EXPECT_EQ(lower->value(), QStringLiteral("UA80000000000093317"));
    for (const char *bad : {"", "UA8000000000009331", "UA800000000000933170", "80000000000093317", "UK80000000000093317",
                            "UA8000000000009331X", "УА80000000000093317"}) {
        expectInvalid(Katottg::parse(QString::fromUtf8(bad)), "katottg", bad);
    }
}

// ---------------------------------------------------------------- masking

TEST(MaskIdentifier, KeepsTwoFirstAndThreeLast)
{
    EXPECT_EQ(maskIdentifier(QStringLiteral("3601234575")), QStringLiteral("36*****575"));
    EXPECT_EQ(maskIdentifier(QStringLiteral("14360570")), QStringLiteral("14***570"));
    EXPECT_EQ(maskIdentifier(QStringLiteral("123456")), QStringLiteral("12*456"));
    // Too short to hide anything while keeping 2 + 3: hide it all.
    EXPECT_EQ(maskIdentifier(QStringLiteral("12345")), QStringLiteral("*****"));
    EXPECT_EQ(maskIdentifier(QString()), QString());
}

// ---------------------------------------------------------------- factory

TEST(IdentifierFactory, RnokppRoundTripsBirthDateAndSex)
{
    for (const QDate birth : {QDate(1900, 1, 1), QDate(1948, 2, 28), QDate(1990, 5, 14), QDate(2024, 2, 29)}) {
        for (int serial : {0, 1, 499, 999}) {
            for (Sex sex : {Sex::Male, Sex::Female}) {
                const QString v = makeRnokpp(birth, serial, sex);
                auto r = Rnokpp::parse(v, kToday);
                ASSERT_TRUE(r.ok()) << v.toStdString() << ": " << r.error().describe().toStdString();
                EXPECT_EQ(r->birthDate(), birth);
                EXPECT_EQ(r->sex(), sex);
                EXPECT_EQ(v.mid(5, 3), QStringLiteral("%1").arg(serial, 3, 10, QLatin1Char('0')));
            }
        }
    }
    EXPECT_NE(makeRnokpp(QDate(1990, 5, 14), 1, Sex::Male), makeRnokpp(QDate(1990, 5, 14), 2, Sex::Male));
}

TEST(IdentifierFactory, RnokppOutOfRangeGivesEmpty)
{
    EXPECT_TRUE(makeRnokpp(QDate(1899, 12, 31), 0, Sex::Male).isEmpty());
    EXPECT_TRUE(makeRnokpp(QDate(), 0, Sex::Male).isEmpty());
    EXPECT_TRUE(makeRnokpp(QDate(1990, 1, 1), -1, Sex::Male).isEmpty());
    EXPECT_TRUE(makeRnokpp(QDate(1990, 1, 1), 1000, Sex::Male).isEmpty());
    EXPECT_TRUE(makeRnokpp(QDate(1899, 12, 31).addDays(100000), 0, Sex::Male).isEmpty());
    EXPECT_FALSE(makeRnokpp(QDate(1899, 12, 31).addDays(99999), 0, Sex::Male).isEmpty());
}

TEST(IdentifierFactory, EdrpouUnzrIdCard)
{
    EXPECT_EQ(makeEdrpou(3285596), QStringLiteral("32855961"));
    EXPECT_EQ(makeEdrpou(3212), QStringLiteral("00032129"));
    EXPECT_EQ(makeEdrpou(281), QStringLiteral("00002810"));
    for (int base : {0, 1, 2999999, 3000000, 5999999, 6000000, 9999999, 1234567})
        EXPECT_TRUE(Edrpou::parse(makeEdrpou(base)).ok()) << base;
    EXPECT_TRUE(makeEdrpou(-1).isEmpty());
    EXPECT_TRUE(makeEdrpou(10000000).isEmpty());

    EXPECT_EQ(makeUnzr(QDate(1990, 5, 14), 1), QStringLiteral("19900514-00018"));
    for (int serial : {0, 1, 9999}) {
        auto r = Unzr::parse(makeUnzr(QDate(2001, 12, 31), serial));
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(r->birthDate(), QDate(2001, 12, 31));
    }
    EXPECT_TRUE(makeUnzr(QDate(), 1).isEmpty());
    EXPECT_TRUE(makeUnzr(QDate(1990, 1, 1), 10000).isEmpty());

    EXPECT_EQ(makeIdCard(1234567), QStringLiteral("001234567"));
    EXPECT_TRUE(IdCardNumber::parse(makeIdCard(999999999)).ok());
    EXPECT_TRUE(makeIdCard(-1).isEmpty());
}
