// The clerk desk: case list paging, intake validation and registration, the
// опис PDF, the case view's transitions and conflicts, search as you type, and
// the keyboard path into the intake form.

#include "DeskFixture.h"

#include "core/documents/FileType.h"
#include "gui/desk/ApplicantFormController.h"
#include "gui/desk/ApplicantPanel.h"
#include "gui/desk/ApplicantResultsModel.h"
#include "gui/desk/ApplicantSearchController.h"
#include "gui/desk/CaseListController.h"
#include "gui/desk/CaseListPage.h"
#include "gui/desk/CaseListModel.h"
#include "gui/desk/CaseViewController.h"
#include "gui/desk/CaseViewModels.h"
#include "gui/desk/CaseViewPage.h"
#include "gui/desk/DeskFeature.h"
#include "gui/desk/IntakeController.h"
#include "gui/desk/IntakeModels.h"
#include "gui/desk/IntakePage.h"
#include "gui/main/Features.h"
#include "gui/main/MainWindow.h"
#include "security/AuditLog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QAbstractButton>
#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMultiHash>
#include <QShortcut>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

#include <gtest/gtest.h>

using namespace cnap;
using namespace cnap::gui::desk;
using cnap::test::Backend;
using cnap::test::DeskFixture;
using cnap::test::waitUntil;

namespace {

class DeskTest : public ::testing::TestWithParam<Backend> {};

ServiceCard cardFor(DeskFixture &f, const QString &code)
{
    auto c = f.services()->catalogue->get(f.clerk(), ServiceCode::parse(code).value());
    EXPECT_TRUE(c.ok());
    return c.value();
}

QStringList keys(const QList<CaseState> &states)
{
    QStringList out;
    for (CaseState s : states)
        out << caseStateKey(s);
    return out;
}

} // namespace

TEST_P(DeskTest, CaseListLoadsPageByPageNeverTheWholeTable)
{
    DeskFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    ASSERT_TRUE(f.registerCases(250));
    CaseListController controller(f.context(), f.services());
    CaseListModel *model = controller.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    CaseListQuery q;
    q.limit = 100;
    controller.setQuery(q);
    ASSERT_TRUE(waitUntil([&]() { return model->rowCount() > 0; }));
    // The model tester itself calls fetchMore() on every change, so a fast
    // backend may already hold the second page: whole pages only, and one page
    // request in flight at a time.
    EXPECT_TRUE(model->rowCount() == 100 || model->rowCount() == 200) << model->rowCount();
    while (model->rowCount() < 250) {
        const int before = model->rowCount();
        EXPECT_EQ(before % 100, 0) << "whole pages only";
        if (model->canFetchMore({})) {
            model->fetchMore({});
            EXPECT_FALSE(model->canFetchMore({})) << "one page request at a time";
        }
        ASSERT_TRUE(waitUntil([&]() { return model->rowCount() > before; })) << "stuck at " << before;
    }
    EXPECT_EQ(model->rowCount(), 250);
    QTest::qWait(50);
    EXPECT_EQ(model->rowCount(), 250);
    // Each append was one page, never the whole table.
    ASSERT_EQ(inserted.size(), 2);
    for (const auto &args : inserted)
        EXPECT_LE(args.at(2).toInt() - args.at(1).toInt() + 1, 100);
    EXPECT_FALSE(model->canFetchMore({}));
    // Newest first, no row twice.
    QSet<QString> numbers;
    for (int r = 0; r < model->rowCount(); ++r)
        numbers.insert(model->index(r, CaseListModel::NumberColumn).data().toString());
    EXPECT_EQ(numbers.size(), 250);
    EXPECT_GT(model->rowAt(0)->seq, model->rowAt(249)->seq);
    EXPECT_EQ(model->index(0, CaseListModel::StateColumn).data().toString(), caseStateDisplayName(CaseState::Registered));

    // A new filter drops the old pages: a late page of the old list never lands.
    q.states = {CaseState::Closed};
    controller.setQuery(q);
    ASSERT_TRUE(waitUntil([&]() { return model->rowCount() == 0; }));
    EXPECT_FALSE(model->canFetchMore({}));
}

