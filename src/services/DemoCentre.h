#pragma once

// A demo centre for trying the product and for screenshots: the shipped service
// catalogue (or a built-in list), service groups with prefixes, ten desks,
// clerk accounts, and a day of queue history up to now with visitors waiting.
// Idempotent: running it again adds nothing that is already there.

#include "core/Clock.h"
#include "core/Result.h"
#include "core/security/Access.h"
#include "storage/Database.h"

#include <QStringList>

namespace cnap::services {

struct DemoReport final {
    int services = 0;
    int queues = 0;
    int desks = 0;
    QStringList clerksCreated;          ///< "login пароль" for new accounts (must change at first login)
    int clerksExisting = 0;
    bool catalogueImported = false;     ///< the shipped catalogue was imported now
    bool builtInServices = false;       ///< no catalogue available: a built-in list was used
    int ticketsIssued = 0;              ///< history made now (0 when today already has tickets)
    int waitingNow = 0;
    QStringList notes;                  ///< what was skipped and why (Ukrainian)
};

class DemoCentre final {
public:
    explicit DemoCentre(storage::DatabasePtr db, const Clock &clock = Clock::system());
    /// Needs Permission::SystemAdminister (the demo also creates accounts).
    [[nodiscard]] Result<DemoReport> setUp(const Actor &actor);

private:
    storage::DatabasePtr m_db;
    const Clock &m_clock;
};

} // namespace cnap::services
