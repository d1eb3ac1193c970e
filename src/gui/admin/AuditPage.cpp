#include "gui/admin/AuditPage.h"

#include "gui/admin/AuditController.h"
#include "gui/admin/AuditModel.h"
#include "gui/common/ErrorPresenter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace cnap::gui::admin {

AuditPage::AuditPage(AppContext context, QWidget *parent)
    : QWidget(parent), m_controller(new AuditController(context, this))
{
    setObjectName(QStringLiteral("auditPage"));
    auto *root = new QVBoxLayout(this);

    auto *filters = new QHBoxLayout;
    m_periodCheck = new QCheckBox(tr("Період з"), this);
    m_periodCheck->setObjectName(QStringLiteral("periodCheckBox"));
    filters->addWidget(m_periodCheck);
    const QDate today = context.clock->today();
    m_from = new QDateEdit(today.addDays(-7), this);
    m_from->setObjectName(QStringLiteral("fromDateEdit"));
    m_from->setCalendarPopup(true);
    m_from->setEnabled(false);
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("по"), this));
    m_to = new QDateEdit(today, this);
    m_to->setObjectName(QStringLiteral("toDateEdit"));
    m_to->setCalendarPopup(true);
    m_to->setEnabled(false);
    filters->addWidget(m_to);
    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("loginFilterLineEdit"));
    m_login->setPlaceholderText(tr("Логін"));
    m_login->setClearButtonEnabled(true);
    filters->addWidget(m_login, 1);
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("actionFilterComboBox"));
    m_action->addItem(tr("Усі дії"), QString());
    for (security::AuditAction a : security::allAuditActions()) {
        const QString key = security::auditActionKey(a);
        m_action->addItem(AuditModel::actionDisplayName(key), key);
    }
    filters->addWidget(m_action, 1);
    m_objectType = new QLineEdit(this);
    m_objectType->setObjectName(QStringLiteral("objectTypeFilterLineEdit"));
    m_objectType->setPlaceholderText(tr("Тип об’єкта (case, user…)"));
    m_objectType->setClearButtonEnabled(true);
    filters->addWidget(m_objectType, 1);
    m_objectId = new QLineEdit(this);
    m_objectId->setObjectName(QStringLiteral("objectIdFilterLineEdit"));
    m_objectId->setPlaceholderText(tr("Ідентифікатор об’єкта"));
    m_objectId->setClearButtonEnabled(true);
    filters->addWidget(m_objectId, 1);
    m_apply = new QPushButton(tr("Показати"), this);
    m_apply->setObjectName(QStringLiteral("applyFilterButton"));
    m_apply->setDefault(true);
    filters->addWidget(m_apply);
    root->addLayout(filters);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("auditView"));
    m_view->setModel(m_controller->model());
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(24);
    m_view->horizontalHeader()->setSectionResizeMode(AuditModel::DetailsColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(AuditModel::SeqColumn, 70);
    m_view->setColumnWidth(AuditModel::TimeColumn, 150);
    m_view->setColumnWidth(AuditModel::LoginColumn, 110);
    m_view->setColumnWidth(AuditModel::RoleColumn, 170);
    m_view->setColumnWidth(AuditModel::DeskColumn, 60);
    m_view->setColumnWidth(AuditModel::ActionColumn, 170);
    m_view->setColumnWidth(AuditModel::ObjectColumn, 190);
    root->addWidget(m_view, 1);

    auto *bottom = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatusLabel"));
    bottom->addWidget(m_status);
    m_chain = new QLabel(this);
    m_chain->setObjectName(QStringLiteral("chainResultLabel"));
    m_chain->setWordWrap(true);
    m_chain->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bottom->addWidget(m_chain, 1);
    m_verify = new QPushButton(tr("Перевірити ланцюжок"), this);
    m_verify->setObjectName(QStringLiteral("verifyChainButton"));
    bottom->addWidget(m_verify);
    m_export = new QPushButton(tr("Експортувати якір…"), this);
    m_export->setObjectName(QStringLiteral("exportAnchorButton"));
    m_export->setToolTip(tr("Зберегти номер і хеш останнього запису у файл поза базою даних, щоб пізніше виявити обрізаний журнал"));
    bottom->addWidget(m_export);
    root->addLayout(bottom);

    const bool canVerify = allowed(context.actor.role, Permission::AuditVerify);
    m_verify->setEnabled(canVerify);
    m_export->setEnabled(canVerify);

    connect(m_periodCheck, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_periodCheck, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    connect(m_apply, &QPushButton::clicked, this, &AuditPage::applyFilter);
    for (QLineEdit *edit : {m_login, m_objectType, m_objectId})
        connect(edit, &QLineEdit::returnPressed, this, &AuditPage::applyFilter);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilter);
    connect(m_verify, &QPushButton::clicked, this, &AuditPage::verifyChain);
    connect(m_export, &QPushButton::clicked, this, &AuditPage::exportAnchor);

    connect(m_controller, &AuditController::loaded, this, [this](int rows) {
        m_status->setText(m_controller->model()->hasMore() ? tr("Записів: %1 (прокрутіть, щоб завантажити давніші)").arg(rows)
                                                           : tr("Записів: %1").arg(rows));
    });
    connect(m_controller, &AuditController::verified, this, [this](const security::AuditVerification &v) {
        m_chain->setText(AuditController::describe(v));
        m_chain->setStyleSheet(v.ok() ? QStringLiteral("color: #1b5e20;") : QStringLiteral("color: #b71c1c; font-weight: bold;"));
    });
    connect(m_controller, &AuditController::anchorExported, this, [this](const security::AuditAnchor &a, const QString &path) {
        m_chain->setText(tr("Якір збережено у %1: запис № %2").arg(QDir::toNativeSeparators(path)).arg(a.seq));
        m_chain->setStyleSheet(QString());
    });
    connect(m_controller, &AuditController::failed, this, &AuditPage::showError);
    connect(m_controller, &AuditController::busyChanged, this, [this](bool busy) {
        m_apply->setEnabled(!busy);
        if (busy)
            m_status->setText(tr("Завантаження…"));
    });
}

