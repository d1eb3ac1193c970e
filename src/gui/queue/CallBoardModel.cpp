#include "gui/queue/CallBoardModel.h"


namespace cnap::gui {

CallBoardModel::CallBoardModel(QObject *parent) : QAbstractTableModel(parent) {}

void CallBoardModel::setCalls(const QList<queue::CallNotice> &calls)
{
    beginResetModel();
    m_calls = calls.mid(0, m_maxRows);
    endResetModel();
}

void CallBoardModel::setMaxRows(int rows)
{
    m_maxRows = std::max(rows, 1);
    if (m_calls.size() > m_maxRows) {
        beginRemoveRows({}, m_maxRows, static_cast<int>(m_calls.size()) - 1);
        m_calls = m_calls.mid(0, m_maxRows);
        endRemoveRows();
    }
}

std::optional<queue::CallNotice> CallBoardModel::newest() const
{
    if (m_calls.isEmpty())
        return std::nullopt;
    return m_calls.first();
}

int CallBoardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_calls.size());
}

int CallBoardModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CallBoardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const queue::CallNotice &c = m_calls.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == TicketColumn)
            return c.ticketNumber;
        return tr("вікно %1").arg(c.deskName);
    case Qt::AccessibleTextRole:
        return tr("Талон %1, вікно %2").arg(c.ticketNumber, c.deskName);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
    case NewestRole:
        return index.row() == 0;
    case RecallRole:
        return c.recall;
    default:
        return {};
    }
}

QVariant CallBoardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TicketColumn: return tr("Талон");
    case DeskColumn: return tr("Вікно");
    default: return {};
    }
}

} // namespace cnap::gui
