#include "gui/kiosk/KioskWindow.h"

#include "gui/kiosk/KioskController.h"
#include "gui/queue/QueueFormat.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace cnap::gui {

namespace {
// Booking codes use this alphabet (QueueService::book): no look-alike characters.
const QString kCodeAlphabet = QStringLiteral("ACDEFHJKLMNPRTUVWXY34679");
constexpr int kCodeLength = 6;
constexpr int kIdleMs = 45000;
constexpr int kResultMs = 20000;

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("font-size: 30px; font-weight: bold; color: #0b1a2b;"));
    return label;
}
} // namespace

KioskWindow::KioskWindow(const AppContext &context, QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("kioskWindow"));
    setWindowTitle(tr("Кіоск електронної черги"));
    setStyleSheet(QStringLiteral(
        "QWidget#kioskWindow { background: #eef3f8; }"
        "QPushButton { font-size: 24px; min-height: 96px; padding: 8px 16px; border-radius: 10px;"
        " background: #1f5f99; color: white; border: none; }"
        "QPushButton:pressed { background: #163f66; }"
        "QPushButton:disabled { background: #9aa9b8; }"
        "QPushButton[secondary=\"true\"] { background: #d5dee8; color: #0b1a2b; }"));
    m_controller = new KioskController(context, this);

    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(32, 24, 32, 24);
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("kioskStack"));
    root->addWidget(m_stack, 1);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("kioskMessageLabel"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("font-size: 22px; color: #b00020; font-weight: bold;"));
    m_message->hide();
    root->addWidget(m_message);

    // Start: the queues, and the booking check-in.
    auto *start = new QWidget(m_stack);
    auto *startLayout = new QVBoxLayout(start);
    startLayout->addWidget(heading(tr("Оберіть послугу, щоб отримати талон"), start));
    m_queueGrid = new QGridLayout;
    m_queueGrid->setSpacing(16);
    startLayout->addLayout(m_queueGrid, 1);
    QPushButton *booking = bigButton(tr("Я маю попередній запис — ввести код"), QStringLiteral("bookingButton"), start);
    booking->setProperty("secondary", true);
    connect(booking, &QPushButton::clicked, this, [this]() {
        m_code->clear();
        showPage(BookingPage);
    });
    startLayout->addWidget(booking);
    m_stack->addWidget(start);

    // Services of the chosen queue.
    auto *servicesPage = new QWidget(m_stack);
    auto *servicesLayout = new QVBoxLayout(servicesPage);
    m_serviceTitle = heading(QString(), servicesPage);
    servicesLayout->addWidget(m_serviceTitle);
    m_serviceGrid = new QGridLayout;
    m_serviceGrid->setSpacing(12);
    servicesLayout->addLayout(m_serviceGrid, 1);
    QPushButton *back1 = bigButton(tr("← Назад"), QStringLiteral("serviceBackButton"), servicesPage);
    back1->setProperty("secondary", true);
    connect(back1, &QPushButton::clicked, this, [this]() { showPage(StartPage); });
    servicesLayout->addWidget(back1);
    m_stack->addWidget(servicesPage);

    // Priority category (optional).
    auto *priorityPage = new QWidget(m_stack);
    auto *priorityLayout = new QVBoxLayout(priorityPage);
    priorityLayout->addWidget(heading(tr("Маєте право на позачергове обслуговування?"), priorityPage));
    auto *note = new QLabel(tr("Документ, що підтверджує право, покажіть адміністратору у вікні."), priorityPage);
    note->setAlignment(Qt::AlignCenter);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("font-size: 20px; color: #333;"));
    priorityLayout->addWidget(note);
    QPushButton *regular = bigButton(tr("Ні — звичайна черга"), QStringLiteral("regularButton"), priorityPage);
    connect(regular, &QPushButton::clicked, this, [this]() { m_controller->issue(m_service, QString()); });
    priorityLayout->addWidget(regular);
    m_categoryGrid = new QGridLayout;
    m_categoryGrid->setSpacing(12);
    priorityLayout->addLayout(m_categoryGrid, 1);
    QPushButton *back2 = bigButton(tr("← Назад"), QStringLiteral("priorityBackButton"), priorityPage);
    back2->setProperty("secondary", true);
    connect(back2, &QPushButton::clicked, this, [this]() { showPage(StartPage); });
    priorityLayout->addWidget(back2);
    m_stack->addWidget(priorityPage);

    // Booking code keypad.
    auto *bookingPage = new QWidget(m_stack);
    auto *bookingLayout = new QVBoxLayout(bookingPage);
    bookingLayout->addWidget(heading(tr("Введіть код запису"), bookingPage));
    m_code = new QLineEdit(bookingPage);
    m_code->setObjectName(QStringLiteral("bookingCodeLineEdit"));
    m_code->setReadOnly(true);
    m_code->setMaxLength(kCodeLength);
    m_code->setAlignment(Qt::AlignCenter);
    m_code->setStyleSheet(QStringLiteral("font-size: 44px; font-weight: bold; letter-spacing: 8px; min-height: 80px;"));
    bookingLayout->addWidget(m_code);
    auto *keys = new QGridLayout;
    keys->setSpacing(8);
    for (qsizetype i = 0; i < kCodeAlphabet.size(); ++i) {
        const QChar c = kCodeAlphabet.at(i);
        QPushButton *key = bigButton(QString(c), QStringLiteral("keyButton_") + c, bookingPage);
        key->setMinimumHeight(72);
        connect(key, &QPushButton::clicked, this, [this, c]() {
            if (m_code->text().size() < kCodeLength)
                m_code->setText(m_code->text() + c);
        });
        keys->addWidget(key, static_cast<int>(i / 8), static_cast<int>(i % 8));
    }
    bookingLayout->addLayout(keys, 1);
    auto *bookingButtons = new QHBoxLayout;
    QPushButton *back3 = bigButton(tr("← Назад"), QStringLiteral("bookingBackButton"), bookingPage);
    back3->setProperty("secondary", true);
    connect(back3, &QPushButton::clicked, this, [this]() { showPage(StartPage); });
    QPushButton *erase = bigButton(tr("⌫ Стерти"), QStringLiteral("eraseButton"), bookingPage);
    erase->setProperty("secondary", true);
    connect(erase, &QPushButton::clicked, this, [this]() { m_code->setText(m_code->text().chopped(m_code->text().isEmpty() ? 0 : 1)); });
    QPushButton *checkIn = bigButton(tr("Підтвердити"), QStringLiteral("checkInButton"), bookingPage);
    connect(checkIn, &QPushButton::clicked, this, [this]() { m_controller->checkIn(m_code->text()); });
    bookingButtons->addWidget(back3);
    bookingButtons->addWidget(erase);
    bookingButtons->addWidget(checkIn, 2);
    bookingLayout->addLayout(bookingButtons);
    m_stack->addWidget(bookingPage);

    // The issued ticket.
    auto *result = new QWidget(m_stack);
    auto *resultLayout = new QVBoxLayout(result);
    resultLayout->addWidget(heading(tr("Ваш талон"), result));
    m_number = new QLabel(result);
    m_number->setObjectName(QStringLiteral("ticketNumberLabel"));
    m_number->setAlignment(Qt::AlignCenter);
    m_number->setStyleSheet(QStringLiteral("font-size: 120px; font-weight: bold; color: #0b1a2b;"));
    resultLayout->addWidget(m_number, 1);
    for (QLabel **label : {&m_resultService, &m_ahead, &m_estimate, &m_printStatus}) {
        *label = new QLabel(result);
        (*label)->setAlignment(Qt::AlignCenter);
        (*label)->setWordWrap(true);
        (*label)->setStyleSheet(QStringLiteral("font-size: 26px; color: #0b1a2b;"));
        resultLayout->addWidget(*label);
    }
    m_resultService->setObjectName(QStringLiteral("resultServiceLabel"));
    m_ahead->setObjectName(QStringLiteral("aheadLabel"));
    m_estimate->setObjectName(QStringLiteral("estimateLabel"));
    m_printStatus->setObjectName(QStringLiteral("printStatusLabel"));
    m_printStatus->setStyleSheet(QStringLiteral("font-size: 20px; color: #333;"));
    QPushButton *done = bigButton(tr("Готово"), QStringLiteral("doneButton"), result);
    connect(done, &QPushButton::clicked, this, [this]() { showPage(StartPage); });
    resultLayout->addWidget(done);
    m_stack->addWidget(result);

    m_idle = new QTimer(this);
    m_idle->setSingleShot(true);
    m_idle->setInterval(kIdleMs);
    connect(m_idle, &QTimer::timeout, this, [this]() { showPage(StartPage); });

    connect(m_controller, &KioskController::catalogueLoaded, this, &KioskWindow::rebuildStart);
    connect(m_controller, &KioskController::issued, this, &KioskWindow::showResult);
    connect(m_controller, &KioskController::failed, this, &KioskWindow::showError);
    connect(m_controller, &KioskController::busyChanged, m_stack, [this](bool busy) { m_stack->setEnabled(!busy); });
    // Any touch restarts the timeout.
    m_stack->installEventFilter(this);

    showPage(StartPage);
    m_controller->loadCatalogue();
}

