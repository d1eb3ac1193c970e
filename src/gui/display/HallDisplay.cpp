#include "gui/display/HallDisplay.h"

#include "gui/display/BoardController.h"
#include "gui/display/Chime.h"
#include "gui/queue/CallBoardModel.h"
#include "gui/queue/QueueFormat.h"
#include "gui/queue/QueueStatusModel.h"
#include "gui/settings/Settings.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace cnap::gui {

namespace {
const QColor kBackground(0x0b, 0x1a, 0x2b);
const QColor kHighlight(0xff, 0xd4, 0x00);
constexpr int kRecentCalls = 7;
} // namespace

/// Paints the call rows: the newest on a yellow band (flashing after a call), the
/// others white on the dark board.  High contrast for a hall seen from afar.
class NewestCallDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    bool highlight = true;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const bool newest = index.data(CallBoardModel::NewestRole).toBool();
        painter->save();
        painter->fillRect(option.rect, newest && highlight ? kHighlight : kBackground);
        QFont font = option.font;
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(newest && highlight ? Qt::black : Qt::white);
        painter->drawText(option.rect, Qt::AlignCenter, index.data(Qt::DisplayRole).toString());
        painter->restore();
    }
};

HallDisplay::HallDisplay(const AppContext &context, QWidget *parent, int pollMs)
    : QWidget(parent), m_context(context)
{
    setObjectName(QStringLiteral("hallDisplay"));
    setWindowTitle(tr("Табло електронної черги"));
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, kBackground);
    pal.setColor(QPalette::Base, kBackground);
    pal.setColor(QPalette::WindowText, Qt::white);
    pal.setColor(QPalette::Text, Qt::white);
    setPalette(pal);
    setCursor(Qt::BlankCursor);

    m_controller = new BoardController(context, kRecentCalls, pollMs, this);
    m_calls = new CallBoardModel(this);
    m_calls->setMaxRows(kRecentCalls);
    m_queues = new QueueStatusModel(this);
    const bool chimeOn = context.settings ? context.settings->flag(Settings::Key::DisplayChime)
                                          : Settings::defaultValue(Settings::Key::DisplayChime).toBool();
    m_chime = new Chime(chimeOn, this);

    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(24, 16, 24, 16);
    auto *top = new QHBoxLayout;
    const QString centre = context.settings ? context.settings->string(Settings::Key::CentreName)
                                            : Settings::defaultValue(Settings::Key::CentreName).toString();
    m_title = new QLabel(centre, this);
    m_title->setObjectName(QStringLiteral("titleLabel"));
    m_clock = new QLabel(this);
    m_clock->setObjectName(QStringLiteral("clockLabel"));
    top->addWidget(m_title);
    top->addStretch();
    top->addWidget(m_clock);
    root->addLayout(top);
    m_connection = new QLabel(connectionLostText(), this);
    m_connection->setObjectName(QStringLiteral("connectionLabel"));
    m_connection->setStyleSheet(QStringLiteral("background: #ffb300; color: black; font-weight: bold; padding: 8px;"));
    m_connection->setAlignment(Qt::AlignCenter);
    m_connection->hide();
    root->addWidget(m_connection);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("boardStack"));
    root->addWidget(m_stack, 1);

    auto *board = new QWidget(m_stack);
    board->setObjectName(QStringLiteral("boardPage"));
    auto *columns = new QHBoxLayout(board);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->setSpacing(32);
    auto *left = new QVBoxLayout;
    m_callsTitle = new QLabel(tr("Талон  →  Вікно"), board);
    m_callsTitle->setObjectName(QStringLiteral("callsTitleLabel"));
    m_callsTitle->setAlignment(Qt::AlignCenter);
    left->addWidget(m_callsTitle);
    m_callView = new QTableView(board);
    m_callView->setObjectName(QStringLiteral("callsTableView"));
    m_callView->setModel(m_calls);
    m_delegate = new NewestCallDelegate(m_callView);
    m_callView->setItemDelegate(m_delegate);
    left->addWidget(m_callView, 1);
    columns->addLayout(left, 11);
    auto *right = new QVBoxLayout;
    m_queuesTitle = new QLabel(tr("Черги та орієнтовне очікування"), board);
    m_queuesTitle->setObjectName(QStringLiteral("queuesTitleLabel"));
    right->addWidget(m_queuesTitle);
    m_queueView = new QTableView(board);
    m_queueView->setObjectName(QStringLiteral("queuesTableView"));
    m_queueView->setModel(m_queues);
    m_queueView->setColumnHidden(QueueStatusModel::LongestWaitColumn, true);
    right->addWidget(m_queueView, 1);
    columns->addLayout(right, 9);
    for (QTableView *view : {m_callView, m_queueView}) {
        view->setFocusPolicy(Qt::NoFocus);
        view->setSelectionMode(QAbstractItemView::NoSelection);
        view->setShowGrid(false);
        view->setFrameShape(QFrame::NoFrame);
        view->verticalHeader()->hide();
        view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    }
    m_callView->horizontalHeader()->hide();
    m_queueView->horizontalHeader()->setSectionResizeMode(QueueStatusModel::QueueColumn, QHeaderView::Stretch);
    // Long queue names wrap; the number columns get fixed widths (set in applyScale).
    m_queueView->horizontalHeader()->setSectionResizeMode(QueueStatusModel::WaitingColumn, QHeaderView::Fixed);
    m_queueView->horizontalHeader()->setSectionResizeMode(QueueStatusModel::EstimateColumn, QHeaderView::Fixed);
    m_queueView->setWordWrap(true);
    m_queueView->setTextElideMode(Qt::ElideNone);
    m_queueView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_stack->addWidget(board);

    auto *pausePage = new QWidget(m_stack);
    pausePage->setObjectName(QStringLiteral("pausePage"));
    pausePage->setAutoFillBackground(true);
    QPalette red = pausePage->palette();
    red.setColor(QPalette::Window, QColor(0xb0, 0x00, 0x20));
    pausePage->setPalette(red);
    auto *pauseLayout = new QVBoxLayout(pausePage);
    m_pauseNotice = new QLabel(pausePage);
    m_pauseNotice->setObjectName(QStringLiteral("pauseNoticeLabel"));
    m_pauseNotice->setAlignment(Qt::AlignCenter);
    m_pauseNotice->setWordWrap(true);
    m_pauseNotice->setStyleSheet(QStringLiteral("color: white; font-weight: bold;"));
    m_pauseClock = new QLabel(pausePage);
    m_pauseClock->setObjectName(QStringLiteral("pauseSinceLabel"));
    m_pauseClock->setAlignment(Qt::AlignCenter);
    m_pauseClock->setStyleSheet(QStringLiteral("color: white;"));
    pauseLayout->addStretch();
    pauseLayout->addWidget(m_pauseNotice);
    pauseLayout->addWidget(m_pauseClock);
    pauseLayout->addStretch();
    m_stack->addWidget(pausePage);

    m_clockTimer = new QTimer(this);
    m_clockTimer->setInterval(1000);
    connect(m_clockTimer, &QTimer::timeout, this, &HallDisplay::updateClock);
    m_clockTimer->start();
    m_flashTimer = new QTimer(this);
    m_flashTimer->setInterval(500);
    connect(m_flashTimer, &QTimer::timeout, this, [this]() {
        m_delegate->highlight = !m_delegate->highlight;
        if (--m_flashesLeft <= 0) {
            m_delegate->highlight = true;
            m_flashTimer->stop();
        }
        m_callView->viewport()->update();
    });

    connect(m_controller, &BoardController::boardChanged, this, &HallDisplay::updateBoard);
    connect(m_controller, &BoardController::newCall, this, &HallDisplay::announce);
    connect(m_controller, &BoardController::connectionChanged, this, [this](bool online) { m_connection->setVisible(!online); });

    updateClock();
    applyScale();
    m_controller->start();
}

