// cnapctl report and opendata export: formats, total, exit codes, no partial files.
#include "ReportFixture.h"

#include "support/TestEnv.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cnap::test {
namespace {

class ReportCliTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        db = std::make_unique<TestDatabase>(GetParam());
        ASSERT_TRUE(db->ok());
        ReportSeed seed(db->database(), clock);
        seed.centre();
        seed.history();
    }

    ProcessResult cnapctl(QStringList args)
    {
        args.prepend(db->url());
        args.prepend(QStringLiteral("--db"));
        return runProcess(binDir() + QStringLiteral("/cnapctl"), args);
    }

    ManualClock clock{reportStart()};
    std::unique_ptr<TestDatabase> db;
};

const QString kDay = QStringLiteral("2026-03-02");

TEST_P(ReportCliTest, VisitsAsJsonCarryTheTotal)
{
    auto r = cnapctl({QStringLiteral("report"), QStringLiteral("visits"), QStringLiteral("--from"), kDay, QStringLiteral("--to"), kDay,
                      QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    EXPECT_EQ(o.value(QStringLiteral("report")).toString(), QStringLiteral("visits"));
    EXPECT_EQ(o.value(QStringLiteral("total")).toInteger(), 5);
    EXPECT_EQ(o.value(QStringLiteral("rows")).toArray().size(), 3);
}

TEST_P(ReportCliTest, WaitsAsCsvWithFilters)
{
    auto r = cnapctl({QStringLiteral("report"), QStringLiteral("waits"), QStringLiteral("--from"), kDay, QStringLiteral("--to"), kDay,
                      QStringLiteral("--clerk"), QStringLiteral("olena")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QStringList lines = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3);  // header, 10001, all
    EXPECT_TRUE(lines[0].startsWith(QStringLiteral("service,service_name,waited,wait_mean_s,wait_median_s,wait_p90_s")));
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("10001,Послуга 1,3,160.0,120.0,264.0,3,73.3,80.0,96.0"))) << lines[1].toStdString();
    for (const char *name : {"cases", "noshows", "feedback"}) {
        auto ok = cnapctl({QStringLiteral("report"), QString::fromLatin1(name), QStringLiteral("--from"), kDay, QStringLiteral("--to"), kDay});
        EXPECT_EQ(ok.exitCode, 0) << name << ": " << ok.err.toStdString();
    }
}

TEST_P(ReportCliTest, BadInputGivesAClearMessageAndExitCode)
{
    const QStringList base{QStringLiteral("report"), QStringLiteral("visits")};
    auto missing = cnapctl(base + QStringList{QStringLiteral("--from"), kDay});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("--to")));
    auto unknownReport = cnapctl({QStringLiteral("report"), QStringLiteral("sales"), QStringLiteral("--from"), kDay, QStringLiteral("--to"), kDay});
    EXPECT_EQ(unknownReport.exitCode, 2);
    auto reversed = cnapctl(base + QStringList{QStringLiteral("--from"), kDay, QStringLiteral("--to"), QStringLiteral("2026-03-01")});
    EXPECT_EQ(reversed.exitCode, 1);
    EXPECT_TRUE(reversed.err.contains(QStringLiteral("to"))) << reversed.err.toStdString();
    auto empty = cnapctl(base + QStringList{QStringLiteral("--from"), QString(), QStringLiteral("--to"), kDay});
    EXPECT_EQ(empty.exitCode, 1);
    EXPECT_TRUE(empty.err.contains(QStringLiteral("--from")));
    auto unknownDesk = cnapctl(base + QStringList{QStringLiteral("--from"), kDay, QStringLiteral("--to"), kDay, QStringLiteral("--desk"), QStringLiteral("99")});
    EXPECT_EQ(unknownDesk.exitCode, 1);
    EXPECT_TRUE(unknownDesk.err.contains(QStringLiteral("desk"))) << unknownDesk.err.toStdString();
    EXPECT_TRUE(unknownDesk.out.isEmpty());
    auto badFormat = cnapctl(base + QStringList{QStringLiteral("--from"), kDay, QStringLiteral("--to"), kDay, QStringLiteral("--format"), QStringLiteral("xml")});
    EXPECT_EQ(badFormat.exitCode, 2);
}

TEST_P(ReportCliTest, ExportToAnUnwritablePlaceLeavesNothing)
{
    const QString good = db->dir() + QStringLiteral("/visits.json");
    auto ok = cnapctl({QStringLiteral("report"), QStringLiteral("visits"), QStringLiteral("--from"), kDay, QStringLiteral("--to"), kDay,
                       QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), good});
    ASSERT_EQ(ok.exitCode, 0) << ok.err.toStdString();
    QFile f(good);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("total")).toInteger(), 5);
    const QString bad = db->dir() + QStringLiteral("/missing/dir/visits.csv");
    auto fail = cnapctl({QStringLiteral("report"), QStringLiteral("visits"), QStringLiteral("--from"), kDay, QStringLiteral("--to"), kDay,
                         QStringLiteral("--out"), bad});
    EXPECT_EQ(fail.exitCode, 1);
    EXPECT_TRUE(fail.err.contains(QStringLiteral("out")));
    EXPECT_FALSE(QFile::exists(bad));
}

TEST_P(ReportCliTest, OpenDataExport)
{
    const QString out = db->dir() + QStringLiteral("/open");
    ASSERT_TRUE(QDir().mkpath(out));
    auto ok = cnapctl({QStringLiteral("opendata"), QStringLiteral("export"), QStringLiteral("--month"), QStringLiteral("2026-03"),
                       QStringLiteral("--out"), out});
    ASSERT_EQ(ok.exitCode, 0) << ok.err.toStdString();
    EXPECT_TRUE(QFile::exists(out + QStringLiteral("/cnap-2026-03.csv")));
    EXPECT_TRUE(QFile::exists(out + QStringLiteral("/cnap-2026-03.json")));
    auto missingDir = cnapctl({QStringLiteral("opendata"), QStringLiteral("export"), QStringLiteral("--month"), QStringLiteral("2026-03"),
                               QStringLiteral("--out"), out + QStringLiteral("/nope")});
    EXPECT_EQ(missingDir.exitCode, 1);
    EXPECT_FALSE(QDir(out + QStringLiteral("/nope")).exists());
    auto badMonth = cnapctl({QStringLiteral("opendata"), QStringLiteral("export"), QStringLiteral("--month"), QStringLiteral("2026-3"),
                             QStringLiteral("--out"), out});
    EXPECT_EQ(badMonth.exitCode, 1);
    EXPECT_TRUE(badMonth.err.contains(QStringLiteral("month")));
    EXPECT_EQ(cnapctl({QStringLiteral("opendata"), QStringLiteral("export"), QStringLiteral("--out"), out}).exitCode, 2);
}

CNAP_INSTANTIATE_FOR_BACKENDS(ReportCliTest);

} // namespace
} // namespace cnap::test
