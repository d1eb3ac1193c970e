// Open data: aggregates per service and month, small counts suppressed, no
// personal or staff columns, both files or none.
#include "ReportFixture.h"

#include "services/OpenDataService.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <unistd.h>

namespace cnap::test {
namespace {

class OpenDataTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        db = std::make_unique<TestDatabase>(GetParam());
        ASSERT_TRUE(db->ok());
        seed = std::make_unique<ReportSeed>(db->database(), clock);
        seed->centre();
        seed->history();
        // Three more 10001 visits at noon: 10001 reaches 6 tickets, 10003 stays at 2.
        clock.set(QDateTime(reportDay(), QTime(12, 0)));
        for (int i = 0; i < 3; ++i)
            seed->issue(kSvcA1);
        const Actor olena = clerkAt(QStringLiteral("olena"), QStringLiteral("1"));
        for (int i = 0; i < 4; ++i) {
            clock.set(clock.now().addSecs(120));
            ASSERT_TRUE(seed->queue.callNext(olena, QStringLiteral("1")).ok());
            clock.set(clock.now().addSecs(300));
            ASSERT_TRUE(seed->queue.finish(olena, QStringLiteral("1")).ok());
        }
        opendata = std::make_unique<services::OpenDataService>(db->database(), clock);
    }

    ManualClock clock{reportStart()};
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<ReportSeed> seed;
    std::unique_ptr<services::OpenDataService> opendata;
};

QJsonObject rowFor(const QJsonArray &rows, const QString &code)
{
    for (const QJsonValue &v : rows)
        if (v.toObject().value(QStringLiteral("service_code")).toString() == code)
            return v.toObject();
    return {};
}

TEST_P(OpenDataTest, SmallCountsAreSuppressedLargeOnesPublished)
{
    auto set = opendata->build(supervisor(), QStringLiteral("2026-03"));
    ASSERT_TRUE(set.ok()) << set.error().describe().toStdString();
    const QJsonObject doc = QJsonDocument::fromJson(set->json).object();
    EXPECT_EQ(doc.value(QStringLiteral("month")).toString(), QStringLiteral("2026-03"));
    EXPECT_EQ(doc.value(QStringLiteral("suppression_threshold")).toInt(), 5);
    const QJsonArray rows = doc.value(QStringLiteral("rows")).toArray();
    const QJsonObject a = rowFor(rows, kSvcA1);
    EXPECT_EQ(a.value(QStringLiteral("tickets_issued")).toInteger(), 6);
    EXPECT_EQ(a.value(QStringLiteral("visitors_served")).toInteger(), 7);  // includes the redirected Б-002
    EXPECT_TRUE(a.value(QStringLiteral("wait_mean_min")).isDouble());
    const QJsonObject b = rowFor(rows, kSvcB);
    ASSERT_FALSE(b.isEmpty());
    EXPECT_TRUE(b.value(QStringLiteral("tickets_issued")).isNull());  // 2 < 5
    EXPECT_TRUE(b.value(QStringLiteral("wait_mean_min")).isNull());
    EXPECT_EQ(b.value(QStringLiteral("visitors_served")).toInteger(), 0);  // zero is published
}

TEST_P(OpenDataTest, NoPersonalOrStaffColumns)
{
    auto set = opendata->build(supervisor(), QStringLiteral("2026-03"));
    ASSERT_TRUE(set.ok());
    const QString header = QString::fromUtf8(set->csv.left(set->csv.indexOf('\r')));
    EXPECT_EQ(header, services::OpenDataService::columnKeys().join(u','));
    for (const QString &key : services::OpenDataService::columnKeys()) {
        for (const char *pii : {"clerk", "desk", "ticket_number", "comment", "applicant", "login", "person", "rnokpp", "phone"})
            EXPECT_FALSE(key.contains(QString::fromLatin1(pii))) << key.toStdString();
    }
    EXPECT_FALSE(set->csv.contains("olena"));
    EXPECT_FALSE(set->json.contains("olena"));
    EXPECT_FALSE(set->json.contains("petro"));
}

TEST_P(OpenDataTest, WritesBothFilesOrNone)
{
    QTemporaryDir dir;
    auto files = opendata->exportMonth(supervisor(), QStringLiteral("2026-03"), dir.path());
    ASSERT_TRUE(files.ok()) << files.error().describe().toStdString();
    EXPECT_TRUE(QFile::exists(dir.filePath(QStringLiteral("cnap-2026-03.csv"))));
    EXPECT_TRUE(QFile::exists(dir.filePath(QStringLiteral("cnap-2026-03.json"))));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);

    auto missing = opendata->exportMonth(supervisor(), QStringLiteral("2026-03"), dir.filePath(QStringLiteral("nope")));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().field, QStringLiteral("out"));
    const QString locked = dir.filePath(QStringLiteral("locked"));
    ASSERT_TRUE(QDir().mkpath(locked));
    QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    auto denied = opendata->exportMonth(supervisor(), QStringLiteral("2026-03"), locked);
    QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (::geteuid() != 0) {  // root writes through permission bits
        ASSERT_FALSE(denied.ok());
        EXPECT_EQ(denied.error().field, QStringLiteral("out"));
        EXPECT_TRUE(QDir(locked).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }
    // A file where the folder should be: refused even for root, nothing written beside it.
    const QString file = dir.filePath(QStringLiteral("cnap-2026-03.csv"));
    auto notDir = opendata->exportMonth(supervisor(), QStringLiteral("2026-03"), file);
    ASSERT_FALSE(notDir.ok());
    EXPECT_EQ(notDir.error().field, QStringLiteral("out"));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

TEST_P(OpenDataTest, BadMonthAndRoles)
{
    for (const char *bad : {"2026-13", "березень", "2026-04"}) {
        auto set = opendata->build(supervisor(), QString::fromUtf8(bad));
        ASSERT_FALSE(set.ok()) << bad;
        EXPECT_EQ(set.error().field, QStringLiteral("month"));
    }
    QTemporaryDir dir;
    for (const Actor &who : {clerkAt(QStringLiteral("olena"), QStringLiteral("1")), kiosk()}) {
        EXPECT_EQ(opendata->build(who, QStringLiteral("2026-03")).error().code, ErrorCode::PermissionDenied);
        EXPECT_EQ(opendata->exportMonth(who, QStringLiteral("2026-03"), dir.path()).error().code, ErrorCode::PermissionDenied);
    }
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

CNAP_INSTANTIATE_FOR_BACKENDS(OpenDataTest);

} // namespace
} // namespace cnap::test
