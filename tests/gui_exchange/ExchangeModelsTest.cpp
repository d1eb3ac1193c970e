// The exchange models fed by their controllers, on both backends: counts, the
// state filter, keyset paging of the outbox, dead letters with their reasons,
// each case's items in words, online applications; a role without the
// permission gets the service's refusal, never rows.
#include "ExchangeGuiFixture.h"

#include "gui/exchange/ExchangeFormat.h"
#include "gui/exchange/ExchangeModels.h"
#include "gui/exchange/ExchangeSetup.h"
#include "gui/exchange/OnlineApplicationsController.h"
#include "gui/exchange/OutboxController.h"
#include "storage/OutboxRepository.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace cnap;
using namespace cnap::gui::exchange;
using cnap::test::Backend;
using cnap::test::ExchangeGuiFixture;
using cnap::test::waitFor;
namespace outbox = cnap::test::outbox;
using storage::OutboxState;

namespace {

class ExchangeModelsTest : public ::testing::TestWithParam<Backend> {};

storage::OnlineApplicationRow portalRow(int n)
{
    storage::OnlineApplicationRow r;
    r.portalId = QStringLiteral("PORTAL-%1").arg(n, 6, 10, QLatin1Char('0'));
    r.serviceCode = QStringLiteral("00013");
    r.serviceTitle = QStringLiteral("Декларування місця проживання");
    r.submittedAt = QDateTime(QDate(2026, 11, 2), QTime(8, 15 + n), QTimeZone::utc());
    r.lastName = QStringLiteral("Шевченко");
    r.firstName = QStringLiteral("Олена");
    r.patronymic = QStringLiteral("Петрівна");
    r.rnokpp = QStringLiteral("3214567890");
    r.phone = QStringLiteral("+380675550100");
    r.summary = QStringLiteral("Декларування місця проживання: м. Харків");
    return r;
}

} // namespace

