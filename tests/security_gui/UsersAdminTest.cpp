// User management: the controller on both backends (add with a generated or
// typed password, temporary reset, disable/enable), refusals for every role
// without UsersManage, the model contract, and the feature installers' role checks.

#include "AdminFixture.h"

#include "gui/admin/AuditPage.h"
#include "gui/admin/UsersController.h"
#include "gui/admin/UsersModel.h"
#include "gui/admin/UsersPage.h"
#include "gui/main/Features.h"
#include "gui/main/MainWindow.h"
#include "gui/settings/Settings.h"
#include "security/PasswordPolicy.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace cnap;
using namespace cnap::test;
using gui::admin::UsersController;
using gui::admin::UsersModel;

TEST(TemporaryPassword, FollowsThePolicyAndDoesNotRepeat)
{
    QSet<QString> seen;
    for (int i = 0; i < 300; ++i) {
        const QString pw = UsersController::generateTemporaryPassword();
        EXPECT_EQ(pw.size(), 14);
        EXPECT_TRUE(security::PasswordPolicy::check(QStringLiteral("someone"), pw).ok()) << pw.toStdString();
        for (QChar c : {u'0', u'O', u'1', u'l', u'I'})
            EXPECT_FALSE(pw.contains(c)) << "look-alike in " << pw.toStdString();
        seen.insert(pw);
    }
    EXPECT_EQ(seen.size(), 300);
}

class UsersAdmin : public AdminGuiTest {
protected:
    bool reload(UsersController &c)
    {
        QSignalSpy loaded(&c, &UsersController::loaded);
        QSignalSpy failed(&c, &UsersController::failed);
        c.reload();
        return waitFor([&]() { return loaded.count() + failed.count() > 0; }) && loaded.count() == 1;
    }
    security::NewAccount account(const QString &login, Role role, const QString &password = {})
    {
        security::NewAccount a;
        a.login = login;
        a.displayName = QStringLiteral("Оксана Мельник");
        a.role = role;
        a.password = password;
        return a;
    }
};

