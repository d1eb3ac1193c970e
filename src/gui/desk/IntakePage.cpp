#include "gui/desk/IntakePage.h"

#include "gui/common/ErrorPresenter.h"
#include "gui/desk/IntakeController.h"
#include "gui/desk/IntakeModels.h"
#include "gui/desk/InventoryRenderer.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace cnap::gui::desk {
namespace {

/// Original / copy / both as a combo box in the checklist.
class FormDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *box = new QComboBox(parent);
        for (DocumentForm f : {DocumentForm::Original, DocumentForm::Copy, DocumentForm::OriginalAndCopy})
            box->addItem(documentFormDisplayName(f), static_cast<int>(f));
        return box;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *box = static_cast<QComboBox *>(editor);
        box->setCurrentIndex(std::max(0, box->findData(index.data(Qt::EditRole))));
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QComboBox *>(editor)->currentData(), Qt::EditRole);
    }
};

QString money(qint64 kopecks)
{
    return QStringLiteral("%1.%2").arg(kopecks / 100).arg(kopecks % 100, 2, 10, QLatin1Char('0'));
}

} // namespace

IntakePage::IntakePage(AppContext context, DeskServicesPtr services, QWidget *parent)
    : QWidget(parent), m_context(std::move(context)), m_services(std::move(services)),
      m_controller(new IntakeController(m_context, m_services, this)), m_serviceDebounce(new QTimer(this))
{
    setObjectName(QStringLiteral("intakePage"));
    setAcceptDrops(true);
    buildUi();
    m_serviceDebounce->setSingleShot(true);
    m_serviceDebounce->setInterval(250);
    connect(m_serviceDebounce, &QTimer::timeout, this, [this]() { m_controller->searchServices(m_serviceSearch->text()); });
    connect(m_serviceSearch, &QLineEdit::textChanged, m_serviceDebounce, qOverload<>(&QTimer::start));
    connect(m_controller, &IntakeController::fieldError, this, [this](const QString &field, const QString &message) {
        QString key = field;
        if (key.startsWith(QStringLiteral("attachments")))
            key = QStringLiteral("attachments");
        else if (key.startsWith(QStringLiteral("applicant")))
            key = QStringLiteral("applicant");
        else if (key.startsWith(QStringLiteral("checklist")))
            key = QStringLiteral("checklist");
        if (!m_feedback.show(key, message))
            m_result->setText(message);
    });
    connect(m_controller, &IntakeController::fieldsCleared, this, [this]() { m_feedback.clearAll(); });
    connect(m_controller, &IntakeController::failed, this, [this](const Error &e) {
        if (e.code != ErrorCode::InvalidArgument)
            m_result->setText(ErrorPresenter::text(e));
    });
    connect(m_controller, &IntakeController::applicantChanged, this, [this]() {
        const auto &a = m_controller->applicant();
        m_applicantLabel->setText(!a ? tr("не обрано — знайдіть або створіть заявника (F2)")
                                     : a->id > 0 ? a->displayName() : tr("%1 (новий)").arg(a->displayName()));
        m_feedback.clear(QStringLiteral("applicant"));
    });
    connect(m_controller, &IntakeController::cardChanged, this, &IntakePage::showCard);
    connect(m_controller, &IntakeController::caseRegistered, this, [this](const CaseDetails &d) {
        m_result->setStyleSheet(QStringLiteral("font-size: 14pt; font-weight: bold; color: #1b5e20;"));
        m_result->setText(tr("Зареєстровано: справа № %1, граничний строк %2")
                              .arg(d.summary.number, d.summary.dueDate.toString(QStringLiteral("dd.MM.yyyy"))));
        m_print->setEnabled(true);
        m_savePdf->setEnabled(true);
        m_register->setEnabled(false);
        m_print->setFocus();
        Q_EMIT caseRegistered(d.summary.number);
    });
    connect(m_controller, &IntakeController::inventoryReady, this, [this](const CaseInventory &inv) {
        const QString number = inv.caseNumber;
        InventoryRenderer::printWithDialog(this, inv, [this, number]() { m_controller->recordPrinted(number); });
    });
    connect(m_controller, &IntakeController::inventoryWritten, this,
            [this](const QString &path) { m_result->setText(tr("Опис збережено: %1").arg(path)); });
    connect(m_controller->services(), &QAbstractItemModel::modelReset, this, [this]() {
        if (m_pendingServiceCode.isEmpty())
            return;
        for (int r = 0; r < m_controller->services()->rowCount(); ++r) {
            const ServiceCard *c = m_controller->services()->cardAt(r);
            if (c && c->code.value() == m_pendingServiceCode) {
                m_pendingServiceCode.clear();
                m_serviceList->setCurrentIndex(m_controller->services()->index(r));
                m_controller->selectService(*c);
                return;
            }
        }
    });
    m_controller->searchServices(QString());
}

