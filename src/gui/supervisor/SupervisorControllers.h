#pragma once

// Controllers of the supervisor console.  All database work runs on the
// TaskRunner's worker; results come back as signals on the UI thread.

#include "core/reports/Report.h"
#include "core/reports/Supervision.h"
#include "gui/common/AppContext.h"
#include "services/ExchangeService.h"
#include "services/ReportService.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

namespace cnap::gui {

class WatcherThread;

/// Keeps the live centre fresh: the queue watcher (gui/queue/WatcherThread: on a
/// thread of its own, as its reconnect waits must not freeze the screen) wakes it on every change, a
/// one-second tick keeps the clocks moving; loads never overlap, and requests
/// during a load coalesce into one more.
class LiveCentreController final : public QObject {
    Q_OBJECT
public:
    explicit LiveCentreController(AppContext context, QObject *parent = nullptr);
    ~LiveCentreController() override;

    /// Starts the watcher and the tick (call once the page exists).
    void start();
    void setAlertRules(const reports::AlertRules &rules);
    [[nodiscard]] const reports::AlertRules &alertRules() const { return m_rules; }
    [[nodiscard]] bool isLoading() const { return m_loading; }

    void refresh();
    void pauseCentre(const QString &reason);
    void resumeCentre();
    /// Reassigns a desk's services for today only (QueueConfigure; the usual set returns tomorrow).
    void reassignDesk(const QString &desk, const QStringList &serviceCodes);
    /// Services the queue knows, for the reassignment dialog: (code, name).
    void loadServices();

Q_SIGNALS:
    void updated(const cnap::reports::LiveCentre &centre);
    void failed(const cnap::Error &error);
    void actionDone(const QString &message);
    void servicesLoaded(const QList<QPair<QString, QString>> &services);

private:
    void runAction(std::function<Status()> action, const QString &doneMessage);

    AppContext m_context;
    reports::AlertRules m_rules;
    WatcherThread *m_watcher = nullptr;
    QTimer m_tick;
    bool m_loading = false;
    bool m_again = false;
};

/// Deadline control and its drill-down.
class DeadlineController final : public QObject {
    Q_OBJECT
public:
    explicit DeadlineController(AppContext context, QObject *parent = nullptr);
    void load(double atRiskShare);
    void drillDown(const QString &provider, const QString &serviceCode, double atRiskShare);
    /// Exchange health (ExchangeService::health): backlog, dead letters, last delivery per registry.
    void loadExchange();

Q_SIGNALS:
    void loaded(const cnap::services::DeadlineControl &control);
    void casesLoaded(const QList<cnap::storage::DeadlineCase> &cases, const QDate &today);
    void failed(const cnap::Error &error);
    void exchangeLoaded(const cnap::services::ExchangeHealth &health);
    void exchangeFailed(const cnap::Error &error);

private:
    AppContext m_context;
};

/// Runs reports and exports them.
class ReportsController final : public QObject {
    Q_OBJECT
public:
    explicit ReportsController(AppContext context, QObject *parent = nullptr);
    void run(reports::ReportKind kind, const QDate &from, const QDate &to, const reports::ReportFilter &filter);
    void exportFile(const reports::ReportTable &table, services::ExportFormat format, const QString &path);
    /// Checks ReportsExport before PDF or print (done on the UI thread: no database).
    [[nodiscard]] Status mayExport() const;

Q_SIGNALS:
    void finished(const cnap::reports::ReportTable &table);
    void exported(const QString &path);
    void failed(const cnap::Error &error);

private:
    AppContext m_context;
};

} // namespace cnap::gui
