#pragma once

// A desk on a fresh database: catalogue seeded, a document store in the test's
// folder, a clerk actor, settings in a temporary file, and the worker thread.

#include "core/Clock.h"
#include "gui/common/AppContext.h"
#include "gui/common/TaskRunner.h"
#include "gui/desk/DeskServices.h"
#include "gui/settings/Settings.h"
#include "support/TestDatabase.h"

#include <QByteArray>
#include <QSignalSpy>

#include <functional>
#include <memory>

namespace cnap::test {

inline const QString kDeskService = QStringLiteral("00049");   ///< free, 10 working days, 2 documents
inline const QString kDeskPaidService = QStringLiteral("00100");

class DeskFixture {
public:
    explicit DeskFixture(Backend backend);
    ~DeskFixture();
    [[nodiscard]] bool ok() const { return m_ok; }
    gui::AppContext &context() { return m_context; }
    gui::desk::DeskServicesPtr services() { return m_services; }
    TestDatabase &database() { return m_db; }
    [[nodiscard]] Actor clerk() const { return m_context.actor; }

    /// Registers `count` cases directly through the service (setup only).
    bool registerCases(int count);
    /// A person with a valid РНОКПП built from `serial`.
    static Applicant person(int serial, const QString &surname = QStringLiteral("Коваленко"));

private:
    TestDatabase m_db;
    std::unique_ptr<gui::Settings> m_settings;
    std::unique_ptr<gui::TaskRunner> m_runner;
    ManualClock m_clock;
    gui::AppContext m_context;
    gui::desk::DeskServicesPtr m_services;
    bool m_ok = false;
};

/// A real (small) PDF made by Qt's PDF writer.
QByteArray realPdf();

/// Processes events until `done` or the timeout; false on timeout.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 15000);

} // namespace cnap::test
