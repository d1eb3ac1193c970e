// cnapctl case register / show --json / transition / check, exit codes, and the
// kill -9 reliability run: a registration killed at any moment leaves the whole
// case or nothing, and never a reference to a missing file.
#include "core/identifiers/IdentifierFactory.h"
#include "storage/CaseRepository.h"
#include "storage/Sql.h"
#include "support/TestEnv.h"

#include "CaseFixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>

#include <iostream>

#include <gtest/gtest.h>

using namespace cnap;
using cnap::test::Backend;
using cnap::test::TestDatabase;

namespace {
QString cnapctl() { return test::binDir() + QStringLiteral("/cnapctl"); }

QString writeFile(const QString &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir + u'/' + name;
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
    return path;
}

QString lastLine(const QString &out)
{
    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}

QStringList registerArgs(const TestDatabase &t, const QString &store, int serial)
{
    return {QStringLiteral("--db"), t.url(), QStringLiteral("case"), QStringLiteral("register"),
            QStringLiteral("--service"), test::kFreeService,
            QStringLiteral("--rnokpp"), makeRnokpp(QDate(1975, 5, 5).addDays(serial), serial % 1000, Sex::Female),
            QStringLiteral("--surname"), QStringLiteral("Коваленко"), QStringLiteral("--name"), QStringLiteral("Олена"),
            QStringLiteral("--store"), store};
}
} // namespace

class CaseCliTest : public ::testing::TestWithParam<Backend> {};

TEST_P(CaseCliTest, RegisterShowTransitionCheck)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    ASSERT_TRUE(test::seedCatalogue(t.database()));
    const QString store = t.dir() + QStringLiteral("/store");
    const QByteArray pdf = test::samplePdf(99);
    const QString pdfPath = writeFile(t.dir(), QStringLiteral("заява.pdf"), pdf);
    const QString fakePath = writeFile(t.dir(), QStringLiteral("fake.pdf"), QByteArray("GIF89a not a pdf"));

    // Bad input: exit 1, the field named, nothing registered.
    auto bad = test::runProcess(cnapctl(), registerArgs(t, store, 1) << QStringLiteral("--doc") << fakePath);
    EXPECT_EQ(bad.exitCode, 1) << bad.err.toStdString();
    EXPECT_TRUE(bad.err.contains(QStringLiteral("attachments[0]"))) << bad.err.toStdString();
    EXPECT_TRUE(bad.err.contains(QStringLiteral("fake.pdf")));
    auto badRnokpp = test::runProcess(cnapctl(), {QStringLiteral("--db"), t.url(), QStringLiteral("case"), QStringLiteral("register"),
                                                  QStringLiteral("--service"), test::kFreeService, QStringLiteral("--rnokpp"),
                                                  QStringLiteral("1234567890"), QStringLiteral("--surname"), QStringLiteral("А"),
                                                  QStringLiteral("--name"), QStringLiteral("Б"), QStringLiteral("--store"), store});
    EXPECT_EQ(badRnokpp.exitCode, 1);
    EXPECT_TRUE(badRnokpp.err.contains(QStringLiteral("--rnokpp")));
    auto usage = test::runProcess(cnapctl(), {QStringLiteral("--db"), t.url(), QStringLiteral("case"), QStringLiteral("register"),
                                              QStringLiteral("--surname"), QStringLiteral("А")});
    EXPECT_EQ(usage.exitCode, 2);
    EXPECT_EQ(storage::CaseRepository(t.database()).count().value(), 0);

    auto reg = test::runProcess(cnapctl(), registerArgs(t, store, 1) << QStringLiteral("--doc") << pdfPath);
    ASSERT_EQ(reg.exitCode, 0) << reg.err.toStdString();
    const QString number = lastLine(reg.out);
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^01-\\d{4}-000001$")).match(number).hasMatch()) << number.toStdString();

    auto show = test::runProcess(cnapctl(), {QStringLiteral("--db"), t.url(), QStringLiteral("case"), QStringLiteral("show"), number,
                                             QStringLiteral("--json"), QStringLiteral("--store"), store});
    ASSERT_EQ(show.exitCode, 0) << show.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(show.out.toUtf8()).object();
    EXPECT_EQ(o.value(QStringLiteral("number")).toString(), number);
    EXPECT_EQ(o.value(QStringLiteral("state")).toString(), QStringLiteral("registered"));
    EXPECT_FALSE(o.value(QStringLiteral("dueDate")).toString().isEmpty());
    const QJsonArray docs = o.value(QStringLiteral("documents")).toArray();
    ASSERT_EQ(docs.size(), 1);
    EXPECT_EQ(docs[0].toObject().value(QStringLiteral("sha256")).toString(),
              QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex()));
    EXPECT_EQ(docs[0].toObject().value(QStringLiteral("mimeType")).toString(), QStringLiteral("application/pdf"));
    EXPECT_EQ(o.value(QStringLiteral("history")).toArray().size(), 1);
    EXPECT_EQ(o.value(QStringLiteral("applicantName")).toString(), QStringLiteral("Коваленко Олена"));

    const QStringList tr = {QStringLiteral("--db"), t.url(), QStringLiteral("case"), QStringLiteral("transition"), number};
    auto sent = test::runProcess(cnapctl(), QStringList(tr) << QStringLiteral("sent-to-provider") << QStringLiteral("--comment")
                                                            << QStringLiteral("кур'єром"));
    EXPECT_EQ(sent.exitCode, 0) << sent.err.toStdString();
    auto illegal = test::runProcess(cnapctl(), QStringList(tr) << QStringLiteral("closed"));
    EXPECT_EQ(illegal.exitCode, 1);
    EXPECT_TRUE(illegal.err.contains(QStringLiteral("Передано суб'єкту надання"))) << illegal.err.toStdString();
    auto unknown = test::runProcess(cnapctl(), QStringList(tr) << QStringLiteral("lost"));
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("under-review")));
    auto missing = test::runProcess(cnapctl(), {QStringLiteral("--db"), t.url(), QStringLiteral("case"), QStringLiteral("transition"),
                                                QStringLiteral("01-2026-999999"), QStringLiteral("withdrawn")});
    EXPECT_EQ(missing.exitCode, 1);

    const QStringList check = {QStringLiteral("--db"), t.url(), QStringLiteral("check"), QStringLiteral("--store"), store};
    auto sound = test::runProcess(cnapctl(), check);
    EXPECT_EQ(sound.exitCode, 0) << sound.out.toStdString() << sound.err.toStdString();
    QFile::remove(store + u'/' + docs[0].toObject().value(QStringLiteral("sha256")).toString().left(2) + u'/'
                  + docs[0].toObject().value(QStringLiteral("sha256")).toString());
    auto broken = test::runProcess(cnapctl(), check);
    EXPECT_EQ(broken.exitCode, 1);
    EXPECT_TRUE(broken.out.contains(QStringLiteral("проблема"))) << broken.out.toStdString();
}

