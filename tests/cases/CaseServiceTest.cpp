// The case service on both backends: registration as one transaction, the
// lifecycle, optimistic locking, numbering under concurrency, list and search,
// permissions, the integrity check.
#include "services/CaseService.h"
#include "services/cases/CaseDemo.h"
#include "services/cases/OutboundMessageSink.h"
#include "storage/CaseRepository.h"
#include "storage/Sql.h"

#include "CaseFixture.h"

#include <QDir>
#include <QFile>
#include <QSet>

#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

using namespace cnap;
using namespace cnap::services;
using cnap::test::Backend;
using cnap::test::CaseFixture;

namespace {
Actor clerk()
{
    Actor a;
    a.userId = 5;
    a.login = QStringLiteral("clerk1");
    a.role = Role::Clerk;
    a.desk = QStringLiteral("3");
    return a;
}

Actor withRole(Role r)
{
    Actor a = clerk();
    a.role = r;
    a.login = roleKey(r);
    return a;
}

TransitionRequest to(CaseState s, const QString &comment = {})
{
    TransitionRequest r;
    r.to = s;
    r.comment = comment;
    return r;
}

/// Counts calls; fails when told to (a registry message that cannot be stored).
class FakeSink final : public OutboundMessageSink {
public:
    Status enqueue(storage::Transaction &, const OutboundCaseMessage &m) override
    {
        ++calls;
        last = m;
        if (fail)
            return Error::make(ErrorCode::Database, QStringLiteral("outbox unavailable"));
        return {};
    }
    int calls = 0;
    bool fail = false;
    OutboundCaseMessage last;
};
} // namespace

class CaseServiceTest : public ::testing::TestWithParam<Backend> {};

TEST_P(CaseServiceTest, RegistersTheCaseWithDocumentsChecklistHistoryAndNumber)
{
    CaseFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    RegistrationRequest req = test::sampleRequest(1);
    req.attachments.append({QStringLiteral("скан.jpg"), test::sampleJpeg()});
    req.checklist = {ChecklistItem{{}, true, true, DocumentForm::Original, 2}, ChecklistItem{{}, true, true, DocumentForm::Copy, 1}};
    auto r = f.service().registerCase(clerk(), req);
    ASSERT_TRUE(r.ok()) << r.error().describe().toStdString();
    const CaseDetails &d = r->details;
    EXPECT_TRUE(r->applicantCreated);
    EXPECT_EQ(d.summary.number, QStringLiteral("01-2026-000001"));
    EXPECT_EQ(d.summary.state, CaseState::Registered);
    EXPECT_EQ(d.summary.dueDate, QDate(2026, 3, 16));
    EXPECT_EQ(d.summary.serviceCode, test::kFreeService);
    EXPECT_EQ(d.summary.applicantName, QStringLiteral("Шевченко Тарас Григорович"));
    EXPECT_EQ(d.summary.version, 1);
    ASSERT_EQ(d.documents.size(), 2);
    EXPECT_EQ(d.documents[0].mimeType, QStringLiteral("application/pdf"));
    EXPECT_EQ(d.documents[1].mimeType, QStringLiteral("image/jpeg"));
    EXPECT_TRUE(f.service().store().verify(d.documents[1].sha256).value());
    ASSERT_EQ(d.checklist.size(), 2);
    EXPECT_EQ(d.checklist[0].name, QStringLiteral("Заява"));
    EXPECT_EQ(d.checklist[1].form, DocumentForm::Copy);
    ASSERT_EQ(d.history.size(), 1);
    EXPECT_EQ(d.history[0].event, QStringLiteral("registered"));
    EXPECT_EQ(d.history[0].actor, QStringLiteral("clerk1"));
    EXPECT_EQ(d.desk, QStringLiteral("3"));
    EXPECT_GE(f.rows(QStringLiteral("audit_log")), 1);

    // The same person again: found, not created; the journal counts on.
    auto again = f.service().registerCase(clerk(), test::sampleRequest(1));
    ASSERT_TRUE(again.ok()) << again.error().describe().toStdString();
    EXPECT_FALSE(again->applicantCreated);
    EXPECT_EQ(again->details.summary.applicantId, d.summary.applicantId);
    EXPECT_EQ(again->details.summary.number, QStringLiteral("01-2026-000002"));
    EXPECT_EQ(f.rows(QStringLiteral("applicants")), 1);
    // Same PDF bytes (serial 1): stored once.
    EXPECT_EQ(f.service().store().list().size(), 2);

    auto inv = f.service().inventory(clerk(), d.summary.number);
    ASSERT_TRUE(inv.ok());
    EXPECT_EQ(inv->documents.size(), 2);
    EXPECT_EQ(inv->totalSheets, 3);
    EXPECT_EQ(inv->attachedFiles, 2);
    EXPECT_EQ(inv->administratorName, QStringLiteral("Іваненко О. П."));
    EXPECT_EQ(inv->providerName, QStringLiteral("Виконавчий комітет міської ради"));
    EXPECT_EQ(inv->dueDate, QDate(2026, 3, 16));
    EXPECT_EQ(f.service().documentContent(clerk(), d.summary.number, 2).value(), test::sampleJpeg());
    EXPECT_EQ(f.service().documentContent(clerk(), d.summary.number, 3).error().code, ErrorCode::NotFound);
}

