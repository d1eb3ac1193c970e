#include "Simulator.h"

#include "core/identifiers/IdentifierFactory.h"
#include "core/identifiers/Identifiers.h"
#include "crypto/Hash.h"
#include "exchange/message/Multipart.h"
#include "exchange/registry/RegistryServices.h"
#include "xml/xroad/XRoad.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>
#include <thread>

#include <unistd.h>

namespace cnap::sim {

namespace xr = cnap::xml::xroad;
namespace reg = cnap::exchange::registry;

namespace {

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

struct KindName {
    FaultKind kind;
    const char16_t *name;
};
constexpr KindName kKinds[] = {
    {FaultKind::Delay, u"delay"},           {FaultKind::Drop, u"drop"},
    {FaultKind::Http500, u"http500"},       {FaultKind::ClientFault, u"client-fault"},
    {FaultKind::ServerFault, u"server-fault"}, {FaultKind::Malformed, u"malformed"},
    {FaultKind::WrongHeader, u"wrong-header"}, {FaultKind::Duplicate, u"duplicate"},
};

// A few legal entities of the Unified State Register, made up but shaped like real records.
struct Entity {
    int base;
    const char *fullName;
    const char *shortName;
    const char *status;
    const char *address;
    const char *head;
    const char *position;
    QDate registered;
};
const Entity kEntities[] = {
    {3273012, "ТОВАРИСТВО З ОБМЕЖЕНОЮ ВІДПОВІДАЛЬНІСТЮ «СЛОБОЖАНСЬКІ ПЕКАРНІ»", "ТОВ «СЛОБОЖАНСЬКІ ПЕКАРНІ»", "registered",
     "61002, Харківська обл., місто Харків, вулиця Сумська, будинок 25, офіс 4", "Ковальчук Андрій Миколайович", "директор",
     QDate(2004, 3, 17)},
    {4105588, "КОМУНАЛЬНЕ ПІДПРИЄМСТВО «ЖИТЛОСЕРВІС ПОЛТАВА»", "КП «ЖИТЛОСЕРВІС ПОЛТАВА»", "registered",
     "36000, Полтавська обл., місто Полтава, вулиця Соборності, будинок 36", "Гнатюк Світлана Іванівна", "генеральний директор",
     QDate(2011, 9, 1)},
    {2581140, "ПРИВАТНЕ ПІДПРИЄМСТВО «ДНІПРОАГРОТРАНС»", "ПП «ДНІПРОАГРОТРАНС»", "in-termination",
     "49000, Дніпропетровська обл., місто Дніпро, проспект Яворницького, будинок 70", "Литвиненко Віктор Петрович", "керівник",
     QDate(1999, 6, 22)},
};

} // namespace

std::optional<FaultKind> faultKindFromName(const QString &name)
{
    for (const KindName &k : kKinds) {
        if (name == QStringView(k.name))
            return k.kind;
    }
    return std::nullopt;
}

QStringList faultKindNames()
{
    QStringList out;
    for (const KindName &k : kKinds)
        out << QString::fromUtf16(k.name);
    return out;
}

Simulator::Simulator(SimConfig config) : m_config(std::move(config)), m_rng(m_config.seed) {}

Status Simulator::open()
{
    if (m_config.stateDir.isEmpty())
        return {};
    if (!QDir().mkpath(m_config.stateDir))
        return Error::make(ErrorCode::Io, QStringLiteral("cannot create state directory %1").arg(m_config.stateDir));
    m_journal.setFileName(QDir(m_config.stateDir).filePath(QStringLiteral("journal.jsonl")));
    if (m_journal.exists()) {
        if (!m_journal.open(QIODevice::ReadOnly))
            return Error::make(ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(m_journal.fileName(), m_journal.errorString()));
        while (!m_journal.atEnd()) {
            const QByteArray line = m_journal.readLine();
            // A line cut by a crash mid-write has no newline and is ignored: its
            // request was never answered, so the client will resend it.
            if (!line.endsWith('\n'))
                break;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("type")).toString() == QStringLiteral("response")) {
                Stored s{o.value(QStringLiteral("hash")).toString().toLatin1(), o.value(QStringLiteral("status")).toInt(),
                         o.value(QStringLiteral("contentType")).toString().toLatin1(),
                         QByteArray::fromBase64(o.value(QStringLiteral("body")).toString().toLatin1())};
                m_responses.insert(o.value(QStringLiteral("key")).toString(), s);
            } else if (o.value(QStringLiteral("type")).toString() == QStringLiteral("case")) {
                Case c{o.value(QStringLiteral("reference")).toString(), o.value(QStringLiteral("service")).toString(),
                       static_cast<qint64>(o.value(QStringLiteral("createdMs")).toDouble()), o.value(QStringLiteral("refuse")).toBool()};
                m_cases.insert(c.reference, c);
                ++m_sequence;
            }
        }
        m_journal.close();
    }
    if (!m_journal.open(QIODevice::WriteOnly | QIODevice::Append))
        return Error::make(ErrorCode::Io, QStringLiteral("cannot open %1: %2").arg(m_journal.fileName(), m_journal.errorString()));
    return {};
}