security::AuditFilter AuditPage::currentFilter() const
{
    security::AuditFilter f;
    if (m_periodCheck->isChecked()) {
        // Dates are the centre's local days; the log stores UTC.
        f.from = m_from->date().startOfDay().toUTC();
        f.to = m_to->date().addDays(1).startOfDay().toUTC();
    }
    f.login = m_login->text().trimmed();
    const QString key = m_action->currentData().toString();
    if (!key.isEmpty()) {
        if (auto a = security::auditActionFromKey(key))
            f.action = a.value();
    }
    f.objectType = m_objectType->text().trimmed();
    f.objectId = m_objectId->text().trimmed();
    return f;
}

void AuditPage::applyFilter()
{
    const security::AuditFilter f = currentFilter();
    if (f.from.isValid() && f.to.isValid() && f.from >= f.to) {
        showError(Error::invalid(QStringLiteral("period"), tr("початок періоду пізніше за його кінець")));
        return;
    }
    m_loadedOnce = true;
    m_controller->setFilter(f);
}

void AuditPage::verifyChain()
{
    m_chain->setText(tr("Перевірка ланцюжка…"));
    m_chain->setStyleSheet(QString());
    m_controller->verify();
}

void AuditPage::exportAnchor()
{
    const QString suggested = QDir::home().filePath(
        QStringLiteral("cnap-audit-anchor-%1.txt").arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Експорт якоря журналу аудиту"), suggested, tr("Текстові файли (*.txt)"));
    if (path.isEmpty())
        return;
    m_controller->exportAnchor(path);
}

void AuditPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce)
        applyFilter();  // first visit: the newest entries
}

void AuditPage::showError(const Error &error)
{
    m_status->setText(ErrorPresenter::text(error));
    if (window()->isVisible())
        ErrorPresenter::show(this, error);
}

} // namespace cnap::gui::admin