TEST_P(CaseServiceTest, BadFilesAreRefusedAtTheirFieldAndNothingIsWritten)
{
    services::CaseServiceOptions small;
    small.maxAttachmentBytes = 4096;
    CaseFixture f(GetParam(), small);
    ASSERT_TRUE(f.ok());

    RegistrationRequest fake = test::sampleRequest(2);
    fake.attachments.append({QStringLiteral("довідка.pdf"), QByteArray("PK\x03\x04 this is a Word file", 26)});
    auto r = f.service().registerCase(clerk(), fake);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, QStringLiteral("attachments[1]"));
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("довідка.pdf")));

    RegistrationRequest big = test::sampleRequest(3);
    big.attachments.append({QStringLiteral("великий.tiff"), test::sampleTiff() + QByteArray(8192, '\0')});
    r = f.service().registerCase(clerk(), big);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, QStringLiteral("attachments[1]"));

    for (const char *table : {"cases", "case_documents", "case_history", "case_checklist", "case_journals", "applicants"})
        EXPECT_EQ(f.rows(QString::fromLatin1(table)), 0) << table;
    EXPECT_TRUE(f.service().store().list().isEmpty());
}

TEST_P(CaseServiceTest, OtherBadInputNamesTheField)
{
    CaseFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    struct Case {
        std::function<void(RegistrationRequest &)> spoil;
        QString field;
    };
    const std::vector<Case> cases = {
        {[](RegistrationRequest &r) { r.serviceCode = QStringLiteral("99999"); }, QStringLiteral("serviceCode")},
        {[](RegistrationRequest &r) { r.serviceCode = QStringLiteral("abc"); }, QStringLiteral("serviceCode")},
        {[](RegistrationRequest &r) { r.serviceCode = test::kPaidService; }, QStringLiteral("paymentEvidence")},
        {[](RegistrationRequest &r) { r.delivery = DeliveryMethod::Post; }, QStringLiteral("contact")},
        {[](RegistrationRequest &r) { r.delivery = DeliveryMethod::Email; r.contact = QStringLiteral("не адреса"); }, QStringLiteral("contact")},
        {[](RegistrationRequest &r) { r.channel = IntakeChannel::Representative; }, QStringLiteral("representative")},
        {[](RegistrationRequest &r) { r.checklist = {ChecklistItem{}}; }, QStringLiteral("checklist")},
        {[](RegistrationRequest &r) { r.checklist = {ChecklistItem{{}, true, true, DocumentForm::Original, 0}, ChecklistItem{}}; },
         QStringLiteral("checklist[0].sheets")},
        {[](RegistrationRequest &r) { r.applicant.candidate->rnokpp = QStringLiteral("1234567890"); }, QStringLiteral("rnokpp")},
        {[](RegistrationRequest &r) { r.applicant.candidate->birthDate = QDate(1990, 2, 30); }, QStringLiteral("birthDate")},
        {[](RegistrationRequest &r) { r.applicant.candidate.reset(); }, QStringLiteral("applicant")},
        {[](RegistrationRequest &r) { r.applicant.existingId = 424242; }, QStringLiteral("applicant")},
    };
    for (const Case &c : cases) {
        RegistrationRequest req = test::sampleRequest(4);
        c.spoil(req);
        auto r = f.service().registerCase(clerk(), req);
        ASSERT_FALSE(r.ok()) << c.field.toStdString();
        EXPECT_EQ(r.error().field, c.field) << r.error().describe().toStdString();
        EXPECT_FALSE(r.error().message.isEmpty());
    }
    EXPECT_EQ(f.rows(QStringLiteral("cases")), 0);
    EXPECT_EQ(f.rows(QStringLiteral("case_journals")), 0);
    // A paid service with its receipt goes through; due 30 calendar days later.
    RegistrationRequest paid = test::sampleRequest(4);
    paid.serviceCode = test::kPaidService;
    paid.paymentEvidence = QStringLiteral("квитанція № 0012345");
    auto ok = f.service().registerCase(clerk(), paid);
    ASSERT_TRUE(ok.ok()) << ok.error().describe().toStdString();
    EXPECT_EQ(ok->details.feeKopecks, 8500);
    EXPECT_EQ(ok->details.summary.dueDate, QDate(2026, 4, 1));
}

