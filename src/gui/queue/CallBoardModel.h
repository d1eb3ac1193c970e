#pragma once

#include "core/queue/QueueModel.h"

#include <QAbstractTableModel>

namespace cnap::gui {

/// The last calls (ticket → desk), newest first, for the hall display.  The
/// newest call is marked (NewestRole) so the view can highlight it.
class CallBoardModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TicketColumn, DeskColumn, ColumnCount };
    enum Roles { NewestRole = Qt::UserRole + 1, RecallRole };

    explicit CallBoardModel(QObject *parent = nullptr);

    /// Replaces the calls; keeps at most maxRows() of them.
    void setCalls(const QList<queue::CallNotice> &calls);
    void setMaxRows(int rows);
    [[nodiscard]] int maxRows() const { return m_maxRows; }
    /// The newest call, if any.
    [[nodiscard]] std::optional<queue::CallNotice> newest() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<queue::CallNotice> m_calls;
    int m_maxRows = 8;
};

} // namespace cnap::gui
