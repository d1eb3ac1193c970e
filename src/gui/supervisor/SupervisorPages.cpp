#include "gui/supervisor/SupervisorPages.h"

#include "core/reports/ReportFormat.h"
#include "gui/common/ErrorPresenter.h"
#include "gui/supervisor/BarChart.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

namespace cnap::gui {
namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent, const QString &objectName)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    return view;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    l->setFont(f);
    return l;
}

} // namespace

// --- live centre ----------------------------------------------------------------

LiveCentrePage::LiveCentrePage(const AppContext &context, QWidget *parent)
    : QWidget(parent), m_controller(new LiveCentreController(context, this)), m_queues(new QueueLiveModel(this)),
      m_desks(new DeskLiveModel(this))
{
    setObjectName(QStringLiteral("liveCentrePage"));
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_status = new QLabel(tr("Завантаження…"), this);
    m_status->setObjectName(QStringLiteral("centreStatusLabel"));
    bar->addWidget(m_status, 1);
    bar->addWidget(new QLabel(tr("Поріг очікування, хв:"), this));
    m_thresholdSpin = new QSpinBox(this);
    m_thresholdSpin->setObjectName(QStringLiteral("waitThresholdSpinBox"));
    m_thresholdSpin->setRange(1, 240);
    m_thresholdSpin->setValue(static_cast<int>(m_controller->alertRules().waitThresholdSecs / 60));
    bar->addWidget(m_thresholdSpin);
    m_reassignButton = new QPushButton(tr("Послуги вікна на сьогодні…"), this);
    m_reassignButton->setObjectName(QStringLiteral("reassignDeskButton"));
    bar->addWidget(m_reassignButton);
    m_pauseButton = new QPushButton(tr("Призупинити центр (тривога)"), this);
    m_pauseButton->setObjectName(QStringLiteral("pauseCentreButton"));
    bar->addWidget(m_pauseButton);
    layout->addLayout(bar);

    m_alerts = new QListWidget(this);
    m_alerts->setObjectName(QStringLiteral("alertList"));
    m_alerts->setMaximumHeight(72);
    m_alerts->setStyleSheet(QStringLiteral("QListWidget { background: #fff5f5; color: #8a1c1c; }"));
    layout->addWidget(m_alerts);

    auto *split = new QSplitter(Qt::Vertical, this);
    auto *queueBox = new QWidget(split);
    auto *ql = new QVBoxLayout(queueBox);
    ql->setContentsMargins(0, 0, 0, 0);
    ql->addWidget(heading(tr("Черги"), queueBox));
    auto *queueView = makeTable(m_queues, queueBox, QStringLiteral("queueTableView"));
    queueView->horizontalHeader()->setStretchLastSection(false);
    queueView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    queueView->horizontalHeader()->setSectionResizeMode(QueueLiveModel::QueueColumn, QHeaderView::Stretch);
    ql->addWidget(queueView);
    auto *deskBox = new QWidget(split);
    auto *dl = new QVBoxLayout(deskBox);
    dl->setContentsMargins(0, 0, 0, 0);
    dl->addWidget(heading(tr("Вікна"), deskBox));
    m_deskView = makeTable(m_desks, deskBox, QStringLiteral("deskTableView"));
    m_deskView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_deskView->horizontalHeader()->setSectionResizeMode(DeskLiveModel::ServicesColumn, QHeaderView::Stretch);
    dl->addWidget(m_deskView);
    split->addWidget(queueBox);
    split->addWidget(deskBox);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);

    connect(m_controller, &LiveCentreController::updated, this, &LiveCentrePage::show);
    connect(m_controller, &LiveCentreController::failed, this, [this](const Error &e) {
        m_status->setText(ErrorPresenter::text(e));
    });
    connect(m_controller, &LiveCentreController::actionDone, this, [this](const QString &message) { m_status->setText(message); });
    connect(m_controller, &LiveCentreController::servicesLoaded, this, [this](const QList<QPair<QString, QString>> &services) {
        m_services = services;
        if (!m_pendingReassignDesk.isEmpty())
            reassign();
    });
    connect(m_pauseButton, &QPushButton::clicked, this, &LiveCentrePage::togglePause);
    connect(m_reassignButton, &QPushButton::clicked, this, &LiveCentrePage::reassign);
    connect(m_thresholdSpin, &QSpinBox::valueChanged, this, [this](int minutes) {
        reports::AlertRules rules = m_controller->alertRules();
        rules.waitThresholdSecs = minutes * 60;
        m_controller->setAlertRules(rules);
    });
    m_controller->start();
}

