#pragma once

// The seam between case registration and the exchange outbox (built in the
// next round).  Registration calls enqueue() INSIDE its transaction, after the
// case rows are written and before the commit: the message is stored with the
// case or not at all.  An implementation must write only through the given
// transaction's connection and must not commit or roll back.

#include "core/Result.h"
#include "core/catalogue/ServiceCard.h"

#include <QString>

namespace cnap::storage {
class Transaction;
}

namespace cnap::services {

/// What the outbox needs to build the registry request for a new case.
struct OutboundCaseMessage final {
    qint64 caseId = 0;
    QString caseNumber;
    QString serviceCode;
    RegistryBinding registry;  ///< the card's registry service (route == Registry)
    qint64 applicantId = 0;
};

class OutboundMessageSink {
public:
    virtual ~OutboundMessageSink() = default;
    /// Stores the message in the caller's open transaction.  An error rolls the
    /// whole registration back.
    [[nodiscard]] virtual Status enqueue(storage::Transaction &tx, const OutboundCaseMessage &message) = 0;
};

} // namespace cnap::services
