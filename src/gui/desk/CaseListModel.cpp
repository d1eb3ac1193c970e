#include "gui/desk/CaseListModel.h"

#include <QBrush>
#include <QColor>

namespace cnap::gui::desk {

void CaseListModel::resetWith(const CasePage &page, quint64 generation)
{
    beginResetModel();
    m_rows = page.rows;
    m_next = page.next;
    m_generation = generation;
    m_loading = false;
    endResetModel();
}

void CaseListModel::resetWithRows(const QList<CaseSummary> &rows, quint64 generation)
{
    resetWith(CasePage{rows, std::nullopt}, generation);
}

void CaseListModel::appendPage(const CasePage &page, quint64 generation)
{
    if (generation != m_generation)
        return;
    // Still "loading" while the rows go in, so a view asking for more during
    // the insert never requests a page twice.
    m_next = page.next;
    if (!page.rows.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.rows.size() - 1));
        m_rows.append(page.rows);
        endInsertRows();
    }
    m_loading = false;
}

void CaseListModel::pageFailed(quint64 generation)
{
    if (generation == m_generation)
        m_loading = false;
}

const CaseSummary *CaseListModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int CaseListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int CaseListModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

bool CaseListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_next.has_value() && !m_loading;
}

void CaseListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    Q_EMIT moreRequested(*m_next, m_generation);
}

QVariant CaseListModel::data(const QModelIndex &index, int role) const
{
    const CaseSummary *c = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!c || index.column() >= ColumnCount)
        return {};
    if (role == NumberRole)
        return c->number;
    if (role == DueFlagRole)
        return static_cast<int>(c->dueFlag);
    if (role == Qt::BackgroundRole) {
        if (c->dueFlag == DueFlag::Overdue)
            return QBrush(QColor(0xff, 0xcd, 0xd2));
        if (c->dueFlag == DueFlag::NearDue)
            return QBrush(QColor(0xff, 0xf0, 0xb3));
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == DueColumn && c->dueFlag != DueFlag::None)
        return dueFlagDisplayName(c->dueFlag);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NumberColumn: return c->number;
    case StateColumn: return caseStateDisplayName(c->state);
    case RegisteredColumn: return c->registeredAt.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm"));
    case DueColumn: {
        const QString due = c->dueDate.toString(QStringLiteral("dd.MM.yyyy"));
        return c->dueFlag == DueFlag::None ? due : QString(due + QStringLiteral(" — ") + dueFlagDisplayName(c->dueFlag));
    }
    case ApplicantColumn: return c->applicantName;
    case ServiceColumn: return QString(c->serviceCode + QStringLiteral(" ") + c->serviceName);
    default: return {};
    }
}

QVariant CaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn: return tr("Номер");
    case StateColumn: return tr("Стан");
    case RegisteredColumn: return tr("Зареєстровано");
    case DueColumn: return tr("Строк");
    case ApplicantColumn: return tr("Заявник");
    case ServiceColumn: return tr("Послуга");
    default: return {};
    }
}

} // namespace cnap::gui::desk
