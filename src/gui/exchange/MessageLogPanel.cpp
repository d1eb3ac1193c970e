#include "gui/exchange/MessageLogPanel.h"

#include "gui/common/ErrorPresenter.h"
#include "gui/exchange/ExchangeFormat.h"
#include "gui/exchange/ExchangeModels.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace cnap::gui::exchange {

// ------------------------------------------------------------------ entry dialog

MessageEntryDialog::MessageEntryDialog(MessageLogDocument document, MessageLogController *controller, QWidget *parent)
    : QDialog(parent), m_document(std::move(document)), m_controller(controller)
{
    setObjectName(QStringLiteral("messageEntryDialog"));
    const storage::MessageLogEntry &e = m_document.entry;
    setWindowTitle(tr("%1 %2").arg(logDirectionDisplayName(e.direction), e.messageId));
    resize(900, 640);
    auto *layout = new QVBoxLayout(this);
    auto *header = new QLabel(this);
    header->setObjectName(QStringLiteral("messageEntryHeaderLabel"));
    header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    header->setWordWrap(true);
    header->setText(tr("<b>%1</b> %2 &nbsp; повідомлення <b>%3</b>, справа %4, сервіс %5<br>"
                       "HTTP: %6 &nbsp; тип: %7 &nbsp; розмір: %8 Б<br>результат: %9<br>SHA-256: <tt>%10</tt>")
                        .arg(logDirectionDisplayName(e.direction).toHtmlEscaped(), timeText(e.atMs), e.messageId.toHtmlEscaped(),
                             e.caseNumber.isEmpty() ? tr("—") : e.caseNumber.toHtmlEscaped(), e.serviceCode.toHtmlEscaped(),
                             e.httpStatus > 0 ? QString::number(e.httpStatus) : tr("—"),
                             e.contentType.isEmpty() ? tr("—") : e.contentType.toHtmlEscaped())
                        .arg(e.body.size())
                        .arg(logOutcomeDisplayName(e.outcome).toHtmlEscaped(), e.sha256));
    layout->addWidget(header);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("messageEntryTextEdit"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlainText(m_document.text);
    layout->addWidget(m_text, 1);
    if (!m_document.note.isEmpty()) {
        auto *note = new QLabel(m_document.note, this);
        note->setObjectName(QStringLiteral("messageEntryNoteLabel"));
        note->setWordWrap(true);
        note->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(note);
    }
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("messageEntryStatusLabel"));
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *copy = buttons->addButton(tr("Копіювати текст"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyMessageButton"));
    auto *save = buttons->addButton(tr("Зберегти як є…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("saveMessageButton"));
    save->setToolTip(tr("Зберегти байти повідомлення точно так, як їх надіслано чи отримано (Ctrl+S)"));
    save->setEnabled(!e.body.isEmpty());
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(copy, &QPushButton::clicked, this, &MessageEntryDialog::copyText);
    connect(save, &QPushButton::clicked, this, &MessageEntryDialog::saveAs);
    auto *saveKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_S), this);
    connect(saveKey, &QShortcut::activated, this, &MessageEntryDialog::saveAs);

    if (m_controller) {
        connect(m_controller, &MessageLogController::saved, this,
                [this](const QString &path) { m_status->setText(tr("Збережено: %1").arg(path)); });
    }
}

void MessageEntryDialog::copyText()
{
    QApplication::clipboard()->setText(m_document.text);
    m_status->setText(tr("Текст скопійовано."));
}

void MessageEntryDialog::saveAs()
{
    if (!m_controller || m_document.entry.body.isEmpty())
        return;
    const QString suffix = m_document.entry.contentType.startsWith(QStringLiteral("multipart/")) ? QStringLiteral("mime") : QStringLiteral("xml");
    auto *dialog = new QFileDialog(this, tr("Зберегти повідомлення"),
                                   QStringLiteral("%1-%2.%3").arg(m_document.entry.messageId, m_document.entry.direction, suffix));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QByteArray body = m_document.entry.body;
    connect(dialog, &QFileDialog::fileSelected, this, [this, body](const QString &path) { m_controller->saveBody(body, path); });
    dialog->open();
}

// ------------------------------------------------------------------ panel

MessageLogPanel::MessageLogPanel(AppContext context, QWidget *parent)
    : QWidget(parent), m_controller(new MessageLogController(std::move(context), this))
{
    setObjectName(QStringLiteral("messageLogPanel"));
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Ідентифікатор повідомлення:"), this));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("messageIdFilterLineEdit"));
    m_filter->setPlaceholderText(tr("усі повідомлення"));
    m_filter->setClearButtonEnabled(true);
    bar->addWidget(m_filter, 1);
    auto *find = new QPushButton(tr("Показати"), this);
    find->setObjectName(QStringLiteral("messageLogFilterButton"));
    bar->addWidget(find);
    auto *open = new QPushButton(tr("Відкрити (Enter)"), this);
    open->setObjectName(QStringLiteral("openMessageButton"));
    bar->addWidget(open);
    layout->addLayout(bar);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("messageLogView"));
    m_view->setModel(m_controller->model());
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setColumnWidth(MessageLogModel::TimeColumn, 140);
    m_view->setColumnWidth(MessageLogModel::DirectionColumn, 80);
    m_view->setColumnWidth(MessageLogModel::MessageIdColumn, 270);
    m_view->setColumnWidth(MessageLogModel::CaseNumberColumn, 130);
    m_view->setColumnWidth(MessageLogModel::ServiceColumn, 220);
    m_view->setColumnWidth(MessageLogModel::HttpStatusColumn, 50);
    m_view->setColumnWidth(MessageLogModel::OutcomeColumn, 220);
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("messageLogStatusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    const auto applyFilter = [this]() { m_controller->setMessageFilter(m_filter->text()); };
    connect(m_filter, &QLineEdit::returnPressed, this, applyFilter);
    connect(find, &QPushButton::clicked, this, applyFilter);
    connect(open, &QPushButton::clicked, this, &MessageLogPanel::openCurrent);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &) { openCurrent(); });
    connect(m_controller, &MessageLogController::loaded, this, [this](int rows) {
        m_status->setStyleSheet(QString());
        m_status->setText(m_controller->model()->hasMore() ? tr("Показано записів: %1 (прокрутіть донизу, щоб завантажити старіші)").arg(rows)
                                                           : tr("Показано записів: %1").arg(rows));
    });
    connect(m_controller, &MessageLogController::failed, this, [this](const Error &e) {
        m_status->setStyleSheet(QStringLiteral("color: #b71c1c;"));
        m_status->setText(ErrorPresenter::text(e));
    });
    connect(m_controller, &MessageLogController::entryReady, this, [this](const MessageLogDocument &d) {
        auto *dialog = new MessageEntryDialog(d, m_controller, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        Q_EMIT entryOpened(dialog);
    });
}

void MessageLogPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    activate();
}

void MessageLogPanel::activate()
{
    if (m_loadedOnce)
        return;
    m_loadedOnce = true;
    m_controller->reload();
}

void MessageLogPanel::showMessage(const QString &messageId)
{
    m_loadedOnce = true;
    m_filter->setText(messageId);
    m_controller->setMessageFilter(messageId);
}

void MessageLogPanel::openCurrent()
{
    const storage::MessageLogEntry *e = m_controller->model()->entryAt(m_view->currentIndex().row());
    if (e)
        m_controller->openEntry(e->id);
}

} // namespace cnap::gui::exchange
