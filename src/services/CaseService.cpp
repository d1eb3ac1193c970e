#include "services/CaseService.h"

#include "core/text/SearchKey.h"
#include "security/AuditLog.h"
#include "services/cases/OutboundMessageSink.h"
#include "services/cases/OutboxSink.h"
#include "storage/ApplicantRepository.h"
#include "storage/CatalogueRepository.h"
#include "storage/JournalRepository.h"
#include "storage/Sql.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace cnap::services {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::services::CaseService", s); }

Error notFound(const QString &number)
{
    return Error::make(ErrorCode::NotFound, tr("справу %1 не знайдено").arg(number));
}

Error relabel(const Error &e, const QString &field) { return Error{e.code, e.message, field}; }
} // namespace

CaseService::CaseService(storage::DatabasePtr db, std::shared_ptr<storage::DocumentStore> store, CaseServiceOptions options,
                         const Clock &clock)
    : m_db(std::move(db)), m_store(std::move(store)), m_options(std::move(options)), m_clock(clock), m_cases(m_db),
      m_audit(m_options.audit ? std::make_unique<security::AuditLog>(m_db, clock) : nullptr)
{
    // Every front end registers through here, so the outbox is wired here once:
    // a registry-routed case queues its message in the registration transaction.
    if (!m_options.outbound) {
        m_defaultOutbound = std::make_unique<OutboxSink>(m_db, clock);
        m_options.outbound = m_defaultOutbound.get();
    }
}

CaseService::~CaseService() = default;

void CaseService::flag(CaseSummary &row) const
{
    row.dueFlag = dueFlag(m_options.calendar, row.state, row.dueDate, m_clock.today(), m_options.nearDueWorkingDays);
}

Result<Applicant> CaseService::resolveApplicant(const Actor &actor, const ApplicantChoice &choice, bool *created)
{
    *created = false;
    CNAP_TRY(require(actor, Permission::ApplicantRead));
    storage::ApplicantRepository repo(m_db, m_clock);
    if (choice.existingId > 0) {
        auto a = repo.get(choice.existingId);
        if (!a && a.error().code == ErrorCode::NotFound)
            return Error::invalid(QStringLiteral("applicant"), tr("заявника не знайдено; оберіть його ще раз"));
        return a;
    }
    if (!choice.candidate)
        return Error::invalid(QStringLiteral("applicant"), tr("оберіть заявника або внесіть його дані"));
    const Applicant c = choice.candidate->normalized();
    // Duplicates are found, not created: the same taxpayer code is the same applicant.
    if (c.isPerson() && !c.rnokpp.isEmpty()) {
        auto found = repo.findByRnokpp(c.rnokpp);
        if (!found)
            return found.error();
        if (found->has_value())
            return **found;
    }
    if (c.isLegalEntity() && !c.edrpou.isEmpty()) {
        auto found = repo.findByEdrpou(c.edrpou);
        if (!found)
            return found.error();
        if (found->has_value())
            return **found;
    }
    CNAP_TRY(c.validate(m_clock.today()));
    auto dups = repo.findDuplicates(c);
    if (!dups)
        return dups.error();
    if (!dups->empty())
        return Error{ErrorCode::AlreadyExists,
                     tr("у базі вже є схожий заявник (збігів: %1) — оберіть наявного замість створення нового").arg(dups->size()),
                     QStringLiteral("applicant")};
    CNAP_TRY(require(actor, Permission::ApplicantWrite));
    auto stored = repo.create(c);
    if (stored)
        *created = true;
    return stored;
}

