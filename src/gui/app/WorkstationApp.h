#pragma once

#include "gui/common/AppContext.h"
#include "gui/main/Features.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class QTimer;
class QWidget;

namespace cnap::gui {

class Settings;
class TaskRunner;

/// Start-up and the life of one workstation process: command line, database,
/// login, the window for the chosen mode, idle lock.
class WorkstationApp final : public QObject {
    Q_OBJECT
public:
    WorkstationApp();
    ~WorkstationApp() override;

    /// Before QApplication exists: on Linux with no display and no platform
    /// chosen, explains how to run and returns 1; 0 otherwise.
    static int checkDisplay();

    /// Parses arguments, opens the database, logs in and shows the window.
    /// Returns an exit code to stop with, or -1 to enter the event loop.
    int start(const QStringList &arguments);


private:
    int fail(const QString &message);
    bool login(const QString &presetLogin, bool fixedLogin);
    QWidget *createWindow(Mode mode);
    void scheduleScreenshot(QWidget *window, const QString &file, int delayMs);
    void setupIdleLock();
    void lockNow();
    bool eventFilter(QObject *watched, QEvent *event) override;

    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<TaskRunner> m_runner;
    AppContext m_context;
    Mode m_mode = Mode::Workstation;
    QPointer<QWidget> m_window;
    QTimer *m_idleTimer = nullptr;
    bool m_locked = false;
};

} // namespace cnap::gui
