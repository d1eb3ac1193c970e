#pragma once

// Reading and verifying the audit trail (supervisors, administrators).  Read-only:
// appending is done by the services that act, through security::AuditLog.

#include "core/Clock.h"
#include "core/Result.h"
#include "core/security/Access.h"
#include "security/AuditLog.h"
#include "storage/Database.h"

#include <optional>
#include <vector>

namespace cnap::services {

class AuditService final {
public:
    explicit AuditService(storage::DatabasePtr db, const Clock &clock = Clock::system());

    /// Permission::AuditView.  Newest first, at most filter.limit (≤ 10 000).
    [[nodiscard]] Result<std::vector<security::AuditEntry>> list(const Actor &actor, const security::AuditFilter &filter) const;
    /// Permission::AuditVerify.
    [[nodiscard]] Result<security::AuditVerification> verify(const Actor &actor,
                                                             const std::optional<security::AuditAnchor> &anchor = std::nullopt) const;
    /// Permission::AuditVerify: the latest seq and hash, to keep outside the database.
    [[nodiscard]] Result<security::AuditAnchor> anchor(const Actor &actor) const;

private:
    security::AuditLog m_log;
};

} // namespace cnap::services