void LiveCentrePage::show(const reports::LiveCentre &centre)
{
    m_queues->setRows(centre.queues, m_controller->alertRules().waitThresholdSecs);
    m_desks->setRows(centre.desks);
    m_paused = centre.centrePaused;
    int waiting = 0;
    for (const reports::QueueLive &q : centre.queues)
        waiting += q.waiting;
    int open = 0;
    for (const reports::DeskLive &d : centre.desks)
        open += d.activity == reports::DeskActivity::Free || d.activity == reports::DeskActivity::Serving;
    const QString time = QLocale().toString(QDateTime::fromMSecsSinceEpoch(centre.nowMs).toLocalTime().time(), QLocale::ShortFormat);
    if (centre.centrePaused) {
        m_status->setText(tr("ЦЕНТР ПРИЗУПИНЕНО: %1. Чекають %2; очікування не зростає.").arg(centre.pauseReason).arg(waiting));
        m_status->setStyleSheet(QStringLiteral("color: #8a1c1c; font-weight: bold;"));
        m_pauseButton->setText(tr("Відновити роботу центру"));
    } else {
        m_status->setText(tr("Станом на %1: чекають %2, працюють вікон: %3 з %4").arg(time).arg(waiting).arg(open).arg(centre.desks.size()));
        m_status->setStyleSheet(QString());
        m_pauseButton->setText(tr("Призупинити центр (тривога)"));
    }
    m_alerts->clear();
    for (const reports::Alert &a : centre.alerts)
        m_alerts->addItem(QStringLiteral("⚠ ") + a.message);
    if (centre.alerts.isEmpty())
        m_alerts->addItem(tr("Сповіщень немає."));
}

void LiveCentrePage::togglePause()
{
    if (m_paused) {
        m_controller->resumeCentre();
        return;
    }
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("Призупинити роботу центру"), tr("Причина (буде видно на табло):"),
                                                 QLineEdit::Normal, tr("Повітряна тривога"), &ok);
    if (ok)
        m_controller->pauseCentre(reason.trimmed());
}

void LiveCentrePage::reassign()
{
    const QModelIndex current = m_deskView->currentIndex();
    QString desk = m_pendingReassignDesk;
    if (desk.isEmpty() && current.isValid())
        desk = m_desks->rows().value(current.row()).name;
    if (desk.isEmpty()) {
        m_status->setText(tr("Оберіть вікно в таблиці, щоб змінити його послуги."));
        return;
    }
    if (m_services.isEmpty()) {
        m_pendingReassignDesk = desk;
        m_controller->loadServices();
        return;
    }
    m_pendingReassignDesk.clear();
    QStringList currentCodes;
    for (const reports::DeskLive &d : m_desks->rows())
        if (d.name == desk)
            currentCodes = d.serviceCodes;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Послуги вікна %1").arg(desk));
    auto *layout = new QVBoxLayout(&dialog);
    auto *list = new QListWidget(&dialog);
    list->setObjectName(QStringLiteral("deskServicesList"));
    for (const auto &[code, name] : m_services) {
        auto *item = new QListWidgetItem(code + QStringLiteral(" ") + name, list);
        item->setData(Qt::UserRole, code);
        item->setCheckState(currentCodes.contains(code) ? Qt::Checked : Qt::Unchecked);
    }
    layout->addWidget(list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(560, 480);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QStringList codes;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked)
            codes << list->item(i)->data(Qt::UserRole).toString();
    m_controller->reassignDesk(desk, codes);
}

// --- deadlines ------------------------------------------------------------------

