#pragma once

#include "core/cases/CaseQuery.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace cnap::gui::desk {

/// The case list, loaded page by page (keyset paging): the view's scrolling
/// calls fetchMore(), the model asks its controller for the page after its last
/// row (moreRequested) and appends what comes back.  It never holds the whole
/// table, and it never queries by itself.
class CaseListModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NumberColumn, StateColumn, RegisteredColumn, DueColumn, ApplicantColumn, ServiceColumn, ColumnCount };
    enum Role { NumberRole = Qt::UserRole + 1, DueFlagRole };

    using QAbstractTableModel::QAbstractTableModel;

    /// Replaces the rows with a first page; `generation` tags later requests.
    void resetWith(const CasePage &page, quint64 generation);
    /// Rows without paging (search results).
    void resetWithRows(const QList<CaseSummary> &rows, quint64 generation);
    /// Appends the page requested for `generation`; pages of an older generation are dropped.
    void appendPage(const CasePage &page, quint64 generation);
    /// The page request failed: allow another attempt.
    void pageFailed(quint64 generation);
    [[nodiscard]] const CaseSummary *rowAt(int row) const;
    [[nodiscard]] bool loading() const { return m_loading; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    /// The view wants the rows after `after` (for the model's current generation).
    void moreRequested(const cnap::CasePageKey &after, quint64 generation);

private:
    QList<CaseSummary> m_rows;
    std::optional<CasePageKey> m_next;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace cnap::gui::desk
