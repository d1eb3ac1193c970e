// bench_sync: N outbox items through cnap-syncd to cnap-registry-sim over mTLS.
//
//   bench_sync [--items 10000] [--fault-rate 0.2] [--db URL] [--concurrency 4] [--batch 50]
//
// Without --db a temporary SQLite database is used; with --db it must name an
// empty database (it is migrated here).  Certificates are generated with the
// openssl CLI at start.  The items are seeded straight into the outbox (the
// registration path is measured by bench_cases); cnap-syncd --once runs until
// nothing is pending or in flight.  Lost = items neither done nor dead;
// duplicated = message ids the simulator acted on more than once (its journal).
#include "exchange/outbox/CasePayload.h"
#include "exchange/registry/RegistryServices.h"
#include "core/identifiers/IdentifierFactory.h"
#include "crypto/Hash.h"
#include "storage/Database.h"
#include "storage/OutboxRepository.h"
#include "storage/Sql.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace cnap;

namespace {

QTextStream out(stdout);

bool run(const QString &program, const QStringList &args, QString *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        out << program << " failed: " << QString::fromUtf8(p.readAll()) << Qt::endl;
        return false;
    }
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return true;
}

bool makeCerts(const QString &d)
{
    const auto f = [&d](const char *n) -> QString { return d + u'/' + QString::fromLatin1(n); };
    QFile ext(f("san.ext"));
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n");
    ext.close();
    const QString ossl = QStringLiteral("openssl");
    return run(ossl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                      QStringLiteral("-keyout"), f("ca.key"), QStringLiteral("-out"), f("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                      QStringLiteral("-subj"), QStringLiteral("/CN=bench CA")})
        && run(ossl, {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                      f("server.key"), QStringLiteral("-out"), f("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost")})
        && run(ossl, {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), f("server.csr"), QStringLiteral("-CA"), f("ca.pem"),
                      QStringLiteral("-CAkey"), f("ca.key"), QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), f("server.pem"),
                      QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), f("san.ext")})
        && run(ossl, {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                      f("client.key"), QStringLiteral("-out"), f("client.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=cnap-bench")})
        && run(ossl, {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), f("client.csr"), QStringLiteral("-CA"), f("ca.pem"),
                      QStringLiteral("-CAkey"), f("ca.key"), QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), f("client.pem"),
                      QStringLiteral("-days"), QStringLiteral("2")});
}