DeadlinePage::DeadlinePage(const AppContext &context, QWidget *parent)
    : QWidget(parent), m_controller(new DeadlineController(context, this)), m_model(new DeadlineModel(this)),
      m_cases(new DeadlineCaseModel(this))
{
    setObjectName(QStringLiteral("deadlinePage"));
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("«Під загрозою» — використано строку від, %:"), this));
    m_shareSpin = new QDoubleSpinBox(this);
    m_shareSpin->setObjectName(QStringLiteral("atRiskShareSpinBox"));
    m_shareSpin->setRange(10, 100);
    m_shareSpin->setDecimals(0);
    m_shareSpin->setValue(75);
    bar->addWidget(m_shareSpin);
    auto *refresh = new QPushButton(tr("Оновити"), this);
    refresh->setObjectName(QStringLiteral("refreshDeadlinesButton"));
    bar->addWidget(refresh);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("deadlineSummaryLabel"));
    bar->addWidget(m_summary, 1);
    layout->addLayout(bar);
    auto *split = new QSplitter(Qt::Vertical, this);
    m_view = makeTable(m_model, split, QStringLiteral("deadlineTableView"));
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(DeadlineModel::ProviderColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(DeadlineModel::ServiceColumn, QHeaderView::Stretch);
    auto *caseBox = new QWidget(split);
    auto *cl = new QVBoxLayout(caseBox);
    cl->setContentsMargins(0, 0, 0, 0);
    m_caseTitle = heading(tr("Справи: оберіть рядок вище"), caseBox);
    cl->addWidget(m_caseTitle);
    auto *caseView = makeTable(m_cases, caseBox, QStringLiteral("deadlineCaseTableView"));
    caseView->horizontalHeader()->setStretchLastSection(false);
    caseView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    caseView->horizontalHeader()->setSectionResizeMode(DeadlineCaseModel::ServiceColumn, QHeaderView::Stretch);
    cl->addWidget(caseView);
    // Exchange health, compact: the full exchange page is the exchange feature's.
    auto *exchangeBox = new QGroupBox(tr("Обмін із реєстрами"), split);
    exchangeBox->setObjectName(QStringLiteral("exchangeHealthGroupBox"));
    auto *el = new QVBoxLayout(exchangeBox);
    m_exchangeSummary = new QLabel(exchangeBox);
    m_exchangeSummary->setObjectName(QStringLiteral("exchangeSummaryLabel"));
    m_exchangeSummary->setWordWrap(true);
    el->addWidget(m_exchangeSummary);
    auto *lists = new QHBoxLayout;
    auto *deadBox = new QVBoxLayout;
    deadBox->addWidget(new QLabel(tr("Мертві листи та їхні причини"), exchangeBox));
    m_deadList = new QListWidget(exchangeBox);
    m_deadList->setObjectName(QStringLiteral("deadLettersList"));
    deadBox->addWidget(m_deadList);
    auto *deliveryBox = new QVBoxLayout;
    deliveryBox->addWidget(new QLabel(tr("Остання успішна доставка до сервісу реєстру"), exchangeBox));
    m_deliveryList = new QListWidget(exchangeBox);
    m_deliveryList->setObjectName(QStringLiteral("lastDeliveryList"));
    deliveryBox->addWidget(m_deliveryList);
    lists->addLayout(deadBox, 3);
    lists->addLayout(deliveryBox, 2);
    el->addLayout(lists);
    split->addWidget(m_view);
    split->addWidget(caseBox);
    split->addWidget(exchangeBox);
    layout->addWidget(split, 1);

    connect(m_controller, &DeadlineController::exchangeLoaded, this, &DeadlinePage::showExchange);
    connect(m_controller, &DeadlineController::exchangeFailed, this,
            [this](const Error &e) { m_exchangeSummary->setText(ErrorPresenter::text(e)); });
    connect(refresh, &QPushButton::clicked, this, &DeadlinePage::reload);
    connect(m_shareSpin, &QDoubleSpinBox::valueChanged, this, &DeadlinePage::reload);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &i) { drillDown(i.row()); });
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex &i) { drillDown(i.row()); });
    connect(m_controller, &DeadlineController::loaded, this, [this](const services::DeadlineControl &c) {
        m_model->setRows(c.rows);
        m_summary->setText(tr("На розгляді: %1 · під загрозою: %2 · прострочено: %3").arg(c.open).arg(c.atRisk).arg(c.overdue));
    });
    connect(m_controller, &DeadlineController::casesLoaded, this,
            [this](const QList<storage::DeadlineCase> &cases, const QDate &today) { m_cases->setRows(cases, today); });
    connect(m_controller, &DeadlineController::failed, this, [this](const Error &e) { m_summary->setText(ErrorPresenter::text(e)); });
    reload();
}