HallDisplay::~HallDisplay() = default;

void HallDisplay::updateBoard()
{
    const queue::BoardSnapshot &b = m_controller->board();
    m_calls->setCalls(b.recentCalls);
    m_queues->setQueues(b.queues);
    if (b.centrePaused) {
        // The centre pause exists for air-raid alerts; another stated reason is shown as such.
        const bool airRaid = b.pauseReason.isEmpty() || b.pauseReason.contains(QStringLiteral("тривог"), Qt::CaseInsensitive);
        m_pauseNotice->setText(airRaid ? tr("ПОВІТРЯНА ТРИВОГА!\nПрийом тимчасово призупинено.\nПройдіть до найближчого укриття.")
                                       : tr("Прийом тимчасово призупинено\n%1").arg(b.pauseReason));
        m_pauseClock->setText(b.pausedSinceMs > 0
                                  ? tr("з %1. Ваша черга зберігається.")
                                        .arg(QDateTime::fromMSecsSinceEpoch(b.pausedSinceMs).toLocalTime().toString(QStringLiteral("HH:mm")))
                                  : tr("Ваша черга зберігається."));
        m_stack->setCurrentIndex(1);
    } else {
        m_stack->setCurrentIndex(0);
    }
    applyScale();
}

void HallDisplay::announce(const queue::CallNotice &)
{
    m_chime->ring();
    m_flashesLeft = 6;
    m_delegate->highlight = true;
    m_flashTimer->start();
}

