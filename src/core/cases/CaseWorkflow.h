#pragma once

// Which state changes a case may make, and what each one must carry.

#include "core/Result.h"
#include "core/cases/CaseState.h"

#include <QList>
#include <QString>

namespace cnap {

/// What a clerk asks for: the target state and what the rule for it needs.
struct TransitionRequest final {
    CaseState to = CaseState::SentToProvider;
    QString comment;         ///< free text; required (as grounds/reason) for some targets
    QString issuedTo;        ///< Issued: who received the result (applicant or representative)
    QString issuedDocument;  ///< Issued: the identity document checked at issuance
};

/// The states reachable from `from` in one step, in workflow order.
[[nodiscard]] QList<CaseState> allowedTransitions(CaseState from);

/// Whether `from` → `request.to` is legal and the request carries what that
/// step needs.  IllegalTransition with a reason naming both states (and the
/// legal alternatives) or InvalidArgument naming the missing field.
[[nodiscard]] Status checkTransition(CaseState from, const TransitionRequest &request);

} // namespace cnap
