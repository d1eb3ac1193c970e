#include "SecurityFixture.h"

#include "security/Accounts.h"
#include "storage/UserRepository.h"

using namespace cnap;
using cnap::security::Accounts;
using cnap::test::Backend;
using cnap::test::SecurityTest;

class AccountsTest : public SecurityTest {};

TEST_P(AccountsTest, LoginReturnsActorAndIsAudited)
{
    const qint64 id = addUser(QStringLiteral("olena"), Role::Clerk);
    auto r = auth->login(QStringLiteral("  Olena "), QStringLiteral("Good-Passw0rd"), QStringLiteral("desk-3"));
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_EQ(r->actor.userId, id);
    EXPECT_EQ(r->actor.login, QStringLiteral("olena"));
    EXPECT_EQ(r->actor.role, Role::Clerk);
    EXPECT_EQ(r->actor.desk, QStringLiteral("desk-3"));
    EXPECT_FALSE(r->mustChangePassword);
    auto entries = audit->list(Actor::system(), {.action = security::AuditAction::Login});
    ASSERT_TRUE(entries.ok());
    ASSERT_EQ(entries->size(), 1u);
    EXPECT_EQ(entries->front().login, QStringLiteral("olena"));
    EXPECT_EQ(entries->front().desk, QStringLiteral("desk-3"));
    EXPECT_EQ(entries->front().at, clock.now());
    ASSERT_TRUE(auth->logout(r->actor).ok());
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'logout'")), 1);
}

TEST_P(AccountsTest, UnknownUserAndWrongPasswordGetTheSameMessage)
{
    addUser(QStringLiteral("olena"), Role::Clerk);
    auto wrong = auth->login(QStringLiteral("olena"), QStringLiteral("Bad-Passw0rd"), {});
    auto unknown = auth->login(QStringLiteral("nobody"), QStringLiteral("Good-Passw0rd"), {});
    ASSERT_FALSE(wrong.ok());
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(wrong.error().code, ErrorCode::Unauthenticated);
    EXPECT_EQ(unknown.error().code, ErrorCode::Unauthenticated);
    EXPECT_EQ(wrong.error().message, unknown.error().message);
    EXPECT_EQ(wrong.error().message, Accounts::invalidCredentialsMessage());
    // The unknown name is not recorded as typed (it may be a password typed in the wrong field).
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'login-failed' AND login = '?'")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE login = 'nobody'")), 0);
}

TEST_P(AccountsTest, BruteForceLocksOutEvenTheRightPasswordUntilTheDelayPasses)
{
    addUser(QStringLiteral("olena"), Role::Clerk);
    for (int i = 1; i <= 5; ++i) {
        auto r = auth->login(QStringLiteral("olena"), QStringLiteral("Guess-%1-abcdef").arg(i), {});
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().message, Accounts::invalidCredentialsMessage());
    }
    auto locked = auth->login(QStringLiteral("olena"), QStringLiteral("Good-Passw0rd"), {});
    ASSERT_FALSE(locked.ok());
    EXPECT_EQ(locked.error().code, ErrorCode::Unauthenticated);
    EXPECT_TRUE(locked.error().message.contains(QStringLiteral("заблоковано"))) << locked.error().message.toStdString();
    // Attempts while locked do not extend the delay.
    EXPECT_FALSE(auth->login(QStringLiteral("olena"), QStringLiteral("Wrong-Again-1"), {}).ok());
    clock.advanceSecs(59);
    EXPECT_FALSE(auth->login(QStringLiteral("olena"), QStringLiteral("Good-Passw0rd"), {}).ok());
    clock.advanceSecs(2);
    auto ok = auth->login(QStringLiteral("olena"), QStringLiteral("Good-Passw0rd"), {});
    ASSERT_TRUE(ok.ok()) << ok.error().message.toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT failed_attempts FROM users WHERE login = 'olena'")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'lock'")), 1);
}

