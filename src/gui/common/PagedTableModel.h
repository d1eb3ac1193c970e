#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace cnap::gui {

/// The bookkeeping of a table loaded page by page by key (audit trail, outbox,
/// message log): the rows, the generation a page was asked for (a page of an
/// old filter is dropped), whether more may follow, and one page in flight at
/// a time.  The view's scrolling calls fetchMore(); the model asks for the
/// page after its last row through requestPage() and never queries by itself.
///
/// A template, so it declares no signals: each model keeps Q_OBJECT and its
/// own moreRequested(key, generation) signal, emitted from requestPage().
template <typename Row>
class PagedTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    /// Replaces the rows with a first page; `hasMore` when the page was full.
    void resetWith(const QList<Row> &rows, bool hasMore, quint64 generation)
    {
        beginResetModel();
        m_rows = rows;
        m_generation = generation;
        m_hasMore = hasMore;
        m_loading = false;
        endResetModel();
    }

    /// Appends the next page asked for `generation`; stale generations are dropped.
    void appendPage(const QList<Row> &rows, bool hasMore, quint64 generation)
    {
        if (generation != m_generation)
            return;  // the filter changed while this page was on its way
        if (!rows.isEmpty()) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + int(rows.size()) - 1);
            m_rows.append(rows);
            endInsertRows();
        }
        // Only now: a view asking for more while the rows go in would ask for
        // this page again (the last row is not yet the new page's).
        m_hasMore = hasMore;
        m_loading = false;
    }

    /// The page request failed: allow another attempt.
    void pageFailed(quint64 generation)
    {
        if (generation == m_generation)
            m_loading = false;
    }

    [[nodiscard]] bool hasMore() const { return m_hasMore; }
    [[nodiscard]] bool loading() const { return m_loading; }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }

    bool canFetchMore(const QModelIndex &parent) const override { return !parent.isValid() && m_hasMore && !m_loading; }

    void fetchMore(const QModelIndex &parent) override
    {
        if (!canFetchMore(parent))
            return;
        m_loading = true;  // one page in flight at a time
        requestPage(m_rows.isEmpty() ? nullptr : &m_rows.constLast(), m_generation);
    }

protected:
    /// Asks for the page that follows `last` (null when no row is shown): emit
    /// the model's moreRequested.
    virtual void requestPage(const Row *last, quint64 generation) = 0;

    [[nodiscard]] const QList<Row> &rows() const { return m_rows; }
    [[nodiscard]] const Row *rowPtr(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr; }
    [[nodiscard]] bool isEmpty() const { return m_rows.isEmpty(); }

private:
    QList<Row> m_rows;
    quint64 m_generation = 0;
    bool m_hasMore = false;
    bool m_loading = false;
};

} // namespace cnap::gui