void IntakePage::startForTicket(const QString &ticketNumber, const QString &serviceCode)
{
    startNew();
    m_pendingServiceCode = serviceCode;
    m_serviceSearch->setText(serviceCode);
    m_result->setText(tr("Відвідувач за талоном %1: знайдіть або створіть заявника (F2).").arg(ticketNumber));
}

void IntakePage::startForOnlineApplication(const QString &portalId, const QString &serviceCode)
{
    startNew();
    m_pendingServiceCode = serviceCode;
    m_serviceSearch->setText(serviceCode);
    m_result->setText(tr("Онлайн-заява %1: знайдіть або створіть заявника (F2).").arg(portalId));
}

QWidget *IntakePage::withError(QWidget *field, const QString &key, const QString &objectName)
{
    auto *box = new QWidget(this);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(1);
    v->addWidget(field);
    QLabel *error = makeErrorLabel(box, objectName + QStringLiteral("Error"));
    v->addWidget(error);
    m_feedback.bind(key, field, error);
    return box;
}

void IntakePage::buildUi()
{
    auto *grid = new QGridLayout(this);

    // Applicant and service (left column)
    auto *who = new QGroupBox(tr("Заявник"), this);
    auto *wl = new QHBoxLayout(who);
    m_applicantLabel = new QLabel(tr("не обрано — знайдіть або створіть заявника (F2)"), this);
    m_applicantLabel->setObjectName(QStringLiteral("intakeApplicantLabel"));
    auto *find = new QPushButton(tr("Знайти (F2)"), this);
    find->setObjectName(QStringLiteral("findApplicantButton"));
    connect(find, &QPushButton::clicked, this, &IntakePage::applicantSearchRequested);
    wl->addWidget(withError(m_applicantLabel, QStringLiteral("applicant"), QStringLiteral("intakeApplicantLabel")), 1);
    wl->addWidget(find);
    grid->addWidget(who, 0, 0);

    auto *svc = new QGroupBox(tr("Послуга"), this);
    auto *sl = new QVBoxLayout(svc);
    m_serviceSearch = new QLineEdit(this);
    m_serviceSearch->setObjectName(QStringLiteral("serviceSearchLineEdit"));
    m_serviceSearch->setPlaceholderText(tr("Слова з назви або код послуги"));
    m_serviceSearch->setClearButtonEnabled(true);
    sl->addWidget(withError(m_serviceSearch, QStringLiteral("serviceCode"), QStringLiteral("serviceSearchLineEdit")));
    m_serviceList = new QListView(this);
    m_serviceList->setObjectName(QStringLiteral("serviceListView"));
    m_serviceList->setModel(m_controller->services());
    m_serviceList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_serviceList->setWordWrap(true);
    m_serviceList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_serviceList->setAlternatingRowColors(true);
    sl->addWidget(m_serviceList, 1);
    m_cardLabel = new QLabel(this);
    m_cardLabel->setObjectName(QStringLiteral("serviceCardLabel"));
    m_cardLabel->setWordWrap(true);
    sl->addWidget(m_cardLabel);
    auto choose = [this](const QModelIndex &i) {
        if (const ServiceCard *c = m_controller->services()->cardAt(i.row()))
            m_controller->selectService(*c);
    };
    connect(m_serviceList, &QListView::activated, this, choose);
    connect(m_serviceList, &QListView::clicked, this, choose);
    grid->addWidget(svc, 1, 0, 2, 1);

    // Checklist and files (middle)
    auto *docs = new QGroupBox(tr("Документи (опис)"), this);
    auto *dl = new QVBoxLayout(docs);
    m_checklist = new QTableView(this);
    m_checklist->setObjectName(QStringLiteral("checklistView"));
    m_checklist->setModel(m_controller->checklist());
    m_checklist->setItemDelegateForColumn(ChecklistModel::FormColumn, new FormDelegate(m_checklist));
    m_checklist->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_checklist->horizontalHeader()->setSectionResizeMode(ChecklistModel::NameColumn, QHeaderView::Stretch);
    m_checklist->setWordWrap(true);
    m_checklist->verticalHeader()->hide();
    m_checklist->setEditTriggers(QAbstractItemView::AllEditTriggers);
    dl->addWidget(withError(m_checklist, QStringLiteral("checklist"), QStringLiteral("checklistView")), 1);
    auto *allProvided = new QPushButton(tr("Усі подано (Ctrl+D)"), this);
    allProvided->setObjectName(QStringLiteral("allProvidedButton"));
    allProvided->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(allProvided, &QPushButton::clicked, this, [this]() { m_controller->checklist()->markAllProvided(); });
    dl->addWidget(allProvided, 0, Qt::AlignLeft);
    grid->addWidget(docs, 0, 1, 2, 1);

    auto *files = new QGroupBox(tr("Скановані файли — PDF, JPEG, PNG, TIFF (перетягніть сюди)"), this);
    auto *fl = new QVBoxLayout(files);
    m_files = new QTableView(this);
    m_files->setObjectName(QStringLiteral("attachmentsView"));
    m_files->setModel(m_controller->attachments());
    m_files->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_files->horizontalHeader()->setSectionResizeMode(AttachmentModel::FileNameColumn, QHeaderView::Stretch);
    m_files->verticalHeader()->hide();
    m_files->setSelectionBehavior(QAbstractItemView::SelectRows);
    fl->addWidget(withError(m_files, QStringLiteral("attachments"), QStringLiteral("attachmentsView")), 1);
    auto *fileButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Додати файл… (Ctrl+O)"), this);
    add->setObjectName(QStringLiteral("addAttachmentButton"));
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    connect(add, &QPushButton::clicked, this, &IntakePage::addFilesFromDialog);
    auto *remove = new QPushButton(tr("Вилучити"), this);
    remove->setObjectName(QStringLiteral("removeAttachmentButton"));
    connect(remove, &QPushButton::clicked, this, [this]() { m_controller->removeFile(m_files->currentIndex().row()); });
    fileButtons->addWidget(add);
    fileButtons->addWidget(remove);
    fileButtons->addStretch();
    fl->addLayout(fileButtons);
    grid->addWidget(files, 2, 1);

    // Details (right)
    auto *det = new QGroupBox(tr("Реквізити звернення"), this);
    auto *form = new QFormLayout(det);
    m_fee = new QLineEdit(this);
    m_fee->setObjectName(QStringLiteral("feeLineEdit"));
    m_fee->setPlaceholderText(tr("за карткою"));
    form->addRow(tr("Збір, грн"), withError(m_fee, QStringLiteral("feeKopecks"), QStringLiteral("feeLineEdit")));
    m_payment = new QLineEdit(this);
    m_payment->setObjectName(QStringLiteral("paymentEvidenceLineEdit"));
    m_payment->setPlaceholderText(tr("№ квитанції / платежу"));
    form->addRow(tr("Оплата"), withError(m_payment, QStringLiteral("paymentEvidence"), QStringLiteral("paymentEvidenceLineEdit")));
    m_delivery = new QComboBox(this);
    m_delivery->setObjectName(QStringLiteral("deliveryComboBox"));
    for (DeliveryMethod d : {DeliveryMethod::InPerson, DeliveryMethod::Post, DeliveryMethod::Email})
        m_delivery->addItem(deliveryMethodDisplayName(d), static_cast<int>(d));
    form->addRow(tr("Отримання результату"), m_delivery);
    m_contact = new QLineEdit(this);
    m_contact->setObjectName(QStringLiteral("contactLineEdit"));
    m_contact->setPlaceholderText(tr("поштова адреса або e-mail"));
    form->addRow(tr("Куди надіслати"), withError(m_contact, QStringLiteral("contact"), QStringLiteral("contactLineEdit")));
    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("channelComboBox"));
    for (IntakeChannel c : {IntakeChannel::InPerson, IntakeChannel::Representative, IntakeChannel::Post, IntakeChannel::Online})
        m_channel->addItem(intakeChannelDisplayName(c), static_cast<int>(c));
    form->addRow(tr("Спосіб звернення"), m_channel);
    m_representative = new QLineEdit(this);
    m_representative->setObjectName(QStringLiteral("representativeLineEdit"));
    m_representative->setPlaceholderText(tr("ПІБ, довіреність № … від …"));
    form->addRow(tr("Представник"), withError(m_representative, QStringLiteral("representative"), QStringLiteral("representativeLineEdit")));
    m_objectAddress = new QLineEdit(this);
    m_objectAddress->setObjectName(QStringLiteral("objectAddressLineEdit"));
    form->addRow(tr("Адреса об'єкта"), withError(m_objectAddress, QStringLiteral("objectAddress"), QStringLiteral("objectAddressLineEdit")));
    grid->addWidget(det, 0, 2, 2, 1);

    auto *actions = new QVBoxLayout;
    m_register = new QPushButton(tr("Зареєструвати (Ctrl+Enter)"), this);
    m_register->setObjectName(QStringLiteral("registerCaseButton"));
    m_register->setStyleSheet(QStringLiteral("font-weight: bold; padding: 8px;"));
    m_print = new QPushButton(tr("Друкувати опис (Ctrl+P)"), this);
    m_print->setObjectName(QStringLiteral("printInventoryButton"));
    m_savePdf = new QPushButton(tr("Зберегти опис у PDF…"), this);
    m_savePdf->setObjectName(QStringLiteral("saveInventoryPdfButton"));
    m_print->setEnabled(false);
    m_savePdf->setEnabled(false);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("intakeResultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    actions->addWidget(m_register);
    actions->addWidget(m_print);
    actions->addWidget(m_savePdf);
    actions->addWidget(m_result);
    actions->addStretch();
    grid->addLayout(actions, 2, 2);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 4);
    grid->setColumnStretch(2, 3);

    for (QKeySequence k : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *sc = new QShortcut(k, this);
        sc->setContext(Qt::WidgetWithChildrenShortcut);
        connect(sc, &QShortcut::activated, m_register, &QPushButton::click);
    }
    auto *printShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_P), this);
    printShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(printShortcut, &QShortcut::activated, this, &IntakePage::printInventory);
    connect(m_register, &QPushButton::clicked, this, [this]() {
        pushDetails();
        m_result->setStyleSheet(QString());
        m_result->clear();
        m_controller->registerCase();
    });
    connect(m_print, &QPushButton::clicked, this, &IntakePage::printInventory);
    connect(m_savePdf, &QPushButton::clicked, this, &IntakePage::saveInventoryPdf);
}

