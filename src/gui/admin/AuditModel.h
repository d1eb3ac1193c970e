#pragma once

#include "security/AuditLog.h"

#include "gui/common/PagedTableModel.h"

#include <QList>

#include <vector>

namespace cnap::gui::admin {

/// The audit trail for the read-only viewer, newest first, loaded page by page
/// (the view's scrolling calls fetchMore(); the model asks its controller for
/// the entries older than its last row and appends them).  It never queries by
/// itself.  Audit entries carry no personal data by design (AuditLog masks
/// details on append); the model masks the free-text column once more, so a
/// row written by an older or faulty build still cannot put an identifier on
/// a supervisor's screen.
class AuditModel final : public PagedTableModel<security::AuditEntry> {
    Q_OBJECT
public:
    enum Column { SeqColumn, TimeColumn, LoginColumn, RoleColumn, DeskColumn, ActionColumn, ObjectColumn, DetailsColumn, ColumnCount };
    enum Role { SeqRole = Qt::UserRole + 1, ActionKeyRole, HashRole };

    using PagedTableModel::PagedTableModel;

    /// The audit service answers with vectors; the paging itself is PagedTableModel's.
    void resetWith(const std::vector<security::AuditEntry> &entries, bool hasMore, quint64 generation)
    {
        PagedTableModel::resetWith(QList<security::AuditEntry>(entries.begin(), entries.end()), hasMore, generation);
    }
    void appendPage(const std::vector<security::AuditEntry> &entries, bool hasMore, quint64 generation)
    {
        PagedTableModel::appendPage(QList<security::AuditEntry>(entries.begin(), entries.end()), hasMore, generation);
    }
    [[nodiscard]] const security::AuditEntry *entryAt(int row) const { return rowPtr(row); }
    /// The oldest seq shown (the next page starts below it); 0 when empty.
    [[nodiscard]] qint64 oldestSeq() const;

    /// Translated name of an action key ("login" → "Вхід"); the key itself when unknown.
    [[nodiscard]] static QString actionDisplayName(const QString &key);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// Never asks for more before a first page is shown.
    bool canFetchMore(const QModelIndex &parent) const override { return PagedTableModel::canFetchMore(parent) && !isEmpty(); }

Q_SIGNALS:
    /// The view wants entries older than `beforeSeq` (for the model's current generation).
    void moreRequested(qint64 beforeSeq, quint64 generation);

protected:
    void requestPage(const security::AuditEntry *last, quint64 generation) override;
};

} // namespace cnap::gui::admin
