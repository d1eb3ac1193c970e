// The read-only audit viewer: model contract, paging, filters, chain check and
// anchor export through the worker thread, refusals for roles without the
// permission, and the page's binding.

#include "AdminFixture.h"

#include "gui/admin/AuditController.h"
#include "gui/admin/AuditModel.h"
#include "gui/admin/AuditPage.h"
#include "security/AuditLog.h"
#include "storage/Sql.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace cnap;
using namespace cnap::test;
using gui::admin::AuditController;
using gui::admin::AuditModel;

namespace {

security::AuditEntry entry(qint64 seq, const QString &details = {})
{
    security::AuditEntry e;
    e.seq = seq;
    e.at = QDateTime(QDate(2024, 5, 1), QTime(9, 0), QTimeZone::utc()).addSecs(seq);
    e.login = QStringLiteral("clerk1");
    e.role = QStringLiteral("clerk");
    e.desk = QStringLiteral("2");
    e.action = QStringLiteral("case-open");
    e.objectType = QStringLiteral("case");
    e.objectId = QStringLiteral("2024-000%1").arg(seq);
    e.details = details;
    e.hash = QString(64, u'a');
    return e;
}

std::vector<security::AuditEntry> entries(qint64 newest, int count)
{
    std::vector<security::AuditEntry> out;
    for (int i = 0; i < count; ++i)
        out.push_back(entry(newest - i));
    return out;
}

} // namespace

TEST(AuditModel, PassesTheModelTesterThroughResetsAndPages)
{
    AuditModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.resetWith(entries(300, 200), true, 1);
    EXPECT_EQ(model.rowCount(), 200);
    EXPECT_EQ(model.columnCount(), AuditModel::ColumnCount);
    model.appendPage(entries(100, 100), false, 1);
    EXPECT_EQ(model.rowCount(), 300);
    EXPECT_FALSE(model.canFetchMore({}));
    EXPECT_EQ(model.oldestSeq(), 1);
    model.resetWith({}, false, 2);
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_FALSE(model.canFetchMore({}));
}

TEST(AuditModel, AsksForOlderPagesOnceAndDropsStaleOnes)
{
    AuditModel model;  // no tester here: it calls fetchMore() by itself
    QSignalSpy more(&model, &AuditModel::moreRequested);
    model.resetWith(entries(300, 200), true, 1);
    ASSERT_TRUE(model.canFetchMore({}));
    model.fetchMore({});
    ASSERT_EQ(more.count(), 1);
    EXPECT_EQ(more.at(0).at(0).toLongLong(), 101);  // older than the oldest shown
    EXPECT_EQ(more.at(0).at(1).toULongLong(), 1u);
    EXPECT_FALSE(model.canFetchMore({})) << "no second request while one is on its way";
    model.fetchMore({});
    EXPECT_EQ(more.count(), 1);
    model.appendPage(entries(100, 5), true, 0);  // a stale generation is dropped
    EXPECT_EQ(model.rowCount(), 200);
    model.pageFailed(1);  // the request failed: another attempt is allowed
    EXPECT_TRUE(model.canFetchMore({}));
    model.appendPage(entries(100, 100), false, 1);
    EXPECT_EQ(model.rowCount(), 300);
    EXPECT_FALSE(model.canFetchMore({}));
}

TEST(AuditModel, ShowsNamesNotKeysAndNeverAnIdentifier)
{
    AuditModel model;
    // A row written by a faulty build: details with a РНОКПП, a phone and an e-mail.
    std::vector<security::AuditEntry> rows{entry(7, QStringLiteral("шукали 3456789012, +380 67 123 45 67, ivan@example.com"))};
    rows[0].objectId = QStringLiteral("3456789012");
    model.resetWith(rows, false, 1);
    EXPECT_EQ(model.index(0, AuditModel::SeqColumn).data().toLongLong(), 7);
    EXPECT_EQ(model.index(0, AuditModel::ActionColumn).data().toString(), QStringLiteral("Перегляд справи"));
    EXPECT_EQ(model.index(0, AuditModel::ActionColumn).data(AuditModel::ActionKeyRole).toString(), QStringLiteral("case-open"));
    EXPECT_EQ(model.index(0, AuditModel::RoleColumn).data().toString(), roleDisplayName(Role::Clerk));
    for (int c = 0; c < AuditModel::ColumnCount; ++c) {
        for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
            const QString text = model.index(0, c).data(role).toString();
            EXPECT_FALSE(text.contains(QStringLiteral("3456789012"))) << c << ": " << text.toStdString();
            EXPECT_FALSE(text.contains(QStringLiteral("123 45 67"))) << c << ": " << text.toStdString();
            EXPECT_FALSE(text.contains(QStringLiteral("ivan@example.com"))) << c << ": " << text.toStdString();
        }
    }
    EXPECT_TRUE(model.index(0, AuditModel::DetailsColumn).data().toString().contains(QStringLiteral("34*****012")));
    EXPECT_EQ(AuditModel::actionDisplayName(QStringLiteral("no-such-action")), QStringLiteral("no-such-action"));
    EXPECT_EQ(AuditModel::actionDisplayName(QStringLiteral("login-failed")), QStringLiteral("Невдалий вхід"));
}

