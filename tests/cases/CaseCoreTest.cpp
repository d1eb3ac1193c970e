// Pure domain: states, the transition matrix, case numbers, due dates, file types.
#include "core/calendar/WorkingCalendar.h"
#include "core/cases/CaseDeadlines.h"
#include "core/cases/CaseNumber.h"
#include "core/cases/CaseWorkflow.h"
#include "core/documents/FileType.h"

#include "CaseFixture.h"

#include <QSet>

#include <gtest/gtest.h>

using namespace cnap;
using S = CaseState;

namespace {
// The intended matrix, written out independently of allowedTransitions().
const QList<QPair<S, S>> &legalPairs()
{
    static const QList<QPair<S, S>> pairs = {
        {S::Registered, S::SentToProvider}, {S::Registered, S::Withdrawn}, {S::Registered, S::ReturnedIncomplete},
        {S::SentToProvider, S::UnderReview}, {S::SentToProvider, S::Withdrawn}, {S::SentToProvider, S::ReturnedIncomplete},
        {S::UnderReview, S::AwaitingRegistry}, {S::UnderReview, S::Suspended}, {S::UnderReview, S::Granted},
        {S::UnderReview, S::Refused}, {S::UnderReview, S::LeftWithoutConsideration}, {S::UnderReview, S::Withdrawn},
        {S::UnderReview, S::ReturnedIncomplete},
        {S::AwaitingRegistry, S::UnderReview}, {S::AwaitingRegistry, S::Granted}, {S::AwaitingRegistry, S::Refused},
        {S::AwaitingRegistry, S::LeftWithoutConsideration}, {S::AwaitingRegistry, S::Withdrawn},
        {S::Suspended, S::UnderReview}, {S::Suspended, S::LeftWithoutConsideration}, {S::Suspended, S::Withdrawn},
        {S::Granted, S::ResultReceived}, {S::Refused, S::ResultReceived}, {S::LeftWithoutConsideration, S::ResultReceived},
        {S::ResultReceived, S::ApplicantNotified}, {S::ResultReceived, S::Issued}, {S::ResultReceived, S::Posted},
        {S::ApplicantNotified, S::Issued}, {S::ApplicantNotified, S::Posted},
        {S::Issued, S::Closed}, {S::Posted, S::Closed}, {S::Withdrawn, S::Closed}, {S::ReturnedIncomplete, S::Closed},
    };
    return pairs;
}

TransitionRequest complete(S to)
{
    TransitionRequest r;
    r.to = to;
    r.comment = QStringLiteral("підстава: ч. 1 ст. 10 Закону");
    r.issuedTo = QStringLiteral("Шевченко Т. Г.");
    r.issuedDocument = QStringLiteral("паспорт КА123456");
    return r;
}
} // namespace

TEST(CaseStateTest, KeysRoundTripAndNamesAreUkrainian)
{
    QSet<QString> keys;
    for (S s : allCaseStates()) {
        const QString key = caseStateKey(s);
        EXPECT_FALSE(keys.contains(key));
        keys.insert(key);
        EXPECT_EQ(caseStateFromKey(key).value(), s);
        EXPECT_EQ(caseStateFromKey(key.toUpper() + u' ').value(), s);
        EXPECT_FALSE(caseStateDisplayName(s).isEmpty());
    }
    EXPECT_EQ(keys.size(), 15);
    EXPECT_EQ(caseStateKey(S::SentToProvider), QStringLiteral("sent-to-provider"));
    EXPECT_EQ(caseStateDisplayName(S::Refused), QStringLiteral("Відмовлено"));
    auto bad = caseStateFromKey(QStringLiteral("lost"));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().field, QStringLiteral("state"));
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("under-review")));
}

TEST(CaseWorkflowTest, EveryPairIsLegalExactlyWhenTheMatrixSaysSo)
{
    int legal = 0;
    for (S from : allCaseStates()) {
        for (S to : allCaseStates()) {
            const bool expected = legalPairs().contains({from, to});
            EXPECT_EQ(allowedTransitions(from).contains(to), expected) << caseStateKey(from).toStdString() << " -> " << caseStateKey(to).toStdString();
            const Status st = checkTransition(from, complete(to));
            if (expected) {
                ++legal;
                EXPECT_TRUE(st.ok()) << caseStateKey(from).toStdString() << " -> " << caseStateKey(to).toStdString() << ": "
                                     << st.error().message.toStdString();
            } else {
                ASSERT_FALSE(st.ok()) << caseStateKey(from).toStdString() << " -> " << caseStateKey(to).toStdString();
                EXPECT_EQ(st.error().code, ErrorCode::IllegalTransition);
                // The reason names the state the case is in.
                EXPECT_TRUE(st.error().message.contains(caseStateDisplayName(from))) << st.error().message.toStdString();
                if (from != to && from != S::Closed) {
                    EXPECT_TRUE(st.error().message.contains(caseStateDisplayName(to))) << st.error().message.toStdString();
                }
            }
        }
    }
    EXPECT_EQ(legal, legalPairs().size());
    EXPECT_TRUE(allowedTransitions(S::Closed).isEmpty());
    EXPECT_TRUE(isFinal(S::Closed));
}

