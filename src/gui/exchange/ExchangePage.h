#pragma once

#include "gui/common/AppContext.h"
#include "gui/exchange/ExchangeSetup.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;

namespace cnap::gui::exchange {

class MessageLogPanel;
class OutboxController;
class SyncController;

/// "Обмін з реєстрами": the outbox counts (pending, in flight, delivered, not
/// delivered), the outbox filtered by state, the dead letters with their
/// reasons and "Повторити", "Синхронізувати зараз" with its progress bar and
/// the cycle's report, and the message log for those allowed to read it.
/// Sections follow the actor's permissions; the services check again.
class ExchangePage final : public QWidget {
    Q_OBJECT
public:
    ExchangePage(AppContext context, ExchangeSetup setup, QWidget *parent = nullptr);

    [[nodiscard]] OutboxController *outbox() const { return m_outbox; }
    [[nodiscard]] SyncController *sync() const { return m_sync; }
    /// Null when the actor may not read the log.
    [[nodiscard]] MessageLogPanel *messageLog() const { return m_log; }
    /// "Синхронізувати зараз" (Ctrl+Shift+S); the feature puts it into the window and the Обмін menu.
    [[nodiscard]] QAction *syncAction() const { return m_syncAction; }
    [[nodiscard]] QPushButton *syncButton() const { return m_syncButton; }
    [[nodiscard]] QProgressBar *progressBar() const { return m_progress; }
    [[nodiscard]] QLabel *reportLabel() const { return m_report; }
    [[nodiscard]] QLabel *countsLabel() const { return m_counts; }
    [[nodiscard]] QTableView *outboxView() const { return m_outboxView; }
    [[nodiscard]] QTableView *deadView() const { return m_deadView; }
    [[nodiscard]] QPushButton *requeueButton() const { return m_requeueButton; }
    [[nodiscard]] QTabWidget *sections() const { return m_tabs; }

public Q_SLOTS:
    /// Counts and lists again (F5).
    void refresh();
    void syncNow();
    /// Re-queues the dead letter selected in the dead letters table.
    void requeueSelected();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildOutboxTab();
    QWidget *buildDeadTab();
    void updateSyncControls();
    void showCounts();
    void showError(const Error &error, bool modal);

    AppContext m_context;
    OutboxController *m_outbox = nullptr;
    SyncController *m_sync = nullptr;
    MessageLogPanel *m_log = nullptr;
    QAction *m_syncAction = nullptr;
    QPushButton *m_syncButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_report = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_message = nullptr;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QTableView *m_outboxView = nullptr;
    QTableView *m_deadView = nullptr;
    QPushButton *m_requeueButton = nullptr;
    int m_deadTabIndex = -1;
    bool m_canReadOutbox = false;
    bool m_shownOnce = false;
};

} // namespace cnap::gui::exchange