Status Simulator::appendJournal(const QByteArray &line)
{
    if (!m_journal.isOpen())
        return {};
    // Durable before the answer leaves: a crash after fsync still de-duplicates.
    if (m_journal.write(line + '\n') != line.size() + 1 || !m_journal.flush() || ::fsync(m_journal.handle()) != 0)
        return Error::make(ErrorCode::Io, QStringLiteral("journal write failed: %1").arg(m_journal.errorString()));
    return {};
}

QString Simulator::newReference(const QString &prefix)
{
    ++m_sequence;
    return QStringLiteral("%1-%2-%3").arg(prefix).arg(QDate::currentDate().year()).arg(m_sequence, 6, 10, QLatin1Char('0'));
}

FaultKind Simulator::drawFault()
{
    if (m_config.faults.empty())
        return FaultKind::None;
    std::uniform_real_distribution<double> chance(0.0, 1.0);
    if (chance(m_rng) >= m_config.faultRate)
        return FaultKind::None;
    std::uniform_int_distribution<size_t> pick(0, m_config.faults.size() - 1);
    return m_config.faults[pick(m_rng)];
}

net::ServerReply Simulator::fault(const QString &code, const QString &text, int status) const
{
    net::ServerReply r;
    r.status = status;
    r.body = xr::faultDocument(code, text, crypto::uuid4());
    return r;
}

