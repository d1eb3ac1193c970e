#pragma once

// Table models of the supervisor console, one per view, each with its column
// enum.  They hold rows handed to them by a controller and never query.

#include "core/reports/Report.h"
#include "core/reports/Supervision.h"
#include "storage/ReportRepository.h"

#include <QAbstractTableModel>

namespace cnap::gui {

/// "12 хв 05 с" style durations for the live tables.
[[nodiscard]] QString formatDuration(qint64 secs);

/// Live queues: waiting now, longest wait, estimate, tickets issued today.
class QueueLiveModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { QueueColumn, WaitingColumn, LongestWaitColumn, EstimateColumn, IssuedTodayColumn, ColumnCount };
    explicit QueueLiveModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}
    void setRows(const QList<reports::QueueLive> &rows, qint64 alertSecs);
    [[nodiscard]] const QList<reports::QueueLive> &rows() const { return m_rows; }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<reports::QueueLive> m_rows;
    qint64 m_alertSecs = 0;
};

/// Live desks: state, clerk, current ticket, time in service.
class DeskLiveModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { DeskColumn, StateColumn, ClerkColumn, TicketColumn, InServiceColumn, ServicesColumn, ColumnCount };
    explicit DeskLiveModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}
    void setRows(const QList<reports::DeskLive> &rows);
    [[nodiscard]] const QList<reports::DeskLive> &rows() const { return m_rows; }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<reports::DeskLive> m_rows;
};

/// Deadline control by provider and service.
class DeadlineModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ProviderColumn, ServiceColumn, OpenColumn, AtRiskColumn, OverdueColumn, ColumnCount };
    explicit DeadlineModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}
    void setRows(const QList<reports::DeadlineRow> &rows);
    [[nodiscard]] const QList<reports::DeadlineRow> &rows() const { return m_rows; }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<reports::DeadlineRow> m_rows;
};

/// The cases behind one deadline line (no applicant data).
class DeadlineCaseModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NumberColumn, ServiceColumn, StateColumn, RegisteredColumn, DueColumn, ColumnCount };
    explicit DeadlineCaseModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}
    void setRows(const QList<storage::DeadlineCase> &rows, const QDate &today);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<storage::DeadlineCase> m_rows;
    QDate m_today;
};

/// A report's table.  Reports differ in their columns, so the columns come
/// with the data (ReportTable::columns) instead of an enum; cells are shown
/// as the exports write them (ReportFormat's displayCell), the raw value is
/// under Qt::UserRole for tests and the chart.
class ReportTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ReportTableModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}
    void setTable(const reports::ReportTable &table);
    void clear();
    [[nodiscard]] const reports::ReportTable &table() const { return m_table; }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    reports::ReportTable m_table;
};

} // namespace cnap::gui