void DeadlinePage::reload()
{
    m_controller->load(m_shareSpin->value() / 100.0);
    m_controller->loadExchange();
}

void DeadlinePage::showExchange(const services::ExchangeHealth &h)
{
    m_exchangeSummary->setText(tr("Черга на надсилання: %1 · надсилаються: %2 · доставлено: %3 · мертвих листів: %4")
                                   .arg(h.counts.pending)
                                   .arg(h.counts.inFlight)
                                   .arg(h.counts.done)
                                   .arg(h.counts.dead));
    const QLocale locale;
    m_deadList->clear();
    for (const storage::OutboxItem &item : h.dead)
        m_deadList->addItem(tr("%1 · справа %2 · %3").arg(item.serviceCode, item.caseNumber, item.lastError));
    if (h.counts.dead > h.dead.size())
        m_deadList->addItem(tr("… і ще %1 (усі — на сторінці обміну)").arg(h.counts.dead - h.dead.size()));
    if (h.dead.isEmpty())
        m_deadList->addItem(tr("Мертвих листів немає."));
    m_deliveryList->clear();
    for (const storage::RegistryDelivery &d : h.lastDelivered)
        m_deliveryList->addItem(tr("%1: %2 (доставлено всього: %3)")
                                    .arg(d.serviceCode,
                                         locale.toString(QDateTime::fromMSecsSinceEpoch(d.lastDoneMs).toLocalTime(), QLocale::ShortFormat))
                                    .arg(d.delivered));
    if (h.lastDelivered.isEmpty())
        m_deliveryList->addItem(tr("Жодної успішної доставки ще не було."));
}

void DeadlinePage::drillDown(int row)
{
    const reports::DeadlineRow r = m_model->rows().value(row);
    if (r.provider.isEmpty())
        return;
    m_caseTitle->setText(tr("Справи під загрозою та прострочені: %1, %2").arg(r.provider, r.serviceCode));
    m_controller->drillDown(r.provider, r.serviceCode, m_shareSpin->value() / 100.0);
}

// --- reports --------------------------------------------------------------------