TEST_P(CaseServiceTest, AFailureInsideTheTransactionLeavesNoCaseAndNoNumberUsed)
{
    FakeSink sink;
    sink.fail = true;
    services::CaseServiceOptions o;
    o.outbound = &sink;
    CaseFixture f(GetParam(), o);
    ASSERT_TRUE(f.ok());
    RegistrationRequest req = test::sampleRequest(5);
    req.serviceCode = test::kRegistryService;
    req.attachments.append({QStringLiteral("b.png"), test::samplePng()});
    req.attachments.append({QStringLiteral("c.tif"), test::sampleTiff()});
    auto r = f.service().registerCase(clerk(), req);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(sink.calls, 1);  // reached after case, documents and history were written
    for (const char *table : {"cases", "case_documents", "case_history", "case_checklist", "case_journals"})
        EXPECT_EQ(f.rows(QString::fromLatin1(table)), 0) << table;

    // The files were written first; they stay unreferenced, which check() accepts.
    auto report = f.service().check(Actor::system());
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->ok()) << report->problems.join(u'\n').toStdString();
    EXPECT_EQ(report->filesUnreferenced, 3);

    // The number was not consumed; the message is stored with the next case.
    sink.fail = false;
    auto ok = f.service().registerCase(clerk(), req);
    ASSERT_TRUE(ok.ok()) << ok.error().describe().toStdString();
    EXPECT_EQ(ok->details.summary.number, QStringLiteral("01-2026-000001"));
    EXPECT_EQ(sink.calls, 2);
    EXPECT_EQ(sink.last.caseNumber, ok->details.summary.number);
    EXPECT_EQ(sink.last.registry.serviceCode, QStringLiteral("TerritorialCommunityExtract"));
    EXPECT_EQ(ok->details.summary.dueDate, QDate(2026, 3, 9));
    // Free, non-registry services never call the sink.
    ASSERT_TRUE(f.service().registerCase(clerk(), test::sampleRequest(6)).ok());
    EXPECT_EQ(sink.calls, 2);
}

TEST_P(CaseServiceTest, JournalNumbersStayGapFreeUnderEightConcurrentDesks)
{
    CaseFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    constexpr int kThreads = 8;
    constexpr int kEach = 6;
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    std::vector<QStringList> numbers(kThreads);
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                auto r = f.service().registerCase(clerk(), test::sampleRequest(100 + t * kEach + i));
                if (r)
                    numbers[size_t(t)] << r->details.summary.number;
                else
                    ++failures;
            }
            f.database().database()->releaseThreadConnection();
        });
    }
    for (auto &th : threads)
        th.join();
    EXPECT_EQ(failures.load(), 0);
    QSet<QString> all;
    for (const QStringList &l : numbers)
        for (const QString &n : l)
            all.insert(n);
    ASSERT_EQ(all.size(), kThreads * kEach);
    for (int seq = 1; seq <= kThreads * kEach; ++seq)
        EXPECT_TRUE(all.contains(QStringLiteral("01-2026-%1").arg(seq, 6, 10, QLatin1Char('0')))) << seq;
    auto report = f.service().check(Actor::system());
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->ok()) << report->problems.join(u'\n').toStdString();
}

