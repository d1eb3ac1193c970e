#include "gui/desk/CaseViewPage.h"

#include "gui/common/ErrorPresenter.h"
#include "gui/desk/CaseViewController.h"
#include "gui/desk/CaseViewModels.h"
#include "gui/desk/IntakeController.h"
#include "gui/desk/InventoryRenderer.h"
#include "gui/desk/ExtendDueDialog.h"
#include "gui/desk/TransitionDialog.h"

#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace cnap::gui::desk {

CaseViewPage::CaseViewPage(AppContext context, DeskServicesPtr services, QWidget *parent)
    : QWidget(parent), m_context(context), m_controller(new CaseViewController(context, services, this)),
      m_printer(new IntakeController(context, services, this))
{
    setObjectName(QStringLiteral("caseViewPage"));
    auto *root = new QVBoxLayout(this);
    m_header = new QLabel(tr("Відкрийте справу зі списку справ (F3)."), this);
    m_header->setObjectName(QStringLiteral("caseHeaderLabel"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);
    root->addWidget(m_header);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("caseMessageLabel"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold;"));
    root->addWidget(m_message);

    m_actionsBox = new QGroupBox(tr("Дії"), this);
    m_actions = new QHBoxLayout(m_actionsBox);
    root->addWidget(m_actionsBox);

    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *historyBox = new QGroupBox(tr("Історія"), split);
    auto *hl = new QVBoxLayout(historyBox);
    m_history = new QTableView(historyBox);
    m_history->setObjectName(QStringLiteral("caseHistoryView"));
    m_history->setModel(m_controller->history());
    m_history->verticalHeader()->hide();
    m_history->horizontalHeader()->setStretchLastSection(true);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setColumnWidth(CaseHistoryModel::WhenColumn, 115);
    m_history->setColumnWidth(CaseHistoryModel::WhoColumn, 70);
    m_history->setColumnWidth(CaseHistoryModel::WhatColumn, 270);
    m_history->setWordWrap(true);
    hl->addWidget(m_history);
    auto *docsBox = new QGroupBox(tr("Документи"), split);
    auto *dl = new QVBoxLayout(docsBox);
    m_documents = new QTableView(docsBox);
    m_documents->setObjectName(QStringLiteral("caseDocumentsView"));
    m_documents->setModel(m_controller->documents());
    m_documents->verticalHeader()->hide();
    m_documents->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_documents->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_documents->horizontalHeader()->setSectionResizeMode(CaseDocumentsModel::FileNameColumn, QHeaderView::Stretch);
    dl->addWidget(m_documents);
    auto *docButtons = new QHBoxLayout;
    auto *saveCopy = new QPushButton(tr("Зберегти копію файла…"), docsBox);
    saveCopy->setObjectName(QStringLiteral("saveDocumentCopyButton"));
    auto *reprintButton = new QPushButton(tr("Друкувати опис (Ctrl+P)"), docsBox);
    reprintButton->setObjectName(QStringLiteral("reprintInventoryButton"));
    auto *pdfButton = new QPushButton(tr("Опис у PDF…"), docsBox);
    pdfButton->setObjectName(QStringLiteral("inventoryPdfButton"));
    docButtons->addWidget(saveCopy);
    docButtons->addWidget(reprintButton);
    docButtons->addWidget(pdfButton);
    dl->addLayout(docButtons);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    root->addWidget(split, 1);

    connect(saveCopy, &QPushButton::clicked, this, &CaseViewPage::saveDocumentCopy);
    connect(reprintButton, &QPushButton::clicked, this, &CaseViewPage::reprint);
    connect(pdfButton, &QPushButton::clicked, this, &CaseViewPage::savePdf);
    auto *printShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_P), this);
    printShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(printShortcut, &QShortcut::activated, this, &CaseViewPage::reprint);
    auto *reloadShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_F5), this);
    reloadShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(reloadShortcut, &QShortcut::activated, m_controller, &CaseViewController::reload);

    connect(m_controller, &CaseViewController::loaded, this, &CaseViewPage::showDetails);
    connect(m_controller, &CaseViewController::transitioned, this, [this](const CaseDetails &d) {
        m_message->setStyleSheet(QStringLiteral("color: #1b5e20; font-weight: bold;"));
        m_message->setText(tr("Стан змінено: %1").arg(caseStateDisplayName(d.summary.state)));
    });
    connect(m_controller, &CaseViewController::dueDateExtended, this, [this](const CaseDetails &d) {
        m_message->setStyleSheet(QStringLiteral("color: #1b5e20; font-weight: bold;"));
        m_message->setText(tr("Строк продовжено до %1").arg(d.summary.dueDate.toString(QStringLiteral("dd.MM.yyyy"))));
    });
    connect(m_controller, &CaseViewController::conflict, this, [this](const QString &message, const TransitionRequest &request) {
        m_message->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold;"));
        m_message->setText(message);
        m_lastRequest = request;
    });
    connect(m_controller, &CaseViewController::failed, this, [this](const Error &e) {
        m_message->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold;"));
        m_message->setText(ErrorPresenter::text(e));
    });
    connect(m_controller, &CaseViewController::documentSaved, this,
            [this](const QString &path) { m_message->setStyleSheet(QString()); m_message->setText(tr("Збережено: %1").arg(path)); });
    connect(m_printer, &IntakeController::inventoryReady, this, [this](const CaseInventory &inv) {
        const QString number = inv.caseNumber;
        InventoryRenderer::printWithDialog(this, inv, [this, number]() { m_printer->recordPrinted(number); });
    });
    connect(m_printer, &IntakeController::inventoryWritten, this,
            [this](const QString &path) { m_message->setStyleSheet(QString()); m_message->setText(tr("Опис збережено: %1").arg(path)); });
    connect(m_printer, &IntakeController::failed, this, [this](const Error &e) { m_message->setText(ErrorPresenter::text(e)); });
}

