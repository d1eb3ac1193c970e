#include "gui/desk/IntakeController.h"

#include "gui/common/TaskRunner.h"
#include "gui/desk/ApplicantFormController.h"
#include "gui/desk/IntakeModels.h"
#include "gui/desk/InventoryRenderer.h"

#include <QFile>
#include <QFileInfo>

namespace cnap::gui::desk {

IntakeController::IntakeController(AppContext context, DeskServicesPtr services, QObject *parent)
    : QObject(parent), m_context(std::move(context)), m_services(std::move(services)),
      m_serviceModel(new ServiceListModel(this)), m_checklist(new ChecklistModel(this)),
      m_attachments(new AttachmentModel(this))
{
}

qint64 IntakeController::maxAttachmentBytes() const { return m_services->maxAttachmentBytes; }

void IntakeController::reset()
{
    m_applicant.reset();
    m_card.reset();
    m_registered.reset();
    m_details = {};
    m_checklist->setItems({});
    m_attachments->clear();
    Q_EMIT fieldsCleared();
    Q_EMIT applicantChanged();
    Q_EMIT cardChanged();
}

void IntakeController::setApplicant(const Applicant &applicant)
{
    m_applicant = applicant;
    Q_EMIT applicantChanged();
}

void IntakeController::searchServices(const QString &query)
{
    const quint64 seq = ++m_searchSeq;
    auto catalogue = m_services->catalogue;
    const Actor actor = m_context.actor;
    m_context.runner->run(
        this, [catalogue, actor, query]() { return catalogue->search(actor, query); },
        [this, seq](Result<std::vector<ServiceCard>> r) {
            if (seq != m_searchSeq)
                return;
            if (!r) {
                fail(r.error());
                return;
            }
            m_serviceModel->setCards(std::move(r.value()));
        });
}

void IntakeController::selectService(const ServiceCard &card)
{
    m_card = card;
    QList<ChecklistItem> items;
    for (const RequiredDocument &d : card.documents) {
        ChecklistItem i;
        i.name = d.name;
        i.mandatory = d.mandatory;
        i.form = d.form;
        items.append(i);
    }
    m_checklist->setItems(items);
    Q_EMIT cardChanged();
}

bool IntakeController::addFile(const QString &fileName, const QByteArray &content)
{
    const QString field = QStringLiteral("attachments");
    if (m_attachments->files().size() >= 50) {
        Q_EMIT fieldError(field, tr("Файли: до справи можна долучити не більше 50 файлів"));
        return false;
    }
    auto type = checkAttachment(field, fileName, content, maxAttachmentBytes());
    if (!type) {
        Q_EMIT fieldError(field, tr("Файли: %1").arg(type.error().message));
        return false;
    }
    m_attachments->append(PendingAttachment{fileName, content, type.value()});
    return true;
}

bool IntakeController::addFilePath(const QString &path)
{
    const QFileInfo info(path);
    const QString field = QStringLiteral("attachments");
    // The size first: a 2 GB video dropped by mistake is never read into memory.
    if (info.size() > maxAttachmentBytes()) {
        Q_EMIT fieldError(field, tr("Файли: «%1» завеликий (%2; найбільше %3)")
                                     .arg(info.fileName(), formatSize(info.size()), formatSize(maxAttachmentBytes())));
        return false;
    }
    QFile file(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        Q_EMIT fieldError(field, tr("Файли: не вдалося прочитати «%1»").arg(info.fileName()));
        return false;
    }
    return addFile(info.fileName(), file.readAll());
}

void IntakeController::removeFile(int row) { m_attachments->removeAt(row); }

void IntakeController::fail(const Error &error)
{
    if (error.code == ErrorCode::InvalidArgument || error.code == ErrorCode::AlreadyExists)
        Q_EMIT fieldError(error.field, error.message);
    Q_EMIT failed(error);
}

void IntakeController::registerCase()
{
    if (m_busy)
        return;
    Q_EMIT fieldsCleared();
    if (!m_services->cases) {
        fail(Error::make(ErrorCode::Unsupported, m_services->storeProblem));
        return;
    }
    bool ok = true;
    auto invalid = [this, &ok](const QString &field, const QString &message) {
        Q_EMIT fieldError(field, message);
        ok = false;
    };
    const QDate today = m_context.clock->today();
    if (!m_applicant) {
        invalid(QStringLiteral("applicant"), tr("Заявник: оберіть заявника або внесіть його дані (F2)"));
    } else if (m_applicant->id == 0) {
        // A new applicant is created with the case: check it here so the clerk
        // sees the field, not a failed registration.
        const auto problems = ApplicantFormController::fieldProblems(*m_applicant, today);
        for (auto it = problems.cbegin(); it != problems.cend(); ++it)
            invalid(QStringLiteral("applicant.") + it.key(), it.value());
        if (problems.isEmpty()) {
            if (auto v = m_applicant->validate(today); !v)
                invalid(QStringLiteral("applicant.") + v.error().field,
                        ApplicantFormController::describe(v.error().field, v.error().message));
        }
    }
    if (!m_card)
        invalid(QStringLiteral("serviceCode"), tr("Послуга: оберіть послугу з переліку"));
    const qint64 fee = m_details.feeKopecks.value_or(m_card ? m_card->feeKopecks : 0);
    if (fee < 0)
        invalid(QStringLiteral("feeKopecks"), tr("Збір: сума не може бути від'ємною"));
    if (fee > 0 && m_details.paymentEvidence.trimmed().isEmpty())
        invalid(QStringLiteral("paymentEvidence"), tr("Оплата: вкажіть номер квитанції або платежу"));
    if (m_details.delivery != DeliveryMethod::InPerson && m_details.contact.trimmed().isEmpty())
        invalid(QStringLiteral("contact"), m_details.delivery == DeliveryMethod::Post
                                               ? tr("Адреса: вкажіть поштову адресу для надсилання результату")
                                               : tr("Адреса: вкажіть електронну пошту для надсилання результату"));
    if (m_details.channel == IntakeChannel::Representative && m_details.representative.trimmed().isEmpty())
        invalid(QStringLiteral("representative"), tr("Представник: вкажіть ПІБ і документ про повноваження"));
    if (!ok)
        return;

    services::RegistrationRequest request;
    if (m_applicant->id > 0)
        request.applicant.existingId = m_applicant->id;
    else
        request.applicant.candidate = *m_applicant;
    request.serviceCode = m_card->code.value();
    request.checklist = m_checklist->items();
    for (const PendingAttachment &f : m_attachments->files())
        request.attachments.append(services::AttachmentInput{f.fileName, f.content});
    request.feeKopecks = m_details.feeKopecks;
    request.paymentEvidence = m_details.paymentEvidence.trimmed();
    request.delivery = m_details.delivery;
    request.contact = m_details.contact.trimmed();
    request.channel = m_details.channel;
    request.representative = m_details.representative.trimmed();
    request.objectAddress = m_details.objectAddress.trimmed();

    m_busy = true;
    auto cases = m_services->cases;
    const Actor actor = m_context.actor;
    m_context.runner->run(
        this, [cases, actor, request]() { return cases->registerCase(actor, request); },
        [this](Result<services::RegistrationResult> r) {
            m_busy = false;
            if (!r) {
                fail(r.error());
                return;
            }
            m_registered = r->details;
            Q_EMIT caseRegistered(r->details);
        });
}

void IntakeController::fetchInventory(const QString &caseNumber)
{
    if (!m_services->cases) {
        fail(Error::make(ErrorCode::Unsupported, m_services->storeProblem));
        return;
    }
    auto cases = m_services->cases;
    const Actor actor = m_context.actor;
    m_context.runner->run(
        this, [cases, actor, caseNumber]() { return cases->inventory(actor, caseNumber); },
        [this](Result<CaseInventory> r) {
            if (!r)
                fail(r.error());
            else
                Q_EMIT inventoryReady(r.value());
        });
}

void IntakeController::writeInventoryPdf(const QString &caseNumber, const QString &path)
{
    if (!m_services->cases) {
        fail(Error::make(ErrorCode::Unsupported, m_services->storeProblem));
        return;
    }
    auto cases = m_services->cases;
    const Actor actor = m_context.actor;
    m_context.runner->run(
        this, [cases, actor, caseNumber]() { return cases->inventory(actor, caseNumber); },
        [this, path, caseNumber](Result<CaseInventory> r) {
            if (!r) {
                fail(r.error());
                return;
            }
            // Rendering needs fonts and a paint engine: the UI thread does it.
            if (auto w = InventoryRenderer::writePdf(r.value(), path); !w) {
                fail(w.error());
                return;
            }
            auto applicants = m_services->applicants;
            const Actor a = m_context.actor;
            m_context.runner->run(
                this, [applicants, a, caseNumber]() {
                    return applicants->recordPrint(a, QStringLiteral("case"), caseNumber, QStringLiteral("inventory pdf"));
                },
                [this, path](Status s) {
                    if (!s)
                        fail(s.error());
                    Q_EMIT inventoryWritten(path);
                });
        });
}

void IntakeController::recordPrinted(const QString &caseNumber)
{
    auto applicants = m_services->applicants;
    const Actor actor = m_context.actor;
    m_context.runner->run(
        this, [applicants, actor, caseNumber]() {
            return applicants->recordPrint(actor, QStringLiteral("case"), caseNumber, QStringLiteral("inventory printer"));
        },
        [this](Status s) {
            if (!s)
                fail(s.error());
        });
}

} // namespace cnap::gui::desk