TEST_P(DeskTest, IntakeRefusesAnInvalidRnokppNamingTheFieldAndRegistersNothing)
{
    DeskFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    IntakeController c(f.context(), f.services());
    QSignalSpy errors(&c, &IntakeController::fieldError);
    QSignalSpy registered(&c, &IntakeController::caseRegistered);
    Applicant a = DeskFixture::person(5);
    a.rnokpp[9] = a.rnokpp[9] == u'0' ? u'1' : u'0';  // wrong check digit
    c.setApplicant(a);
    c.selectService(cardFor(f, cnap::test::kDeskService));
    c.registerCase();
    ASSERT_GE(errors.size(), 1);
    EXPECT_EQ(errors.at(0).at(0).toString(), QStringLiteral("applicant.rnokpp"));
    EXPECT_TRUE(errors.at(0).at(1).toString().contains(QStringLiteral("РНОКПП"))) << errors.at(0).at(1).toString().toStdString();
    QTest::qWait(50);
    EXPECT_EQ(registered.size(), 0);
    auto page = f.services()->cases->list(f.clerk(), CaseListQuery{});
    ASSERT_TRUE(page.ok());
    EXPECT_TRUE(page->rows.isEmpty());

    // A birth date that disagrees with the РНОКПП is caught as typed.
    Applicant b = DeskFixture::person(6);
    b.birthDate = b.birthDate.addDays(1);
    const auto problems = ApplicantFormController::fieldProblems(b, QDate(2026, 3, 2));
    ASSERT_TRUE(problems.contains(QStringLiteral("rnokpp")));
    EXPECT_TRUE(problems.value(QStringLiteral("rnokpp")).contains(QStringLiteral("не збігається")));

    // Missing service, missing payment for a paid service: each at its field.
    IntakeController c2(f.context(), f.services());
    QSignalSpy errors2(&c2, &IntakeController::fieldError);
    c2.registerCase();
    QStringList fields;
    for (const auto &e : errors2)
        fields << e.at(0).toString();
    EXPECT_TRUE(fields.contains(QStringLiteral("applicant")));
    EXPECT_TRUE(fields.contains(QStringLiteral("serviceCode")));
    errors2.clear();
    c2.setApplicant(DeskFixture::person(7));
    c2.selectService(cardFor(f, cnap::test::kDeskPaidService));
    c2.registerCase();
    ASSERT_EQ(errors2.size(), 1);
    EXPECT_EQ(errors2.at(0).at(0).toString(), QStringLiteral("paymentEvidence"));
}