ReportsPage::ReportsPage(const AppContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_controller(new ReportsController(context, this)), m_model(new ReportTableModel(this))
{
    setObjectName(QStringLiteral("reportsPage"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QHBoxLayout;
    m_kindCombo = new QComboBox(this);
    m_kindCombo->setObjectName(QStringLiteral("reportKindComboBox"));
    for (reports::ReportKind k : reports::allReportKinds())
        m_kindCombo->addItem(reports::reportDisplayName(k), static_cast<int>(k));
    form->addWidget(m_kindCombo);
    const QDate today = context.clock->today();
    m_fromEdit = new QDateEdit(today.addDays(1 - today.day()), this);
    m_fromEdit->setObjectName(QStringLiteral("fromDateEdit"));
    m_fromEdit->setCalendarPopup(true);
    m_toEdit = new QDateEdit(today, this);
    m_toEdit->setObjectName(QStringLiteral("toDateEdit"));
    m_toEdit->setCalendarPopup(true);
    form->addWidget(new QLabel(tr("з"), this));
    form->addWidget(m_fromEdit);
    form->addWidget(new QLabel(tr("по"), this));
    form->addWidget(m_toEdit);
    auto field = [this, form](const QString &placeholder, const QString &name) {
        auto *e = new QLineEdit(this);
        e->setObjectName(name);
        e->setPlaceholderText(placeholder);
        e->setClearButtonEnabled(true);
        form->addWidget(e);
        return e;
    };
    m_serviceEdit = field(tr("код послуги"), QStringLiteral("serviceFilterLineEdit"));
    m_providerEdit = field(tr("суб'єкт надання"), QStringLiteral("providerFilterLineEdit"));
    m_deskEdit = field(tr("вікно"), QStringLiteral("deskFilterLineEdit"));
    m_clerkEdit = field(tr("адміністратор"), QStringLiteral("clerkFilterLineEdit"));
    m_runButton = new QPushButton(tr("Сформувати"), this);
    m_runButton->setObjectName(QStringLiteral("runReportButton"));
    m_runButton->setDefault(true);
    form->addWidget(m_runButton);
    layout->addLayout(form);

    auto *info = new QHBoxLayout;
    m_totalLabel = heading(QString(), this);
    m_totalLabel->setObjectName(QStringLiteral("reportTotalLabel"));
    info->addWidget(m_totalLabel);
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("reportMessageLabel"));
    m_messageLabel->setWordWrap(true);
    info->addWidget(m_messageLabel, 1);
    for (const auto &[format, title, name] :
         {std::tuple{QStringLiteral("csv"), tr("CSV…"), QStringLiteral("exportCsvButton")},
          std::tuple{QStringLiteral("json"), tr("JSON…"), QStringLiteral("exportJsonButton")},
          std::tuple{QStringLiteral("pdf"), tr("PDF…"), QStringLiteral("exportPdfButton")},
          std::tuple{QStringLiteral("print"), tr("Друк…"), QStringLiteral("printButton")}}) {
        auto *b = new QPushButton(title, this);
        b->setObjectName(name);
        b->setEnabled(false);
        const QString f = format;
        connect(b, &QPushButton::clicked, this, [this, f]() {
            if (f == QStringLiteral("print"))
                print();
            else
                exportClicked(f);
        });
        info->addWidget(b);
        m_exportButtons << b;
    }
    layout->addLayout(info);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_chart = new BarChart(split);
    m_chart->setObjectName(QStringLiteral("reportChart"));
    m_view = makeTable(m_model, split, QStringLiteral("reportTableView"));
    m_view->horizontalHeader()->setStretchLastSection(false);
    split->addWidget(m_chart);
    split->addWidget(m_view);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);

    connect(m_runButton, &QPushButton::clicked, this, &ReportsPage::runReport);
    connect(m_controller, &ReportsController::finished, this, &ReportsPage::showTable);
    connect(m_controller, &ReportsController::failed, this, [this](const Error &e) {
        m_runButton->setEnabled(true);
        m_messageLabel->setText(QStringLiteral("<span style='color:#8a1c1c'>%1</span>").arg(ErrorPresenter::text(e).toHtmlEscaped()));
    });
    connect(m_controller, &ReportsController::exported, this,
            [this](const QString &path) { m_messageLabel->setText(tr("Збережено: %1").arg(path)); });
}

void ReportsPage::setRequest(reports::ReportKind kind, const QDate &from, const QDate &to, const reports::ReportFilter &filter)
{
    m_kindCombo->setCurrentIndex(m_kindCombo->findData(static_cast<int>(kind)));
    m_fromEdit->setDate(from);
    m_toEdit->setDate(to);
    m_serviceEdit->setText(filter.serviceCode);
    m_providerEdit->setText(filter.provider);
    m_deskEdit->setText(filter.desk);
    m_clerkEdit->setText(filter.clerk);
}

void ReportsPage::runReport()
{
    m_runButton->setEnabled(false);
    m_messageLabel->setText(tr("Формується…"));
    const auto kind = static_cast<reports::ReportKind>(m_kindCombo->currentData().toInt());
    const reports::ReportFilter filter{m_serviceEdit->text().trimmed(), m_providerEdit->text().trimmed(), m_deskEdit->text().trimmed(),
                                       m_clerkEdit->text().trimmed()};
    m_controller->run(kind, m_fromEdit->date(), m_toEdit->date(), filter);
}

void ReportsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Opening the page shows this month's visits at once rather than an empty table.
    if (!m_shownOnce) {
        m_shownOnce = true;
        runReport();
    }
}

void ReportsPage::showTable(const reports::ReportTable &table)
{
    m_runButton->setEnabled(true);
    m_model->setTable(table);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    m_view->resizeColumnsToContents();
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_view->setColumnWidth(c, std::min(m_view->columnWidth(c), 380));
    // The long names take the spare width, the numbers stay next to them.
    const int name = std::max(table.columnIndex(QStringLiteral("service_name")), table.columnIndex(QStringLiteral("registry")));
    if (name >= 0)
        header->setSectionResizeMode(name, QHeaderView::Stretch);
    m_chart->setSeries(chartFor(table));
    m_totalLabel->setText(table.total ? QStringLiteral("%1: %2").arg(table.totalTitle, QLocale().toString(*table.total)) : QString());
    m_messageLabel->setText(table.note);
    const bool mayExport = m_controller->mayExport().ok();
    for (QPushButton *b : m_exportButtons)
        b->setEnabled(mayExport);
}

