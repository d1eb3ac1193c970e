#include "core/cases/CaseWorkflow.h"

#include <QCoreApplication>

namespace cnap {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::CaseWorkflow", s); }

QString quoted(CaseState s) { return QStringLiteral("«") + caseStateDisplayName(s) + QStringLiteral("»"); }
} // namespace

QList<CaseState> allowedTransitions(CaseState from)
{
    using S = CaseState;
    switch (from) {
    case S::Registered:
        // The centre may find the package incomplete before passing it on: the
        // administrator checks completeness against the information card.
        return {S::SentToProvider, S::Withdrawn, S::ReturnedIncomplete};
    case S::SentToProvider:
        return {S::UnderReview, S::Withdrawn, S::ReturnedIncomplete};
    case S::UnderReview:
        return {S::AwaitingRegistry, S::Suspended, S::Granted, S::Refused, S::LeftWithoutConsideration,
                S::Withdrawn, S::ReturnedIncomplete};
    case S::AwaitingRegistry:
        return {S::UnderReview, S::Granted, S::Refused, S::LeftWithoutConsideration, S::Withdrawn};
    case S::Suspended:
        return {S::UnderReview, S::LeftWithoutConsideration, S::Withdrawn};
    case S::Granted:
    case S::Refused:
    case S::LeftWithoutConsideration:
        return {S::ResultReceived};
    case S::ResultReceived:
        // The applicant may be standing at the desk, or asked for postal delivery:
        // notification is then not a separate step.
        return {S::ApplicantNotified, S::Issued, S::Posted};
    case S::ApplicantNotified:
        return {S::Issued, S::Posted};
    case S::Issued:
    case S::Posted:
    case S::Withdrawn:
    case S::ReturnedIncomplete:
        return {S::Closed};
    case S::Closed:
        return {};
    }
    return {};
}

Status checkTransition(CaseState from, const TransitionRequest &request)
{
    const CaseState to = request.to;
    if (from == to)
        return Error::make(ErrorCode::IllegalTransition, tr("справа вже у стані %1").arg(quoted(to)));
    const QList<CaseState> next = allowedTransitions(from);
    if (!next.contains(to)) {
        if (next.isEmpty())
            return Error::make(ErrorCode::IllegalTransition,
                               tr("справа у стані %1 остаточна: змінити її стан неможливо").arg(quoted(from)));
        QStringList names;
        for (CaseState s : next)
            names << quoted(s);
        return Error::make(ErrorCode::IllegalTransition,
                           tr("не можна перевести справу зі стану %1 у стан %2; зі стану %1 можливо: %3")
                               .arg(quoted(from), quoted(to), names.join(QStringLiteral(", "))));
    }

    const bool noComment = request.comment.trimmed().isEmpty();
    switch (to) {
    case CaseState::Suspended:
        if (noComment)
            return Error::invalid(QStringLiteral("comment"), tr("вкажіть підставу зупинення розгляду"));
        break;
    case CaseState::Refused:
        // Law 5203-VI, Art. 10: a refusal must state its grounds.
        if (noComment)
            return Error::invalid(QStringLiteral("comment"), tr("вкажіть підстави відмови"));
        break;
    case CaseState::LeftWithoutConsideration:
        if (noComment)
            return Error::invalid(QStringLiteral("comment"), tr("вкажіть підстави залишення без розгляду"));
        break;
    case CaseState::ReturnedIncomplete:
        if (noComment)
            return Error::invalid(QStringLiteral("comment"), tr("вкажіть, яких документів бракує"));
        break;
    case CaseState::Issued:
        if (request.issuedTo.trimmed().isEmpty())
            return Error::invalid(QStringLiteral("issuedTo"), tr("вкажіть, кому видано результат"));
        if (request.issuedDocument.trimmed().isEmpty())
            return Error::invalid(QStringLiteral("issuedDocument"),
                                  tr("вкажіть документ, що посвідчує особу отримувача"));
        break;
    default:
        break;
    }
    return {};
}

} // namespace cnap
