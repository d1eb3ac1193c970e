#pragma once

// The intake form's models: the service search results, the checklist made
// from the card's required documents, and the attached files.  Each is fed by
// IntakeController; none queries anything.

#include "core/cases/Case.h"
#include "core/catalogue/ServiceCard.h"
#include "core/documents/FileType.h"

#include <QAbstractListModel>
#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>

#include <vector>

namespace cnap::gui::desk {

class ServiceListModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { CodeRole = Qt::UserRole + 1 };
    using QAbstractListModel::QAbstractListModel;
    void setCards(std::vector<ServiceCard> cards);
    [[nodiscard]] const ServiceCard *cardAt(int row) const;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    std::vector<ServiceCard> m_cards;
};

/// One line per required document: provided (checkable), original/copy, sheets.
class ChecklistModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, ProvidedColumn, FormColumn, SheetsColumn, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setItems(QList<ChecklistItem> items);
    [[nodiscard]] const QList<ChecklistItem> &items() const { return m_items; }
    /// Marks every line provided with at least one sheet (the usual case).
    void markAllProvided();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ChecklistItem> m_items;
};

struct PendingAttachment final {
    QString fileName;
    QByteArray content;
    FileType type = FileType::Unknown;
};

class AttachmentModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { FileNameColumn, TypeColumn, SizeColumn, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void append(PendingAttachment file);
    void removeAt(int row);
    void clear();
    [[nodiscard]] const QList<PendingAttachment> &files() const { return m_files; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<PendingAttachment> m_files;
};

/// "1,2 МБ", "340 КБ".
[[nodiscard]] QString formatSize(qint64 bytes);

} // namespace cnap::gui::desk
