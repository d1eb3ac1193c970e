#pragma once

#include "core/Clock.h"
#include "core/security/Access.h"
#include "storage/Database.h"

#include <QObject>
#include <QString>

namespace cnap::gui {

class Settings;
class TaskRunner;

/// What every screen needs, handed down from main(): the database, who is
/// logged in at which desk, settings, the clock, and the worker that keeps
/// database and network work off the UI thread.
struct AppContext {
    storage::DatabasePtr database;
    Actor actor;
    Settings *settings = nullptr;
    TaskRunner *runner = nullptr;
    const Clock *clock = &Clock::system();
};

} // namespace cnap::gui
