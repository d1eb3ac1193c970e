#include "gui/feedback/FeedbackWindow.h"

#include "gui/common/ErrorPresenter.h"
#include "gui/common/TaskRunner.h"
#include "gui/main/Features.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace cnap::gui {
namespace {

QLabel *big(const QString &text, int px, QWidget *parent, bool bold = false)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setPixelSize(px);
    f.setBold(bold);
    l->setFont(f);
    l->setAlignment(Qt::AlignCenter);
    l->setWordWrap(true);
    return l;
}

QPushButton *touchButton(const QString &text, QWidget *parent, const QString &name)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setMinimumSize(180, 72);
    QFont f = b->font();
    f.setPixelSize(26);
    b->setFont(f);
    return b;
}

} // namespace

FeedbackController::FeedbackController(AppContext context, QObject *parent) : QObject(parent), m_context(std::move(context)) {}

void FeedbackController::submit(const services::FeedbackSubmission &submission)
{
    const auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    m_context.runner->run(
        this, [db, actor, clock, submission]() { return services::FeedbackService(db, *clock).submit(actor, submission); },
        [this](Status s) {
            if (s)
                Q_EMIT submitted();
            else
                Q_EMIT failed(s.error());
        });
}

void FeedbackController::lookUpPending()
{
    if (m_context.actor.desk.isEmpty())
        return;
    const auto db = m_context.database;
    const Actor actor = m_context.actor;
    const Clock *clock = m_context.clock;
    m_context.runner->run(
        this, [db, actor, clock]() { return services::FeedbackService(db, *clock).pendingAtDesk(actor, actor.desk); },
        [this](Result<std::optional<services::FeedbackVisitInfo>> r) {
            if (r && r.value())
                Q_EMIT pendingFound(r.value()->ticketNumber);
        });
}