TEST_P(CaseServiceTest, LifecycleRecordsWhoWhenWhyAndMovesTheDueDate)
{
    CaseFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    auto reg = f.service().registerCase(clerk(), test::sampleRequest(7));
    ASSERT_TRUE(reg.ok());
    const QString n = reg->details.summary.number;
    auto step = [&](TransitionRequest r) {
        auto d = f.service().transition(clerk(), n, 0, r);
        EXPECT_TRUE(d.ok()) << caseStateKey(r.to).toStdString() << ": " << (d ? std::string() : d.error().describe().toStdString());
        return d;
    };
    auto go = [&](TransitionRequest r) { static_cast<void>(step(std::move(r))); };
    go(to(CaseState::SentToProvider));
    go(to(CaseState::UnderReview));
    f.clock().set(QDateTime(QDate(2026, 3, 3), QTime(9, 0), QTimeZone::utc()));
    auto suspended = step(to(CaseState::Suspended, QStringLiteral("запит додаткових відомостей")));
    ASSERT_TRUE(suspended.ok());
    EXPECT_EQ(suspended->suspendedSince, QDate(2026, 3, 3));
    f.clock().set(QDateTime(QDate(2026, 3, 10), QTime(9, 0), QTimeZone::utc()));
    auto resumed = step(to(CaseState::UnderReview));
    ASSERT_TRUE(resumed.ok());
    EXPECT_EQ(resumed->summary.dueDate, QDate(2026, 3, 23));
    EXPECT_FALSE(resumed->suspendedSince.has_value());

    auto noReason = f.service().extendDueDate(clerk(), n, 0, QDate(2026, 4, 10), QStringLiteral(" "));
    EXPECT_EQ(noReason.error().field, QStringLiteral("legalReason"));
    auto earlier = f.service().extendDueDate(clerk(), n, 0, QDate(2026, 3, 20), QStringLiteral("ст. 10 Закону"));
    EXPECT_EQ(earlier.error().field, QStringLiteral("dueDate"));
    auto extended = f.service().extendDueDate(clerk(), n, 0, QDate(2026, 4, 11), QStringLiteral("продовжено рішенням керівника"));
    ASSERT_TRUE(extended.ok()) << extended.error().describe().toStdString();
    EXPECT_EQ(extended->summary.dueDate, QDate(2026, 4, 13));  // Saturday 11th → Monday 13th

    go(to(CaseState::Granted));
    go(to(CaseState::ResultReceived));
    auto notIssued = f.service().transition(clerk(), n, 0, to(CaseState::Issued));
    EXPECT_EQ(notIssued.error().field, QStringLiteral("issuedTo"));
    TransitionRequest issue = to(CaseState::Issued);
    issue.issuedTo = QStringLiteral("Шевченко Т. Г. особисто");
    issue.issuedDocument = QStringLiteral("паспорт ID 000000001");
    auto issued = step(issue);
    ASSERT_TRUE(issued.ok());
    EXPECT_EQ(issued->issuedTo, issue.issuedTo);
    EXPECT_EQ(issued->issuedDocument, issue.issuedDocument);
    EXPECT_TRUE(issued->issuedAt.has_value());
    auto closed = step(to(CaseState::Closed));
    ASSERT_TRUE(closed.ok());
    ASSERT_EQ(closed->history.size(), 10);
    EXPECT_EQ(closed->history[3].toState, CaseState::Suspended);
    EXPECT_EQ(closed->history[3].comment, QStringLiteral("запит додаткових відомостей"));
    EXPECT_EQ(closed->history[4].dueBefore, QDate(2026, 3, 16));
    EXPECT_EQ(closed->history[4].dueAfter, QDate(2026, 3, 23));
    EXPECT_EQ(closed->history[5].event, QStringLiteral("due-extended"));
    EXPECT_EQ(closed->summary.version, 10);

    auto after = f.service().transition(clerk(), n, 0, to(CaseState::UnderReview));
    ASSERT_FALSE(after.ok());
    EXPECT_EQ(after.error().code, ErrorCode::IllegalTransition);
    EXPECT_EQ(f.service().transition(clerk(), QStringLiteral("01-2026-999999"), 0, to(CaseState::Closed)).error().code,
              ErrorCode::NotFound);
}

