// The administrators' message log viewer on both backends: newest first,
// keyset pages while scrolling, the message id filter, an entry in full
// (indented SOAP, attachments listed; hostile or broken bodies shown as they
// are), its bytes saved exactly, and the roles that may not read it.
#include "ExchangeGuiFixture.h"

#include "crypto/Hash.h"
#include "exchange/message/Multipart.h"
#include "gui/exchange/ExchangeModels.h"
#include "gui/exchange/MessageLogController.h"
#include "gui/exchange/MessageLogPanel.h"
#include "storage/MessageLogRepository.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>

using namespace cnap;
using namespace cnap::gui::exchange;
using cnap::test::Backend;
using cnap::test::ExchangeGuiFixture;
using cnap::test::waitFor;

namespace {

class MessageLogViewerTest : public ::testing::TestWithParam<Backend> {};

const QByteArray kSoap = QByteArrayLiteral(
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">"
    "<SOAP-ENV:Header/><SOAP-ENV:Body><r:LookupLegalEntity xmlns:r=\"urn:ua:cnap:registry:LookupLegalEntity:v1\">"
    "<r:edrpou>00015622</r:edrpou></r:LookupLegalEntity></SOAP-ENV:Body></SOAP-ENV:Envelope>");

qint64 append(storage::MessageLogRepository &log, const QString &messageId, const QString &direction, const QByteArray &body,
              const QString &outcome, qint64 atMs, const QString &contentType = QStringLiteral("text/xml; charset=UTF-8"))
{
    storage::MessageLogEntry e;
    e.messageId = messageId;
    e.caseNumber = QStringLiteral("1-2026-000001");
    e.serviceCode = QStringLiteral("LookupLegalEntity");
    e.direction = direction;
    e.atMs = atMs;
    e.httpStatus = direction == QStringLiteral("response") ? 200 : 0;
    e.contentType = contentType;
    e.body = body;
    e.sha256 = crypto::sha256Hex(body);
    e.outcome = outcome;
    auto id = log.append(e);
    EXPECT_TRUE(id.ok());
    return id.valueOr(0);
}

QString messageIdOf(int n) { return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0')); }

} // namespace

TEST_P(MessageLogViewerTest, NewestFirstInKeysetPagesWithAMessageFilter)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    storage::MessageLogRepository log(f.database());
    const qint64 t0 = QDateTime(QDate(2026, 3, 2), QTime(9, 0)).toMSecsSinceEpoch();
    for (int i = 0; i < 450; ++i)
        append(log, messageIdOf(i / 2), i % 2 ? QStringLiteral("response") : QStringLiteral("request"), kSoap,
               i % 2 ? (i % 10 == 3 ? QStringLiteral("retry: HTTP 500") : QStringLiteral("accepted")) : QStringLiteral("sent"), t0 + i * 1000);

