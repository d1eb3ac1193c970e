#include "gui/queue/DeskPanel.h"

#include "gui/queue/DeskController.h"
#include "gui/queue/DeskDialogs.h"
#include "gui/queue/QueueFormat.h"
#include "gui/queue/QueueStatusModel.h"

#include <QAction>
#include <QDateTime>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace cnap::gui {

DeskPanel::DeskPanel(const AppContext &context, QWidget *parent, int pollMs) : QWidget(parent)
{
    setObjectName(QStringLiteral("deskQueuePanel"));
    m_controller = new DeskController(context, pollMs, this);
    m_queueModel = new QueueStatusModel(this);

    auto *layout = new QVBoxLayout(this);
    m_deskLabel = new QLabel(this);
    m_deskLabel->setObjectName(QStringLiteral("deskLabel"));
    m_deskLabel->setStyleSheet(QStringLiteral("font-size: 16pt; font-weight: bold;"));
    m_deskStateLabel = new QLabel(this);
    m_deskStateLabel->setObjectName(QStringLiteral("deskStateLabel"));
    auto *deskRow = new QHBoxLayout;
    deskRow->addWidget(m_deskLabel);
    deskRow->addStretch();
    deskRow->addWidget(m_deskStateLabel);
    layout->addLayout(deskRow);

    m_centrePauseLabel = new QLabel(this);
    m_centrePauseLabel->setObjectName(QStringLiteral("centrePauseLabel"));
    m_centrePauseLabel->setWordWrap(true);
    m_centrePauseLabel->setStyleSheet(QStringLiteral("background: #b00020; color: white; font-weight: bold; padding: 6px;"));
    m_centrePauseLabel->hide();
    layout->addWidget(m_centrePauseLabel);
    m_connectionLabel = new QLabel(connectionLostText(), this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_connectionLabel->setWordWrap(true);
    m_connectionLabel->setStyleSheet(QStringLiteral("background: #ffb300; color: black; font-weight: bold; padding: 6px;"));
    m_connectionLabel->hide();
    layout->addWidget(m_connectionLabel);

    m_visitorBox = new QGroupBox(tr("Поточний відвідувач"), this);
    m_visitorBox->setObjectName(QStringLiteral("visitorGroupBox"));
    auto *visitor = new QVBoxLayout(m_visitorBox);
    m_ticketNumber = new QLabel(m_visitorBox);
    m_ticketNumber->setObjectName(QStringLiteral("ticketNumberLabel"));
    m_ticketNumber->setStyleSheet(QStringLiteral("font-size: 28pt; font-weight: bold;"));
    m_ticketNumber->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ticketState = new QLabel(m_visitorBox);
    m_ticketState->setObjectName(QStringLiteral("ticketStateLabel"));
    m_services = new QLabel(m_visitorBox);
    m_services->setObjectName(QStringLiteral("servicesLabel"));
    m_services->setWordWrap(true);
    m_waited = new QLabel(m_visitorBox);
    m_waited->setObjectName(QStringLiteral("waitedLabel"));
    m_priority = new QLabel(m_visitorBox);
    m_priority->setObjectName(QStringLiteral("priorityLabel"));
    m_priority->setWordWrap(true);
    m_priority->setStyleSheet(QStringLiteral("color: #8a4b00; font-weight: bold;"));
    for (QWidget *w : {static_cast<QWidget *>(m_ticketNumber), static_cast<QWidget *>(m_ticketState),
                       static_cast<QWidget *>(m_services), static_cast<QWidget *>(m_waited), static_cast<QWidget *>(m_priority)})
        visitor->addWidget(w);
    layout->addWidget(m_visitorBox);

    m_callNext = makeAction("callNextAction", tr("Викликати наступного"), QKeySequence(Qt::Key_F5));
    m_recall = makeAction("recallAction", tr("Повторний виклик"), QKeySequence(Qt::Key_F6));
    m_start = makeAction("startServiceAction", tr("Почати обслуговування"), QKeySequence(Qt::Key_F7));
    m_finish = makeAction("finishAction", tr("Завершити…"), QKeySequence(Qt::Key_F8));
    m_noShow = makeAction("noShowAction", tr("Не з'явився"), QKeySequence(Qt::Key_F9));
    m_redirect = makeAction("redirectAction", tr("Перенаправити…"), QKeySequence(Qt::CTRL | Qt::Key_R));
    m_postpone = makeAction("postponeAction", tr("Відкласти"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_pause = makeAction("pauseDeskAction", tr("Перерва"), QKeySequence(Qt::Key_F12));
    m_return = makeAction("returnNoShowAction", tr("Повернути до черги…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_callNext->setToolTip(tr("Викликати наступного відвідувача до цього вікна"));
    m_postpone->setToolTip(tr("Відвідувач відходить (напр., по документ) і може бути викликаний пізніше"));
    m_return->setToolTip(tr("Повернути на своє місце відвідувача, якого позначили як такого, що не з'явився"));

    auto *grid = new QGridLayout;
    grid->addWidget(makeButton("callNextButton", m_callNext), 0, 0, 1, 2);
    grid->addWidget(makeButton("recallButton", m_recall), 1, 0);
    grid->addWidget(makeButton("startServiceButton", m_start), 1, 1);
    grid->addWidget(makeButton("finishButton", m_finish), 2, 0);
    grid->addWidget(makeButton("noShowButton", m_noShow), 2, 1);
    grid->addWidget(makeButton("redirectButton", m_redirect), 3, 0);
    grid->addWidget(makeButton("postponeButton", m_postpone), 3, 1);
    grid->addWidget(makeButton("pauseDeskButton", m_pause), 4, 0);
    grid->addWidget(makeButton("returnNoShowButton", m_return), 4, 1);
    layout->addLayout(grid);

    m_waiting = new QLabel(this);
    m_waiting->setObjectName(QStringLiteral("waitingLabel"));
    m_waiting->setStyleSheet(QStringLiteral("font-weight: bold;"));
    layout->addWidget(m_waiting);
    m_queueView = new QTableView(this);
    m_queueView->setObjectName(QStringLiteral("deskQueuesTableView"));
    m_queueView->setModel(m_queueModel);
    m_queueView->verticalHeader()->hide();
    m_queueView->setSelectionMode(QAbstractItemView::NoSelection);
    m_queueView->setFocusPolicy(Qt::NoFocus);
    m_queueView->setColumnHidden(QueueStatusModel::EstimateColumn, true);
    m_queueView->horizontalHeader()->setSectionResizeMode(QueueStatusModel::QueueColumn, QHeaderView::Stretch);
    m_queueView->horizontalHeader()->setSectionResizeMode(QueueStatusModel::WaitingColumn, QHeaderView::ResizeToContents);
    m_queueView->horizontalHeader()->setSectionResizeMode(QueueStatusModel::LongestWaitColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_queueView, 1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setMinimumHeight(40);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_message);

    connect(m_callNext, &QAction::triggered, m_controller, &DeskController::callNext);
    connect(m_recall, &QAction::triggered, m_controller, &DeskController::recall);
    connect(m_start, &QAction::triggered, m_controller, &DeskController::startService);
    connect(m_finish, &QAction::triggered, this, &DeskPanel::askOutcome);
    connect(m_noShow, &QAction::triggered, m_controller, &DeskController::markNoShow);
    connect(m_redirect, &QAction::triggered, this, &DeskPanel::askRedirect);
    connect(m_postpone, &QAction::triggered, m_controller, [this]() { m_controller->postpone(0); });
    connect(m_pause, &QAction::triggered, m_controller, &DeskController::togglePause);
    connect(m_return, &QAction::triggered, this, &DeskPanel::askReturn);

    connect(m_controller, &DeskController::viewChanged, this, &DeskPanel::updateView);
    connect(m_controller, &DeskController::busyChanged, this, &DeskPanel::updateEnabled);
    connect(m_controller, &DeskController::message, this, &DeskPanel::showMessage);
    connect(m_controller, &DeskController::connectionChanged, this, [this](bool online) {
        m_connectionLabel->setVisible(!online);
        updateEnabled();
    });
    connect(m_controller, &DeskController::ticketCalled, this, &DeskPanel::ticketCalled);

    updateView();
    m_controller->start();
}

DeskPanel::~DeskPanel() = default;

QAction *DeskPanel::makeAction(const char *name, const QString &text, const QKeySequence &key)
{
    auto *action = new QAction(text, this);
    action->setObjectName(QString::fromLatin1(name));
    action->setShortcut(key);
    // Window-wide: the clerk's focus is usually in the case form, not in the panel.
    action->setShortcutContext(Qt::WindowShortcut);
    action->setIconText(text + QStringLiteral("  (") + key.toString(QKeySequence::NativeText) + u')');
    addAction(action);
    m_actions << action;
    return action;
}

QToolButton *DeskPanel::makeButton(const char *name, QAction *action)
{
    auto *button = new QToolButton(this);
    button->setObjectName(QString::fromLatin1(name));
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    button->setMinimumHeight(action == m_callNext ? 44 : 32);
    if (action == m_callNext)
        button->setStyleSheet(QStringLiteral("font-weight: bold;"));
    return button;
}

void DeskPanel::updateView()
{
    const DeskView &v = m_controller->view();
    m_deskLabel->setText(v.deskName.isEmpty() ? tr("Вікно не вказано") : tr("Вікно %1").arg(v.deskName));
    if (!v.deskName.isEmpty() && !v.deskKnown && v.nowMs != 0)
        m_deskStateLabel->setText(tr("невідоме вікно"));
    else
        m_deskStateLabel->setText(v.nowMs == 0 ? QString() : deskStateName(v.deskState));
    m_centrePauseLabel->setVisible(v.centrePaused);
    if (v.centrePaused)
        m_centrePauseLabel->setText(v.pauseReason.isEmpty() ? tr("Роботу центру призупинено: виклики неможливі.")
                                                            : tr("Роботу центру призупинено (%1): виклики неможливі.").arg(v.pauseReason));
    if (v.current) {
        const queue::Ticket &t = *v.current;
        m_ticketNumber->setText(t.number);
        m_ticketState->setText(t.recalls > 0 ? tr("%1, повторних викликів: %2").arg(ticketStateName(t.state)).arg(t.recalls)
                                             : ticketStateName(t.state));
        QStringList names;
        for (const auto &code : t.services)
            names << m_controller->serviceName(code);
        if (names.isEmpty())
            names << m_controller->serviceName(t.serviceCode);
        m_services->setText(tr("Послуги: %1").arg(names.join(QStringLiteral("; "))));
        const qint64 calledAt = t.calledAtMs > 0 ? t.calledAtMs : v.nowMs;
        m_waited->setText(tr("Очікував: %1 (талон видано о %2)")
                              .arg(formatWait(std::max<qint64>(calledAt - t.issuedAtMs, 0) / 1000),
                                   QDateTime::fromMSecsSinceEpoch(t.issuedAtMs).toLocalTime().toString(QStringLiteral("HH:mm"))));
        if (!t.categoryKey.isEmpty()) {
            const auto c = m_controller->category(t.categoryKey);
            m_priority->setText(c ? tr("Пільгова категорія: %1. Потрібно пред'явити: %2.").arg(c->name, c->proof)
                                  : tr("Пільгова категорія: %1. Потрібно пред'явити підтвердний документ.").arg(t.categoryKey));
            m_priority->show();
        } else if (t.kind == queue::TicketKind::Booked) {
            m_priority->setText(tr("Попередній запис."));
            m_priority->show();
        } else {
            m_priority->hide();
        }
        m_services->show();
        m_waited->show();
    } else {
        m_ticketNumber->setText(tr("—"));
        m_ticketState->setText(tr("Вікно вільне. Натисніть F5, щоб викликати наступного."));
        m_services->hide();
        m_waited->hide();
        m_priority->hide();
    }
    m_queueModel->setQueues(v.deskQueues);
    m_waiting->setText(tr("Очікують на це вікно: %1").arg(m_controller->waitingForDesk()));
    m_pause->setText(v.deskState == queue::DeskState::Paused   ? tr("Відновити роботу")
                     : v.deskState == queue::DeskState::Closed ? tr("Відкрити вікно")
                                                               : tr("Перерва"));
    m_pause->setIconText(m_pause->text() + QStringLiteral("  (") + m_pause->shortcut().toString(QKeySequence::NativeText) + u')');
    updateEnabled();
}

void DeskPanel::updateEnabled()
{
    const DeskView &v = m_controller->view();
    const bool usable = m_controller->canServe() && !m_controller->isBusy() && m_controller->isOnline();
    const bool active = v.current.has_value();
    const bool called = active && v.current->state == queue::TicketState::Called;
    const bool paused = v.deskState == queue::DeskState::Paused;
    m_callNext->setEnabled(usable && !active && !paused && !v.centrePaused);
    m_recall->setEnabled(usable && called);
    m_start->setEnabled(usable && called);
    m_finish->setEnabled(usable && active);
    m_noShow->setEnabled(usable && called);
    m_redirect->setEnabled(usable && active);
    m_postpone->setEnabled(usable && active);
    m_pause->setEnabled(usable && !active);
    m_return->setEnabled(usable && !active);
}

void DeskPanel::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void DeskPanel::askOutcome()
{
    const DeskView &v = m_controller->view();
    if (!v.current)
        return;
    auto *dialog = new OutcomeDialog(v.current->number, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OutcomeDialog::outcomeChosen, m_controller, &DeskController::finish);
    dialog->open();
}

void DeskPanel::askRedirect()
{
    const DeskView &v = m_controller->view();
    if (!v.current)
        return;
    auto *dialog = new RedirectDialog(v.services, v.deskNames, v.deskName, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RedirectDialog::targetChosen, m_controller, &DeskController::redirect);
    dialog->open();
}

void DeskPanel::askReturn()
{
    auto *dialog = new ReturnTicketDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReturnTicketDialog::numberChosen, m_controller, &DeskController::returnToQueue);
    dialog->open();
}

} // namespace cnap::gui
