#pragma once

#include "security/AuditLog.h"

#include <QAbstractTableModel>
#include <QList>

namespace cnap::gui::admin {

/// The audit trail for the read-only viewer, newest first, loaded page by page
/// (the view's scrolling calls fetchMore(); the model asks its controller for
/// the entries older than its last row and appends them).  It never queries by
/// itself.  Audit entries carry no personal data by design (AuditLog masks
/// details on append); the model masks the free-text column once more, so a
/// row written by an older or faulty build still cannot put an identifier on
/// a supervisor's screen.
class AuditModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeqColumn, TimeColumn, LoginColumn, RoleColumn, DeskColumn, ActionColumn, ObjectColumn, DetailsColumn, ColumnCount };
    enum Role { SeqRole = Qt::UserRole + 1, ActionKeyRole, HashRole };

    using QAbstractTableModel::QAbstractTableModel;

    /// Replaces the rows with a first page; `hasMore` when the page was full.
    void resetWith(const std::vector<security::AuditEntry> &entries, bool hasMore, quint64 generation);
    /// Appends an older page requested for `generation`; stale generations are dropped.
    void appendPage(const std::vector<security::AuditEntry> &entries, bool hasMore, quint64 generation);
    /// The page request failed: allow another attempt.
    void pageFailed(quint64 generation);
    [[nodiscard]] const security::AuditEntry *entryAt(int row) const;
    /// The oldest seq shown (the next page starts below it); 0 when empty.
    [[nodiscard]] qint64 oldestSeq() const;
    [[nodiscard]] bool loading() const { return m_loading; }
    [[nodiscard]] bool hasMore() const { return m_hasMore; }

    /// Translated name of an action key ("login" → "Вхід"); the key itself when unknown.
    [[nodiscard]] static QString actionDisplayName(const QString &key);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    /// The view wants entries older than `beforeSeq` (for the model's current generation).
    void moreRequested(qint64 beforeSeq, quint64 generation);

private:
    QList<security::AuditEntry> m_rows;
    quint64 m_generation = 0;
    bool m_hasMore = false;
    bool m_loading = false;
};

} // namespace cnap::gui::admin
