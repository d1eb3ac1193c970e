// cnapctl validate / deadline, run as a user or a script would run them.
#include "core/identifiers/IdentifierFactory.h"
#include "support/TestEnv.h"

#include <gtest/gtest.h>

using namespace cnap;

namespace {

test::ProcessResult cnapctl(const QStringList &args)
{
    // Ukrainian messages whatever the machine's locale; no database anywhere.
    return test::runProcess(test::binDir() + QStringLiteral("/cnapctl"), args, {}, 60000,
                            {QStringLiteral("CNAP_LANG=uk"), QStringLiteral("CNAP_DB=")});
}

QStringList lines(const QString &out)
{
    return out.split(u'\n', Qt::SkipEmptyParts);
}

QString lastLine(const QString &out)
{
    const QStringList l = lines(out);
    return l.isEmpty() ? QString() : l.constLast();
}

test::ProcessResult validate(const char *kind, const QString &value)
{
    return cnapctl({QStringLiteral("validate"), QString::fromUtf8(kind), value});
}

} // namespace

TEST(CnapctlValidate, RnokppPrintsValueBirthDateAndSex)
{
    auto r = validate("rnokpp", QStringLiteral("1759013776"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(lines(r.out), (QStringList{QStringLiteral("1759013776"), QStringLiteral("1948-02-28"), QStringLiteral("male")}));
    EXPECT_TRUE(r.err.isEmpty());

    const QString female = makeRnokpp(QDate(1990, 5, 14), 42, Sex::Female);
    r = validate("rnokpp", female);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(lines(r.out), (QStringList{female, QStringLiteral("1990-05-14"), QStringLiteral("female")}));
}

TEST(CnapctlValidate, InvalidValueExitsOneWithReasonOnStderr)
{
    auto r = validate("rnokpp", QStringLiteral("1759013770"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.out.isEmpty());
    EXPECT_TRUE(r.err.contains(QStringLiteral("rnokpp"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("контрольна цифра"))) << r.err.toStdString();

    for (const auto &[kind, value] : std::initializer_list<std::pair<const char *, const char *>>{
             {"edrpou", "14360571"}, {"unzr", "19900514-00019"}, {"passport", "DA123456"},
             {"idcard", "12345678"}, {"katottg", "UA123"}, {"rnokpp", "9000000002"}}) {
        auto bad = validate(kind, QString::fromUtf8(value));
        EXPECT_EQ(bad.exitCode, 1) << kind << " " << value;
        EXPECT_TRUE(bad.err.contains(QString::fromUtf8(kind))) << bad.err.toStdString();
        EXPECT_TRUE(bad.out.isEmpty()) << kind;
    }
}

TEST(CnapctlValidate, OtherKindsPrintTheNormalisedValue)
{
    auto r = validate("unzr", QStringLiteral("1990051400018"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(lines(r.out), (QStringList{QStringLiteral("19900514-00018"), QStringLiteral("1990-05-14")}));

    r = validate("passport", QStringLiteral("ka123456"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(lines(r.out), QStringList{QStringLiteral("КА123456")});

    r = validate("edrpou", QStringLiteral("31316718"));
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_EQ(lines(r.out), QStringList{QStringLiteral("31316718")});

    r = validate("idcard", QStringLiteral("001234567"));
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_EQ(lines(r.out), QStringList{QStringLiteral("001234567")});

    r = validate("katottg", QStringLiteral("ua80000000000093317"));
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_EQ(lines(r.out), QStringList{QStringLiteral("UA80000000000093317")});
}

TEST(CnapctlValidate, UsageErrorsExitTwo)
{
    EXPECT_EQ(validate("iban", QStringLiteral("UA00")).exitCode, 2);
    EXPECT_EQ(cnapctl({QStringLiteral("validate"), QStringLiteral("rnokpp")}).exitCode, 2);
    EXPECT_EQ(cnapctl({QStringLiteral("validate")}).exitCode, 2);
    EXPECT_EQ(cnapctl({QStringLiteral("validate"), QStringLiteral("rnokpp"), QStringLiteral("1"), QStringLiteral("2")}).exitCode, 2);
    EXPECT_EQ(cnapctl({QStringLiteral("validate"), QStringLiteral("--bogus"), QStringLiteral("rnokpp"), QStringLiteral("1759013776")}).exitCode, 2);
    auto r = validate("iban", QStringLiteral("UA00"));
    EXPECT_TRUE(r.err.contains(QStringLiteral("iban")));
    EXPECT_TRUE(r.out.isEmpty());
    EXPECT_TRUE(r.err.contains(QStringLiteral("rnokpp"))) << "lists the allowed kinds";
}

TEST(CnapctlValidate, ValueStartingWithDashIsInvalidNotUsage)
{
    auto r = validate("rnokpp", QStringLiteral("-759013776"));
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("rnokpp")));
    r = cnapctl({QStringLiteral("validate"), QStringLiteral("edrpou"), QStringLiteral("--"), QStringLiteral("31316718")});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(lines(r.out), QStringList{QStringLiteral("31316718")});
}

TEST(CnapctlDeadline, PrintsTheDueDateAsTheLastLine)
{
    auto run = [](QStringList extra) {
        QStringList args{QStringLiteral("deadline")};
        args += extra;
        return cnapctl(args);
    };
    auto r = run({QStringLiteral("--from"), QStringLiteral("2025-12-24"), QStringLiteral("--term"), QStringLiteral("10"),
                  QStringLiteral("--unit"), QStringLiteral("auto")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(lastLine(r.out), QStringLiteral("2026-01-07"));

    r = run({QStringLiteral("--from"), QStringLiteral("2025-12-24"), QStringLiteral("--term"), QStringLiteral("10"),
             QStringLiteral("--unit"), QStringLiteral("auto"), QStringLiteral("--martial-law"), QStringLiteral("off")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(lastLine(r.out), QStringLiteral("2026-01-09"));

    r = run({QStringLiteral("--from"), QStringLiteral("2025-03-03"), QStringLiteral("--term"), QStringLiteral("11"),
             QStringLiteral("--unit"), QStringLiteral("auto"), QStringLiteral("--martial-law"), QStringLiteral("on")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(lastLine(r.out), QStringLiteral("2025-03-14"));

    r = run({QStringLiteral("--from=2025-03-03"), QStringLiteral("--term=12"), QStringLiteral("--unit=calendar-days")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(lastLine(r.out), QStringLiteral("2025-03-17"));

    r = run({QStringLiteral("--from"), QStringLiteral("2025-03-07"), QStringLiteral("--term"), QStringLiteral("1"),
             QStringLiteral("--unit"), QStringLiteral("working-days"), QStringLiteral("--working-day"), QStringLiteral("2025-03-08")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(lastLine(r.out), QStringLiteral("2025-03-08"));

    r = run({QStringLiteral("--from"), QStringLiteral("2025-03-03"), QStringLiteral("--term"), QStringLiteral("11"),
             QStringLiteral("--unit"), QStringLiteral("calendar-days"), QStringLiteral("--closure"), QStringLiteral("2025-03-14")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(lastLine(r.out), QStringLiteral("2025-03-17"));
}

TEST(CnapctlDeadline, HoursWithAndWithoutTime)
{
    auto r = cnapctl({QStringLiteral("deadline"), QStringLiteral("--from"), QStringLiteral("2025-03-07T14:20"),
                      QStringLiteral("--term"), QStringLiteral("24"), QStringLiteral("--unit"), QStringLiteral("hours")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(lastLine(r.out), QStringLiteral("2025-03-10"));
    EXPECT_TRUE(r.out.contains(QStringLiteral("2025-03-10T23:59"))) << r.out.toStdString();

    r = cnapctl({QStringLiteral("deadline"), QStringLiteral("--from"), QStringLiteral("2025-03-03"),
                 QStringLiteral("--term"), QStringLiteral("48"), QStringLiteral("--unit"), QStringLiteral("hours")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(lastLine(r.out), QStringLiteral("2025-03-05"));
}

TEST(CnapctlDeadline, InvalidValuesExitOneNamingTheOption)
{
    struct Case { QStringList args; const char *option; };
    const QStringList base{QStringLiteral("deadline")};
    const QList<Case> cases{
        {{QStringLiteral("--from"), QStringLiteral("2025-02-30"), QStringLiteral("--term"), QStringLiteral("5"), QStringLiteral("--unit"), QStringLiteral("auto")}, "--from"},
        {{QStringLiteral("--from"), QStringLiteral("03.03.2025"), QStringLiteral("--term"), QStringLiteral("5"), QStringLiteral("--unit"), QStringLiteral("auto")}, "--from"},
        {{QStringLiteral("--from"), QStringLiteral("2025-03-03"), QStringLiteral("--term"), QStringLiteral("five"), QStringLiteral("--unit"), QStringLiteral("auto")}, "--term"},
        {{QStringLiteral("--from"), QStringLiteral("2025-03-03"), QStringLiteral("--term"), QStringLiteral("0"), QStringLiteral("--unit"), QStringLiteral("auto")}, "--term"},
        {{QStringLiteral("--from"), QStringLiteral("2025-03-03"), QStringLiteral("--term"), QStringLiteral("-3"), QStringLiteral("--unit"), QStringLiteral("auto")}, "--term"},
        {{QStringLiteral("--from"), QStringLiteral("2025-03-03"), QStringLiteral("--term"), QStringLiteral("5"), QStringLiteral("--unit"), QStringLiteral("weeks")}, "--unit"},
        {{QStringLiteral("--from"), QStringLiteral("2025-03-03"), QStringLiteral("--term"), QStringLiteral("5"), QStringLiteral("--unit"), QStringLiteral("auto"),
          QStringLiteral("--martial-law"), QStringLiteral("maybe")}, "--martial-law"},
        {{QStringLiteral("--from"), QStringLiteral("2025-03-03"), QStringLiteral("--term"), QStringLiteral("5"), QStringLiteral("--unit"), QStringLiteral("auto"),
          QStringLiteral("--closure"), QStringLiteral("someday")}, "--closure"},
    };
    for (const Case &c : cases) {
        auto r = cnapctl(base + c.args);
        EXPECT_EQ(r.exitCode, 1) << c.args.join(u' ').toStdString() << "\n" << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QString::fromUtf8(c.option))) << r.err.toStdString();
        EXPECT_TRUE(r.out.isEmpty()) << "nothing half-printed: " << r.out.toStdString();
    }
}

TEST(CnapctlDeadline, BadUsageExitsTwo)
{
    const QList<QStringList> cases{
        {QStringLiteral("deadline")},
        {QStringLiteral("deadline"), QStringLiteral("--term"), QStringLiteral("5"), QStringLiteral("--unit"), QStringLiteral("auto")},
        {QStringLiteral("deadline"), QStringLiteral("--from"), QStringLiteral("2025-03-03"), QStringLiteral("--unit"), QStringLiteral("auto")},
        {QStringLiteral("deadline"), QStringLiteral("--from"), QStringLiteral("2025-03-03"), QStringLiteral("--term"), QStringLiteral("5")},
        {QStringLiteral("deadline"), QStringLiteral("--from"), QStringLiteral("2025-03-03"), QStringLiteral("--term"), QStringLiteral("5"),
         QStringLiteral("--unit"), QStringLiteral("auto"), QStringLiteral("--colour"), QStringLiteral("red")},
        {QStringLiteral("deadline"), QStringLiteral("--from"), QStringLiteral("2025-03-03"), QStringLiteral("--term"), QStringLiteral("5"),
         QStringLiteral("--unit"), QStringLiteral("auto"), QStringLiteral("extra")},
        {QStringLiteral("deadline"), QStringLiteral("--from")},
    };
    for (const QStringList &args : cases) {
        auto r = cnapctl(args);
        EXPECT_EQ(r.exitCode, 2) << args.join(u' ').toStdString() << "\n" << r.err.toStdString();
        EXPECT_FALSE(r.err.isEmpty());
    }
}
