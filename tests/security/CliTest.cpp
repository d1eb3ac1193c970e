// cnapctl user / login-check / audit: the command-line contract, run on the built binary.
#include "support/TestDatabase.h"
#include "support/TestEnv.h"

#include "storage/Sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace cnap;
using cnap::test::Backend;
using cnap::test::ProcessResult;
using cnap::test::TestDatabase;

class SecurityCliTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        t = std::make_unique<TestDatabase>(GetParam());
        ASSERT_TRUE(t->ok());
    }
    ProcessResult ctl(const QStringList &args, const QByteArray &stdinData = {})
    {
        return cnap::test::runProcess(cnap::test::binDir() + QStringLiteral("/cnapctl"),
                                      QStringList{QStringLiteral("--db"), t->url()} + args, stdinData);
    }
    std::unique_ptr<TestDatabase> t;
};

TEST_P(SecurityCliTest, UserAddListDisableAndLoginCheck)
{
    auto add = ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("olena"), QStringLiteral("--role"),
                    QStringLiteral("clerk"), QStringLiteral("--password-stdin")},
                   "Kvitka-2024-ok\n");
    ASSERT_EQ(add.exitCode, 0) << add.err.toStdString();

    auto dup = ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("olena"), QStringLiteral("--role"),
                    QStringLiteral("admin"), QStringLiteral("--password-stdin")},
                   "Other-Passw0rd\n");
    EXPECT_EQ(dup.exitCode, 1);
    EXPECT_TRUE(dup.err.contains(QStringLiteral("уже існує"))) << dup.err.toStdString();

    auto weak = ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("petro"), QStringLiteral("--role"),
                     QStringLiteral("supervisor"), QStringLiteral("--password-stdin")},
                    "petro12\n");
    EXPECT_EQ(weak.exitCode, 1);
    EXPECT_TRUE(weak.err.contains(QStringLiteral("щонайменше 10"))) << weak.err.toStdString();

    auto badRole = ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("petro"), QStringLiteral("--role"),
                        QStringLiteral("system"), QStringLiteral("--password-stdin")},
                       "Kvitka-2024-ok\n");
    EXPECT_EQ(badRole.exitCode, 1);
    auto noStdin = ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("petro"), QStringLiteral("--role"), QStringLiteral("clerk")});
    EXPECT_EQ(noStdin.exitCode, 2);

    auto list = ctl({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--json")});
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    const QJsonArray users = QJsonDocument::fromJson(list.out.toUtf8()).array();
    ASSERT_EQ(users.size(), 1);
    EXPECT_EQ(users[0].toObject()[QStringLiteral("login")].toString(), QStringLiteral("olena"));
    EXPECT_EQ(users[0].toObject()[QStringLiteral("role")].toString(), QStringLiteral("clerk"));
    EXPECT_EQ(users[0].toObject()[QStringLiteral("state")].toString(), QStringLiteral("active"));
    EXPECT_FALSE(list.out.contains(QStringLiteral("scrypt"))) << "hashes are never listed";

    const QStringList check = {QStringLiteral("login-check"), QStringLiteral("olena"), QStringLiteral("--password-stdin")};
    EXPECT_EQ(ctl(check, "Kvitka-2024-ok\n").exitCode, 0);
    EXPECT_EQ(ctl(check, "Wrong-Passw0rd\n").exitCode, 1);
    EXPECT_EQ(ctl({QStringLiteral("login-check"), QStringLiteral("nobody"), QStringLiteral("--password-stdin")}, "Kvitka-2024-ok\n").exitCode, 1);

    ASSERT_EQ(ctl({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("olena")}).exitCode, 0);
    auto plain = ctl({QStringLiteral("user"), QStringLiteral("list")});
    EXPECT_TRUE(plain.out.contains(QStringLiteral("olena\tclerk\tdisabled"))) << plain.out.toStdString();
    EXPECT_EQ(ctl(check, "Kvitka-2024-ok\n").exitCode, 1);
    ASSERT_EQ(ctl({QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("olena")}).exitCode, 0);
    EXPECT_EQ(ctl(check, "Kvitka-2024-ok\n").exitCode, 0);
    EXPECT_EQ(ctl({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("ghost")}).exitCode, 1);

    ASSERT_EQ(ctl({QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("olena"), QStringLiteral("--password-stdin")},
                  "Reset-Passw0rd-1\n").exitCode, 0);
    auto afterReset = ctl(check, "Reset-Passw0rd-1\n");
    EXPECT_EQ(afterReset.exitCode, 0);
    EXPECT_TRUE(afterReset.out.contains(QStringLiteral("змінити"))) << afterReset.out.toStdString();

    // cnapctl's own changes are audited under its name.
    auto q = storage::execOne(t->database()->db(),
                              QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE login = 'cnapctl' AND action IN ('user-add', 'user-change')"));
    ASSERT_TRUE(q.ok());
    EXPECT_EQ(q->value(0).toInt(), 4);  // add, disable, enable, passwd
}

TEST_P(SecurityCliTest, LoginCheckCountsTowardLockOut)
{
    ASSERT_EQ(ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("olena"), QStringLiteral("--role"),
                   QStringLiteral("kiosk"), QStringLiteral("--password-stdin")},
                  "Kvitka-2024-ok\n").exitCode, 0);
    const QStringList check = {QStringLiteral("login-check"), QStringLiteral("olena"), QStringLiteral("--password-stdin")};
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(ctl(check, "Wrong-Passw0rd\n").exitCode, 1);
    auto locked = ctl(check, "Kvitka-2024-ok\n");
    EXPECT_EQ(locked.exitCode, 1);
    EXPECT_TRUE(locked.err.contains(QStringLiteral("заблоковано"))) << locked.err.toStdString();
    auto list = ctl({QStringLiteral("user"), QStringLiteral("list")});
    EXPECT_TRUE(list.out.contains(QStringLiteral("olena\tkiosk\tlocked"))) << list.out.toStdString();
}

