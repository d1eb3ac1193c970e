// Applicant feedback: 1–5 validation, tied to a finished visit and never to a
// person, one per visit, in the feedback report; role checks.
#include "ReportFixture.h"

#include "services/FeedbackService.h"

#include <QSqlQuery>

#include <iostream>
#include <QSqlRecord>

namespace cnap::test {
namespace {

class FeedbackTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        db = std::make_unique<TestDatabase>(GetParam());
        ASSERT_TRUE(db->ok());
        seed = std::make_unique<ReportSeed>(db->database(), clock);
        seed->centre();
        seed->history();
        clock.set(QDateTime(reportDay(), QTime(12, 0)));
        feedback = std::make_unique<services::FeedbackService>(db->database(), clock);
    }

    Status rate(const QString &ticket, int rating, const QString &comment = {})
    {
        Status s = feedback->submit(kiosk(), {ticket, rating, comment});
        if (!s)
            std::cerr << "feedback " << ticket.toStdString() << ": " << s.error().describe().toStdString() << '\n';
        return s;
    }

    ManualClock clock{reportStart()};
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<ReportSeed> seed;
    std::unique_ptr<services::FeedbackService> feedback;
};

TEST_P(FeedbackTest, RatingMustBeOneToFive)
{
    for (int bad : {0, -1, 6, 100}) {
        auto s = rate(QStringLiteral("А-001"), bad);
        ASSERT_FALSE(s.ok()) << bad;
        EXPECT_EQ(s.error().field, QStringLiteral("rating"));
    }
    EXPECT_EQ(rate(QStringLiteral(" "), 5).error().field, QStringLiteral("ticket"));
    EXPECT_EQ(rate(QStringLiteral("А-001"), 5, QString(501, u'x')).error().field, QStringLiteral("comment"));
    for (int r = 1; r <= 3; ++r)
        EXPECT_TRUE(rate(QStringLiteral("А-00%1").arg(r), r).ok());
}

TEST_P(FeedbackTest, OnlyAFinishedVisitOfTodayOncePerVisit)
{
    EXPECT_EQ(rate(QStringLiteral("А-099"), 4).error().field, QStringLiteral("ticket"));   // never issued
    EXPECT_EQ(rate(QStringLiteral("Б-001"), 4).error().field, QStringLiteral("ticket"));   // a no-show
    EXPECT_EQ(rate(QStringLiteral("Б-002"), 4).error().field, QStringLiteral("ticket"));   // still waiting
    ASSERT_TRUE(rate(QStringLiteral("а-001"), 4, QStringLiteral("Швидко й чемно")).ok());    // lower case is the same ticket
    auto again = rate(QStringLiteral("А-001"), 1);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::AlreadyExists);
    clock.set(QDateTime(reportDay().addDays(1), QTime(9, 0)));
    EXPECT_EQ(rate(QStringLiteral("А-002"), 5).error().field, QStringLiteral("ticket"));   // yesterday's ticket
}

TEST_P(FeedbackTest, StoredWithTheVisitNotThePerson)
{
    ASSERT_TRUE(rate(QStringLiteral("А-002"), 5, QStringLiteral("Дякую")).ok());
    const QSqlRecord columns = db->database()->db().record(QStringLiteral("feedback"));
    ASSERT_GT(columns.count(), 0);
    for (int i = 0; i < columns.count(); ++i) {
        const QString name = columns.fieldName(i);
        for (const char *pii : {"applicant", "person", "rnokpp", "surname", "full_name", "phone", "login", "actor", "device"})
            EXPECT_FALSE(name.contains(QString::fromLatin1(pii))) << name.toStdString();
    }
    // The visit's desk and clerk come from the queue; the kiosk that took the rating is not recorded.
    auto q = db->database()->db().exec(QStringLiteral("SELECT ticket_number, desk_name, clerk, rating, comment FROM feedback"));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("А-002"));
    EXPECT_EQ(q.value(1).toString(), QStringLiteral("1"));
    EXPECT_EQ(q.value(2).toString(), QStringLiteral("olena"));
    EXPECT_EQ(q.value(3).toInt(), 5);
    EXPECT_FALSE(q.next());
}