FeedbackWindow::FeedbackWindow(const AppContext &context, QWidget *parent)
    : QWidget(parent), m_controller(new FeedbackController(context, this)), m_stack(new QStackedWidget(this)),
      m_backTimer(new QTimer(this)), m_idleTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("feedbackWindow"));
    setWindowTitle(tr("Оцініть обслуговування"));
    setStyleSheet(QStringLiteral("QWidget#feedbackWindow { background: #f4f7fb; } "
                                 "QPushButton { border-radius: 10px; border: 1px solid #9db3cc; background: white; padding: 8px; } "
                                 "QPushButton:checked { background: #1f6fb5; color: white; } "
                                 "QPushButton:disabled { color: #9aa5b1; }"));
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(m_stack);

    // Start: the ticket of the visit.
    auto *start = new QWidget(m_stack);
    auto *sl = new QVBoxLayout(start);
    sl->addStretch(1);
    sl->addWidget(big(tr("Оцініть, будь ласка, як вас обслужили"), 44, start, true));
    sl->addWidget(big(tr("Оцінка анонімна: ми знаємо лише номер талона, не ваше ім'я."), 22, start));
    sl->addSpacing(24);
    sl->addWidget(big(tr("Номер вашого талона:"), 24, start));
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    m_ticketEdit = new QLineEdit(start);
    m_ticketEdit->setObjectName(QStringLiteral("ticketLineEdit"));
    m_ticketEdit->setPlaceholderText(tr("напр. А-012"));
    m_ticketEdit->setMaxLength(12);
    m_ticketEdit->setAlignment(Qt::AlignCenter);
    QFont tf = m_ticketEdit->font();
    tf.setPixelSize(36);
    m_ticketEdit->setFont(tf);
    m_ticketEdit->setMinimumWidth(380);
    row->addWidget(m_ticketEdit);
    auto *next = touchButton(tr("Далі"), start, QStringLiteral("nextButton"));
    row->addWidget(next);
    row->addStretch(1);
    sl->addLayout(row);
    // A touch keypad: the screen usually has no keyboard.  Ticket numbers are a
    // queue letter (with П or З for priority and booked series), a dash, digits.
    auto *keypad = new QGridLayout;
    keypad->setSpacing(8);
    const QStringList keys{QStringLiteral("А"), QStringLiteral("Б"), QStringLiteral("В"), QStringLiteral("Г"), QStringLiteral("Д"),
                           QStringLiteral("Е"), QStringLiteral("Є"), QStringLiteral("Ж"), QStringLiteral("П"), QStringLiteral("З"),
                           QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5"),
                           QStringLiteral("6"), QStringLiteral("7"), QStringLiteral("8"), QStringLiteral("9"), QStringLiteral("0")};
    for (int i = 0; i < keys.size(); ++i) {
        auto *k = touchButton(keys.at(i), start, QStringLiteral("key%1Button").arg(i));
        k->setMinimumSize(76, 64);
        const QString key = keys.at(i);
        connect(k, &QPushButton::clicked, this, [this, key]() {
            QString text = m_ticketEdit->text();
            // The dash comes by itself between the letters and the digits.
            if (key.at(0).isDigit() && !text.isEmpty() && !text.contains(u'-') && !text.back().isDigit())
                text += u'-';
            m_ticketEdit->setText(text + key);
            m_idleTimer->start();
        });
        keypad->addWidget(k, i / 10, i % 10);
    }
    auto *erase = touchButton(QStringLiteral("⌫"), start, QStringLiteral("eraseButton"));
    erase->setMinimumSize(76, 64);
    erase->setAccessibleName(tr("Стерти"));
    connect(erase, &QPushButton::clicked, this, [this]() {
        QString text = m_ticketEdit->text();
        text.chop(1);
        if (text.endsWith(u'-'))
            text.chop(1);
        m_ticketEdit->setText(text);
    });
    keypad->addWidget(erase, 0, 10, 2, 1);
    auto *keyRow = new QHBoxLayout;
    keyRow->addStretch(1);
    keyRow->addLayout(keypad);
    keyRow->addStretch(1);
    sl->addSpacing(12);
    sl->addLayout(keyRow);
    m_startError = big(QString(), 22, start);
    m_startError->setObjectName(QStringLiteral("startErrorLabel"));
    m_startError->setStyleSheet(QStringLiteral("color: #8a1c1c;"));
    sl->addWidget(m_startError);
    sl->addStretch(2);
    m_stack->addWidget(start);

    // Rating: five big buttons, an optional comment.
    auto *rate = new QWidget(m_stack);
    auto *rl = new QVBoxLayout(rate);
    m_rateTitle = big(QString(), 40, rate, true);
    rl->addWidget(m_rateTitle);
    auto *buttons = new QHBoxLayout;
    const QString words[5] = {tr("дуже погано"), tr("погано"), tr("задовільно"), tr("добре"), tr("відмінно")};
    for (int r = 1; r <= 5; ++r) {
        auto *b = touchButton(QStringLiteral("%1\n%2").arg(r).arg(words[r - 1]), rate, QStringLiteral("rating%1Button").arg(r));
        b->setCheckable(true);
        b->setMinimumSize(190, 150);
        b->setAccessibleName(tr("Оцінка %1 з 5: %2").arg(r).arg(words[r - 1]));
        connect(b, &QPushButton::clicked, this, [this, r]() { choose(r); });
        buttons->addWidget(b);
        m_ratingButtons << b;
    }
    rl->addLayout(buttons);
    rl->addWidget(big(tr("Коментар (необов'язково). Не пишіть, будь ласка, свого імені чи телефону."), 20, rate));
    m_commentEdit = new QPlainTextEdit(rate);
    m_commentEdit->setObjectName(QStringLiteral("commentTextEdit"));
    m_commentEdit->setMaximumHeight(130);
    QFont cf = m_commentEdit->font();
    cf.setPixelSize(22);
    m_commentEdit->setFont(cf);
    rl->addWidget(m_commentEdit);
    m_commentCount = new QLabel(rate);
    m_commentCount->setAlignment(Qt::AlignRight);
    rl->addWidget(m_commentCount);
    auto *actions = new QHBoxLayout;
    auto *cancel = touchButton(tr("Скасувати"), rate, QStringLiteral("cancelButton"));
    m_sendButton = touchButton(tr("Надіслати оцінку"), rate, QStringLiteral("sendButton"));
    m_sendButton->setEnabled(false);
    actions->addWidget(cancel);
    actions->addStretch(1);
    actions->addWidget(m_sendButton);
    rl->addLayout(actions);
    m_rateError = big(QString(), 22, rate);
    m_rateError->setObjectName(QStringLiteral("rateErrorLabel"));
    m_rateError->setStyleSheet(QStringLiteral("color: #8a1c1c;"));
    rl->addWidget(m_rateError);
    m_stack->addWidget(rate);

    // Thanks.
    auto *thanks = new QWidget(m_stack);
    auto *tl = new QVBoxLayout(thanks);
    tl->addStretch(1);
    tl->addWidget(big(tr("Дякуємо!"), 64, thanks, true));
    tl->addWidget(big(tr("Ваша оцінка допоможе нам працювати краще."), 30, thanks));
    tl->addStretch(1);
    m_stack->addWidget(thanks);

    m_backTimer->setSingleShot(true);
    m_backTimer->setInterval(6000);
    connect(m_backTimer, &QTimer::timeout, this, &FeedbackWindow::reset);
    // A rating left half-done returns to the start for the next visitor.
    m_idleTimer->setSingleShot(true);
    m_idleTimer->setInterval(90'000);
    connect(m_idleTimer, &QTimer::timeout, this, &FeedbackWindow::reset);

    connect(next, &QPushButton::clicked, this, &FeedbackWindow::goToRating);
    connect(m_ticketEdit, &QLineEdit::returnPressed, this, &FeedbackWindow::goToRating);
    connect(cancel, &QPushButton::clicked, this, &FeedbackWindow::reset);
    connect(m_sendButton, &QPushButton::clicked, this, &FeedbackWindow::send);
    connect(m_commentEdit, &QPlainTextEdit::textChanged, this, [this]() {
        const auto n = m_commentEdit->toPlainText().size();
        m_commentCount->setText(tr("%1 / %2").arg(n).arg(services::FeedbackService::kMaxCommentLength));
        m_idleTimer->start();
    });
    connect(m_controller, &FeedbackController::submitted, this, [this]() {
        m_stack->setCurrentIndex(ThanksPage);
        m_idleTimer->stop();
        m_backTimer->start();
    });
    connect(m_controller, &FeedbackController::failed, this, &FeedbackWindow::showError);
    connect(m_controller, &FeedbackController::pendingFound, this, [this](const QString &number) {
        if (m_stack->currentIndex() == StartPage && m_ticketEdit->text().isEmpty())
            m_ticketEdit->setText(number);
    });
    reset();
}

