#include "core/cases/CaseState.h"

#include <QCoreApplication>

namespace cnap {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::CaseState", s); }
} // namespace

const QList<CaseState> &allCaseStates()
{
    static const QList<CaseState> all = {
        CaseState::Registered, CaseState::SentToProvider, CaseState::UnderReview, CaseState::AwaitingRegistry,
        CaseState::Suspended, CaseState::Granted, CaseState::Refused, CaseState::LeftWithoutConsideration,
        CaseState::ResultReceived, CaseState::ApplicantNotified, CaseState::Issued, CaseState::Posted,
        CaseState::Closed, CaseState::Withdrawn, CaseState::ReturnedIncomplete,
    };
    return all;
}

QString caseStateKey(CaseState state)
{
    switch (state) {
    case CaseState::Registered: return QStringLiteral("registered");
    case CaseState::SentToProvider: return QStringLiteral("sent-to-provider");
    case CaseState::UnderReview: return QStringLiteral("under-review");
    case CaseState::AwaitingRegistry: return QStringLiteral("awaiting-registry");
    case CaseState::Suspended: return QStringLiteral("suspended");
    case CaseState::Granted: return QStringLiteral("granted");
    case CaseState::Refused: return QStringLiteral("refused");
    case CaseState::LeftWithoutConsideration: return QStringLiteral("left-without-consideration");
    case CaseState::ResultReceived: return QStringLiteral("result-received");
    case CaseState::ApplicantNotified: return QStringLiteral("applicant-notified");
    case CaseState::Issued: return QStringLiteral("issued");
    case CaseState::Posted: return QStringLiteral("posted");
    case CaseState::Closed: return QStringLiteral("closed");
    case CaseState::Withdrawn: return QStringLiteral("withdrawn");
    case CaseState::ReturnedIncomplete: return QStringLiteral("returned-incomplete");
    }
    return {};
}

Result<CaseState> caseStateFromKey(const QString &key)
{
    const QString k = key.trimmed().toLower();
    QStringList keys;
    for (CaseState s : allCaseStates()) {
        if (caseStateKey(s) == k)
            return s;
        keys << caseStateKey(s);
    }
    return Error::invalid(QStringLiteral("state"),
                          tr("невідомий стан справи «%1»; допустимі: %2").arg(key, keys.join(QStringLiteral(", "))));
}

QString caseStateDisplayName(CaseState state)
{
    switch (state) {
    case CaseState::Registered: return tr("Зареєстровано");
    case CaseState::SentToProvider: return tr("Передано суб'єкту надання");
    case CaseState::UnderReview: return tr("На розгляді");
    case CaseState::AwaitingRegistry: return tr("Очікує відповіді реєстру");
    case CaseState::Suspended: return tr("Розгляд зупинено");
    case CaseState::Granted: return tr("Прийнято рішення про надання");
    case CaseState::Refused: return tr("Відмовлено");
    case CaseState::LeftWithoutConsideration: return tr("Залишено без розгляду");
    case CaseState::ResultReceived: return tr("Результат надійшов до ЦНАП");
    case CaseState::ApplicantNotified: return tr("Заявника повідомлено");
    case CaseState::Issued: return tr("Видано особисто");
    case CaseState::Posted: return tr("Надіслано поштою");
    case CaseState::Closed: return tr("Закрито");
    case CaseState::Withdrawn: return tr("Відкликано заявником");
    case CaseState::ReturnedIncomplete: return tr("Повернуто як неповний пакет");
    }
    return {};
}

bool isFinal(CaseState state) { return state == CaseState::Closed; }

bool isDecision(CaseState state)
{
    return state == CaseState::Granted || state == CaseState::Refused || state == CaseState::LeftWithoutConsideration;
}

bool termRuns(CaseState state)
{
    return state == CaseState::Registered || state == CaseState::SentToProvider || state == CaseState::UnderReview
        || state == CaseState::AwaitingRegistry;
}

QStringList termRunningStateKeys()
{
    QStringList out;
    for (CaseState s : allCaseStates())
        if (termRuns(s))
            out << caseStateKey(s);
    return out;
}

} // namespace cnap
