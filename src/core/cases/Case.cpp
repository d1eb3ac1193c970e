#include "core/cases/Case.h"

#include <QCoreApplication>

namespace cnap {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::Case", s); }
} // namespace

QString deliveryMethodKey(DeliveryMethod m)
{
    switch (m) {
    case DeliveryMethod::InPerson: return QStringLiteral("in-person");
    case DeliveryMethod::Post: return QStringLiteral("post");
    case DeliveryMethod::Email: return QStringLiteral("email");
    }
    return {};
}

Result<DeliveryMethod> deliveryMethodFromKey(const QString &key)
{
    for (DeliveryMethod m : {DeliveryMethod::InPerson, DeliveryMethod::Post, DeliveryMethod::Email})
        if (deliveryMethodKey(m) == key.trimmed().toLower())
            return m;
    return Error::invalid(QStringLiteral("delivery"),
                          tr("невідомий спосіб отримання результату «%1»; допустимі: in-person, post, email").arg(key));
}

QString deliveryMethodDisplayName(DeliveryMethod m)
{
    switch (m) {
    case DeliveryMethod::InPerson: return tr("особисто в ЦНАП");
    case DeliveryMethod::Post: return tr("поштою");
    case DeliveryMethod::Email: return tr("електронною поштою");
    }
    return {};
}

QString intakeChannelKey(IntakeChannel c)
{
    switch (c) {
    case IntakeChannel::InPerson: return QStringLiteral("in-person");
    case IntakeChannel::Representative: return QStringLiteral("representative");
    case IntakeChannel::Post: return QStringLiteral("post");
    case IntakeChannel::Online: return QStringLiteral("online");
    }
    return {};
}

Result<IntakeChannel> intakeChannelFromKey(const QString &key)
{
    for (IntakeChannel c : {IntakeChannel::InPerson, IntakeChannel::Representative, IntakeChannel::Post, IntakeChannel::Online})
        if (intakeChannelKey(c) == key.trimmed().toLower())
            return c;
    return Error::invalid(QStringLiteral("channel"),
                          tr("невідомий канал звернення «%1»; допустимі: in-person, representative, post, online").arg(key));
}

QString intakeChannelDisplayName(IntakeChannel c)
{
    switch (c) {
    case IntakeChannel::InPerson: return tr("особисто");
    case IntakeChannel::Representative: return tr("через представника");
    case IntakeChannel::Post: return tr("поштою");
    case IntakeChannel::Online: return tr("онлайн");
    }
    return {};
}

CaseInventory makeInventory(const CaseDetails &d)
{
    CaseInventory inv;
    inv.caseNumber = d.summary.number;
    inv.registeredAt = d.summary.registeredAt;
    inv.applicantName = d.summary.applicantName;
    inv.applicantCode = d.summary.applicantCode;
    inv.providerName = d.providerName;
    inv.serviceCode = d.summary.serviceCode;
    inv.serviceName = d.summary.serviceName;
    inv.objectAddress = d.objectAddress;
    inv.dueDate = d.summary.dueDate;
    int n = 0;
    for (const ChecklistItem &item : d.checklist) {
        if (!item.provided)
            continue;
        inv.documents.append({++n, item.name, item.form, item.sheets});
        inv.totalSheets += item.sheets;
    }
    inv.attachedFiles = int(d.documents.size());
    inv.administratorName = d.registeredByName.isEmpty() ? d.registeredBy : d.registeredByName;
    inv.administratorLogin = d.registeredBy;
    inv.delivery = d.delivery;
    inv.deliveryContact = d.contact;
    inv.feeKopecks = d.feeKopecks;
    inv.paymentEvidence = d.paymentEvidence;
    return inv;
}

} // namespace cnap
