#pragma once

// The life of a case (справа) from registration at the desk to closing.  The
// order follows the Law of Ukraine "Про адміністративні послуги" (5203-VI):
// the centre registers the application, passes it to the provider (суб'єкт
// надання), receives the decision and issues the result.

#include "core/Result.h"

#include <QList>
#include <QString>

namespace cnap {

enum class CaseState {
    Registered,               ///< "registered": зареєстровано в ЦНАП
    SentToProvider,           ///< "sent-to-provider": передано суб'єкту надання
    UnderReview,              ///< "under-review": на розгляді
    AwaitingRegistry,         ///< "awaiting-registry": очікує відповіді реєстру
    Suspended,                ///< "suspended": розгляд зупинено (з підставою)
    Granted,                  ///< "granted": рішення про надання
    Refused,                  ///< "refused": відмова (з підставами)
    LeftWithoutConsideration, ///< "left-without-consideration": залишено без розгляду
    ResultReceived,           ///< "result-received": результат надійшов до ЦНАП
    ApplicantNotified,        ///< "applicant-notified": заявника повідомлено
    Issued,                   ///< "issued": видано особисто
    Posted,                   ///< "posted": надіслано поштою
    Closed,                   ///< "closed": справу закрито
    Withdrawn,                ///< "withdrawn": відкликано заявником
    ReturnedIncomplete,       ///< "returned-incomplete": повернуто як неповний пакет
};

/// Every state, in workflow order.
[[nodiscard]] const QList<CaseState> &allCaseStates();
/// The stable English kebab-case key (database, CLI, JSON).
[[nodiscard]] QString caseStateKey(CaseState state);
/// Parses a key; error field "state" listing the valid keys.
[[nodiscard]] Result<CaseState> caseStateFromKey(const QString &key);
/// The Ukrainian name shown to people (translated).
[[nodiscard]] QString caseStateDisplayName(CaseState state);

/// No transition leaves this state.
[[nodiscard]] bool isFinal(CaseState state);
/// The provider has decided (granted, refused, left without consideration).
[[nodiscard]] bool isDecision(CaseState state);
/// The term of the procedure runs in this state: the case is with the centre or
/// the provider and no decision exists yet (a suspended case's term stands still).
[[nodiscard]] bool termRuns(CaseState state);
/// States whose term runs, as keys (for storage filters on "overdue").
[[nodiscard]] QStringList termRunningStateKeys();

} // namespace cnap