TEST_P(DeskTest, IntakeRegistersWithARealPdfAndWritesTheInventory)
{
    DeskFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    IntakeController c(f.context(), f.services());
    QSignalSpy registered(&c, &IntakeController::caseRegistered);
    QSignalSpy failed(&c, &IntakeController::failed);
    c.setApplicant(DeskFixture::person(11, QStringLiteral("Шевчук")));
    c.selectService(cardFor(f, cnap::test::kDeskService));
    c.checklist()->markAllProvided();
    c.checklist()->setData(c.checklist()->index(0, ChecklistModel::SheetsColumn), 3);
    const QByteArray pdf = cnap::test::realPdf();
    ASSERT_TRUE(pdf.startsWith("%PDF"));
    ASSERT_TRUE(c.addFile(QStringLiteral("заява.pdf"), pdf));
    IntakeDetails d;
    d.objectAddress = QStringLiteral("м. Київ, вул. Хрещатик, 1");
    c.setDetails(d);
    c.registerCase();
    ASSERT_TRUE(registered.wait(15000)) << (failed.isEmpty() ? "" : failed.at(0).at(0).value<Error>().message.toStdString());
    const auto details = registered.at(0).at(0).value<CaseDetails>();
    EXPECT_FALSE(details.summary.number.isEmpty());
    EXPECT_TRUE(details.summary.dueDate.isValid());
    ASSERT_EQ(details.documents.size(), 1);
    EXPECT_EQ(details.documents.at(0).mimeType, QStringLiteral("application/pdf"));
    ASSERT_EQ(details.checklist.size(), 2);
    EXPECT_EQ(details.checklist.at(0).sheets, 3);

    const QString path = QDir(f.database().dir()).filePath(QStringLiteral("опис.pdf"));
    QSignalSpy written(&c, &IntakeController::inventoryWritten);
    c.writeInventoryPdf(details.summary.number, path);
    ASSERT_TRUE(written.wait(15000));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    EXPECT_TRUE(bytes.startsWith("%PDF"));
    EXPECT_GT(bytes.size(), 1000);
    // Two copies: the centre's and the applicant's.
    EXPECT_GE(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") + bytes.count("/Type /Page "), 2);

    security::AuditFilter filter;
    filter.action = security::AuditAction::Print;
    auto prints = security::AuditLog(f.database().database()).list(filter);
    ASSERT_TRUE(prints.ok());
    ASSERT_EQ(prints->size(), 1u);
    EXPECT_EQ(prints->at(0).objectId, details.summary.number);
}

TEST_P(DeskTest, FakeUnsupportedAndOversizedFilesAreRefusedAtTheField)
{
    DeskFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    IntakeController c(f.context(), f.services());
    QSignalSpy errors(&c, &IntakeController::fieldError);
    // A ZIP (or .docx) renamed to .pdf.
    EXPECT_FALSE(c.addFile(QStringLiteral("скан.pdf"), QByteArray("PK\x03\x04\x14\x00\x06\x00", 8) + QByteArray(100, 'x')));
    ASSERT_EQ(errors.size(), 1);
    EXPECT_EQ(errors.at(0).at(0).toString(), QStringLiteral("attachments"));
    EXPECT_TRUE(errors.at(0).at(1).toString().contains(QStringLiteral("скан.pdf")));
    // A real JPEG named .pdf: the name lies about the content.
    EXPECT_FALSE(c.addFile(QStringLiteral("фото.pdf"), QByteArray("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11)));
    // Oversized.
    f.services()->maxAttachmentBytes = 1024;
    EXPECT_FALSE(c.addFile(QStringLiteral("великий.pdf"), QByteArray("%PDF-1.4\n") + QByteArray(4096, ' ')));
    EXPECT_EQ(errors.size(), 3);
    EXPECT_EQ(c.attachments()->rowCount(), 0);
    const QString big = QDir(f.database().dir()).filePath(QStringLiteral("big.pdf"));
    QFile out(big);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(QByteArray("%PDF-1.4\n") + QByteArray(8192, ' '));
    out.close();
    EXPECT_FALSE(c.addFilePath(big));
    EXPECT_TRUE(errors.last().at(1).toString().contains(QStringLiteral("завеликий")));
    // Nothing was registered, nothing stored.
    auto page = f.services()->cases->list(f.clerk(), CaseListQuery{});
    ASSERT_TRUE(page.ok());
    EXPECT_TRUE(page->rows.isEmpty());
    EXPECT_TRUE(f.services()->cases->store().list().isEmpty());
}

TEST_P(DeskTest, CaseViewOffersOnlyLegalTransitionsAndAConflictReloads)
{
    DeskFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    ASSERT_TRUE(f.registerCases(1));
    auto rows = f.services()->cases->list(f.clerk(), CaseListQuery{});
    ASSERT_TRUE(rows.ok() && rows->rows.size() == 1);
    const QString number = rows->rows.at(0).number;

    CaseViewPage page(f.context(), f.services());
    CaseViewController *c = page.controller();
    QSignalSpy loaded(c, &CaseViewController::loaded);
    page.openCase(number);
    ASSERT_TRUE(loaded.wait(15000));
    QStringList shown;
    for (QWidget *b : page.transitionButtons())
        shown << b->objectName().mid(QStringLiteral("transitionButton_").size());
    EXPECT_EQ(shown, keys(allowedTransitions(CaseState::Registered)));
    EXPECT_FALSE(shown.contains(caseStateKey(CaseState::Issued)));
    EXPECT_EQ(c->history()->rowCount(), 1);

    // Another clerk sends the case on meanwhile.
    TransitionRequest other;
    other.to = CaseState::SentToProvider;
    ASSERT_TRUE(f.services()->cases->transition(Actor{0, QStringLiteral("clerk2"), Role::Clerk, QStringLiteral("4")},
                                                number, 0, other).ok());
    QSignalSpy conflict(c, &CaseViewController::conflict);
    TransitionRequest mine;
    mine.to = CaseState::Withdrawn;
    mine.comment = QStringLiteral("заява про відкликання від 02.03.2026");
    loaded.clear();
    c->transition(mine);
    ASSERT_TRUE(conflict.wait(15000));
    EXPECT_TRUE(conflict.at(0).at(0).toString().contains(QStringLiteral("інший адміністратор")));
    EXPECT_EQ(conflict.at(0).at(1).value<TransitionRequest>().comment, mine.comment) << "the comment is handed back";
    ASSERT_TRUE(waitUntil([&]() { return !loaded.isEmpty(); }));
    EXPECT_EQ(c->details()->summary.state, CaseState::SentToProvider);
    shown.clear();
    for (QWidget *b : page.transitionButtons())
        shown << b->objectName().mid(QStringLiteral("transitionButton_").size());
    EXPECT_EQ(shown, keys(allowedTransitions(CaseState::SentToProvider)));
    EXPECT_EQ(c->history()->rowCount(), 2);

    // An illegal step is refused by the workflow with its reason, nothing sent.
    QSignalSpy failed(c, &CaseViewController::failed);
    TransitionRequest illegal;
    illegal.to = CaseState::Closed;
    c->transition(illegal);
    ASSERT_EQ(failed.size(), 1);
    EXPECT_EQ(failed.at(0).at(0).value<Error>().code, ErrorCode::IllegalTransition);

    // And a legal one goes through.
    QSignalSpy done(c, &CaseViewController::transitioned);
    TransitionRequest review;
    review.to = CaseState::UnderReview;
    c->transition(review);
    ASSERT_TRUE(done.wait(15000));
    EXPECT_EQ(c->details()->summary.state, CaseState::UnderReview);
}

TEST_P(DeskTest, CaseViewExtendsTheTermWithItsReasonAndRefusesAnEarlierDate)
{
    DeskFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    ASSERT_TRUE(f.registerCases(1));
    auto rows = f.services()->cases->list(f.clerk(), CaseListQuery{});
    ASSERT_TRUE(rows.ok() && rows->rows.size() == 1);
    const QString number = rows->rows.at(0).number;

    CaseViewPage page(f.context(), f.services());
    CaseViewController *c = page.controller();
    QSignalSpy loaded(c, &CaseViewController::loaded);
    page.openCase(number);
    ASSERT_TRUE(loaded.wait(15000));
    ASSERT_TRUE(c->canExtendDueDate());
    auto *button = page.findChild<QPushButton *>(QStringLiteral("extendDueButton"));
    ASSERT_NE(button, nullptr) << "a running term offers the extension";
    EXPECT_EQ(button->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    const QDate due = c->details()->summary.dueDate;

    // An earlier date is refused by the service with the field named; nothing changes.
    QSignalSpy failed(c, &CaseViewController::failed);
    c->extendDueDate(due.addDays(-1), QStringLiteral("ч. 3 ст. 10 Закону 5203-VI"));
    ASSERT_TRUE(failed.wait(15000));
    EXPECT_EQ(failed.at(0).at(0).value<Error>().field, QStringLiteral("dueDate"));
    // No reason: refused too.
    failed.clear();
    c->extendDueDate(due.addDays(30), QStringLiteral("  "));
    ASSERT_TRUE(failed.wait(15000));
    EXPECT_EQ(failed.at(0).at(0).value<Error>().field, QStringLiteral("legalReason"));
    auto unchanged = f.services()->cases->get(f.clerk(), number);
    ASSERT_TRUE(unchanged.ok());
    EXPECT_EQ(unchanged->summary.dueDate, due);

    // A later date with its reason goes through, lands on a working day and is in the history.
    QSignalSpy extended(c, &CaseViewController::dueDateExtended);
    c->extendDueDate(due.addDays(30), QStringLiteral("ч. 3 ст. 10 Закону 5203-VI"));
    ASSERT_TRUE(extended.wait(15000));
    EXPECT_GE(c->details()->summary.dueDate, due.addDays(30));
    EXPECT_EQ(c->history()->rowCount(), 2);
    EXPECT_TRUE(page.messageLabel()->text().contains(c->details()->summary.dueDate.toString(QStringLiteral("dd.MM.yyyy"))));
}

TEST_P(DeskTest, SearchAsYouTypeFindsSurnamePrefixWithAnyApostrophe)
{
    DeskFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    auto created = f.services()->applicants->create(f.clerk(), DeskFixture::person(21, QStringLiteral("Дем'янчук")));
    ASSERT_TRUE(created.ok()) << created.error().describe().toStdString();
    ASSERT_TRUE(f.services()->applicants->create(f.clerk(), DeskFixture::person(22, QStringLiteral("Демченко"))).ok());

    ApplicantSearchController c(f.context(), f.services());
    QSignalSpy finished(&c, &ApplicantSearchController::finished);
    for (const QString &typed : {QStringLiteral("демʼян"), QStringLiteral("ДЕМ’Я"), QStringLiteral("Дем'я")}) {
        finished.clear();
        c.setText(typed);
        EXPECT_EQ(c.kind(), services::ApplicantQueryKind::Surname);
        ASSERT_TRUE(finished.wait(15000)) << typed.toStdString();
        ASSERT_EQ(c.model()->rowCount(), 1) << typed.toStdString();
        EXPECT_EQ(c.model()->applicantAt(0)->surname, QStringLiteral("Дем'янчук"));
    }
    // Typing on: only the last text's answer is shown (debounced, stale answers dropped).
    finished.clear();
    c.setText(QStringLiteral("Д"));
    c.setText(QStringLiteral("Де"));
    c.setText(QStringLiteral("Дем"));
    ASSERT_TRUE(finished.wait(15000));
    EXPECT_EQ(finished.size(), 1);
    EXPECT_EQ(c.model()->rowCount(), 2);
    // By РНОКПП: the kind is detected, the audit records the kind only.
    finished.clear();
    c.setText(created->rnokpp);
    EXPECT_EQ(c.kind(), services::ApplicantQueryKind::Rnokpp);
    ASSERT_TRUE(finished.wait(15000));
    EXPECT_EQ(c.model()->rowCount(), 1);
    security::AuditFilter filter;
    filter.action = security::AuditAction::ApplicantSearch;
    auto audit = security::AuditLog(f.database().database()).list(filter);
    ASSERT_TRUE(audit.ok());
    ASSERT_FALSE(audit->empty());
    EXPECT_TRUE(audit->front().details.contains(QStringLiteral("kind=rnokpp")));
    for (const auto &e : audit.value())
        EXPECT_FALSE(e.details.contains(created->rnokpp));
}

TEST_P(DeskTest, CtrlNOpensTheIntakeFormFromAnyPage)
{
    DeskFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    gui::MainWindow window(f.context());
    gui::FeatureRegistry::installInto(window, gui::Mode::Workstation);
    const DeskWidgets desk = deskOf(window);
    ASSERT_TRUE(desk.intake && desk.cases && desk.caseView && desk.applicants);
    window.show();
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pagesTabWidget"));
    ASSERT_TRUE(tabs);
    showPageWidget(desk.cases.data());
    ASSERT_EQ(tabs->currentWidget(), static_cast<QWidget *>(desk.cases.data()));
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    EXPECT_EQ(tabs->currentWidget(), static_cast<QWidget *>(desk.intake.data()));
    QTest::keyClick(&window, Qt::Key_F3);
    EXPECT_EQ(tabs->currentWidget(), static_cast<QWidget *>(desk.cases.data()));
}

namespace {
/// Every key sequence live while the current page is shown, with who owns it:
/// actions on a visible widget (or the window) and shortcuts of visible widgets.
QMultiHash<QKeySequence, QString> liveShortcuts(QWidget &window)
{
    QMultiHash<QKeySequence, QString> out;
    for (QAction *a : window.findChildren<QAction *>()) {
        bool live = false;
        for (QObject *o : a->associatedObjects()) {
            auto *w = qobject_cast<QWidget *>(o);
            if (w && (w == &window || (w->isVisible() && !qobject_cast<QMenu *>(w))))
                live = true;
        }
        if (!live)
            continue;
        for (const QKeySequence &k : a->shortcuts())
            out.insert(k, QStringLiteral("action ") + a->objectName() + u' ' + a->text());
    }
    for (QShortcut *sc : window.findChildren<QShortcut *>()) {
        auto *owner = qobject_cast<QWidget *>(sc->parent());
        if (!owner || !owner->isVisible() || !sc->isEnabled())
            continue;
        for (const QKeySequence &k : sc->keys())
            out.insert(k, QStringLiteral("shortcut on ") + QString::fromUtf8(owner->metaObject()->className()));
    }
    for (QAbstractButton *b : window.findChildren<QAbstractButton *>()) {
        if (b->isVisible() && !b->shortcut().isEmpty())
            out.insert(b->shortcut(), QStringLiteral("button ") + b->objectName() + u' ' + b->text());
    }
    return out;
}
} // namespace

TEST_P(DeskTest, NoKeyIsClaimedTwiceOnAnyPage)
{
    // Two live owners of one key make Qt call it ambiguous and do nothing: a
    // clerk's F5 or Ctrl+P would silently fail.
    DeskFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    gui::MainWindow window(f.context());
    gui::FeatureRegistry::installInto(window, gui::Mode::Workstation);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("pagesTabWidget"));
    ASSERT_TRUE(tabs);
    ASSERT_GE(tabs->count(), 4);
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QCoreApplication::processEvents();
        const auto live = liveShortcuts(window);
        for (const QKeySequence &k : live.uniqueKeys()) {
            QStringList owners = live.values(k);
            owners.removeDuplicates();
            EXPECT_EQ(owners.size(), 1) << "page " << tabs->tabText(i).toStdString() << ": "
                                        << k.toString().toStdString() << " claimed by "
                                        << owners.join(QStringLiteral(" | ")).toStdString();
        }
    }
}

CNAP_INSTANTIATE_FOR_BACKENDS(DeskTest);