net::ServerReply Simulator::handle(const net::ServerRequest &request)
{
    if (request.method == "GET") {
        net::ServerReply r;
        r.contentType = "application/json";
        if (request.path == "/health") {
            r.body = "{\"status\":\"ok\"}";
        } else if (request.path == "/stats") {
            std::lock_guard lock(m_mutex);
            QJsonObject o{{QStringLiteral("requests"), static_cast<double>(m_requests)},
                          {QStringLiteral("processed"), static_cast<double>(m_processed)},
                          {QStringLiteral("replayed"), static_cast<double>(m_replayed)},
                          {QStringLiteral("cases"), static_cast<double>(m_cases.size())}};
            r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        } else {
            r.status = 404;
            r.contentType = "text/plain";
            r.body = "not found";
        }
        return r;
    }
    if (request.method != "POST" || (request.path != "/" && !request.path.startsWith("/?"))) {
        net::ServerReply r;
        r.status = request.method != "POST" ? 405 : 404;
        r.contentType = "text/plain";
        r.body = "POST X-Road messages to /";
        return r;
    }

    FaultKind injected = FaultKind::None;
    {
        std::lock_guard lock(m_mutex);
        ++m_requests;
        injected = drawFault();
    }
    if (injected == FaultKind::Delay) {
        std::this_thread::sleep_for(std::chrono::milliseconds(m_config.delayMs));
        injected = FaultKind::None;
    }
    if (injected == FaultKind::Drop) {
        net::ServerReply r;
        r.dropConnection = true;
        return r;
    }
    if (injected == FaultKind::Http500) {
        net::ServerReply r;
        r.status = 500;
        r.contentType = "text/plain";
        r.body = "Internal Server Error";
        return r;
    }
    if (injected == FaultKind::ClientFault)
        return fault(QStringLiteral("Client.InvalidRequest"), QStringLiteral("Запит відхилено постачальником (імітація)"));
    if (injected == FaultKind::ServerFault) {
        std::lock_guard lock(m_mutex);
        const int status = std::uniform_int_distribution<int>(0, 1)(m_rng) ? 500 : 200;
        return fault(QStringLiteral("Server.ServerProxy.ServiceFailed"), QStringLiteral("Сервіс постачальника тимчасово недоступний"), status);
    }
    if (injected == FaultKind::Malformed) {
        net::ServerReply r;
        r.body = "<?xml version=\"1.0\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Bo";
        return r;
    }

    auto parts = exchange::decodeMessage(request.contentType, request.body);
    if (!parts)
        return fault(QStringLiteral("Client.InvalidContentType"), parts.error().message);
    auto message = xr::parseMessage(parts->soap);
    if (!message)
        return fault(QStringLiteral("Client.InvalidSoap"), message.error().message);
    auto header = xr::requestHeaderOf(message.value());
    if (!header)
        return fault(QStringLiteral("Client.MissingHeaderField"), header.error().describe());

    const QString key = header->client.toString() + u'\n' + header->id;
    const QByteArray hash = xr::requestHash(parts->soap).toLatin1();
    std::vector<QByteArray> ids;
    std::vector<QByteArray> hashes;
    for (const exchange::Attachment &a : parts->attachments) {
        ids.push_back(a.contentId);
        hashes.push_back(a.sha256Hex().toLatin1());
    }

    std::lock_guard lock(m_mutex);
    if (auto it = m_responses.constFind(key); it != m_responses.constEnd()) {
        if (it->requestHash != hash)
            return fault(QStringLiteral("Client.DuplicateMessageId"),
                         QStringLiteral("Повідомлення з ідентифікатором %1 уже отримано з іншим змістом").arg(header->id));
        ++m_replayed;
        net::ServerReply r;
        r.status = it->status;
        r.contentType = it->contentType;
        r.body = it->body;
        return r;
    }

    bool store = true;
    net::ServerReply reply = process(parts->soap, ids, hashes, store);
    ++m_processed;
    if (store) {
        const QJsonObject o{{QStringLiteral("type"), QStringLiteral("response")},
                            {QStringLiteral("key"), key},
                            {QStringLiteral("hash"), QString::fromLatin1(hash)},
                            {QStringLiteral("status"), reply.status},
                            {QStringLiteral("contentType"), QString::fromLatin1(reply.contentType)},
                            {QStringLiteral("body"), QString::fromLatin1(reply.body.toBase64())}};
        if (auto st = appendJournal(QJsonDocument(o).toJson(QJsonDocument::Compact)); !st)
            return fault(QStringLiteral("Server.ServerProxy.InternalError"), st.error().message, 500);
        m_responses.insert(key, Stored{hash, reply.status, reply.contentType, reply.body});
    }
    if (injected == FaultKind::Duplicate) {
        // Acted and remembered, but the answer is lost: the client's retry is a duplicate.
        reply.dropConnection = true;
    } else if (injected == FaultKind::WrongHeader) {
        const QByteArray id = header->id.toUtf8();
        reply.body.replace(QByteArray("<xrd:id>" + id + "</xrd:id>"), QByteArray("<xrd:id>" + id + "-other</xrd:id>"));
    }
    return reply;
}

