#pragma once

#include "core/queue/QueueModel.h"

#include <QAbstractTableModel>

namespace cnap::gui {

/// Waiting counts per hall queue: the desk panel (queues of its desk) and the
/// hall display (all queues).  Fed by a controller with BoardSnapshot::queues.
class QueueStatusModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { QueueColumn, WaitingColumn, LongestWaitColumn, EstimateColumn, ColumnCount };

    explicit QueueStatusModel(QObject *parent = nullptr);

    /// Replaces the rows; a frozen board (centre paused) shows waits as they stood.
    void setQueues(const QList<queue::QueueSnapshot> &queues);
    [[nodiscard]] const QList<queue::QueueSnapshot> &queues() const { return m_queues; }
    /// Visitors waiting in all rows.
    [[nodiscard]] int totalWaiting() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<queue::QueueSnapshot> m_queues;
};

} // namespace cnap::gui