Result<RegistrationResult> CaseService::registerCase(const Actor &actor, const RegistrationRequest &req)
{
    CNAP_TRY(require(actor, Permission::CaseRegister));
    CNAP_TRY(validateJournalKey(m_options.journal));
    CNAP_TRY(validateCaseNumberPattern(m_options.numberPattern));

    // --- everything the clerk typed, before anything is written
    auto code = ServiceCode::parse(req.serviceCode);
    if (!code)
        return relabel(code.error(), QStringLiteral("serviceCode"));
    auto card = storage::CatalogueRepository(m_db, m_clock).get(code.value());
    if (!card) {
        if (card.error().code == ErrorCode::NotFound)
            return Error::invalid(QStringLiteral("serviceCode"), tr("послуги з кодом %1 немає в каталозі").arg(code->value()));
        return card.error();
    }
    if (!card->active)
        return Error::invalid(QStringLiteral("serviceCode"),
                              tr("послугу %1 вилучено з каталогу: нові заяви на неї не приймаються").arg(code->value()));

    QList<ChecklistItem> checklist;
    if (!req.checklist.isEmpty() && req.checklist.size() != qsizetype(card->documents.size()))
        return Error::invalid(QStringLiteral("checklist"),
                              tr("перелік документів має %1 рядків, а інформаційна картка — %2")
                                  .arg(req.checklist.size()).arg(card->documents.size()));
    for (qsizetype i = 0; i < qsizetype(card->documents.size()); ++i) {
        const RequiredDocument &doc = card->documents[size_t(i)];
        ChecklistItem item;
        if (!req.checklist.isEmpty())
            item = req.checklist[i];
        else {
            item.form = doc.form;
            item.provided = req.allProvided;
            item.sheets = req.allProvided ? 1 : 0;
        }
        item.name = doc.name;
        item.mandatory = doc.mandatory;
        const QString field = QStringLiteral("checklist[%1].sheets").arg(i);
        if (item.sheets < 0 || item.sheets > 10000)
            return Error::invalid(field, tr("кількість аркушів — від 0 до 10000"));
        if (item.provided && item.sheets == 0)
            return Error::invalid(field, tr("вкажіть кількість аркушів документа «%1»").arg(doc.name));
        if (!item.provided)
            item.sheets = 0;
        checklist.append(item);
    }

    const qint64 fee = req.feeKopecks.value_or(card->feeKopecks);
    if (fee < 0)
        return Error::invalid(QStringLiteral("feeKopecks"), tr("сума оплати не може бути від'ємною"));
    if (fee > 0 && req.paymentEvidence.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("paymentEvidence"),
                              tr("послуга платна: вкажіть реквізити документа про оплату (номер квитанції чи платіжної інструкції)"));
    if (req.delivery == DeliveryMethod::Post && req.contact.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("contact"), tr("вкажіть поштову адресу для надсилання результату"));
    if (req.delivery == DeliveryMethod::Email) {
        static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
        if (!email.match(req.contact.trimmed()).hasMatch())
            return Error::invalid(QStringLiteral("contact"), tr("вкажіть правильну адресу електронної пошти для надсилання результату"));
    }
    if (req.channel == IntakeChannel::Representative && req.representative.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("representative"),
                              tr("вкажіть представника і документ, що підтверджує його повноваження"));

    if (req.attachments.size() > m_options.maxAttachments)
        return Error::invalid(QStringLiteral("attachments"),
                              tr("забагато файлів: не більше %1 на справу").arg(m_options.maxAttachments));
    QList<FileType> types;
    for (qsizetype i = 0; i < req.attachments.size(); ++i) {
        const AttachmentInput &a = req.attachments[i];
        auto type = checkAttachment(QStringLiteral("attachments[%1]").arg(i), a.fileName, a.content, m_options.maxAttachmentBytes);
        if (!type)
            return type.error();
        types.append(type.value());
    }

    bool applicantCreated = false;
    auto applicant = resolveApplicant(actor, req.applicant, &applicantCreated);
    if (!applicant)
        return applicant.error();

    // --- the files, durably, before the transaction that will refer to them
    const QDateTime now = m_clock.now().toUTC();
    QList<CaseDocument> documents;
    for (qsizetype i = 0; i < req.attachments.size(); ++i) {
        auto stored = m_store->put(req.attachments[i].content);
        if (!stored)
            return relabel(stored.error(), QStringLiteral("attachments[%1]").arg(i));
        CaseDocument d;
        d.position = int(i + 1);
        d.fileName = req.attachments[i].fileName;
        d.mimeType = fileTypeMime(types[i]);
        d.size = stored->size;
        d.sha256 = stored->sha256;
        d.addedAt = now;
        documents.append(d);
    }

    // --- one transaction: number, case, children, history, audit, outbound message
    const QDate today = m_clock.today();
    auto due = registrationDueDate(m_options.calendar, today, card->term, termUnitKey(card->termUnit));
    if (!due)
        return due.error();

    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto tx = storage::Transaction::begin(conn.value());
    if (!tx)
        return tx.error();
    auto seq = storage::JournalRepository(m_db).reserve(m_options.journal, today.year());
    if (!seq)
        return seq.error();
    auto number = formatCaseNumber(m_options.numberPattern, m_options.journal, today.year(), seq.value());
    if (!number)
        return number.error();

    CaseDetails d;
    d.summary.number = number.value();
    d.summary.journal = m_options.journal;
    d.summary.year = today.year();
    d.summary.seq = seq.value();
    d.summary.state = CaseState::Registered;
    d.summary.registeredAt = now;
    d.summary.dueDate = due.value();
    d.summary.applicantId = applicant->id;
    d.summary.applicantName = applicant->displayName();
    d.summary.applicantCode = applicant->isPerson() ? applicant->rnokpp : applicant->edrpou;
    d.summary.serviceCode = card->code.value();
    d.summary.serviceName = card->name;
    d.applicantSurnameKey = surnameKey(applicant->isPerson() ? applicant->surname : applicant->organisationName);
    d.providerName = card->provider.name;
    d.objectAddress = req.objectAddress.trimmed();
    d.delivery = req.delivery;
    d.channel = req.channel;
    d.representative = req.representative.trimmed();
    d.contact = req.contact.trimmed();
    d.feeKopecks = fee;
    d.paymentEvidence = req.paymentEvidence.trimmed();
    d.registeredBy = actor.login;
    d.registeredByName = req.administratorName.trimmed();
    d.desk = actor.desk;
    d.checklist = checklist;
    d.documents = documents;
    CaseHistoryEntry h;
    h.at = now;
    h.actor = actor.login;
    h.event = QStringLiteral("registered");
    h.toState = CaseState::Registered;
    h.dueAfter = due.value();
    d.history.append(h);

    auto id = m_cases.insert(d);
    if (!id)
        return id.error();
    if (card->route == RouteKind::Registry && m_options.outbound) {
        OutboundCaseMessage msg{id.value(), d.summary.number, d.summary.serviceCode, card->registry, applicant->id};
        CNAP_TRY(m_options.outbound->enqueue(tx.value(), msg));
    }
    if (m_audit)
        CNAP_TRY(m_audit->append(tx.value(), actor, security::AuditAction::CaseChange, QStringLiteral("case"), d.summary.number,
                                 QStringLiteral("registered; service %1; files %2").arg(d.summary.serviceCode).arg(documents.size())));
    CNAP_TRY(tx->commit());

    auto stored = m_cases.getById(id.value());
    if (!stored)
        return stored.error();
    RegistrationResult out;
    out.details = stored.value();
    flag(out.details.summary);
    out.applicantCreated = applicantCreated;
    return out;
}