    MessageLogPanel panel(f.contextAs(Role::Admin, QStringLiteral("admin")));
    MessageLogController *c = panel.controller();
    QAbstractItemModelTester tester(c->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(c->model(), &QAbstractItemModel::rowsInserted);
    panel.resize(1000, 500);
    panel.show();  // the first page loads when the panel is first shown
    ASSERT_TRUE(waitFor([&] { return c->model()->rowCount() >= 200; }));
    EXPECT_EQ(c->model()->rowCount(), 200);
    const MessageLogModel *m = c->model();
    EXPECT_EQ(m->entryAt(0)->messageId, messageIdOf(224)) << "newest first";
    EXPECT_EQ(m->index(0, MessageLogModel::DirectionColumn).data().toString(), QStringLiteral("Відповідь"));
    EXPECT_EQ(m->index(1, MessageLogModel::DirectionColumn).data().toString(), QStringLiteral("Запит"));
    EXPECT_EQ(m->index(0, MessageLogModel::Sha256Column).data().toString(), crypto::sha256Hex(kSoap));
    EXPECT_EQ(m->index(0, MessageLogModel::HttpStatusColumn).data().toInt(), 200);
    EXPECT_EQ(m->index(1, MessageLogModel::HttpStatusColumn).data().toString(), QStringLiteral("—"));
    EXPECT_FALSE(m->index(0, MessageLogModel::TimeColumn).data().toString().isEmpty());
    EXPECT_TRUE(m->entryAt(0)->body.isEmpty()) << "the list does not load bodies";
    EXPECT_TRUE(panel.statusLabel()->text().contains(QStringLiteral("200")));

    // Scrolling to the bottom asks for the next, older page (before the oldest id shown).
    ASSERT_TRUE(waitFor([&] {
        panel.view()->scrollToBottom();
        if (c->model()->canFetchMore({}))
            c->model()->fetchMore({});
        return !c->model()->hasMore();
    }));
    ASSERT_EQ(m->rowCount(), 450);
    for (int r = 1; r < m->rowCount(); ++r)
        ASSERT_GT(m->entryAt(r - 1)->id, m->entryAt(r)->id);
    ASSERT_GE(inserted.size(), 2);
    for (const auto &args : inserted)
        EXPECT_LE(args.at(2).toInt() - args.at(1).toInt() + 1, 200) << "one page at a time, never the whole log";
    EXPECT_EQ(m->index(449, MessageLogModel::OutcomeColumn).data().toString(), QStringLiteral("надіслано"));
    EXPECT_EQ(m->index(446, MessageLogModel::OutcomeColumn).data().toString(), QStringLiteral("повтор пізніше: HTTP 500"));

    // One message's request and response only.
    QTest::keyClicks(panel.filterEdit(), messageIdOf(7));
    QTest::keyClick(panel.filterEdit(), Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return m->rowCount() == 2; }));
    EXPECT_EQ(m->entryAt(0)->messageId, messageIdOf(7));
    EXPECT_EQ(m->entryAt(1)->messageId, messageIdOf(7));
    EXPECT_FALSE(m->canFetchMore({}));
    panel.filterEdit()->clear();
    QTest::keyClick(panel.filterEdit(), Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return m->rowCount() == 200; }));
}