TEST_P(SecurityCliTest, AuditVerifyAnchorAndList)
{
    ASSERT_EQ(ctl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("olena"), QStringLiteral("--role"),
                   QStringLiteral("clerk"), QStringLiteral("--password-stdin")},
                  "Kvitka-2024-ok\n").exitCode, 0);
    EXPECT_EQ(ctl({QStringLiteral("login-check"), QStringLiteral("olena"), QStringLiteral("--password-stdin")}, "Kvitka-2024-ok\n").exitCode, 0);

    auto ok = ctl({QStringLiteral("audit"), QStringLiteral("verify")});
    EXPECT_EQ(ok.exitCode, 0) << ok.err.toStdString();
    EXPECT_EQ(ok.out.trimmed(), QStringLiteral("ok 2 entries"));

    const QString anchorPath = t->dir() + QStringLiteral("/anchor.txt");
    auto anchor = ctl({QStringLiteral("audit"), QStringLiteral("anchor"), QStringLiteral("--out"), anchorPath});
    ASSERT_EQ(anchor.exitCode, 0) << anchor.err.toStdString();
    EXPECT_TRUE(anchor.out.startsWith(QStringLiteral("2 ")));
    EXPECT_EQ(ctl({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--anchor"), anchorPath}).exitCode, 0);

    auto list = ctl({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"), QStringLiteral("login"), QStringLiteral("--json")});
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    const QJsonArray entries = QJsonDocument::fromJson(list.out.toUtf8()).array();
    ASSERT_EQ(entries.size(), 1);
    EXPECT_EQ(entries[0].toObject()[QStringLiteral("login")].toString(), QStringLiteral("olena"));
    EXPECT_EQ(ctl({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"), QStringLiteral("nonsense")}).exitCode, 1);
    EXPECT_EQ(ctl({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--from"), QStringLiteral("yesterday")}).exitCode, 1);

    // Tamper as a DBA would: drop the guard, edit entry 1.
    auto db = t->database()->db();
    const QString drop = GetParam() == Backend::Sqlite ? QStringLiteral("DROP TRIGGER audit_log_no_update")
                                                       : QStringLiteral("DROP TRIGGER audit_log_no_update_delete ON audit_log");
    ASSERT_TRUE(storage::exec(db, drop).ok());
    ASSERT_TRUE(storage::exec(db, QStringLiteral("UPDATE audit_log SET details = 'role=admin' WHERE seq = 1")).ok());
    auto bad = ctl({QStringLiteral("audit"), QStringLiteral("verify")});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("№1"))) << bad.err.toStdString();
    EXPECT_TRUE(bad.out.contains(QStringLiteral("bad entry 1"))) << bad.out.toStdString();
}

CNAP_INSTANTIATE_FOR_BACKENDS(SecurityCliTest);