void ReportsPage::exportTo(const QString &path, const QString &format)
{
    if (format == QStringLiteral("pdf")) {
        Status s = writePdf(path);
        m_messageLabel->setText(s ? tr("Збережено: %1").arg(path) : ErrorPresenter::text(s.error()));
        return;
    }
    auto f = services::exportFormatFromKey(format);
    if (!f) {
        m_messageLabel->setText(ErrorPresenter::text(f.error()));
        return;
    }
    m_controller->exportFile(m_model->table(), f.value(), path);
}

void ReportsPage::exportClicked(const QString &format)
{
    const QString kind = reports::reportKey(m_model->table().kind);
    const QString suggested = QStringLiteral("%1-%2-%3.%4").arg(kind, m_model->table().period.from.toString(Qt::ISODate),
                                                                m_model->table().period.to.toString(Qt::ISODate), format);
    const QString path = QFileDialog::getSaveFileName(this, tr("Експорт звіту"), suggested);
    if (!path.isEmpty())
        exportTo(path, format);
}

QString ReportsPage::documentHtml() const
{
    const reports::ReportTable &t = m_model->table();
    QString html = QStringLiteral("<h2>%1</h2><p>%2 — %3</p>")
                       .arg(reports::reportDisplayName(t.kind).toHtmlEscaped(), QLocale().toString(t.period.from, QLocale::LongFormat),
                            QLocale().toString(t.period.to, QLocale::LongFormat));
    if (t.total)
        html += QStringLiteral("<p><b>%1: %2</b></p>").arg(t.totalTitle.toHtmlEscaped(), QLocale().toString(*t.total));
    html += QStringLiteral("<p><img src='chart:report' width='640' height='260'></p>");
    html += QStringLiteral("<table border='1' cellspacing='0' cellpadding='3'><tr>");
    for (const reports::ReportColumn &c : t.columns)
        html += QStringLiteral("<th>%1</th>").arg(c.title.toHtmlEscaped());
    html += QStringLiteral("</tr>");
    for (const QVariantList &row : t.rows) {
        html += QStringLiteral("<tr>");
        for (int i = 0; i < row.size(); ++i)
            html += QStringLiteral("<td%1>%2</td>")
                        .arg(t.columns.value(i).numeric ? QStringLiteral(" align='right'") : QString(),
                             reports::displayCell(row.at(i)).toHtmlEscaped());
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table><p><small>%1</small></p>").arg(t.note.toHtmlEscaped());
    return html;
}

namespace {

void fillDocument(QTextDocument &doc, const QString &html, const BarChart *chart)
{
    QImage image(1280, 520, QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        QFont f = p.font();
        f.setPixelSize(22);
        p.setFont(f);
        chart->render(p, image.rect().adjusted(10, 10, -10, -10));
    }
    doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart:report")), image);
    doc.setHtml(html);
}

} // namespace

Status ReportsPage::writePdf(const QString &path)
{
    CNAP_TRY(m_controller->mayExport());
    // QPdfWriter writes in place: draw into a temporary file, then rename over the target.
    const QString temp = path + QStringLiteral(".part");
    {
        QPdfWriter writer(temp);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setTitle(reports::reportDisplayName(m_model->table().kind));
        QTextDocument doc;
        fillDocument(doc, documentHtml(), m_chart);
        doc.print(&writer);
    }
    QFile part(temp);
    if (!part.exists() || part.size() == 0) {
        part.remove();
        return Error::invalid(QStringLiteral("out"), tr("не вдалося записати файл %1").arg(path));
    }
    QFile::remove(path);
    if (!part.rename(path)) {
        part.remove();
        return Error::invalid(QStringLiteral("out"), tr("не вдалося записати файл %1: %2").arg(path, part.errorString()));
    }
    return {};
}

void ReportsPage::print()
{
    Status may = m_controller->mayExport();
    if (!may) {
        ErrorPresenter::show(this, may.error());
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Landscape);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QTextDocument doc;
    fillDocument(doc, documentHtml(), m_chart);
    doc.print(&printer);
}

} // namespace cnap::gui
