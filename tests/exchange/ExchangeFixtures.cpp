#include "ExchangeFixtures.h"

#include "core/identifiers/IdentifierFactory.h"
#include "support/TestEnv.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <gtest/gtest.h>

#include <map>
#include <mutex>

namespace cnap::test::exchange {

xr::XRoadClient sampleClient()
{
    return {QStringLiteral("SEVDEIR-TEST"), QStringLiteral("GOV"), makeEdrpou(4059243), QStringLiteral("10_KharkivCNAP_test")};
}

xr::XRoadService sampleService(const QString &serviceCode, const QString &version)
{
    return {QStringLiteral("SEVDEIR-TEST"), QStringLiteral("GOV"), makeEdrpou(3736608), QStringLiteral("reg_TG_register"),
            serviceCode, version};
}

xr::RequestHeader sampleHeader(reg::Service service)
{
    xr::RequestHeader h;
    h.client = sampleClient();
    h.service = sampleService(reg::serviceCode(service));
    h.id = QStringLiteral("3f1c2a9e-8b47-4d0f-9a51-6c2e7d8b1f04");
    h.userId = QStringLiteral("operator.kovalenko");
    h.issue = QStringLiteral("ЦНАП-2026-001234");
    return h;
}

reg::RegisterResidenceRequest sampleRegisterResidence()
{
    reg::RegisterResidenceRequest r;
    r.person = {makeRnokpp(QDate(1988, 4, 12), 123, Sex::Female), makeUnzr(QDate(1988, 4, 12), 4521),
                QStringLiteral("Шевченко"), QStringLiteral("Олена"), QStringLiteral("Петрівна"), QDate(1988, 4, 12)};
    r.documentType = QStringLiteral("id-card");
    r.documentNumber = makeIdCard(12345678);
    r.katottg = QStringLiteral("UA63120270010096107");
    r.settlement = QStringLiteral("м. Харків");
    r.street = QStringLiteral("вул. Сумська");
    r.building = QStringLiteral("25");
    r.apartment = QStringLiteral("7");
    r.basis = QStringLiteral("ownership");
    r.applicationDate = QDate(2026, 11, 27);
    return r;
}

reg::SubmitSocialApplicationRequest sampleSocialApplication()
{
    reg::SubmitSocialApplicationRequest r;
    r.applicant = {makeRnokpp(QDate(1956, 11, 3), 7, Sex::Male), {}, QStringLiteral("Коваленко"), QStringLiteral("Іван"),
                   QStringLiteral("Степанович"), QDate(1956, 11, 3)};
    r.assistanceType = QStringLiteral("housing-subsidy");
    r.submittedAt = QDateTime(QDate(2026, 11, 27), QTime(10, 30), Qt::UTC);
    return r;
}

reg::VerifyPersonUnzrRequest sampleVerifyPerson()
{
    return {makeUnzr(QDate(1995, 7, 28), 77), QStringLiteral("Мельник"), QStringLiteral("Ганна"), QStringLiteral("Олегівна"),
            QDate(1995, 7, 28)};
}

reg::LookupLegalEntityRequest sampleLookup() { return {makeEdrpou(3273012)}; }
reg::FetchOnlineApplicationsRequest sampleFetch() { return {QString(), 4}; }
reg::GetApplicationStatusRequest sampleStatus(const QString &reference) { return {reference}; }

QByteArray sampleRequestBytes(reg::Service service)
{
    const xr::RequestHeader h = sampleHeader(service);
    Result<QByteArray> r = Error::make(ErrorCode::Internal, QStringLiteral("?"));
    switch (service) {
    case reg::Service::RegisterResidence: r = reg::buildRequest(h, sampleRegisterResidence()); break;
    case reg::Service::SubmitSocialApplication: r = reg::buildRequest(h, sampleSocialApplication()); break;
    case reg::Service::VerifyPersonUnzr: r = reg::buildRequest(h, sampleVerifyPerson()); break;
    case reg::Service::LookupLegalEntity: r = reg::buildRequest(h, sampleLookup()); break;
    case reg::Service::FetchOnlineApplications: r = reg::buildRequest(h, sampleFetch()); break;
    case reg::Service::GetApplicationStatus: r = reg::buildRequest(h, sampleStatus()); break;
    }
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().describe().toStdString());
    return r.ok() ? r.value() : QByteArray();
}

QString messageXsdPath()
{
    const QString env = qEnvironmentVariable("CNAP_XROAD_XSD");
    if (!env.isEmpty())
        return env;
    return QDir(sourceDir()).absoluteFilePath(QStringLiteral("../shared/reference/x-road/message.xsd"));
}

const xml::Schema &messageSchema()
{
    static xml::Schema schema = [] {
        auto s = xml::Schema::load(messageXsdPath());
        EXPECT_TRUE(s.ok()) << s.error().message.toStdString();
        return s.ok() ? std::move(s).value() : xml::Schema();
    }();
    return schema;
}

