#pragma once

#include "gui/common/AppContext.h"

#include <QMainWindow>
#include <QStringList>

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
    /// Shows the page a feature added, by its FeatureRegistrar key (e.g.
    /// "supervisor-reports"); false when this window has no such page.
    bool showPage(const QString &key);
    [[nodiscard]] int pageCount() const;
    /// Ties the page at `index` to the key of the feature that added it.
    void setPageKey(int index, const QString &key);
    /// The pages' feature keys in tab order (empty for a page no feature named).
    [[nodiscard]] QStringList pageKeys() const { return m_pageKeys; }
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
    QStringList m_pageKeys;  ///< parallel to m_pages' tabs
};

} // namespace cnap::gui
