#pragma once

// The kiosk's logic: what can be picked (queues, services, priority categories),
// issuing a walk-in ticket or checking in a booking on the worker, and printing
// the ticket.  The window only binds buttons to it.

#include "core/queue/QueueModel.h"
#include "gui/common/AppContext.h"
#include "services/QueueService.h"

#include <QObject>

namespace cnap::gui {

struct KioskCatalogue final {
    QList<queue::QueueGroup> queues;          ///< only those with at least one service
    QList<queue::QueueServiceEntry> services;
    QList<queue::PriorityCategory> categories;
};

class KioskController final : public QObject {
    Q_OBJECT
public:
    explicit KioskController(AppContext context, QObject *parent = nullptr);

    void loadCatalogue();
    [[nodiscard]] const KioskCatalogue &catalogue() const { return m_catalogue; }
    [[nodiscard]] QList<queue::QueueServiceEntry> servicesOf(qint64 queueId) const;
    [[nodiscard]] bool isBusy() const { return m_busy; }

    /// Issues a walk-in ticket; `categoryKey` empty for a regular one.
    void issue(const QString &serviceCode, const QString &categoryKey);
    /// Checks in a booked visitor by the code from their booking.
    void checkIn(const QString &code);

Q_SIGNALS:
    void catalogueLoaded();
    /// A ticket was issued; `printed` says where it went (PDF path or printer),
    /// `printError` is set when printing failed (the ticket still counts).
    void issued(const cnap::services::IssuedTicket &ticket, const QString &printed, const QString &printError);
    void failed(const QString &message);
    void busyChanged(bool busy);

private:
    void finishIssue(const Result<services::IssuedTicket> &result, const QString &categoryKey);
    void setBusy(bool busy);

    AppContext m_context;
    KioskCatalogue m_catalogue;
    bool m_busy = false;
};

} // namespace cnap::gui