void HallDisplay::updateClock()
{
    m_clock->setText(m_context.clock->now().toLocalTime().toString(QStringLiteral("HH:mm")));
}

void HallDisplay::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    applyScale();
}

void HallDisplay::applyScale()
{
    // One unit per 1/18 of the screen height: on a 1080p hall screen the call
    // rows get ~100 px letters, readable from about 15 m.
    const int unit = std::max(height() / 18, 12);
    auto px = [](QWidget *w, int size, bool bold) {
        QFont f = w->font();
        f.setPixelSize(std::max(size, 8));
        f.setBold(bold);
        w->setFont(f);
    };
    px(m_title, unit * 8 / 10, true);
    px(m_clock, unit, true);
    px(m_callsTitle, unit * 7 / 10, false);
    px(m_queuesTitle, unit * 7 / 10, false);
    px(m_callView, unit * 14 / 10, true);
    px(m_queueView, unit * 55 / 100, false);
    m_queueView->horizontalHeader()->setStyleSheet(
        QStringLiteral("QHeaderView::section { background: #0b1a2b; color: #9fb3c8; border: none;"
                       " border-bottom: 2px solid #2c4660; font-size: %1px; }")
            .arg(unit * 45 / 100));
    m_queueView->horizontalHeader()->resizeSection(QueueStatusModel::WaitingColumn, unit * 3);
    m_queueView->horizontalHeader()->resizeSection(QueueStatusModel::EstimateColumn, unit * 4);
    px(m_pauseNotice, unit * 16 / 10, true);
    px(m_pauseClock, unit * 8 / 10, false);
    px(m_connection, unit * 6 / 10, true);
    m_callsTitle->setStyleSheet(QStringLiteral("color: #9fb3c8;"));
    m_queuesTitle->setStyleSheet(QStringLiteral("color: #9fb3c8;"));
    m_callView->verticalHeader()->setDefaultSectionSize(unit * 24 / 10);
    m_queueView->setStyleSheet(QStringLiteral("QTableView { background: #0b1a2b; color: white; }"
                                               "QTableView::item { padding: %1px 4px; border-bottom: 1px solid #2c4660; }")
                                   .arg(unit / 6));
    m_queueView->resizeRowsToContents();
}

} // namespace cnap::gui
