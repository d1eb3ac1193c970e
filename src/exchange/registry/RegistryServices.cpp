#include "exchange/registry/RegistryServices.h"

#include "core/identifiers/Identifiers.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QSet>

namespace cnap::exchange::registry {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::exchange::registry", s); }

QString dateText(QDate d) { return d.toString(Qt::ISODate); }
QString dateTimeText(const QDateTime &dt) { return dt.toUTC().toString(Qt::ISODate); }

Status required(const QString &field, const QString &value, int maxLength = 100)
{
    if (value.trimmed().isEmpty())
        return Error::invalid(field, tr("поле обов'язкове"));
    if (value.size() > maxLength)
        return Error::invalid(field, tr("не довше %1 символів").arg(maxLength));
    return {};
}

Status optionalText(const QString &field, const QString &value, int maxLength = 100)
{
    return value.isEmpty() ? Status() : required(field, value, maxLength);
}

Status oneOf(const QString &field, const QString &value, const QStringList &allowed)
{
    if (!allowed.contains(value))
        return Error::invalid(field, tr("недопустиме значення «%1»; можливі: %2").arg(value, allowed.join(QStringLiteral(", "))));
    return {};
}

// Identifier checks through the core parsers, with our field path on the error.
template <typename Id>
Status identifier(const QString &field, const QString &value)
{
    if (auto r = Id::parse(value); !r)
        return Error::invalid(field, r.error().message);
    return {};
}

Status validatePerson(const QString &field, const Person &p, bool needRnokpp)
{
    if (needRnokpp || !p.rnokpp.isEmpty())
        CNAP_TRY(identifier<Rnokpp>(field + QStringLiteral(".rnokpp"), p.rnokpp));
    if (!p.unzr.isEmpty())
        CNAP_TRY(identifier<Unzr>(field + QStringLiteral(".unzr"), p.unzr));
    CNAP_TRY(required(field + QStringLiteral(".lastName"), p.lastName));
    CNAP_TRY(required(field + QStringLiteral(".firstName"), p.firstName));
    CNAP_TRY(optionalText(field + QStringLiteral(".patronymic"), p.patronymic));
    if (!p.birthDate.isValid())
        return Error::invalid(field + QStringLiteral(".birthDate"), tr("дату народження не вказано"));
    return {};
}

const QStringList kDocumentTypes{QStringLiteral("passport"), QStringLiteral("id-card"), QStringLiteral("birth-certificate")};
const QStringList kBases{QStringLiteral("ownership"), QStringLiteral("owner-consent"), QStringLiteral("lease"),
                         QStringLiteral("minor-with-parent"), QStringLiteral("social-institution")};
const QStringList kAssistance{QStringLiteral("housing-subsidy"), QStringLiteral("birth-assistance"),
                              QStringLiteral("low-income-family"), QStringLiteral("single-parent"),
                              QStringLiteral("disability-care")};
const QStringList kPersonFields{QStringLiteral("unzr"), QStringLiteral("lastName"), QStringLiteral("firstName"),
                                QStringLiteral("patronymic"), QStringLiteral("birthDate")};

// ---- writing helpers

void text(xml::Element &parent, const QString &name, const QString &value)
{
    parent.appendTextChild(parent.namespaceUri(), name, value);
}
void optText(xml::Element &parent, const QString &name, const QString &value)
{
    if (!value.isEmpty())
        text(parent, name, value);
}
void writePerson(xml::Element &parent, const QString &name, const Person &p)
{
    xml::Element e = parent.appendChild(parent.namespaceUri(), name);
    optText(e, QStringLiteral("rnokpp"), p.rnokpp);
    optText(e, QStringLiteral("unzr"), p.unzr);
    text(e, QStringLiteral("lastName"), p.lastName);
    text(e, QStringLiteral("firstName"), p.firstName);
    optText(e, QStringLiteral("patronymic"), p.patronymic);
    text(e, QStringLiteral("birthDate"), dateText(p.birthDate));
}

// ---- reading helpers: every lookup is namespace-qualified with the payload's namespace.

class Reader {
public:
    Reader(const xml::Element &e, QString expectedName, QString ns)
        : m_e(e), m_name(std::move(expectedName)), m_ns(std::move(ns)) {}

