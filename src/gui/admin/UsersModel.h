#pragma once

#include "security/Accounts.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace cnap::gui::admin {

/// Staff and device accounts for the administrator's user list.  Holds what
/// Accounts::list() returns (never a password hash); fed by UsersController.
class UsersModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { LoginColumn, NameColumn, RoleColumn, StateColumn, LastLoginColumn, ColumnCount };
    enum Role { LoginRole = Qt::UserRole + 1, StateKeyRole, DisabledRole };

    using QAbstractTableModel::QAbstractTableModel;

    /// Replaces the rows; `now` decides "locked" (lock-out still running).
    void resetWith(const std::vector<security::AccountSummary> &accounts, const QDateTime &now);
    [[nodiscard]] const security::AccountSummary *accountAt(int row) const;
    [[nodiscard]] int rowOf(const QString &login) const;

    [[nodiscard]] static QString stateDisplayName(const QString &stateKey);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<security::AccountSummary> m_rows;
    QDateTime m_now;
};

} // namespace cnap::gui::admin
