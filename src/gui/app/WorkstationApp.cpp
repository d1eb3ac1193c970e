#include "gui/app/WorkstationApp.h"

#include "core/Translations.h"
#include "gui/common/ErrorPresenter.h"
#include "gui/common/TaskRunner.h"
#include "gui/desk/CaseViewPage.h"
#include "gui/desk/DeskFeature.h"
#include "gui/login/ChangePasswordDialog.h"
#include "gui/login/LoginDialog.h"
#include "gui/main/MainWindow.h"
#include "gui/main/Features.h"
#include "gui/settings/Settings.h"
#include "services/AuthService.h"
#include "storage/Migrator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEvent>
#include <QFile>
#include <QMessageBox>
#include <QScreen>
#include <QTextStream>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace cnap::gui {
namespace {

/// Checks a login against the database; each call opens its own service
/// (it runs on the worker thread, with that thread's connection).
Authenticator authenticatorFor(const storage::DatabasePtr &database)
{
    return [database](const QString &login, const QString &password, const QString &desk) {
        return services::AuthService(database).login(login, password, desk);
    };
}

} // namespace

WorkstationApp::WorkstationApp() = default;

WorkstationApp::~WorkstationApp()
{
    delete m_window;
    m_runner.reset();  // releases the worker's connection before the database goes
    m_context.database.reset();
}

int WorkstationApp::checkDisplay()
{
#if defined(Q_OS_LINUX)
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        // Before QApplication: Qt would abort with a less helpful message.
        std::fputs("cnap-workstation: немає графічного дисплея (DISPLAY/WAYLAND_DISPLAY не задано).\n"
                   "Запустіть у графічному сеансі, під Xvfb (xvfb-run) або з QT_QPA_PLATFORM=offscreen.\n"
                   "No display: run in a graphical session, under xvfb-run, or with QT_QPA_PLATFORM=offscreen.\n",
                   stderr);
        return 1;
    }
#endif
    return 0;
}

int WorkstationApp::fail(const QString &message)
{
    QTextStream(stderr) << "cnap-workstation: " << message << Qt::endl;
    if (QGuiApplication::platformName() != QStringLiteral("offscreen") && QGuiApplication::platformName() != QStringLiteral("minimal"))
        QMessageBox::critical(nullptr, tr("Робоче місце ЦНАП"), message);
    return 1;
}

