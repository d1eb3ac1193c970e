#include "gui/exchange/ExchangePage.h"

#include "gui/common/ErrorPresenter.h"
#include "gui/common/TaskRunner.h"
#include "gui/exchange/ExchangeFormat.h"
#include "gui/exchange/ExchangeModels.h"
#include "gui/exchange/MessageLogPanel.h"
#include "gui/exchange/OutboxController.h"
#include "gui/exchange/SyncController.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace cnap::gui::exchange {

namespace {

QTableView *makeOutboxView(QAbstractItemModel *model, const QString &objectName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setColumnWidth(OutboxModel::CaseNumberColumn, 120);
    view->setColumnWidth(OutboxModel::MessageIdColumn, 275);
    view->setColumnWidth(OutboxModel::ServiceColumn, 235);
    view->setColumnWidth(OutboxModel::StateColumn, 110);
    view->setColumnWidth(OutboxModel::AttemptsColumn, 55);
    view->setColumnWidth(OutboxModel::NextAttemptColumn, 135);
    view->setColumnWidth(OutboxModel::UpdatedColumn, 135);
    view->horizontalHeader()->setMinimumSectionSize(50);
    view->horizontalHeader()->setStretchLastSection(true);  // the error column; the whole text is its tooltip
    view->setWordWrap(false);
    return view;
}

} // namespace

ExchangePage::ExchangePage(AppContext context, ExchangeSetup setup, QWidget *parent)
    : QWidget(parent), m_context(context), m_outbox(new OutboxController(context, this)),
      m_sync(new SyncController(context, std::move(setup), this))
{
    setObjectName(QStringLiteral("exchangePage"));
    const Role role = m_context.actor.role;
    m_canReadOutbox = allowed(role, Permission::CaseRead);
    auto *root = new QVBoxLayout(this);

    // Sync now: button, progress, the last cycle's report.
    auto *syncRow = new QHBoxLayout;
    m_syncAction = new QAction(tr("&Синхронізувати зараз"), this);
    m_syncAction->setObjectName(QStringLiteral("syncNowAction"));
    m_syncAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_syncAction->setShortcutContext(Qt::WindowShortcut);
    m_syncButton = new QPushButton(tr("Синхронізувати зараз (Ctrl+Shift+S)"), this);
    m_syncButton->setObjectName(QStringLiteral("syncNowButton"));
    syncRow->addWidget(m_syncButton);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("syncProgressBar"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    syncRow->addWidget(m_progress, 1);
    auto *refreshButton = new QPushButton(tr("Оновити (Ctrl+F5)"), this);
    refreshButton->setObjectName(QStringLiteral("exchangeRefreshButton"));
    syncRow->addWidget(refreshButton);
    root->addLayout(syncRow);
    m_report = new QLabel(this);
    m_report->setObjectName(QStringLiteral("syncReportLabel"));
    m_report->setWordWrap(true);
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_report->setText(tr("Черга надсилається службою cnap-syncd за розкладом; «Синхронізувати зараз» виконує цикл обміну негайно."));
    root->addWidget(m_report);

    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("outboxCountsLabel"));
    m_counts->setTextFormat(Qt::RichText);
    m_counts->setVisible(m_canReadOutbox);
    root->addWidget(m_counts);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("exchangeSectionsTabWidget"));
    if (m_canReadOutbox) {
        m_tabs->addTab(buildOutboxTab(), tr("Черга обміну"));
        m_deadTabIndex = m_tabs->addTab(buildDeadTab(), tr("Не доставлено"));
    }
    if (allowed(role, Permission::ExchangeViewLog)) {
        m_log = new MessageLogPanel(m_context, m_tabs);
        m_tabs->addTab(m_log, tr("Журнал повідомлень"));
    }
    root->addWidget(m_tabs, 1);
    if (m_tabs->count() == 0)
        m_tabs->hide();

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("exchangeMessageLabel"));
    m_message->setWordWrap(true);
    root->addWidget(m_message);

    connect(m_syncButton, &QPushButton::clicked, this, &ExchangePage::syncNow);
    connect(m_syncAction, &QAction::triggered, this, &ExchangePage::syncNow);
    connect(refreshButton, &QPushButton::clicked, this, &ExchangePage::refresh);
    auto *refreshKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_F5), this);
    refreshKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshKey, &QShortcut::activated, this, &ExchangePage::refresh);

    connect(m_sync, &SyncController::runningChanged, this, [this](bool running) {
        updateSyncControls();
        if (running) {
            m_report->setStyleSheet(QString());
            m_report->setText(tr("Синхронізація триває…"));
        }
    });
    connect(m_sync, &SyncController::progressChanged, this, [this](int percent, int finished, int total) {
        m_progress->setValue(percent);
        if (m_sync->running() && total > 0)
            m_report->setText(tr("Синхронізація триває: оброблено повідомлень: %1 з %2…").arg(finished).arg(total));
    });
    connect(m_sync, &SyncController::finished, this, [this](const cnap::exchange::sync::CycleReport &r) {
        m_report->setStyleSheet(r.dead > 0 ? QStringLiteral("color: #b71c1c;") : QString());
        m_report->setText(cycleReportText(r));
        m_report->setToolTip(r.problems.join(u'\n'));
        refresh();
        if (m_log && m_log->isVisible())
            m_log->controller()->reload();
    });
    connect(m_sync, &SyncController::failed, this, [this](const Error &e) {
        m_report->setStyleSheet(QStringLiteral("color: #b71c1c;"));
        m_report->setText(tr("Синхронізацію не виконано: %1").arg(ErrorPresenter::text(e)));
        showError(e, true);
        refresh();
    });

    connect(m_outbox, &OutboxController::countsChanged, this, &ExchangePage::showCounts);
    connect(m_outbox, &OutboxController::failed, this, [this](const Error &e) { showError(e, false); });
    connect(m_outbox, &OutboxController::deadLoaded, this, [this](int rows) {
        if (m_deadTabIndex >= 0)
            m_tabs->setTabText(m_deadTabIndex, rows > 0 ? tr("Не доставлено (%1)").arg(rows) : tr("Не доставлено"));
        if (m_requeueButton)
            m_requeueButton->setEnabled(rows > 0 && allowed(m_context.actor.role, Permission::ExchangeRequeue));
    });
    // A refused re-queue is an answer to the person's action: a message box.
    connect(m_outbox, &OutboxController::requeueFailed, this, [this](const Error &e) { showError(e, true); });
    connect(m_outbox, &OutboxController::requeued, this, [this](qint64) {
        m_message->setStyleSheet(QStringLiteral("color: #1b5e20;"));
        m_message->setText(tr("Повідомлення повернуто до черги: його буде надіслано під час наступної синхронізації."));
    });
    updateSyncControls();
}

