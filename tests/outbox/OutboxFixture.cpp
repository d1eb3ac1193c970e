#include "OutboxFixture.h"

#include "ExchangeFixtures.h"

#include "core/identifiers/IdentifierFactory.h"
#include "storage/CaseRepository.h"
#include "storage/CatalogueRepository.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <gtest/gtest.h>

namespace cnap::test::outbox {

namespace {

ServiceCard card(const QString &code, const QString &name, const QString &registryService)
{
    ServiceCard c(ServiceCode::parse(code).value());
    c.name = name;
    c.provider.name = QStringLiteral("Виконавчий комітет міської ради");
    c.documents = {RequiredDocument{QStringLiteral("Заява"), DocumentForm::Original, true, {}}};
    c.term = 5;
    c.termUnit = TermUnit::WorkingDays;
    c.legalBasis = QStringLiteral("Закон України «Про адміністративні послуги»");
    c.result = QStringLiteral("рішення");
    if (!registryService.isEmpty()) {
        c.route = RouteKind::Registry;
        c.registry = RegistryBinding{registryService, QStringLiteral("v1")};
    }
    return c;
}

QByteArray pdf(int n) { return QByteArrayLiteral("%PDF-1.4\n% outbox test ") + QByteArray::number(n) + QByteArrayLiteral("\n%%EOF\n"); }

} // namespace

Applicant residentPerson(int serial)
{
    Applicant a;
    a.kind = ApplicantKind::Person;
    a.surname = QStringLiteral("Коваленко");
    a.givenName = QStringLiteral("Олена");
    a.patronymic = QStringLiteral("Петрівна");
    a.birthDate = QDate(1985, 1, 1).addDays(serial);
    a.sex = Sex::Female;
    a.rnokpp = makeRnokpp(a.birthDate, serial % 900 + 10, Sex::Female);
    a.document.type = IdentityDocumentType::Passport;
    a.document.number = QStringLiteral("КА%1").arg(100000 + serial);
    a.document.issuer = QStringLiteral("Київський РВ ГУ ДМС");
    a.document.issueDate = QDate(2005, 5, 5);
    a.address.text = QStringLiteral("м. Харків, вул. Сумська, буд. 25, кв. 7");
    a.address.katottg = QStringLiteral("UA63120270010096107");
    a.consentGiven = true;
    a.consentAt = QDateTime(QDate(2026, 3, 2), QTime(8, 0), QTimeZone::utc());
    return a;
}

::cnap::exchange::sync::SyncConfig syncConfig(const QString &url)
{
    ::cnap::exchange::sync::SyncConfig c;
    c.securityServerUrl = url;
    c.client = exchange::sampleClient();
    for (const QString &s : {QStringLiteral("RegisterResidence"), QStringLiteral("SubmitSocialApplication"), QStringLiteral("VerifyPersonUnzr"),
                             QStringLiteral("LookupLegalEntity"), QStringLiteral("FetchOnlineApplications")})
        c.providers.insert(s, {QStringLiteral("SEVDEIR-TEST"), QStringLiteral("GOV"), makeEdrpou(2581140), QStringLiteral("REGISTRY")});
    c.backoffBase = std::chrono::milliseconds(1);
    c.backoffMax = std::chrono::milliseconds(20);
    c.maxAttempts = 30;
    c.concurrency = 2;
    c.batchSize = 10;
    c.statusPollInterval = std::chrono::seconds(0);
    c.transport.connectTimeout = std::chrono::milliseconds(2000);
    c.transport.readTimeout = std::chrono::milliseconds(5000);
    return c;
}

QString writeConfigFile(const QString &dir, const ::cnap::exchange::sync::SyncConfig &c, const QString &extra)
{
    const QString path = dir + QStringLiteral("/syncd.conf");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    QTextStream s(&f);
    s << "[security_server]\nurl = " << c.securityServerUrl << "\nconnect_timeout_ms = " << c.transport.connectTimeout.count()
      << "\nread_timeout_ms = " << c.transport.readTimeout.count() << '\n';
    if (!c.transport.tls.caFile.isEmpty())
        s << "ca_file = " << c.transport.tls.caFile << '\n';
    if (!c.transport.tls.certFile.isEmpty())
        s << "cert_file = " << c.transport.tls.certFile << "\nkey_file = " << c.transport.tls.keyFile << '\n';
    s << "\n[client]\ninstance = " << c.client.instance << "\nmember_class = " << c.client.memberClass << "\nmember_code = "
      << c.client.memberCode << "\nsubsystem = " << c.client.subsystemCode << "\n";
    for (auto it = c.providers.constBegin(); it != c.providers.constEnd(); ++it)
        s << "\n[provider." << it.key() << "]\ninstance = " << it->instance << "\nmember_class = " << it->memberClass
          << "\nmember_code = " << it->memberCode << "\nsubsystem = " << it->subsystemCode << '\n';
    s << "\n[sync]\nbatch_size = " << c.batchSize << "\nconcurrency = " << c.concurrency << "\nmax_attempts = " << c.maxAttempts
      << "\nbackoff_base_ms = " << c.backoffBase.count() << "\nbackoff_max_ms = " << c.backoffMax.count() << "\nlease_s = "
      << c.lease.count() / 1000 << "\n\n[schedule]\nstatus_poll_s = " << c.statusPollInterval.count() << "\n" << extra;
    return path;
}

QHash<QString, int> simActions(const QString &stateDir)
{
    QHash<QString, int> out;
    QFile f(QDir(stateDir).filePath(QStringLiteral("journal.jsonl")));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    while (!f.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(f.readLine()).object();
        if (o.value(QStringLiteral("type")).toString() == QStringLiteral("response"))
            ++out[o.value(QStringLiteral("key")).toString().section(u'\n', 1)];
    }
    return out;
}

OutboxFixture::OutboxFixture(Backend backend) : m_db(backend)
{
    if (!m_db.ok())
        return;
    std::vector<ServiceCard> cards{card(kPaper, QStringLiteral("Довідка про склад сім'ї"), {}),
                                   card(kResidence, QStringLiteral("Реєстрація місця проживання"), QStringLiteral("RegisterResidence")),
                                   card(kSocial, QStringLiteral("Допомога при народженні дитини"), QStringLiteral("SubmitSocialApplication")),
                                   card(kLookup, QStringLiteral("Виписка з ЄДР"), QStringLiteral("LookupLegalEntity"))};
    if (auto r = storage::CatalogueRepository(m_db.database()).replaceAll(cards); !r) {
        ADD_FAILURE() << r.error().describe().toStdString();
        return;
    }
    m_cases = std::make_unique<services::CaseService>(m_db.database(),
                                                      std::make_shared<storage::DocumentStore>(m_db.dir() + QStringLiteral("/store")));
    m_ok = true;
}

QString OutboxFixture::registerCase(const QString &service, int serial, bool withAttachment)
{
    services::RegistrationRequest r;
    r.applicant.candidate = residentPerson(serial);
    r.serviceCode = service;
    r.allProvided = true;
    if (withAttachment)
        r.attachments = {{QStringLiteral("заява.pdf"), pdf(serial)}};
    r.objectAddress = QStringLiteral("м. Харків, вул. Сумська, буд. 25, кв. %1").arg(serial);
    auto res = m_cases->registerCase(Actor::system(), r);
    if (!res) {
        ADD_FAILURE() << "registration failed: " << res.error().describe().toStdString();
        return {};
    }
    return res->details.summary.number;
}

QList<storage::OutboxItem> OutboxFixture::items()
{
    auto l = storage::OutboxRepository(m_db.database()).list(std::nullopt, 0, 100000);
    return l ? l.value() : QList<storage::OutboxItem>{};
}

CaseState OutboxFixture::caseState(const QString &number)
{
    auto c = storage::CaseRepository(m_db.database()).getByNumber(number);
    return c ? c->summary.state : CaseState::Closed;
}

} // namespace cnap::test::outbox