TEST(CaseWorkflowTest, StepsThatNeedGroundsOrIssuanceDataRefuseWithoutThem)
{
    const QList<QPair<S, S>> needComment = {{S::UnderReview, S::Suspended}, {S::UnderReview, S::Refused},
                                            {S::UnderReview, S::LeftWithoutConsideration}, {S::Registered, S::ReturnedIncomplete}};
    for (const auto &[from, to] : needComment) {
        TransitionRequest r = complete(to);
        r.comment = QStringLiteral("   ");
        const Status st = checkTransition(from, r);
        ASSERT_FALSE(st.ok());
        EXPECT_EQ(st.error().code, ErrorCode::InvalidArgument);
        EXPECT_EQ(st.error().field, QStringLiteral("comment"));
    }
    TransitionRequest issue = complete(S::Issued);
    issue.issuedTo.clear();
    EXPECT_EQ(checkTransition(S::ResultReceived, issue).error().field, QStringLiteral("issuedTo"));
    issue = complete(S::Issued);
    issue.issuedDocument.clear();
    EXPECT_EQ(checkTransition(S::ApplicantNotified, issue).error().field, QStringLiteral("issuedDocument"));
    // A plain step needs nothing.
    TransitionRequest send;
    send.to = S::SentToProvider;
    EXPECT_TRUE(checkTransition(S::Registered, send).ok());
}

TEST(CaseNumberTest, PatternFormatsAndRejectsBadPatterns)
{
    EXPECT_EQ(formatCaseNumber(QString::fromUtf16(kDefaultCaseNumberPattern), QStringLiteral("01"), 2026, 42).value(),
              QStringLiteral("01-2026-000042"));
    EXPECT_EQ(formatCaseNumber(QStringLiteral("ЦНАП/{year}/{seq}"), QStringLiteral("x"), 2026, 7).value(), QStringLiteral("ЦНАП/2026/7"));
    EXPECT_EQ(formatCaseNumber(QStringLiteral("{journal}{year}{seq:03}"), QStringLiteral("A"), 2026, 12345).value(),
              QStringLiteral("A202612345"));
    for (const QString &bad : {QStringLiteral("{journal}-{seq}"), QStringLiteral("{year}"), QStringLiteral("{year}-{seq:013}"),
                               QStringLiteral("{year}-{seq}-{month}"), QStringLiteral("{year}-{seq"), QString()}) {
        const Status st = validateCaseNumberPattern(bad);
        ASSERT_FALSE(st.ok()) << bad.toStdString();
        EXPECT_EQ(st.error().field, QStringLiteral("numberPattern"));
    }
    EXPECT_FALSE(formatCaseNumber(QStringLiteral("{year}-{seq}"), QStringLiteral("01"), 2026, 0).ok());
    EXPECT_TRUE(validateJournalKey(QStringLiteral("ЦНАП-1")).ok());
    EXPECT_FALSE(validateJournalKey(QStringLiteral("a b")).ok());
    EXPECT_FALSE(validateJournalKey(QStringLiteral("x'; DROP TABLE cases; --")).ok());
}

TEST(CaseDeadlinesTest, DueDatesFollowTheCardTermAndArticle33)
{
    WorkingCalendar cal;  // martial law: weekends only
    const QDate monday(2026, 3, 2);
    // 10 working days from the day after: 3..6, 9..13, 16 March.
    EXPECT_EQ(registrationDueDate(cal, monday, 10, QStringLiteral("working-days")).value(), QDate(2026, 3, 16));
    // 30 calendar days end on 1 April (Wednesday).
    EXPECT_EQ(registrationDueDate(cal, monday, 30, QStringLiteral("calendar-days")).value(), QDate(2026, 4, 1));
    // 5 calendar days end on Saturday 7 March: moved to Monday 9 March (Art. 33 part 3).
    EXPECT_EQ(registrationDueDate(cal, monday, 5, QStringLiteral("calendar-days")).value(), QDate(2026, 3, 9));
    // The catalogue's "auto" (term 0): on the spot.
    EXPECT_EQ(registrationDueDate(cal, monday, 0, QStringLiteral("auto")).value(), monday);
    EXPECT_FALSE(registrationDueDate(cal, monday, -1, QStringLiteral("working-days")).ok());
    EXPECT_FALSE(registrationDueDate(cal, monday, 5, QStringLiteral("fortnights")).ok());
    EXPECT_FALSE(registrationDueDate(cal, QDate(), 5, QStringLiteral("working-days")).ok());
}

