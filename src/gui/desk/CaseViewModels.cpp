#include "gui/desk/CaseViewModels.h"

#include "gui/desk/IntakeModels.h"

namespace cnap::gui::desk {

void CaseHistoryModel::setEntries(const QList<CaseHistoryEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int CaseHistoryModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_entries.size()); }
int CaseHistoryModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CaseHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const CaseHistoryEntry &e = m_entries.at(index.row());
    switch (index.column()) {
    case WhenColumn: return e.at.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm"));
    case WhoColumn: return e.actor;
    case WhatColumn:
        if (e.event == QStringLiteral("due-extended"))
            return tr("Строк продовжено: %1 → %2")
                .arg(e.dueBefore.toString(QStringLiteral("dd.MM.yyyy")), e.dueAfter.toString(QStringLiteral("dd.MM.yyyy")));
        if (e.fromState)
            return tr("%1 → %2").arg(caseStateDisplayName(*e.fromState), caseStateDisplayName(e.toState));
        return caseStateDisplayName(e.toState);
    case CommentColumn: return e.comment;
    default: return {};
    }
}

QVariant CaseHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn: return tr("Коли");
    case WhoColumn: return tr("Хто");
    case WhatColumn: return tr("Подія");
    case CommentColumn: return tr("Коментар");
    default: return {};
    }
}

void CaseDocumentsModel::setDocuments(const QList<CaseDocument> &documents)
{
    beginResetModel();
    m_documents = documents;
    endResetModel();
}

const CaseDocument *CaseDocumentsModel::documentAt(int row) const
{
    return row >= 0 && row < m_documents.size() ? &m_documents.at(row) : nullptr;
}

int CaseDocumentsModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_documents.size()); }
int CaseDocumentsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CaseDocumentsModel::data(const QModelIndex &index, int role) const
{
    const CaseDocument *d = index.isValid() ? documentAt(index.row()) : nullptr;
    if (!d)
        return {};
    if (role == PositionRole)
        return d->position;
    if (role == Qt::ToolTipRole)
        return QString(QStringLiteral("SHA-256: ") + d->sha256);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case PositionColumn: return d->position;
    case FileNameColumn: return d->fileName;
    case TypeColumn: return d->mimeType;
    case SizeColumn: return formatSize(d->size);
    default: return {};
    }
}

QVariant CaseDocumentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PositionColumn: return tr("№");
    case FileNameColumn: return tr("Файл");
    case TypeColumn: return tr("Тип");
    case SizeColumn: return tr("Розмір");
    default: return {};
    }
}

} // namespace cnap::gui::desk