TEST_P(CaseServiceTest, SecondClerkGetsAConflictAndNothingIsLost)
{
    CaseFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    auto reg = f.service().registerCase(clerk(), test::sampleRequest(8));
    ASSERT_TRUE(reg.ok());
    const QString n = reg->details.summary.number;
    const int seen = reg->details.summary.version;  // both clerks opened version 1
    auto first = f.service().transition(clerk(), n, seen, to(CaseState::SentToProvider, QStringLiteral("кур'єром")));
    ASSERT_TRUE(first.ok());
    auto second = f.service().transition(withRole(Role::Supervisor), n, seen, to(CaseState::Withdrawn));
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, ErrorCode::Conflict);
    EXPECT_TRUE(second.error().message.contains(n));
    auto now = f.service().get(clerk(), n);
    ASSERT_TRUE(now.ok());
    EXPECT_EQ(now->summary.state, CaseState::SentToProvider);
    EXPECT_EQ(now->history.size(), 2);
    EXPECT_EQ(now->history[1].comment, QStringLiteral("кур'єром"));

    // The race the service cannot see: the row changes between read and write.
    storage::CaseRepository repo(f.database().database());
    storage::CaseChange stale;
    stale.caseId = now->summary.id;
    stale.expectedVersion = 1;
    stale.state = CaseState::Withdrawn;
    stale.dueDate = now->summary.dueDate;
    stale.at = f.clock().now();
    stale.history.actor = QStringLiteral("x");
    stale.history.event = QStringLiteral("transition");
    stale.history.toState = CaseState::Withdrawn;
    auto tx = storage::Transaction::begin(f.database().database()->db());
    ASSERT_TRUE(tx.ok());
    auto applied = repo.applyChange(stale);
    ASSERT_FALSE(applied.ok());
    EXPECT_EQ(applied.error().code, ErrorCode::Conflict);
}

TEST_P(CaseServiceTest, ListPagesByKeyAndFlagsOverdue)
{
    CaseFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    QStringList registered;
    for (int i = 0; i < 7; ++i) {
        f.clock().advanceSecs(60);
        RegistrationRequest req = test::sampleRequest(20 + i);
        if (i % 2)
            req.serviceCode = test::kRegistryService;
        auto r = f.service().registerCase(clerk(), req);
        ASSERT_TRUE(r.ok()) << r.error().describe().toStdString();
        registered << r->details.summary.number;
    }
    ASSERT_TRUE(f.service().transition(clerk(), registered[0], 0, to(CaseState::Withdrawn)).ok());

    CaseListQuery q;
    q.limit = 3;
    QStringList seen;
    int pages = 0;
    while (true) {
        auto page = f.service().list(clerk(), q);
        ASSERT_TRUE(page.ok()) << page.error().describe().toStdString();
        ++pages;
        for (const CaseSummary &s : page->rows)
            seen << s.number;
        if (!page->next)
            break;
        q.after = page->next;
    }
    EXPECT_EQ(pages, 3);
    QStringList newestFirst = registered;
    std::reverse(newestFirst.begin(), newestFirst.end());
    EXPECT_EQ(seen, newestFirst);

    CaseListQuery byDue;
    byDue.sort = CaseSort::DueAsc;
    byDue.limit = 2;
    auto due = f.service().list(clerk(), byDue);
    ASSERT_TRUE(due.ok());
    EXPECT_EQ(due->rows[0].serviceCode, test::kRegistryService);  // 5 working days < 10
    byDue.after = due->next;
    auto due2 = f.service().list(clerk(), byDue);
    ASSERT_TRUE(due2.ok());
    EXPECT_LE(due->rows[1].dueDate, due2->rows[0].dueDate);

    CaseListQuery byService;
    byService.serviceCode = test::kRegistryService;
    EXPECT_EQ(f.service().list(clerk(), byService)->rows.size(), 3);
    CaseListQuery byState;
    byState.states = {CaseState::Withdrawn};
    EXPECT_EQ(f.service().list(clerk(), byState)->rows.size(), 1);

    // 11 March: the registry cases (due 9 March) are overdue, the withdrawn one never is.
    f.clock().set(QDateTime(QDate(2026, 3, 11), QTime(9, 0), QTimeZone::utc()));
    CaseListQuery overdue;
    overdue.overdueOnly = true;
    auto late = f.service().list(clerk(), overdue);
    ASSERT_TRUE(late.ok());
    EXPECT_EQ(late->rows.size(), 3);
    for (const CaseSummary &s : late->rows)
        EXPECT_EQ(s.dueFlag, DueFlag::Overdue);
    auto all = f.service().list(clerk(), CaseListQuery{});
    int near = 0;
    for (const CaseSummary &s : all->rows)
        near += s.dueFlag == DueFlag::NearDue;
    EXPECT_EQ(near, 0);
    CaseListQuery bad;
    bad.limit = 0;
    EXPECT_EQ(f.service().list(clerk(), bad).error().field, QStringLiteral("limit"));
}

