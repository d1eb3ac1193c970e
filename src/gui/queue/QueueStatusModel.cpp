#include "gui/queue/QueueStatusModel.h"

#include "gui/queue/QueueFormat.h"

namespace cnap::gui {

QueueStatusModel::QueueStatusModel(QObject *parent) : QAbstractTableModel(parent) {}

void QueueStatusModel::setQueues(const QList<queue::QueueSnapshot> &queues)
{
    // Same queues in the same order (the usual refresh): update values in place so
    // views keep their selection and scroll position.
    bool sameRows = queues.size() == m_queues.size();
    for (qsizetype i = 0; sameRows && i < queues.size(); ++i)
        sameRows = queues[i].queueId == m_queues[i].queueId;
    if (sameRows) {
        m_queues = queues;
        if (!m_queues.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_queues = queues;
    endResetModel();
}

int QueueStatusModel::totalWaiting() const
{
    int n = 0;
    for (const auto &q : m_queues)
        n += q.waiting;
    return n;
}

int QueueStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_queues.size());
}

int QueueStatusModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant QueueStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const queue::QueueSnapshot &q = m_queues.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case QueueColumn: return tr("%1 — %2").arg(q.prefix, q.name);
        case WaitingColumn: return q.waiting;
        case LongestWaitColumn: return q.waiting > 0 ? formatWait(q.longestWaitSecs) : tr("—");
        case EstimateColumn: return formatEstimate(q.estimatedWaitSecs);
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(index.column() == QueueColumn ? Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter)
                                                                 : Qt::Alignment(Qt::AlignCenter));
    if (role == Qt::ToolTipRole && index.column() == EstimateColumn && !q.estimatedWaitSecs)
        return tr("Жодне вікно, що обслуговує цю чергу, зараз не працює");
    if (role == Qt::UserRole)
        return q.queueId;
    return {};
}

QVariant QueueStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == EstimateColumn)
        return tr("Орієнтовне очікування для талона, виданого зараз");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case QueueColumn: return tr("Черга");
    case WaitingColumn: return tr("Очікують");
    case LongestWaitColumn: return tr("Найдовше чекає");
    case EstimateColumn: return tr("Очікування");
    default: return {};
    }
}

} // namespace cnap::gui
