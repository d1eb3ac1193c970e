#include "services/AuditService.h"

#include <QCoreApplication>

namespace cnap::services {

namespace {
constexpr int kMaxListLimit = 10000;
}

AuditService::AuditService(storage::DatabasePtr db, const Clock &clock) : m_log(std::move(db), clock) {}

Result<std::vector<security::AuditEntry>> AuditService::list(const Actor &actor, const security::AuditFilter &filter) const
{
    CNAP_TRY(require(actor, Permission::AuditView));
    if (filter.limit < 1 || filter.limit > kMaxListLimit)
        return Error::invalid(QStringLiteral("limit"),
                              QCoreApplication::translate("cnap::services::AuditService", "кількість записів має бути від 1 до %1")
                                  .arg(kMaxListLimit));
    return m_log.list(filter);
}

Result<security::AuditVerification> AuditService::verify(const Actor &actor, const std::optional<security::AuditAnchor> &anchor) const
{
    CNAP_TRY(require(actor, Permission::AuditVerify));
    return m_log.verify(anchor);
}

Result<security::AuditAnchor> AuditService::anchor(const Actor &actor) const
{
    CNAP_TRY(require(actor, Permission::AuditVerify));
    return m_log.anchor();
}

} // namespace cnap::services