TEST_P(AccountsTest, DelayDoublesWithFurtherFailures)
{
    addUser(QStringLiteral("olena"), Role::Clerk);
    for (int i = 0; i < 5; ++i)
        (void)auth->login(QStringLiteral("olena"), QStringLiteral("Wrong-Passw0rd"), {});
    clock.advanceSecs(61);
    EXPECT_FALSE(auth->login(QStringLiteral("olena"), QStringLiteral("Wrong-Passw0rd"), {}).ok());  // 6th: 2 minutes
    clock.advanceSecs(119);
    EXPECT_FALSE(auth->login(QStringLiteral("olena"), QStringLiteral("Good-Passw0rd"), {}).ok());
    clock.advanceSecs(2);
    EXPECT_TRUE(auth->login(QStringLiteral("olena"), QStringLiteral("Good-Passw0rd"), {}).ok());
}

TEST_P(AccountsTest, LockoutIsSharedAcrossDesksAndSurvivesARestart)
{
    addUser(QStringLiteral("olena"), Role::Clerk);
    // A second workstation: its own Database object and connections on the same database.
    auto url = storage::DatabaseUrl::parse(t->url());
    ASSERT_TRUE(url.ok());
    auto second = storage::Database::open(url.value());
    ASSERT_TRUE(second.ok());
    services::AuthService desk2(second.value(), clock, crypto::ScryptParams::cheapForTests());
    for (int i = 0; i < 3; ++i)
        EXPECT_FALSE(auth->login(QStringLiteral("olena"), QStringLiteral("Wrong-Passw0rd"), QStringLiteral("desk-1")).ok());
    for (int i = 0; i < 2; ++i)
        EXPECT_FALSE(desk2.login(QStringLiteral("olena"), QStringLiteral("Wrong-Passw0rd"), QStringLiteral("desk-2")).ok());
    EXPECT_FALSE(auth->login(QStringLiteral("olena"), QStringLiteral("Good-Passw0rd"), QStringLiteral("desk-1")).ok());
    EXPECT_FALSE(desk2.login(QStringLiteral("olena"), QStringLiteral("Good-Passw0rd"), QStringLiteral("desk-2")).ok());
    // "Restart": a brand-new service instance still sees the lock.
    services::AuthService restarted(second.value(), clock, crypto::ScryptParams::cheapForTests());
    EXPECT_FALSE(restarted.login(QStringLiteral("olena"), QStringLiteral("Good-Passw0rd"), {}).ok());
    clock.advanceSecs(61);
    EXPECT_TRUE(desk2.login(QStringLiteral("olena"), QStringLiteral("Good-Passw0rd"), QStringLiteral("desk-2")).ok());
}

TEST_P(AccountsTest, DisabledUserIsRefusedAndEnableRestores)
{
    addUser(QStringLiteral("olena"), Role::Clerk);
    ASSERT_TRUE(auth->setDisabled(Actor::system(), QStringLiteral("olena"), true).ok());
    auto r = auth->login(QStringLiteral("olena"), QStringLiteral("Good-Passw0rd"), {});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Unauthenticated);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("вимкнено")));
    // A wrong password on a disabled account reveals nothing.
    auto wrong = auth->login(QStringLiteral("olena"), QStringLiteral("Wrong-Passw0rd"), {});
    EXPECT_EQ(wrong.error().message, Accounts::invalidCredentialsMessage());
    ASSERT_TRUE(auth->setDisabled(Actor::system(), QStringLiteral("olena"), false).ok());
    EXPECT_TRUE(auth->login(QStringLiteral("olena"), QStringLiteral("Good-Passw0rd"), {}).ok());
    auto missing = auth->setDisabled(Actor::system(), QStringLiteral("ghost"), true);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
}

