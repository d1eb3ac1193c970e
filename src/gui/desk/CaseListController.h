#pragma once

#include "core/cases/CaseQuery.h"
#include "gui/common/AppContext.h"
#include "gui/desk/DeskServices.h"

#include <QObject>

namespace cnap::gui::desk {

class CaseListModel;

/// Feeds the case list: the first page of the current filter and sort, the
/// next pages on demand, or search results.  Every reload bumps a generation
/// so a late page of the old filter never lands in the new list.
class CaseListController final : public QObject {
    Q_OBJECT
public:
    CaseListController(AppContext context, DeskServicesPtr services, QObject *parent = nullptr);

    [[nodiscard]] CaseListModel *model() const { return m_model; }
    [[nodiscard]] const CaseListQuery &query() const { return m_query; }

    /// Filter and sort (the page key is ignored); reloads from the first page.
    void setQuery(const CaseListQuery &query);
    void reload();
    /// Shows the cases found by `text` (РНОКПП, ЄДРПОУ, number, surname); empty: back to the list.
    void search(const QString &text);

Q_SIGNALS:
    void loaded(int rows);
    void failed(const cnap::Error &error);

private:
    void loadPage(std::optional<CasePageKey> after, quint64 generation);

    AppContext m_context;
    DeskServicesPtr m_services;
    CaseListModel *m_model = nullptr;
    CaseListQuery m_query;
    quint64 m_generation = 0;
};

} // namespace cnap::gui::desk
