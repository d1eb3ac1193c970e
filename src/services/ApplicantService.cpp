#include "services/ApplicantService.h"

#include "core/identifiers/Identifiers.h"
#include "security/AuditLog.h"
#include "storage/ApplicantRepository.h"
#include "storage/CaseRepository.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace cnap::services {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::services::ApplicantService", s); }

const QString kObjectType = QStringLiteral("applicant");

bool allDigits(const QString &t)
{
    if (t.isEmpty())
        return false;
    for (const QChar c : t) {
        if (!c.isDigit())
            return false;
    }
    return true;
}

} // namespace

ApplicantQueryKind detectApplicantQueryKind(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return ApplicantQueryKind::Empty;
    QString compact = t;
    compact.remove(u' ');
    if (compact.startsWith(u'+')) {
        QString rest = compact.mid(1);
        rest.remove(u'-').remove(u'(').remove(u')');
        return allDigits(rest) ? ApplicantQueryKind::Phone : ApplicantQueryKind::Surname;
    }
    if (allDigits(compact)) {
        switch (compact.size()) {
        case 8: return ApplicantQueryKind::Edrpou;
        case 9: return ApplicantQueryKind::IdCard;
        case 10:
            // A РНОКПП may start with 0 (born before 1927), a mobile number always
            // does: the check digit decides.
            if (Rnokpp::parse(compact))
                return ApplicantQueryKind::Rnokpp;
            return compact.startsWith(u'0') ? ApplicantQueryKind::Phone : ApplicantQueryKind::Rnokpp;
        case 12:
            return compact.startsWith(QStringLiteral("380")) ? ApplicantQueryKind::Phone : ApplicantQueryKind::CaseNumber;
        case 13: return ApplicantQueryKind::Unzr;
        default: return ApplicantQueryKind::CaseNumber;
        }
    }
    static const QRegularExpression unzr(QStringLiteral("^\\d{8}-\\d{5}$"));
    if (unzr.match(compact).hasMatch())
        return ApplicantQueryKind::Unzr;
    static const QRegularExpression passport(QStringLiteral("^\\p{L}{2}\\d{6}$"));
    if (passport.match(compact).hasMatch())
        return ApplicantQueryKind::Passport;
    static const QRegularExpression phone(QStringLiteral("^\\(?0\\d{2}\\)?[\\d-]{7,9}$"));
    if (phone.match(compact).hasMatch())
        return ApplicantQueryKind::Phone;
    static const QRegularExpression caseNumber(QStringLiteral("^[\\p{L}\\p{N}_/.-]*\\d[\\p{L}\\p{N}_/.-]*$"));
    if (caseNumber.match(compact).hasMatch())
        return ApplicantQueryKind::CaseNumber;
    return ApplicantQueryKind::Surname;
}

QString applicantQueryKindKey(ApplicantQueryKind kind)
{
    switch (kind) {
    case ApplicantQueryKind::Empty: return QStringLiteral("empty");
    case ApplicantQueryKind::Rnokpp: return QStringLiteral("rnokpp");
    case ApplicantQueryKind::Edrpou: return QStringLiteral("edrpou");
    case ApplicantQueryKind::Unzr: return QStringLiteral("unzr");
    case ApplicantQueryKind::Passport: return QStringLiteral("passport");
    case ApplicantQueryKind::IdCard: return QStringLiteral("id-card");
    case ApplicantQueryKind::Phone: return QStringLiteral("phone");
    case ApplicantQueryKind::CaseNumber: return QStringLiteral("case-number");
    case ApplicantQueryKind::Surname: return QStringLiteral("surname");
    }
    return {};
}

QString applicantQueryKindDisplayName(ApplicantQueryKind kind)
{
    switch (kind) {
    case ApplicantQueryKind::Empty: return {};
    case ApplicantQueryKind::Rnokpp: return tr("РНОКПП");
    case ApplicantQueryKind::Edrpou: return tr("код ЄДРПОУ");
    case ApplicantQueryKind::Unzr: return tr("УНЗР");
    case ApplicantQueryKind::Passport: return tr("паспорт");
    case ApplicantQueryKind::IdCard: return tr("ID-картка");
    case ApplicantQueryKind::Phone: return tr("телефон");
    case ApplicantQueryKind::CaseNumber: return tr("номер справи");
    case ApplicantQueryKind::Surname: return tr("прізвище або назва");
    }
    return {};
}

ApplicantService::ApplicantService(storage::DatabasePtr db, const Clock &clock, bool audit)
    : m_db(std::move(db)), m_clock(clock), m_audit(audit ? std::make_unique<security::AuditLog>(m_db, clock) : nullptr)
{
}

ApplicantService::~ApplicantService() = default;

Status ApplicantService::audit(const Actor &actor, security::AuditAction action, const QString &objectId, const QString &details)
{
    if (!m_audit)
        return {};
    return m_audit->append(actor, action, kObjectType, objectId, details);
}

