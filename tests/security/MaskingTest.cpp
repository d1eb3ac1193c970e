#include "core/log/Categories.h"
#include "core/log/Log.h"
#include "core/log/Masking.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using cnap::log::maskPersonalData;

TEST(LogMasking, MasksEachKindOfIdentifier)
{
    EXPECT_EQ(maskPersonalData(QStringLiteral("rnokpp 3612345575 found")), QStringLiteral("rnokpp 36*****575 found"));
    EXPECT_EQ(maskPersonalData(QStringLiteral("edrpou=14360570;")), QStringLiteral("edrpou=14***570;"));
    EXPECT_EQ(maskPersonalData(QStringLiteral("id card 001234567")), QStringLiteral("id card 00****567"));
    EXPECT_EQ(maskPersonalData(QStringLiteral("unzr 19900101-00099")), QStringLiteral("unzr 19*********099"));
    EXPECT_EQ(maskPersonalData(QStringLiteral("passport КК123456.")), QStringLiteral("passport КК***456."));
    EXPECT_EQ(maskPersonalData(QStringLiteral("passport KK 123456")), QStringLiteral("passport KK****456"));
    EXPECT_EQ(maskPersonalData(QStringLiteral("mail olena.koval@ukr.net now")), QStringLiteral("mail ol**************net now"));
    const QStringList phones = {QStringLiteral("+380671234567"), QStringLiteral("380671234567"), QStringLiteral("0671234567"),
                                QStringLiteral("+38 (067) 123-45-67"), QStringLiteral("067 123 45 67")};
    for (const QString &p : phones) {
        const QString out = maskPersonalData(QStringLiteral("call ") + p + QStringLiteral(" today"));
        EXPECT_FALSE(out.contains(QStringLiteral("123"))) << p.toStdString() << " -> " << out.toStdString();
        EXPECT_TRUE(out.startsWith(QStringLiteral("call "))) << out.toStdString();
        EXPECT_TRUE(out.endsWith(QStringLiteral(" today"))) << out.toStdString();
    }
}

TEST(LogMasking, LeavesOrdinaryTextAlone)
{
    const QStringList keep = {
        QStringLiteral("2024-05-01T09:30:00.123Z info cnap.queue: desk 3 called ticket A-017"),
        QStringLiteral("case 2024-000123 moved to review after 15 days"),
        QStringLiteral("synced 1234567 bytes in 250 ms, HTTP 200"),
        QStringLiteral("Київ, вул. Хрещатик, 22"),
    };
    for (const QString &s : keep)
        EXPECT_EQ(maskPersonalData(s), s);
}

TEST(LogMasking, HandlerWritesMaskedLinesToFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cnap.log"));
    ASSERT_TRUE(cnap::installLogHandler({.toStderr = false, .filePath = path, .minLevel = QtInfoMsg}).ok());
    qCInfo(cnap::lcSecurity) << "applicant" << QStringLiteral("3612345575") << "phone" << QStringLiteral("+380671234567");
    qCWarning(cnap::lcExchange, "registry rejected %s", "olena@example.com");
    qCDebug(cnap::lcSecurity) << "dropped below minimum level 3612345575";
    cnap::uninstallLogHandler();
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    EXPECT_TRUE(text.contains(QStringLiteral("info cnap.security:"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("36*****575"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("warning cnap.exchange: registry rejected"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("3612345575")));
    EXPECT_FALSE(text.contains(QStringLiteral("671234567")));
    EXPECT_FALSE(text.contains(QStringLiteral("olena@example.com")));
    EXPECT_FALSE(text.contains(QStringLiteral("dropped below")));
    EXPECT_FALSE(QFile::permissions(path) & QFileDevice::ReadOther) << "log files are owner-only";
}

TEST(LogMasking, UnwritableFileIsAnErrorNotACrash)
{
    auto st = cnap::installLogHandler({.toStderr = false, .filePath = QStringLiteral("/nonexistent-dir/x/cnap.log"), .minLevel = QtInfoMsg});
    EXPECT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, cnap::ErrorCode::Io);
}
