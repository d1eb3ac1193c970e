#include "storage/DatabaseUrl.h"

#include <gtest/gtest.h>

using namespace cnap;
using namespace cnap::storage;

TEST(DatabaseUrl, ParsesSqlitePath)
{
    auto u = DatabaseUrl::parse(QStringLiteral("sqlite:/var/lib/cnap/centre.sqlite"));
    ASSERT_TRUE(u.ok());
    EXPECT_EQ(u->dialect(), Dialect::Sqlite);
    EXPECT_EQ(u->path(), QStringLiteral("/var/lib/cnap/centre.sqlite"));
    EXPECT_EQ(u->toString(), QStringLiteral("sqlite:/var/lib/cnap/centre.sqlite"));
}

TEST(DatabaseUrl, ParsesPostgresWithAllParts)
{
    auto u = DatabaseUrl::parse(QStringLiteral("postgresql://clerk:s%40cret@db.local:6543/cnap?sslmode=verify-full&sslrootcert=/etc/cnap/ca.pem"));
    ASSERT_TRUE(u.ok()) << u.error().message.toStdString();
    EXPECT_EQ(u->dialect(), Dialect::Postgresql);
    EXPECT_EQ(u->user(), QStringLiteral("clerk"));
    EXPECT_EQ(u->password(), QStringLiteral("s@cret"));
    EXPECT_EQ(u->host(), QStringLiteral("db.local"));
    EXPECT_EQ(u->port(), 6543);
    EXPECT_EQ(u->databaseName(), QStringLiteral("cnap"));
    EXPECT_EQ(u->options().value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
}

TEST(DatabaseUrl, DefaultPortAndNoPassword)
{
    auto u = DatabaseUrl::parse(QStringLiteral("postgresql://cnap@localhost/centre"));
    ASSERT_TRUE(u.ok());
    EXPECT_EQ(u->port(), 5432);
    EXPECT_TRUE(u->password().isEmpty());
}

TEST(DatabaseUrl, DisplayStringHidesPassword)
{
    auto u = DatabaseUrl::parse(QStringLiteral("postgresql://clerk:topsecret@h/db"));
    ASSERT_TRUE(u.ok());
    EXPECT_FALSE(u->toDisplayString().contains(QStringLiteral("topsecret")));
    EXPECT_TRUE(u->toString().contains(QStringLiteral("topsecret")));
}

TEST(DatabaseUrl, RejectsBadUrlsNamingTheField)
{
    for (const char *bad : {"", "mysql://a@b/c", "sqlite:", "postgresql://host/db", "postgresql://u@/db",
                            "postgresql://u@h/", "postgresql://u@h:99999/db", "postgresql://u@h/db?evil=1"}) {
        auto u = DatabaseUrl::parse(QString::fromUtf8(bad));
        ASSERT_FALSE(u.ok()) << bad;
        EXPECT_EQ(u.error().code, ErrorCode::InvalidArgument) << bad;
        EXPECT_EQ(u.error().field, QStringLiteral("db")) << bad;
        EXPECT_FALSE(u.error().message.isEmpty()) << bad;
    }
}
