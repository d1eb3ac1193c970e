#pragma once

// The queue test centre (tests/queue/QueueFixture.h) plus what a screen needs: a
// TaskRunner with its own worker connection and an AppContext for a given actor.
// Screens are destroyed before the runner, the runner before the database, so
// every connection is closed before the PostgreSQL test database is dropped.

#include "gui/common/AppContext.h"
#include "gui/common/TaskRunner.h"
#include "gui/settings/Settings.h"
#include "queue/QueueFixture.h"

#include <QTest>
#include <QWidget>

#include <functional>
#include <memory>

namespace cnap::test {

class GuiQueueFixture : public QueueFixture {
protected:
    void SetUp() override
    {
        QueueFixture::SetUp();
        runner = std::make_unique<gui::TaskRunner>();
        auto database = db->database();
        runner->setThreadCleanup([database]() { database->releaseThreadConnection(); });
        settings = std::make_unique<gui::Settings>(db->dir() + QStringLiteral("/workstation.ini"));
    }

    void TearDown() override
    {
        widget.reset();
        runner.reset();
        settings.reset();
        QueueFixture::TearDown();
    }

    gui::AppContext contextFor(Role role, const QString &login, const QString &desk = {})
    {
        gui::AppContext c;
        c.database = db->database();
        c.actor.userId = 1;
        c.actor.login = login;
        c.actor.role = role;
        c.actor.desk = desk;
        c.settings = settings.get();
        c.runner = runner.get();
        c.clock = &clock;
        return c;
    }

    /// Shows the screen and makes it the active window (window shortcuts need that).
    template <typename W>
    W *show(W *w)
    {
        widget.reset(w);
        w->resize(1000, 700);
        w->show();
        w->activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(w));
        return w;
    }

    /// Waits for a condition while the event loop runs (worker results, watcher).
    static bool waitFor(const std::function<bool()> &condition, int ms = 10000)
    {
        return QTest::qWaitFor(condition, ms);
    }

    std::unique_ptr<gui::TaskRunner> runner;
    std::unique_ptr<gui::Settings> settings;
    std::unique_ptr<QWidget> widget;
};

} // namespace cnap::test