class AuditViewer : public AdminGuiTest {
protected:
    /// `count` entries: logins alternate a/b, every third is a case change on case N.
    void seed(int count)
    {
        security::AuditLog log(t->database(), clock);
        for (int i = 1; i <= count; ++i) {
            Actor a;
            a.login = i % 2 ? QStringLiteral("olena") : QStringLiteral("petro");
            a.role = Role::Clerk;
            a.desk = QStringLiteral("1");
            clock.advanceSecs(60);
            const bool change = i % 3 == 0;
            ASSERT_TRUE(log.append(a, change ? security::AuditAction::CaseChange : security::AuditAction::CaseOpen,
                                   QStringLiteral("case"), QStringLiteral("C-%1").arg(i))
                            .ok());
        }
    }

    /// Loads the controller's first page and waits for the answer.
    bool load(AuditController &c, const security::AuditFilter &f = {})
    {
        QSignalSpy loaded(&c, &AuditController::loaded);
        QSignalSpy failed(&c, &AuditController::failed);
        c.setFilter(f);
        return waitFor([&]() { return loaded.count() + failed.count() > 0; }) && loaded.count() == 1;
    }
};

TEST_P(AuditViewer, PagesThroughTheWholeTrailNewestFirst)
{
    seed(230);
    AuditController c(contextAs(Role::Supervisor));
    ASSERT_TRUE(load(c));
    AuditModel *m = c.model();
    EXPECT_EQ(m->rowCount(), AuditController::kPageSize);
    EXPECT_TRUE(m->hasMore());
    m->fetchMore({});  // what the view does when scrolled to the end
    ASSERT_TRUE(waitFor([&]() { return m->rowCount() == 230; })) << m->rowCount();
    EXPECT_FALSE(m->hasMore());
    for (int r = 1; r < m->rowCount(); ++r)
        ASSERT_GT(m->entryAt(r - 1)->seq, m->entryAt(r)->seq) << "row " << r;
    EXPECT_EQ(m->entryAt(229)->seq, 1);
}

TEST_P(AuditViewer, FiltersByLoginActionObjectAndPeriod)
{
    const QDateTime start = clock.now();
    seed(30);
    AuditController c(contextAs(Role::Supervisor));
    security::AuditFilter f;
    f.login = QStringLiteral("petro");
    ASSERT_TRUE(load(c, f));
    EXPECT_EQ(c.model()->rowCount(), 15);
    f.action = security::AuditAction::CaseChange;
    ASSERT_TRUE(load(c, f));
    EXPECT_EQ(c.model()->rowCount(), 5);  // 6, 12, 18, 24, 30
    for (int r = 0; r < c.model()->rowCount(); ++r) {
        EXPECT_EQ(c.model()->entryAt(r)->login, QStringLiteral("petro"));
        EXPECT_EQ(c.model()->entryAt(r)->action, QStringLiteral("case-change"));
    }
    security::AuditFilter byObject;
    byObject.objectType = QStringLiteral("case");
    byObject.objectId = QStringLiteral("C-7");
    ASSERT_TRUE(load(c, byObject));
    ASSERT_EQ(c.model()->rowCount(), 1);
    EXPECT_EQ(c.model()->entryAt(0)->objectId, QStringLiteral("C-7"));
    security::AuditFilter period;  // entries 11..20 (one a minute)
    period.from = start.addSecs(11 * 60);
    period.to = start.addSecs(21 * 60);
    ASSERT_TRUE(load(c, period));
    EXPECT_EQ(c.model()->rowCount(), 10);
    // Injection attempts are plain values: they match nothing and break nothing.
    security::AuditFilter hostile;
    hostile.login = QStringLiteral("x' OR '1'='1");
    hostile.objectId = QStringLiteral("1; DROP TABLE audit_log; --");
    ASSERT_TRUE(load(c, hostile));
    EXPECT_EQ(c.model()->rowCount(), 0);
    ASSERT_TRUE(load(c));
    EXPECT_EQ(c.model()->rowCount(), 30);
}

TEST_P(AuditViewer, VerifyNamesTheFirstChangedEntry)
{
    seed(12);
    AuditController c(contextAs(Role::Supervisor));
    QSignalSpy verified(&c, &AuditController::verified);
    c.verify();
    ASSERT_TRUE(waitFor([&]() { return verified.count() == 1; }));
    auto ok = verified.at(0).at(0).value<security::AuditVerification>();
    EXPECT_TRUE(ok.ok());
    EXPECT_EQ(ok.entries, 12);
    EXPECT_TRUE(AuditController::describe(ok).contains(QStringLiteral("12")));

    // The attacker drops the append-only guard and edits entry 5.
    const QStringList drop = GetParam() == Backend::Sqlite
        ? QStringList{QStringLiteral("DROP TRIGGER audit_log_no_update")}
        : QStringList{QStringLiteral("DROP TRIGGER audit_log_no_update_delete ON audit_log")};
    for (const QString &s : drop)
        ASSERT_TRUE(storage::exec(t->database()->db(), s).ok());
    ASSERT_TRUE(storage::exec(t->database()->db(), QStringLiteral("UPDATE audit_log SET login = ? WHERE seq = ?"),
                              {QStringLiteral("nobody"), 5})
                    .ok());
    c.verify();
    ASSERT_TRUE(waitFor([&]() { return verified.count() == 2; }));
    auto bad = verified.at(1).at(0).value<security::AuditVerification>();
    EXPECT_FALSE(bad.ok());
    EXPECT_EQ(bad.fault, security::AuditFault::Changed);
    EXPECT_EQ(bad.seq, 5);
    EXPECT_TRUE(AuditController::describe(bad).contains(QStringLiteral("№ 5"))) << AuditController::describe(bad).toStdString();
}