TEST_P(AccountsTest, ResetForcesChangeAndChangeNeedsTheOldPassword)
{
    addUser(QStringLiteral("olena"), Role::Clerk);
    ASSERT_TRUE(auth->resetPassword(Actor::system(), QStringLiteral("olena"), QStringLiteral("Temp-Passw0rd")).ok());
    EXPECT_FALSE(auth->login(QStringLiteral("olena"), QStringLiteral("Good-Passw0rd"), {}).ok());
    auto r = auth->login(QStringLiteral("olena"), QStringLiteral("Temp-Passw0rd"), {});
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->mustChangePassword);

    auto wrongOld = auth->changeOwnPassword(r->actor, QStringLiteral("Not-The-Old-1"), QStringLiteral("Mine-Own-Passw0rd"));
    ASSERT_FALSE(wrongOld.ok());
    EXPECT_EQ(wrongOld.error().field, QStringLiteral("old_password"));
    auto weak = auth->changeOwnPassword(r->actor, QStringLiteral("Temp-Passw0rd"), QStringLiteral("short"));
    ASSERT_FALSE(weak.ok());
    EXPECT_EQ(weak.error().field, QStringLiteral("password"));
    ASSERT_TRUE(auth->changeOwnPassword(r->actor, QStringLiteral("Temp-Passw0rd"), QStringLiteral("Mine-Own-Passw0rd")).ok());
    auto again = auth->login(QStringLiteral("olena"), QStringLiteral("Mine-Own-Passw0rd"), {});
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(again->mustChangePassword);
    // The system actor is no user: it cannot "change its own password".
    EXPECT_EQ(auth->changeOwnPassword(Actor::system(), QStringLiteral("a"), QStringLiteral("Mine-Own-Passw0rd2")).error().code,
              ErrorCode::Unauthenticated);
}

TEST_P(AccountsTest, ResetClearsALockOut)
{
    addUser(QStringLiteral("olena"), Role::Clerk);
    for (int i = 0; i < 5; ++i)
        (void)auth->login(QStringLiteral("olena"), QStringLiteral("Wrong-Passw0rd"), {});
    ASSERT_TRUE(auth->resetPassword(Actor::system(), QStringLiteral("olena"), QStringLiteral("Temp-Passw0rd")).ok());
    EXPECT_TRUE(auth->login(QStringLiteral("olena"), QStringLiteral("Temp-Passw0rd"), {}).ok());
}

TEST_P(AccountsTest, WeakHashIsUpgradedOnLogin)
{
    addUser(QStringLiteral("olena"), Role::Clerk);
    const crypto::ScryptParams stronger{1ULL << 11, 8, 1};
    services::AuthService upgraded(t->database(), clock, stronger);
    ASSERT_TRUE(upgraded.login(QStringLiteral("olena"), QStringLiteral("Good-Passw0rd"), {}).ok());
    auto q = storage::execOne(db(), QStringLiteral("SELECT password_hash FROM users WHERE login = 'olena'"));
    ASSERT_TRUE(q.ok());
    auto params = crypto::PasswordHasher::parseParams(q->value(0).toString());
    ASSERT_TRUE(params.ok());
    EXPECT_EQ(params.value(), stronger);
    EXPECT_TRUE(upgraded.login(QStringLiteral("olena"), QStringLiteral("Good-Passw0rd"), {}).ok());
}

TEST_P(AccountsTest, AddUserValidatesAndRefusesDuplicates)
{
    addUser(QStringLiteral("olena"), Role::Clerk);
    security::NewAccount dup{QStringLiteral("OLENA"), {}, Role::Supervisor, QStringLiteral("Other-Passw0rd"), true};
    auto d = auth->addUser(Actor::system(), dup);
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(d.error().field, QStringLiteral("login"));
    security::NewAccount weak{QStringLiteral("petro"), {}, Role::Clerk, QStringLiteral("petro"), true};
    auto w = auth->addUser(Actor::system(), weak);
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.error().field, QStringLiteral("password"));
    security::NewAccount system{QStringLiteral("root"), {}, Role::System, QStringLiteral("Good-Passw0rd"), true};
    EXPECT_EQ(auth->addUser(Actor::system(), system).error().field, QStringLiteral("role"));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM users")), 1) << "nothing half-written";
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'user-add'")), 1);
}