TEST(CaseDeadlinesTest, FlagsNearAndPastDueOnlyWhileTheTermRuns)
{
    WorkingCalendar cal;
    const QDate due(2026, 3, 16);  // Monday
    EXPECT_EQ(dueFlag(cal, S::UnderReview, due, QDate(2026, 3, 2)), DueFlag::None);
    EXPECT_EQ(dueFlag(cal, S::UnderReview, due, QDate(2026, 3, 13)), DueFlag::NearDue);  // Fri + Mon: 2 working days
    EXPECT_EQ(dueFlag(cal, S::UnderReview, due, due), DueFlag::NearDue);
    EXPECT_EQ(dueFlag(cal, S::UnderReview, due, due.addDays(1)), DueFlag::Overdue);
    EXPECT_EQ(dueFlag(cal, S::Registered, due, due.addDays(10)), DueFlag::Overdue);
    EXPECT_EQ(dueFlag(cal, S::Suspended, due, due.addDays(10)), DueFlag::None);
    EXPECT_EQ(dueFlag(cal, S::Granted, due, due.addDays(10)), DueFlag::None);
    EXPECT_EQ(dueFlag(cal, S::Closed, due, due.addDays(10)), DueFlag::None);
}

TEST(CaseDeadlinesTest, SuspensionAddsTheDaysItStoodStill)
{
    WorkingCalendar cal;
    // Suspended Tue 3 March, resumed Tue 10 March: 7 days back on top of 16 March → 23 March.
    EXPECT_EQ(dueDateAfterSuspension(cal, QDate(2026, 3, 16), QDate(2026, 3, 3), QDate(2026, 3, 10)), QDate(2026, 3, 23));
    // 5 days from 16 March is Saturday 21st → Monday 23rd.
    EXPECT_EQ(dueDateAfterSuspension(cal, QDate(2026, 3, 16), QDate(2026, 3, 3), QDate(2026, 3, 8)), QDate(2026, 3, 23));
    // Resumed the same day: nothing moves.
    EXPECT_EQ(dueDateAfterSuspension(cal, QDate(2026, 3, 16), QDate(2026, 3, 3), QDate(2026, 3, 3)), QDate(2026, 3, 16));
}

TEST(FileTypeTest, DetectsByContentNotByName)
{
    EXPECT_EQ(detectFileType(test::samplePdf()), FileType::Pdf);
    EXPECT_EQ(detectFileType(test::sampleJpeg()), FileType::Jpeg);
    EXPECT_EQ(detectFileType(test::samplePng()), FileType::Png);
    EXPECT_EQ(detectFileType(test::sampleTiff()), FileType::Tiff);
    EXPECT_EQ(detectFileType(QByteArray("MM\x00\x2A\x00\x00\x00\x08", 8)), FileType::Tiff);
    EXPECT_EQ(detectFileType(QByteArray("PK\x03\x04 docx", 9)), FileType::Unknown);
    EXPECT_EQ(detectFileType(QByteArray("%PD", 3)), FileType::Unknown);
    EXPECT_EQ(detectFileType(QByteArray()), FileType::Unknown);
    EXPECT_EQ(fileTypeMime(FileType::Tiff), QStringLiteral("image/tiff"));
    EXPECT_EQ(fileTypeFromExtension(QStringLiteral("СКАН.JPEG")), FileType::Jpeg);
}

TEST(FileTypeTest, AttachmentChecksNameTheFieldAndTheFile)
{
    const qint64 limit = 1024;
    EXPECT_EQ(checkAttachment(QStringLiteral("attachments[0]"), QStringLiteral("a.pdf"), test::samplePdf(), limit).value(), FileType::Pdf);
    EXPECT_EQ(checkAttachment(QStringLiteral("attachments[0]"), QStringLiteral("scan"), test::samplePng(), limit).value(), FileType::Png);

    auto fake = checkAttachment(QStringLiteral("attachments[1]"), QStringLiteral("довідка.pdf"), QByteArray("PK\x03\x04 word", 9), limit);
    ASSERT_FALSE(fake.ok());
    EXPECT_EQ(fake.error().field, QStringLiteral("attachments[1]"));
    EXPECT_TRUE(fake.error().message.contains(QStringLiteral("довідка.pdf")));
    EXPECT_TRUE(fake.error().message.contains(QStringLiteral("PDF")));

    auto mismatch = checkAttachment(QStringLiteral("attachments[2]"), QStringLiteral("photo.png"), test::sampleJpeg(), limit);
    ASSERT_FALSE(mismatch.ok());
    EXPECT_TRUE(mismatch.error().message.contains(QStringLiteral("JPEG")));

    auto unsupported = checkAttachment(QStringLiteral("attachments[0]"), QStringLiteral("лист.docx"), QByteArray("PK\x03\x04", 4), limit);
    ASSERT_FALSE(unsupported.ok());
    EXPECT_TRUE(unsupported.error().message.contains(QStringLiteral("TIFF")));

    QByteArray big = test::samplePdf();
    big.append(QByteArray(2048, 'x'));
    auto oversized = checkAttachment(QStringLiteral("attachments[0]"), QStringLiteral("big.pdf"), big, limit);
    ASSERT_FALSE(oversized.ok());
    EXPECT_TRUE(oversized.error().message.contains(QStringLiteral("завеликий")));
    EXPECT_FALSE(checkAttachment(QStringLiteral("attachments[0]"), QStringLiteral("e.pdf"), QByteArray(), limit).ok());
}