QByteArray samplePayload(int i)
{
    exchange::registry::RegisterResidenceRequest r;
    r.person.rnokpp = makeRnokpp(QDate(1985, 3, 4), 100 + i % 800, Sex::Female);
    r.person.lastName = QStringLiteral("Коваленко");
    r.person.firstName = QStringLiteral("Олена");
    r.person.patronymic = QStringLiteral("Петрівна");
    r.person.birthDate = QDate(1985, 3, 4);
    r.documentType = QStringLiteral("id-card");
    r.documentNumber = QStringLiteral("%1").arg(100000000 + i);
    r.katottg = QStringLiteral("UA63120270010096107");
    r.settlement = QStringLiteral("м. Харків");
    r.street = QStringLiteral("вул. Сумська");
    r.building = QString::number(1 + i % 200);
    r.apartment = QString::number(1 + i % 90);
    r.basis = QStringLiteral("ownership");
    r.applicationDate = QDate(2026, 3, 2);
    xml::Document doc = xml::Document::create(exchange::registry::payloadNamespace(r.service), QString(),
                                              exchange::registry::serviceCode(r.service));
    xml::Element root = doc.root();
    exchange::registry::write(root, r);
    return doc.serialize();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    const QCommandLineOption itemsOpt(QStringLiteral("items"), QStringLiteral("Items."), QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption rateOpt(QStringLiteral("fault-rate"), QStringLiteral("Injected fault rate."), QStringLiteral("R"), QStringLiteral("0"));
    const QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("Empty database URL."), QStringLiteral("URL"));
    const QCommandLineOption concOpt(QStringLiteral("concurrency"), QStringLiteral("Workers."), QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption batchOpt(QStringLiteral("batch"), QStringLiteral("Batch size."), QStringLiteral("N"), QStringLiteral("50"));
    p.addOptions({itemsOpt, rateOpt, dbOpt, concOpt, batchOpt});
    p.addHelpOption();
    p.process(app);
    const int items = p.value(itemsOpt).toInt();
    const QString rate = p.value(rateOpt);

    QTemporaryDir tmp;
    const QString dir = tmp.path();
    const QString url = p.isSet(dbOpt) ? p.value(dbOpt) : QStringLiteral("sqlite://") + dir + QStringLiteral("/bench.sqlite");
    auto parsed = storage::DatabaseUrl::parse(url);
    if (!parsed) {
        out << "bad --db" << Qt::endl;
        return 2;
    }
    auto db = storage::Database::open(parsed.value());
    if (!db || !db.value()->migrate()) {
        out << "cannot open/migrate the database" << Qt::endl;
        return 1;
    }
    if (!makeCerts(dir))
        return 1;

    // Seed the outbox in one transaction.
    {
        storage::OutboxRepository repo(db.value());
        auto tx = storage::Transaction::begin(db.value()->db());
        if (!tx)
            return 1;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < items; ++i) {
            storage::OutboxItem it;
            it.messageId = crypto::uuid4();
            it.caseNumber = QStringLiteral("01-2026-%1").arg(i + 1, 6, 10, QLatin1Char('0'));
            it.serviceCode = QStringLiteral("RegisterResidence");
            it.serviceVersion = QStringLiteral("v1");
            it.userId = QStringLiteral("clerk1");
            it.payload = samplePayload(i);
            it.nextAttemptMs = now;
            it.createdMs = now;
            if (!repo.enqueue(it)) {
                out << "seed failed" << Qt::endl;
                return 1;
            }
        }
        if (!tx->commit())
            return 1;
    }

    QStringList simArgs{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--state-dir"), dir + QStringLiteral("/sim"),
                        QStringLiteral("--tls-cert"), dir + QStringLiteral("/server.pem"), QStringLiteral("--tls-key"), dir + QStringLiteral("/server.key"),
                        QStringLiteral("--client-ca"), dir + QStringLiteral("/ca.pem"), QStringLiteral("--threads"), QStringLiteral("8")};
    if (rate.toDouble() > 0)
        simArgs << QStringLiteral("--fault") << QStringLiteral("drop") << QStringLiteral("--fault") << QStringLiteral("http500")
                << QStringLiteral("--fault") << QStringLiteral("server-fault") << QStringLiteral("--fault") << QStringLiteral("duplicate")
                << QStringLiteral("--fault") << QStringLiteral("delay") << QStringLiteral("--delay-ms") << QStringLiteral("100")
                << QStringLiteral("--fault-rate") << rate;
    QProcess sim;
    sim.start(QStringLiteral(CNAP_BIN_DIR "/cnap-registry-sim"), simArgs);
    QByteArray seen;
    int port = 0;
    static const QRegularExpression ready(QStringLiteral("listening on [^\\s]+:(\\d+)"));
    for (int i = 0; i < 100 && !port; ++i) {
        sim.waitForReadyRead(100);
        seen += sim.readAllStandardOutput();
        const auto m = ready.match(QString::fromUtf8(seen));
        if (m.hasMatch())
            port = m.captured(1).toInt();
    }
    if (!port) {
        out << "simulator did not start" << Qt::endl;
        return 1;
    }

    QFile conf(dir + QStringLiteral("/syncd.conf"));
    if (!conf.open(QIODevice::WriteOnly))
        return 1;
    QTextStream c(&conf);
    c << "[security_server]\nurl = https://localhost:" << port << "/\nca_file = " << dir << "/ca.pem\ncert_file = " << dir
      << "/client.pem\nkey_file = " << dir << "/client.key\nread_timeout_ms = 5000\n\n[client]\nmember_code = " << makeEdrpou(4059243) << "\nsubsystem = CNAP\n\n"
      << "[provider.RegisterResidence]\nmember_code = 37508470\nsubsystem = REGISTER\n\n[schedule]\npoll_online = false\n\n[sync]\nbatch_size = "
      << p.value(batchOpt) << "\nconcurrency = " << p.value(concOpt) << "\nmax_attempts = 50\nbackoff_base_ms = 1\nbackoff_max_ms = 50\n"
      << "\n[retention]\nmessage_log_days = 0\n";
    c.flush();
    conf.close();

    QElapsedTimer timer;
    timer.start();
    int runs = 0;
    storage::OutboxRepository repo(db.value());
    storage::OutboxCounts counts;
    for (; runs < 200; ++runs) {
        if (!run(QStringLiteral(CNAP_BIN_DIR "/cnap-syncd"), {QStringLiteral("--db"), url, QStringLiteral("--config"), conf.fileName(),
                                                            QStringLiteral("--once")}))
            return 1;
        counts = repo.counts().valueOr(storage::OutboxCounts{});
        if (counts.pending == 0 && counts.inFlight == 0)
            break;
    }
    const double secs = double(timer.nsecsElapsed()) / 1e9;
    sim.terminate();
    sim.waitForFinished();

    // The simulator's journal: actions per message id.
    QHash<QString, int> acted;
    QFile journal(dir + QStringLiteral("/sim/journal.jsonl"));
    if (journal.open(QIODevice::ReadOnly)) {
        while (!journal.atEnd()) {
            const QJsonObject o = QJsonDocument::fromJson(journal.readLine()).object();
            if (o.value(QStringLiteral("type")).toString() == QStringLiteral("response"))
                ++acted[o.value(QStringLiteral("key")).toString().section(u'\n', 1)];
        }
    }
    int duplicated = 0;
    for (int n : acted)
        duplicated += n > 1 ? 1 : 0;
    const QList<storage::OutboxItem> all = repo.list(std::nullopt, 0, items + 10).valueOr(QList<storage::OutboxItem>{});
    qint64 attempts = 0;
    int doneNotActed = 0;
    for (const auto &i : all) {
        attempts += i.attempts;
        if (i.state == storage::OutboxState::Done && acted.value(i.messageId) != 1)
            ++doneNotActed;
    }
    const qint64 lost = items - counts.done - counts.dead;
    out << "backend " << (db.value()->isPostgres() ? "postgresql" : "sqlite") << ", items " << items << ", fault rate " << rate
        << ", concurrency " << p.value(concOpt) << ", batch " << p.value(batchOpt) << Qt::endl;
    out << QStringLiteral("syncd runs %1, wall %2 s, %3 items/s, attempts %4 (%5 per item)")
               .arg(runs + 1).arg(secs, 0, 'f', 1).arg(items / secs, 0, 'f', 0).arg(attempts).arg(double(attempts) / items, 0, 'f', 2)
        << Qt::endl;
    out << "done " << counts.done << ", dead " << counts.dead << ", lost " << lost << ", duplicated " << duplicated
        << ", done but not acted exactly once " << doneNotActed << Qt::endl;
    return (lost == 0 && duplicated == 0 && doneNotActed == 0) ? 0 : 1;
}