void CaseViewPage::openCase(const QString &number)
{
    m_message->clear();
    m_lastRequest.reset();
    m_controller->open(number);
}

void CaseViewPage::addSection(QWidget *section)
{
    if (auto *box = qobject_cast<QBoxLayout *>(layout()))
        box->addWidget(section);
}

QList<QWidget *> CaseViewPage::transitionButtons() const
{
    QList<QWidget *> out;
    for (QPushButton *b : m_actionsBox->findChildren<QPushButton *>()) {
        if (b->objectName().startsWith(QStringLiteral("transitionButton_")))
            out.append(b);
    }
    return out;
}

void CaseViewPage::showDetails()
{
    const auto &d = m_controller->details();
    if (!d)
        return;
    const CaseSummary &s = d->summary;
    QString due = s.dueDate.toString(QStringLiteral("dd.MM.yyyy"));
    if (s.dueFlag == DueFlag::Overdue)
        due = QStringLiteral("<span style='background:#ffcdd2; color:#b71c1c'><b>%1 — %2</b></span>").arg(due, dueFlagDisplayName(s.dueFlag));
    else if (s.dueFlag == DueFlag::NearDue)
        due = QStringLiteral("<span style='background:#fff0b3'><b>%1 — %2</b></span>").arg(due, dueFlagDisplayName(s.dueFlag));
    m_header->setText(tr("<span style='font-size:15pt'><b>Справа № %1</b></span> &nbsp; <b>%2</b><br>"
                         "Заявник: %3<br>Послуга: %4 %5<br>Суб'єкт надання: %6<br>Зареєстровано: %7 (%8) &nbsp; "
                         "Граничний строк: %9")
                          .arg(s.number.toHtmlEscaped(), caseStateDisplayName(s.state).toHtmlEscaped(),
                               s.applicantName.toHtmlEscaped(), s.serviceCode, s.serviceName.toHtmlEscaped(),
                               d->providerName.toHtmlEscaped(),
                               s.registeredAt.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm")),
                               d->registeredBy.toHtmlEscaped(), due));
    rebuildActions();
}

void CaseViewPage::rebuildActions()
{
    for (QWidget *w : m_actionsBox->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
        delete w;  // now, so the buttons on screen are exactly the current state's
    int n = 0;
    for (CaseState target : m_controller->availableTransitions()) {
        auto *b = new QPushButton(caseStateDisplayName(target), m_actionsBox);
        b->setObjectName(QStringLiteral("transitionButton_") + caseStateKey(target));
        if (++n <= 9) {
            b->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_0 + n)));
            b->setToolTip(tr("Alt+%1").arg(n));
        }
        const int t = static_cast<int>(target);
        connect(b, &QPushButton::clicked, this, [this, t]() { askTransition(t); });
        m_actions->addWidget(b);
    }
    if (m_controller->canExtendDueDate()) {
        auto *extend = new QPushButton(tr("Продовжити строк… (Ctrl+E)"), m_actionsBox);
        extend->setObjectName(QStringLiteral("extendDueButton"));
        extend->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
        connect(extend, &QPushButton::clicked, this, &CaseViewPage::askExtendDueDate);
        m_actions->addWidget(extend);
        ++n;
    }
    if (n == 0) {
        auto *none = new QLabel(tr("Справу завершено: дій немає."), m_actionsBox);
        m_actions->addWidget(none);
    }
}

void CaseViewPage::askExtendDueDate()
{
    const auto &d = m_controller->details();
    if (!d)
        return;
    auto *dialog = new ExtendDueDialog(d->summary.dueDate, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog]() { m_controller->extendDueDate(dialog->newDueDate(), dialog->legalReason()); });
    dialog->open();
}

void CaseViewPage::askTransition(int targetState)
{
    const auto &d = m_controller->details();
    if (!d)
        return;
    const auto target = static_cast<CaseState>(targetState);
    auto *dialog = new TransitionDialog(d->summary.state, target, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_lastRequest && m_lastRequest->to == target)
        dialog->setRequest(*m_lastRequest);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() {
        m_lastRequest = dialog->request();
        m_controller->transition(dialog->request());
    });
    dialog->open();
}

void CaseViewPage::saveDocumentCopy()
{
    const CaseDocument *doc = m_controller->documents()->documentAt(m_documents->currentIndex().row());
    if (!doc)
        return;
    const int position = doc->position;
    auto *dialog = new QFileDialog(this, tr("Зберегти копію файла"), doc->fileName);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, position](const QString &path) { m_controller->saveDocument(position, path); });
    dialog->open();
}

void CaseViewPage::reprint()
{
    if (const auto &d = m_controller->details())
        m_printer->fetchInventory(d->summary.number);
}

void CaseViewPage::savePdf()
{
    const auto &d = m_controller->details();
    if (!d)
        return;
    const QString number = d->summary.number;
    auto *dialog = new QFileDialog(this, tr("Зберегти опис"), tr("опис-%1.pdf").arg(number), tr("PDF (*.pdf)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, number](const QString &path) { m_printer->writeInventoryPdf(number, path); });
    dialog->open();
}

} // namespace cnap::gui::desk