FeedbackWindow::Page FeedbackWindow::page() const
{
    return static_cast<Page>(m_stack->currentIndex());
}

void FeedbackWindow::setThanksDelay(int ms)
{
    m_backTimer->setInterval(ms);
}

void FeedbackWindow::goToRating()
{
    const QString number = m_ticketEdit->text().trimmed().toUpper();
    if (number.isEmpty()) {
        m_startError->setText(tr("Введіть номер талона з вашого візиту."));
        return;
    }
    m_startError->clear();
    m_rateTitle->setText(tr("Талон %1: як вас обслужили?").arg(number));
    m_stack->setCurrentIndex(RatePage);
    m_idleTimer->start();
}

void FeedbackWindow::choose(int rating)
{
    m_rating = rating;
    for (int i = 0; i < m_ratingButtons.size(); ++i)
        m_ratingButtons[i]->setChecked(i + 1 == rating);
    m_sendButton->setEnabled(true);
    m_idleTimer->start();
}

void FeedbackWindow::send()
{
    services::FeedbackSubmission s{m_ticketEdit->text().trimmed(), m_rating, m_commentEdit->toPlainText().trimmed()};
    Status valid = services::FeedbackService::validate(s);
    if (!valid) {
        showError(valid.error());
        return;
    }
    m_sendButton->setEnabled(false);
    m_controller->submit(s);
}

void FeedbackWindow::showError(const Error &error)
{
    m_sendButton->setEnabled(m_rating > 0);
    if (error.field == QStringLiteral("ticket") && error.code != ErrorCode::AlreadyExists) {
        m_stack->setCurrentIndex(StartPage);
        m_startError->setText(error.message);
        return;
    }
    if (error.code == ErrorCode::AlreadyExists) {
        m_stack->setCurrentIndex(ThanksPage);
        m_backTimer->start();
        return;
    }
    m_rateError->setText(ErrorPresenter::text(error));
}

void FeedbackWindow::reset()
{
    m_backTimer->stop();
    m_idleTimer->stop();
    m_rating = 0;
    for (QPushButton *b : m_ratingButtons)
        b->setChecked(false);
    m_sendButton->setEnabled(false);
    m_commentEdit->clear();
    m_ticketEdit->clear();
    m_startError->clear();
    m_rateError->clear();
    m_stack->setCurrentIndex(StartPage);
    m_controller->lookUpPending();
}

namespace {

const FeatureRegistrar feedbackWindow(Mode::Feedback, [](const AppContext &context) -> QWidget * {
    if (!allowed(context.actor.role, Permission::FeedbackSubmit))
        return nullptr;
    return new FeedbackWindow(context);
});

} // namespace
} // namespace cnap::gui
