#include "gui/exchange/OnlineApplicationsPage.h"

#include "gui/common/ErrorPresenter.h"
#include "gui/exchange/ExchangeModels.h"
#include "gui/exchange/OnlineApplicationsController.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace cnap::gui::exchange {

OnlineApplicationsPage::OnlineApplicationsPage(AppContext context, QWidget *parent)
    : QWidget(parent), m_context(context), m_controller(new OnlineApplicationsController(context, this))
{
    setObjectName(QStringLiteral("onlineApplicationsPage"));
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Заяви, подані на порталі. Візьміть заяву в роботу — відкриється прийом для її послуги, а "
                               "РНОКПП заявника буде в пошуку заявника."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("onlineApplicationsView"));
    m_view->setModel(m_controller->model());
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setColumnWidth(OnlineApplicationsModel::SubmittedColumn, 120);
    m_view->setColumnWidth(OnlineApplicationsModel::PortalIdColumn, 120);
    m_view->setColumnWidth(OnlineApplicationsModel::ServiceColumn, 280);
    m_view->setColumnWidth(OnlineApplicationsModel::ApplicantColumn, 220);
    m_view->setColumnWidth(OnlineApplicationsModel::RnokppColumn, 100);
    m_view->setColumnWidth(OnlineApplicationsModel::PhoneColumn, 120);
    m_view->horizontalHeader()->setSectionResizeMode(OnlineApplicationsModel::SummaryColumn, QHeaderView::Stretch);
    layout->addWidget(m_view, 1);
    auto *bar = new QHBoxLayout;
    m_take = new QPushButton(tr("Взяти в роботу (Enter)"), this);
    m_take->setObjectName(QStringLiteral("takeOnlineApplicationButton"));
    bar->addWidget(m_take);
    m_showTaken = new QCheckBox(tr("показати взяті в роботу"), this);
    m_showTaken->setObjectName(QStringLiteral("showTakenCheckBox"));
    bar->addWidget(m_showTaken);
    bar->addStretch(1);
    auto *refresh = new QPushButton(tr("Оновити (Ctrl+F5)"), this);
    refresh->setObjectName(QStringLiteral("onlineApplicationsRefreshButton"));
    bar->addWidget(refresh);
    layout->addLayout(bar);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("onlineApplicationsStatusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_take, &QPushButton::clicked, this, &OnlineApplicationsPage::takeSelected);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &) { takeSelected(); });
    connect(refresh, &QPushButton::clicked, this, &OnlineApplicationsPage::reload);
    connect(m_showTaken, &QCheckBox::toggled, m_controller, &OnlineApplicationsController::setShowTaken);
    auto *refreshKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_F5), this);
    refreshKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshKey, &QShortcut::activated, this, &OnlineApplicationsPage::reload);
    connect(m_controller, &OnlineApplicationsController::loaded, this, [this](int rows) {
        m_status->setStyleSheet(QString());
        m_status->setText(rows == 0 ? tr("Нових онлайн-заяв немає.") : tr("Онлайн-заяв: %1").arg(rows));
    });
    connect(m_controller, &OnlineApplicationsController::failed, this, [this](const Error &e) {
        m_status->setStyleSheet(QStringLiteral("color: #b71c1c;"));
        m_status->setText(ErrorPresenter::text(e));
        if (e.code == ErrorCode::Conflict || e.code == ErrorCode::PermissionDenied)
            ErrorPresenter::show(this, e);
    });
    connect(m_controller, &OnlineApplicationsController::taken, this, [this](const storage::OnlineApplicationRow &row) {
        m_status->setStyleSheet(QStringLiteral("color: #1b5e20;"));
        m_status->setText(tr("Заяву %1 взято в роботу.").arg(row.portalId));
        Q_EMIT applicationTaken(row);
    });
}

void OnlineApplicationsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();  // the engine may have brought new ones since
}

void OnlineApplicationsPage::reload() { m_controller->reload(); }

void OnlineApplicationsPage::takeSelected()
{
    const storage::OnlineApplicationRow *row = m_controller->model()->rowAt(m_view->currentIndex().row());
    if (!row) {
        m_status->setStyleSheet(QString());
        m_status->setText(tr("Виберіть онлайн-заяву."));
        return;
    }
    if (row->state != QStringLiteral("new")) {
        m_status->setStyleSheet(QString());
        m_status->setText(tr("Заяву %1 уже взято в роботу.").arg(row->portalId));
        return;
    }
    m_controller->take(row->id);
}

} // namespace cnap::gui::exchange
