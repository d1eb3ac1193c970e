// cnapctl queue … and cnapctl demo, run as a child process against both backends.
#include "support/TestDatabase.h"
#include "support/TestEnv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace cnap;
using cnap::test::Backend;
using cnap::test::TestDatabase;

class QueueCliTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        db = std::make_unique<TestDatabase>(GetParam());
        ASSERT_TRUE(db->ok());
    }
    test::ProcessResult run(QStringList args)
    {
        args.prepend(db->url());
        args.prepend(QStringLiteral("--db"));
        return test::runProcess(test::binDir() + QStringLiteral("/cnapctl"), args, {}, 120000);
    }
    static QString lastLine(const QString &out) { return out.trimmed().split(u'\n').last().trimmed(); }
    std::unique_ptr<TestDatabase> db;
};

TEST_P(QueueCliTest, DemoThenIssueCallFinishStatusCategories)
{
    auto demo = run({QStringLiteral("demo")});
    ASSERT_EQ(demo.exitCode, 0) << demo.err.toStdString();
    auto again = run({QStringLiteral("demo")});  // idempotent
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();

    auto status = run({QStringLiteral("queue"), QStringLiteral("status"), QStringLiteral("--json")});
    ASSERT_EQ(status.exitCode, 0) << status.err.toStdString();
    const QJsonObject s = QJsonDocument::fromJson(status.out.toUtf8()).object();
    const QJsonArray desks = s.value(QStringLiteral("desks")).toArray();
    const QJsonArray queues = s.value(QStringLiteral("queues")).toArray();
    ASSERT_GE(desks.size(), 10);
    ASSERT_GE(queues.size(), 3);
    QStringList names;
    QSet<QString> served;
    for (const QJsonValue &d : desks) {
        names << d.toObject().value(QStringLiteral("name")).toString();
        for (const QJsonValue &code : d.toObject().value(QStringLiteral("services")).toArray())
            served.insert(code.toString());
    }
    for (int n = 1; n <= 10; ++n)
        EXPECT_TRUE(names.contains(QString::number(n))) << n;
    int issued = 0, waiting = 0;
    for (const QJsonValue &q : queues) {
        issued += q.toObject().value(QStringLiteral("issuedToday")).toInt();
        waiting += q.toObject().value(QStringLiteral("waiting")).toInt();
        EXPECT_TRUE(q.toObject().contains(QStringLiteral("estimatedWaitSecs")));
        EXPECT_TRUE(q.toObject().contains(QStringLiteral("longestWaitSecs")));
    }
    EXPECT_GT(issued, 10);  // a day of history, not duplicated by the second run
    EXPECT_GT(waiting, 0);
    EXPECT_LT(issued, 100);

    // A service that desk 1 serves.
    const QString code = desks.at(0).toObject().value(QStringLiteral("services")).toArray().at(0).toString();
    ASSERT_TRUE(served.contains(code));
    // Drain desk 1 so the next call is ours.
    for (int i = 0; i < 200; ++i) {
        auto c = run({QStringLiteral("queue"), QStringLiteral("call"), QStringLiteral("--desk"), QStringLiteral("1")});
        if (c.exitCode == 3)
            break;
        ASSERT_EQ(c.exitCode, 0) << c.err.toStdString();
        ASSERT_EQ(run({QStringLiteral("queue"), QStringLiteral("finish"), QStringLiteral("--desk"), QStringLiteral("1")}).exitCode, 0);
    }
    auto none = run({QStringLiteral("queue"), QStringLiteral("call"), QStringLiteral("--desk"), QStringLiteral("1")});
    EXPECT_EQ(none.exitCode, 3);

    auto issue = run({QStringLiteral("queue"), QStringLiteral("issue"), QStringLiteral("--service"), code});
    ASSERT_EQ(issue.exitCode, 0) << issue.err.toStdString();
    const QString number = lastLine(issue.out);
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^[А-ЯІЇЄҐ]{1,3}-\\d{3}$")).match(number).hasMatch()) << number.toStdString();
    auto call = run({QStringLiteral("queue"), QStringLiteral("call"), QStringLiteral("--desk"), QStringLiteral("1")});
    ASSERT_EQ(call.exitCode, 0) << call.err.toStdString();
    EXPECT_EQ(lastLine(call.out), number);
    auto finish = run({QStringLiteral("queue"), QStringLiteral("finish"), QStringLiteral("--desk"), QStringLiteral("1"),
                       QStringLiteral("--outcome"), QStringLiteral("case-registered")});
    ASSERT_EQ(finish.exitCode, 0) << finish.err.toStdString();
    EXPECT_EQ(lastLine(finish.out), number);
    EXPECT_EQ(run({QStringLiteral("queue"), QStringLiteral("finish"), QStringLiteral("--desk"), QStringLiteral("1")}).exitCode, 1);

    auto cats = run({QStringLiteral("queue"), QStringLiteral("categories")});
    ASSERT_EQ(cats.exitCode, 0);
    const QStringList lines = cats.out.trimmed().split(u'\n');
    ASSERT_EQ(lines.size(), 3);
    EXPECT_TRUE(lines.at(0).startsWith(QStringLiteral("disability\t")));
    auto priority = run({QStringLiteral("queue"), QStringLiteral("issue"), QStringLiteral("--service"), code,
                         QStringLiteral("--priority"), QStringLiteral("serviceman")});
    ASSERT_EQ(priority.exitCode, 0) << priority.err.toStdString();
    EXPECT_TRUE(lastLine(priority.out).contains(QStringLiteral("П-"))) << lastLine(priority.out).toStdString();

    auto human = run({QStringLiteral("queue"), QStringLiteral("status")});
    ASSERT_EQ(human.exitCode, 0);
    EXPECT_TRUE(human.out.contains(QStringLiteral("Вікно")));
}