TEST_P(AccountsTest, SqlInjectionInLoginNamesIsHarmless)
{
    addUser(QStringLiteral("olena"), Role::Clerk);
    const QStringList evil = {QStringLiteral("olena' OR '1'='1"), QStringLiteral("olena'; DROP TABLE users; --"),
                              QStringLiteral("\" OR 1=1 --"), QStringLiteral("olena\\'--")};
    for (const QString &e : evil) {
        auto r = auth->login(e, QStringLiteral("anything' OR '1'='1"), {});
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().message, Accounts::invalidCredentialsMessage());
        security::NewAccount a{e, {}, Role::Clerk, QStringLiteral("Good-Passw0rd"), true};
        auto added = auth->addUser(Actor::system(), a);
        ASSERT_FALSE(added.ok());
        EXPECT_EQ(added.error().field, QStringLiteral("login"));
    }
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM users")), 1);
    EXPECT_TRUE(auth->login(QStringLiteral("olena"), QStringLiteral("Good-Passw0rd"), {}).ok());
}

TEST_P(AccountsTest, ListShowsStateButNeverHashes)
{
    addUser(QStringLiteral("olena"), Role::Clerk);
    addUser(QStringLiteral("petro"), Role::Supervisor);
    ASSERT_TRUE(auth->setDisabled(Actor::system(), QStringLiteral("petro"), true).ok());
    auto users = auth->listUsers(Actor::system());
    ASSERT_TRUE(users.ok());
    ASSERT_EQ(users->size(), 2u);
    EXPECT_EQ(users->at(0).stateKey(clock.now()), QStringLiteral("active"));
    EXPECT_EQ(users->at(1).stateKey(clock.now()), QStringLiteral("disabled"));
}

TEST_P(AccountsTest, EveryProtectedCallRefusesTheWrongRole)
{
    addUser(QStringLiteral("olena"), Role::Clerk);
    const int auditBefore = count(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    for (Role role : {Role::Clerk, Role::Supervisor, Role::Kiosk, Role::Display}) {
        Actor a;
        a.userId = 99;
        a.login = QStringLiteral("someone");
        a.role = role;
        security::NewAccount n{QStringLiteral("newbie"), {}, Role::Admin, QStringLiteral("Good-Passw0rd"), true};
        EXPECT_EQ(auth->addUser(a, n).error().code, ErrorCode::PermissionDenied);
        EXPECT_EQ(auth->resetPassword(a, QStringLiteral("olena"), QStringLiteral("Good-Passw0rd2")).error().code, ErrorCode::PermissionDenied);
        EXPECT_EQ(auth->setDisabled(a, QStringLiteral("olena"), true).error().code, ErrorCode::PermissionDenied);
        EXPECT_EQ(auth->listUsers(a).error().code, ErrorCode::PermissionDenied);
    }
    for (Role role : {Role::Clerk, Role::Kiosk, Role::Display}) {
        Actor a;
        a.login = QStringLiteral("someone");
        a.role = role;
        EXPECT_EQ(audit->list(a, {}).error().code, ErrorCode::PermissionDenied);
        EXPECT_EQ(audit->verify(a).error().code, ErrorCode::PermissionDenied);
        EXPECT_EQ(audit->anchor(a).error().code, ErrorCode::PermissionDenied);
    }
    // Allowed roles: supervisors read and verify the audit; administrators manage users.
    Actor supervisor{1, QStringLiteral("boss"), Role::Supervisor, {}};
    EXPECT_TRUE(audit->list(supervisor, {}).ok());
    EXPECT_TRUE(audit->verify(supervisor).ok());
    Actor admin{2, QStringLiteral("root"), Role::Admin, {}};
    EXPECT_TRUE(auth->listUsers(admin).ok());
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM users")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM audit_log")), auditBefore) << "refused calls change nothing";
}

CNAP_INSTANTIATE_FOR_BACKENDS(AccountsTest);
