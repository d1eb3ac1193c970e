#pragma once

#include "gui/common/AppContext.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;

namespace cnap::gui {

/// The clerk's and supervisor's main window.  It only assembles: feature
/// widgets come from src/gui/<feature>/, each with its own controller.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AppContext context, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// A page in the central tab area; `shortcut` switches to it.
    void addPage(QWidget *page, const QString &title, const QKeySequence &shortcut);
    /// A dockable panel (queue, applicant) on the given side.
    void addPanel(QWidget *panel, const QString &title, Qt::DockWidgetArea area);
    [[nodiscard]] QMenu *menu(const QString &key) const;
    void showPage(int index);
    [[nodiscard]] const AppContext &context() const { return m_context; }

Q_SIGNALS:
    void lockRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void restoreLayout();

    AppContext m_context;
    QTabWidget *m_pages = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_dbLabel = nullptr;
    QMap<QString, QMenu *> m_menus;
};

} // namespace cnap::gui