const xml::Schema &bodySchema(reg::Service service)
{
    static std::mutex mutex;
    static std::map<reg::Service, xml::Schema> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(service);
    if (it == cache.end()) {
        auto s = xml::Schema::load(reg::schemaPath(QDir(sourceDir()).filePath(QStringLiteral("schemas")), service));
        EXPECT_TRUE(s.ok()) << s.error().message.toStdString();
        it = cache.emplace(service, s.ok() ? std::move(s).value() : xml::Schema()).first;
    }
    return it->second;
}

// ---------------------------------------------------------------- certificates

namespace {

bool openssl(const QStringList &args, QString &error)
{
    const ProcessResult r = runProcess(QStringLiteral("openssl"), args, {}, 60000);
    if (r.exitCode != 0) {
        error = QStringLiteral("openssl %1 failed: %2").arg(args.join(u' '), r.err);
        return false;
    }
    return true;
}

bool makeCa(const QString &dir, const QString &name, QString &cert, QString &key, QString &error)
{
    cert = dir + u'/' + name + QStringLiteral(".crt");
    key = dir + u'/' + name + QStringLiteral(".key");
    return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                    QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                    QStringLiteral("/C=UA/O=CNAP test/CN=") + name,
                    QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                    QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
                   error);
}

bool makeLeaf(const QString &dir, const QString &name, const QString &cn, const QString &extensions, const QString &caCert,
              const QString &caKey, QString &cert, QString &key, QString &error)
{
    cert = dir + u'/' + name + QStringLiteral(".crt");
    key = dir + u'/' + name + QStringLiteral(".key");
    const QString csr = dir + u'/' + name + QStringLiteral(".csr");
    const QString ext = dir + u'/' + name + QStringLiteral(".ext");
    QFile f(ext);
    if (!f.open(QIODevice::WriteOnly) || f.write(extensions.toUtf8()) < 0) {
        error = QStringLiteral("cannot write ") + ext;
        return false;
    }
    f.close();
    return openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), key, QStringLiteral("-out"), csr, QStringLiteral("-subj"),
                    QStringLiteral("/C=UA/O=CNAP test/CN=") + cn},
                   error)
           && openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr, QStringLiteral("-CA"), caCert,
                       QStringLiteral("-CAkey"), caKey, QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), cert,
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), ext},
                      error);
}

} // namespace

const Certs &certs()
{
    static Certs c;
    static std::once_flag once;
    std::call_once(once, [] {
        const QString d = c.dir.path();
        const QString server = QStringLiteral("basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
                                              "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n");
        const QString wrong = QStringLiteral("basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
                                             "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:registry.invalid\n");
        const QString client = QStringLiteral("basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
                                              "extendedKeyUsage=clientAuth\n");
        QString &e = c.error;
        (void)(makeCa(d, QStringLiteral("ca"), c.caCert, c.caKey, e)
               && makeCa(d, QStringLiteral("other-ca"), c.otherCaCert, c.otherCaKey, e)
               && makeLeaf(d, QStringLiteral("server"), QStringLiteral("localhost"), server, c.caCert, c.caKey, c.serverCert, c.serverKey, e)
               && makeLeaf(d, QStringLiteral("wrong-host"), QStringLiteral("registry.invalid"), wrong, c.caCert, c.caKey,
                           c.wrongHostCert, c.wrongHostKey, e)
               && makeLeaf(d, QStringLiteral("client"), QStringLiteral("10_KharkivCNAP_test"), client, c.caCert, c.caKey,
                           c.clientCert, c.clientKey, e)
               && makeLeaf(d, QStringLiteral("rogue-client"), QStringLiteral("rogue"), client, c.otherCaCert, c.otherCaKey,
                           c.rogueClientCert, c.rogueClientKey, e));
    });
    return c;
}

// ---------------------------------------------------------------- simulator

SimProcess::SimProcess(QStringList args) : m_process(std::make_unique<QProcess>())
{
    if (!args.contains(QStringLiteral("--listen")))
        args << QStringLiteral("--listen") << QStringLiteral("127.0.0.1:0");
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start(QDir(binDir()).filePath(QStringLiteral("cnap-registry-sim")), args);
    if (!m_process->waitForStarted(10000)) {
        m_output = QStringLiteral("cannot start cnap-registry-sim");
        return;
    }
    static const QRegularExpression ready(QStringLiteral("listening on [^\\s]+:(\\d+)"));
    QByteArray seen;
    for (int i = 0; i < 100 && m_port == 0; ++i) {
        if (!m_process->waitForReadyRead(100) && m_process->state() != QProcess::Running)
            break;
        seen += m_process->readAllStandardOutput();
        const auto m = ready.match(QString::fromUtf8(seen));
        if (m.hasMatch())
            m_port = static_cast<quint16>(m.captured(1).toUInt());
    }
    m_output = QString::fromUtf8(seen + m_process->readAllStandardError());
}

SimProcess::~SimProcess() { stop(); }

void SimProcess::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
}

QString SimProcess::url(bool https, const QString &host) const
{
    return QStringLiteral("%1://%2:%3/").arg(https ? QStringLiteral("https") : QStringLiteral("http"), host).arg(m_port);
}

} // namespace cnap::test::exchange
