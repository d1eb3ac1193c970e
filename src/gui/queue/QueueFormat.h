#pragma once

// How queue values read on screen and on the printed ticket: one place, so the
// desk panel, the hall display and the kiosk say "12 хв" and "на перерві" alike.

#include "core/queue/QueuePolicy.h"

#include <QString>

#include <optional>

namespace cnap::gui {

/// "3 хв", "1 год 05 хв"; under a minute "менше хвилини".
[[nodiscard]] QString formatWait(qint64 secs);
/// An estimate for a visitor: "≈ 15 хв", or "невідомо" when no open desk serves the queue.
[[nodiscard]] QString formatEstimate(const std::optional<qint64> &secs);
[[nodiscard]] QString deskStateName(queue::DeskState state);
[[nodiscard]] QString ticketStateName(queue::TicketState state);
/// The connection-lost notice every live queue screen shows.
[[nodiscard]] QString connectionLostText();

} // namespace cnap::gui