TEST_P(CaseServiceTest, SearchByCodeNumberAndSurnamePrefixAndResistsInjection)
{
    CaseFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    const QStringList surnames = {QStringLiteral("Шевченко"), QStringLiteral("Шевчук"), QStringLiteral("Коваленко"),
                                  QStringLiteral("Дем'яненко")};
    QStringList numbers;
    QStringList codes;
    for (int i = 0; i < surnames.size(); ++i) {
        RegistrationRequest req = test::sampleRequest(40 + i);
        req.applicant.candidate = test::samplePerson(40 + i, surnames[i]);
        auto r = f.service().registerCase(clerk(), req);
        ASSERT_TRUE(r.ok()) << r.error().describe().toStdString();
        numbers << r->details.summary.number;
        codes << r->details.summary.applicantCode;
    }
    EXPECT_EQ(f.service().search(clerk(), QStringLiteral("шевч"))->size(), 2);
    EXPECT_EQ(f.service().search(clerk(), QStringLiteral("ШЕВЧЕНКО"))->size(), 1);
    EXPECT_EQ(f.service().search(clerk(), QStringLiteral("демʼян"))->size(), 1);  // another apostrophe
    auto byCode = f.service().search(clerk(), codes[2]);
    ASSERT_EQ(byCode->size(), 1);
    EXPECT_EQ(byCode->first().number, numbers[2]);
    auto byNumber = f.service().search(clerk(), QStringLiteral(" ") + numbers[3]);
    ASSERT_EQ(byNumber->size(), 1);
    EXPECT_EQ(byNumber->first().applicantName.left(10), QStringLiteral("Дем'яненко"));
    EXPECT_TRUE(f.service().search(clerk(), QStringLiteral("01-2026-999999"))->isEmpty());

    for (const QString &evil : {QStringLiteral("' OR 1=1 --"), QStringLiteral("Шевч%"), QStringLiteral("_"),
                                QStringLiteral("x'); DROP TABLE cases; --"), QString(numbers[0] + QStringLiteral("' OR '1'='1")),
                                QStringLiteral("1234567890' OR applicant_code IS NOT NULL --")}) {
        auto r = f.service().search(clerk(), evil);
        ASSERT_TRUE(r.ok()) << evil.toStdString() << ": " << r.error().describe().toStdString();
        EXPECT_TRUE(r->isEmpty()) << evil.toStdString();
    }
    EXPECT_EQ(f.rows(QStringLiteral("cases")), 4);
    EXPECT_EQ(f.service().search(clerk(), QStringLiteral("  ")).error().field, QStringLiteral("search"));
}