int WorkstationApp::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Робоче місце ЦНАП: адміністратор, керівник, кіоск, табло, відгуки"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption modeOpt(QStringLiteral("mode"), tr("Режим: workstation, supervisor, display, kiosk, feedback."), QStringLiteral("MODE"), QStringLiteral("workstation"));
    const QCommandLineOption dbOpt(QStringLiteral("db"), tr("База даних: sqlite:ШЛЯХ або postgresql://…"), QStringLiteral("URL"));
    const QCommandLineOption langOpt(QStringLiteral("lang"), tr("Мова інтерфейсу: uk або en."), QStringLiteral("LANG"));
    const QCommandLineOption deskOpt(QStringLiteral("desk"), tr("Номер вікна цього робочого місця."), QStringLiteral("DESK"));
    const QCommandLineOption settingsOpt(QStringLiteral("settings"), tr("Файл налаштувань (INI)."), QStringLiteral("FILE"));
    const QCommandLineOption loginOpt(QStringLiteral("login"), tr("Логін (для кіоска, табло та автоматизації)."), QStringLiteral("LOGIN"));
    const QCommandLineOption passwordStdinOpt(QStringLiteral("password-stdin"), tr("Прочитати пароль зі стандартного входу."));
    const QCommandLineOption shotOpt(QStringLiteral("screenshot"), tr("Зберегти знімок вікна у файл PNG і вийти."), QStringLiteral("FILE"));
    const QCommandLineOption shotDelayOpt(QStringLiteral("screenshot-delay"), tr("Затримка перед знімком, мс."), QStringLiteral("MS"), QStringLiteral("1500"));
    const QCommandLineOption pageOpt(QStringLiteral("page"), tr("Сторінка, відкрита після входу: номер вкладки від 0 або ключ (напр. supervisor-reports)."), QStringLiteral("N|KEY"));
    // Automation for the user guide's screenshots (scripts/screenshots).
    const QCommandLineOption openCaseOpt(QStringLiteral("open-case"), tr("Відкрити після входу картку справи з цим номером."), QStringLiteral("NUMBER"));
    const QCommandLineOption shotLoginOpt(QStringLiteral("screenshot-login"), tr("Разом із --screenshot: зняти вікно входу замість головного вікна і вийти."));
    parser.addOptions({modeOpt, dbOpt, langOpt, deskOpt, settingsOpt, loginOpt, passwordStdinOpt, shotOpt, shotDelayOpt, pageOpt,
                       openCaseOpt, shotLoginOpt});
    parser.process(arguments);

    m_settings = std::make_unique<Settings>(parser.value(settingsOpt));
    const QString lang = parser.isSet(langOpt) ? parser.value(langOpt) : m_settings->string(Settings::Key::Language);
    if (!installTranslations(lang))
        return fail(tr("невідома мова «%1»; можливі: uk, en").arg(lang));

    const QString modeText = parser.value(modeOpt);
    bool modeFound = false;
    for (Mode m : {Mode::Workstation, Mode::Supervisor, Mode::Display, Mode::Kiosk, Mode::Feedback}) {
        if (modeKey(m) == modeText) {
            m_mode = m;
            modeFound = true;
        }
    }
    if (!modeFound)
        return fail(tr("невідомий режим «%1»; можливі: workstation, supervisor, display, kiosk, feedback").arg(modeText));

    QString dbText = parser.value(dbOpt);
    if (dbText.isEmpty())
        dbText = qEnvironmentVariable("CNAP_DB");
    if (dbText.isEmpty())
        dbText = m_settings->string(Settings::Key::DatabaseUrl);
    if (dbText.isEmpty())
        return fail(tr("не вказано базу даних: --db URL, змінна CNAP_DB або налаштування"));
    auto url = storage::DatabaseUrl::parse(dbText);
    if (!url)
        return fail(url.error().describe());
    auto db = storage::Database::open(url.value());
    if (!db)
        return fail(db.error().message);
    storage::Migrator migrator(*db.value());
    auto version = migrator.currentVersion();
    if (!version)
        return fail(version.error().message);
    if (version.value() != migrator.latestVersion())
        return fail(version.value() > migrator.latestVersion()
                        ? tr("база даних створена новішою версією програми; оновіть програму")
                        : tr("схема бази даних не актуальна; адміністратор має виконати: cnapctl --db URL init"));
    m_context.database = db.value();
    m_context.settings = m_settings.get();
    m_runner = std::make_unique<TaskRunner>();
    auto database = m_context.database;
    m_runner->setThreadCleanup([database]() { database->releaseThreadConnection(); });
    m_context.runner = m_runner.get();

    const QString desk = parser.isSet(deskOpt) ? parser.value(deskOpt) : m_settings->string(Settings::Key::Desk);
    if (parser.isSet(shotLoginOpt)) {
        if (!parser.isSet(shotOpt))
            return fail(tr("--screenshot-login потребує --screenshot ФАЙЛ"));
        auto *dialog = new LoginDialog(authenticatorFor(m_context.database), m_runner.get());
        dialog->setLogin(parser.value(loginOpt), false);
        dialog->setDesk(desk, true);
        m_window = dialog;
        dialog->show();
        scheduleScreenshot(dialog, parser.value(shotOpt), parser.value(shotDelayOpt).toInt());
        return -1;
    }
    if (parser.isSet(passwordStdinOpt)) {
        // Automation (screenshots, kiosks started by a service manager).
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return fail(tr("не вдалося прочитати пароль зі стандартного входу"));
        const QString password = QString::fromUtf8(in.readLine()).trimmed();
        Result<LoginOutcome> outcome = Error::make(ErrorCode::Internal, QString());
        services::AuthService auth(m_context.database);
        const QString login = parser.value(loginOpt);
        m_runner->runBlocking([&]() { outcome = auth.login(login, password, desk); });
        if (!outcome)
            return fail(outcome.error().message);
        if (outcome->mustChangePassword)
            return fail(tr("для облікового запису %1 потрібно змінити пароль: увійдіть інтерактивно").arg(login));
        m_context.actor = outcome->actor;
    } else {
        m_context.actor.desk = desk;
        if (!login(parser.value(loginOpt), false))
            return 0;
    }

    QWidget *window = createWindow(m_mode);
    if (!window)
        return 1;
    m_window = window;
    auto *main = qobject_cast<MainWindow *>(window);
    if (parser.isSet(pageOpt)) {
        const QString page = parser.value(pageOpt);
        bool numeric = false;
        const int index = page.toInt(&numeric);
        if (numeric) {
            if (main)
                main->showPage(index);
        } else if (!main || !main->showPage(page)) {
            // A key that is not there is a mistake worth stopping for: a screenshot
            // of the wrong page would pass unnoticed.
            const QStringList keys = main ? main->pageKeys() : QStringList();
            return fail(tr("у режимі «%1» немає сторінки «%2»; доступні: %3")
                            .arg(modeKey(m_mode), page, keys.isEmpty() ? tr("—") : keys.join(QStringLiteral(", "))));
        }
    }
    if (parser.isSet(openCaseOpt)) {
        desk::CaseViewPage *caseView = main ? desk::deskOf(*main).caseView.data() : nullptr;
        if (!caseView)
            return fail(tr("у режимі «%1» немає картки справи").arg(modeKey(m_mode)));
        desk::showPageWidget(caseView);
        caseView->openCase(parser.value(openCaseOpt).trimmed());
    }
    if (m_mode == Mode::Display || m_mode == Mode::Kiosk || m_mode == Mode::Feedback) {
        if (parser.isSet(shotOpt))
            window->resize(1280, 800);
        else
            window->showFullScreen();
    } else {
        window->resize(1366, 800);
        setupIdleLock();
    }
    window->show();
    if (parser.isSet(shotOpt))
        scheduleScreenshot(window, parser.value(shotOpt), parser.value(shotDelayOpt).toInt());
    return -1;
}

