// The masking log handler writes personal data masked into its log file, and
// creates that file owner-only.

#include "core/log/Categories.h"
#include "core/log/Log.h"

#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace cnap;

TEST(LogFileMasking, WarningWithPersonalDataIsWrittenMaskedToTheFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cnap.log"));
    LogOptions options;
    options.toStderr = false;
    options.filePath = path;
    options.minLevel = QtDebugMsg;
    ASSERT_TRUE(installLogHandler(options).ok());
    QLoggingCategory::setFilterRules(QStringLiteral("cnap.*.debug=true"));
    qWarning("applicant %s not found in the register", "3456789012");
    qWarning().noquote() << QStringLiteral("паспорт КА123456, тел. +380 67 123 45 67, e-mail yaryna.gudz@example.com");
    qCDebug(QLoggingCategory("cnap.test")) << "УНЗР" << "19900101-01234";
    uninstallLogHandler();
    QLoggingCategory::setFilterRules(QString());

    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3) << text.toStdString();
    EXPECT_TRUE(lines[0].contains(QStringLiteral(" warning ")));
    EXPECT_TRUE(lines[0].contains(QStringLiteral("34*****012"))) << lines[0].toStdString();
    EXPECT_TRUE(lines[2].contains(QStringLiteral("cnap.test")));
    for (const QString &secret : {QStringLiteral("3456789012"), QStringLiteral("КА123456"), QStringLiteral("123 45 67"),
                                  QStringLiteral("yaryna.gudz@example.com"), QStringLiteral("19900101-01234")})
        EXPECT_FALSE(text.contains(secret)) << secret.toStdString() << " in " << text.toStdString();
    EXPECT_EQ(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
              QFileDevice::Permissions());
}

TEST(LogFileMasking, UkrainianPhoneNumbersInTheirUsualSpellings)
{
    for (const QString &phone : {QStringLiteral("+380 67 123 45 67"), QStringLiteral("+380 (67) 123-45-67"),
                                 QStringLiteral("+38 (067) 123-45-67"), QStringLiteral("067 123 45 67"),
                                 QStringLiteral("+380671234567"), QStringLiteral("(067) 123-45-67")}) {
        const QString line = formatLogLine(QtWarningMsg, "cnap.test", QStringLiteral("контакт ") + phone + QStringLiteral(" вказано"));
        EXPECT_FALSE(line.contains(QStringLiteral("123")) && line.contains(QStringLiteral("45"))) << line.toStdString();
        EXPECT_TRUE(line.contains(u'*')) << line.toStdString();
        EXPECT_TRUE(line.endsWith(QStringLiteral(" вказано")));
    }
}

TEST(LogFileMasking, DebugBelowTheMinimumLevelIsDroppedAndAnUnopenableFileFails)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("quiet.log"));
    LogOptions options;
    options.toStderr = false;
    options.filePath = path;
    ASSERT_TRUE(installLogHandler(options).ok());  // minLevel info
    qDebug("dropped 3456789012");
    qInfo("kept");
    uninstallLogHandler();
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    EXPECT_FALSE(text.contains("dropped"));
    EXPECT_TRUE(text.contains("kept"));

    LogOptions bad;
    bad.filePath = dir.filePath(QStringLiteral("missing-folder/x.log"));
    auto st = installLogHandler(bad);
    EXPECT_FALSE(st.ok());
    uninstallLogHandler();
}
