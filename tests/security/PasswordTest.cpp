#include "crypto/Password.h"
#include "security/Accounts.h"
#include "security/PasswordPolicy.h"

#include <gtest/gtest.h>

using namespace cnap;
using cnap::crypto::PasswordHasher;
using cnap::crypto::ScryptParams;
using cnap::security::PasswordPolicy;

TEST(Password, RoundTripAndWrongPassword)
{
    const PasswordHasher h(ScryptParams::cheapForTests());
    auto encoded = h.hash(QStringLiteral("Сонячний-ранок-2024"));
    ASSERT_TRUE(encoded.ok());
    EXPECT_TRUE(h.verify(QStringLiteral("Сонячний-ранок-2024"), encoded.value()));
    EXPECT_FALSE(h.verify(QStringLiteral("Сонячний-ранок-2025"), encoded.value()));
    EXPECT_FALSE(h.verify(QString(), encoded.value()));
    EXPECT_FALSE(h.verify(QStringLiteral("сонячний-ранок-2024"), encoded.value()));
}

TEST(Password, EncodingIsSelfDescribingAndNeverContainsThePassword)
{
    const PasswordHasher h(ScryptParams::cheapForTests());
    const QString password = QStringLiteral("Tr1cky-Secret-Value");
    auto a = h.hash(password);
    auto b = h.hash(password);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_NE(a.value(), b.value()) << "each hash has its own salt";
    EXPECT_NE(a.value(), password);
    EXPECT_FALSE(a->contains(password));
    EXPECT_FALSE(a->contains(QString::fromLatin1(password.toUtf8().toBase64())));
    const QStringList parts = a->split(u'$');
    ASSERT_EQ(parts.size(), 6);
    EXPECT_EQ(parts[0], QStringLiteral("scrypt"));
    EXPECT_EQ(parts[1], QStringLiteral("1024"));
    EXPECT_EQ(parts[2], QStringLiteral("8"));
    EXPECT_EQ(parts[3], QStringLiteral("1"));
    EXPECT_EQ(QByteArray::fromBase64(parts[4].toLatin1()).size(), 16);
    EXPECT_EQ(QByteArray::fromBase64(parts[5].toLatin1()).size(), 32);
    auto params = PasswordHasher::parseParams(a.value());
    ASSERT_TRUE(params.ok());
    EXPECT_EQ(params.value(), ScryptParams::cheapForTests());
}

TEST(Password, ProductionParametersAreTheOwaspMinimum)
{
    const ScryptParams p = ScryptParams::production();
    EXPECT_EQ(p.n, 1ULL << 17);
    EXPECT_EQ(p.r, 8u);
    EXPECT_EQ(p.p, 1u);
}

TEST(Password, WeakerHashNeedsRehashAndStillVerifies)
{
    const PasswordHasher cheap(ScryptParams::cheapForTests());
    const PasswordHasher stronger(ScryptParams{1ULL << 11, 8, 1});
    auto old = cheap.hash(QStringLiteral("Rehash-Me-Later-1"));
    ASSERT_TRUE(old.ok());
    EXPECT_FALSE(cheap.needsRehash(old.value()));
    EXPECT_TRUE(stronger.needsRehash(old.value()));
    EXPECT_TRUE(stronger.verify(QStringLiteral("Rehash-Me-Later-1"), old.value())) << "verification uses the stored parameters";
}

TEST(Password, NormalisesUnicodeSoComposedAndDecomposedMatch)
{
    const PasswordHasher h(ScryptParams::cheapForTests());
    const QString composed = QStringLiteral("Київ-Їжак-2024-ї");
    const QString decomposed = composed.normalized(QString::NormalizationForm_D);
    ASSERT_NE(composed, decomposed);
    auto e = h.hash(composed);
    ASSERT_TRUE(e.ok());
    EXPECT_TRUE(h.verify(decomposed, e.value()));
}

