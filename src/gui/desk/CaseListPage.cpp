#include "gui/desk/CaseListPage.h"

#include "gui/common/ErrorPresenter.h"
#include "gui/desk/CaseListController.h"
#include "gui/desk/CaseListModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QShowEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace cnap::gui::desk {

CaseListPage::CaseListPage(AppContext context, DeskServicesPtr services, QWidget *parent)
    : QWidget(parent), m_controller(new CaseListController(std::move(context), std::move(services), this))
{
    setObjectName(QStringLiteral("caseListPage"));
    auto *root = new QVBoxLayout(this);
    auto *filters = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("caseSearchLineEdit"));
    m_search->setPlaceholderText(tr("Пошук: № справи, РНОКПП, ЄДРПОУ або прізвище (Enter)"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    filters->addWidget(m_search, 2);
    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("stateFilterComboBox"));
    m_state->addItem(tr("Усі стани"), QString());
    for (CaseState s : allCaseStates())
        m_state->addItem(caseStateDisplayName(s), caseStateKey(s));
    filters->addWidget(m_state, 1);
    m_service = new QLineEdit(this);
    m_service->setObjectName(QStringLiteral("serviceFilterLineEdit"));
    m_service->setPlaceholderText(tr("Код послуги"));
    m_service->setMaximumWidth(110);
    filters->addWidget(m_service);
    m_overdue = new QCheckBox(tr("Лише прострочені"), this);
    m_overdue->setObjectName(QStringLiteral("overdueOnlyCheckBox"));
    filters->addWidget(m_overdue);
    m_sort = new QComboBox(this);
    m_sort->setObjectName(QStringLiteral("sortComboBox"));
    m_sort->addItem(tr("Спочатку нові"), static_cast<int>(CaseSort::RegisteredDesc));
    m_sort->addItem(tr("Спочатку давні"), static_cast<int>(CaseSort::RegisteredAsc));
    m_sort->addItem(tr("За строком"), static_cast<int>(CaseSort::DueAsc));
    filters->addWidget(m_sort);
    root->addLayout(filters);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("caseListView"));
    m_view->setModel(m_controller->model());
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(24);
    m_view->horizontalHeader()->setSectionResizeMode(CaseListModel::ServiceColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(CaseListModel::NumberColumn, 140);
    m_view->setColumnWidth(CaseListModel::StateColumn, 190);
    m_view->setColumnWidth(CaseListModel::RegisteredColumn, 125);
    m_view->setColumnWidth(CaseListModel::DueColumn, 190);
    m_view->setColumnWidth(CaseListModel::ApplicantColumn, 260);
    m_view->installEventFilter(this);
    root->addWidget(m_view, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("caseListStatusLabel"));
    root->addWidget(m_status);

    connect(m_state, &QComboBox::currentIndexChanged, this, &CaseListPage::applyFilters);
    connect(m_sort, &QComboBox::currentIndexChanged, this, &CaseListPage::applyFilters);
    connect(m_overdue, &QCheckBox::toggled, this, &CaseListPage::applyFilters);
    connect(m_service, &QLineEdit::editingFinished, this, &CaseListPage::applyFilters);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        Q_EMIT caseOpenRequested(i.data(CaseListModel::NumberRole).toString());
    });
    connect(m_controller, &CaseListController::loaded, this, [this](int rows) {
        m_status->setText(tr("Показано справ: %1%2").arg(rows).arg(m_controller->model()->canFetchMore({}) ? tr(" (гортайте, щоб завантажити ще)") : QString()));
        if (rows > 0 && !m_view->currentIndex().isValid())
            m_view->selectRow(0);
    });
    connect(m_controller, &CaseListController::failed, this,
            [this](const Error &e) { m_status->setText(ErrorPresenter::text(e)); });
}

void CaseListPage::activate()
{
    if (!m_loadedOnce) {
        m_loadedOnce = true;
        applyFilters();
    }
    m_view->setFocus();
}

void CaseListPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The first time the page is seen (tab click, --page): the first page of the list.
    if (!m_loadedOnce)
        activate();
}

void CaseListPage::applyFilters()
{
    m_loadedOnce = true;
    CaseListQuery q = m_controller->query();
    q.states.clear();
    if (const QString key = m_state->currentData().toString(); !key.isEmpty()) {
        if (auto s = caseStateFromKey(key))
            q.states.append(s.value());
    }
    q.serviceCode = m_service->text().trimmed();
    q.overdueOnly = m_overdue->isChecked();
    q.sort = static_cast<CaseSort>(m_sort->currentData().toInt());
    m_controller->setQuery(q);
}

bool CaseListPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (watched == m_search && enter) {
            m_controller->search(m_search->text());
            m_view->setFocus();
            return true;
        }
        if (watched == m_view && enter && m_view->currentIndex().isValid()) {
            Q_EMIT caseOpenRequested(m_view->currentIndex().data(CaseListModel::NumberRole).toString());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace cnap::gui::desk
