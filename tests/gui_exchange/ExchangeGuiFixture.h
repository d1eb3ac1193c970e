#pragma once

// The exchange screens on a fresh database: the outbox tests' catalogue (services
// bound to registries) and case service, a document store in the test folder,
// workstation settings in a temporary file, the worker thread, and contexts
// acting as each role.  Sync configurations point at a simulator.

#include "OutboxFixture.h"

#include "core/Clock.h"
#include "gui/common/AppContext.h"
#include "gui/common/TaskRunner.h"
#include "gui/settings/Settings.h"

#include <QTest>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace cnap::test {

class ExchangeGuiFixture {
public:
    explicit ExchangeGuiFixture(Backend backend);
    ~ExchangeGuiFixture();
    [[nodiscard]] bool ok() const { return m_ok; }
    outbox::OutboxFixture &outbox() { return *m_outbox; }
    storage::DatabasePtr database() { return m_outbox->database().database(); }
    [[nodiscard]] QString dir() { return m_outbox->database().dir(); }
    gui::Settings &settings() { return *m_settings; }
    gui::TaskRunner &runner() { return *m_runner; }

    /// A context acting as `role` (settings, runner and database of this fixture).
    gui::AppContext contextAs(Role role, const QString &login = QStringLiteral("actor"));
    /// Writes a sync configuration for a simulator at `url` into the test folder;
    /// returns its path ([storage] documents left empty: the desk's store is used).
    QString writeSyncConfig(const QString &url, const std::function<void(::cnap::exchange::sync::SyncConfig &)> &tweak = {});
    /// Registers a residence case whose applicant lacks the КАТОТТГ code the
    /// register needs: its message goes to the dead letters at once.
    QString registerDeadCase(int serial);
    /// Gives that applicant the missing code (the fix before a re-queue).
    bool fixApplicantOf(const QString &caseNumber);
    storage::OutboxItem item(const QString &caseNumber);

private:
    std::unique_ptr<outbox::OutboxFixture> m_outbox;
    std::unique_ptr<gui::Settings> m_settings;
    std::unique_ptr<gui::TaskRunner> m_runner;
    bool m_ok = false;
};

/// Processes events until `done` or the timeout; false on timeout.
inline bool waitFor(const std::function<bool()> &done, int timeoutMs = 30000) { return QTest::qWaitFor(done, timeoutMs); }

/// The QMessageBox child of `parent` shown by ErrorPresenter, if any; its text.
QString presentedError(QWidget *parent);
/// Closes every message box under `parent`.
void closeMessageBoxes(QWidget *parent);

} // namespace cnap::test