bool WorkstationApp::login(const QString &presetLogin, bool fixedLogin)
{
    auto database = m_context.database;
    LoginDialog dialog(authenticatorFor(database), m_runner.get(), m_window);
    dialog.setLogin(presetLogin, fixedLogin);
    dialog.setDesk(m_context.actor.desk, !fixedLogin);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    m_context.actor = dialog.outcome().actor;
    if (dialog.outcome().mustChangePassword) {
        const Actor actor = m_context.actor;
        ChangePasswordDialog change(
            [database, actor](const QString &oldPw, const QString &newPw) {
                services::AuthService auth(database);
                return auth.changeOwnPassword(actor, oldPw, newPw);
            },
            services::AuthService::passwordRules(), m_runner.get(), m_window);
        if (change.exec() != QDialog::Accepted)
            return false;
    }
    return true;
}

QWidget *WorkstationApp::createWindow(Mode mode)
{
    QWidget *w = nullptr;
    switch (mode) {
    case Mode::Workstation:
    case Mode::Supervisor: {
        auto *main = new MainWindow(m_context);
        connect(main, &MainWindow::lockRequested, this, &WorkstationApp::lockNow);
        FeatureRegistry::installInto(*main, mode);
        w = main;
        break;
    }
    case Mode::Display:
    case Mode::Kiosk:
    case Mode::Feedback:
        w = FeatureRegistry::createWindow(mode, m_context);
        break;
    }
    if (!w)
        fail(tr("режим «%1» недоступний для ролі «%2»").arg(modeKey(mode), roleDisplayName(m_context.actor.role)));
    return w;
}

void WorkstationApp::scheduleScreenshot(QWidget *window, const QString &file, int delayMs)
{
    QPointer<QWidget> guard(window);
    QTimer::singleShot(delayMs, this, [guard, file]() {
        int code = 1;
        if (guard) {
            const QPixmap shot = guard->grab();
            code = shot.save(file, "PNG") ? 0 : 1;
        }
        QApplication::exit(code);
    });
}

void WorkstationApp::setupIdleLock()
{
    const int minutes = m_settings->integer(Settings::Key::IdleLockMinutes);
    if (minutes <= 0)
        return;
    m_idleTimer = new QTimer(this);
    m_idleTimer->setSingleShot(true);
    m_idleTimer->setInterval(minutes * 60 * 1000);
    connect(m_idleTimer, &QTimer::timeout, this, &WorkstationApp::lockNow);
    qApp->installEventFilter(this);
    m_idleTimer->start();
}

bool WorkstationApp::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        if (m_idleTimer && !m_locked)
            m_idleTimer->start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void WorkstationApp::lockNow()
{
    if (m_locked || !m_window)
        return;
    m_locked = true;
    const Actor actor = m_context.actor;
    auto database = m_context.database;
    m_runner->run(this, [database, actor]() { return services::AuthService(database).lockSession(actor); }, [](Status) {});
    // Personal data must not stay on screen: hide the window behind the unlock dialog.
    m_window->hide();
    auto *dialog = new LoginDialog(authenticatorFor(database), m_runner.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Робоче місце заблоковано"));
    dialog->setLogin(actor.login, true);
    dialog->setDesk(actor.desk, false);
    connect(dialog, &QDialog::accepted, this, [this]() {
        m_locked = false;
        if (m_window)
            m_window->show();
        if (m_idleTimer)
            m_idleTimer->start();
    });
    connect(dialog, &QDialog::rejected, qApp, &QApplication::quit);
    dialog->open();
}

} // namespace cnap::gui
