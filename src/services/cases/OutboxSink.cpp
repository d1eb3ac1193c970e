#include "services/cases/OutboxSink.h"

#include "crypto/Hash.h"
#include "exchange/outbox/CasePayload.h"
#include "storage/ApplicantRepository.h"
#include "storage/CaseRepository.h"
#include "storage/OutboxRepository.h"

namespace cnap::services {

OutboxSink::OutboxSink(storage::DatabasePtr db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

Status OutboxSink::enqueue(storage::Transaction &, const OutboundCaseMessage &message)
{
    if (message.registry.serviceCode.isEmpty())
        return {};
    // Reads and the insert run on this thread's connection: the one the
    // registration's transaction is open on (the Database hands one per thread).
    auto details = storage::CaseRepository(m_db).getById(message.caseId);
    if (!details)
        return details.error();
    auto applicant = storage::ApplicantRepository(m_db, m_clock).get(message.applicantId);
    if (!applicant)
        return applicant.error();

    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    storage::OutboxItem item;
    item.messageId = crypto::uuid4();
    item.caseId = message.caseId;
    item.caseNumber = message.caseNumber;
    item.serviceCode = message.registry.serviceCode;
    item.serviceVersion = message.registry.serviceVersion;
    item.userId = details->registeredBy;
    item.nextAttemptMs = now;
    item.createdMs = now;
    auto payload = exchange::outbox::buildCasePayload(message.registry.serviceCode, details.value(), applicant.value());
    if (payload) {
        item.payload = payload.value();
        item.state = storage::OutboxState::Pending;
    } else {
        item.state = storage::OutboxState::Dead;
        item.lastError = payload.error().describe();
    }
    auto id = storage::OutboxRepository(m_db).enqueue(item);
    if (!id)
        return id.error();
    return {};
}

} // namespace cnap::services
