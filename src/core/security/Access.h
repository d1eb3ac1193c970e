#pragma once

// Who may do what.  Pure domain rules: the service layer asks `allowed()` before
// every protected operation (hiding a button is not a check).

#include "core/Result.h"

#include <QString>

namespace cnap {

enum class Role {
    Clerk,       ///< адміністратор ЦНАП: front desk
    Supervisor,  ///< керівник ЦНАП
    Admin,       ///< системний адміністратор
    Kiosk,       ///< device account: issues tickets, checks in bookings, takes feedback
    Display,     ///< device account: reads the hall board
    System,      ///< local maintenance tool (cnapctl) with database credentials; never a user account
};

enum class Permission {
    // queue
    QueueIssueTicket,
    QueueServeDesk,        ///< call, recall, finish, redirect at one's desk
    QueueViewBoard,        ///< hall display, waiting counts
    QueuePauseCentre,      ///< air-raid alert
    QueueConfigure,        ///< groups, categories, desks, bookings rules
    // applicants and cases (personal data)
    ApplicantRead,
    ApplicantWrite,
    CaseRegister,
    CaseRead,
    CaseTransition,
    CaseIssueResult,
    // catalogue
    CatalogueRead,
    CatalogueWrite,
    // exchange
    ExchangeRun,           ///< sync now
    ExchangeRequeue,       ///< re-queue dead letters
    ExchangeViewLog,
    // supervision and reports
    ReportsView,
    ReportsExport,
    FeedbackSubmit,
    // administration
    UsersManage,
    AuditView,
    AuditVerify,
    SystemAdminister,      ///< init, backup, restore, settings
};

[[nodiscard]] QString roleKey(Role role);                   ///< "clerk", "supervisor", "admin", "kiosk", "display"
[[nodiscard]] Result<Role> roleFromKey(const QString &key);
[[nodiscard]] QString roleDisplayName(Role role);           ///< translated

/// The role matrix.
[[nodiscard]] bool allowed(Role role, Permission permission);

/// Who is acting: every service call carries one.
struct Actor final {
    qint64 userId = 0;
    QString login;
    Role role = Role::Clerk;
    QString desk;  ///< desk (вікно) the session runs at, may be empty

    /// The built-in actor for maintenance tools run with the database's own
    /// credentials (cnapctl): whoever holds those can change anything anyway, so
    /// the actor has every permission; the audit records it as "cnapctl".
    [[nodiscard]] static Actor system(const QString &login = QStringLiteral("cnapctl"));
};

/// PermissionDenied naming the permission, when the actor's role lacks it.
[[nodiscard]] Status require(const Actor &actor, Permission permission);

} // namespace cnap