TEST_P(QueueCliTest, BadInputAndUsageExitCodes)
{
    ASSERT_EQ(run({QStringLiteral("demo")}).exitCode, 0);
    auto unknown = run({QStringLiteral("queue"), QStringLiteral("issue"), QStringLiteral("--service"), QStringLiteral("nope")});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("service"))) << unknown.err.toStdString();
    auto badCategory = run({QStringLiteral("queue"), QStringLiteral("issue"), QStringLiteral("--service"), QStringLiteral("01331"),
                            QStringLiteral("--priority"), QStringLiteral("vip")});
    EXPECT_EQ(badCategory.exitCode, 1);
    EXPECT_TRUE(badCategory.err.contains(QStringLiteral("priority")));
    EXPECT_EQ(run({QStringLiteral("queue"), QStringLiteral("call")}).exitCode, 2);
    auto noDesk = run({QStringLiteral("queue"), QStringLiteral("call"), QStringLiteral("--desk"), QStringLiteral("77")});
    EXPECT_EQ(noDesk.exitCode, 1);
    EXPECT_TRUE(noDesk.err.contains(QStringLiteral("desk")));
    ASSERT_EQ(run({QStringLiteral("queue"), QStringLiteral("pause-centre")}).exitCode, 0);
    auto paused = run({QStringLiteral("queue"), QStringLiteral("call"), QStringLiteral("--desk"), QStringLiteral("1")});
    EXPECT_EQ(paused.exitCode, 1);
    auto status = run({QStringLiteral("queue"), QStringLiteral("status"), QStringLiteral("--json")});
    EXPECT_TRUE(QJsonDocument::fromJson(status.out.toUtf8()).object().value(QStringLiteral("centrePaused")).toBool());
    EXPECT_EQ(run({QStringLiteral("queue"), QStringLiteral("resume-centre")}).exitCode, 0);
}

CNAP_INSTANTIATE_FOR_BACKENDS(QueueCliTest);
