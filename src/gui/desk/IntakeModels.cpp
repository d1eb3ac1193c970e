#include "gui/desk/IntakeModels.h"

#include <QColor>
#include <QCoreApplication>

namespace cnap::gui::desk {

QString formatSize(qint64 bytes)
{
    if (bytes >= 1024 * 1024)
        return QCoreApplication::translate("cnap::gui::desk", "%1 МБ").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    return QCoreApplication::translate("cnap::gui::desk", "%1 КБ").arg((bytes + 1023) / 1024);
}

// --- ServiceListModel

void ServiceListModel::setCards(std::vector<ServiceCard> cards)
{
    beginResetModel();
    m_cards = std::move(cards);
    endResetModel();
}

const ServiceCard *ServiceListModel::cardAt(int row) const
{
    return row >= 0 && row < static_cast<int>(m_cards.size()) ? &m_cards[static_cast<std::size_t>(row)] : nullptr;
}

int ServiceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_cards.size());
}

QVariant ServiceListModel::data(const QModelIndex &index, int role) const
{
    const ServiceCard *c = index.isValid() ? cardAt(index.row()) : nullptr;
    if (!c)
        return {};
    switch (role) {
    case Qt::DisplayRole: return QString(c->code.value() + QStringLiteral("  ") + c->name);
    case Qt::ToolTipRole: return tr("%1\nСуб'єкт надання: %2\nСтрок: %3").arg(c->name, c->provider.name, termDisplay(c->term, c->termUnit));
    case CodeRole: return c->code.value();
    default: return {};
    }
}

// --- ChecklistModel

void ChecklistModel::setItems(QList<ChecklistItem> items)
{
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

void ChecklistModel::markAllProvided()
{
    for (ChecklistItem &i : m_items) {
        i.provided = true;
        i.sheets = std::max(1, i.sheets);
    }
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ChecklistModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_items.size()); }
int ChecklistModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ChecklistModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const ChecklistItem &i = m_items.at(index.row());
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return i.mandatory ? i.name : tr("%1 (за потреби)").arg(i.name);
        if (role == Qt::ForegroundRole && i.mandatory && !i.provided)
            return QColor(0xc6, 0x28, 0x28);
        break;
    case ProvidedColumn:
        if (role == Qt::CheckStateRole)
            return i.provided ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::DisplayRole)
            return i.provided ? tr("подано") : tr("не подано");
        break;
    case FormColumn:
        if (role == Qt::DisplayRole)
            return documentFormDisplayName(i.form);
        if (role == Qt::EditRole)
            return static_cast<int>(i.form);
        break;
    case SheetsColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return i.sheets;
        break;
    default: break;
    }
    return {};
}

bool ChecklistModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= m_items.size())
        return false;
    ChecklistItem &i = m_items[index.row()];
    if (index.column() == ProvidedColumn && role == Qt::CheckStateRole) {
        i.provided = value.toInt() == Qt::Checked;
        i.sheets = i.provided ? std::max(1, i.sheets) : 0;
    } else if (index.column() == FormColumn && role == Qt::EditRole) {
        const int f = value.toInt();
        if (f < 0 || f > static_cast<int>(DocumentForm::OriginalAndCopy))
            return false;
        i.form = static_cast<DocumentForm>(f);
    } else if (index.column() == SheetsColumn && role == Qt::EditRole) {
        const int n = value.toInt();
        if (n < 0 || n > 9999)
            return false;
        i.sheets = n;
        i.provided = n > 0;
    } else {
        return false;
    }
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

Qt::ItemFlags ChecklistModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == ProvidedColumn)
        f |= Qt::ItemIsUserCheckable;
    if (index.column() == FormColumn || index.column() == SheetsColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant ChecklistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Документ");
    case ProvidedColumn: return tr("Подано");
    case FormColumn: return tr("Оригінал / копія");
    case SheetsColumn: return tr("Аркушів");
    default: return {};
    }
}

// --- AttachmentModel

void AttachmentModel::append(PendingAttachment file)
{
    beginInsertRows({}, int(m_files.size()), int(m_files.size()));
    m_files.append(std::move(file));
    endInsertRows();
}

void AttachmentModel::removeAt(int row)
{
    if (row < 0 || row >= m_files.size())
        return;
    beginRemoveRows({}, row, row);
    m_files.removeAt(row);
    endRemoveRows();
}

void AttachmentModel::clear()
{
    beginResetModel();
    m_files.clear();
    endResetModel();
}

int AttachmentModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_files.size()); }
int AttachmentModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AttachmentModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_files.size() || role != Qt::DisplayRole)
        return {};
    const PendingAttachment &f = m_files.at(index.row());
    switch (index.column()) {
    case FileNameColumn: return f.fileName;
    case TypeColumn: return fileTypeName(f.type);
    case SizeColumn: return formatSize(f.content.size());
    default: return {};
    }
}

QVariant AttachmentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FileNameColumn: return tr("Файл");
    case TypeColumn: return tr("Тип (за вмістом)");
    case SizeColumn: return tr("Розмір");
    default: return {};
    }
}

} // namespace cnap::gui::desk