Result<ApplicantSearchResult> ApplicantService::search(const Actor &actor, const QString &text, int limit)
{
    CNAP_TRY(require(actor, Permission::ApplicantRead));
    ApplicantSearchResult out;
    out.kind = detectApplicantQueryKind(text);
    if (out.kind == ApplicantQueryKind::Empty)
        return out;
    const QString t = text.trimmed();
    if (t.size() > 100)
        return Error::invalid(QStringLiteral("search"), tr("запит задовгий"));
    limit = std::clamp(limit, 1, 500);
    storage::ApplicantRepository repo(m_db, m_clock);
    auto one = [&out](Result<std::optional<Applicant>> r) -> Status {
        if (!r)
            return r.error();
        if (r.value())
            out.applicants.push_back(*r.value());
        return {};
    };
    auto many = [&out](Result<std::vector<Applicant>> r) -> Status {
        if (!r)
            return r.error();
        out.applicants = std::move(r.value());
        return {};
    };
    QString compact = t;
    compact.remove(u' ');
    switch (out.kind) {
    case ApplicantQueryKind::Empty: break;
    case ApplicantQueryKind::Rnokpp: CNAP_TRY(one(repo.findByRnokpp(compact))); break;
    case ApplicantQueryKind::Edrpou: CNAP_TRY(one(repo.findByEdrpou(compact))); break;
    case ApplicantQueryKind::Unzr: CNAP_TRY(many(repo.findByUnzr(compact))); break;
    case ApplicantQueryKind::Passport:
    case ApplicantQueryKind::IdCard: CNAP_TRY(many(repo.findByDocument(compact))); break;
    case ApplicantQueryKind::Phone: CNAP_TRY(many(repo.findByPhone(t))); break;
    case ApplicantQueryKind::CaseNumber: {
        CNAP_TRY(require(actor, Permission::CaseRead));
        storage::CaseRepository cases(m_db);
        auto row = cases.summaryByNumber(compact);
        if (!row && row.error().code != ErrorCode::NotFound)
            return row.error();
        if (row && row->applicantId > 0) {
            auto a = repo.get(row->applicantId);
            if (!a && a.error().code != ErrorCode::NotFound)
                return a.error();
            if (a)
                out.applicants.push_back(a.value());
        }
        break;
    }
    case ApplicantQueryKind::Surname: CNAP_TRY(many(repo.searchBySurnamePrefix(t, limit))); break;
    }
    if (static_cast<int>(out.applicants.size()) > limit)
        out.applicants.resize(static_cast<std::size_t>(limit));
    // The kind only: the searched value is personal data and stays out of the chain.
    CNAP_TRY(audit(actor, security::AuditAction::ApplicantSearch, {},
                   QStringLiteral("kind=%1 found=%2").arg(applicantQueryKindKey(out.kind)).arg(out.applicants.size())));
    return out;
}

Result<Applicant> ApplicantService::open(const Actor &actor, qint64 id)
{
    CNAP_TRY(require(actor, Permission::ApplicantRead));
    auto a = storage::ApplicantRepository(m_db, m_clock).get(id);
    if (!a)
        return a.error();
    CNAP_TRY(audit(actor, security::AuditAction::ApplicantOpen, QString::number(id), {}));
    return a;
}

Result<std::vector<Applicant>> ApplicantService::findDuplicates(const Actor &actor, const Applicant &candidate)
{
    CNAP_TRY(require(actor, Permission::ApplicantRead));
    return storage::ApplicantRepository(m_db, m_clock).findDuplicates(candidate);
}

Result<Applicant> ApplicantService::create(const Actor &actor, const Applicant &applicant)
{
    CNAP_TRY(require(actor, Permission::ApplicantWrite));
    auto a = storage::ApplicantRepository(m_db, m_clock).create(applicant);
    if (!a)
        return a.error();
    CNAP_TRY(audit(actor, security::AuditAction::ApplicantChange, QString::number(a->id),
                   QStringLiteral("created")));
    return a;
}

Result<Applicant> ApplicantService::update(const Actor &actor, const Applicant &applicant)
{
    CNAP_TRY(require(actor, Permission::ApplicantWrite));
    auto a = storage::ApplicantRepository(m_db, m_clock).update(applicant);
    if (!a)
        return a.error();
    CNAP_TRY(audit(actor, security::AuditAction::ApplicantChange, QString::number(a->id),
                   QStringLiteral("updated version=%1").arg(a->version)));
    return a;
}

Status ApplicantService::recordPrint(const Actor &actor, const QString &objectType, const QString &objectId,
                                     const QString &what)
{
    CNAP_TRY(require(actor, Permission::CaseRead));
    if (!m_audit)
        return {};
    return m_audit->append(actor, security::AuditAction::Print, objectType, objectId, what);
}

} // namespace cnap::services