TEST_P(CaseServiceTest, EveryMethodChecksPermissions)
{
    CaseFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    auto reg = f.service().registerCase(clerk(), test::sampleRequest(60));
    ASSERT_TRUE(reg.ok());
    const QString n = reg->details.summary.number;
    for (Role role : {Role::Kiosk, Role::Display}) {
        const Actor a = withRole(role);
        auto denied = [&](ErrorCode c) { EXPECT_EQ(c, ErrorCode::PermissionDenied) << roleKey(role).toStdString(); };
        denied(f.service().registerCase(a, test::sampleRequest(61)).error().code);
        denied(f.service().transition(a, n, 0, to(CaseState::SentToProvider)).error().code);
        denied(f.service().extendDueDate(a, n, 0, QDate(2026, 5, 1), QStringLiteral("x")).error().code);
        denied(f.service().get(a, n).error().code);
        denied(f.service().list(a, CaseListQuery{}).error().code);
        denied(f.service().search(a, QStringLiteral("шев")).error().code);
        denied(f.service().inventory(a, n).error().code);
        denied(f.service().documentContent(a, n, 1).error().code);
        denied(f.service().check(a).error().code);
    }
    // The integrity check is an administrator's tool, not a clerk's.
    EXPECT_EQ(f.service().check(clerk()).error().code, ErrorCode::PermissionDenied);
    EXPECT_TRUE(f.service().check(withRole(Role::Admin)).ok());
    EXPECT_EQ(f.rows(QStringLiteral("cases")), 1);
    EXPECT_EQ(f.service().get(clerk(), n)->summary.state, CaseState::Registered);
}

TEST_P(CaseServiceTest, CheckFindsMissingFilesAndJournalGaps)
{
    CaseFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    auto reg = f.service().registerCase(clerk(), test::sampleRequest(70));
    ASSERT_TRUE(reg.ok());
    auto clean = f.service().check(Actor::system());
    ASSERT_TRUE(clean.ok());
    EXPECT_TRUE(clean->ok()) << clean->problems.join(u'\n').toStdString();
    EXPECT_EQ(clean->cases, 1);
    EXPECT_EQ(clean->filesReferenced, 1);

    QFile::remove(f.service().store().pathFor(reg->details.documents[0].sha256));
    ASSERT_TRUE(storage::exec(f.database().database()->db(), QStringLiteral("UPDATE case_journals SET last_seq = last_seq + 1")).ok());
    ASSERT_TRUE(storage::exec(f.database().database()->db(), QStringLiteral("DELETE FROM case_checklist WHERE position = 2")).ok());
    auto broken = f.service().check(Actor::system());
    ASSERT_TRUE(broken.ok());
    EXPECT_EQ(broken->problems.size(), 3) << broken->problems.join(u'\n').toStdString();
}

TEST_P(CaseServiceTest, DemoFillLeavesASoundDatabaseThatRegistrationContinues)
{
    CaseFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    auto filled = CaseDemo::fill(f.database().database(), f.service().store(), 1200, QDate(2026, 3, 2));
    ASSERT_TRUE(filled.ok()) << filled.error().describe().toStdString();
    EXPECT_EQ(filled->cases, 1200);
    EXPECT_EQ(filled->applicants, 600);
    EXPECT_GT(filled->historyRows, 1200);
    EXPECT_EQ(f.rows(QStringLiteral("cases")), 1200);
    auto report = f.service().check(Actor::system());
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->ok()) << report->problems.join(u'\n').toStdString();
    EXPECT_EQ(report->filesReferenced, 4);
    // Both years are numbered from 1; a new registration continues 2026.
    auto next = f.service().registerCase(clerk(), test::sampleRequest(90));
    ASSERT_TRUE(next.ok()) << next.error().describe().toStdString();
    EXPECT_GT(next->details.summary.seq, 1);
    EXPECT_TRUE(f.service().check(Actor::system())->ok());
    // Demo cases are searchable and flagged like any other.
    EXPECT_FALSE(f.service().search(clerk(), QStringLiteral("шевч"))->isEmpty());
    EXPECT_EQ(CaseDemo::fill(f.database().database(), f.service().store(), 0).error().field, QStringLiteral("--cases"));
}

CNAP_INSTANTIATE_FOR_BACKENDS(CaseServiceTest);