TEST_P(ExchangeModelsTest, CountsFilterAndKeysetPagingOfTheOutbox)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    QStringList numbers;
    for (int i = 0; i < 12; ++i)
        numbers << f.outbox().registerCase(outbox::kResidence, 10 + i, false);
    const QString dead1 = f.registerDeadCase(40);
    const QString dead2 = f.registerDeadCase(41);

    OutboxController c(f.contextAs(Role::Supervisor));
    c.setPageSize(5);
    QAbstractItemModelTester tester(c.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester deadTester(c.deadModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy counts(&c, &OutboxController::countsChanged);
    QSignalSpy failed(&c, &OutboxController::failed);
    c.refresh();
    ASSERT_TRUE(waitFor([&] { return counts.size() == 1 && c.model()->rowCount() > 0 && c.deadModel()->rowCount() > 0; }));
    EXPECT_EQ(c.counts().pending, 12);
    EXPECT_EQ(c.counts().dead, 2);
    EXPECT_EQ(c.counts().done + c.counts().inFlight, 0);
    EXPECT_TRUE(failed.isEmpty());

    // Pages of five, oldest first, each id once; the tester's own fetchMore() counts too.
    ASSERT_TRUE(waitFor([&] {
        if (c.model()->canFetchMore({}))
            c.model()->fetchMore({});
        return !c.model()->hasMore() && !c.busy();
    }));
    ASSERT_EQ(c.model()->rowCount(), 14);
    QSet<qint64> ids;
    for (int r = 0; r < c.model()->rowCount(); ++r) {
        ids.insert(c.model()->itemAt(r)->id);
        if (r > 0) {
            EXPECT_LT(c.model()->itemAt(r - 1)->id, c.model()->itemAt(r)->id);
        }
        EXPECT_TRUE(c.model()->itemAt(r)->payload.isEmpty()) << "the list carries no message bytes";
    }
    EXPECT_EQ(ids.size(), 14);
    EXPECT_EQ(c.model()->index(0, OutboxModel::CaseNumberColumn).data().toString(), numbers.first());
    EXPECT_EQ(c.model()->index(0, OutboxModel::StateColumn).data().toString(), outboxStateDisplayName(OutboxState::Pending));
    EXPECT_FALSE(c.model()->index(0, OutboxModel::NextAttemptColumn).data().toString().isEmpty());

    // The dead letters carry their reason (the register needs the КАТОТТГ code).
    ASSERT_EQ(c.deadModel()->rowCount(), 2);
    QStringList deadCases;
    for (int r = 0; r < 2; ++r) {
        deadCases << c.deadModel()->itemAt(r)->caseNumber;
        const QString reason = c.deadModel()->index(r, OutboxModel::LastErrorColumn).data().toString();
        EXPECT_TRUE(reason.contains(QStringLiteral("katottg"))) << reason.toStdString();
        EXPECT_EQ(c.deadModel()->index(r, OutboxModel::StateColumn).data().toString(), outboxStateDisplayName(OutboxState::Dead));
        EXPECT_TRUE(c.deadModel()->index(r, OutboxModel::StateColumn).data(Qt::BackgroundRole).isValid());
    }
    EXPECT_EQ(deadCases, (QStringList{dead1, dead2}));

    // Filter by state; a superseded filter's answer never lands.
    QSignalSpy loaded(&c, &OutboxController::loaded);
    c.setStateFilter(OutboxState::Done);
    c.setStateFilter(OutboxState::Dead);
    ASSERT_TRUE(waitFor([&] { return !c.busy() && !loaded.isEmpty(); }));
    EXPECT_EQ(c.stateFilter(), std::optional<OutboxState>(OutboxState::Dead));
    ASSERT_EQ(c.model()->rowCount(), 2);
    EXPECT_EQ(c.model()->itemAt(0)->state, OutboxState::Dead);
    EXPECT_EQ(loaded.size(), 1) << "only the last filter's answer is shown";
    c.setStateFilter(OutboxState::InFlight);
    ASSERT_TRUE(waitFor([&] { return !c.busy() && c.model()->rowCount() == 0; }));
    EXPECT_FALSE(c.model()->canFetchMore({}));
}

TEST_P(ExchangeModelsTest, WithoutCaseReadTheOutboxIsRefusedNotShown)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    f.outbox().registerCase(outbox::kResidence, 1, false);
    // The system administrator runs the exchange but does not read applicants' cases.
    OutboxController c(f.contextAs(Role::Admin));
    QSignalSpy failed(&c, &OutboxController::failed);
    c.refresh();
    ASSERT_TRUE(waitFor([&] { return failed.size() == 3 && !c.busy(); }));
    for (const auto &args : failed)
        EXPECT_EQ(args.at(0).value<Error>().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(c.model()->rowCount(), 0);
    EXPECT_EQ(c.deadModel()->rowCount(), 0);
    EXPECT_EQ(c.counts().pending, 0);
}

TEST_P(ExchangeModelsTest, CaseItemsReadInWordsForTheClerk)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    storage::OutboxItem queued;
    queued.serviceCode = QStringLiteral("RegisterResidence");
    queued.serviceVersion = QStringLiteral("v1");
    queued.messageId = QStringLiteral("11111111-2222-4333-8444-555555555555");
    storage::OutboxItem retrying = queued;
    retrying.attempts = 2;
    retrying.lastError = QStringLiteral("Server.ServerProxy.ServiceUnavailable: registry busy");
    storage::OutboxItem accepted = queued;
    accepted.state = OutboxState::Done;
    accepted.attempts = 2;
    accepted.lastError = QStringLiteral("an earlier timeout");
    accepted.registryReference = QStringLiteral("RTG-2026-000001");
    accepted.resultStatus = QStringLiteral("pending");
    storage::OutboxItem refused = accepted;
    refused.resultStatus = QStringLiteral("refused");
    storage::OutboxItem dead = queued;
    dead.state = OutboxState::Dead;
    dead.attempts = 1;
    dead.lastError = QStringLiteral("Client.InvalidBody: unknown КАТОТТГ");

    CaseExchangeModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.setItems({queued, retrying, accepted, refused, dead});
    ASSERT_EQ(m.rowCount(), 5);
    const auto cell = [&m](int row, int column) { return m.index(row, column).data().toString(); };
    EXPECT_EQ(cell(0, CaseExchangeModel::StateColumn), QStringLiteral("У черзі на надсилання"));
    EXPECT_EQ(cell(1, CaseExchangeModel::StateColumn), QStringLiteral("Очікує повторної спроби"));
    EXPECT_EQ(cell(1, CaseExchangeModel::ProblemColumn), retrying.lastError);
    EXPECT_EQ(cell(2, CaseExchangeModel::StateColumn), QStringLiteral("Прийнято реєстром, очікується рішення"));
    EXPECT_EQ(cell(2, CaseExchangeModel::ProblemColumn), QStringLiteral("—")) << "a delivered item's old error is not the clerk's concern";
    EXPECT_EQ(cell(2, CaseExchangeModel::ReplyColumn), QStringLiteral("№ RTG-2026-000001, рішення очікується"));
    EXPECT_EQ(cell(3, CaseExchangeModel::StateColumn), QStringLiteral("Реєстр: відмова"));
    EXPECT_EQ(cell(4, CaseExchangeModel::StateColumn), QStringLiteral("Не доставлено: потрібне втручання"));
    EXPECT_EQ(cell(4, CaseExchangeModel::ProblemColumn), dead.lastError);
    EXPECT_EQ(cell(4, CaseExchangeModel::ReplyColumn), QStringLiteral("—"));
    EXPECT_EQ(cell(0, CaseExchangeModel::ServiceColumn), QStringLiteral("Реєстр громади: місце проживання"));
    EXPECT_TRUE(m.index(4, 0).data(Qt::BackgroundRole).isValid());
    EXPECT_FALSE(m.index(0, 0).data(Qt::BackgroundRole).isValid());
    EXPECT_EQ(registryServiceDisplayName(QStringLiteral("NoSuchService")), QStringLiteral("NoSuchService"));
    EXPECT_EQ(logOutcomeDisplayName(QStringLiteral("retry: HTTP 500")), QStringLiteral("повтор пізніше: HTTP 500"));
    EXPECT_EQ(logOutcomeDisplayName(QStringLiteral("something new")), QStringLiteral("something new"));
}