void IntakePage::pushDetails()
{
    IntakeDetails d;
    const QString fee = m_fee->text().trimmed().replace(u',', u'.');
    m_feedback.clear(QStringLiteral("feeKopecks"));
    if (!fee.isEmpty()) {
        bool ok = false;
        const double value = fee.toDouble(&ok);
        if (!ok || value < 0) {
            m_feedback.show(QStringLiteral("feeKopecks"), tr("Збір: введіть суму в гривнях, наприклад 85.00"));
            d.feeKopecks = -1;
        } else {
            d.feeKopecks = qRound64(value * 100);
        }
    }
    d.paymentEvidence = m_payment->text();
    d.delivery = static_cast<DeliveryMethod>(m_delivery->currentData().toInt());
    d.contact = m_contact->text();
    d.channel = static_cast<IntakeChannel>(m_channel->currentData().toInt());
    d.representative = m_representative->text();
    d.objectAddress = m_objectAddress->text();
    m_controller->setDetails(d);
}

void IntakePage::showCard()
{
    const auto &c = m_controller->card();
    if (!c) {
        m_cardLabel->clear();
        return;
    }
    m_feedback.clear(QStringLiteral("serviceCode"));
    m_cardLabel->setText(tr("<b>%1 %2</b><br>Суб'єкт надання: %3<br>Строк: %4; збір: %5")
                             .arg(c->code.value(), c->name.toHtmlEscaped(), c->provider.name.toHtmlEscaped(),
                                  termDisplay(c->term, c->termUnit),
                                  c->feeKopecks == 0 ? tr("безоплатно") : tr("%1 грн").arg(money(c->feeKopecks))));
    m_checklist->setFocus();
}