TEST_P(UsersAdmin, ListsAccountsWithStateAndPassesTheModelTester)
{
    addUser(QStringLiteral("admin1"), Role::Admin);
    addUser(QStringLiteral("olena"), Role::Clerk);
    addUser(QStringLiteral("board"), Role::Display);
    ASSERT_TRUE(auth->setDisabled(Actor::system(), QStringLiteral("board"), true).ok());
    UsersController c(contextAs(Role::Admin, QStringLiteral("admin1")), crypto::ScryptParams::cheapForTests());
    QAbstractItemModelTester tester(c.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(reload(c));
    UsersModel *m = c.model();
    ASSERT_EQ(m->rowCount(), 3);
    const int board = m->rowOf(QStringLiteral("board"));
    ASSERT_GE(board, 0);
    EXPECT_EQ(m->index(board, UsersModel::StateColumn).data(UsersModel::StateKeyRole).toString(), QStringLiteral("disabled"));
    EXPECT_EQ(m->index(board, UsersModel::RoleColumn).data().toString(), roleDisplayName(Role::Display));
    const int olena = m->rowOf(QStringLiteral("olena"));
    EXPECT_EQ(m->index(olena, UsersModel::StateColumn).data(UsersModel::StateKeyRole).toString(), QStringLiteral("active"));
    EXPECT_EQ(m->index(olena, UsersModel::NameColumn).data().toString(), QStringLiteral("Тестовий користувач"));
    EXPECT_EQ(m->rowOf(QStringLiteral("nobody")), -1);
    EXPECT_EQ(m->accountAt(99), nullptr);
}

TEST_P(UsersAdmin, AddsWithAGeneratedPasswordShownOnceThatMustBeChanged)
{
    UsersController c(contextAs(Role::Admin), crypto::ScryptParams::cheapForTests());
    QSignalSpy added(&c, &UsersController::userAdded);
    QSignalSpy loaded(&c, &UsersController::loaded);
    c.addUser(account(QStringLiteral("new.clerk"), Role::Clerk));
    ASSERT_TRUE(waitFor([&]() { return added.count() == 1 && loaded.count() == 1; }));
    EXPECT_EQ(added.at(0).at(0).toString(), QStringLiteral("new.clerk"));
    const QString temporary = added.at(0).at(1).toString();
    ASSERT_EQ(temporary.size(), 14);
    auto outcome = auth->login(QStringLiteral("new.clerk"), temporary, QStringLiteral("1"));
    ASSERT_TRUE(outcome.ok()) << outcome.error().message.toStdString();
    EXPECT_TRUE(outcome->mustChangePassword);
    EXPECT_EQ(outcome->actor.role, Role::Clerk);
    EXPECT_GE(c.model()->rowOf(QStringLiteral("new.clerk")), 0);

    // A typed password is not echoed back, and the account still must change it.
    c.addUser(account(QStringLiteral("sup"), Role::Supervisor, QStringLiteral("Typed-Passw0rd!")));
    ASSERT_TRUE(waitFor([&]() { return added.count() == 2; }));
    EXPECT_TRUE(added.at(1).at(1).toString().isEmpty());
    auto typed = auth->login(QStringLiteral("sup"), QStringLiteral("Typed-Passw0rd!"), QStringLiteral("1"));
    ASSERT_TRUE(typed.ok());
    EXPECT_TRUE(typed->mustChangePassword);
}

TEST_P(UsersAdmin, BadInputIsRefusedNamingTheFieldAndCreatesNothing)
{
    UsersController c(contextAs(Role::Admin), crypto::ScryptParams::cheapForTests());
    QSignalSpy failed(&c, &UsersController::failed);
    c.addUser(account(QStringLiteral("Bad Login'; --"), Role::Clerk));
    ASSERT_TRUE(waitFor([&]() { return failed.count() == 1; }));
    EXPECT_EQ(failed.at(0).at(0).value<Error>().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(failed.at(0).at(0).value<Error>().field, QStringLiteral("login"));
    c.addUser(account(QStringLiteral("weak"), Role::Clerk, QStringLiteral("short")));
    ASSERT_TRUE(waitFor([&]() { return failed.count() == 2; }));
    EXPECT_EQ(failed.at(1).at(0).value<Error>().field, QStringLiteral("password"));
    addUser(QStringLiteral("taken"), Role::Clerk);
    c.addUser(account(QStringLiteral("taken"), Role::Clerk));
    ASSERT_TRUE(waitFor([&]() { return failed.count() == 3; }));
    EXPECT_NE(failed.at(2).at(0).value<Error>().code, ErrorCode::PermissionDenied);
    auto list = auth->listUsers(Actor::system());
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(list->size(), 1u);
}

TEST_P(UsersAdmin, ResetsToATemporaryPasswordAndDisablesAndEnables)
{
    addUser(QStringLiteral("olena"), Role::Clerk, QStringLiteral("Old-Passw0rd!"));
    UsersController c(contextAs(Role::Admin), crypto::ScryptParams::cheapForTests());
    QSignalSpy reset(&c, &UsersController::passwordReset);
    c.resetPassword(QStringLiteral("olena"));
    ASSERT_TRUE(waitFor([&]() { return reset.count() == 1; }));
    const QString temporary = reset.at(0).at(1).toString();
    EXPECT_FALSE(auth->login(QStringLiteral("olena"), QStringLiteral("Old-Passw0rd!"), QStringLiteral("1")).ok());
    auto outcome = auth->login(QStringLiteral("olena"), temporary, QStringLiteral("1"));
    ASSERT_TRUE(outcome.ok());
    EXPECT_TRUE(outcome->mustChangePassword);

    QSignalSpy toggled(&c, &UsersController::disabledChanged);
    QSignalSpy failedEarly(&c, &UsersController::failed);
    auto stateOf = [&c]() {
        const int row = c.model()->rowOf(QStringLiteral("olena"));
        return c.model()->index(row, UsersModel::StateColumn).data(UsersModel::StateKeyRole).toString();
    };
    c.setDisabled(QStringLiteral("olena"), true);
    // The list reloads after the change: wait until it shows it.
    ASSERT_TRUE(waitFor([&]() { return (toggled.count() == 1 && stateOf() == QStringLiteral("disabled")) || failedEarly.count() > 0; }));
    ASSERT_EQ(failedEarly.count(), 0) << failedEarly.at(0).at(0).value<Error>().message.toStdString();
    EXPECT_FALSE(auth->login(QStringLiteral("olena"), temporary, QStringLiteral("1")).ok());
    c.setDisabled(QStringLiteral("olena"), false);
    ASSERT_TRUE(waitFor([&]() { return toggled.count() == 2; }));
    EXPECT_TRUE(auth->login(QStringLiteral("olena"), temporary, QStringLiteral("1")).ok());

    QSignalSpy failed(&c, &UsersController::failed);
    c.resetPassword(QStringLiteral("no-such-user"));
    ASSERT_TRUE(waitFor([&]() { return failed.count() == 1; }));
    EXPECT_EQ(failed.at(0).at(0).value<Error>().code, ErrorCode::NotFound);
}

TEST_P(UsersAdmin, EveryRoleWithoutUsersManageIsRefusedByTheService)
{
    addUser(QStringLiteral("olena"), Role::Clerk, QStringLiteral("Old-Passw0rd!"));
    for (Role role : {Role::Clerk, Role::Supervisor, Role::Kiosk, Role::Display}) {
        SCOPED_TRACE(roleKey(role).toStdString());
        UsersController c(contextAs(role), crypto::ScryptParams::cheapForTests());
        QSignalSpy failed(&c, &UsersController::failed);
        QSignalSpy added(&c, &UsersController::userAdded);
        QSignalSpy reset(&c, &UsersController::passwordReset);
        c.reload();
        c.addUser(account(QStringLiteral("intruder"), Role::Admin, QStringLiteral("Typed-Passw0rd!")));
        c.resetPassword(QStringLiteral("olena"));
        c.setDisabled(QStringLiteral("olena"), true);
        ASSERT_TRUE(waitFor([&]() { return failed.count() == 4; }));
        for (int i = 0; i < 4; ++i)
            EXPECT_EQ(failed.at(i).at(0).value<Error>().code, ErrorCode::PermissionDenied) << i;
        EXPECT_EQ(added.count(), 0);
        EXPECT_EQ(reset.count(), 0);
        EXPECT_EQ(c.model()->rowCount(), 0);
    }
    // Nothing changed: no intruder, olena's password and state intact.
    auto list = auth->listUsers(Actor::system());
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 1u);
    EXPECT_FALSE(list->front().disabled);
    EXPECT_TRUE(auth->login(QStringLiteral("olena"), QStringLiteral("Old-Passw0rd!"), QStringLiteral("1")).ok());
}

TEST_P(UsersAdmin, InstallersAddPagesOnlyForRolesWithThePermission)
{
    QTemporaryDir dir;
    gui::Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    struct Expect {
        gui::Mode mode;
        Role role;
        bool audit;
        bool users;
    };
    const Expect cases[] = {
        {gui::Mode::Supervisor, Role::Supervisor, true, false},
        {gui::Mode::Supervisor, Role::Admin, true, true},
        {gui::Mode::Supervisor, Role::Clerk, false, false},
        {gui::Mode::Workstation, Role::Clerk, false, false},
        {gui::Mode::Workstation, Role::Admin, true, true},
        {gui::Mode::Workstation, Role::Supervisor, true, false},
        {gui::Mode::Workstation, Role::Kiosk, false, false},
    };
    for (const Expect &e : cases) {
        SCOPED_TRACE(roleKey(e.role).toStdString() + " in " + gui::modeKey(e.mode).toStdString());
        gui::AppContext context = contextAs(e.role);
        context.settings = &settings;
        gui::MainWindow window(context);
        int installed = 0;
        for (const auto &f : gui::FeatureRegistry::mainWindowFeatures()) {
            if (f.mode == e.mode && f.key.startsWith(QStringLiteral("admin-"))) {
                EXPECT_GE(f.order, 80);
                f.install(window);
                ++installed;
            }
        }
        EXPECT_EQ(installed, 2);
        EXPECT_EQ(window.findChild<gui::admin::AuditPage *>() != nullptr, e.audit);
        EXPECT_EQ(window.findChild<gui::admin::UsersPage *>() != nullptr, e.users);
    }
}

CNAP_INSTANTIATE_FOR_BACKENDS(UsersAdmin);