TEST_P(MessageLogViewerTest, AnEntryOpensReadOnlyIndentedAndSavesItsExactBytes)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    storage::MessageLogRepository log(f.database());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 plain = append(log, messageIdOf(1), QStringLiteral("request"), kSoap, QStringLiteral("sent"), now);
    // A multipart request: the SOAP part indented, the scan listed with its hash.
    cnap::exchange::MessageParts parts;
    parts.soap = kSoap;
    parts.attachments.push_back({QByteArrayLiteral("scan-1@cnap"), QByteArrayLiteral("application/pdf"), QByteArrayLiteral("%PDF-1.4 test\n%%EOF\n")});
    auto encoded = cnap::exchange::encodeMessage(parts);
    ASSERT_TRUE(encoded.ok());
    const qint64 multipart = append(log, messageIdOf(2), QStringLiteral("request"), encoded->body, QStringLiteral("sent"), now + 1,
                                    QString::fromLatin1(encoded->contentType));
    // What the simulator's "malformed" fault sends, and a hostile entity bomb: shown as text, never expanded.
    const QByteArray broken = kSoap.left(kSoap.size() / 2);
    const qint64 cut = append(log, messageIdOf(3), QStringLiteral("response"), broken, QStringLiteral("retry: malformed"), now + 2);
    const QByteArray bomb = QByteArrayLiteral("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                                              "]><l>&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;</l>");
    const qint64 hostile = append(log, messageIdOf(4), QStringLiteral("response"), bomb, QStringLiteral("dead: hostile"), now + 3);
    const qint64 empty = append(log, messageIdOf(5), QStringLiteral("response"), {}, QStringLiteral("retry: connection refused"), now + 4);

    MessageLogPanel panel(f.contextAs(Role::Supervisor, QStringLiteral("head")));
    MessageLogController *c = panel.controller();
    QList<QPointer<MessageEntryDialog>> dialogs;
    QObject::connect(&panel, &MessageLogPanel::entryOpened, &panel, [&](MessageEntryDialog *d) { dialogs << d; });
    panel.show();
    ASSERT_TRUE(waitFor([&] { return c->model()->rowCount() == 5; }));

    // Enter on the selected row opens it.
    panel.view()->setFocus();
    panel.view()->setCurrentIndex(c->model()->index(4, 0));
    ASSERT_EQ(c->model()->entryAt(4)->id, plain);
    panel.openCurrent();
    ASSERT_TRUE(waitFor([&] { return dialogs.size() == 1; }));
    MessageEntryDialog *d = dialogs.last();
    ASSERT_TRUE(d);
    EXPECT_TRUE(d->textView()->isReadOnly());
    EXPECT_TRUE(d->document().pretty);
    EXPECT_GT(d->textView()->toPlainText().count(u'\n'), 4) << "indented for reading";
    EXPECT_TRUE(d->textView()->toPlainText().contains(QStringLiteral("<r:edrpou>00015622</r:edrpou>")));
    EXPECT_EQ(d->document().entry.body, kSoap) << "the stored bytes are untouched";
    // Saved exactly as sent, atomically.
    const QString path = QDir(f.dir()).filePath(QStringLiteral("saved.xml"));
    QSignalSpy saved(c, &MessageLogController::saved);
    c->saveBody(d->document().entry.body, path);
    ASSERT_TRUE(waitFor([&] { return !saved.isEmpty(); }));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), kSoap);
    EXPECT_EQ(crypto::sha256Hex(kSoap), d->document().entry.sha256);
    d->copyText();
    d->close();

    auto open = [&](qint64 id) -> MessageEntryDialog * {
        const int before = int(dialogs.size());
        c->openEntry(id);
        if (!waitFor([&] { return dialogs.size() > before; }))
            return nullptr;
        return dialogs.last();
    };
    MessageEntryDialog *mp = open(multipart);
    ASSERT_TRUE(mp);
    EXPECT_TRUE(mp->document().pretty);
    EXPECT_TRUE(mp->document().note.contains(QStringLiteral("scan-1@cnap"))) << mp->document().note.toStdString();
    EXPECT_TRUE(mp->document().note.contains(crypto::sha256Hex(QByteArrayLiteral("%PDF-1.4 test\n%%EOF\n"))));
    EXPECT_FALSE(mp->textView()->toPlainText().contains(QStringLiteral("%PDF"))) << "the scan is listed, not dumped";

    MessageEntryDialog *bad = open(cut);
    ASSERT_TRUE(bad);
    EXPECT_FALSE(bad->document().pretty);
    EXPECT_EQ(bad->textView()->toPlainText(), QString::fromUtf8(broken));
    EXPECT_TRUE(bad->document().note.startsWith(QStringLiteral("Показано як є"))) << bad->document().note.toStdString();

    MessageEntryDialog *bombed = open(hostile);
    ASSERT_TRUE(bombed);
    EXPECT_FALSE(bombed->textView()->toPlainText().contains(QStringLiteral("aaaaaaaaaaaaaaaaaaaa"))) << "entities are never expanded";

    MessageEntryDialog *nothing = open(empty);
    ASSERT_TRUE(nothing);
    EXPECT_TRUE(nothing->document().text.isEmpty());
    EXPECT_FALSE(nothing->findChild<QWidget *>(QStringLiteral("saveMessageButton"))->isEnabled());

    // A folder that cannot be written: a clear error naming the file, nothing half-written.
    QSignalSpy failed(c, &MessageLogController::failed);
    c->saveBody(kSoap, QStringLiteral("/nonexistent-dir/x.xml"));
    ASSERT_TRUE(waitFor([&] { return !failed.isEmpty(); }));
    EXPECT_TRUE(failed.at(0).at(0).value<Error>().message.contains(QStringLiteral("x.xml")));
    EXPECT_FALSE(QFile::exists(QStringLiteral("/nonexistent-dir/x.xml")));
}

TEST_P(MessageLogViewerTest, ClerksMayNotReadTheLog)
{
    ExchangeGuiFixture f(GetParam());
    ASSERT_TRUE(f.ok());
    storage::MessageLogRepository log(f.database());
    const qint64 id = append(log, messageIdOf(1), QStringLiteral("request"), kSoap, QStringLiteral("sent"), 1000);
    MessageLogPanel panel(f.contextAs(Role::Clerk, QStringLiteral("clerk1")));
    QSignalSpy failed(panel.controller(), &MessageLogController::failed);
    panel.show();
    ASSERT_TRUE(waitFor([&] { return failed.size() == 1; }));
    EXPECT_EQ(failed.at(0).at(0).value<Error>().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(panel.controller()->model()->rowCount(), 0);
    EXPECT_FALSE(panel.statusLabel()->text().isEmpty());
    QSignalSpy opened(&panel, &MessageLogPanel::entryOpened);
    panel.controller()->openEntry(id);
    ASSERT_TRUE(waitFor([&] { return failed.size() == 2; }));
    EXPECT_EQ(failed.at(1).at(0).value<Error>().code, ErrorCode::PermissionDenied);
    EXPECT_TRUE(opened.isEmpty());
}

CNAP_INSTANTIATE_FOR_BACKENDS(MessageLogViewerTest);
