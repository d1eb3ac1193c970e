// The administration pages (issue 7): the read-only audit viewer and user
// management.  Each installer checks the actor's role itself and adds nothing
// when the role lacks the permission; the services check again on every call.

#include "gui/admin/AuditPage.h"
#include "gui/admin/UsersPage.h"
#include "gui/main/Features.h"
#include "gui/main/MainWindow.h"

#include <QCoreApplication>

namespace cnap::gui::admin {
namespace {

QString tr(const char *s) { return QCoreApplication::translate("cnap::gui::admin::AdminFeature", s); }

void installAudit(MainWindow &window)
{
    if (!allowed(window.context().actor.role, Permission::AuditView))
        return;
    window.addPage(new AuditPage(window.context(), &window), tr("Журнал аудиту"), {});
}

void installUsers(MainWindow &window)
{
    if (!allowed(window.context().actor.role, Permission::UsersManage))
        return;
    window.addPage(new UsersPage(window.context(), crypto::ScryptParams::production(), &window), tr("Користувачі"), {});
}

const FeatureRegistrar auditSupervisor(Mode::Supervisor, 80, QStringLiteral("admin-audit"), installAudit);
const FeatureRegistrar auditWorkstation(Mode::Workstation, 80, QStringLiteral("admin-audit"), installAudit);
const FeatureRegistrar usersSupervisor(Mode::Supervisor, 85, QStringLiteral("admin-users"), installUsers);
const FeatureRegistrar usersWorkstation(Mode::Workstation, 85, QStringLiteral("admin-users"), installUsers);

} // namespace
} // namespace cnap::gui::admin