TEST(Password, MalformedOrHostileStoredValuesNeverMatch)
{
    const PasswordHasher h(ScryptParams::cheapForTests());
    auto good = h.hash(QStringLiteral("Valid-Password-1"));
    ASSERT_TRUE(good.ok());
    QStringList parts = good->split(u'$');
    const QStringList bad = {
        QString(), QStringLiteral("Valid-Password-1"), QStringLiteral("scrypt$1024$8$1$$"),
        QStringLiteral("bcrypt$") + parts.mid(1).join(u'$'),
        // N not a power of two, and N absurdly large (a tampered row must not allocate gigabytes)
        QStringLiteral("scrypt$1000$8$1$") + parts[4] + u'$' + parts[5],
        QStringLiteral("scrypt$1099511627776$8$1$") + parts[4] + u'$' + parts[5],
        QStringLiteral("scrypt$1024$8$1$") + parts[4] + QStringLiteral("$!!notbase64!!"),
    };
    for (const QString &b : bad) {
        EXPECT_FALSE(h.verify(QStringLiteral("Valid-Password-1"), b)) << b.toStdString();
        EXPECT_TRUE(h.needsRehash(b));
    }
}

// ---------------------------------------------------------------- rules

TEST(PasswordRules, AcceptsGoodPasswords)
{
    EXPECT_TRUE(PasswordPolicy::check(QStringLiteral("olena"), QStringLiteral("Kvitka-2024")).ok());
    EXPECT_TRUE(PasswordPolicy::check(QStringLiteral("olena"), QStringLiteral("Весна2024квітне")).ok());
    // 16+ characters: any classes
    EXPECT_TRUE(PasswordPolicy::check(QStringLiteral("olena"), QStringLiteral("зелений кіт спить тихо")).ok());
}

TEST(PasswordRules, EachRuleNamesItself)
{
    const auto msg = [](const QString &login, const QString &pw) {
        auto st = PasswordPolicy::check(login, pw);
        EXPECT_FALSE(st.ok()) << pw.toStdString();
        if (st.ok())
            return QString();
        EXPECT_EQ(st.error().code, ErrorCode::InvalidArgument);
        EXPECT_EQ(st.error().field, QStringLiteral("password"));
        return st.error().message;
    };
    EXPECT_TRUE(msg(QStringLiteral("olena"), QStringLiteral("Ab1-xyz")).contains(QStringLiteral("щонайменше 10")));
    EXPECT_TRUE(msg(QStringLiteral("olena.k-2024"), QStringLiteral("Olena.K-2024")).contains(QStringLiteral("логіном")));
    EXPECT_TRUE(msg(QStringLiteral("olena"), QStringLiteral("alllowercase")).contains(QStringLiteral("три з чотирьох")));
    EXPECT_TRUE(msg(QStringLiteral("olena"), QStringLiteral("ALLUPPER123")).isEmpty() == false);
    EXPECT_TRUE(msg(QStringLiteral("olena"), QStringLiteral("Password123")).contains(QStringLiteral("поширений")));
    EXPECT_TRUE(msg(QStringLiteral("olena"), QStringLiteral("P@ssw0rd123")).contains(QStringLiteral("поширений")));
    EXPECT_TRUE(msg(QStringLiteral("olena"), QString(300, u'a')).contains(QStringLiteral("довшим")));
    // Length counts characters, not UTF-16 units or bytes: 9 Ukrainian letters + digit = 10.
    EXPECT_TRUE(PasswordPolicy::check(QStringLiteral("olena"), QStringLiteral("Їжачок-ї9Ґ")).ok());
    EXPECT_TRUE(msg(QStringLiteral("olena"), QStringLiteral("Їжачок-ї9")).contains(QStringLiteral("щонайменше 10")));
}

TEST(LockoutPolicy, DoublesFromOneMinuteUpToThirty)
{
    using cnap::security::LockoutPolicy;
    EXPECT_EQ(LockoutPolicy::delaySecs(1), 0);
    EXPECT_EQ(LockoutPolicy::delaySecs(4), 0);
    EXPECT_EQ(LockoutPolicy::delaySecs(5), 60);
    EXPECT_EQ(LockoutPolicy::delaySecs(6), 120);
    EXPECT_EQ(LockoutPolicy::delaySecs(7), 240);
    EXPECT_EQ(LockoutPolicy::delaySecs(9), 960);
    EXPECT_EQ(LockoutPolicy::delaySecs(10), 1800);
    EXPECT_EQ(LockoutPolicy::delaySecs(1000), 1800);
}
