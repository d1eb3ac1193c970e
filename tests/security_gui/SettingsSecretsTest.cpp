// "Secrets are never stored in plain settings" (issue 7): the URL helper, and a
// real workstation run with a password in --db whose settings file must not
// contain it afterwards.

#include "gui/admin/SettingsSecrets.h"
#include "gui/settings/Settings.h"
#include "services/AuthService.h"
#include "support/TestDatabase.h"
#include "support/TestEnv.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace cnap;
using cnap::gui::admin::databaseUrlForSettings;

TEST(SettingsSecrets, DatabaseUrlLosesItsPasswordOnly)
{
    EXPECT_EQ(databaseUrlForSettings(QStringLiteral("postgresql://cnap:s3cret@db.local:5433/cnap")),
              QStringLiteral("postgresql://cnap@db.local:5433/cnap"));
    const QString tls = databaseUrlForSettings(
        QStringLiteral("postgresql://cnap:p%40ss@10.0.0.5/cnap?sslmode=verify-full&sslrootcert=/etc/cnap/ca.pem"));
    EXPECT_FALSE(tls.contains(QStringLiteral("p%40ss")));
    EXPECT_FALSE(tls.contains(QStringLiteral("p@ss")));
    EXPECT_TRUE(tls.contains(QStringLiteral("sslmode=verify-full")));
    EXPECT_TRUE(tls.contains(QStringLiteral("sslrootcert=/etc/cnap/ca.pem")));
    EXPECT_TRUE(tls.startsWith(QStringLiteral("postgresql://cnap@10.0.0.5/cnap?")));
    const QString query = databaseUrlForSettings(QStringLiteral("postgresql://cnap@h/cnap?password=leak&sslmode=require"));
    EXPECT_FALSE(query.contains(QStringLiteral("leak")));
    EXPECT_TRUE(query.contains(QStringLiteral("sslmode=require")));
    EXPECT_EQ(databaseUrlForSettings(QStringLiteral("postgresql://cnap@h/cnap?password=leak")), QStringLiteral("postgresql://cnap@h/cnap"));
    EXPECT_EQ(databaseUrlForSettings(QStringLiteral("sqlite:/var/lib/cnap/cnap.db")), QStringLiteral("sqlite:/var/lib/cnap/cnap.db"));
    EXPECT_EQ(databaseUrlForSettings(QString()), QString());
    EXPECT_EQ(databaseUrlForSettings(QStringLiteral("not a url with pass:word@")), QString());
}

TEST(SettingsSecrets, WorkstationRunDoesNotWriteTheDatabasePasswordToSettings)
{
    test::TestDatabase t(test::Backend::Postgresql);
    ASSERT_TRUE(t.ok());
    const QString password = t.database()->url().password();
    ASSERT_FALSE(password.isEmpty()) << "the test server's URL carries a password";
    services::AuthService auth(t.database(), Clock::system(), crypto::ScryptParams::cheapForTests());
    security::NewAccount head;
    head.login = QStringLiteral("head");
    head.displayName = QStringLiteral("Керівник");
    head.role = Role::Supervisor;
    head.password = QStringLiteral("Head-Passw0rd!");
    head.mustChangePassword = false;
    ASSERT_TRUE(auth.addUser(Actor::system(), head).ok());

    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("workstation.ini"));
    const QString shot = dir.filePath(QStringLiteral("shot.png"));
    {
        gui::Settings s(ini);  // a settings file that exists before the run
        s.setValue(gui::Settings::Key::Desk, QStringLiteral("7"));
        s.sync();
    }
    const auto r = test::runProcess(test::binDir() + QStringLiteral("/cnap-workstation"),
                                    {QStringLiteral("--mode"), QStringLiteral("supervisor"), QStringLiteral("--db"), t.url(),
                                     QStringLiteral("--settings"), ini, QStringLiteral("--login"), QStringLiteral("head"),
                                     QStringLiteral("--password-stdin"), QStringLiteral("--screenshot"), shot,
                                     QStringLiteral("--screenshot-delay"), QStringLiteral("300")},
                                    QByteArrayLiteral("Head-Passw0rd!\n"), 60000, {QStringLiteral("QT_QPA_PLATFORM=offscreen")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(QFile::exists(shot));
    QFile f(ini);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    EXPECT_FALSE(text.contains(password.toUtf8())) << text.toStdString();
    EXPECT_FALSE(text.contains("Head-Passw0rd!"));
    // Neither the program's output: the URL is only ever shown without its password.
    EXPECT_FALSE(r.err.contains(password));
    EXPECT_FALSE(r.out.contains(password));
}