Result<CaseDetails> CaseService::transition(const Actor &actor, const QString &number, int expectedVersion,
                                            const TransitionRequest &request)
{
    CNAP_TRY(require(actor, Permission::CaseTransition));
    if (request.to == CaseState::Issued || request.to == CaseState::Posted)
        CNAP_TRY(require(actor, Permission::CaseIssueResult));
    auto cur = m_cases.getByNumber(number.trimmed());
    if (!cur)
        return cur.error().code == ErrorCode::NotFound ? notFound(number) : cur.error();
    const int version = expectedVersion > 0 ? expectedVersion : cur->summary.version;
    if (version != cur->summary.version)
        return Error::make(ErrorCode::Conflict,
                           tr("справу %1 щойно змінив інший користувач (тепер вона у стані «%2»); "
                              "оновіть картку справи і повторіть дію — ваші зміни не збережено")
                               .arg(cur->summary.number, caseStateDisplayName(cur->summary.state)));
    const CaseState from = cur->summary.state;
    CNAP_TRY(checkTransition(from, request));

    const QDateTime now = m_clock.now().toUTC();
    const QDate today = m_clock.today();
    storage::CaseChange change;
    change.caseId = cur->summary.id;
    change.expectedVersion = version;
    change.state = request.to;
    change.dueDate = cur->summary.dueDate;
    change.suspendedSince = cur->suspendedSince;
    change.at = now;
    if (request.to == CaseState::Suspended) {
        change.suspendedSince = today;
    } else if (from == CaseState::Suspended) {
        if (request.to == CaseState::UnderReview && cur->suspendedSince)
            change.dueDate = dueDateAfterSuspension(m_options.calendar, change.dueDate, *cur->suspendedSince, today);
        change.suspendedSince.reset();
    }
    if (request.to == CaseState::Issued) {
        change.issuedTo = request.issuedTo.trimmed();
        change.issuedDocument = request.issuedDocument.trimmed();
        change.issuedAt = now;
    } else if (request.to == CaseState::Posted) {
        change.issuedAt = now;
    }
    change.history.actor = actor.login;
    change.history.event = QStringLiteral("transition");
    change.history.fromState = from;
    change.history.toState = request.to;
    change.history.comment = request.comment.trimmed();
    change.history.dueBefore = cur->summary.dueDate;
    change.history.dueAfter = change.dueDate;

    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto tx = storage::Transaction::begin(conn.value());
    if (!tx)
        return tx.error();
    auto applied = m_cases.applyChange(change);
    if (!applied)
        return applied.error();
    if (m_audit)
        CNAP_TRY(m_audit->append(tx.value(), actor, security::AuditAction::CaseChange, QStringLiteral("case"), cur->summary.number,
                                 QStringLiteral("%1 -> %2").arg(caseStateKey(from), caseStateKey(request.to))));
    CNAP_TRY(tx->commit());
    auto out = m_cases.getById(cur->summary.id);
    if (out)
        flag(out->summary);
    return out;
}

