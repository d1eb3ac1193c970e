#pragma once

// Turns a registered case into the body of its registry request.  The payload
// is built once, when the case is registered (inside the same transaction as
// the case), from the case and its applicant as they were then; the envelope
// around it is added when the item is first sent (see Envelope.h).

#include "core/Result.h"
#include "core/applicant/Applicant.h"
#include "core/cases/Case.h"

#include <QByteArray>
#include <QString>

namespace cnap::exchange::outbox {

/// The payload element (the request's body child, named after the registry
/// service code, in its namespace) serialised as an XML document.  InvalidArgument
/// naming the field (Ukrainian) when the case or applicant lacks what the
/// registry needs: "address.katottg", "identityDocument.number", "assistanceType", ...
[[nodiscard]] Result<QByteArray> buildCasePayload(const QString &registryServiceCode, const CaseDetails &details,
                                                  const Applicant &applicant);

/// Content id under which the case's `position`-th document travels.
[[nodiscard]] QString attachmentContentId(int position);

/// Splits a free-text address "м. Харків, вул. Сумська, буд. 25, кв. 7" into
/// settlement, street, building and apartment (empty when absent); false when
/// fewer than three parts are found.
struct AddressParts final {
    QString settlement;
    QString street;
    QString building;
    QString apartment;
};
[[nodiscard]] bool splitAddress(const QString &text, AddressParts *out);

} // namespace cnap::exchange::outbox
