#pragma once

// How the case list asks for rows: filters, one of a few orders, and a keyset
// page key — the list never counts or loads the whole table, it asks for the
// next `limit` rows after the last one it shows.

#include "core/cases/Case.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace cnap {

/// Orders of the case list; each is backed by an index ending in the case id.
enum class CaseSort {
    RegisteredDesc,  ///< newest first (the default)
    RegisteredAsc,
    DueAsc,          ///< most urgent first
};

/// Where a page ends: the sort column's value and the id of the last row.
/// Opaque to callers: take it from CasePage::next and hand it back.
struct CasePageKey final {
    QVariant sortValue;
    qint64 id = 0;
};

struct CaseListQuery final {
    QList<CaseState> states;                ///< empty: any state
    QString serviceCode;                    ///< empty: any service
    std::optional<QDate> dueFrom;           ///< inclusive
    std::optional<QDate> dueTo;             ///< inclusive
    bool overdueOnly = false;               ///< the term runs and due date < today
    CaseSort sort = CaseSort::RegisteredDesc;
    std::optional<CasePageKey> after;       ///< start after this row (next page)
    int limit = 50;                         ///< 1..500
};

struct CasePage final {
    QList<CaseSummary> rows;
    std::optional<CasePageKey> next;        ///< set when more rows follow
};

} // namespace cnap