net::ServerReply Simulator::process(const QByteArray &soap, const std::vector<QByteArray> &attachmentIds,
                                    const std::vector<QByteArray> &attachmentHashes, bool &store)
{
    auto parsed = xr::parseMessage(soap);
    const xr::Message &m = parsed.value();
    const QString code = m.header.service->serviceCode;
    const auto service = reg::serviceFromCode(code);
    if (!service)
        return fault(QStringLiteral("Server.ServerProxy.UnknownService"), QStringLiteral("Невідомий сервіс %1").arg(code));
    auto env = xr::newResponse(m, soap, reg::payloadNamespace(*service));
    if (!env)
        return fault(QStringLiteral("Server.ServerProxy.InternalError"), env.error().message, 500);
    xml::Element &out = env->payload;
    const auto invalid = [this](const Error &e) {
        return fault(QStringLiteral("Client.InvalidRequest"), e.describe());
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();

    switch (*service) {
    case reg::Service::RegisterResidence: {
        auto r = reg::readRegisterResidence(m.body);
        if (!r)
            return invalid(r.error());
        if (auto st = reg::validate(r.value()); !st)
            return invalid(st.error());
        const Case c{newReference(QStringLiteral("RTG")), code, nowMs(), false};
        const QJsonObject o{{QStringLiteral("type"), QStringLiteral("case")}, {QStringLiteral("reference"), c.reference},
                            {QStringLiteral("service"), c.service}, {QStringLiteral("createdMs"), static_cast<double>(c.createdMs)},
                            {QStringLiteral("refuse"), c.refuse}};
        if (auto st = appendJournal(QJsonDocument(o).toJson(QJsonDocument::Compact)); !st)
            return fault(QStringLiteral("Server.ServerProxy.InternalError"), st.error().message, 500);
        m_cases.insert(c.reference, c);
        reg::write(out, reg::AcceptedResponse{QStringLiteral("accepted"), c.reference, now});
        break;
    }
    case reg::Service::SubmitSocialApplication: {
        auto r = reg::readSubmitSocialApplication(m.body);
        if (!r)
            return invalid(r.error());
        if (auto st = reg::validate(r.value()); !st)
            return invalid(st.error());
        // Every referenced file must have arrived, byte for byte.
        for (const reg::AttachmentRef &a : r->attachments) {
            bool found = false;
            for (size_t i = 0; i < attachmentIds.size(); ++i) {
                if (attachmentIds[i] == a.contentId.toLatin1()) {
                    found = true;
                    if (attachmentHashes[i] != a.sha256.toLatin1())
                        return fault(QStringLiteral("Client.AttachmentHashMismatch"),
                                     QStringLiteral("SHA-256 вкладення %1 не збігається з вказаним у запиті").arg(a.contentId));
                }
            }
            if (!found)
                return fault(QStringLiteral("Client.MissingAttachment"), QStringLiteral("Вкладення %1 не передано").arg(a.contentId));
        }
        const Case c{newReference(QStringLiteral("SZN")), code, nowMs(), r->attachments.empty()};
        const QJsonObject o{{QStringLiteral("type"), QStringLiteral("case")}, {QStringLiteral("reference"), c.reference},
                            {QStringLiteral("service"), c.service}, {QStringLiteral("createdMs"), static_cast<double>(c.createdMs)},
                            {QStringLiteral("refuse"), c.refuse}};
        if (auto st = appendJournal(QJsonDocument(o).toJson(QJsonDocument::Compact)); !st)
            return fault(QStringLiteral("Server.ServerProxy.InternalError"), st.error().message, 500);
        m_cases.insert(c.reference, c);
        reg::write(out, reg::AcceptedResponse{QStringLiteral("accepted"), c.reference, now});
        break;
    }
    case reg::Service::VerifyPersonUnzr: {
        auto r = reg::readVerifyPersonUnzr(m.body);
        if (!r)
            return invalid(r.error());
        auto unzr = Unzr::parse(r->unzr);
        if (!unzr)
            return invalid(Error::invalid(QStringLiteral("unzr"), unzr.error().message));
        // The register's record: the УНЗР encodes the birth date; a made-up name
        // "Невідома"/"Невідомий" stands for a record whose name differs.
        reg::VerifyPersonUnzrResponse v;
        if (unzr->birthDate() != r->birthDate)
            v.mismatchedFields << QStringLiteral("birthDate");
        if (r->lastName.startsWith(QStringLiteral("Невідом")))
            v.mismatchedFields << QStringLiteral("lastName");
        v.match = v.mismatchedFields.isEmpty();
        reg::write(out, v);
        break;
    }
    case reg::Service::LookupLegalEntity: {
        auto r = reg::readLookupLegalEntity(m.body);
        if (!r)
            return invalid(r.error());
        if (auto e = Edrpou::parse(r->edrpou); !e)
            return fault(QStringLiteral("Client.InvalidEdrpou"), QStringLiteral("Некоректний код ЄДРПОУ: %1").arg(e.error().message));
        reg::LookupLegalEntityResponse le;
        le.edrpou = r->edrpou;
        const Entity *found = nullptr;
        for (const Entity &e : kEntities) {
            if (makeEdrpou(e.base) == r->edrpou)
                found = &e;
        }
        if (found) {
            le.fullName = QString::fromUtf8(found->fullName);
            le.shortName = QString::fromUtf8(found->shortName);
            le.status = QString::fromUtf8(found->status);
            le.address = QString::fromUtf8(found->address);
            le.headFullName = QString::fromUtf8(found->head);
            le.headPosition = QString::fromUtf8(found->position);
            le.registrationDate = found->registered;
        } else {
            le.fullName = QStringLiteral("ФІЗИЧНА ОСОБА-ПІДПРИЄМЕЦЬ АБО ЮРИДИЧНА ОСОБА З КОДОМ %1").arg(r->edrpou);
            le.status = QStringLiteral("registered");
            le.address = QStringLiteral("01001, місто Київ, вулиця Хрещатик, будинок 36");
            le.headFullName = QStringLiteral("Бондаренко Ірина Олександрівна");
            le.headPosition = QStringLiteral("керівник");
            le.registrationDate = QDate(2015, 1, 15);
        }
        reg::write(out, le);
        break;
    }
    case reg::Service::FetchOnlineApplications: {
        auto r = reg::readFetchOnlineApplications(m.body);
        if (!r)
            return invalid(r.error());
        if (auto st = reg::validate(r.value()); !st)
            return invalid(st.error());
        struct Seed {
            const char *code, *title, *last, *first, *patronymic, *summary;
            QDate birth;
            Sex sex;
        };
        static const Seed seeds[] = {
            {"00013", "Декларування місця проживання", "Шевченко", "Олена", "Петрівна",
             "Декларування місця проживання: м. Харків, вул. Сумська, 25, кв. 7", QDate(1988, 4, 12), Sex::Female},
            {"00158", "Призначення житлової субсидії", "Коваленко", "Іван", "Степанович",
             "Субсидія на оплату житлово-комунальних послуг, домогосподарство з 3 осіб", QDate(1956, 11, 3), Sex::Male},
            {"00170", "Допомога при народженні дитини", "Мельник", "Ганна", "Олегівна",
             "Допомога при народженні дитини, свідоцтво І-ХЮ № 123456", QDate(1995, 7, 28), Sex::Female},
            {"01180", "Видача паспорта громадянина України у формі ID-картки", "Бондар", "Дмитро", "Васильович",
             "Оформлення ID-картки вперше у 14 років", QDate(2012, 2, 9), Sex::Male},
            {"00021", "Державна реєстрація народження", "Ткаченко", "Марія", "Ігорівна",
             "Реєстрація народження дитини за місцем проживання батьків", QDate(1991, 9, 15), Sex::Female},
            {"00402", "Видача довідки про склад сім'ї", "Кравченко", "Олександр", nullptr,
             "Довідка про зареєстрованих у житловому приміщенні осіб", QDate(1979, 1, 30), Sex::Male},
        };
        const QDateTime base(QDate(2026, 11, 2), QTime(8, 15), Qt::UTC);
        reg::FetchOnlineApplicationsResponse resp;
        const int start = r->since.startsWith(QStringLiteral("PORTAL-")) ? r->since.mid(7).toInt() : 0;
        int last = start;
        for (int i = start; i < static_cast<int>(std::size(seeds)) && static_cast<int>(resp.applications.size()) < r->limit; ++i) {
            const Seed &s = seeds[i];
            reg::OnlineApplication a;
            a.portalId = QStringLiteral("PORTAL-%1").arg(i + 1, 6, 10, QLatin1Char('0'));
            a.serviceCode = QString::fromUtf8(s.code);
            a.serviceTitle = QString::fromUtf8(s.title);
            a.submittedAt = base.addSecs(i * 3 * 3600 + 17 * 60);
            a.lastName = QString::fromUtf8(s.last);
            a.firstName = QString::fromUtf8(s.first);
            a.patronymic = s.patronymic ? QString::fromUtf8(s.patronymic) : QString();
            a.rnokpp = makeRnokpp(s.birth, 100 + i, s.sex);
            a.phone = QStringLiteral("+38067%1").arg(5550100 + i * 11);
            a.summary = QString::fromUtf8(s.summary);
            resp.applications.push_back(a);
            last = i + 1;
        }
        resp.nextMarker = QStringLiteral("PORTAL-%1").arg(last, 6, 10, QLatin1Char('0'));
        reg::write(out, resp);
        break;
    }
    case reg::Service::GetApplicationStatus: {
        auto r = reg::readGetApplicationStatus(m.body);
        if (!r)
            return invalid(r.error());
        const auto it = m_cases.constFind(r->registryReference);
        if (it == m_cases.constEnd())
            return fault(QStringLiteral("Client.NotFound"), QStringLiteral("Заяву %1 у реєстрі не знайдено").arg(r->registryReference));
        // A status answer changes over time, so it is never replayed from the store.
        store = false;
        reg::GetApplicationStatusResponse s;
        s.registryReference = it->reference;
        const qint64 decideAt = it->createdMs + m_config.decisionDelayMs;
        if (nowMs() < decideAt) {
            s.status = QStringLiteral("pending");
        } else {
            s.decidedAt = QDateTime::fromMSecsSinceEpoch(decideAt, Qt::UTC);
            s.decisionNumber = QStringLiteral("РШ-%1").arg(it->reference.section(u'-', 2));
            if (it->refuse) {
                s.status = QStringLiteral("refused");
                s.grounds = QStringLiteral("Не подано документів, що підтверджують право на допомогу (довідки про доходи членів сім'ї)");
            } else {
                s.status = QStringLiteral("granted");
            }
        }
        reg::write(out, s);
        break;
    }
    }
    net::ServerReply reply;
    reply.body = env->document.serialize();
    return reply;
}

} // namespace cnap::sim