TEST_P(AuditViewer, ExportsTheAnchorAtomicallyAndItVerifies)
{
    seed(4);
    AuditController c(contextAs(Role::Supervisor));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("anchor.txt"));
    QSignalSpy exported(&c, &AuditController::anchorExported);
    c.exportAnchor(path);
    ASSERT_TRUE(waitFor([&]() { return exported.count() == 1; }));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    auto parsed = security::AuditAnchor::parse(QString::fromUtf8(f.readAll()).trimmed());
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->seq, 4);
    EXPECT_EQ(parsed->hash, exported.at(0).at(0).value<security::AuditAnchor>().hash);
    QSignalSpy verified(&c, &AuditController::verified);
    c.verify(parsed.value());
    ASSERT_TRUE(waitFor([&]() { return verified.count() == 1; }));
    EXPECT_TRUE(verified.at(0).at(0).value<security::AuditVerification>().ok());

    // An unwritable place: a clear error naming the file, and no file.
    QSignalSpy failed(&c, &AuditController::failed);
    const QString bad = dir.filePath(QStringLiteral("no-such-dir/anchor.txt"));
    c.exportAnchor(bad);
    ASSERT_TRUE(waitFor([&]() { return failed.count() == 1; }));
    EXPECT_EQ(failed.at(0).at(0).value<Error>().code, ErrorCode::Io);
    EXPECT_TRUE(failed.at(0).at(0).value<Error>().message.contains(QStringLiteral("anchor.txt")));
    EXPECT_FALSE(QFile::exists(bad));
}

TEST_P(AuditViewer, RolesWithoutThePermissionAreRefusedByTheService)
{
    seed(3);
    for (Role role : {Role::Clerk, Role::Kiosk, Role::Display}) {
        AuditController c(contextAs(role));
        QSignalSpy failed(&c, &AuditController::failed);
        c.setFilter({});
        ASSERT_TRUE(waitFor([&]() { return failed.count() == 1; }));
        EXPECT_EQ(failed.at(0).at(0).value<Error>().code, ErrorCode::PermissionDenied) << roleKey(role).toStdString();
        EXPECT_EQ(c.model()->rowCount(), 0);
        c.verify();
        ASSERT_TRUE(waitFor([&]() { return failed.count() == 2; }));
        EXPECT_EQ(failed.at(1).at(0).value<Error>().code, ErrorCode::PermissionDenied);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("anchor.txt"));
        c.exportAnchor(path);
        ASSERT_TRUE(waitFor([&]() { return failed.count() == 3; }));
        EXPECT_EQ(failed.at(2).at(0).value<Error>().code, ErrorCode::PermissionDenied);
        EXPECT_FALSE(QFile::exists(path));
    }
    // The administrator may read and verify.
    AuditController admin(contextAs(Role::Admin));
    ASSERT_TRUE(load(admin));
    EXPECT_EQ(admin.model()->rowCount(), 3);
}

TEST_P(AuditViewer, PageLoadsOnFirstShowAndShowsTheChainResult)
{
    seed(6);
    gui::admin::AuditPage page(contextAs(Role::Supervisor));
    QSignalSpy loaded(page.controller(), &AuditController::loaded);
    page.show();
    ASSERT_TRUE(waitFor([&]() { return loaded.count() == 1; }));
    EXPECT_EQ(page.controller()->model()->rowCount(), 6);
    auto *login = page.findChild<QLineEdit *>(QStringLiteral("loginFilterLineEdit"));
    ASSERT_NE(login, nullptr);
    login->setText(QStringLiteral("olena"));
    page.findChild<QPushButton *>(QStringLiteral("applyFilterButton"))->click();
    ASSERT_TRUE(waitFor([&]() { return loaded.count() == 2; }));
    EXPECT_EQ(page.controller()->model()->rowCount(), 3);
    EXPECT_EQ(page.currentFilter().login, QStringLiteral("olena"));
    auto *chain = page.findChild<QLabel *>(QStringLiteral("chainResultLabel"));
    page.findChild<QPushButton *>(QStringLiteral("verifyChainButton"))->click();
    ASSERT_TRUE(waitFor([&]() { return chain->text().contains(QStringLiteral("цілий")); })) << chain->text().toStdString();
}

CNAP_INSTANTIATE_FOR_BACKENDS(AuditViewer);