TEST_P(CaseCliTest, KilledRegistrationsLeaveWholeCasesOrNothing)
{
    TestDatabase t(GetParam());
    ASSERT_TRUE(t.ok());
    ASSERT_TRUE(test::seedCatalogue(t.database()));
    const QString store = t.dir() + QStringLiteral("/store");
    constexpr int kRuns = 30;
    // One run to completion tells how long a registration takes here, so the
    // kills spread over the whole of it (start-up, applicant, files, transaction).
    QElapsedTimer timer;
    timer.start();
    auto warm = test::runProcess(cnapctl(), registerArgs(t, store, 499) << QStringLiteral("--doc")
                                                                         << writeFile(t.dir(), QStringLiteral("w.pdf"), test::samplePdf(499))
                                                                         << QStringLiteral("--doc")
                                                                         << writeFile(t.dir(), QStringLiteral("w.png"), test::samplePng()));
    ASSERT_EQ(warm.exitCode, 0) << warm.err.toStdString();
    const int window = std::max<int>(20, int(timer.elapsed() * 5 / 4));
    int killed = 0;
    int finished = 0;
    for (int i = 0; i < kRuns; ++i) {
        // Fresh content every time, so each run really writes files.
        QByteArray big = test::samplePdf(1000 + i);
        big.append(QByteArray(256 * 1024, char('a' + i % 26)));
        const QString a = writeFile(t.dir(), QStringLiteral("a%1.pdf").arg(i), big);
        const QString b = writeFile(t.dir(), QStringLiteral("b%1.png").arg(i), test::samplePng() + QByteArray::number(i));
        QProcess p;
        p.setProgram(cnapctl());
        p.setArguments(registerArgs(t, store, 500 + i) << QStringLiteral("--doc") << a << QStringLiteral("--doc") << b);
        p.start();
        ASSERT_TRUE(p.waitForStarted(10000));
        QThread::msleep(QRandomGenerator::global()->bounded(window + 1));
        if (p.state() == QProcess::Running) {
            p.kill();  // SIGKILL, at whatever point it has reached (possibly after its commit)
            ++killed;
        } else {
            ++finished;
        }
        p.waitForFinished(10000);
    }
    std::cout << "window " << window << " ms; killed " << killed << ", finished before the kill " << finished << std::endl;

    auto check = test::runProcess(cnapctl(), {QStringLiteral("--db"), t.url(), QStringLiteral("check"), QStringLiteral("--store"), store});
    EXPECT_EQ(check.exitCode, 0) << check.out.toStdString() << check.err.toStdString();

    // Every case present is complete: both documents, on disk, with their hashes.
    storage::CaseRepository repo(t.database());
    auto page = repo.list(CaseListQuery{{}, {}, {}, {}, false, CaseSort::RegisteredAsc, {}, 500}, QDate::currentDate());
    ASSERT_TRUE(page.ok());
    storage::DocumentStore files(store);
    for (const CaseSummary &s : page->rows) {
        auto d = repo.getById(s.id);
        ASSERT_TRUE(d.ok());
        EXPECT_EQ(d->documents.size(), 2) << s.number.toStdString();
        EXPECT_EQ(d->checklist.size(), 2);
        EXPECT_EQ(d->history.size(), 1);
        for (const CaseDocument &doc : d->documents)
            EXPECT_TRUE(files.verify(doc.sha256).value()) << s.number.toStdString();
    }
    std::cout << "cases present after the run: " << page->rows.size() << std::endl;
    // Numbers are exactly 1..n.
    EXPECT_EQ(page->rows.size(), page->rows.isEmpty() ? 0 : page->rows.last().seq);
}

CNAP_INSTANTIATE_FOR_BACKENDS(CaseCliTest);
