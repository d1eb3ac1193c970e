#pragma once

// How the exchange screens name things for people: outbox states, an item's
// state as the clerk reads it on a case, registry services, log directions and
// outcomes, and the one-line report of a sync cycle.  Ukrainian through tr().

#include "exchange/sync/SyncEngine.h"
#include "storage/OutboxRepository.h"

#include <QDateTime>
#include <QString>

namespace cnap::gui::exchange {

/// "Очікує", "Надсилається", "Доставлено", "Не доставлено".
[[nodiscard]] QString outboxStateDisplayName(storage::OutboxState state);
/// What an item means for its case: queued, retrying, sent and awaiting the
/// registry's decision, decided, or not delivered (needs a person).
[[nodiscard]] QString caseExchangeStateText(const storage::OutboxItem &item);
/// The registry's side of an item: its reference number and decision, "—" when none.
[[nodiscard]] QString registryReplyText(const storage::OutboxItem &item);
/// "Реєстр громади: місце проживання" for RegisterResidence (short: a
/// table column); the code itself for a service not known here.
[[nodiscard]] QString registryServiceDisplayName(const QString &serviceCode);
/// "Запит" / "Відповідь".
[[nodiscard]] QString logDirectionDisplayName(const QString &direction);
/// The log's outcome key ("sent", "accepted", "retry: …", "dead: …") in words.
[[nodiscard]] QString logOutcomeDisplayName(const QString &outcome);
/// dd.MM.yyyy HH:mm:ss local time of epoch milliseconds; "—" for 0.
[[nodiscard]] QString timeText(qint64 epochMs);
/// The cycle report in one sentence for the page.
[[nodiscard]] QString cycleReportText(const cnap::exchange::sync::CycleReport &report);

} // namespace cnap::gui::exchange
