#pragma once

#include "core/cases/Case.h"

#include <QAbstractTableModel>
#include <QList>

namespace cnap::gui::desk {

/// The case history (oldest first): when, who, what, comment.
class CaseHistoryModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { WhenColumn, WhoColumn, WhatColumn, CommentColumn, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    void setEntries(const QList<CaseHistoryEntry> &entries);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<CaseHistoryEntry> m_entries;
};

/// The files attached to the case.
class CaseDocumentsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PositionColumn, FileNameColumn, TypeColumn, SizeColumn, ColumnCount };
    enum Role { PositionRole = Qt::UserRole + 1 };
    using QAbstractTableModel::QAbstractTableModel;
    void setDocuments(const QList<CaseDocument> &documents);
    [[nodiscard]] const CaseDocument *documentAt(int row) const;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<CaseDocument> m_documents;
};

} // namespace cnap::gui::desk
