#pragma once

#include "exchange/sync/SyncEngine.h"
#include "gui/common/AppContext.h"
#include "gui/exchange/ExchangeSetup.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace cnap::gui {
class TaskRunner;
}

namespace cnap::gui::exchange {

/// Carries the engine's progress callbacks (called on the engine's own worker
/// threads, several at once) to the UI thread as a queued signal.
class SyncProgressRelay final : public QObject {
    Q_OBJECT
Q_SIGNALS:
    void progressed(int finished, int total);
};

/// "Sync now": one ExchangeService::syncNow cycle with progress.  The cycle
/// runs on a TaskRunner of its own — it talks to the security server and may
/// take minutes, and the window's shared worker must stay free for the case
/// list and searches meanwhile.  The configuration file is read again for
/// every cycle, so an administrator's edit takes effect without a restart.
class SyncController final : public QObject {
    Q_OBJECT
public:
    SyncController(AppContext context, ExchangeSetup setup, QObject *parent = nullptr);
    /// Stops a running cycle and waits for it: messages on the wire finish,
    /// the rest go back to the outbox for the daemon or the next Sync now.
    ~SyncController() override;

    [[nodiscard]] const ExchangeSetup &setup() const { return m_setup; }
    /// Reads the configuration again (on show: the file may have been fixed).
    void setSetup(ExchangeSetup setup);
    /// Whether Sync now can run: a usable configuration and the ExchangeRun permission.
    [[nodiscard]] bool available() const;
    /// Why not (Ukrainian, with what to do); empty when available.
    [[nodiscard]] QString unavailableReason() const;
    [[nodiscard]] bool running() const { return m_running; }
    /// 0–100: items finished of those due; 100 once the cycle has ended.
    [[nodiscard]] int percent() const { return m_percent; }

public Q_SLOTS:
    void syncNow();

Q_SIGNALS:
    void runningChanged(bool running);
    void progressChanged(int percent, int finished, int total);
    void finished(const cnap::exchange::sync::CycleReport &report);
    void failed(const cnap::Error &error);

private:
    void onProgress(int finished, int total);
    void setRunning(bool running);

    AppContext m_context;
    ExchangeSetup m_setup;
    std::unique_ptr<TaskRunner> m_runner;
    std::shared_ptr<std::atomic<bool>> m_stop;  ///< the running cycle's stop request
    bool m_running = false;
    int m_percent = 0;
    int m_finished = 0;
};

} // namespace cnap::gui::exchange
