#pragma once

// Shared set-up for the database-backed security tests: a fresh database on
// each backend, a manual clock, cheap scrypt, and helpers that play the attacker.

#include "core/Clock.h"
#include "crypto/Password.h"
#include "services/AuditService.h"
#include "services/AuthService.h"
#include "storage/Sql.h"
#include "support/TestDatabase.h"

#include <QTimeZone>

#include <gtest/gtest.h>

#include <memory>

namespace cnap::test {

class SecurityTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        t = std::make_unique<TestDatabase>(GetParam());
        ASSERT_TRUE(t->ok());
        auth = std::make_unique<services::AuthService>(t->database(), clock, crypto::ScryptParams::cheapForTests());
        audit = std::make_unique<services::AuditService>(t->database(), clock);
    }

    QSqlDatabase db() const { return t->database()->db(); }

    qint64 addUser(const QString &login, Role role, const QString &password = QStringLiteral("Good-Passw0rd"), bool mustChange = false)
    {
        security::NewAccount a;
        a.login = login;
        a.role = role;
        a.password = password;
        a.mustChangePassword = mustChange;
        auto id = auth->addUser(Actor::system(), a);
        EXPECT_TRUE(id.ok()) << (id.ok() ? std::string() : id.error().message.toStdString());
        return id.ok() ? id.value() : 0;
    }

    int count(const QString &sql, const QVariantList &binds = {}) const
    {
        auto q = storage::execOne(db(), sql, binds);
        EXPECT_TRUE(q.ok()) << (q.ok() ? std::string() : q.error().message.toStdString());
        return q.ok() ? q->value(0).toInt() : -1;
    }

    /// What an attacker with DBA rights does first: remove the append-only guards.
    void dropAuditGuards()
    {
        const QStringList stmts = GetParam() == Backend::Sqlite
            ? QStringList{QStringLiteral("DROP TRIGGER audit_log_no_update"), QStringLiteral("DROP TRIGGER audit_log_no_delete"),
                          QStringLiteral("DROP TRIGGER audit_chain_head_no_delete"), QStringLiteral("DROP TRIGGER audit_chain_head_forward_only")}
            : QStringList{QStringLiteral("DROP TRIGGER audit_log_no_update_delete ON audit_log"),
                          QStringLiteral("DROP TRIGGER audit_chain_head_guard ON audit_chain_head")};
        for (const QString &s : stmts)
            ASSERT_TRUE(storage::exec(db(), s).ok()) << s.toStdString();
    }

    ManualClock clock{QDateTime(QDate(2024, 5, 1), QTime(9, 0), QTimeZone::utc())};
    std::unique_ptr<TestDatabase> t;
    std::unique_ptr<services::AuthService> auth;
    std::unique_ptr<services::AuditService> audit;
};

} // namespace cnap::test
