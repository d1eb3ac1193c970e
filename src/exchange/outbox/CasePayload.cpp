#include "exchange/outbox/CasePayload.h"

#include "exchange/registry/RegistryServices.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace cnap::exchange::outbox {

namespace reg = cnap::exchange::registry;

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::exchange::outbox", s); }

reg::Person personOf(const Applicant &a)
{
    reg::Person p;
    p.rnokpp = a.rnokpp;
    p.unzr = a.unzr;
    p.lastName = a.surname;
    p.firstName = a.givenName;
    p.patronymic = a.patronymic;
    p.birthDate = a.birthDate;
    return p;
}

template <typename Request>
Result<QByteArray> serialise(const Request &r)
{
    CNAP_TRY(reg::validate(r));
    xml::Document doc = xml::Document::create(reg::payloadNamespace(Request::service), QString(), reg::serviceCode(Request::service));
    xml::Element root = doc.root();
    reg::write(root, r);
    return doc.serialize();
}

Status needPerson(const Applicant &a)
{
    if (!a.isPerson())
        return Error::invalid(QStringLiteral("applicant"), tr("цей реєстр приймає заяви лише фізичних осіб"));
    return {};
}

// The social-protection register wants the kind of assistance; the catalogue
// names it in the service's title, so the title decides.
QString assistanceOf(const QString &serviceName)
{
    const QString n = serviceName.toLower();
    if (n.contains(QStringLiteral("субсид")))
        return QStringLiteral("housing-subsidy");
    if (n.contains(QStringLiteral("народженн")))
        return QStringLiteral("birth-assistance");
    if (n.contains(QStringLiteral("малозабезпеч")))
        return QStringLiteral("low-income-family");
    if (n.contains(QStringLiteral("одинок")))
        return QStringLiteral("single-parent");
    if (n.contains(QStringLiteral("інвалід")) || n.contains(QStringLiteral("догляд")))
        return QStringLiteral("disability-care");
    return {};
}

} // namespace

QString attachmentContentId(int position) { return QStringLiteral("doc-%1@cnap").arg(position); }

bool splitAddress(const QString &text, AddressParts *out)
{
    static const QRegularExpression buildingPrefix(QStringLiteral("^(буд\\.?|будинок)\\s*"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression apartmentPrefix(QStringLiteral("^(кв\\.?|квартира)\\s*"), QRegularExpression::CaseInsensitiveOption);
    QStringList parts;
    for (const QString &p : text.split(u',', Qt::SkipEmptyParts)) {
        if (!p.trimmed().isEmpty())
            parts << p.trimmed();
    }
    // A leading postcode ("61002, м. Харків, ...") is not the settlement.
    static const QRegularExpression postcode(QStringLiteral("^\\d{5}$"));
    if (!parts.isEmpty() && postcode.match(parts.first()).hasMatch())
        parts.removeFirst();
    if (parts.size() < 3)
        return false;
    AddressParts a;
    a.settlement = parts[0];
    a.street = parts[1];
    a.building = QString(parts[2]).remove(buildingPrefix).trimmed();
    if (parts.size() > 3)
        a.apartment = QString(parts[3]).remove(apartmentPrefix).trimmed();
    if (a.building.isEmpty())
        return false;
    *out = a;
    return true;
}

Result<QByteArray> buildCasePayload(const QString &code, const CaseDetails &d, const Applicant &a)
{
    const auto service = reg::serviceFromCode(code);
    if (!service)
        return Error::invalid(QStringLiteral("registry.serviceCode"),
                              tr("реєстровий сервіс «%1» модулю обміну невідомий").arg(code));
    switch (*service) {
    case reg::Service::RegisterResidence: {
        CNAP_TRY(needPerson(a));
        reg::RegisterResidenceRequest r;
        r.person = personOf(a);
        switch (a.document.type) {
        case IdentityDocumentType::Passport: r.documentType = QStringLiteral("passport"); break;
        case IdentityDocumentType::IdCard: r.documentType = QStringLiteral("id-card"); break;
        case IdentityDocumentType::Other: r.documentType = QStringLiteral("birth-certificate"); break;
        case IdentityDocumentType::None:
            return Error::invalid(QStringLiteral("identityDocument.type"),
                                  tr("для реєстрації місця проживання потрібен документ, що посвідчує особу заявника"));
        }
        r.documentNumber = a.document.number;
        r.katottg = a.address.katottg;
        if (r.katottg.isEmpty())
            return Error::invalid(QStringLiteral("address.katottg"),
                                  tr("вкажіть код КАТОТТГ населеного пункту в адресі заявника: без нього реєстр не прийме заяву"));
        AddressParts parts;
        const QString where = d.objectAddress.isEmpty() ? a.address.text : d.objectAddress;
        if (!splitAddress(where, &parts))
            return Error::invalid(QStringLiteral("objectAddress"),
                                  tr("адресу житла вкажіть як «населений пункт, вулиця, будинок[, квартира]»"));
        r.settlement = parts.settlement;
        r.street = parts.street;
        r.building = parts.building;
        r.apartment = parts.apartment;
        // The case does not record on what right the person lives there; the
        // owner's own registration is the common case and the registry checks
        // the attached title document anyway.
        r.basis = QStringLiteral("ownership");
        r.applicationDate = d.summary.registeredAt.toUTC().date();
        return serialise(r);
    }
    case reg::Service::SubmitSocialApplication: {
        CNAP_TRY(needPerson(a));
        reg::SubmitSocialApplicationRequest r;
        r.applicant = personOf(a);
        r.assistanceType = assistanceOf(d.summary.serviceName);
        if (r.assistanceType.isEmpty())
            return Error::invalid(QStringLiteral("assistanceType"),
                                  tr("не вдалося визначити вид соціальної допомоги з назви послуги «%1»").arg(d.summary.serviceName));
        r.submittedAt = d.summary.registeredAt.toUTC();
        for (const CaseDocument &doc : d.documents)
            r.attachments.push_back({attachmentContentId(doc.position), doc.fileName, doc.mimeType, doc.sha256});
        return serialise(r);
    }
    case reg::Service::VerifyPersonUnzr: {
        CNAP_TRY(needPerson(a));
        if (a.unzr.isEmpty())
            return Error::invalid(QStringLiteral("unzr"), tr("для перевірки в реєстрі потрібен УНЗР заявника"));
        reg::VerifyPersonUnzrRequest r{a.unzr, a.surname, a.givenName, a.patronymic, a.birthDate};
        return serialise(r);
    }
    case reg::Service::LookupLegalEntity: {
        if (!a.isLegalEntity())
            return Error::invalid(QStringLiteral("edrpou"), tr("виписку з ЄДР надають за кодом ЄДРПОУ юридичної особи-заявника"));
        return serialise(reg::LookupLegalEntityRequest{a.edrpou});
    }
    case reg::Service::FetchOnlineApplications:
    case reg::Service::GetApplicationStatus:
        break;
    }
    return Error::invalid(QStringLiteral("registry.serviceCode"), tr("сервіс «%1» не надсилає заяв справ").arg(code));
}

} // namespace cnap::exchange::outbox