Result<CaseDetails> CaseService::extendDueDate(const Actor &actor, const QString &number, int expectedVersion, QDate newDue,
                                               const QString &legalReason)
{
    CNAP_TRY(require(actor, Permission::CaseTransition));
    if (legalReason.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("legalReason"), tr("вкажіть правову підставу продовження строку"));
    auto cur = m_cases.getByNumber(number.trimmed());
    if (!cur)
        return cur.error().code == ErrorCode::NotFound ? notFound(number) : cur.error();
    if (!termRuns(cur->summary.state) && cur->summary.state != CaseState::Suspended)
        return Error::make(ErrorCode::IllegalTransition,
                           tr("у стані «%1» строк розгляду вже не продовжують").arg(caseStateDisplayName(cur->summary.state)));
    if (!newDue.isValid() || newDue <= cur->summary.dueDate)
        return Error::invalid(QStringLiteral("dueDate"), tr("новий строк має бути пізнішим за чинний (%1)")
                                                             .arg(cur->summary.dueDate.toString(QStringLiteral("dd.MM.yyyy"))));
    const int version = expectedVersion > 0 ? expectedVersion : cur->summary.version;
    storage::CaseChange change;
    change.caseId = cur->summary.id;
    change.expectedVersion = version;
    change.state = cur->summary.state;
    change.dueDate = m_options.calendar.workingDayOnOrAfter(newDue);
    change.suspendedSince = cur->suspendedSince;
    change.at = m_clock.now().toUTC();
    change.history.actor = actor.login;
    change.history.event = QStringLiteral("due-extended");
    change.history.fromState = cur->summary.state;
    change.history.toState = cur->summary.state;
    change.history.comment = legalReason.trimmed();
    change.history.dueBefore = cur->summary.dueDate;
    change.history.dueAfter = change.dueDate;

    auto conn = m_db->connection();
    if (!conn)
        return conn.error();
    auto tx = storage::Transaction::begin(conn.value());
    if (!tx)
        return tx.error();
    auto applied = m_cases.applyChange(change);
    if (!applied)
        return applied.error();
    if (m_audit)
        CNAP_TRY(m_audit->append(tx.value(), actor, security::AuditAction::CaseChange, QStringLiteral("case"), cur->summary.number,
                                 QStringLiteral("due extended")));
    CNAP_TRY(tx->commit());
    auto out = m_cases.getById(cur->summary.id);
    if (out)
        flag(out->summary);
    return out;
}

Result<CaseDetails> CaseService::get(const Actor &actor, const QString &number)
{
    CNAP_TRY(require(actor, Permission::CaseRead));
    auto d = m_cases.getByNumber(number.trimmed());
    if (!d)
        return d.error().code == ErrorCode::NotFound ? notFound(number) : d.error();
    flag(d->summary);
    // Who opened which file is part of the personal-data access trail.
    if (m_audit)
        CNAP_TRY(m_audit->append(actor, security::AuditAction::CaseOpen, QStringLiteral("case"), d->summary.number));
    return d;
}