TEST_P(FeedbackTest, EntersTheFeedbackReport)
{
    ASSERT_TRUE(rate(QStringLiteral("А-001"), 5, QStringLiteral("Добре")).ok());
    ASSERT_TRUE(rate(QStringLiteral("А-002"), 4).ok());
    ASSERT_TRUE(rate(QStringLiteral("А-003"), 2, QStringLiteral("Довго чекав")).ok());
    services::ReportService reports(db->database(), clock);
    auto t = reports.run(supervisor(), reports::ReportKind::Feedback, {reportDay(), reportDay()});
    ASSERT_TRUE(t.ok()) << t.error().describe().toStdString();
    ASSERT_EQ(t->rows.size(), 2);  // 10001 and "*"
    const QVariantList &row = t->rows[0];
    EXPECT_EQ(row.at(0).toString(), kSvcA1);
    EXPECT_EQ(row.at(t->columnIndex(QStringLiteral("responses"))).toLongLong(), 3);
    EXPECT_DOUBLE_EQ(row.at(t->columnIndex(QStringLiteral("rating_mean"))).toDouble(), 3.7);
    EXPECT_EQ(row.at(t->columnIndex(QStringLiteral("r2"))).toLongLong(), 1);
    EXPECT_EQ(row.at(t->columnIndex(QStringLiteral("r5"))).toLongLong(), 1);
    EXPECT_EQ(row.at(t->columnIndex(QStringLiteral("with_comment"))).toLongLong(), 2);
    EXPECT_EQ(*t->total, 3);
    reports::ReportFilter byDesk;
    byDesk.desk = QStringLiteral("2");
    auto none = reports.run(supervisor(), reports::ReportKind::Feedback, {reportDay(), reportDay()}, byDesk);
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(*none->total, 0);
}

TEST_P(FeedbackTest, ScreenAtTheDeskOffersTheVisitJustFinished)
{
    // Desk 1 finished А-003 at 10:06:40; at 10:10 the desk's screen offers it.
    clock.set(QDateTime(reportDay(), QTime(10, 10)));
    auto pending = feedback->pendingAtDesk(kiosk(), QStringLiteral("1"));
    ASSERT_TRUE(pending.ok());
    ASSERT_TRUE(pending->has_value());
    EXPECT_EQ(pending->value().ticketNumber, QStringLiteral("А-003"));
    ASSERT_TRUE(rate(QStringLiteral("А-003"), 5).ok());
    pending = feedback->pendingAtDesk(kiosk(), QStringLiteral("1"));
    ASSERT_TRUE(pending.ok());
    EXPECT_EQ(pending->value_or(services::FeedbackVisitInfo{}).ticketNumber, QStringLiteral("А-002"));
    clock.set(QDateTime(reportDay(), QTime(11, 0)));  // too long ago
    pending = feedback->pendingAtDesk(kiosk(), QStringLiteral("1"));
    ASSERT_TRUE(pending.ok());
    EXPECT_FALSE(pending->has_value());
}

TEST_P(FeedbackTest, OnlyRolesWithFeedbackSubmit)
{
    for (const Actor &who : {supervisor(), clerkAt(QStringLiteral("olena"), QStringLiteral("1")),
                             Actor{5, QStringLiteral("root"), Role::Admin, {}}, Actor{4, QStringLiteral("board"), Role::Display, {}}}) {
        EXPECT_EQ(feedback->submit(who, {QStringLiteral("А-001"), 5, {}}).error().code, ErrorCode::PermissionDenied);
        EXPECT_EQ(feedback->pendingAtDesk(who, QStringLiteral("1")).error().code, ErrorCode::PermissionDenied);
    }
}

CNAP_INSTANTIATE_FOR_BACKENDS(FeedbackTest);

} // namespace
} // namespace cnap::test