KioskWindow::~KioskWindow() = default;

KioskWindow::Page KioskWindow::page() const { return static_cast<Page>(m_stack->currentIndex()); }

void KioskWindow::setReturnTimeout(int ms) { m_idle->setInterval(ms); }

bool KioskWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::TouchBegin) {
        if (m_idle->isActive())
            m_idle->start();
    }
    return QWidget::eventFilter(watched, event);
}

QPushButton *KioskWindow::bigButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

void KioskWindow::clearGrid(QGridLayout *grid)
{
    while (QLayoutItem *item = grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

void KioskWindow::showPage(Page page)
{
    if (page == StartPage)
        m_message->hide();
    m_stack->setCurrentIndex(page);
    if (page == StartPage) {
        m_idle->stop();
    } else {
        m_idle->setInterval(page == ResultPage ? std::min(m_idle->interval(), kResultMs) : m_idle->interval());
        m_idle->start();
    }
}

void KioskWindow::rebuildStart()
{
    clearGrid(m_queueGrid);
    const auto &queues = m_controller->catalogue().queues;
    const int columns = queues.size() > 6 ? 3 : 2;
    for (qsizetype i = 0; i < queues.size(); ++i) {
        const queue::QueueGroup &q = queues.at(i);
        QPushButton *button = bigButton(q.name, QStringLiteral("queueButton%1").arg(i), m_stack->widget(StartPage));
        button->setProperty("queuePrefix", q.prefix);
        const qint64 id = q.id;
        connect(button, &QPushButton::clicked, this, [this, id]() { chooseQueue(id); });
        m_queueGrid->addWidget(button, static_cast<int>(i / columns), static_cast<int>(i % columns));
    }
    if (queues.isEmpty())
        showError(tr("Видача талонів зараз недоступна: черги ще не налаштовано. Зверніться до адміністратора."));
}

void KioskWindow::chooseQueue(qint64 queueId)
{
    const auto services = m_controller->servicesOf(queueId);
    if (services.size() == 1) {
        chooseService(services.first().code);
        return;
    }
    clearGrid(m_serviceGrid);
    for (const auto &q : m_controller->catalogue().queues) {
        if (q.id == queueId)
            m_serviceTitle->setText(q.name);
    }
    const int columns = services.size() > 8 ? 3 : 2;
    for (qsizetype i = 0; i < services.size(); ++i) {
        QPushButton *button = bigButton(services.at(i).name, QStringLiteral("serviceButton%1").arg(i), m_stack->widget(ServicePage));
        button->setProperty("serviceCode", services.at(i).code);
        button->setStyleSheet(QStringLiteral("font-size: 20px; min-height: 64px;"));
        const QString code = services.at(i).code;
        connect(button, &QPushButton::clicked, this, [this, code]() { chooseService(code); });
        m_serviceGrid->addWidget(button, static_cast<int>(i / columns), static_cast<int>(i % columns));
    }
    showPage(ServicePage);
}

void KioskWindow::chooseService(const QString &code)
{
    m_service = code;
    const auto &categories = m_controller->catalogue().categories;
    if (categories.isEmpty()) {
        m_controller->issue(code, QString());
        return;
    }
    clearGrid(m_categoryGrid);
    for (qsizetype i = 0; i < categories.size(); ++i) {
        const auto &c = categories.at(i);
        QPushButton *button = bigButton(c.name, QStringLiteral("categoryButton%1").arg(i), m_stack->widget(PriorityPage));
        button->setProperty("categoryKey", c.key);
        button->setProperty("secondary", true);
        button->setToolTip(tr("Потрібен документ: %1").arg(c.proof));
        button->setStyleSheet(QStringLiteral("font-size: 20px; min-height: 72px;"));
        const QString key = c.key;
        connect(button, &QPushButton::clicked, this, [this, key]() { m_controller->issue(m_service, key); });
        m_categoryGrid->addWidget(button, static_cast<int>(i), 0);
    }
    showPage(PriorityPage);
}

void KioskWindow::showResult(const services::IssuedTicket &ticket, const QString &printed, const QString &printError)
{
    m_number->setText(ticket.ticket.number);
    m_resultService->setText(ticket.serviceName);
    m_ahead->setText(ticket.ahead == 0 ? tr("Перед вами нікого немає") : tr("Перед вами: %1").arg(ticket.ahead));
    m_estimate->setText(tr("Орієнтовне очікування: %1").arg(formatEstimate(ticket.estimatedWaitSecs)));
    if (!printError.isEmpty())
        m_printStatus->setText(tr("Талон не надруковано (%1). Запам'ятайте номер або зверніться до адміністратора.").arg(printError));
    else
        m_printStatus->setText(tr("Візьміть надрукований талон. Слідкуйте за табло."));
    m_printStatus->setProperty("printedTo", printed);
    m_message->hide();
    showPage(ResultPage);
}

void KioskWindow::showError(const QString &message)
{
    m_message->setText(message);
    m_message->show();
    if (m_stack->currentIndex() != StartPage)
        m_idle->start();
}

} // namespace cnap::gui