TEST_P(ExchangeModelsTest, OnlineApplicationsListedAndTakenOnce)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    storage::OutboxRepository repo(f.database());
    ASSERT_EQ(repo.addOnlineApplications({portalRow(1), portalRow(2), portalRow(3)}).valueOr(-1), 3);

    OnlineApplicationsController first(f.contextAs(Role::Clerk, QStringLiteral("clerk1")));
    OnlineApplicationsController second(f.contextAs(Role::Clerk, QStringLiteral("clerk2")));
    QAbstractItemModelTester tester(first.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy loaded(&first, &OnlineApplicationsController::loaded);
    first.reload();
    second.reload();
    ASSERT_TRUE(waitFor([&] { return first.model()->rowCount() == 3 && second.model()->rowCount() == 3; }));
    EXPECT_EQ(first.model()->index(0, OnlineApplicationsModel::PortalIdColumn).data().toString(), QStringLiteral("PORTAL-000001"));
    EXPECT_EQ(first.model()->index(0, OnlineApplicationsModel::ApplicantColumn).data().toString(), QStringLiteral("Шевченко Олена Петрівна"));
    EXPECT_EQ(first.model()->index(0, OnlineApplicationsModel::StateColumn).data().toString(), QStringLiteral("нова"));

    const qint64 id = first.model()->rowAt(0)->id;
    QSignalSpy taken(&first, &OnlineApplicationsController::taken);
    QSignalSpy refused(&second, &OnlineApplicationsController::failed);
    first.take(id);
    ASSERT_TRUE(waitFor([&] { return taken.size() == 1; }));
    EXPECT_EQ(taken.at(0).at(0).value<storage::OnlineApplicationRow>().portalId, QStringLiteral("PORTAL-000001"));
    ASSERT_TRUE(waitFor([&] { return first.model()->rowCount() == 2; })) << "taken ones leave the list of new ones";
    // The other clerk still sees it and is a moment late: Conflict, and the list is refreshed.
    second.take(id);
    ASSERT_TRUE(waitFor([&] { return refused.size() == 1; }));
    EXPECT_EQ(refused.at(0).at(0).value<Error>().code, ErrorCode::Conflict);
    ASSERT_TRUE(waitFor([&] { return second.model()->rowCount() == 2; }));

    first.setShowTaken(true);
    ASSERT_TRUE(waitFor([&] { return first.model()->rowCount() == 3; }));
    EXPECT_EQ(first.model()->index(0, OnlineApplicationsModel::StateColumn).data().toString(), QStringLiteral("взято в роботу"));

    // The administrator registers no cases: refused.
    OnlineApplicationsController admin(f.contextAs(Role::Admin));
    QSignalSpy adminFailed(&admin, &OnlineApplicationsController::failed);
    admin.reload();
    ASSERT_TRUE(waitFor([&] { return adminFailed.size() == 1; }));
    EXPECT_EQ(adminFailed.at(0).at(0).value<Error>().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(admin.model()->rowCount(), 0);
}

TEST(ExchangeSetupTest, TheGuiReadsTheDaemonsFileAndSaysHowToConfigureIt)
{
    QTemporaryDir dir;
    gui::Settings settings(QDir(dir.path()).filePath(QStringLiteral("w.ini")));
    EXPECT_TRUE(settings.string(gui::Settings::Key::ExchangeConfigFile).isEmpty()) << "off unless configured";
    const ExchangeSetup none = ExchangeSetup::fromSettings(&settings);
    EXPECT_FALSE(none.usable());
    EXPECT_TRUE(none.config().error().message.contains(QStringLiteral("exchange/configFile")));

    const ExchangeSetup missing = ExchangeSetup::fromFile(QDir(dir.path()).filePath(QStringLiteral("nope.conf")));
    EXPECT_FALSE(missing.usable());
    EXPECT_TRUE(missing.config().error().message.contains(QStringLiteral("nope.conf")));

    // A file cnap-syncd would refuse: the GUI refuses it too, naming the key.
    const QString bad = QDir(dir.path()).filePath(QStringLiteral("bad.conf"));
    {
        QFile f(bad);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("[security_server]\nurl = http://127.0.0.1:9/\n[client]\nmember_code = 1234\nsubsystem = CNAP\n");
    }
    const ExchangeSetup invalid = ExchangeSetup::fromFile(bad);
    ASSERT_FALSE(invalid.usable());
    EXPECT_TRUE(invalid.config().error().message.contains(QStringLiteral("client/member_code"))) << invalid.config().error().message.toStdString();

    const QString good = outbox::writeConfigFile(dir.path(), outbox::syncConfig(QStringLiteral("http://127.0.0.1:9/")));
    settings.setValue(gui::Settings::Key::ExchangeConfigFile, good);
    settings.setValue(gui::Settings::Key::DocumentStoreDir, QStringLiteral("/srv/cnap/store"));
    const ExchangeSetup ok = ExchangeSetup::fromSettings(&settings);
    ASSERT_TRUE(ok.usable()) << ok.config().error().message.toStdString();
    EXPECT_EQ(ok.config()->securityServerUrl, QStringLiteral("http://127.0.0.1:9/"));
    EXPECT_EQ(ok.config()->documentStore, QStringLiteral("/srv/cnap/store")) << "the desk's store when the file names none";
    EXPECT_TRUE(static_cast<bool>(ExchangeSetup::transportsFor(ok.config().value())));
    // Only the path is in the workstation's settings file.
    settings.sync();
    QFile ini(QDir(dir.path()).filePath(QStringLiteral("w.ini")));
    ASSERT_TRUE(ini.open(QIODevice::ReadOnly));
    const QByteArray text = ini.readAll();
    EXPECT_TRUE(text.contains("configFile")) << text.toStdString();
    EXPECT_FALSE(text.contains("passphrase"));
    EXPECT_FALSE(text.contains("security_server"));
}

CNAP_INSTANTIATE_FOR_BACKENDS(ExchangeModelsTest);