QWidget *ExchangePage::buildOutboxTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Стан:"), tab));
    m_stateFilter = new QComboBox(tab);
    m_stateFilter->setObjectName(QStringLiteral("outboxStateComboBox"));
    m_stateFilter->addItem(tr("усі"), QString());
    for (storage::OutboxState s : {storage::OutboxState::Pending, storage::OutboxState::InFlight, storage::OutboxState::Done,
                                   storage::OutboxState::Dead})
        m_stateFilter->addItem(outboxStateDisplayName(s), storage::outboxStateKey(s));
    bar->addWidget(m_stateFilter);
    bar->addStretch(1);
    layout->addLayout(bar);
    m_outboxView = makeOutboxView(m_outbox->model(), QStringLiteral("outboxView"), tab);
    layout->addWidget(m_outboxView, 1);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QString key = m_stateFilter->itemData(index).toString();
        auto state = storage::outboxStateFromKey(key);
        m_outbox->setStateFilter(key.isEmpty() || !state ? std::nullopt : std::optional<storage::OutboxState>(state.value()));
    });
    return tab;
}

QWidget *ExchangePage::buildDeadTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *hint = new QLabel(tr("Повідомлення, які не вдалося доставити: причина — у стовпці «Остання помилка / причина». Помилку в даних "
                               "справи чи заявника спершу виправте; повідомлення, ще не надіслане, буде складено заново з "
                               "виправлених даних, а надіслане піде з тим самим ідентифікатором, тож реєстр не виконає його двічі."),
                            tab);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_deadView = makeOutboxView(m_outbox->deadModel(), QStringLiteral("deadLettersView"), tab);
    m_deadView->setColumnHidden(OutboxModel::NextAttemptColumn, true);
    layout->addWidget(m_deadView, 1);
    auto *bar = new QHBoxLayout;
    m_requeueButton = new QPushButton(tr("Повторити"), tab);
    m_requeueButton->setObjectName(QStringLiteral("requeueButton"));
    m_requeueButton->setEnabled(false);
    if (!allowed(m_context.actor.role, Permission::ExchangeRequeue))
        m_requeueButton->setToolTip(tr("Повторити надсилання може керівник ЦНАП або системний адміністратор."));
    else
        m_requeueButton->setToolTip(tr("Повернути вибране повідомлення до черги (Ctrl+Enter)"));
    bar->addWidget(m_requeueButton);
    bar->addStretch(1);
    layout->addLayout(bar);
    connect(m_requeueButton, &QPushButton::clicked, this, &ExchangePage::requeueSelected);
    auto *requeueKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_deadView);
    requeueKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(requeueKey, &QShortcut::activated, this, &ExchangePage::requeueSelected);
    return tab;
}

void ExchangePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_shownOnce) {
        m_shownOnce = true;
        refresh();
    } else if (m_canReadOutbox) {
        m_outbox->refreshCounts();
    }
    // The configuration file may have been fixed since: read it again, off the UI thread.
    const ExchangeSetup known = m_sync->setup();
    if (known.configFile().isEmpty())
        return;
    m_context.runner->run(this, [known]() { return known.reloaded(); }, [this](ExchangeSetup s) {
        m_sync->setSetup(std::move(s));
        updateSyncControls();
    });
}

void ExchangePage::refresh()
{
    if (m_canReadOutbox)
        m_outbox->refresh();
}

void ExchangePage::syncNow()
{
    m_message->clear();
    m_sync->syncNow();
}

void ExchangePage::requeueSelected()
{
    const storage::OutboxItem *item = m_deadView ? m_outbox->deadModel()->itemAt(m_deadView->currentIndex().row()) : nullptr;
    if (!item) {
        m_message->setStyleSheet(QString());
        m_message->setText(tr("Виберіть недоставлене повідомлення."));
        return;
    }
    m_message->clear();
    m_outbox->requeue(item->id);
}

void ExchangePage::updateSyncControls()
{
    const bool running = m_sync->running();
    const QString reason = m_sync->unavailableReason();
    const bool enabled = !running && reason.isEmpty();
    m_syncButton->setEnabled(enabled);
    m_syncAction->setEnabled(enabled);
    QString tip;
    if (running)
        tip = tr("Синхронізація вже триває.");
    else if (!reason.isEmpty())
        tip = reason;
    else
        tip = tr("Надіслати все, що чекає в черзі, і забрати відповіді реєстрів та онлайн-заяви (конфігурація: %1)")
                  .arg(m_sync->setup().configFile());
    m_syncButton->setToolTip(tip);
    m_syncAction->setToolTip(tip);
    m_syncAction->setStatusTip(tip);
}

void ExchangePage::showCounts()
{
    const storage::OutboxCounts &c = m_outbox->counts();
    m_counts->setText(tr("Очікують: <b>%1</b> &nbsp;&nbsp; Надсилаються: <b>%2</b> &nbsp;&nbsp; Доставлено: <b>%3</b> &nbsp;&nbsp; "
                         "Не доставлено: <b style='color:%5'>%4</b>")
                          .arg(c.pending)
                          .arg(c.inFlight)
                          .arg(c.done)
                          .arg(c.dead)
                          .arg(c.dead > 0 ? QStringLiteral("#b71c1c") : QStringLiteral("inherit")));
}

void ExchangePage::showError(const Error &error, bool modal)
{
    m_message->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_message->setText(ErrorPresenter::text(error));
    if (modal)
        ErrorPresenter::show(this, error);
}

} // namespace cnap::gui::exchange
