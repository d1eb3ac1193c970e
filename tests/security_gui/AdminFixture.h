#pragma once

// A fresh database on each backend with a worker thread and an AppContext for
// the administration pages; helpers to wait for the worker's answers.

#include "core/Clock.h"
#include "crypto/Password.h"
#include "gui/common/AppContext.h"
#include "gui/common/TaskRunner.h"
#include "services/AuthService.h"
#include "support/TestDatabase.h"

#include <QTest>
#include <QTimeZone>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace cnap::test {

class AdminGuiTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        t = std::make_unique<TestDatabase>(GetParam());
        ASSERT_TRUE(t->ok());
        runner = std::make_unique<gui::TaskRunner>();
        auto db = t->database();
        runner->setThreadCleanup([db]() { db->releaseThreadConnection(); });
        auth = std::make_unique<services::AuthService>(t->database(), clock, crypto::ScryptParams::cheapForTests());
    }
    void TearDown() override
    {
        runner.reset();  // the worker's connection goes before the database
        auth.reset();
    }

    /// A context acting as `role`.
    gui::AppContext contextAs(Role role, const QString &login = QStringLiteral("actor"))
    {
        gui::AppContext c;
        c.database = t->database();
        c.actor.userId = 900001;  // no real account: the service refuses acting on one's own
        c.actor.login = login;
        c.actor.role = role;
        c.actor.desk = QStringLiteral("3");
        c.runner = runner.get();
        c.clock = &clock;
        return c;
    }

    qint64 addUser(const QString &login, Role role, const QString &password = QStringLiteral("Good-Passw0rd"))
    {
        security::NewAccount a;
        a.login = login;
        a.displayName = QStringLiteral("Тестовий користувач");
        a.role = role;
        a.password = password;
        a.mustChangePassword = false;
        auto id = auth->addUser(Actor::system(), a);
        EXPECT_TRUE(id.ok()) << (id.ok() ? std::string() : id.error().message.toStdString());
        return id.ok() ? id.value() : 0;
    }

    static bool waitFor(const std::function<bool()> &done, int timeoutMs = 20000)
    {
        return QTest::qWaitFor(done, timeoutMs);
    }

    ManualClock clock{QDateTime(QDate(2024, 5, 1), QTime(9, 0), QTimeZone::utc())};
    std::unique_ptr<TestDatabase> t;
    std::unique_ptr<gui::TaskRunner> runner;
    std::unique_ptr<services::AuthService> auth;
};

} // namespace cnap::test