Result<CasePage> CaseService::list(const Actor &actor, const CaseListQuery &query)
{
    CNAP_TRY(require(actor, Permission::CaseRead));
    auto page = m_cases.list(query, m_clock.today());
    if (page)
        for (CaseSummary &row : page->rows)
            flag(row);
    return page;
}

Result<QList<CaseSummary>> CaseService::search(const Actor &actor, const QString &text, int limit)
{
    CNAP_TRY(require(actor, Permission::CaseRead));
    const QString t = text.trimmed();
    if (t.isEmpty())
        return Error::invalid(QStringLiteral("search"), tr("введіть РНОКПП, код ЄДРПОУ, номер справи або початок прізвища"));
    if (t.size() > 100)
        return Error::invalid(QStringLiteral("search"), tr("запит задовгий"));
    static const QRegularExpression digits(QStringLiteral("^\\d+$"));
    static const QRegularExpression caseNumber(QStringLiteral("^[\\p{L}\\p{N}_/.-]*\\d[\\p{L}\\p{N}_/.-]*$"));
    Result<QList<CaseSummary>> rows = QList<CaseSummary>();
    if (digits.match(t).hasMatch() && (t.size() == 10 || t.size() == 8)) {
        rows = m_cases.findByApplicantCode(t, limit);
    } else if (caseNumber.match(t).hasMatch()) {
        auto one = m_cases.summaryByNumber(t);
        if (!one && one.error().code != ErrorCode::NotFound)
            return one.error();
        if (one)
            rows = QList<CaseSummary>{one.value()};
    } else {
        rows = m_cases.findBySurnameKeyPrefix(surnameKey(t), limit);
    }
    if (rows)
        for (CaseSummary &row : rows.value())
            flag(row);
    return rows;
}

Result<CaseInventory> CaseService::inventory(const Actor &actor, const QString &number)
{
    CNAP_TRY(require(actor, Permission::CaseRead));
    auto d = m_cases.getByNumber(number.trimmed());
    if (!d)
        return d.error().code == ErrorCode::NotFound ? notFound(number) : d.error();
    return makeInventory(d.value());
}

Result<QByteArray> CaseService::documentContent(const Actor &actor, const QString &number, int position)
{
    CNAP_TRY(require(actor, Permission::CaseRead));
    auto d = m_cases.getByNumber(number.trimmed());
    if (!d)
        return d.error().code == ErrorCode::NotFound ? notFound(number) : d.error();
    for (const CaseDocument &doc : d->documents)
        if (doc.position == position)
            return m_store->read(doc.sha256);
    return Error::make(ErrorCode::NotFound, tr("у справі %1 немає файлу № %2").arg(number).arg(position));
}

Result<IntegrityReport> CaseService::check(const Actor &actor)
{
    CNAP_TRY(require(actor, Permission::SystemAdminister));
    IntegrityReport report;
    auto count = m_cases.count();
    if (!count)
        return count.error();
    report.cases = count.value();
    auto inner = m_cases.verifyIntegrity();
    if (!inner)
        return inner.error();
    report.problems << inner.value();
    auto journals = storage::JournalRepository(m_db).verify();
    if (!journals)
        return journals.error();
    report.problems << journals.value();
    auto refs = m_cases.documentRefs();
    if (!refs)
        return refs.error();
    QSet<QString> referenced;
    for (const storage::DocumentRef &ref : refs.value()) {
        referenced.insert(ref.sha256);
        auto ok = m_store->verify(ref.sha256);
        if (!ok)
            return ok.error();
        if (!ok.value())
            report.problems << tr("файл %1 (посилань: %2) відсутній у сховищі %3 або його вміст не збігається з SHA-256")
                                   .arg(ref.sha256).arg(ref.references).arg(m_store->root());
    }
    report.filesReferenced = referenced.size();
    for (const QString &sha : m_store->list())
        if (!referenced.contains(sha))
            ++report.filesUnreferenced;
    return report;
}

} // namespace cnap::services
