#pragma once

// Table models of the registry exchange screens.  Each is fed by its
// controller and never queries by itself; the outbox and the message log are
// long, so they load page by page (keyset paging: the view's scrolling calls
// fetchMore(), the model asks its controller for the rows after / before its
// last one, stale pages of an older filter are dropped by generation).

#include "gui/common/PagedTableModel.h"
#include "storage/MessageLogRepository.h"
#include "storage/OutboxRepository.h"

#include <QAbstractTableModel>
#include <QList>

namespace cnap::gui::exchange {

/// Outbox items, oldest first (the order the engine sends them).  Rows carry
/// no payload or request bytes: the list never needs them.
class OutboxModel final : public PagedTableModel<storage::OutboxItem> {
    Q_OBJECT
public:
    enum Column {
        CaseNumberColumn,
        MessageIdColumn,
        ServiceColumn,
        StateColumn,
        AttemptsColumn,
        NextAttemptColumn,
        UpdatedColumn,
        LastErrorColumn,  ///< last: it takes the remaining width
        ColumnCount
    };
    enum Role { ItemIdRole = Qt::UserRole + 1, StateKeyRole };

    using PagedTableModel::PagedTableModel;

    [[nodiscard]] const storage::OutboxItem *itemAt(int row) const { return rowPtr(row); }
    /// The row of item `id`, -1 when not shown.
    [[nodiscard]] int rowOf(qint64 id) const;
    /// The newest id shown (the next page starts after it); 0 when empty.
    [[nodiscard]] qint64 lastId() const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void moreRequested(qint64 afterId, quint64 generation);

protected:
    void requestPage(const storage::OutboxItem *last, quint64 generation) override;
};

/// The message log, newest first; bodies are not loaded for the list.
class MessageLogModel final : public PagedTableModel<storage::MessageLogEntry> {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        DirectionColumn,
        MessageIdColumn,
        CaseNumberColumn,
        ServiceColumn,
        HttpStatusColumn,
        OutcomeColumn,
        Sha256Column,
        ColumnCount
    };
    enum Role { EntryIdRole = Qt::UserRole + 1 };

    using PagedTableModel::PagedTableModel;

    [[nodiscard]] const storage::MessageLogEntry *entryAt(int row) const { return rowPtr(row); }
    /// The oldest id shown (the next page is before it); 0 when empty.
    [[nodiscard]] qint64 oldestId() const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void moreRequested(qint64 beforeId, quint64 generation);

protected:
    void requestPage(const storage::MessageLogEntry *last, quint64 generation) override;
};

/// One case's exchange items as the clerk reads them on the case view.
class CaseExchangeModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ServiceColumn, StateColumn, AttemptsColumn, ProblemColumn, ReplyColumn, UpdatedColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setItems(const QList<storage::OutboxItem> &items);
    [[nodiscard]] const storage::OutboxItem *itemAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<storage::OutboxItem> m_rows;
};

/// Applications submitted on the portal, oldest first (served in that order).
class OnlineApplicationsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SubmittedColumn, PortalIdColumn, ServiceColumn, ApplicantColumn, RnokppColumn, PhoneColumn, SummaryColumn, StateColumn, ColumnCount };
    enum Role { ApplicationIdRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<storage::OnlineApplicationRow> &rows);
    [[nodiscard]] const storage::OnlineApplicationRow *rowAt(int row) const;
    /// Marks an application taken without a reload (it was taken here).
    void markTaken(qint64 id);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<storage::OnlineApplicationRow> m_rows;
};

} // namespace cnap::gui::exchange
