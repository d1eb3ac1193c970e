#include "core/security/Access.h"

#include <QCoreApplication>

namespace cnap {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::Access", s); }
} // namespace

QString roleKey(Role role)
{
    switch (role) {
    case Role::Clerk: return QStringLiteral("clerk");
    case Role::Supervisor: return QStringLiteral("supervisor");
    case Role::Admin: return QStringLiteral("admin");
    case Role::Kiosk: return QStringLiteral("kiosk");
    case Role::Display: return QStringLiteral("display");
    case Role::System: return QStringLiteral("system");
    }
    return {};
}

Result<Role> roleFromKey(const QString &key)
{
    for (Role r : {Role::Clerk, Role::Supervisor, Role::Admin, Role::Kiosk, Role::Display}) {
        if (roleKey(r) == key)
            return r;
    }
    return Error::invalid(QStringLiteral("role"), tr("невідома роль «%1»; можливі: clerk, supervisor, admin, kiosk, display").arg(key));
}

QString roleDisplayName(Role role)
{
    switch (role) {
    case Role::Clerk: return tr("адміністратор ЦНАП");
    case Role::Supervisor: return tr("керівник ЦНАП");
    case Role::Admin: return tr("системний адміністратор");
    case Role::Kiosk: return tr("кіоск");
    case Role::Display: return tr("табло");
    case Role::System: return tr("системний інструмент");
    }
    return {};
}

bool allowed(Role role, Permission p)
{
    using P = Permission;
    switch (role) {
    case Role::System:
        return true;
    case Role::Display:
        return p == P::QueueViewBoard;
    case Role::Kiosk:
        return p == P::QueueIssueTicket || p == P::QueueViewBoard || p == P::FeedbackSubmit
               || p == P::CatalogueRead;
    case Role::Clerk:
        switch (p) {
        case P::QueueIssueTicket: case P::QueueServeDesk: case P::QueueViewBoard:
        case P::ApplicantRead: case P::ApplicantWrite:
        case P::CaseRegister: case P::CaseRead: case P::CaseTransition: case P::CaseIssueResult:
        case P::CatalogueRead: case P::ExchangeRun:
            return true;
        default:
            return false;
        }
    case Role::Supervisor:
        switch (p) {
        case P::UsersManage: case P::SystemAdminister: case P::CatalogueWrite: case P::FeedbackSubmit:
            return false;
        default:
            return true;
        }
    case Role::Admin:
        // The administrator runs the system but does not handle applicants' files.
        switch (p) {
        case P::ApplicantRead: case P::ApplicantWrite: case P::CaseRegister: case P::CaseRead:
        case P::CaseTransition: case P::CaseIssueResult: case P::QueueServeDesk: case P::FeedbackSubmit:
            return false;
        default:
            return true;
        }
    }
    return false;
}

Actor Actor::system(const QString &login)
{
    Actor a;
    a.login = login;
    a.role = Role::System;
    return a;
}

Status require(const Actor &actor, Permission permission)
{
    if (allowed(actor.role, permission))
        return {};
    return Error::make(ErrorCode::PermissionDenied,
                       tr("недостатньо прав: роль «%1» не може виконати цю дію").arg(roleDisplayName(actor.role)));
}

} // namespace cnap