    Status check() const
    {
        if (m_e.isNull() || m_e.localName() != m_name || m_e.namespaceUri() != m_ns)
            return Error::make(ErrorCode::Protocol, tr("очікувався елемент «%1» у просторі імен %2, отримано «%3» (%4)")
                                                        .arg(m_name, m_ns, m_e.localName(), m_e.namespaceUri()));
        return {};
    }
    Result<QString> req(const QString &name, const xml::Element &from = {}) const
    {
        const xml::Element parent = from.isNull() ? m_e : from;
        const xml::Element c = parent.child(name, m_ns);
        if (c.isNull())
            return Error::make(ErrorCode::Protocol, tr("у «%1» немає обов'язкового елемента «%2»").arg(parent.localName(), name));
        return c.text().trimmed();
    }
    QString opt(const QString &name, const xml::Element &from = {}) const
    {
        return (from.isNull() ? m_e : from).child(name, m_ns).text().trimmed();
    }
    xml::Element element(const QString &name) const { return m_e.child(name, m_ns); }
    Result<QDate> date(const QString &name, const xml::Element &from = {}) const
    {
        auto t = req(name, from);
        if (!t)
            return t.error();
        const QDate d = QDate::fromString(*t, Qt::ISODate);
        if (!d.isValid())
            return Error::make(ErrorCode::Protocol, tr("«%1»: некоректна дата «%2»").arg(name, *t));
        return d;
    }
    Result<QDateTime> dateTime(const QString &name, const xml::Element &from = {}) const
    {
        auto t = req(name, from);
        if (!t)
            return t.error();
        const QDateTime d = QDateTime::fromString(*t, Qt::ISODateWithMs);
        if (!d.isValid())
            return Error::make(ErrorCode::Protocol, tr("«%1»: некоректні дата і час «%2»").arg(name, *t));
        return d;
    }
    Result<Person> person(const QString &name) const
    {
        const xml::Element p = element(name);
        if (p.isNull())
            return Error::make(ErrorCode::Protocol, tr("у «%1» немає елемента «%2»").arg(m_name, name));
        Person out;
        out.rnokpp = opt(QStringLiteral("rnokpp"), p);
        out.unzr = opt(QStringLiteral("unzr"), p);
        auto last = req(QStringLiteral("lastName"), p);
        auto first = req(QStringLiteral("firstName"), p);
        auto birth = date(QStringLiteral("birthDate"), p);
        if (!last)
            return last.error();
        if (!first)
            return first.error();
        if (!birth)
            return birth.error();
        out.lastName = *last;
        out.firstName = *first;
        out.patronymic = opt(QStringLiteral("patronymic"), p);
        out.birthDate = *birth;
        return out;
    }
    const QString &ns() const { return m_ns; }

private:
    xml::Element m_e;
    QString m_name;
    QString m_ns;
};

#define CNAP_GET(var, expr)          \
    auto var##_r = (expr);           \
    if (!var##_r)                    \
        return var##_r.error();      \
    auto var = std::move(var##_r).value()

Reader requestReader(const xml::Element &e, Service s) { return Reader(e, serviceCode(s), payloadNamespace(s)); }
Reader responseReader(const xml::Element &e, Service s)
{
    return Reader(e, serviceCode(s) + QStringLiteral("Response"), payloadNamespace(s));
}

} // namespace

// ---------------------------------------------------------------- catalogue

const std::vector<Service> &allServices()
{
    static const std::vector<Service> all{Service::RegisterResidence, Service::SubmitSocialApplication,
                                          Service::VerifyPersonUnzr, Service::LookupLegalEntity,
                                          Service::FetchOnlineApplications, Service::GetApplicationStatus};
    return all;
}

QString serviceCode(Service s)
{
    switch (s) {
    case Service::RegisterResidence: return QStringLiteral("RegisterResidence");
    case Service::SubmitSocialApplication: return QStringLiteral("SubmitSocialApplication");
    case Service::VerifyPersonUnzr: return QStringLiteral("VerifyPersonUnzr");
    case Service::LookupLegalEntity: return QStringLiteral("LookupLegalEntity");
    case Service::FetchOnlineApplications: return QStringLiteral("FetchOnlineApplications");
    case Service::GetApplicationStatus: return QStringLiteral("GetApplicationStatus");
    }
    return {};
}

std::optional<Service> serviceFromCode(const QString &code)
{
    for (Service s : allServices()) {
        if (serviceCode(s) == code)
            return s;
    }
    return std::nullopt;
}

QString payloadNamespace(Service s) { return QStringLiteral("urn:ua:cnap:registry:") + serviceCode(s) + QStringLiteral(":v1"); }

QString schemaPath(const QString &schemasDir, Service s)
{
    return QDir(schemasDir).filePath(QStringLiteral("registry/") + serviceCode(s) + QStringLiteral(".xsd"));
}

Result<xml::xroad::RequestEnvelope> newRegistryRequest(const xml::xroad::RequestHeader &header, Service s)
{
    if (header.service.serviceCode != serviceCode(s))
        return Error::invalid(QStringLiteral("service.serviceCode"),
                              tr("код сервісу в заголовку «%1» не відповідає змісту запиту «%2»").arg(header.service.serviceCode, serviceCode(s)));
    return xml::xroad::newRequest(header, payloadNamespace(s));
}

// ---------------------------------------------------------------- validation

Status validate(const RegisterResidenceRequest &r)
{
    CNAP_TRY(validatePerson(QStringLiteral("person"), r.person, false));
    if (r.person.rnokpp.isEmpty() && r.person.unzr.isEmpty())
        return Error::invalid(QStringLiteral("person.unzr"), tr("потрібен РНОКПП або УНЗР особи"));
    CNAP_TRY(oneOf(QStringLiteral("identityDocument.type"), r.documentType, kDocumentTypes));
    if (r.documentType == QStringLiteral("passport"))
        CNAP_TRY(identifier<PassportNumber>(QStringLiteral("identityDocument.number"), r.documentNumber));
    else if (r.documentType == QStringLiteral("id-card"))
        CNAP_TRY(identifier<IdCardNumber>(QStringLiteral("identityDocument.number"), r.documentNumber));
    else
        CNAP_TRY(required(QStringLiteral("identityDocument.number"), r.documentNumber));
    CNAP_TRY(identifier<Katottg>(QStringLiteral("address.katottg"), r.katottg));
    CNAP_TRY(required(QStringLiteral("address.settlement"), r.settlement));
    CNAP_TRY(required(QStringLiteral("address.street"), r.street));
    CNAP_TRY(required(QStringLiteral("address.building"), r.building));
    CNAP_TRY(optionalText(QStringLiteral("address.apartment"), r.apartment));
    CNAP_TRY(oneOf(QStringLiteral("basis"), r.basis, kBases));
    if (!r.applicationDate.isValid())
        return Error::invalid(QStringLiteral("applicationDate"), tr("дату заяви не вказано"));
    return {};
}

Status validate(const SubmitSocialApplicationRequest &r)
{
    CNAP_TRY(validatePerson(QStringLiteral("applicant"), r.applicant, true));
    CNAP_TRY(oneOf(QStringLiteral("assistanceType"), r.assistanceType, kAssistance));
    if (!r.submittedAt.isValid())
        return Error::invalid(QStringLiteral("submittedAt"), tr("час подання не вказано"));
    if (r.attachments.size() > 50)
        return Error::invalid(QStringLiteral("attachments"), tr("не більше 50 вкладень"));
    QSet<QString> ids;
    for (const AttachmentRef &a : r.attachments) {
        CNAP_TRY(required(QStringLiteral("attachments.contentId"), a.contentId));
        CNAP_TRY(required(QStringLiteral("attachments.fileName"), a.fileName));
        CNAP_TRY(required(QStringLiteral("attachments.mediaType"), a.mediaType));
        static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
        if (!hex.match(a.sha256).hasMatch())
            return Error::invalid(QStringLiteral("attachments.sha256"), tr("SHA-256 має бути 64 шістнадцятковими цифрами (малими)"));
        if (ids.contains(a.contentId))
            return Error::invalid(QStringLiteral("attachments.contentId"), tr("ідентифікатор вкладення «%1» повторюється").arg(a.contentId));
        ids.insert(a.contentId);
    }
    return {};
}

Status validate(const VerifyPersonUnzrRequest &r)
{
    CNAP_TRY(identifier<Unzr>(QStringLiteral("unzr"), r.unzr));
    CNAP_TRY(required(QStringLiteral("lastName"), r.lastName));
    CNAP_TRY(required(QStringLiteral("firstName"), r.firstName));
    CNAP_TRY(optionalText(QStringLiteral("patronymic"), r.patronymic));
    if (!r.birthDate.isValid())
        return Error::invalid(QStringLiteral("birthDate"), tr("дату народження не вказано"));
    return {};
}

Status validate(const LookupLegalEntityRequest &r) { return identifier<Edrpou>(QStringLiteral("edrpou"), r.edrpou); }

Status validate(const FetchOnlineApplicationsRequest &r)
{
    if (r.limit < 1 || r.limit > 100)
        return Error::invalid(QStringLiteral("limit"), tr("кількість заяв за раз — від 1 до 100"));
    if (r.since.size() > 200)
        return Error::invalid(QStringLiteral("since"), tr("задовгий маркер"));
    return {};
}

Status validate(const GetApplicationStatusRequest &r)
{
    static const QRegularExpression ref(QStringLiteral("^[A-Z]{2,6}-[0-9]{4}-[0-9]{6,}$"));
    if (!ref.match(r.registryReference).hasMatch())
        return Error::invalid(QStringLiteral("registryReference"), tr("номер у реєстрі має вигляд ABC-2026-000001: «%1»").arg(r.registryReference));
    return {};
}

// ---------------------------------------------------------------- writing

void write(xml::Element &p, const RegisterResidenceRequest &r)
{
    writePerson(p, QStringLiteral("person"), r.person);
    xml::Element doc = p.appendChild(p.namespaceUri(), QStringLiteral("identityDocument"));
    text(doc, QStringLiteral("type"), r.documentType);
    text(doc, QStringLiteral("number"), r.documentNumber);
    xml::Element a = p.appendChild(p.namespaceUri(), QStringLiteral("address"));
    text(a, QStringLiteral("katottg"), r.katottg);
    text(a, QStringLiteral("settlement"), r.settlement);
    text(a, QStringLiteral("street"), r.street);
    text(a, QStringLiteral("building"), r.building);
    optText(a, QStringLiteral("apartment"), r.apartment);
    text(p, QStringLiteral("basis"), r.basis);
    text(p, QStringLiteral("applicationDate"), dateText(r.applicationDate));
}

void write(xml::Element &p, const SubmitSocialApplicationRequest &r)
{
    writePerson(p, QStringLiteral("applicant"), r.applicant);
    text(p, QStringLiteral("assistanceType"), r.assistanceType);
    text(p, QStringLiteral("submittedAt"), dateTimeText(r.submittedAt));
    xml::Element list = p.appendChild(p.namespaceUri(), QStringLiteral("attachments"));
    for (const AttachmentRef &a : r.attachments) {
        xml::Element e = list.appendChild(p.namespaceUri(), QStringLiteral("attachment"));
        text(e, QStringLiteral("contentId"), a.contentId);
        text(e, QStringLiteral("fileName"), a.fileName);
        text(e, QStringLiteral("mediaType"), a.mediaType);
        text(e, QStringLiteral("sha256"), a.sha256);
    }
}

void write(xml::Element &p, const VerifyPersonUnzrRequest &r)
{
    text(p, QStringLiteral("unzr"), r.unzr);
    text(p, QStringLiteral("lastName"), r.lastName);
    text(p, QStringLiteral("firstName"), r.firstName);
    optText(p, QStringLiteral("patronymic"), r.patronymic);
    text(p, QStringLiteral("birthDate"), dateText(r.birthDate));
}

void write(xml::Element &p, const LookupLegalEntityRequest &r) { text(p, QStringLiteral("edrpou"), r.edrpou); }

void write(xml::Element &p, const FetchOnlineApplicationsRequest &r)
{
    text(p, QStringLiteral("since"), r.since);
    text(p, QStringLiteral("limit"), QString::number(r.limit));
}

void write(xml::Element &p, const GetApplicationStatusRequest &r)
{
    text(p, QStringLiteral("registryReference"), r.registryReference);
}

void write(xml::Element &p, const AcceptedResponse &r)
{
    text(p, QStringLiteral("status"), r.status);
    text(p, QStringLiteral("registryReference"), r.registryReference);
    text(p, QStringLiteral("receivedAt"), dateTimeText(r.receivedAt));
}

void write(xml::Element &p, const VerifyPersonUnzrResponse &r)
{
    text(p, QStringLiteral("result"), r.match ? QStringLiteral("match") : QStringLiteral("mismatch"));
    for (const QString &f : r.mismatchedFields)
        text(p, QStringLiteral("mismatchedField"), f);
}

void write(xml::Element &p, const LookupLegalEntityResponse &r)
{
    text(p, QStringLiteral("edrpou"), r.edrpou);
    text(p, QStringLiteral("fullName"), r.fullName);
    optText(p, QStringLiteral("shortName"), r.shortName);
    text(p, QStringLiteral("status"), r.status);
    text(p, QStringLiteral("address"), r.address);
    xml::Element h = p.appendChild(p.namespaceUri(), QStringLiteral("head"));
    text(h, QStringLiteral("fullName"), r.headFullName);
    text(h, QStringLiteral("position"), r.headPosition);
    text(p, QStringLiteral("registrationDate"), dateText(r.registrationDate));
}

void write(xml::Element &p, const FetchOnlineApplicationsResponse &r)
{
    for (const OnlineApplication &a : r.applications) {
        xml::Element e = p.appendChild(p.namespaceUri(), QStringLiteral("application"));
        text(e, QStringLiteral("portalId"), a.portalId);
        text(e, QStringLiteral("serviceCode"), a.serviceCode);
        text(e, QStringLiteral("serviceTitle"), a.serviceTitle);
        text(e, QStringLiteral("submittedAt"), dateTimeText(a.submittedAt));
        text(e, QStringLiteral("lastName"), a.lastName);
        text(e, QStringLiteral("firstName"), a.firstName);
        optText(e, QStringLiteral("patronymic"), a.patronymic);
        optText(e, QStringLiteral("rnokpp"), a.rnokpp);
        optText(e, QStringLiteral("phone"), a.phone);
        text(e, QStringLiteral("summary"), a.summary);
    }
    text(p, QStringLiteral("nextMarker"), r.nextMarker);
}

void write(xml::Element &p, const GetApplicationStatusResponse &r)
{
    text(p, QStringLiteral("registryReference"), r.registryReference);
    text(p, QStringLiteral("status"), r.status);
    if (r.decidedAt.isValid())
        text(p, QStringLiteral("decidedAt"), dateTimeText(r.decidedAt));
    optText(p, QStringLiteral("decisionNumber"), r.decisionNumber);
    optText(p, QStringLiteral("grounds"), r.grounds);
}

// ---------------------------------------------------------------- reading

Result<RegisterResidenceRequest> readRegisterResidence(const xml::Element &e)
{
    const Reader rd = requestReader(e, Service::RegisterResidence);
    CNAP_TRY(rd.check());
    RegisterResidenceRequest r;
    CNAP_GET(person, rd.person(QStringLiteral("person")));
    r.person = person;
    const xml::Element doc = rd.element(QStringLiteral("identityDocument"));
    const xml::Element addr = rd.element(QStringLiteral("address"));
    if (doc.isNull() || addr.isNull())
        return Error::make(ErrorCode::Protocol, tr("у запиті немає документа або адреси"));
    CNAP_GET(type, rd.req(QStringLiteral("type"), doc));
    CNAP_GET(number, rd.req(QStringLiteral("number"), doc));
    CNAP_GET(katottg, rd.req(QStringLiteral("katottg"), addr));
    CNAP_GET(settlement, rd.req(QStringLiteral("settlement"), addr));
    CNAP_GET(street, rd.req(QStringLiteral("street"), addr));
    CNAP_GET(building, rd.req(QStringLiteral("building"), addr));
    CNAP_GET(basis, rd.req(QStringLiteral("basis")));
    CNAP_GET(date, rd.date(QStringLiteral("applicationDate")));
    r.documentType = type;
    r.documentNumber = number;
    r.katottg = katottg;
    r.settlement = settlement;
    r.street = street;
    r.building = building;
    r.apartment = rd.opt(QStringLiteral("apartment"), addr);
    r.basis = basis;
    r.applicationDate = date;
    return r;
}

Result<SubmitSocialApplicationRequest> readSubmitSocialApplication(const xml::Element &e)
{
    const Reader rd = requestReader(e, Service::SubmitSocialApplication);
    CNAP_TRY(rd.check());
    SubmitSocialApplicationRequest r;
    CNAP_GET(applicant, rd.person(QStringLiteral("applicant")));
    CNAP_GET(type, rd.req(QStringLiteral("assistanceType")));
    CNAP_GET(at, rd.dateTime(QStringLiteral("submittedAt")));
    r.applicant = applicant;
    r.assistanceType = type;
    r.submittedAt = at;
    for (const xml::Element &a : rd.element(QStringLiteral("attachments")).children()) {
        if (a.localName() != QStringLiteral("attachment") || a.namespaceUri() != rd.ns())
            return Error::make(ErrorCode::Protocol, tr("неочікуваний елемент «%1» у списку вкладень").arg(a.localName()));
        CNAP_GET(cid, rd.req(QStringLiteral("contentId"), a));
        CNAP_GET(name, rd.req(QStringLiteral("fileName"), a));
        CNAP_GET(media, rd.req(QStringLiteral("mediaType"), a));
        CNAP_GET(sha, rd.req(QStringLiteral("sha256"), a));
        r.attachments.push_back(AttachmentRef{cid, name, media, sha});
    }
    return r;
}

Result<VerifyPersonUnzrRequest> readVerifyPersonUnzr(const xml::Element &e)
{
    const Reader rd = requestReader(e, Service::VerifyPersonUnzr);
    CNAP_TRY(rd.check());
    CNAP_GET(unzr, rd.req(QStringLiteral("unzr")));
    CNAP_GET(last, rd.req(QStringLiteral("lastName")));
    CNAP_GET(first, rd.req(QStringLiteral("firstName")));
    CNAP_GET(birth, rd.date(QStringLiteral("birthDate")));
    return VerifyPersonUnzrRequest{unzr, last, first, rd.opt(QStringLiteral("patronymic")), birth};
}

Result<LookupLegalEntityRequest> readLookupLegalEntity(const xml::Element &e)
{
    const Reader rd = requestReader(e, Service::LookupLegalEntity);
    CNAP_TRY(rd.check());
    CNAP_GET(code, rd.req(QStringLiteral("edrpou")));
    return LookupLegalEntityRequest{code};
}

Result<FetchOnlineApplicationsRequest> readFetchOnlineApplications(const xml::Element &e)
{
    const Reader rd = requestReader(e, Service::FetchOnlineApplications);
    CNAP_TRY(rd.check());
    CNAP_GET(limitText, rd.req(QStringLiteral("limit")));
    bool ok = false;
    const int limit = limitText.toInt(&ok);
    if (!ok)
        return Error::make(ErrorCode::Protocol, tr("«limit» має бути числом"));
    return FetchOnlineApplicationsRequest{rd.opt(QStringLiteral("since")), limit};
}

Result<GetApplicationStatusRequest> readGetApplicationStatus(const xml::Element &e)
{
    const Reader rd = requestReader(e, Service::GetApplicationStatus);
    CNAP_TRY(rd.check());
    CNAP_GET(ref, rd.req(QStringLiteral("registryReference")));
    return GetApplicationStatusRequest{ref};
}

Result<AcceptedResponse> readAcceptedResponse(const xml::Element &e)
{
    // Both asynchronous services answer with the same shape, each in its own namespace.
    const QString name = e.localName();
    const auto service = name.endsWith(QStringLiteral("Response")) ? serviceFromCode(name.chopped(8)) : std::nullopt;
    if (!service || (*service != Service::RegisterResidence && *service != Service::SubmitSocialApplication))
        return Error::make(ErrorCode::Protocol, tr("«%1» не є відповіддю про прийняття заяви").arg(name));
    const Reader rd = responseReader(e, *service);
    CNAP_TRY(rd.check());
    CNAP_GET(status, rd.req(QStringLiteral("status")));
    CNAP_GET(ref, rd.req(QStringLiteral("registryReference")));
    CNAP_GET(at, rd.dateTime(QStringLiteral("receivedAt")));
    if (status != QStringLiteral("accepted"))
        return Error::make(ErrorCode::Protocol, tr("невідомий стан «%1»").arg(status));
    return AcceptedResponse{status, ref, at};
}

Result<VerifyPersonUnzrResponse> readVerifyPersonUnzrResponse(const xml::Element &e)
{
    const Reader rd = responseReader(e, Service::VerifyPersonUnzr);
    CNAP_TRY(rd.check());
    CNAP_GET(result, rd.req(QStringLiteral("result")));
    if (result != QStringLiteral("match") && result != QStringLiteral("mismatch"))
        return Error::make(ErrorCode::Protocol, tr("невідомий результат перевірки «%1»").arg(result));
    VerifyPersonUnzrResponse r;
    r.match = result == QStringLiteral("match");
    for (const xml::Element &c : e.children()) {
        if (c.localName() == QStringLiteral("mismatchedField")) {
            if (!kPersonFields.contains(c.text().trimmed()))
                return Error::make(ErrorCode::Protocol, tr("невідоме поле розбіжності «%1»").arg(c.text()));
            r.mismatchedFields << c.text().trimmed();
        }
    }
    return r;
}

Result<LookupLegalEntityResponse> readLookupLegalEntityResponse(const xml::Element &e)
{
    const Reader rd = responseReader(e, Service::LookupLegalEntity);
    CNAP_TRY(rd.check());
    LookupLegalEntityResponse r;
    CNAP_GET(code, rd.req(QStringLiteral("edrpou")));
    CNAP_GET(fullName, rd.req(QStringLiteral("fullName")));
    CNAP_GET(status, rd.req(QStringLiteral("status")));
    CNAP_GET(address, rd.req(QStringLiteral("address")));
    CNAP_GET(date, rd.date(QStringLiteral("registrationDate")));
    const xml::Element head = rd.element(QStringLiteral("head"));
    CNAP_GET(headName, rd.req(QStringLiteral("fullName"), head.isNull() ? e : head));
    CNAP_GET(headPosition, rd.req(QStringLiteral("position"), head.isNull() ? e : head));
    r.edrpou = code;
    r.fullName = fullName;
    r.shortName = rd.opt(QStringLiteral("shortName"));
    r.status = status;
    r.address = address;
    r.headFullName = headName;
    r.headPosition = headPosition;
    r.registrationDate = date;
    return r;
}

Result<FetchOnlineApplicationsResponse> readFetchOnlineApplicationsResponse(const xml::Element &e)
{
    const Reader rd = responseReader(e, Service::FetchOnlineApplications);
    CNAP_TRY(rd.check());
    FetchOnlineApplicationsResponse r;
    CNAP_GET(marker, rd.req(QStringLiteral("nextMarker")));
    r.nextMarker = marker;
    for (const xml::Element &a : e.children()) {
        if (a.localName() != QStringLiteral("application"))
            continue;
        OnlineApplication o;
        CNAP_GET(id, rd.req(QStringLiteral("portalId"), a));
        CNAP_GET(code, rd.req(QStringLiteral("serviceCode"), a));
        CNAP_GET(title, rd.req(QStringLiteral("serviceTitle"), a));
        CNAP_GET(at, rd.dateTime(QStringLiteral("submittedAt"), a));
        CNAP_GET(last, rd.req(QStringLiteral("lastName"), a));
        CNAP_GET(first, rd.req(QStringLiteral("firstName"), a));
        CNAP_GET(summary, rd.req(QStringLiteral("summary"), a));
        o.portalId = id;
        o.serviceCode = code;
        o.serviceTitle = title;
        o.submittedAt = at;
        o.lastName = last;
        o.firstName = first;
        o.patronymic = rd.opt(QStringLiteral("patronymic"), a);
        o.rnokpp = rd.opt(QStringLiteral("rnokpp"), a);
        o.phone = rd.opt(QStringLiteral("phone"), a);
        o.summary = summary;
        r.applications.push_back(std::move(o));
    }
    return r;
}

Result<GetApplicationStatusResponse> readGetApplicationStatusResponse(const xml::Element &e)
{
    const Reader rd = responseReader(e, Service::GetApplicationStatus);
    CNAP_TRY(rd.check());
    GetApplicationStatusResponse r;
    CNAP_GET(ref, rd.req(QStringLiteral("registryReference")));
    CNAP_GET(status, rd.req(QStringLiteral("status")));
    if (status != QStringLiteral("pending") && status != QStringLiteral("granted") && status != QStringLiteral("refused"))
        return Error::make(ErrorCode::Protocol, tr("невідомий стан заяви «%1»").arg(status));
    r.registryReference = ref;
    r.status = status;
    if (!rd.element(QStringLiteral("decidedAt")).isNull()) {
        CNAP_GET(at, rd.dateTime(QStringLiteral("decidedAt")));
        r.decidedAt = at;
    }
    r.decisionNumber = rd.opt(QStringLiteral("decisionNumber"));
    r.grounds = rd.opt(QStringLiteral("grounds"));
    if (status == QStringLiteral("refused") && r.grounds.isEmpty())
        return Error::make(ErrorCode::Protocol, tr("відмова без підстав"));
    return r;
}

} // namespace cnap::exchange::registry
