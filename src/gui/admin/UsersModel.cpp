#include "gui/admin/UsersModel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace cnap::gui::admin {

void UsersModel::resetWith(const std::vector<security::AccountSummary> &accounts, const QDateTime &now)
{
    beginResetModel();
    m_rows = QList<security::AccountSummary>(accounts.begin(), accounts.end());
    m_now = now;
    endResetModel();
}

const security::AccountSummary *UsersModel::accountAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int UsersModel::rowOf(const QString &login) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].login == login)
            return i;
    }
    return -1;
}

QString UsersModel::stateDisplayName(const QString &stateKey)
{
    if (stateKey == QStringLiteral("disabled"))
        return tr("вимкнено");
    if (stateKey == QStringLiteral("locked"))
        return tr("заблоковано після невдалих спроб");
    return tr("активний");
}

int UsersModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int UsersModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant UsersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const security::AccountSummary &a = m_rows[index.row()];
    const QString state = a.stateKey(m_now);
    switch (role) {
    case LoginRole: return a.login;
    case StateKeyRole: return state;
    case DisabledRole: return a.disabled;
    case Qt::ForegroundRole:
        if (state != QStringLiteral("active"))
            return QBrush(QColor(0x80, 0x80, 0x80));
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case LoginColumn: return a.login;
        case NameColumn: return a.displayName;
        case RoleColumn: return roleDisplayName(a.role);
        case StateColumn: {
            QString text = stateDisplayName(state);
            if (a.mustChangePassword && state == QStringLiteral("active"))
                text += tr(", має змінити пароль");
            return text;
        }
        case LastLoginColumn:
            return a.lastLoginAt.isValid() ? QLocale().toString(a.lastLoginAt.toLocalTime(), QStringLiteral("dd.MM.yyyy HH:mm")) : QString();
        case ColumnCount: break;
        }
        return {};
    default:
        return {};
    }
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case LoginColumn: return tr("Логін");
    case NameColumn: return tr("Ім’я");
    case RoleColumn: return tr("Роль");
    case StateColumn: return tr("Стан");
    case LastLoginColumn: return tr("Останній вхід");
    case ColumnCount: break;
    }
    return {};
}

} // namespace cnap::gui::admin
