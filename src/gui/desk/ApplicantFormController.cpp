#include "gui/desk/ApplicantFormController.h"

#include "gui/common/TaskRunner.h"

#include <QRegularExpression>

namespace cnap::gui::desk {

ApplicantFormController::ApplicantFormController(AppContext context, DeskServicesPtr services, QObject *parent)
    : QObject(parent), m_context(std::move(context)), m_services(std::move(services))
{
}

QString ApplicantFormController::fieldLabel(const QString &field)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("surname"), QT_TR_NOOP("Прізвище")},
        {QStringLiteral("givenName"), QT_TR_NOOP("Ім'я")},
        {QStringLiteral("patronymic"), QT_TR_NOOP("По батькові")},
        {QStringLiteral("birthDate"), QT_TR_NOOP("Дата народження")},
        {QStringLiteral("rnokpp"), QT_TR_NOOP("РНОКПП")},
        {QStringLiteral("unzr"), QT_TR_NOOP("УНЗР")},
        {QStringLiteral("document.type"), QT_TR_NOOP("Документ, що посвідчує особу")},
        {QStringLiteral("document.number"), QT_TR_NOOP("Номер документа")},
        {QStringLiteral("document.issueDate"), QT_TR_NOOP("Дата видачі документа")},
        {QStringLiteral("address.katottg"), QT_TR_NOOP("Код КАТОТТГ")},
        {QStringLiteral("phone"), QT_TR_NOOP("Телефон")},
        {QStringLiteral("email"), QT_TR_NOOP("Електронна пошта")},
        {QStringLiteral("consent"), QT_TR_NOOP("Згода на обробку персональних даних")},
        {QStringLiteral("edrpou"), QT_TR_NOOP("Код ЄДРПОУ")},
        {QStringLiteral("organisationName"), QT_TR_NOOP("Найменування")},
        {QStringLiteral("representative.fullName"), QT_TR_NOOP("Представник")},
        {QStringLiteral("representative.authority"), QT_TR_NOOP("Документ про повноваження")},
    };
    const char *l = labels.value(field, nullptr);
    return l ? tr(l) : field;
}

QString ApplicantFormController::describe(const QString &field, const QString &message)
{
    const QString label = fieldLabel(field);
    if (message.contains(label, Qt::CaseInsensitive))
        return message;
    return label + QStringLiteral(": ") + message;
}

QHash<QString, QString> ApplicantFormController::fieldProblems(const Applicant &a, QDate today)
{
    QHash<QString, QString> out;
    auto put = [&out](const QString &field, const QString &message) { out.insert(field, describe(field, message)); };
    const QString fmt = QStringLiteral("dd.MM.yyyy");
    if (a.isPerson()) {
        if (a.birthDate.isValid() && a.birthDate > today)
            put(QStringLiteral("birthDate"), tr("дата народження не може бути в майбутньому"));
        const QString rn = a.rnokpp.trimmed();
        if (a.rnokppRefused && !rn.isEmpty()) {
            put(QStringLiteral("rnokpp"), tr("вказано і РНОКПП, і відмову від нього — залиште щось одне"));
        } else if (!rn.isEmpty()) {
            auto r = Rnokpp::parse(rn, today);
            if (!r)
                put(QStringLiteral("rnokpp"), r.error().message);
            else if (a.birthDate.isValid() && r->birthDate() != a.birthDate)
                put(QStringLiteral("rnokpp"), tr("дата народження в РНОКПП (%1) не збігається з указаною (%2)")
                                                  .arg(r->birthDate().toString(fmt), a.birthDate.toString(fmt)));
        }
        if (a.rnokppRefused && a.document.type != IdentityDocumentType::Passport)
            put(QStringLiteral("document.type"),
                tr("при відмові від РНОКПП особу посвідчує паспорт-книжечка з відміткою (ст. 70 ПКУ)"));
        const QString unzr = a.unzr.trimmed();
        if (!unzr.isEmpty()) {
            auto u = Unzr::parse(unzr);
            if (!u)
                put(QStringLiteral("unzr"), u.error().message);
            else if (a.birthDate.isValid() && u->birthDate() != a.birthDate)
                put(QStringLiteral("unzr"), tr("дата народження в УНЗР (%1) не збігається з указаною (%2)")
                                                .arg(u->birthDate().toString(fmt), a.birthDate.toString(fmt)));
        }
        const QString number = a.document.number.trimmed();
        if (!number.isEmpty()) {
            if (a.document.type == IdentityDocumentType::Passport) {
                if (auto p = PassportNumber::parse(number); !p)
                    put(QStringLiteral("document.number"), p.error().message);
            } else if (a.document.type == IdentityDocumentType::IdCard) {
                if (auto c = IdCardNumber::parse(number); !c)
                    put(QStringLiteral("document.number"), c.error().message);
            }
        }
        if (a.document.issueDate.isValid() && a.document.issueDate > today)
            put(QStringLiteral("document.issueDate"), tr("дата видачі документа не може бути в майбутньому"));
    } else {
        const QString code = a.edrpou.trimmed();
        if (!code.isEmpty()) {
            if (auto e = Edrpou::parse(code); !e)
                put(QStringLiteral("edrpou"), e.error().message);
        }
    }
    if (!a.address.katottg.trimmed().isEmpty()) {
        if (auto k = Katottg::parse(a.address.katottg.trimmed()); !k)
            put(QStringLiteral("address.katottg"), k.error().message);
    }
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!a.email.trimmed().isEmpty() && !email.match(a.email.trimmed()).hasMatch())
        put(QStringLiteral("email"), tr("адреса електронної пошти неправильна"));
    return out;
}

void ApplicantFormController::save(const Applicant &applicant, bool notADuplicate)
{
    if (m_busy)
        return;
    const QDate today = m_context.clock->today();
    const auto problems = fieldProblems(applicant, today);
    if (!problems.isEmpty()) {
        for (auto it = problems.cbegin(); it != problems.cend(); ++it)
            Q_EMIT fieldError(it.key(), it.value());
        return;
    }
    if (auto v = applicant.validate(today); !v) {
        Q_EMIT fieldError(v.error().field, describe(v.error().field, v.error().message));
        return;
    }
    m_busy = true;
    auto service = m_services->applicants;
    const Actor actor = m_context.actor;
    const bool checkDuplicates = applicant.id == 0 && !notADuplicate;
    struct Outcome {
        Result<Applicant> saved = Error::make(ErrorCode::Internal, QString());
        std::vector<Applicant> duplicates;
    };
    m_context.runner->run(
        this,
        [service, actor, applicant, checkDuplicates]() {
            Outcome o;
            if (checkDuplicates) {
                auto d = service->findDuplicates(actor, applicant);
                if (!d) {
                    o.saved = d.error();
                    return o;
                }
                if (!d->empty()) {
                    o.duplicates = std::move(d.value());
                    return o;
                }
            }
            o.saved = applicant.id == 0 ? service->create(actor, applicant) : service->update(actor, applicant);
            return o;
        },
        [this](Outcome o) {
            m_busy = false;
            if (!o.duplicates.empty()) {
                Q_EMIT duplicatesFound(o.duplicates);
                return;
            }
            if (!o.saved) {
                const Error &e = o.saved.error();
                if (e.code == ErrorCode::InvalidArgument || e.code == ErrorCode::AlreadyExists)
                    Q_EMIT fieldError(e.field, describe(e.field, e.message));
                Q_EMIT failed(e);
                return;
            }
            Q_EMIT saved(o.saved.value());
        });
}

} // namespace cnap::gui::desk
