#include "gui/queue/QueueFormat.h"

#include <QCoreApplication>

namespace cnap::gui {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("cnap::gui::QueueFormat", s); }
} // namespace

QString formatWait(qint64 secs)
{
    if (secs < 60)
        return tr("менше хвилини");
    const qint64 minutes = secs / 60;
    if (minutes < 60)
        return tr("%1 хв").arg(minutes);
    return tr("%1 год %2 хв").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString formatEstimate(const std::optional<qint64> &secs)
{
    if (!secs)
        return tr("невідомо");
    // Rounded up to whole minutes: a visitor told "0 хв" who then waits feels misled.
    if (*secs <= 0)
        return tr("≈ 1 хв");
    return tr("≈ %1").arg(formatWait(std::max<qint64>(*secs, 60)));
}

QString deskStateName(queue::DeskState state)
{
    switch (state) {
    case queue::DeskState::Open: return tr("працює");
    case queue::DeskState::Paused: return tr("на перерві");
    case queue::DeskState::Closed: return tr("зачинено");
    }
    return {};
}

QString ticketStateName(queue::TicketState state)
{
    switch (state) {
    case queue::TicketState::Waiting: return tr("очікує");
    case queue::TicketState::Called: return tr("викликано");
    case queue::TicketState::Serving: return tr("обслуговується");
    case queue::TicketState::NoShow: return tr("не з'явився");
    case queue::TicketState::Finished: return tr("завершено");
    case queue::TicketState::Cancelled: return tr("скасовано");
    }
    return {};
}

QString connectionLostText() { return tr("Немає з'єднання з базою даних, повторне підключення…"); }

} // namespace cnap::gui
