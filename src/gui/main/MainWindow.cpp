#include "gui/main/MainWindow.h"

#include "gui/settings/Settings.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>

namespace cnap::gui {

MainWindow::MainWindow(AppContext context, QWidget *parent)
    : QMainWindow(parent), m_context(std::move(context))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("ЦНАП — робоче місце адміністратора"));
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("pagesTabWidget"));
    m_pages->setDocumentMode(true);
    setCentralWidget(m_pages);

    m_userLabel = new QLabel(this);
    m_userLabel->setObjectName(QStringLiteral("userLabel"));
    m_userLabel->setText(tr("%1 (%2), вікно %3")
                             .arg(m_context.actor.login, roleDisplayName(m_context.actor.role),
                                  m_context.actor.desk.isEmpty() ? tr("—") : m_context.actor.desk));
    m_dbLabel = new QLabel(this);
    m_dbLabel->setObjectName(QStringLiteral("databaseLabel"));
    if (m_context.database)
        m_dbLabel->setText(m_context.database->url().toDisplayString());
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_dbLabel);

    buildMenus();
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    const std::pair<const char *, QString> menus[] = {
        {"file", tr("&Файл")},     {"queue", tr("&Черга")},   {"cases", tr("&Справи")},
        {"exchange", tr("&Обмін")}, {"reports", tr("&Звіти")}, {"help", tr("&Довідка")},
    };
    for (const auto &[key, title] : menus)
        m_menus.insert(QString::fromLatin1(key), menuBar()->addMenu(title));

    QMenu *file = m_menus.value(QStringLiteral("file"));
    QAction *lock = file->addAction(tr("&Заблокувати робоче місце"));
    lock->setObjectName(QStringLiteral("lockAction"));
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(lock, &QAction::triggered, this, &MainWindow::lockRequested);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Вийти"));
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *help = m_menus.value(QStringLiteral("help"));
    QAction *about = help->addAction(tr("&Про програму"));
    connect(about, &QAction::triggered, this, [this]() {
        QMessageBox::about(this, tr("Про програму"),
                           tr("Робоче місце адміністратора ЦНАП, версія %1").arg(QApplication::applicationVersion()));
    });
}

QMenu *MainWindow::menu(const QString &key) const { return m_menus.value(key); }

void MainWindow::showPage(int index)
{
    if (index >= 0 && index < m_pages->count())
        m_pages->setCurrentIndex(index);
}

bool MainWindow::showPage(const QString &key)
{
    const int index = m_pageKeys.indexOf(key);
    if (key.isEmpty() || index < 0)
        return false;
    m_pages->setCurrentIndex(index);
    return true;
}

int MainWindow::pageCount() const { return m_pages->count(); }

void MainWindow::setPageKey(int index, const QString &key)
{
    if (index >= 0 && index < m_pageKeys.size())
        m_pageKeys[index] = key;
}

void MainWindow::addPage(QWidget *page, const QString &title, const QKeySequence &shortcut)
{
    const int index = m_pages->addTab(page, title);
    m_pageKeys.insert(index, QString());
    if (!shortcut.isEmpty()) {
        auto *action = new QAction(title, this);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, [this, index]() { m_pages->setCurrentIndex(index); });
        addAction(action);
        m_pages->setTabToolTip(index, title + QStringLiteral(" (") + shortcut.toString(QKeySequence::NativeText) + u')');
    }
}

void MainWindow::addPanel(QWidget *panel, const QString &title, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(panel->objectName() + QStringLiteral("Dock"));
    dock->setWidget(panel);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
}

void MainWindow::restoreLayout()
{
    if (!m_context.settings)
        return;
    restoreGeometry(m_context.settings->value(Settings::Key::MainWindowGeometry).toByteArray());
    restoreState(m_context.settings->value(Settings::Key::MainWindowState).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_context.settings) {
        m_context.settings->setValue(Settings::Key::MainWindowGeometry, saveGeometry());
        m_context.settings->setValue(Settings::Key::MainWindowState, saveState());
    }
    event->accept();
}

} // namespace cnap::gui