void IntakePage::startNew()
{
    m_controller->reset();
    for (QLineEdit *e : {m_fee, m_payment, m_contact, m_representative, m_objectAddress, m_serviceSearch})
        e->clear();
    m_delivery->setCurrentIndex(0);
    m_channel->setCurrentIndex(0);
    m_result->clear();
    m_result->setStyleSheet(QString());
    m_register->setEnabled(true);
    m_print->setEnabled(false);
    m_savePdf->setEnabled(false);
    m_serviceSearch->setFocus();
}

void IntakePage::setApplicant(const Applicant &applicant)
{
    if (m_controller->registered())
        startNew();
    m_controller->setApplicant(applicant);
    m_serviceSearch->setFocus();
}

void IntakePage::printInventory()
{
    if (const auto &r = m_controller->registered())
        m_controller->fetchInventory(r->summary.number);
}

void IntakePage::saveInventoryPdf()
{
    const auto &r = m_controller->registered();
    if (!r)
        return;
    const QString number = r->summary.number;
    auto *dialog = new QFileDialog(this, tr("Зберегти опис"),
                                   QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/'
                                       + tr("опис-%1.pdf").arg(number),
                                   tr("PDF (*.pdf)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, number](const QString &path) { m_controller->writeInventoryPdf(number, path); });
    dialog->open();
}

void IntakePage::addFilesFromDialog()
{
    auto *dialog = new QFileDialog(this, tr("Додати скановані документи"), QString(),
                                   tr("Скани (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"));
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filesSelected, this, [this](const QStringList &paths) {
        m_feedback.clear(QStringLiteral("attachments"));
        for (const QString &p : paths)
            m_controller->addFilePath(p);
    });
    dialog->open();
}

void IntakePage::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void IntakePage::dropEvent(QDropEvent *event)
{
    m_feedback.clear(QStringLiteral("attachments"));
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            m_controller->addFilePath(url.toLocalFile());
    }
    event->acceptProposedAction();
}

} // namespace cnap::gui::desk
