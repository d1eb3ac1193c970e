// cnap-registry-sim: serves the registry services over HTTP(S) the way a
// provider's security server answers X-Road 4.0 requests.  Logs are English.
#include "Simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <csignal>
#include <cstdio>

#include <pthread.h>

using namespace cnap;

int main(int argc, char **argv)
{
    // Block the stop signals before any server thread exists, so only the
    // main thread receives them (in sigwait below).
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cnap-registry-sim"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Registry simulator for the CNAP workstation: answers X-Road 4.0 requests for RegisterResidence, "
        "SubmitSocialApplication, VerifyPersonUnzr, LookupLegalEntity, FetchOnlineApplications and "
        "GetApplicationStatus as the provider's security server would. POST messages to /; GET /health and /stats."));
    p.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Address to listen on; port 0 picks a free one (printed)."), QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8080"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"), QStringLiteral("Server certificate (PEM): serve HTTPS."), QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("Server private key (PEM)."), QStringLiteral("FILE"));
    const QCommandLineOption clientCa(QStringLiteral("client-ca"), QStringLiteral("Require a client certificate signed by this CA (mTLS)."), QStringLiteral("FILE"));
    const QCommandLineOption stateDir(QStringLiteral("state-dir"), QStringLiteral("Directory for the durable journal (de-duplication by message id, cases); fsync'ed per request."), QStringLiteral("DIR"));
    const QCommandLineOption fault(QStringLiteral("fault"),
        QStringLiteral("Inject a fault (repeatable; one is drawn per faulty request): "
                       "delay (answer after --delay-ms), drop (close without answer, not acted on), "
                       "http500 (plain-text HTTP 500), client-fault (SOAP Client.* fault), "
                       "server-fault (SOAP Server.ServerProxy.* fault, HTTP 200 or 500), malformed (cut-off XML), "
                       "wrong-header (acted on, answer with a different echoed id), "
                       "duplicate (acted on and stored, answer lost: the retry gets the stored answer)."),
        QStringLiteral("KIND"));
    const QCommandLineOption faultRate(QStringLiteral("fault-rate"), QStringLiteral("Probability (0..1) that a request gets a fault; default 1 when --fault is given."), QStringLiteral("R"), QStringLiteral("1"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed for fault injection."), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption delayMs(QStringLiteral("delay-ms"), QStringLiteral("Delay of the 'delay' fault in milliseconds."), QStringLiteral("MS"), QStringLiteral("3000"));
    const QCommandLineOption decisionMs(QStringLiteral("decision-delay-ms"), QStringLiteral("Time after acceptance until GetApplicationStatus reports a decision."), QStringLiteral("MS"), QStringLiteral("2000"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("Worker threads."), QStringLiteral("N"), QStringLiteral("8"));
    p.addOptions({listen, tlsCert, tlsKey, clientCa, stateDir, fault, faultRate, seed, delayMs, decisionMs, threads});
    p.process(app);  // --help prints and exits 0; unknown options exit 1

    const auto usage = [&err](const QString &msg) {
        err << "cnap-registry-sim: " << msg << Qt::endl;
        return 2;
    };
    const QString addr = p.value(listen);
    const qsizetype colon = addr.lastIndexOf(u':');
    bool portOk = false;
    const int port = colon > 0 ? addr.mid(colon + 1).toInt(&portOk) : -1;
    if (colon <= 0 || !portOk || port < 0 || port > 65535)
        return usage(QStringLiteral("--listen expects HOST:PORT, got '%1'").arg(addr));

    sim::SimConfig config;
    config.stateDir = p.value(stateDir);
    for (const QString &name : p.values(fault)) {
        const auto kind = sim::faultKindFromName(name);
        if (!kind)
            return usage(QStringLiteral("unknown --fault '%1' (one of: %2)").arg(name, sim::faultKindNames().join(QStringLiteral(", "))));
        config.faults.push_back(*kind);
    }
    bool ok = false;
    config.faultRate = p.value(faultRate).toDouble(&ok);
    if (!ok || config.faultRate < 0 || config.faultRate > 1)
        return usage(QStringLiteral("--fault-rate expects a number between 0 and 1"));
    config.seed = p.value(seed).toUInt(&ok);
    if (!ok)
        return usage(QStringLiteral("--seed expects a non-negative integer"));
    config.delayMs = p.value(delayMs).toInt(&ok);
    if (!ok || config.delayMs < 0)
        return usage(QStringLiteral("--delay-ms expects a non-negative integer"));
    config.decisionDelayMs = p.value(decisionMs).toInt(&ok);
    if (!ok || config.decisionDelayMs < 0)
        return usage(QStringLiteral("--decision-delay-ms expects a non-negative integer"));
    const int threadCount = p.value(threads).toInt(&ok);
    if (!ok || threadCount < 1 || threadCount > 256)
        return usage(QStringLiteral("--threads expects 1..256"));
    if (p.isSet(tlsCert) != p.isSet(tlsKey))
        return usage(QStringLiteral("--tls-cert and --tls-key go together"));
    if (p.isSet(clientCa) && !p.isSet(tlsCert))
        return usage(QStringLiteral("--client-ca needs --tls-cert/--tls-key"));

    sim::Simulator simulator(config);
    if (auto st = simulator.open(); !st) {
        err << "cnap-registry-sim: " << st.error().message << Qt::endl;
        return 1;
    }
    net::ServerConfig sc;
    sc.host = addr.left(colon);
    sc.port = static_cast<quint16>(port);
    sc.tlsCertFile = p.value(tlsCert);
    sc.tlsKeyFile = p.value(tlsKey);
    sc.clientCaFile = p.value(clientCa);
    sc.maxThreads = threadCount;
    auto server = net::startHttpServer(sc, [&simulator](const net::ServerRequest &r) { return simulator.handle(r); });
    if (!server) {
        err << "cnap-registry-sim: " << server.error().describe() << Qt::endl;
        return 1;
    }
    out << "listening on " << sc.host << ':' << server.value()->port() << Qt::endl;

    int signal = 0;
    sigwait(&stopSignals, &signal);
    err << "cnap-registry-sim: stopping (signal " << signal << ")" << Qt::endl;
    server.value()->stop();
    return 0;
}
