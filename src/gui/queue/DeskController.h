#pragma once

// The clerk's desk: state, current visitor and the desk actions, kept live by a
// QueueWatcher (on its own thread) and loaded on the TaskRunner's worker.

#include "core/queue/QueueModel.h"
#include "gui/common/AppContext.h"
#include "gui/queue/LiveLoader.h"
#include "services/QueueService.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

namespace cnap::gui {

class WatcherThread;

/// Everything the desk panel shows, read in one go on the worker.
struct DeskView final {
    QString deskName;
    bool deskKnown = false;
    queue::DeskState deskState = queue::DeskState::Closed;
    std::optional<queue::Ticket> current;
    bool centrePaused = false;
    QString pauseReason;
    qint64 nowMs = 0;
    QList<queue::QueueSnapshot> deskQueues;   ///< queues holding a service this desk serves
    QStringList deskServices;
    // reference data, loaded once
    QHash<QString, QString> serviceNames;     ///< code → name
    QList<queue::PriorityCategory> categories;
    QList<queue::QueueServiceEntry> services;
    QStringList deskNames;
    QList<queue::QueueGroup> groups;
};

class DeskController final : public QObject {
    Q_OBJECT
public:
    /// `pollMs` overrides the watcher's poll interval (0 = its default).
    explicit DeskController(AppContext context, int pollMs = 0, QObject *parent = nullptr);
    ~DeskController() override;

    /// Starts the watcher and the first load.
    void start();

    [[nodiscard]] const DeskView &view() const { return m_view; }
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] bool isOnline() const { return m_loader.isOnline(); }
    /// The role may serve a desk and a desk is set for this session.
    [[nodiscard]] bool canServe() const;
    [[nodiscard]] const AppContext &context() const { return m_context; }

    [[nodiscard]] QString serviceName(const QString &code) const;
    [[nodiscard]] std::optional<queue::PriorityCategory> category(const QString &key) const;
    /// Visitors waiting in the queues this desk serves.
    [[nodiscard]] int waitingForDesk() const;

public Q_SLOTS:
    void refresh();
    void callNext();
    void recall();
    void startService();
    void finish(cnap::queue::Outcome outcome);
    void markNoShow();
    void redirect(const cnap::services::RedirectTarget &target);
    void postpone(int minutes = 0);
    /// Pauses an open desk, resumes a paused one, opens a closed one.
    void togglePause();
    void returnToQueue(const QString &ticketNumber);

Q_SIGNALS:
    void viewChanged();
    /// A line for the panel's message area; `error` picks the colour.
    void message(const QString &text, bool error);
    void busyChanged(bool busy);
    void connectionChanged(bool online);
    /// A visitor was called to this desk (after callNext succeeded).  For the intake
    /// screen: connect to prefill a new case for the called visitor's services.
    void ticketCalled(const cnap::queue::Ticket &ticket);

private:
    using TicketJob = std::function<Result<queue::Ticket>(services::QueueService &)>;
    void runTicketAction(TicketJob job, std::function<QString(const queue::Ticket &)> describe);
    void setBusy(bool busy);
    void actionFailed(const Error &error);
    [[nodiscard]] bool ready();

    AppContext m_context;
    DeskView m_view;
    bool m_busy = false;
    bool m_haveReference = false;
    std::shared_ptr<bool> m_referenceLoaded;  // touched on the worker only
    WatcherThread *m_watcher = nullptr;
    LiveLoader<DeskView> m_loader;
};

} // namespace cnap::gui
