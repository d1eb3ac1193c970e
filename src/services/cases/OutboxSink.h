#pragma once

// The outbox behind case registration: for a case whose service goes through a
// registry, writes its outbound message into exchange_outbox inside the
// registration's own transaction — stored with the case or not at all.
//
// The message id (a UUID) is generated here, once; the sync engine sends it on
// every retry.  The payload is built from the case and its applicant as
// registered.  When the data the registry needs is missing (no КАТОТТГ, no
// identity document, ...) registration still succeeds: the item is stored
// `dead` with the reason naming the field, so the clerk and supervisor see it,
// fix the applicant's data and re-queue it (ExchangeService::requeue rebuilds
// the payload of a message never sent).

#include "core/Clock.h"
#include "services/cases/OutboundMessageSink.h"
#include "storage/Database.h"

namespace cnap::services {

class OutboxSink final : public OutboundMessageSink {
public:
    explicit OutboxSink(storage::DatabasePtr db, const Clock &clock = Clock::system());
    [[nodiscard]] Status enqueue(storage::Transaction &tx, const OutboundCaseMessage &message) override;

private:
    storage::DatabasePtr m_db;
    const Clock &m_clock;
};

} // namespace cnap::services
